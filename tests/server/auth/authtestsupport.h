// Shared by the auth tests: a real database and a clock the test moves by
// hand. The database is SQLite in a temporary folder; in the PostgreSQL
// variant of a test (MANA_TEST_BACKEND=postgres, MANA_TEST_POSTGRES the
// server's URL) a fresh PostgreSQL database with PostgresAuthStore, and
// the tests' own queries through QPSQL.
#pragma once

#include "authservice.h"
#include "authstore.h"
#include "pg/pgconnection.h"
#include "pgtestdatabase.h"
#include "postgresauthstore.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace mana::server::testing {

class TestDatabase
{
public:
    TestDatabase()
        : connectionName(QStringLiteral("auth-test-") + QUuid::createUuid().toString())
    {
        if (postgresBackend()) {
            m_postgres = std::make_unique<PostgresTestDatabase>();
            if (!m_postgres->isValid())
                qWarning("cannot create the PostgreSQL test database: %s",
                         qPrintable(m_postgres->error()));
        }
        openConnection(connectionName);
    }
    ~TestDatabase()
    {
        closeConnection(connectionName);
        m_postgres.reset();
    }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // Another connection to the same database, as a restarted server has.
    bool openConnection(const QString &name) const
    {
        if (m_postgres)
            return m_postgres->openQtSql(name);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(directory.filePath(QStringLiteral("sync.db")));
        return db.open();
    }
    static void closeConnection(const QString &name)
    {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }

    // The store a server would use: SQLite on the QtSql connection `name`
    // (default: connectionName), or PostgreSQL on a new connection of its own.
    std::unique_ptr<AuthStore> store(const QString &name = {}) const
    {
        if (m_postgres) {
            QString error;
            std::shared_ptr<pg::Connection> connection =
                pg::Connection::open(m_postgres->url(), &error);
            if (!connection)
                qFatal("cannot connect to the PostgreSQL test database: %s", qPrintable(error));
            return std::make_unique<PostgresAuthStore>(std::move(connection));
        }
        return std::make_unique<SqliteAuthStore>(name.isEmpty() ? connectionName : name);
    }

    QSqlDatabase database() const { return QSqlDatabase::database(connectionName); }
    bool isOpen() const { return database().isOpen(); }

    QTemporaryDir directory;
    const QString connectionName;

private:
    std::unique_ptr<PostgresTestDatabase> m_postgres;
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
