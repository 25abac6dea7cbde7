// The local date as a page shows "today": it follows the clock past
// midnight while the window stays open (a quote of the day turns, a review
// chart gets its new day), or is fixed, for tests and for pages that show
// another day on purpose.
//
// One timer aimed just past the next local midnight, re-aimed at least
// every hour: a clock that was set, a changed time zone or a machine that
// slept is noticed within the hour, and the day's change within a second.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>

namespace mana {

class LocalDay final : public QObject
{
    Q_OBJECT
public:
    explicit LocalDay(QObject *parent = nullptr);

    QDate date() const { return m_fixed.isValid() ? m_fixed : m_clockDate; }
    bool followsClock() const { return !m_fixed.isValid(); }
    // An invalid date follows the clock again.
    void setFixedDate(const QDate &date);

    // The clock it reads (tests); the default is QDateTime::currentDateTime.
    void setClock(std::function<QDateTime()> clock);
    // How long until it looks at the clock again, in ms.
    int nextCheckMs() const { return m_timer.interval(); }

    static constexpr int kLongestWaitMs = 3600 * 1000;

public slots:
    // Reads the clock now (also what the timer does).
    void check();

signals:
    void dateChanged();

private:
    void aim(const QDateTime &now);

    std::function<QDateTime()> m_clock;
    QDate m_clockDate;
    QDate m_fixed;
    QTimer m_timer;
};

} // namespace mana
