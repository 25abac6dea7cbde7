// Issue 14: every way a write can fail reports a code (StoreError) with its
// details, so the window can say it in its own language; the English text
// stays for the log. One row per failure path of Collection's writes: the
// values (unknown or built-in field, wrong type, out of range, missing,
// bad id, empty update), the records (missing, deleted, duplicate, refused
// by a trigger) and the storage (read-only, full, locked by another
// program). Run over both statement paths (CMakeLists: _qtsql).
#include "storetestsupport.h"

#include <QJsonArray>
#include <QSqlError>
#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

enum class Operation { Insert, Update, Remove, Restore };

// What the storage does to the write (set up on the store's own connection,
// or a second one for the lock).
enum class Condition {
    None,
    TriggerRefuses, // BEFORE INSERT/UPDATE triggers RAISE(ABORT, …)
    QueryOnly,      // the connection may no longer write (as a file made read-only)
    DiskFull,       // max_page_count reached: SQLITE_FULL
    LockedByOther,  // another connection holds the write lock, no busy wait
};

constexpr auto kLive = "live";
constexpr auto kGone = "gone"; // soft-deleted

} // namespace

Q_DECLARE_METATYPE(Operation)
Q_DECLARE_METATYPE(Condition)
Q_DECLARE_METATYPE(mana::StoreError)

class TestStoreError : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void failureHasItsCode_data();
    void failureHasItsCode();
    void insertManyReportsTheCode();
    void codesHaveNames();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_notes = nullptr;
};

void TestStoreError::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_notes = m_fixture->add(kNotesSpec);
    QVERIFY(m_notes);
    QVERIFY(m_notes->insert({{"id", kLive}, {"title", "live"}}));
    QVERIFY(m_notes->insert({{"id", kGone}, {"title", "gone"}}));
    QVERIFY(m_notes->remove(kGone));
}

void TestStoreError::cleanup()
{
    m_notes = nullptr;
    m_fixture.reset();
}

void TestStoreError::failureHasItsCode_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QJsonObject>("values");
    QTest::addColumn<Condition>("condition");
    QTest::addColumn<StoreError>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("limit");

    const QString none;
    const auto insert = Operation::Insert;
    const auto update = Operation::Update;
    const QString live = kLive;
    // The values.
    QTest::newRow("unknown field (insert)")
        << insert << none << QJsonObject{{"title", "x"}, {"colour", "red"}} << Condition::None
        << StoreError::UnknownField << "colour" << none;
    QTest::newRow("unknown field (update)")
        << update << live << QJsonObject{{"colour", "red"}} << Condition::None
        << StoreError::UnknownField << "colour" << none;
    QTest::newRow("built-in field (insert)")
        << insert << none << QJsonObject{{"title", "x"}, {"createdAt", "2026-01-01"}}
        << Condition::None << StoreError::BuiltInField << "createdAt" << none;
    QTest::newRow("built-in field (update)")
        << update << live << QJsonObject{{"deletedAt", 1}} << Condition::None
        << StoreError::BuiltInField << "deletedAt" << none;
    QTest::newRow("wrong type: text")
        << insert << none << QJsonObject{{"title", 5}} << Condition::None << StoreError::WrongType
        << "title" << none;
    QTest::newRow("wrong type: enum")
        << insert << none << QJsonObject{{"title", "x"}, {"kind", "urgent"}} << Condition::None
        << StoreError::WrongType << "kind"
        << "low, medium, high";
    QTest::newRow("wrong type: reference") << update << live << QJsonObject{{"parentId", 3}}
                                           << Condition::None << StoreError::WrongType << "parentId"
                                           << "notes";
    QTest::newRow("wrong type: date (update)")
        << update << live << QJsonObject{{"day", "26.03.2026"}} << Condition::None
        << StoreError::WrongType << "day" << none;
    QTest::newRow("wrong type: fraction")
        << update << live << QJsonObject{{"count", 2.5}} << Condition::None << StoreError::WrongType
        << "count" << none;
    QTest::newRow("out of range") << insert << none << QJsonObject{{"title", "x"}, {"count", 1e17}}
                                  << Condition::None << StoreError::OutOfRange << "count"
                                  << "9007199254740991";
    QTest::newRow("required missing (insert)")
        << insert << none << QJsonObject{{"body", "no title"}} << Condition::None
        << StoreError::RequiredMissing << "title" << none;
    QTest::newRow("required set to null (update)")
        << update << live << QJsonObject{{"title", QJsonValue::Null}} << Condition::None
        << StoreError::RequiredMissing << "title" << none;
    QTest::newRow("invalid id") << insert << none
                                << QJsonObject{{"id", QString(200, u'x')}, {"title", "x"}}
                                << Condition::None << StoreError::InvalidId << "id"
                                << "128";
    QTest::newRow("nothing to update") << update << live << QJsonObject{} << Condition::None
                                       << StoreError::NothingToUpdate << none << none;
    // The records.
    QTest::newRow("no such record (update)")
        << update << QString("nope") << QJsonObject{{"title", "x"}} << Condition::None
        << StoreError::NoSuchRecord << none << none;
    QTest::newRow("no such record (remove)")
        << Operation::Remove << QString("nope") << QJsonObject{} << Condition::None
        << StoreError::NoSuchRecord << none << none;
    QTest::newRow("no such record (restore)")
        << Operation::Restore << QString("nope") << QJsonObject{} << Condition::None
        << StoreError::NoSuchRecord << none << none;
    QTest::newRow("deleted record") << update << QString(kGone) << QJsonObject{{"title", "x"}}
                                    << Condition::None << StoreError::RecordDeleted << none << none;
    QTest::newRow("duplicate id") << insert << none << QJsonObject{{"id", kLive}, {"title", "x"}}
                                  << Condition::None << StoreError::DuplicateId << none << none;
    QTest::newRow("trigger refuses (insert)")
        << insert << none << QJsonObject{{"title", "x"}} << Condition::TriggerRefuses
        << StoreError::Refused << none << none;
    QTest::newRow("trigger refuses (update)")
        << update << live << QJsonObject{{"title", "x"}} << Condition::TriggerRefuses
        << StoreError::Refused << none << none;
    QTest::newRow("trigger refuses (remove)")
        << Operation::Remove << live << QJsonObject{} << Condition::TriggerRefuses
        << StoreError::Refused << none << none;
    // The storage.
    QTest::newRow("read-only (insert)")
        << insert << none << QJsonObject{{"title", "x"}} << Condition::QueryOnly
        << StoreError::ReadOnly << none << none;
    QTest::newRow("read-only (update)")
        << update << live << QJsonObject{{"title", "x"}} << Condition::QueryOnly
        << StoreError::ReadOnly << none << none;
    QTest::newRow("disk full (insert)")
        << insert << none << QJsonObject{{"title", "x"}, {"body", QString(64 * 1024, u'b')}}
        << Condition::DiskFull << StoreError::DiskFull << none << none;
    QTest::newRow("disk full (update)")
        << update << live << QJsonObject{{"body", QString(64 * 1024, u'b')}} << Condition::DiskFull
        << StoreError::DiskFull << none << none;
    QTest::newRow("locked by another program")
        << insert << none << QJsonObject{{"title", "x"}} << Condition::LockedByOther
        << StoreError::Busy << none << none;
}

