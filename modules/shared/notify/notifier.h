// Desktop notifications for every app: reminders of any number of
// ReminderSources (Todo's tasks, Calendar's events) and schedulers, and
// whatever the app hands to notify() (Clock's alarms and timers), shown as
// system-tray messages. Without a tray (headless, some Wayland desktops)
// they are logged (mana.notify) and emitted as notified() for the window.
#pragma once

#include "reminderscheduler.h"

#include <QLoggingCategory>
#include <QObject>

class QSystemTrayIcon;

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace mana {

class Notifier : public QObject
{
    Q_OBJECT
public:
    // `clock` drives the notifier's own scheduler (the system clock when
    // null; a fixed one for screenshots). Needs a QApplication for the tray.
    explicit Notifier(ReminderScheduler::Clock clock = nullptr, QObject *parent = nullptr);
    ~Notifier() override;

    // Shows the reminders of `source` (not owned) through the notifier's own
    // scheduler, which is started: missed reminders fire right here.
    void addSource(ReminderSource *source);
    void removeSource(ReminderSource *source);
    // Shows what another scheduler finds (not owned).
    void addScheduler(ReminderScheduler *scheduler);
    ReminderScheduler *scheduler() { return &m_scheduler; }

    // Whether messages reach the system tray.
    bool hasSystemTray() const { return m_tray != nullptr; }

public slots:
    // Shows one notification now (an alarm, a finished timer, …).
    void notify(const QString &title, const QString &text);

signals:
    // Every notification, for the in-window banner and for tests.
    void notified(const QString &title, const QString &text);

private:
    void showReminder(mana::ReminderSource *source, const mana::Reminder &reminder);
    void show(const QString &title, const QString &text);

    ReminderScheduler m_scheduler;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace mana
