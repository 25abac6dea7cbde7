#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "mana.session.secrets")

namespace mana {

QString SecretStore::noSecureStorageSentence()
{
    return tr("This system has no secure password storage (keychain), so ManaCore cannot "
              "remember your sign-in: you will have to sign in again after a restart.");
}

// --- KeychainSecretStore ---

namespace {

SecretResult resultOf(QKeychain::Job *job)
{
    SecretResult result;
    switch (job->error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        break;
    default:
        // NoBackendAvailable, OtherError (no D-Bus, locked collection), …:
        // all mean the same to a user.
        qCWarning(lcSecrets).noquote() << "keychain error" << int(job->error()) << "for"
                                       << job->key() << ":" << job->errorString();
        result.status = SecretResult::Status::Failed;
        result.message =
            QStringLiteral("keychain error %1: %2").arg(int(job->error())).arg(job->errorString());
        break;
    }
    return result;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *job) {
        SecretResult result = resultOf(job);
        if (result.ok())
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        done(result);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *job) { done(resultOf(job)); });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *job) {
        SecretResult result = resultOf(job);
        if (result.status == SecretResult::Status::NotFound)
            result = {};
        done(result);
    });
    job->start();
}

// --- PlainFileSecretStore ---

PlainFileSecretStore::PlainFileSecretStore(const QString &filePath, QObject *parent)
    : SecretStore(parent)
    , m_filePath(filePath)
{
    qCWarning(lcSecrets).noquote() << "tokens are kept in the PLAIN FILE" << filePath
                                   << "(allowPlainTokenFile: for tests only, not secure)";
}

void PlainFileSecretStore::answerLater(Callback done, SecretResult result)
{
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

bool PlainFileSecretStore::load(QJsonObject *entries, QString *error) const
{
    QFile file(m_filePath);
    if (!file.exists()) {
        *entries = {};
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("The token file %1 is damaged.").arg(m_filePath);
        return false;
    }
    *entries = document.object();
    return true;
}

bool PlainFileSecretStore::save(const QJsonObject &entries, QString *error) const
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    // Owner only, before any secret is in it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(entries).toJson());
    if (!file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    QFile::setPermissions(m_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void PlainFileSecretStore::read(const QString &key, Callback done)
{
    SecretResult result;
    QJsonObject entries;
    if (!load(&entries, &result.message)) {
        result.status = SecretResult::Status::Failed;
    } else if (!entries.contains(key)) {
        result.status = SecretResult::Status::NotFound;
    } else {
        result.secret = entries.value(key).toString();
    }
    answerLater(std::move(done), result);
}

void PlainFileSecretStore::write(const QString &key, const QString &secret, Callback done)
{
    SecretResult result;
    QJsonObject entries;
    if (!load(&entries, &result.message)) {
        // A damaged file holds nothing worth keeping but tokens; start over.
        qCWarning(lcSecrets).noquote() << result.message << "- replacing it";
        entries = {};
        result.message.clear();
    }
    entries.insert(key, secret);
    if (!save(entries, &result.message))
        result.status = SecretResult::Status::Failed;
    answerLater(std::move(done), result);
}

void PlainFileSecretStore::remove(const QString &key, Callback done)
{
    SecretResult result;
    QJsonObject entries;
    if (load(&entries, &result.message)) {
        entries.remove(key);
        if (!save(entries, &result.message))
            result.status = SecretResult::Status::Failed;
    } else {
        result.status = SecretResult::Status::Failed;
    }
    answerLater(std::move(done), result);
}

} // namespace mana
