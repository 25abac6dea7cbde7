// The batched write path of the change store: a push of many changes
// (records repeated, records already stored, several tables and writers)
// leaves exactly what the same changes pushed one at a time leave; the
// stored JSON is byte for byte what QJsonDocument writes; a broken stored
// state fails the push without changing anything; the WAL is checkpointed
// off the push path (SQLite only). SQLite by default; PostgreSQL as
// tst_changestorepush_postgres (MANA_TEST_BACKEND=postgres, see
// pgtestdatabase.h).
#include "pg/pgconnection.h"
#include "pgtestdatabase.h"
#include "sync/postgreschangestore.h"
#include "sync/sqlitechangestore.h"
#include "walcheckpointer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace mana;
using namespace mana::server;

namespace {

// An opened store on its own database and a QtSql connection to it: a
// SQLite file at `path`, or on PostgreSQL a fresh database (path unused).
class StoreFixture
{
public:
    explicit StoreFixture(const QString &path)
        : m_connection(QUuid::createUuid().toString(QUuid::Id128))
    {
        QString error;
        if (testing::postgresBackend()) {
            m_postgres = std::make_unique<testing::PostgresTestDatabase>();
            if (!m_postgres->isValid())
                qFatal("cannot create a database: %s", qPrintable(m_postgres->error()));
            std::shared_ptr<pg::Connection> connection =
                pg::Connection::open(m_postgres->url(), &error);
            if (!connection)
                qFatal("cannot connect: %s", qPrintable(error));
            store = std::make_unique<PostgresChangeStore>(std::move(connection));
            if (!m_postgres->openQtSql(m_connection))
                qFatal("cannot open the QPSQL connection");
        } else {
            if (!SqliteChangeStore::openDatabase(path, m_connection, &error))
                qFatal("cannot open %s: %s", qPrintable(path), qPrintable(error));
            store = std::make_unique<SqliteChangeStore>(m_connection);
        }
        if (!store->initialize(&error))
            qFatal("cannot initialize: %s", qPrintable(error));
    }
    ~StoreFixture()
    {
        store.reset();
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        m_postgres.reset();
    }
    QSqlDatabase database() const { return QSqlDatabase::database(m_connection, false); }

