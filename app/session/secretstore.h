// Where an account's refresh token is kept between runs. The real one is the
// OS keychain (QtKeychain); a plain file exists for headless tests only and
// is never chosen silently. Every call is asynchronous because a keychain
// may ask the user or wait on D-Bus.
#pragma once

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

namespace mana {

struct SecretResult
{
    enum class Status { Ok, NotFound, Failed };
    Status status = Status::Ok;
    QString secret;  // read: the value
    QString message; // Failed: the technical English text, for the log

    bool ok() const { return status == Status::Ok; }
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &result)>;

    using QObject::QObject;

    // Callbacks run on the event loop, never inside the call, and never after
    // the store is destroyed.
    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, Callback done) = 0;
    // Deleting a missing key succeeds.
    virtual void remove(const QString &key, Callback done) = 0;
    // "keychain", "plain file": for logs and the settings page.
    virtual QString kind() const = 0;

    // The sentence shown when the keychain cannot be used, in the UI language.
    static QString noSecureStorageSentence();
};

// QtKeychain, service "ManaCore Desktop", one entry per account id.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &secret, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString kind() const override { return QStringLiteral("keychain"); }

    static QString serviceName() { return QStringLiteral("ManaCore Desktop"); }
};

// A JSON file of key → secret with mode 0600. Tests only: the constructor
// logs a warning every time one is made.
class PlainFileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit PlainFileSecretStore(const QString &filePath, QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &secret, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString kind() const override { return QStringLiteral("plain file"); }
    QString filePath() const { return m_filePath; }

private:
    void answerLater(Callback done, SecretResult result);
    bool load(QJsonObject *entries, QString *error) const;
    bool save(const QJsonObject &entries, QString *error) const;

    QString m_filePath;
};

} // namespace mana
