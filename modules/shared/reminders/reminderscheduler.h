// The one reminder timer of the app: asks every registered ReminderSource
// (Todo's tasks, Calendar's events, …) for its undelivered reminders, keeps
// one timer for the nearest of them and emits reminderDue when one is due
// (docs/reminders.md).
//
// Rules (see reminderscheduler.cpp for the reasons):
// - Never twice: a due reminder is recorded as delivered by its source
//   (ReminderSource::markDelivered) BEFORE reminderDue is emitted; one the
//   source could not record is not shown. A crash in between loses that
//   popup rather than repeating it.
// - Missed reminders (the app was closed, the laptop slept): those whose
//   time passed less than kMissedWindowMs ago fire, at most one per item per
//   check (the latest); older ones are recorded without a popup.
// - Sources are asked about the next kLookAheadMs only (they may answer
//   more), and all of them again at least every kMaxWaitMs, so an endless
//   series costs a bounded window per check. Between those, a source is
//   asked again only when it says `changed` or one of its reminders has come
//   due; the others' last answers are reused.
// - The wall clock is compared every kWallClockCheckMs with the plan, so a
//   suspend or a clock change is noticed (QTimer runs on the monotonic
//   clock, which stands still while the machine sleeps).
#pragma once

#include "remindersource.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace mana {

class ReminderScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    // The longest single timer wait; the sources are asked at least this often.
    static constexpr qint64 kMaxWaitMs = 60 * 60 * 1000;
    // How often the wall clock is compared with the plan.
    static constexpr int kWallClockCheckMs = 60 * 1000;
    // Missed reminders older than this are recorded without a popup.
    static constexpr qint64 kMissedWindowMs = 24 * 60 * 60 * 1000;
    // How far ahead the sources are asked. More than kMaxWaitMs, so every
    // reminder is planned long before its time.
    static constexpr qint64 kLookAheadMs = 48 * 60 * 60 * 1000;

    // `clock` gives the current time (any spec); the system clock when null.
    explicit ReminderScheduler(Clock clock = nullptr, QObject *parent = nullptr);
    ~ReminderScheduler() override;

    // Registers a source (not owned; one that is destroyed drops out by
    // itself). When started, plans at once, so the source's missed
    // reminders fire synchronously: connect reminderDue first.
    void addSource(ReminderSource *source);
    void removeSource(ReminderSource *source);
    QList<ReminderSource *> sources() const;

    // Fires the reminders missed while the app was closed (synchronously)
    // and arms the timer.
    void start();
    bool isStarted() const { return m_started; }

    // The nearest fire time of an undelivered reminder of any source;
    // invalid when there is none (within what the sources answered).
    QDateTime nextFireTime() const { return m_nextFire; }
    // When the sources are asked next (at the latest): the next fire time,
    // or kMaxWaitMs after the last plan.
    QDateTime nextCheckTime() const { return m_nextCheck; }
    // The scheduler's clock, in UTC.
    QDateTime now() const;

    // The timer interval for a fire time: [1, kMaxWaitMs] milliseconds,
    // rounded up so the timer never wakes before the moment.
    static int timerInterval(const QDateTime &now, const QDateTime &fireAt);

public slots:
    // Fires what is due and re-plans now. For the wall clock having changed
    // (system resume, time zone or clock set); the scheduler also notices
    // by itself within kWallClockCheckMs.
    void recheck();

signals:
    void reminderDue(mana::ReminderSource *source, const mana::Reminder &reminder);

private:
    struct Due
    {
        QPointer<ReminderSource> source;
        Reminder reminder;
    };
    struct Registered
    {
        QPointer<ReminderSource> source;
        // Its last answer, reused until the source says `changed` or the
        // next plan driven by time asks every source again: an edit in one
        // app does not read every other app's records.
        QList<Reminder> answer;
        bool stale = true;
    };

    // Queued and coalesced: plans with the stale sources asked again.
    void scheduleReplan();
    // Time moved on (timer, wall clock, recheck, start): asks every source.
    void replan();
    void plan();
    void fireDue(const QList<Due> &due, const QDateTime &now);
    void onWallClockCheck();
    void onSourceChanged();
    Registered *registered(const ReminderSource *source);

    QList<Registered> m_sources;
    Clock m_clock;
    bool m_started = false;
    bool m_replanQueued = false;
    QTimer m_timer;          // the nearest fire time, at most kMaxWaitMs away
    QTimer m_wallClockTimer; // coarse: catches suspend and clock jumps
    QDateTime m_nextFire;
    QDateTime m_askedAllAt; // the wall clock of the last plan that asked every source
    QDateTime m_nextCheck;
};

} // namespace mana
