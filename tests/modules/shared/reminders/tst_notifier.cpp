// The desktop notifier (modules/shared/notify) offscreen, where there is no
// system tray: notify() and the reminders of any number of sources and
// schedulers come out as notified(title, text) and in the log.
#include "fakesource.h"
#include "notifier.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace mana;
using namespace mana::test;
using namespace Qt::StringLiterals;

namespace {

QStringList logged;

void collectNotifyLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (QLatin1String(context.category) == "mana.notify"_L1)
        logged.append(message);
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void notifyShowsAtOnce();
    void remindersOfEverySourceAreShown();
    void anotherSchedulersRemindersAreShown();

private:
    QtMessageHandler m_previous = nullptr;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();
};

void TestNotifier::init()
{
    logged.clear();
    QLoggingCategory::setFilterRules(u"mana.notify.info=true"_s);
    m_previous = qInstallMessageHandler(collectNotifyLog);
}

void TestNotifier::cleanup()
{
    qInstallMessageHandler(m_previous);
}

void TestNotifier::notifyShowsAtOnce()
{
    Notifier notifier;
    QVERIFY(!notifier.hasSystemTray()); // offscreen
    QSignalSpy spy(&notifier, &Notifier::notified);
    notifier.notify(u"Alarm"_s, u"07:00 Wake up"_s);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"Alarm"_s);
    QCOMPARE(spy.at(0).at(1).toString(), u"07:00 Wake up"_s);
    QVERIFY2(logged.contains(u"notification: Alarm — 07:00 Wake up"_s),
             qPrintable(logged.join(u'\n')));
}

void TestNotifier::remindersOfEverySourceAreShown()
{
    FakeSource todo(u"todo"_s);
    FakeSource calendar(u"calendar"_s);
    todo.add(u"t1"_s, u"task"_s, m_now.addSecs(-60));
    calendar.add(u"c1"_s, u"event"_s, m_now.addSecs(-30));
    calendar.add(u"c2"_s, u"later"_s, m_now.addSecs(3600));

    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notified);
    notifier.addSource(&todo);
    QCOMPARE(spy.count(), 1); // missed ones at once
    notifier.addSource(&calendar);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), u"Title t1"_s);
    QCOMPARE(spy.at(0).at(1).toString(), u"Text t1"_s);
    QCOMPARE(spy.at(1).at(0).toString(), u"Title c1"_s);
    QVERIFY2(logged.contains(u"reminder: Title c1 — Text c1 (calendar)"_s),
             qPrintable(logged.join(u'\n')));
    QCOMPARE(notifier.scheduler()->nextFireTime(), m_now.addSecs(3600));

    notifier.removeSource(&calendar);
    QVERIFY(!notifier.scheduler()->nextFireTime().isValid());
}

void TestNotifier::anotherSchedulersRemindersAreShown()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notified);
    ReminderScheduler own;
    FakeSource source(u"clock"_s);
    own.addSource(&source);
    own.start();
    notifier.addScheduler(&own);
    notifier.addScheduler(&own); // once is enough
    source.add(u"a1"_s, u"alarm"_s, QDateTime::currentDateTimeUtc().addMSecs(50));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"Title a1"_s);
    QTest::qWait(100);
    QCOMPARE(spy.count(), 1);
}

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
