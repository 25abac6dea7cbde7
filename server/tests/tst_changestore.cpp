// The change store on a real database: merge-once semantics, per-user
// scoping, exact paging, the cursor rules, the schema migration and the
// cost of a page. SQLite in a temporary file; run with MANA_TEST_BACKEND=
// postgres (ctest: tst_changestore_postgres) on a fresh PostgreSQL database,
// plus concurrent pushers for one user there.
#include "pg/pgconnection.h"
#include "pgtestdatabase.h"
#include "sync/postgreschangestore.h"
#include "sync/sqlitechangestore.h"

#include <QThread>
#include <atomic>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace mana;
using namespace mana::server;

namespace {

FieldState field(const QJsonValue &value, const QString &at, const QString &client)
{
    return FieldState{value, at, client};
}

IncomingRecordChange titleChange(const QString &id, const QString &title, const QString &at,
                                 const QString &client)
{
    return IncomingRecordChange{QStringLiteral("tasks"), id,
                                RecordState{{QStringLiteral("title"), field(title, at, client)}}};
}

// Where a record stands in a page, as the log defines it.
struct LogPosition
{
    QString table;
    QString id;
    qint64 position = 0;
};

// The page semantics straight from the log: each record with an entry after
// `since` not written by the excluded client, at its latest such entry.
// This is the query the store ran before it kept positions in sync_records,
// so it is the reference for every answer.
QList<LogPosition> positionsFromLog(const QSqlDatabase &db, const ChangeQuery &request)
{
    QString sql = QStringLiteral("SELECT table_name, record_id, MAX(seq) AS pos FROM sync_log "
                                 "WHERE user_id = ? AND app_id = ? AND seq > ?");
    if (!request.excludeClientId.isEmpty())
        sql += QStringLiteral(" AND client_id <> ?");
    if (!request.table.isEmpty())
        sql += QStringLiteral(" AND table_name = ?");
    sql += QStringLiteral(" GROUP BY table_name, record_id ORDER BY pos");
    QSqlQuery query(db);
    query.prepare(sql);
    query.addBindValue(request.userId);
    query.addBindValue(request.appId);
    query.addBindValue(request.since);
    if (!request.excludeClientId.isEmpty())
        query.addBindValue(request.excludeClientId);
    if (!request.table.isEmpty())
        query.addBindValue(request.table);
    QList<LogPosition> positions;
    if (!query.exec())
        qFatal("reference query failed: %s", qPrintable(query.lastError().text()));
    while (query.next())
        positions.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return positions;
}

// What the reference needs of one (app, reader, table): the positions from
// `since` 0 (a record's position does not depend on `since`: it is its
// latest qualifying entry, so a later `since` only drops records) and the
// current states. Read once for every cursor and page size, which keeps
// the test quick on PostgreSQL too (each query is a round trip there).
struct Reference
{
    QList<LogPosition> positions;
    QHash<std::pair<QString, QString>, QByteArray> states;
};

Reference readReference(const QSqlDatabase &db, const ChangeQuery &request)
{
    Reference reference;
    ChangeQuery fromStart = request;
    fromStart.since = 0;
    reference.positions = positionsFromLog(db, fromStart);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT table_name, record_id, state FROM sync_records "
                                 "WHERE user_id = ? AND app_id = ?"));
    query.addBindValue(request.userId);
    query.addBindValue(request.appId);
    if (!query.exec())
        qFatal("reference query failed: %s", qPrintable(query.lastError().text()));
    while (query.next())
        reference.states.insert({query.value(0).toString(), query.value(1).toString()},
                                query.value(2).toString().toUtf8());
    return reference;
}

