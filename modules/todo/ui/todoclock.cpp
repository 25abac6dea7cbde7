#include "todoclock.h"

namespace mana::todo {

TodoClock *TodoClock::instance()
{
    static TodoClock *clock = new TodoClock;
    return clock;
}

TodoClock::TodoClock(QObject *parent)
    : QObject(parent)
{
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        const QDate today = now().toTimeZone(m_zone).date();
        if (today != m_day) {
            m_day = today;
            emit dayChanged();
        }
        planMidnight();
    });
    // MANA_TODO_NOW fixes the clock for screenshots ("2026-12-01T10:00:00").
    const QByteArray fixed = qgetenv("MANA_TODO_NOW");
    if (!fixed.isEmpty())
        m_fixed = QDateTime::fromString(QString::fromUtf8(fixed), Qt::ISODate);
    m_day = now().toTimeZone(m_zone).date();
    planMidnight();
}

QDateTime TodoClock::now() const
{
    return m_fixed.isValid() ? m_fixed : QDateTime::currentDateTimeUtc();
}

void TodoClock::setFixed(const QDateTime &now, const QTimeZone &zone)
{
    m_fixed = now;
    m_zone = zone;
    m_day = this->now().toTimeZone(m_zone).date();
    planMidnight();
    emit dayChanged();
}

void TodoClock::planMidnight()
{
    if (m_fixed.isValid()) {
        m_midnight.stop();
        return;
    }
    const QDateTime local = now().toTimeZone(m_zone);
    const QDateTime next(local.date().addDays(1), QTime(0, 0), m_zone);
    // Timers drift and laptops sleep: wake at most an hour later to re-check.
    const qint64 wait = std::clamp<qint64>(local.msecsTo(next) + 500, 1000, 3600 * 1000);
    m_midnight.start(int(wait));
}

} // namespace mana::todo
