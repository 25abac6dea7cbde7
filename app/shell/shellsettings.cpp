#include "shellsettings.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSettings, "mana.shell.settings")

namespace mana {

namespace {

const QString kTheme = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kLastModule = QStringLiteral("navigation/lastModule");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kMaximized = QStringLiteral("window/maximized");

// A hand-edited or older file must not put the shell in an unknown state.
QString oneOf(const QString &value, const QStringList &allowed)
{
    if (allowed.contains(value))
        return value;
    if (!value.isEmpty())
        qCWarning(lcSettings) << "ignoring setting value" << value << "- expected one of"
                              << allowed;
    return allowed.first();
}

} // namespace

ShellSettings::ShellSettings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(filePath, QSettings::IniFormat)
{
    m_theme = oneOf(m_settings.value(kTheme).toString(), themes());
    m_language = oneOf(m_settings.value(kLanguage).toString(), languages());
    m_lastModule = m_settings.value(kLastModule).toString();
    const QRect geometry = m_settings.value(kGeometry).toRect();
    if (geometry.isValid() && geometry.width() < 100000 && geometry.height() < 100000)
        m_windowGeometry = geometry;
    m_windowMaximized = m_settings.value(kMaximized, false).toBool();
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcSettings) << "could not read" << filePath << "- using defaults";
}

void ShellSettings::setTheme(const QString &theme)
{
    const QString value = oneOf(theme, themes());
    if (value == m_theme)
        return;
    m_theme = value;
    m_settings.setValue(kTheme, value);
    emit themeChanged();
}

void ShellSettings::setLanguage(const QString &language)
{
    const QString value = oneOf(language, languages());
    if (value == m_language)
        return;
    m_language = value;
    m_settings.setValue(kLanguage, value);
    emit languageChanged();
}

void ShellSettings::setLastModule(const QString &moduleId)
{
    if (moduleId == m_lastModule)
        return;
    m_lastModule = moduleId;
    m_settings.setValue(kLastModule, moduleId);
    emit lastModuleChanged();
}

void ShellSettings::setWindowGeometry(const QRect &geometry)
{
    if (geometry == m_windowGeometry || !geometry.isValid())
        return;
    m_windowGeometry = geometry;
    m_settings.setValue(kGeometry, geometry);
    emit windowGeometryChanged();
}

void ShellSettings::setWindowMaximized(bool maximized)
{
    if (maximized == m_windowMaximized)
        return;
    m_windowMaximized = maximized;
    m_settings.setValue(kMaximized, maximized);
    emit windowMaximizedChanged();
}

void ShellSettings::sync()
{
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcSettings) << "could not write" << m_settings.fileName();
}

} // namespace mana
