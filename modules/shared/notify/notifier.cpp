#include "notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcNotify, "mana.notify")

namespace mana {

namespace {

// How long a tray message stays (the desktop may cap it).
constexpr int kMessageMs = 10000;

} // namespace

Notifier::Notifier(ReminderScheduler::Clock clock, QObject *parent)
    : QObject(parent)
    , m_scheduler(std::move(clock))
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationName());
        m_tray->show();
    } else {
        qCInfo(lcNotify) << "no system tray: notifications are shown in the window";
    }
    addScheduler(&m_scheduler);
    m_scheduler.start();
}

Notifier::~Notifier() = default;

void Notifier::addSource(ReminderSource *source)
{
    m_scheduler.addSource(source);
    if (source)
        qCInfo(lcNotify).noquote()
            << source->name() << "reminders on; next reminder:" << m_scheduler.nextFireTime();
}

void Notifier::removeSource(ReminderSource *source)
{
    m_scheduler.removeSource(source);
}

void Notifier::addScheduler(ReminderScheduler *scheduler)
{
    connect(scheduler, &ReminderScheduler::reminderDue, this, &Notifier::showReminder,
            Qt::UniqueConnection);
}

void Notifier::notify(const QString &title, const QString &text)
{
    qCInfo(lcNotify).noquote() << "notification:" << title << "—" << text;
    show(title, text);
}

void Notifier::showReminder(ReminderSource *source, const Reminder &reminder)
{
    // The app tests read this line ("reminder: <title>").
    qCInfo(lcNotify).noquote() << "reminder:" << reminder.title << "—" << reminder.text
                               << (source ? "(" + source->name() + ")" : QString());
    show(reminder.title, reminder.text);
}

void Notifier::show(const QString &title, const QString &text)
{
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, kMessageMs);
    emit notified(title, text);
}

} // namespace mana
