// Fixtures shared by the store tests: a wall clock the test moves by hand,
// specs written as JSON text (the format modules use), a store opened in a
// temporary directory, and raw SQL on a second connection to look at the
// file the way another process would.
#pragma once

#include "localstore.h"
#include "wire/timestamp.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace mana::test {

// 2026-03-26T14:00:00.000Z: every test starts its clock here.
inline constexpr Millis kStartMillis = 1774533600000;

// A wall clock the test sets by hand; copies share the same time.
class ManualClock
{
public:
    Millis now() const { return *m_now; }
    void set(Millis millis) { *m_now = millis; }
    void advance(Millis millis) { *m_now += millis; }
    HybridLogicalClock::WallClock wallClock() const
    {
        const auto now = m_now;
        return [now] { return *now; };
    }

private:
    std::shared_ptr<Millis> m_now = std::make_shared<Millis>(kStartMillis);
};

inline QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s in %s", qPrintable(error.errorString()),
               json.constData());
    return document.object();
}

// A collection spec the test knows to be valid; a refusal is a test bug.
inline CollectionSpec specFromJson(const QByteArray &json,
                                   const QString &appId = QStringLiteral("test"))
{
    QString error;
    const auto spec = CollectionSpec::fromJson(parseObject(json), appId, &error);
    if (!spec)
        qFatal("test spec refused: %s", qPrintable(error));
    return *spec;
}

// One field of every kind, used by the collection and queue tests.
inline const QByteArray kNotesSpec = R"({
    "name": "notes",
    "fields": [
        {"name": "title", "type": "string"},
        {"name": "body", "type": "text?"},
        {"name": "rating", "type": "number?"},
        {"name": "count", "type": "integer?"},
        {"name": "done", "type": "boolean?"},
        {"name": "day", "type": "date?"},
        {"name": "at", "type": "datetime?"},
        {"name": "extra", "type": "json?"},
        {"name": "kind", "type": "low|medium|high?"},
        {"name": "parentId", "type": "->notes?"},
        {"name": "size", "type": "integer", "default": 0}
    ],
    "indexes": [["count"], ["kind", "at"], {"fields": ["day"]}]
})";

// Every record, soft-deleted ones included.
inline Query withDeletedRecords()
{
    Query query;
    query.includeDeleted = true;
    return query;
}

// A store opened in its own temporary directory with a manual clock.
struct StoreFixture
{
    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<LocalStore> store = std::make_unique<LocalStore>();

    QString path() const { return dir.filePath(QStringLiteral("guest.sqlite")); }

    bool open()
    {
        store->setWallClock(clock.wallClock());
        QString error;
        if (!store->open(path(), &error)) {
            qWarning("open failed: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    void reopen()
    {
        store = std::make_unique<LocalStore>();
        open();
    }
    Collection *add(const QByteArray &specJson, const QString &appId = QStringLiteral("test"))
    {
        QString error;
        Collection *collection = store->addCollection(specFromJson(specJson, appId), &error);
        if (!collection)
            qWarning("addCollection failed: %s", qPrintable(error));
        return collection;
    }
};

// A separate connection to a database file, as another process sees it.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    // The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(database());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(database());
        return query.exec(sql);
    }

private:
    QString m_name;
};

// The first column of the first row on the store's own connection.
inline QVariant storeScalar(const LocalStore &store, const QString &sql)
{
    QSqlQuery query(store.database());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

} // namespace mana::test
