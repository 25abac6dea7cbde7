// The clock Todo's views and actions read: the system's, or a fixed moment
// (tests, screenshots). Emits dayChanged at local midnight so Today and
// Upcoming move on by themselves when the app stays open overnight.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimeZone>
#include <QTimer>

namespace mana::todo {

class TodoClock : public QObject
{
    Q_OBJECT
public:
    static TodoClock *instance();

    QDateTime now() const;
    QTimeZone zone() const { return m_zone; }
    // A fixed moment (and zone) instead of the system clock; invalid: system.
    void setFixed(const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone());

signals:
    void dayChanged();

private:
    explicit TodoClock(QObject *parent = nullptr);
    void planMidnight();

    QDateTime m_fixed;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QTimer m_midnight;
    QDate m_day;
};

} // namespace mana::todo
