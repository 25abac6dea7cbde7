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

// A guest's and an account's store, each with the tasks collection.
struct TwoStores
{
    QTemporaryDir dir;
    LocalStore guest;
    LocalStore account;
    Collection *guestTasks = nullptr;
    Collection *accountTasks = nullptr;
    QString error;

    bool open()
    {
        if (!guest.open(dir.filePath("guest.sqlite"), &error) ||
            !account.open(dir.filePath("account.sqlite"), &error))
            return false;
        guestTasks = guest.addCollection(synctest::taskSpec(), &error);
        accountTasks = account.addCollection(synctest::taskSpec(), &error);
        return guestTasks && accountTasks;
    }
};

} // namespace

class TestAdoption : public QObject
{
    Q_OBJECT
private slots:
    void copiesWithSameIdsAndSkipsExisting();
    void catchUpTakesWhatTheGuestWroteSince_data();
    void catchUpTakesWhatTheGuestWroteSince();
    void recordsWithoutACollectionAreReported();
    void sessionKeepsTheGuestWhenAdoptionIsIncomplete();
};

void TestAdoption::copiesWithSameIdsAndSkipsExisting()
{
    TwoStores stores;
    QVERIFY2(stores.open(), qPrintable(stores.error));
    LocalStore &guest = stores.guest;
    LocalStore &account = stores.account;
    Collection *guestTasks = stores.guestTasks;
    Collection *accountTasks = stores.accountTasks;
    QString error;

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

// The sign-in copies the guest's records on a thread while the guest stays
// writable, then takes on the GUI thread what the guest wrote after the
// copy's last queued change: nothing written in between is left behind.
void TestAdoption::catchUpTakesWhatTheGuestWroteSince_data()
{
    QTest::addColumn<QString>("write");
    QTest::addColumn<QString>("title"); // of record "a" in the account afterwards
    QTest::addColumn<bool>("deleted");
    QTest::addColumn<int>("adopted");
    QTest::newRow("nothing") << "none"
                             << "Guest A" << false << 0;
    QTest::newRow("an edit of a copied record") << "edit"
                                                << "Edited later" << false << 1;
    QTest::newRow("a delete of a copied record") << "delete"
                                                 << "Guest A" << true << 1;
    QTest::newRow("a restore of a record deleted when copied") << "restore"
                                                               << "Guest A" << false << 1;
    QTest::newRow("a new record") << "insert"
                                  << "Guest A" << false << 1;
}

void TestAdoption::catchUpTakesWhatTheGuestWroteSince()
{
    QFETCH(QString, write);
    QFETCH(QString, title);
    QFETCH(bool, deleted);
    QFETCH(int, adopted);
    TwoStores stores;
    QVERIFY2(stores.open(), qPrintable(stores.error));
    LocalStore &guest = stores.guest;
    LocalStore &account = stores.account;
    Collection *guestTasks = stores.guestTasks;
    Collection *accountTasks = stores.accountTasks;
    QString error;
    QVERIFY(guestTasks->insert({{"id", "a"}, {"title", "Guest A"}, {"n", 1}}));
    QVERIFY(guestTasks->insert({{"id", "b"}, {"title", "Guest B"}}));
    if (write == "restore")
        QVERIFY(guestTasks->remove("a"));

    // The copy on the sign-in's thread (another connection to the file).
    AdoptionReport first;
    {
        LocalStore second;
        QVERIFY2(second.open(stores.dir.filePath("guest.sqlite"), &error), qPrintable(error));
        QVERIFY(second.addCollection(synctest::taskSpec(), &error));
        first = adoptGuestRecords(second, account);
    }
    QVERIFY2(first.complete(), qPrintable(first.problems.join(' ')));
    QCOMPARE(first.adopted, 2);
    QVERIFY(first.lastSequence > 0);

    // The guest writes before the switch.
    if (write == "edit")
        QVERIFY(guestTasks->update("a", {{"title", "Edited later"}}));
    else if (write == "delete")
        QVERIFY(guestTasks->remove("a"));
    else if (write == "restore")
        QVERIFY(guestTasks->restore("a"));
    else if (write == "insert")
        QVERIFY(guestTasks->insert({{"id", "c"}, {"title", "Written in between"}}));

    const int pendingBefore = account.pendingChanges().count();
    const AdoptionReport since = adoptGuestRecords(guest, account, first.lastSequence);
    QVERIFY2(since.complete(), qPrintable(since.problems.join(' ')));
    QCOMPARE(since.adopted, adopted);
    QCOMPARE(since.skipped, 0);
    const auto a = accountTasks->get("a", true);
    QVERIFY(a);
    QCOMPARE(a->value("title").toString(), title);
    QCOMPARE(a->value("n").toInt(), 1);
    QCOMPARE(!a->value("deletedAt").isNull(), deleted);
    QCOMPARE(bool(accountTasks->get("c")), write == "insert");
    // Nothing written when the guest wrote nothing (a queued change of a
    // record merges with the one before it, so the count says no more).
    if (adopted == 0)
        QCOMPARE(account.pendingChanges().count(), pendingBefore);
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
