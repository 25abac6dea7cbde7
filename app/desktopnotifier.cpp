#include "desktopnotifier.h"

#include "calendarreminders.h"
#include "clockservices.h"
#include "clocksound.h"
#include "localstore.h"
#include "notifier.h"
#include "skilltreecontroller.h"
#include "todoclock.h"
#include "todoreminders.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace mana {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
    // The Todo clock, so a fixed screenshot time also fixes reminders.
    , m_notifier(std::make_unique<Notifier>([] { return todo::TodoClock::instance()->now(); }))
{
    connect(m_notifier.get(), &Notifier::notified, this, &DesktopNotifier::notified);
    // Clock's alarms and timers ring whether or not its page is open; the
    // hook connects them before the services' first start, which reports
    // the alarms missed and the timers that ran out while the app was closed.
    QPointer<DesktopNotifier> self(this);
    clock::ClockServices::setStartHook([self](clock::ClockServices *services) {
        if (!self)
            return;
        const auto timeOf = [](const QDateTime &at) {
            return QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
        };
        connect(services->alarms(), &clock::AlarmService::ringing, self,
                [self, timeOf](const QString &, const QString &label, const QDateTime &at) {
                    self->notify(tr("Alarm"), label.isEmpty()
                                                  ? timeOf(at)
                                                  : tr("%1 – %2").arg(timeOf(at), label));
                });
        connect(services->alarms(), &clock::AlarmService::missed, self,
                [self, timeOf](const QString &, const QString &label, const QDateTime &at) {
                    self->notify(tr("Missed alarm"),
                                 tr("The alarm at %1 rang while ManaCore was closed: %2")
                                     .arg(timeOf(at), label.isEmpty() ? tr("Alarm") : label));
                });
        connect(services->timers(), &clock::TimerService::timerFinished, self,
                [self](const QString &, const QString &label) {
                    self->notify(tr("Timer finished"), label.isEmpty() ? tr("Timer") : label);
                });
        // The sound too, not only while Clock's page is open.
        clock::ClockSound::attachTo(services);
    });
    // A SkillTree level-up or achievement, with the words of the page's banner.
    skilltree::SkillTreeController::setNotifyHook(
        [self](const QString &title, const QString &text) {
            if (self)
                self->notify(title, text);
        });
}

DesktopNotifier::~DesktopNotifier()
{
    // The sources before the notifier, which still lists them.
    m_todo.reset();
    m_calendar.reset();
}

bool DesktopNotifier::hasSystemTray() const
{
    return m_notifier->hasSystemTray();
}

QString DesktopNotifier::calendarMarkPath(const QString &storeFile)
{
    const QFileInfo file(storeFile);
    return file.dir().filePath(file.completeBaseName() +
                               QStringLiteral(".calendar-reminders.json"));
}

void DesktopNotifier::notify(const QString &title, const QString &text)
{
    m_notifier->notify(title, text);
}

void DesktopNotifier::setStore(LocalStore *store)
{
    // main.cpp hands the store over on start and on every storeChanged.
    if (store == m_store && (m_todo || m_calendar))
        return;
    m_store = store;
    m_todo.reset();
    m_calendar.reset();
    if (!store)
        return;
    const QTimeZone zone = todo::TodoClock::instance()->zone();

    m_todo = std::make_unique<todo::TodoReminderSource>(store, zone);
    if (m_todo->start())
        m_notifier->addSource(m_todo.get());
    else
        m_todo.reset(); // logged: this profile has no Todo collections

    clock::ClockServices::forStore(store);

    m_calendar = std::make_unique<calendar::CalendarReminderSource>(
        store, calendarMarkPath(store->filePath()), zone);
    if (m_calendar->start(m_notifier->scheduler()->now()))
        m_notifier->addSource(m_calendar.get());
    else
        m_calendar.reset();
}

} // namespace mana
