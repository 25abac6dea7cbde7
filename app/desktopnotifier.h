// Desktop notifications: Todo's reminders (and later other apps') as
// system-tray messages. The scheduler follows the open profile, so a
// reminder fires whether or not the Todo page was ever opened, and one that
// passed while the app was closed fires once at start-up.
#pragma once

#include <QObject>
#include <QPointer>
#include <memory>

class QSystemTrayIcon;

namespace mana {
class LocalStore;
namespace todo {
class ReminderScheduler;
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

signals:
    // Every notification, for the in-window banner and for tests.
    void notified(const QString &title, const QString &text);

private:
    void show(const QString &title, const QString &text);

    std::unique_ptr<todo::ReminderScheduler> m_reminders;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace mana