    // Every row of a table, one string per row, in a stable order.
    QStringList rows(const QString &sql) const
    {
        QSqlQuery query(database());
        if (!query.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        QStringList rows;
        while (query.next()) {
            QStringList columns;
            for (int column = 0; column < query.record().count(); ++column)
                columns.append(query.value(column).toString());
            rows.append(columns.join(QLatin1Char('|')));
        }
        return rows;
    }

    std::unique_ptr<ChangeStore> store;

private:
    QString m_connection;
    std::unique_ptr<testing::PostgresTestDatabase> m_postgres;
};

QString timestampAt(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODateWithMs);
}

// A push as a client could send it: three tables, ids from a small pool so
// records repeat within the push, every fourth timestamp from the past (it
// loses against what is stored), now and then a delete.
QList<IncomingRecordChange> randomPush(QRandomGenerator &random, int count, const QString &client,
                                       qint64 *clock)
{
    const QStringList tables{"tasks", "lists", "tags"};
    const QStringList fields{"title", "done", "priority", "deletedAt"};
    QList<IncomingRecordChange> changes;
    for (int index = 0; index < count; ++index) {
        *clock += 7;
        const qint64 at = random.bounded(4) == 0 ? *clock - 3600000 : *clock;
        RecordState state;
        const int fieldCount = 1 + random.bounded(3);
        for (int field = 0; field < fieldCount; ++field) {
            const QString name = fields.at(random.bounded(fields.size()));
            const QJsonValue value = name == QLatin1String("deletedAt")
                                         ? QJsonValue(timestampAt(at))
                                         : QJsonValue(int(random.bounded(5)));
            state.insert(name, FieldState{value, timestampAt(at), client});
        }
        changes.append(IncomingRecordChange{tables.at(random.bounded(tables.size())),
                                            QStringLiteral("r%1").arg(random.bounded(300)), state});
    }
    return changes;
}

// The reference object the store wrote before it had its own writer.
QByteArray qtStateJson(const RecordState &state)
{
    QJsonObject object;
    for (auto it = state.begin(); it != state.end(); ++it) {
        QJsonObject field{{QStringLiteral("value"), it->value},
                          {QStringLiteral("updatedAt"), it->updatedAt}};
        if (!it->clientId.isEmpty())
            field.insert(QStringLiteral("clientId"), it->clientId);
        object.insert(it.key(), field);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestChangeStorePush : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString unavailable = testing::postgresUnavailable();
        if (!unavailable.isEmpty())
            QSKIP(qPrintable(unavailable));
    }

    void aPushLeavesWhatItsChangesOneByOneLeave_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("changes");
        for (const quint32 seed : {1u, 2u, 3u})
            QTest::addRow("1000 changes, seed %u", seed) << seed << 1000;
        QTest::addRow("65 changes (a chunk and one)") << 4u << 65;
        QTest::addRow("1 change") << 5u << 1;
    }
    void aPushLeavesWhatItsChangesOneByOneLeave()
    {
        QFETCH(quint32, seed);
        QFETCH(int, changes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StoreFixture batched(dir.filePath("batched.sqlite"));
        StoreFixture single(dir.filePath("single.sqlite"));

        QRandomGenerator random(seed);
        qint64 clock = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        // Records another device wrote before, so the push also updates
        // stored rows and moves their positions for that writer.
        const auto earlier = randomPush(random, 400, "B", &clock);
        QVERIFY(batched.store->applyChanges("u1", "todo", "B", earlier, {}).ok);
        QVERIFY(single.store->applyChanges("u1", "todo", "B", earlier, {}).ok);
        // The same records in another app and of another user stay apart.
        QVERIFY(batched.store->applyChanges("u2", "todo", "A", earlier, {}).ok);
        QVERIFY(single.store->applyChanges("u2", "todo", "A", earlier, {}).ok);

        const auto push = randomPush(random, changes, "A", &clock);
        // What the prepare step saw for each change: the state the earlier
        // changes of the same push left.
        QStringList seenBatched;
        QStringList seenSingle;
        const auto recordTo = [](QStringList *seen) {
            return [seen](const IncomingRecordChange &change, const RecordState &current,
                          RecordState &) {
                seen->append(change.table + '/' + change.id + '=' + qtStateJson(current));
            };
        };
        const ApplyResult all =
            batched.store->applyChanges("u1", "todo", "A", push, recordTo(&seenBatched));
        QVERIFY2(all.ok, qPrintable(all.error));
        int changedOneByOne = 0;
        QStringList tablesOneByOne;
        for (const IncomingRecordChange &change : push) {
            const ApplyResult one =
                single.store->applyChanges("u1", "todo", "A", {change}, recordTo(&seenSingle));
            QVERIFY2(one.ok, qPrintable(one.error));
            changedOneByOne += one.changedRecords;
            for (const QString &table : one.changedTables) {
                if (!tablesOneByOne.contains(table))
                    tablesOneByOne.append(table);
            }
        }
        tablesOneByOne.sort();

        QCOMPARE(seenBatched, seenSingle);
        QCOMPARE(all.changedRecords, changedOneByOne);
        QCOMPARE(all.changedTables, tablesOneByOne);
        QCOMPARE(all.head, *single.store->head("u1"));
        const QString records = "SELECT user_id, app_id, table_name, record_id, state, last_seq, "
                                "last_client_id, other_seq FROM sync_records "
                                "ORDER BY user_id, app_id, table_name, record_id";
        QCOMPARE(batched.rows(records), single.rows(records));
        const QString log = "SELECT user_id, seq, app_id, table_name, record_id, client_id, "
                            "changed_fields FROM sync_log ORDER BY user_id, seq";
        QCOMPARE(batched.rows(log), single.rows(log));

        // And a retry of the whole push changes nothing and logs nothing.
        const ApplyResult retry = batched.store->applyChanges("u1", "todo", "A", push, {});
        QVERIFY(retry.ok);
        QCOMPARE(retry.changedRecords, 0);
        QCOMPARE(retry.head, all.head);
    }

    void stateJsonIsWhatQJsonDocumentWrites_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("clientId");
        QTest::addRow("plain text") << QJsonValue("Buy milk") << "A";
        QTest::addRow("empty text") << QJsonValue("") << "A";
        QTest::addRow("quote and backslash") << QJsonValue("say \"hi\" \\ bye") << "A";
        QTest::addRow("control characters") << QJsonValue("a\nb\tc\u0001d\u007f") << "A";
        QTest::addRow("non-ASCII") << QJsonValue(QString::fromUtf8("Crème brûlée 🍮")) << "A";
        QTest::addRow("lone surrogate") << QJsonValue(QString(QChar(0xd800))) << "A";
        QTest::addRow("integer") << QJsonValue(42) << "A";
        QTest::addRow("negative integer") << QJsonValue(qint64(-9007199254740993)) << "A";
        QTest::addRow("integral double") << QJsonValue(1e6) << "A";
        QTest::addRow("fraction") << QJsonValue(0.1) << "A";
        QTest::addRow("huge double") << QJsonValue(1e300) << "A";
        QTest::addRow("negative zero") << QJsonValue(-0.0) << "A";
        QTest::addRow("true") << QJsonValue(true) << "A";
        QTest::addRow("false") << QJsonValue(false) << "A";
        QTest::addRow("null") << QJsonValue(QJsonValue::Null) << "A";
        QTest::addRow("array") << QJsonValue(QJsonArray{1, "two", QJsonObject{{"b", 1}, {"a", 2}}})
                               << "A";
        QTest::addRow("object") << QJsonValue(QJsonObject{{"z", "é"}, {"a", QJsonArray{}}}) << "A";
        QTest::addRow("no writer") << QJsonValue("x") << "";
        QTest::addRow("writer needing escapes") << QJsonValue("x") << "dev\"ice\\1";
    }
    void stateJsonIsWhatQJsonDocumentWrites()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, clientId);
        const RecordState state{
            {"title", FieldState{value, "2026-01-01T10:00:00.000Z", clientId}},
            {"a_first", FieldState{QJsonValue(1), "2026-01-01T10:00:00.001Z", "B"}},
            {"zz", FieldState{QJsonValue(QJsonValue::Null), "2026-01-01T10:00:00.002Z", ""}},
        };
        const QByteArray expected = qtStateJson(state);
        QCOMPARE(recordStateToJson(state), expected);
        const auto parsed = recordStateFromJson(recordStateToJson(state));
        QVERIFY(parsed);
        QCOMPARE(qtStateJson(*parsed), expected);
    }

    void anUnreadableStoredStateFailsThePushAndChangesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StoreFixture fixture(dir.filePath("broken.sqlite"));
        const auto change = [](const QString &id, const QString &title, const QString &at) {
            return IncomingRecordChange{"tasks", id, RecordState{{"title", {title, at, "A"}}}};
        };
        QVERIFY(fixture.store
                    ->applyChanges("u1", "todo", "A",
                                   {change("t1", "one", "2026-01-01T10:00:00.000Z"),
                                    change("t2", "two", "2026-01-01T10:00:00.000Z")},
                                   {})
                    .ok);
        QSqlQuery query(fixture.database());
        QVERIFY(query.exec("UPDATE sync_records SET state = '{not json' WHERE record_id = 't2'"));
        const QStringList before = fixture.rows("SELECT * FROM sync_log ORDER BY seq");

        const ApplyResult result =
            fixture.store->applyChanges("u1", "todo", "A",
                                        {change("t3", "new", "2026-01-02T10:00:00.000Z"),
                                         change("t2", "newer", "2026-01-02T10:00:00.000Z")},
                                        {});
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains("tasks/t2"), qPrintable(result.error));
        QCOMPARE(fixture.store->head("u1"), 2);
        QCOMPARE(fixture.rows("SELECT * FROM sync_log ORDER BY seq"), before);
        QCOMPARE(fixture.rows("SELECT record_id FROM sync_records WHERE record_id = 't3'"),
                 QStringList());
        // The store still works for the other records.
        QVERIFY(fixture.store
                    ->applyChanges("u1", "todo", "A",
                                   {change("t1", "later", "2026-01-03T10:00:00.000Z")}, {})
                    .ok);
        QCOMPARE(fixture.store->head("u1"), 3);
    }

    // Without the checkpointer (and with automatic checkpoints off, as the
    // server sets them far out) the pages stay in the WAL and the database
    // file does not grow.
    void theCheckpointerCopiesTheLogIntoTheDatabase()
    {
        if (testing::postgresBackend())
            QSKIP("SQLite's WAL and its checkpointer; PostgreSQL checkpoints by itself");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("checkpointed.sqlite");
        StoreFixture fixture(path);
        QSqlQuery query(fixture.database());
        QVERIFY(query.exec("PRAGMA wal_autocheckpoint=0"));
        const qint64 emptySize = QFileInfo(path).size();

        QRandomGenerator random(9);
        qint64 clock = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        for (int push = 0; push < 5; ++push)
            QVERIFY(fixture.store
                        ->applyChanges("u1", "todo", "A", randomPush(random, 1000, "A", &clock), {})
                        .ok);
        QCOMPARE(QFileInfo(path).size(), emptySize);

        WalCheckpointer checkpointer(path, 10);
        QString error;
        QVERIFY2(checkpointer.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > emptySize + 64 * 1024, 5000);
    }
};

QTEST_GUILESS_MAIN(TestChangeStorePush)
#include "tst_changestorepush.moc"
