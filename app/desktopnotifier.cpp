#include "desktopnotifier.h"

#include "calendarreminders.h"
#include "localstore.h"
#include "notifier.h"
#include "todoclock.h"
#include "todoreminders.h"

#include <QDir>
#include <QFileInfo>

namespace mana {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
    // The Todo clock, so a fixed screenshot time also fixes reminders.
    , m_notifier(std::make_unique<Notifier>([] { return todo::TodoClock::instance()->now(); }))
{
    connect(m_notifier.get(), &Notifier::notified, this, &DesktopNotifier::notified);
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

    m_calendar = std::make_unique<calendar::CalendarReminderSource>(
        store, calendarMarkPath(store->filePath()), zone);
    if (m_calendar->start(m_notifier->scheduler()->now()))
        m_notifier->addSource(m_calendar.get());
    else
        m_calendar.reset();
}

} // namespace mana
