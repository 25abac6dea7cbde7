// Shared by the auth tests: a real database and a clock the test moves by
// hand. The database is SQLite in a temporary folder; with
// MANA_TEST_POSTGRES set (e.g. "host=/tmp port=5432 user=postgres") it is a
// fresh PostgreSQL database instead, to check that the auth SQL is portable.
#pragma once

#include "authservice.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

namespace mana::server::testing {

class TestDatabase
{
public:
    TestDatabase()
        : connectionName(QStringLiteral("auth-test-") + QUuid::createUuid().toString())
        , m_postgresOptions(qEnvironmentVariable("MANA_TEST_POSTGRES"))
        , m_postgresName(QStringLiteral("auth_test_") +
                         QUuid::createUuid().toString(QUuid::Id128).left(16))
    {
        if (!m_postgresOptions.isEmpty())
            administer(QStringLiteral("CREATE DATABASE %1").arg(m_postgresName));
        openConnection(connectionName);
    }
    ~TestDatabase()
    {
        closeConnection(connectionName);
        if (!m_postgresOptions.isEmpty())
            administer(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_postgresName));
    }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // Another connection to the same database, as a restarted server has.
    bool openConnection(const QString &name) const
    {
        const bool postgres = !m_postgresOptions.isEmpty();
        QSqlDatabase db = QSqlDatabase::addDatabase(
            postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (postgres) {
            db.setDatabaseName(m_postgresName);
            db.setConnectOptions(m_postgresOptions);
        } else {
            db.setDatabaseName(directory.filePath(QStringLiteral("sync.db")));
        }
        return db.open();
    }
    static void closeConnection(const QString &name)
    {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }

    QSqlDatabase database() const { return QSqlDatabase::database(connectionName); }
    bool isOpen() const { return database().isOpen(); }

    QTemporaryDir directory;
    const QString connectionName;

private:
    void administer(const QString &statement) const
    {
        const QString admin = connectionName + QStringLiteral("-admin");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), admin);
            db.setDatabaseName(QStringLiteral("postgres"));
            db.setConnectOptions(m_postgresOptions);
            if (db.open())
                QSqlQuery(db).exec(statement);
            db.close();
        }
        QSqlDatabase::removeDatabase(admin);
    }

    const QString m_postgresOptions;
    const QString m_postgresName;
};

struct TestClock
{
    qint64 seconds = 1'700'000'000;
    std::function<qint64()> function()
    {
        return [this] { return seconds; };
    }
};

inline QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QJsonObject replyObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

inline QString errorCode(const QByteArray &body)
{
    return replyObject(body).value("error").toObject().value("code").toString();
}

} // namespace mana::server::testing
