// The guest adoption rule on two real stores: same ids, existing ids
// skipped, deletions kept, records without a home reported (and then, in a
// Session, the guest database kept so nothing is lost).
#include "profiledirectory.h"
#include "serverprocess.h"
#include "sessiontestsupport.h"
#include "syncclientfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;

namespace {

CollectionSpec notesSpec()
{
    QString error;
    const auto spec = CollectionSpec::fromJson(
        QJsonObject{{"name", "notes"},
                    {"fields", QJsonArray{QJsonObject{{"name", "body"}, {"type", "text"}}}}},
        synctest::kAppId, &error);
    Q_ASSERT_X(spec, "notesSpec", qPrintable(error));
    return *spec;
}

} // namespace

class TestAdoption : public QObject
{
    Q_OBJECT
private slots:
    void copiesWithSameIdsAndSkipsExisting();
    void recordsWithoutACollectionAreReported();
    void sessionKeepsTheGuestWhenAdoptionIsIncomplete();
};

void TestAdoption::copiesWithSameIdsAndSkipsExisting()
{
    QTemporaryDir dir;
    LocalStore guest, account;
    QString error;
    QVERIFY2(guest.open(dir.filePath("guest.sqlite"), &error), qPrintable(error));
    QVERIFY2(account.open(dir.filePath("account.sqlite"), &error), qPrintable(error));
    Collection *guestTasks = guest.addCollection(synctest::taskSpec(), &error);
    Collection *accountTasks = account.addCollection(synctest::taskSpec(), &error);
    QVERIFY(guestTasks && accountTasks);

    QVERIFY(
        guestTasks->insert({{"id", "a"}, {"title", "Guest A"}, {"priority", "high"}, {"n", 7}}));
    QVERIFY(guestTasks->insert({{"id", "b"}, {"title", "Guest B"}}));
    QVERIFY(guestTasks->insert({{"id", "gone"}, {"title", "Deleted"}}));
    QVERIFY(guestTasks->remove("gone"));
    QVERIFY(guestTasks->insert({{"id", "shared"}, {"title", "Guest copy"}}));
    QVERIFY(accountTasks->insert({{"id", "shared"}, {"title", "Account copy"}}));
    const int accountPendingBefore = account.pendingChanges().count();

    const AdoptionReport report = adoptGuestRecords(guest, account);
    QVERIFY2(report.complete(), qPrintable(report.problems.join(' ')));
    QCOMPARE(report.adopted, 3);
    QCOMPARE(report.skipped, 1);

    const auto a = accountTasks->get("a");
    QVERIFY(a);
    QCOMPARE(a->value("title").toString(), QStringLiteral("Guest A"));
    QCOMPARE(a->value("priority").toString(), QStringLiteral("high"));
    QCOMPARE(a->value("n").toInt(), 7);
    QVERIFY(accountTasks->get("b"));
    QVERIFY(!accountTasks->get("gone"));
    QVERIFY(accountTasks->get("gone", true));
    QCOMPARE(accountTasks->get("shared")->value("title").toString(),
             QStringLiteral("Account copy"));
    // Every adopted record is waiting to be pushed.
    QCOMPARE(account.pendingChanges().count(), accountPendingBefore + 3);

    // Again: everything is there already.
    const AdoptionReport again = adoptGuestRecords(guest, account);
    QCOMPARE(again.adopted, 0);
    QCOMPARE(again.skipped, 4);
}

void TestAdoption::recordsWithoutACollectionAreReported()
{
    QTemporaryDir dir;
    LocalStore guest, account;
    QString error;
    QVERIFY(guest.open(dir.filePath("guest.sqlite"), &error));
    QVERIFY(account.open(dir.filePath("account.sqlite"), &error));
    QVERIFY(guest.addCollection(synctest::taskSpec(), &error));
    QVERIFY(guest.addCollection(notesSpec(), &error));
    QVERIFY(account.addCollection(synctest::taskSpec(), &error));
    QVERIFY(guest.collection("todo", "tasks")->insert({{"title", "Task"}}));
    QVERIFY(guest.collection("todo", "notes")->insert({{"body", "Note"}}));

    const AdoptionReport report = adoptGuestRecords(guest, account);
    QVERIFY(!report.complete());
    QCOMPARE(report.adopted, 1);
    QVERIFY(report.problems.first().contains("notes"));
}

void TestAdoption::sessionKeepsTheGuestWhenAdoptionIsIncomplete()
{
    servertest::ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir dir;
    auto session = sessiontest::makeSession(dir.path(), server.baseUrl());
    // Guests get a notes collection that accounts lack.
    session->setProfilePreparer([](LocalStore &store, bool isNewGuest, QString *error) {
        if (!sessiontest::prepareProfile(store, isNewGuest, error))
            return false;
        if (store.filePath().endsWith("guest.sqlite"))
            return store.addCollection(notesSpec(), error) != nullptr;
        return true;
    });
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    QVERIFY(
        session->store()->collection("todo", "notes")->insert({{"id", "n1"}, {"body", "Keep"}}));
    session->signUp(sessiontest::uniqueEmail("partial"), sessiontest::kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QVERIFY2(!session->isGuest(), qPrintable(session->errorMessage()));
    QVERIFY(QFile::exists(dir.filePath("guest.sqlite")));

    // Sign-out reopens that guest file with the note still in it.
    session->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QVERIFY(session->isGuest());
    QVERIFY(session->store()->collection("todo", "notes")->get("n1"));
}

QTEST_GUILESS_MAIN(TestAdoption)
#include "tst_adoption.moc"
