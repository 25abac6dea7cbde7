#include "desktopnotifier.h"

#include "localstore.h"
#include "reminderscheduler.h"
#include "todoclock.h"

#include <QApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcNotify, "mana.notify")

namespace mana {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationName());
        m_tray->show();
    } else {
        qCInfo(lcNotify) << "no system tray: reminders are shown in the window";
    }
}

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::hasSystemTray() const
{
    return m_tray != nullptr;
}

void DesktopNotifier::setStore(LocalStore *store)
{
    m_reminders.reset();
    if (!store)
        return;
    // The Todo clock, so a fixed screenshot time also fixes reminders.
    m_reminders = std::make_unique<todo::ReminderScheduler>(
        store, [] { return todo::TodoClock::instance()->now(); });
    connect(
        m_reminders.get(), &todo::ReminderScheduler::reminderDue, this,
        [this](const QString &, const QString &, const QString &taskTitle, const QDateTime &dueAt) {
            const QDateTime local = dueAt.toTimeZone(todo::TodoClock::instance()->zone());
            const QString when = local.time() == QTime(0, 0)
                                     ? QLocale().toString(local.date(), QLocale::ShortFormat)
                                     : QLocale().toString(local, QLocale::ShortFormat);
            show(taskTitle, tr("Due %1").arg(when));
        });
    if (!m_reminders->start())
        qCWarning(lcNotify) << "reminders are off: this profile has no Todo collections";
    else
        qCInfo(lcNotify) << "next reminder:" << m_reminders->nextFireTime();
}

void DesktopNotifier::show(const QString &title, const QString &text)
{
    qCInfo(lcNotify).noquote() << "reminder:" << title << "—" << text;
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
    emit notified(title, text);
}

} // namespace mana
