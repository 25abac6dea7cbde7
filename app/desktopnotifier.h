// The app's desktop notifications: the shared Notifier
// (modules/shared/notify) fed with the reminder sources of the open profile
// (Todo's tasks, Calendar's events), so a reminder fires whether or not the
// app's page was ever opened, and one that passed while the app was closed
// fires once at start-up. Alarms and timers reach the same tray through
// notify().
#pragma once

#include <QObject>
#include <QPointer>
#include <memory>

namespace mana {
class LocalStore;
class Notifier;
namespace todo {
class TodoReminderSource;
}
namespace calendar {
class CalendarReminderSource;
}

class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // Re-plans for the profile now open (nullptr: none).
    void setStore(LocalStore *store);

    // Whether messages reach the system tray; without one (headless, some
    // Wayland desktops) they are logged and shown inside the window.
    bool hasSystemTray() const;
    Notifier *notifier() const { return m_notifier.get(); }

    // Where Calendar's "delivered up to" mark of the profile in `storeFile`
    // lives: next to it, `<name>.calendar-reminders.json`.
    static QString calendarMarkPath(const QString &storeFile);

public slots:
    // Shows one notification now: for Clock's alarms and timers.
    void notify(const QString &title, const QString &text);

signals:
    // Every notification, for the in-window banner and for tests.
    void notified(const QString &title, const QString &text);

private:
    std::unique_ptr<Notifier> m_notifier;
    QPointer<LocalStore> m_store;
    // Destroyed before a new profile's are made (they hold its store).
    std::unique_ptr<todo::TodoReminderSource> m_todo;
    std::unique_ptr<calendar::CalendarReminderSource> m_calendar;
};

} // namespace mana
