// Upcoming birthdays (modules/contacts/src/birthdays.h): the next
// celebration, the age turned, 29 February, birthdays without a year, and
// the list's window and order.
#include "birthdays.h"
#include "contact.h"

#include <QTest>

using namespace mana::contacts;

class TestBirthdays : public QObject
{
    Q_OBJECT

private slots:
    void nextCelebration_data();
    void nextCelebration();
    void listIsTheWindowSoonestFirst();
};

void TestBirthdays::nextCelebration_data()
{
    QTest::addColumn<QDate>("birthday");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("expectedOccasion");
    QTest::addColumn<int>("expectedDays");
    QTest::addColumn<int>("expectedAge");

    QTest::newRow("later this year")
        << QDate(1985, 4, 12) << QDate(2026, 3, 1) << QDate(2026, 4, 12) << 42 << 41;
    QTest::newRow("today") << QDate(1985, 4, 12) << QDate(2026, 4, 12) << QDate(2026, 4, 12) << 0
                           << 41;
    QTest::newRow("passed: next year")
        << QDate(1985, 4, 12) << QDate(2026, 4, 13) << QDate(2027, 4, 12) << 364 << 42;
    QTest::newRow("over new year")
        << QDate(1990, 1, 2) << QDate(2026, 12, 30) << QDate(2027, 1, 2) << 3 << 37;
    QTest::newRow("29 Feb in a common year: 28 Feb")
        << QDate(2000, 2, 29) << QDate(2027, 2, 1) << QDate(2027, 2, 28) << 27 << 27;
    QTest::newRow("29 Feb in a leap year")
        << QDate(2000, 2, 29) << QDate(2028, 2, 1) << QDate(2028, 2, 29) << 28 << 28;
    QTest::newRow("29 Feb, today is 28 Feb of a common year")
        << QDate(2000, 2, 29) << QDate(2027, 2, 28) << QDate(2027, 2, 28) << 0 << 27;
    QTest::newRow("29 Feb, today is 1 Mar of a common year: next leap day is far")
        << QDate(2000, 2, 29) << QDate(2027, 3, 1) << QDate(2028, 2, 29) << 365 << 28;
    QTest::newRow("without a year: no age")
        << QDate(kBirthdayWithoutYear, 6, 1) << QDate(2026, 5, 30) << QDate(2026, 6, 1) << 2 << -1;
    QTest::newRow("without a year, 29 Feb") << QDate(kBirthdayWithoutYear, 2, 29)
                                            << QDate(2026, 2, 20) << QDate(2026, 2, 28) << 8 << -1;
}

void TestBirthdays::nextCelebration()
{
    QFETCH(QDate, birthday);
    QFETCH(QDate, today);
    QFETCH(QDate, expectedOccasion);
    QFETCH(int, expectedDays);
    QFETCH(int, expectedAge);
    const BirthdayEntry entry = upcomingBirthday(QStringLiteral("c1"), birthday, today);
    QCOMPARE(entry.nextOccasion, expectedOccasion);
    QCOMPARE(entry.daysUntil, expectedDays);
    QCOMPARE(entry.turningAge, expectedAge);
    QCOMPARE(entry.birthday, birthday);
}

void TestBirthdays::listIsTheWindowSoonestFirst()
{
    const QDate today(2026, 12, 6);
    const QList<BirthdayInput> contacts{
        {QStringLiteral("far"), QDate(1970, 3, 1)},
        {QStringLiteral("b-soon"), QDate(1980, 12, 10)},
        {QStringLiteral("a-soon"), QDate(1999, 12, 10)},
        {QStringLiteral("today"), QDate(kBirthdayWithoutYear, 12, 6)},
        {QStringLiteral("none"), QDate()},
        {QStringLiteral("unborn"), QDate(2030, 12, 7)},
        {QStringLiteral("edge"), QDate(1960, 1, 5)},      // 30 days
        {QStringLiteral("past-edge"), QDate(1960, 1, 6)}, // 31 days
    };
    const QList<BirthdayEntry> entries = upcomingBirthdays(contacts, today, 30);
    QStringList ids;
    for (const BirthdayEntry &entry : entries)
        ids.append(entry.contactId);
    QCOMPARE(ids, (QStringList{"today", "a-soon", "b-soon", "edge"}));
    QCOMPARE(entries.first().turningAge, -1);
    QCOMPARE(entries.at(1).turningAge, 27);
    QCOMPARE(entries.last().daysUntil, 30);
    QVERIFY(upcomingBirthdays(contacts, today, 0).size() == 1);
}

QTEST_GUILESS_MAIN(TestBirthdays)
#include "tst_birthdays.moc"
