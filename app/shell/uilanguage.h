// The UI language: English or German from the embedded .qm files, following
// the system language unless the settings name one. Switching retranslates
// the running QML (QQmlEngine::retranslate) without a restart.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include <QQmlEngine>

namespace mana {

class UiLanguage : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("main.cpp creates the UI language")
    // "en" or "de": what the UI shows now.
    Q_PROPERTY(QString effective READ effective NOTIFY effectiveChanged)

public:
    explicit UiLanguage(QObject *parent = nullptr);
    ~UiLanguage() override;

    // "system", "en", "de" (anything else counts as "system") against the
    // system's UI languages in preference order: the first we ship, else en.
    static QString resolve(const QString &setting, const QStringList &systemUiLanguages);

    void setEngine(QQmlEngine *engine)
    {
        m_engine = engine;
        if (m_engine)
            m_engine->setUiLanguage(m_effective);
    }
    // Installs the translator for `setting`; false (and English) when the
    // translation could not be loaded.
    bool apply(const QString &setting);
    QString effective() const { return m_effective; }

signals:
    void effectiveChanged();

private:
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
    QString m_effective = QStringLiteral("en");
};

} // namespace mana