void TestStoreError::failureHasItsCode()
{
    QFETCH(Operation, operation);
    QFETCH(QString, id);
    QFETCH(QJsonObject, values);
    QFETCH(Condition, condition);
    QFETCH(StoreError, code);
    QFETCH(QString, field);
    QFETCH(QString, limit);

    QSqlQuery own(m_fixture->store->database());
    std::unique_ptr<RawConnection> other;
    switch (condition) {
    case Condition::None:
        break;
    case Condition::TriggerRefuses:
        for (const char *event : {"INSERT", "UPDATE"})
            QVERIFY2(
                own.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_%1 BEFORE %1 ON test_notes "
                                        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); "
                                        "END")
                             .arg(QLatin1String(event))),
                qPrintable(own.lastError().text()));
        break;
    case Condition::QueryOnly:
        QVERIFY(own.exec(QStringLiteral("PRAGMA query_only = 1")));
        break;
    case Condition::DiskFull: {
        // The file may not grow by a page: what a full disk says (SQLITE_FULL).
        QVERIFY(own.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(own.exec(QStringLiteral("PRAGMA page_count")) && own.next());
        const int pages = own.value(0).toInt();
        QVERIFY(own.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        break;
    }
    case Condition::LockedByOther:
        QVERIFY(own.exec(QStringLiteral("PRAGMA busy_timeout = 0")));
        other = std::make_unique<RawConnection>(m_fixture->path());
        QVERIFY(other->exec(QStringLiteral("BEGIN IMMEDIATE")));
        break;
    }

    WriteResult result;
    switch (operation) {
    case Operation::Insert:
        result = m_notes->insert(values);
        break;
    case Operation::Update:
        result = m_notes->update(id, values);
        break;
    case Operation::Remove:
        result = m_notes->remove(id);
        break;
    case Operation::Restore:
        result = m_notes->restore(id);
        break;
    }
    if (other)
        other->exec(QStringLiteral("ROLLBACK"));

    QVERIFY(!result.ok);
    QVERIFY2(result.code() == code, qPrintable(QStringLiteral("%1 instead of %2: %3")
                                                   .arg(storeErrorName(result.code()),
                                                        storeErrorName(code), result.error)));
    QCOMPARE(result.failure.field, field);
    QCOMPARE(result.failure.limit, limit);
    // The technical text is still there, for the log.
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(result.failure.detail, result.error);
    if (code == StoreError::WrongType)
        QVERIFY(result.failure.fieldType.has_value());
    // Nothing of a refused write was kept.
    QCOMPARE(m_notes->count(), 1);
    QCOMPARE(m_notes->get(kLive)->value("title").toString(), QStringLiteral("live"));
}

// An import (insertMany) refuses all or nothing, and says why as a code too.
void TestStoreError::insertManyReportsTheCode()
{
    QString error;
    StoreErrorInfo failure;
    const QStringList ids = m_notes->insertMany(
        {QJsonObject{{"title", "fine"}}, QJsonObject{{"title", true}}}, &error, &failure);
    QVERIFY(ids.isEmpty());
    QCOMPARE(failure.code, StoreError::WrongType);
    QCOMPARE(failure.field, QStringLiteral("title"));
    QVERIFY2(error.startsWith(QStringLiteral("Record 2: ")), qPrintable(error));
    QCOMPARE(m_notes->count(), 1);
}

void TestStoreError::codesHaveNames()
{
    for (int code = int(StoreError::None); code <= int(StoreError::Other); ++code)
        QVERIFY(QByteArray(storeErrorName(StoreError(code))) != "?");
}

QTEST_GUILESS_MAIN(TestStoreError)
#include "tst_storeerror.moc"