// Empty when the store's page is exactly what the log says: the records,
// their positions and order, their current states, hasMore and syncedUntil.
QString pageMismatch(ChangeStore &store, const Reference &reference, const ChangeQuery &request)
{
    const ChangePage page = store.changesSince(request);
    const QString where = QStringLiteral("since %1, without %2, table %3, limit %4: ")
                              .arg(request.since)
                              .arg(request.excludeClientId, request.table)
                              .arg(request.limit);
    if (!page.ok)
        return where + page.error;
    QList<LogPosition> all;
    for (const LogPosition &position : reference.positions) {
        if (position.position > request.since)
            all.append(position);
    }
    const QList<LogPosition> expected = all.mid(0, request.limit);
    const bool hasMore = all.size() > request.limit;
    const qint64 syncedUntil =
        hasMore ? expected.constLast().position : *store.head(request.userId);
    if (page.records.size() != expected.size())
        return where + QStringLiteral("%1 records, expected %2")
                           .arg(page.records.size())
                           .arg(expected.size());
    for (qsizetype index = 0; index < expected.size(); ++index) {
        const StoredRecord &record = page.records.at(index);
        const LogPosition &wanted = expected.at(index);
        if (record.table != wanted.table || record.id != wanted.id ||
            record.position != wanted.position)
            return where + QStringLiteral("record %1 is %2/%3@%4, expected %5/%6@%7")
                               .arg(index)
                               .arg(record.table, record.id)
                               .arg(record.position)
                               .arg(wanted.table, wanted.id)
                               .arg(wanted.position);
        if (recordStateToJson(record.state) != reference.states.value({record.table, record.id}))
            return where + QStringLiteral("record %1 is not the current state").arg(index);
    }
    if (page.hasMore != hasMore || page.syncedUntil != syncedUntil)
        return where + QStringLiteral("hasMore %1 syncedUntil %2, expected %3 and %4")
                           .arg(page.hasMore)
                           .arg(page.syncedUntil)
                           .arg(hasMore)
                           .arg(syncedUntil);
    return {};
}

// A history where records change hands between writers, across two tables
// and two apps, with retries and losing writes that log nothing.
void writeMixedHistory(ChangeStore &store, quint32 seed)
{
    QRandomGenerator random(seed);
    const QStringList clients{"A", "B", "C"};
    const QStringList tables{"tasks", "lists"};
    const QStringList fields{"title", "done"};
    qint64 clock = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int push = 0; push < 60; ++push) {
        const QString client = clients.at(random.bounded(clients.size()));
        const QString app =
            random.bounded(5) == 0 ? QStringLiteral("notes") : QStringLiteral("todo");
        QList<IncomingRecordChange> changes;
        const int count = 1 + random.bounded(4);
        for (int index = 0; index < count; ++index) {
            clock += 1000;
            // Now and then an edit from the past, which loses the merge.
            const qint64 at = random.bounded(8) == 0 ? clock - 3600000 : clock;
            const QString field = fields.at(random.bounded(fields.size()));
            const QString writtenAt =
                QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs);
            RecordState state;
            state.insert(field,
                         FieldState{QJsonValue(int(random.bounded(1000))), writtenAt, client});
            changes.append(IncomingRecordChange{tables.at(random.bounded(tables.size())),
                                                QStringLiteral("r%1").arg(random.bounded(8)),
                                                state});
        }
        if (!store.applyChanges("u1", app, client, changes, {}).ok)
            qFatal("a push of the history failed");
        if (random.bounded(4) == 0) // a retry changes nothing
            store.applyChanges("u1", app, client, changes, {});
    }
}

// Every reader, table, cursor and page size a client can ask for.
QString firstMismatchForEveryQuery(ChangeStore &store, const QSqlDatabase &db)
{
    const qint64 head = *store.head("u1");
    for (const QString &app : {QStringLiteral("todo"), QStringLiteral("notes")}) {
        for (const QString &excluded : {QString(), QStringLiteral("A"), QStringLiteral("B"),
                                        QStringLiteral("C"), QStringLiteral("D")}) {
            for (const QString &table :
                 {QString(), QStringLiteral("tasks"), QStringLiteral("lists")}) {
                const Reference reference =
                    readReference(db, ChangeQuery{"u1", app, table, 0, excluded, 1});
                for (const int limit : {1, 2, 5, 1000}) {
                    for (qint64 since = 0; since <= head; ++since) {
                        const QString mismatch =
                            pageMismatch(store, reference,
                                         ChangeQuery{"u1", app, table, since, excluded, limit});
                        if (!mismatch.isEmpty())
                            return app + QLatin1Char(' ') + mismatch;
                    }
                }
            }
        }
    }
    return {};
}

} // namespace

class TestChangeStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString unavailable = testing::postgresUnavailable();
        if (!unavailable.isEmpty())
            QSKIP(qPrintable(unavailable));
    }
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_connection = QUuid::createUuid().toString(QUuid::Id128);
        QString error;
        if (testing::postgresBackend()) {
            m_postgres = std::make_unique<testing::PostgresTestDatabase>();
            QVERIFY2(m_postgres->isValid(), qPrintable(m_postgres->error()));
            // The tests' own reference queries go through QtSql (QPSQL).
            QVERIFY(m_postgres->openQtSql(m_connection));
        } else {
            QVERIFY2(SqliteChangeStore::openDatabase(m_dir.filePath(m_connection + ".sqlite"),
                                                     m_connection, &error),
                     qPrintable(error));
        }
        m_store = openStore(&error);
        QVERIFY2(m_store, qPrintable(error));
    }
    void cleanup()
    {
        m_store.reset();
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        m_postgres.reset();
    }

    void retriedPushChangesNothing()
    {
        const QList<IncomingRecordChange> push{
            titleChange("t1", "Buy milk", "2026-01-01T10:00:00.000Z", "A")};
        const ApplyResult first = m_store->applyChanges("u1", "todo", "A", push, {});
        QVERIFY(first.ok);
        QCOMPARE(first.changedRecords, 1);
        QCOMPARE(first.changedTables, QStringList{"tasks"});
        QCOMPARE(first.head, 1);

        const ApplyResult retry = m_store->applyChanges("u1", "todo", "A", push, {});
        QVERIFY(retry.ok);
        QCOMPARE(retry.changedRecords, 0);
        QCOMPARE(retry.head, 1); // no new log entry
        QCOMPARE(m_store->head("u1"), 1);
    }

    void olderWriteLosesAndIsNotLogged()
    {
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("t1", "new", "2026-01-02T00:00:00.000Z", "A")}, {})
                    .ok);
        const ApplyResult older = m_store->applyChanges(
            "u1", "todo", "B", {titleChange("t1", "old", "2026-01-01T00:00:00.000Z", "B")}, {});
        QVERIFY(older.ok);
        QCOMPARE(older.changedRecords, 0);
        const ChangePage page = m_store->changesSince({"u1", "todo", {}, 0, {}, 10});
        QVERIFY(page.ok);
        QCOMPARE(page.records.size(), 1);
        QCOMPARE(page.records.first().state.value("title").value.toString(), QString("new"));
    }

    void answersHoldOtherClientsOnlyAsMergedState()
    {
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("t1", "a", "2026-01-01T00:00:00.000Z", "A")}, {})
                    .ok);
        IncomingRecordChange done{
            "tasks", "t1", {{"done", field(true, "2026-01-01T00:00:01.000Z", "B")}}};
        QVERIFY(m_store->applyChanges("u1", "todo", "B", {done}, {}).ok);

        // A sees B's edit as the whole merged record, with each writer.
        const ChangePage forA = m_store->changesSince({"u1", "todo", {}, 1, "A", 10});
        QVERIFY(forA.ok);
        QCOMPARE(forA.records.size(), 1);
        const RecordState state = forA.records.first().state;
        QCOMPARE(state.value("title").clientId, QString("A"));
        QCOMPARE(state.value("done").clientId, QString("B"));
        QCOMPARE(forA.syncedUntil, 2);
        // B wrote the only entry after 1 itself: nothing for B.
        QCOMPARE(m_store->changesSince({"u1", "todo", {}, 1, "B", 10}).records.size(), 0);
    }

    void usersAndAppsAreSeparate()
    {
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("t1", "mine", "2026-01-01T00:00:00.000Z", "A")}, {})
                    .ok);
        QVERIFY(m_store
                    ->applyChanges("u2", "todo", "A",
                                   {titleChange("t1", "yours", "2026-01-01T00:00:00.000Z", "A")},
                                   {})
                    .ok);
        const ChangePage u2 = m_store->changesSince({"u2", "todo", {}, 0, {}, 10});
        QCOMPARE(u2.records.size(), 1);
        QCOMPARE(u2.records.first().state.value("title").value.toString(), QString("yours"));
        QCOMPARE(m_store->changesSince({"u1", "notes", {}, 0, {}, 10}).records.size(), 0);
        QCOMPARE(m_store->head("u3"), 0);
    }

    void pagesCoverEveryRecordOnce()
    {
        QList<IncomingRecordChange> push;
        for (int i = 0; i < 25; ++i)
            push.append(titleChange(QString("r%1").arg(i), "x", "2026-01-01T00:00:00.000Z", "A"));
        QVERIFY(m_store->applyChanges("u1", "todo", "A", push, {}).ok);
        // Touch an early record again so its position moves past later ones.
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("r0", "y", "2026-01-02T00:00:00.000Z", "A")}, {})
                    .ok);
        QSet<QString> seen;
        qint64 since = 0;
        int pages = 0;
        for (;;) {
            const ChangePage page = m_store->changesSince({"u1", "todo", {}, since, "B", 10});
            QVERIFY(page.ok);
            for (const StoredRecord &record : page.records) {
                QVERIFY2(!seen.contains(record.id), qPrintable(record.id));
                seen.insert(record.id);
            }
            since = page.syncedUntil;
            ++pages;
            if (!page.hasMore)
                break;
        }
        QCOMPARE(seen.size(), 25);
        QCOMPARE(pages, 3);
        QCOMPARE(since, 26);
    }

    void ownLatestWriteLeavesTheRecordAtTheOtherWritersEntry()
    {
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "B",
                                   {titleChange("t1", "b", "2026-01-01T00:00:01.000Z", "B")}, {})
                    .ok);
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("t1", "a", "2026-01-01T00:00:02.000Z", "A")}, {})
                    .ok);
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "B",
                                   {titleChange("t2", "b", "2026-01-01T00:00:03.000Z", "B")}, {})
                    .ok);
        const auto positions = [this](qint64 since, const QString &excluded, int limit) {
            QStringList list;
            const ChangePage page =
                m_store->changesSince({"u1", "todo", {}, since, excluded, limit});
            for (const StoredRecord &record : page.records)
                list.append(QStringLiteral("%1@%2").arg(record.id).arg(record.position));
            list.append(
                QStringLiteral("until %1%2").arg(page.syncedUntil).arg(page.hasMore ? "+" : ""));
            return list;
        };
        // For A, t1 stands where B last wrote it, holding A's newer title.
        QCOMPARE(positions(0, "A", 10), (QStringList{"t1@1", "t2@3", "until 3"}));
        QCOMPARE(m_store->changesSince({"u1", "todo", {}, 0, "A", 10})
                     .records.first()
                     .state.value("title")
                     .value.toString(),
                 QString("a"));
        QCOMPARE(positions(1, "A", 10), (QStringList{"t2@3", "until 3"}));
        QCOMPARE(positions(0, "A", 1), (QStringList{"t1@1", "until 1+"}));
        QCOMPARE(positions(0, "B", 10), (QStringList{"t1@2", "until 3"}));
        QCOMPARE(positions(2, "B", 10), (QStringList{"until 3"}));
        QCOMPARE(positions(0, {}, 10), (QStringList{"t1@2", "t2@3", "until 3"}));
    }

    void pagesMatchTheLogForEveryReader_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::newRow("history 1") << quint32(1);
        QTest::newRow("history 2") << quint32(2);
    }
    void pagesMatchTheLogForEveryReader()
    {
        QFETCH(quint32, seed);
        writeMixedHistory(*m_store, seed);
        QVERIFY(*m_store->head("u1") > 60);
        QSqlQuery handedOver(database());
        QVERIFY(handedOver.exec(
            "SELECT COUNT(*) FROM sync_log a JOIN sync_log b ON a.user_id = b.user_id "
            "AND a.app_id = b.app_id AND a.table_name = b.table_name "
            "AND a.record_id = b.record_id AND a.seq < b.seq AND a.client_id <> b.client_id"));
        QVERIFY(handedOver.next());
        QVERIFY(handedOver.value(0).toInt() > 10); // records do change writers

        const QString mismatch = firstMismatchForEveryQuery(*m_store, database());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void migratesAVersion1Database()
    {
        if (testing::postgresBackend())
            QSKIP("SQLite's version 1 layout; PostgreSQL starts at the current one");
        writeMixedHistory(*m_store, 7);
        // The same data in the tables the first server version made.
        const QString oldConnection = m_connection + "-v1";
        const QString oldPath = m_dir.filePath(oldConnection + ".sqlite");
        {
            QSqlDatabase old = QSqlDatabase::addDatabase("QSQLITE", oldConnection);
            old.setDatabaseName(oldPath);
            QVERIFY(old.open());
            QSqlQuery query(old);
            const QStringList version1{
                "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "CREATE TABLE sync_user_heads (user_id TEXT PRIMARY KEY, "
                "last_seq BIGINT NOT NULL)",
                "CREATE TABLE sync_log (user_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                "app_id TEXT NOT NULL, table_name TEXT NOT NULL, record_id TEXT NOT NULL, "
                "client_id TEXT NOT NULL, changed_fields TEXT NOT NULL, "
                "received_at TEXT NOT NULL, PRIMARY KEY (user_id, seq))",
                "CREATE INDEX sync_log_by_app ON sync_log (user_id, app_id, seq)",
                "CREATE TABLE sync_records (user_id TEXT NOT NULL, app_id TEXT NOT NULL, "
                "table_name TEXT NOT NULL, record_id TEXT NOT NULL, state TEXT NOT NULL, "
                "last_seq BIGINT NOT NULL, PRIMARY KEY (user_id, app_id, table_name, record_id))",
                "ATTACH DATABASE '" + m_dir.filePath(m_connection + ".sqlite") + "' AS source",
                "INSERT INTO sync_meta SELECT key, value FROM source.sync_meta "
                "WHERE key = 'database_id'",
                "INSERT INTO sync_user_heads SELECT * FROM source.sync_user_heads",
                "INSERT INTO sync_log SELECT * FROM source.sync_log",
                "INSERT INTO sync_records SELECT user_id, app_id, table_name, record_id, state, "
                "last_seq FROM source.sync_records",
                "DETACH DATABASE source",
            };
            for (const QString &statement : version1)
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            old.close();
        }
        QSqlDatabase::removeDatabase(oldConnection);

        QString error;
        QVERIFY2(SqliteChangeStore::openDatabase(oldPath, oldConnection, &error),
                 qPrintable(error));
        {
            SqliteChangeStore migrated(oldConnection);
            QVERIFY2(migrated.initialize(&error), qPrintable(error));
            QCOMPARE(migrated.databaseId(), m_store->databaseId());
            QCOMPARE(migrated.head("u1"), m_store->head("u1"));
            const QSqlDatabase db = QSqlDatabase::database(oldConnection, false);
            QSqlQuery version(db);
            QVERIFY(version.exec("SELECT value FROM sync_meta WHERE key = 'schema_version'"));
            QVERIFY(version.next());
            QCOMPARE(version.value(0).toInt(), SqliteChangeStore::schemaVersion);
            QString mismatch = firstMismatchForEveryQuery(migrated, db);
            QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

            // Pushes go on from the migrated positions, and a restart does
            // not migrate again.
            writeMixedHistory(migrated, 8);
            SqliteChangeStore restarted(oldConnection);
            QVERIFY2(restarted.initialize(&error), qPrintable(error));
            mismatch = firstMismatchForEveryQuery(restarted, db);
            QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        }
        QSqlDatabase::database(oldConnection, false).close();
        QSqlDatabase::removeDatabase(oldConnection);
    }

    void refusesADatabaseOfANewerServer()
    {
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("t1", "x", "2026-01-01T00:00:00.000Z", "A")}, {})
                    .ok);
        QSqlQuery query(database());
        // PostgreSQL keeps the versions in schema_version (component, version).
        const bool postgres = testing::postgresBackend();
        QVERIFY(query.exec(postgres ? "UPDATE schema_version SET version = 99 "
                                      "WHERE component = 'sync'"
                                    : "UPDATE sync_meta SET value = '99' "
                                      "WHERE key = 'schema_version'"));
        QCOMPARE(query.numRowsAffected(), 1);
        QString error;
        QVERIFY(!openStore(&error));
        QVERIFY2(error.contains("newer mana-sync"), qPrintable(error));
        QVERIFY(query.exec(postgres ? "SELECT version FROM schema_version "
                                      "WHERE component = 'sync'"
                                    : "SELECT value FROM sync_meta WHERE key = 'schema_version'"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QString("99"));
    }

    // The old store grouped the whole log after `since` for every page, so
    // the first page of a resync of 20,000 records cost about 10 times the
    // last one. (A reader that itself last wrote the records a page starts
    // at still steps over those index entries: not measured here.)
    void aPageCostsTheSameWhereverItStarts()
    {
        constexpr int records = 20000;
        for (int start = 0; start < records; start += 1000) {
            QList<IncomingRecordChange> batch;
            for (int index = start; index < start + 1000; ++index)
                batch.append(
                    titleChange(QString("r%1").arg(index), "x", "2026-01-01T00:00:00.000Z", "A"));
            QVERIFY(m_store->applyChanges("u1", "todo", "A", batch, {}).ok);
        }
        // A second writer for some records, so the other writers' positions
        // are there to step over too.
        QList<IncomingRecordChange> byB;
        for (int index = 0; index < records; index += 20)
            byB.append(
                titleChange(QString("r%1").arg(index), "y", "2026-01-02T00:00:00.000Z", "B"));
        QVERIFY(m_store->applyChanges("u1", "todo", "B", byB, {}).ok);
        const qint64 head = *m_store->head("u1");

        for (const QString &table : {QString(), QStringLiteral("tasks")}) {
            for (const QString &excluded : {QString(), QStringLiteral("C")}) {
                const auto fastestNs = [&](qint64 since) {
                    qint64 best = std::numeric_limits<qint64>::max();
                    for (int run = 0; run < 5; ++run) {
                        QElapsedTimer timer;
                        timer.start();
                        const ChangePage page =
                            m_store->changesSince({"u1", "todo", table, since, excluded, 100});
                        best = std::min(best, timer.nsecsElapsed());
                        if (page.records.size() != 100)
                            return qint64(-1);
                    }
                    return best;
                };
                const qint64 first = fastestNs(0);
                const qint64 late = fastestNs(head - 1500);
                QVERIFY(first > 0 && late > 0);
                QVERIFY2(first < 3 * late + 2000000,
                         qPrintable(QString("table '%1' without '%2': first page %3 ms, late "
                                            "page %4 ms")
                                        .arg(table, excluded)
                                        .arg(first / 1e6)
                                        .arg(late / 1e6)));
            }
        }
    }

    void prepareCanRewriteIncoming()
    {
        const auto clampAll = [](const IncomingRecordChange &, const RecordState &,
                                 RecordState &incoming) {
            for (FieldState &state : incoming)
                state.updatedAt = "2026-01-01T00:00:00.000Z";
        };
        QVERIFY(m_store
                    ->applyChanges("u1", "todo", "A",
                                   {titleChange("t1", "x", "2999-01-01T00:00:00.000Z", "A")},
                                   clampAll)
                    .ok);
        const ChangePage page = m_store->changesSince({"u1", "todo", {}, 0, {}, 10});
        QCOMPARE(page.records.first().state.value("title").updatedAt,
                 QString("2026-01-01T00:00:00.000Z"));
    }

    void cursor_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("ours") << "mana1:ID:3" << qint64(3);
        QTest::newRow("head") << "mana1:ID:5" << qint64(5);
        QTest::newRow("beyond head") << "mana1:ID:6" << qint64(0);
        QTest::newRow("empty") << "" << qint64(0);
        QTest::newRow("epoch") << "1970-01-01T00:00:00.000Z" << qint64(0);
        QTest::newRow("clock of another server") << "2026-03-26T14:01:05.123Z" << qint64(0);
        QTest::newRow("other database") << "mana1:0123456789ab:3" << qint64(0);
        QTest::newRow("negative") << "mana1:ID:-1" << qint64(0);
        QTest::newRow("garbage") << "mana1:ID:x" << qint64(0);
    }
    void cursor()
    {
        QFETCH(QString, cursor);
        QFETCH(qint64, expected);
        cursor.replace("ID", m_store->databaseId());
        QCOMPARE(m_store->parseCursor(cursor, 5), expected);
        if (expected > 0)
            QCOMPARE(m_store->formatCursor(expected), cursor);
    }

    void databaseIdSurvivesReopen()
    {
        const QString id = m_store->databaseId();
        QCOMPARE(id.size(), 12);
        QString error;
        const auto again = openStore(&error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->databaseId(), id);
    }

    // Two connections push for one user at the same moment (two server
    // processes on one PostgreSQL database do this): the sequence stays
    // gap-free, each log entry is where its push put it, and the merged
    // state is what one writer pushing everything gives.
    void concurrentPushersOfOneUserKeepTheSequenceExact()
    {
        if (!testing::postgresBackend())
            QSKIP("one SQLite connection per server; PostgreSQL takes concurrent writers");
        constexpr int pushesPerWriter = 60;
        const auto history = [](const QString &client, int push) {
            // Overlapping records with fields both writers set, at times
            // that interleave, so the merge has work and ties to break.
            QList<IncomingRecordChange> changes;
            for (int index = 0; index < 5; ++index) {
                const QString at = QDateTime::fromMSecsSinceEpoch(
                                       1767225600000 + qint64(push) * 1000 + index * 7, Qt::UTC)
                                       .toString(Qt::ISODateWithMs);
                RecordState state;
                state.insert(QStringLiteral("title"),
                             FieldState{client + QString::number(push), at, client});
                state.insert(client == "A" ? QStringLiteral("done") : QStringLiteral("note"),
                             FieldState{QJsonValue(push), at, client});
                changes.append(IncomingRecordChange{QStringLiteral("tasks"),
                                                    QStringLiteral("r%1").arg((push + index) % 17),
                                                    state});
            }
            return changes;
        };

        std::atomic<int> failures = 0;
        std::atomic<int> ready = 0;
        QList<QThread *> threads;
        for (const QString &client : {QStringLiteral("A"), QStringLiteral("B")}) {
            threads.append(QThread::create([&, client] {
                QString error;
                auto connection = pg::Connection::open(m_postgres->url(), &error);
                if (!connection) {
                    ++failures;
                    return;
                }
                PostgresChangeStore store(std::move(connection));
                if (!store.initialize(&error)) {
                    ++failures;
                    return;
                }
                ++ready;
                while (ready.load() < 2)
                    QThread::yieldCurrentThread();
                for (int push = 0; push < pushesPerWriter; ++push) {
                    if (!store.applyChanges("u1", "todo", client, history(client, push), {}).ok)
                        ++failures;
                }
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(120000));
            delete thread;
        }
        QCOMPARE(failures.load(), 0);

        // Gap-free: the log holds 1..head exactly once, the head row agrees.
        QSqlQuery query(database());
        QVERIFY(query.exec("SELECT COUNT(*), MIN(seq), MAX(seq), COUNT(DISTINCT seq) FROM sync_log "
                           "WHERE user_id = 'u1'"));
        QVERIFY(query.next());
        const qint64 head = *m_store->head("u1");
        QVERIFY(head > 0);
        QCOMPARE(query.value(0).toLongLong(), head);
        QCOMPARE(query.value(1).toLongLong(), qint64(1));
        QCOMPARE(query.value(2).toLongLong(), head);
        QCOMPARE(query.value(3).toLongLong(), head);
        // Every page a reader can ask for is what the log says.
        const QString mismatch = firstMismatchForEveryQuery(*m_store, database());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

        // The same pushes by one writer after the other, on a fresh store:
        // the merged states are the same.
        testing::PostgresTestDatabase single;
        QVERIFY2(single.isValid(), qPrintable(single.error()));
        QString error;
        auto singleConnection = pg::Connection::open(single.url(), &error);
        QVERIFY2(singleConnection, qPrintable(error));
        PostgresChangeStore reference(std::move(singleConnection));
        QVERIFY2(reference.initialize(&error), qPrintable(error));
        for (int push = 0; push < pushesPerWriter; ++push) {
            QVERIFY(reference.applyChanges("u1", "todo", "B", history("B", push), {}).ok);
            QVERIFY(reference.applyChanges("u1", "todo", "A", history("A", push), {}).ok);
        }
        const auto states = [](ChangeStore &store) {
            QMap<QString, QByteArray> byId;
            const ChangePage page = store.changesSince({"u1", "todo", {}, 0, {}, 1000});
            for (const StoredRecord &record : page.records)
                byId.insert(record.id, recordStateToJson(record.state));
            return byId;
        };
        const auto concurrent = states(*m_store);
        QCOMPARE(concurrent.size(), 17);
        QCOMPARE(concurrent, states(reference));
    }

private:
    QSqlDatabase database() const { return QSqlDatabase::database(m_connection, false); }

    // A store on the test's database, as a (re)started server opens it.
    std::unique_ptr<ChangeStore> openStore(QString *error)
    {
        std::unique_ptr<ChangeStore> store;
        if (m_postgres) {
            std::shared_ptr<pg::Connection> connection =
                pg::Connection::open(m_postgres->url(), error);
            if (!connection)
                return nullptr;
            store = std::make_unique<PostgresChangeStore>(std::move(connection));
        } else {
            store = std::make_unique<SqliteChangeStore>(m_connection);
        }
        if (!store->initialize(error))
            return nullptr;
        return store;
    }

    QTemporaryDir m_dir;
    QString m_connection;
    std::unique_ptr<testing::PostgresTestDatabase> m_postgres;
    std::unique_ptr<ChangeStore> m_store;
};

QTEST_GUILESS_MAIN(TestChangeStore)
#include "tst_changestore.moc"
