// The shell's own preferences (window geometry, last module, theme,
// language, whether the guest welcome was seen), kept in an INI file next to
// the profiles so a --data-dir run never touches the user's real settings.
#pragma once

#include <QObject>
#include <QRect>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

namespace mana {

class ShellSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("main.cpp creates the settings")
    // "system", "light" or "dark"
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    // "system", "en" or "de"
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString lastModule READ lastModule WRITE setLastModule NOTIFY lastModuleChanged)
    Q_PROPERTY(QRect windowGeometry READ windowGeometry WRITE setWindowGeometry NOTIFY
                   windowGeometryChanged)
    Q_PROPERTY(bool windowMaximized READ windowMaximized WRITE setWindowMaximized NOTIFY
                   windowMaximizedChanged)

public:
    explicit ShellSettings(const QString &filePath, QObject *parent = nullptr);

    static QStringList themes()
    {
        return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
    }
    static QStringList languages()
    {
        return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")};
    }

    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString lastModule() const { return m_lastModule; }
    void setLastModule(const QString &moduleId);
    QRect windowGeometry() const { return m_windowGeometry; }
    void setWindowGeometry(const QRect &geometry);
    bool windowMaximized() const { return m_windowMaximized; }
    void setWindowMaximized(bool maximized);

    // Writes pending changes to disk (also done on destruction).
    Q_INVOKABLE void sync();
    QString filePath() const { return m_settings.fileName(); }

signals:
    void themeChanged();
    void languageChanged();
    void lastModuleChanged();
    void windowGeometryChanged();
    void windowMaximizedChanged();

private:
    QSettings m_settings;
    QString m_theme;
    QString m_language;
    QString m_lastModule;
    QRect m_windowGeometry;
    bool m_windowMaximized = false;
};

} // namespace mana
