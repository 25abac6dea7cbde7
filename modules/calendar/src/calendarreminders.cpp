#include "calendarreminders.h"

#include "calendarlog.h"
#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace mana::calendar {

CalendarReminderSource::CalendarReminderSource(LocalStore *store, const QString &markFile,
                                               const QTimeZone &zone, QObject *parent)
    : ReminderSource(parent)
    , m_store(store)
    , m_query(store)
    , m_mark(markFile)
    , m_zone(zone)
{
    m_query.setSystemZone(zone);
}

CalendarReminderSource::~CalendarReminderSource() = default;

QString CalendarReminderSource::name() const
{
    return u"calendar"_s;
}

bool CalendarReminderSource::start(const QDateTime &now)
{
    if (m_started)
        return true;
    Collection *events = m_store ? m_query.events() : nullptr;
    Collection *calendars = m_store ? m_query.calendars() : nullptr;
    if (!events || !calendars) {
        qCWarning(lcCalendar) << "the store has no calendar collections; reminders are off";
        return false;
    }
    QString error;
    // A read-only profile gets no file: nothing of it may change on disk.
    if (!m_mark.load(now, !m_store->isReadOnly(), &error))
        qCWarning(lcCalendar).noquote() << "reminders:" << error;
    qCDebug(lcCalendar) << "reminders delivered up to" << m_mark.value();

    connect(events, &Collection::changed, this, &ReminderSource::changed);
    connect(calendars, &Collection::changed, this, &ReminderSource::changed);
    m_started = true;
    return true;
}

QDateTime CalendarReminderSource::reminderBase(const Occurrence &occurrence, const QTimeZone &zone)
{
    if (!occurrence.allDay)
        return occurrence.start;
    // A day off: "1 day before" a birthday is the morning before's midnight
    // where the user is, not in UTC.
    return QDateTime(occurrence.firstDate(zone), QTime(0, 0), zone).toUTC();
}

QList<int> CalendarReminderSource::reminderMinutes(const QJsonObject &event)
{
    QJsonValue value = event.value("reminders"_L1);
    // The web suite stores JSON fields as values; text holding JSON is read too.
    if (value.isString())
        value = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    QList<int> minutes;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isDouble())
            continue;
        const double number = entry.toDouble();
        if (number < 0 || number > kLongestLeadMinutes)
            continue;
        const int whole = int(number);
        if (!minutes.contains(whole))
            minutes.append(whole);
    }
    return minutes;
}

QString CalendarReminderSource::startText(const Occurrence &occurrence, const QDateTime &base) const
{
    QString text =
        occurrence.allDay
            ? tr("All day, %1")
                  .arg(QLocale().toString(occurrence.firstDate(m_zone), QLocale::ShortFormat))
            : tr("Starts %1")
                  .arg(QLocale().toString(base.toTimeZone(m_zone), QLocale::ShortFormat));
    const QString location = occurrence.record.value("location"_L1).toString().trimmed();
    if (!location.isEmpty())
        text += u" · "_s + location;
    return text;
}

QList<Reminder> CalendarReminderSource::undelivered(const QDateTime &now, const QDateTime &from,
                                                    const QDateTime &until)
{
    if (!m_started || !m_store)
        return {};
    // Reminders after the mark and not older than the missed window fire at
    // start + minutes: the occurrences to read start in [lower, until + the
    // longest lead]. The window is widened by a day each side for all-day
    // events, whose local midnight may lie a day from the UTC date.
    const QDateTime lower = std::max(from, m_mark.value());
    Window window;
    window.from = lower.addDays(-1);
    window.to = until.addSecs(qint64(kLongestLeadMinutes) * 60).addDays(1);
    window.viewZone = m_zone;
    QString error;
    const QList<Occurrence> occurrences = m_query.occurrences(window, &error);
    if (!error.isEmpty())
        qCWarning(lcCalendar) << "reminders: reading events failed:" << error;

    QList<Reminder> result;
    for (const Occurrence &occurrence : occurrences) {
        const QDateTime base = reminderBase(occurrence, m_zone);
        if (!base.isValid())
            continue;
        const QString start = instantToJson(occurrence.start);
        const QString itemId = occurrence.eventId + u'/' + start;
        for (const int minutes : reminderMinutes(occurrence.record)) {
            const QDateTime fireAt = base.addSecs(-qint64(minutes) * 60);
            if (m_mark.covers(fireAt) || fireAt < from)
                continue;
            // The text only for due ones: made in the language of the moment
            // it is shown.
            result.append({itemId + u'/' + QString::number(minutes), itemId, fireAt, base,
                           occurrence.title(),
                           fireAt <= now ? startText(occurrence, base) : QString()});
        }
    }
    return result;
}

QSet<QString> CalendarReminderSource::markDelivered(const QList<Reminder> &due)
{
    // Every reminder after the mark up to now was answered by undelivered(),
    // and the scheduler hands all of them over at once, so moving the mark
    // to the latest leaves none behind.
    QDateTime latest;
    QSet<QString> ids;
    for (const Reminder &reminder : due) {
        if (!latest.isValid() || reminder.fireAt > latest)
            latest = reminder.fireAt;
        ids.insert(reminder.id);
    }
    QString error;
    if (!m_mark.advance(latest, &error)) {
        qCWarning(lcCalendar).noquote() << "reminders: cannot record delivery:" << error;
        return {};
    }
    return ids;
}

} // namespace mana::calendar
