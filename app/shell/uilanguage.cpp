#include "uilanguage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>

Q_LOGGING_CATEGORY(lcLanguage, "mana.shell.language")

namespace mana {

UiLanguage::UiLanguage(QObject *parent)
    : QObject(parent)
{}

UiLanguage::~UiLanguage()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

QString UiLanguage::resolve(const QString &setting, const QStringList &systemUiLanguages)
{
    if (setting == QLatin1String("en") || setting == QLatin1String("de"))
        return setting;
    for (const QString &language : systemUiLanguages) {
        const QString code =
            language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (code == QLatin1String("de") || code == QLatin1String("en"))
            return code;
    }
    return QStringLiteral("en");
}

bool UiLanguage::apply(const QString &setting)
{
    const QString language = resolve(setting, QLocale::system().uiLanguages());
    auto translator = std::make_unique<QTranslator>();
    const QString file = QStringLiteral(":/i18n/manacore_%1.qm").arg(language);
    const bool loaded = translator->load(file);
    if (!loaded)
        qCWarning(lcLanguage) << "could not load" << file << "- the UI stays English";

    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
    if (loaded) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    const QString effective = loaded ? language : QStringLiteral("en");
    QLocale::setDefault(
        QLocale(effective == QLatin1String("de") ? QLocale::German : QLocale::English));
    if (m_engine) {
        m_engine->setUiLanguage(effective);
        m_engine->retranslate();
    }
    if (effective != m_effective) {
        m_effective = effective;
        emit effectiveChanged();
    }
    qCInfo(lcLanguage) << "UI language" << effective << "(setting" << setting << ")";
    return loaded;
}

} // namespace mana
