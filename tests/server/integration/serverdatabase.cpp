#include "serverdatabase.h"

#include "pg/pgconnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace mana::servertest {

namespace {

std::optional<QVariantList> querySqlite(const QString &path, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("serverdb-") + QUuid::createUuid().toString(QUuid::Id128);
    std::optional<QVariantList> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql)) {
                *error = query.lastError().text();
            } else {
                QVariantList row;
                if (query.next()) {
                    for (int column = 0; column < query.record().count(); ++column)
                        row.append(query.value(column));
                }
                result = row;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

std::optional<QVariantList> queryPostgres(const QString &url, const QString &sql, QString *error)
{
    const auto connection = mana::server::pg::Connection::open(url, error);
    if (!connection)
        return std::nullopt;
    const mana::server::pg::Result result = connection->exec(sql);
    if (!result.ok()) {
        *error = result.error();
        return std::nullopt;
    }
    QVariantList row;
    if (result.rows() > 0) {
        for (int column = 0; column < result.columns(); ++column)
            row.append(result.isNull(0, column) ? QVariant() : QVariant(result.text(0, column)));
    }
    return row;
}

} // namespace

std::optional<QVariantList> queryServerDatabase(const QString &databaseUrl, const QString &sql,
                                                QString *error)
{
    if (mana::server::pg::isPostgresUrl(databaseUrl))
        return queryPostgres(databaseUrl, sql, error);
    QString path = databaseUrl;
    if (path.startsWith(QLatin1String("sqlite://")))
        path.remove(0, 9);
    else if (path.startsWith(QLatin1String("sqlite:")))
        path.remove(0, 7);
    return querySqlite(path, sql, error);
}

int countServerRows(const QString &databaseUrl, const QString &table)
{
    QString error;
    const auto row =
        queryServerDatabase(databaseUrl, QStringLiteral("SELECT COUNT(*) FROM ") + table, &error);
    if (!row || row->isEmpty())
        return -1;
    return row->first().toInt();
}

} // namespace mana::servertest
