// CalendarController's dates and words for the periods the views show:
// today (changing at midnight), the first day of the week in the page's
// language, periods and their titles, the month grid, weekday names, day
// labels and times of day. Dates cross into QML as yyyy-MM-dd text (local).
#include "calendarcontroller.h"

#include "daylayout.h"

#include <QDateTime>
#include <QLocale>

namespace mana::calendar {

void CalendarController::updateToday()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString today = now.date().toString(Qt::ISODate);
    if (today != m_today) {
        m_today = today;
        emit todayChanged();
    }
    // A second after the next local midnight (a DST day is 23 or 25 hours).
    const QDateTime next(now.date().addDays(1), QTime(0, 0, 1));
    m_midnight.start(int(qBound<qint64>(1000, now.msecsTo(next), 24LL * 3600 * 1000)));
}

QLocale CalendarController::locale() const
{
    return m_language == QLatin1String("de") ? QLocale(QLocale::German, QLocale::Germany)
                                             : QLocale(QLocale::English, QLocale::UnitedStates);
}

Qt::DayOfWeek CalendarController::firstDayOfWeek() const
{
    return locale().firstDayOfWeek();
}

QDate CalendarController::dateOf(const QString &day) const
{
    const QDate date = QDate::fromString(day.left(10), Qt::ISODate);
    return date.isValid() ? date : QDate::currentDate();
}

QString CalendarController::addDays(const QString &day, int days) const
{
    return dateOf(day).addDays(days).toString(Qt::ISODate);
}

QString CalendarController::addMonths(const QString &day, int months) const
{
    return dateOf(day).addMonths(months).toString(Qt::ISODate);
}

QString CalendarController::periodStart(const QString &day, View view) const
{
    const QDate date = dateOf(day);
    if (view == Month)
        return monthGrid(day).constFirst();
    if (view == Week) {
        const int back = (date.dayOfWeek() - int(firstDayOfWeek()) + 7) % 7;
        return date.addDays(-back).toString(Qt::ISODate);
    }
    return date.toString(Qt::ISODate);
}

int CalendarController::periodDays(View view) const
{
    switch (view) {
    case Month:
        return 42;
    case Week:
        return 7;
    case Agenda:
        return 28;
    case Day:
        break;
    }
    return 1;
}

QString CalendarController::periodTitle(const QString &day, View view) const
{
    const QDate date = dateOf(day);
    const QLocale here = locale();
    if (view == Month)
        return here.toString(date, QStringLiteral("MMMM yyyy"));
    if (view == Day)
        // Short names: the long ones did not fit beside the view buttons
        // in a window of the default width (the day's column header names
        // the day anyway).
        return here.toString(date, m_language == QLatin1String("de")
                                       ? QStringLiteral("ddd, d. MMM yyyy")
                                       : QStringLiteral("ddd, MMM d, yyyy"));
    // Weeks and the agenda by their months, as Google Calendar titles them
    // ("March 2027", "Nov – Dec 2026", "Dec 2027 – Jan 2028"): the days
    // are in the columns and rows, and the title stays short enough for
    // the bar beside the view buttons.
    const QDate first = dateOf(periodStart(day, view));
    const QDate last = first.addDays(periodDays(view) - 1);
    if (first.year() == last.year() && first.month() == last.month())
        return here.toString(first, QStringLiteral("MMMM yyyy"));
    if (first.year() == last.year())
        return here.toString(first, QStringLiteral("MMM")) + QStringLiteral(" – ") +
               here.toString(last, QStringLiteral("MMM yyyy"));
    return here.toString(first, QStringLiteral("MMM yyyy")) + QStringLiteral(" – ") +
           here.toString(last, QStringLiteral("MMM yyyy"));
}

QStringList CalendarController::monthGrid(const QString &day) const
{
    const QDate date = dateOf(day);
    QStringList days;
    for (const QDate &cell : calendar::monthGrid(date.year(), date.month(), firstDayOfWeek()))
        days.append(cell.toString(Qt::ISODate));
    return days;
}

QStringList CalendarController::weekdayNames(const QString &form) const
{
    const QLocale here = locale();
    QStringList names;
    for (int i = 0; i < 7; ++i) {
        const int weekday = (int(firstDayOfWeek()) - 1 + i) % 7 + 1;
        names.append(here.dayName(weekday, form == QLatin1String("narrow") ? QLocale::NarrowFormat
                                                                           : QLocale::ShortFormat));
    }
    return names;
}

QString CalendarController::dayLabel(const QString &day, bool longForm) const
{
    const QDate date = dateOf(day);
    const bool german = m_language == QLatin1String("de");
    if (longForm)
        return locale().toString(date, german ? QStringLiteral("dddd, d. MMMM")
                                              : QStringLiteral("dddd, MMMM d"));
    return locale().toString(date, german ? QStringLiteral("ddd d.") : QStringLiteral("ddd d"));
}

QString CalendarController::localDateTime(const QString &day, int minutes) const
{
    const QDate date = dateOf(day).addDays(minutes / 1440);
    const int rest = minutes % 1440;
    return QDateTime(date, QTime(rest / 60, rest % 60))
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

QString CalendarController::shiftLocal(const QString &localDateTime, int minutes) const
{
    // Wall-clock arithmetic, as a drag on the grid means it: 09:00 moved by
    // an hour is 10:00 also on a DST day.
    const QDateTime local =
        QDateTime::fromString(localDateTime, QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (!local.isValid())
        return localDateTime;
    const qint64 total = local.time().hour() * 60 + local.time().minute() + minutes;
    const qint64 days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
    const int rest = int(total - days * 1440);
    return QDateTime(local.date().addDays(days), QTime(rest / 60, rest % 60))
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

QString CalendarController::timeText(int minutes) const
{
    const QTime time(minutes / 60 % 24, minutes % 60);
    return m_language == QLatin1String("de") ? time.toString(QStringLiteral("HH:mm"))
                                             : locale().toString(time, QStringLiteral("h:mm AP"));
}

} // namespace mana::calendar
