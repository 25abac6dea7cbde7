// The PostgreSQL side of the server tests (docs/server.md "Tests on both
// databases"). A test binary registered twice in ctest runs its PostgreSQL
// variant with MANA_TEST_BACKEND=postgres; MANA_TEST_POSTGRES is then the
// URL of a server where it may create databases (tools/dev.sh test starts
// one). Each test gets a fresh database, dropped afterwards.
#pragma once

#include "pg/pgconnection.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace mana::server::testing {

inline bool postgresBackend()
{
    return qEnvironmentVariable("MANA_TEST_BACKEND") == QLatin1String("postgres");
}

inline QString postgresAdminUrl()
{
    return qEnvironmentVariable("MANA_TEST_POSTGRES");
}

// For initTestCase: why the PostgreSQL variant cannot run, or empty.
inline QString postgresUnavailable()
{
    if (!postgresBackend())
        return {};
    if (postgresAdminUrl().isEmpty())
        return QStringLiteral("MANA_TEST_POSTGRES is not set (tools/dev.sh test sets it)");
    return {};
}

class PostgresTestDatabase
{
public:
    PostgresTestDatabase()
        : m_name(QStringLiteral("mana_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16))
    {
        m_admin = pg::Connection::open(postgresAdminUrl(), &m_error);
        if (!m_admin)
            return;
        const pg::Result created = m_admin->exec(QStringLiteral("CREATE DATABASE %1").arg(m_name));
        if (!created.ok()) {
            m_error = created.error();
            m_admin.reset();
        }
    }
    ~PostgresTestDatabase()
    {
        if (m_admin)
            m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    PostgresTestDatabase(const PostgresTestDatabase &) = delete;
    PostgresTestDatabase &operator=(const PostgresTestDatabase &) = delete;

    bool isValid() const { return m_admin != nullptr; }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QString url() const { return pg::urlWithDatabase(postgresAdminUrl(), m_name); }

    // A Qt SQL (QPSQL) connection to it, for the tests' own queries.
    bool openQtSql(const QString &connectionName) const
    {
        const auto settings =
            pg::urlSettings(postgresAdminUrl()).value_or(QHash<QString, QString>());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setDatabaseName(m_name);
        db.setHostName(settings.value(QStringLiteral("host")));
        if (settings.contains(QStringLiteral("port")))
            db.setPort(settings.value(QStringLiteral("port")).toInt());
        db.setUserName(settings.value(QStringLiteral("user")));
        db.setPassword(settings.value(QStringLiteral("password")));
        return db.open();
    }

private:
    QString m_name;
    QString m_error;
    std::unique_ptr<pg::Connection> m_admin;
};

} // namespace mana::server::testing
