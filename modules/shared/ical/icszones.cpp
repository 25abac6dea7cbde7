#include "icszones.h"

#include <QSet>
#include <QStringList>

namespace mana::ical {

bool isKnownIanaId(const QString &ianaId)
{
    // Built once: availableTimeZoneIds() reads the whole zone database.
    static const QSet<QByteArray> known = [] {
        const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
        return QSet<QByteArray>(ids.begin(), ids.end());
    }();
    return !ianaId.isEmpty() && known.contains(ianaId.toUtf8());
}

QString TzidMapper::ianaId(const QString &tzid)
{
    const auto cached = m_known.constFind(tzid);
    if (cached != m_known.constEnd())
        return *cached;
    QString found;
    const QString trimmed = tzid.trimmed().remove(u'"');
    if (trimmed.compare(u"UTC", Qt::CaseInsensitive) == 0 ||
        trimmed.compare(u"GMT", Qt::CaseInsensitive) == 0 || trimmed == u"Z") {
        found = QStringLiteral("UTC");
    } else if (isKnownIanaId(trimmed)) {
        found = trimmed;
    } else {
        // An id at the end of a path: try the longest tail of at least two
        // parts first, so ".../America/Argentina/Buenos_Aires" keeps all three.
        const QStringList parts = trimmed.split(u'/', Qt::SkipEmptyParts);
        for (qsizetype first = 0; found.isEmpty() && first + 1 < parts.size(); ++first) {
            const QString tail = parts.mid(first).join(u'/');
            if (isKnownIanaId(tail))
                found = tail;
        }
        if (found.isEmpty()) {
            const QByteArray windows = QTimeZone::windowsIdToDefaultIanaId(trimmed.toUtf8());
            if (isKnownIanaId(QString::fromUtf8(windows)))
                found = QString::fromUtf8(windows);
        }
    }
    m_known.insert(tzid, found);
    return found;
}

namespace {

QByteArray utcOffset(int seconds)
{
    const char sign = seconds < 0 ? '-' : '+';
    seconds = std::abs(seconds);
    QByteArray text = sign + QByteArray::number(seconds / 3600).rightJustified(2, '0') +
                      QByteArray::number(seconds / 60 % 60).rightJustified(2, '0');
    if (seconds % 60)
        text += QByteArray::number(seconds % 60).rightJustified(2, '0');
    return text;
}

const char *const kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// The yearly rule "the Nth (or last) weekday of the month" a transition's
// local date follows; the last one when it is within the month's last week,
// because that is how zones define their rules ("last Sunday of March").
QByteArray yearlyRuleOf(QDate local)
{
    const int position = local.day() + 7 > local.daysInMonth() ? -1 : (local.day() - 1) / 7 + 1;
    return "FREQ=YEARLY;BYMONTH=" + QByteArray::number(local.month()) +
           ";BYDAY=" + QByteArray::number(position) + kDayCodes[local.dayOfWeek() - 1];
}

// The date the rule gives in `year`.
QDate dateOfRule(int year, int month, int position, int weekday)
{
    if (position > 0) {
        QDate date(year, month, 1);
        date = date.addDays((weekday - date.dayOfWeek() + 7) % 7);
        return date.addDays(7 * (position - 1));
    }
    QDate date(year, month, QDate(year, month, 1).daysInMonth());
    return date.addDays(-((date.dayOfWeek() - weekday + 7) % 7));
}

} // namespace

QByteArray vtimezoneFor(const QTimeZone &zone, int fromYear, int toYear)
{
    const QByteArray id = zone.id();
    QByteArray text = "BEGIN:VTIMEZONE\r\nTZID:" + id + "\r\nX-LIC-LOCATION:" + id + "\r\n";
    const QDateTime from(QDate(fromYear, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(toYear, 12, 31), QTime(23, 59, 59), Qt::UTC);
    const QTimeZone::OffsetDataList transitions = zone.transitions(from, to);
    auto observance = [&](bool daylight, const QDateTime &localStart, int offsetFrom, int offsetTo,
                          const QString &name, const QByteArray &rule) {
        const char *kind = daylight ? "DAYLIGHT" : "STANDARD";
        text +=
            QByteArray("BEGIN:") + kind + "\r\nTZNAME:" + name.toUtf8() +
            "\r\nTZOFFSETFROM:" + utcOffset(offsetFrom) + "\r\nTZOFFSETTO:" + utcOffset(offsetTo) +
            "\r\nDTSTART:" + localStart.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1() +
            "\r\n";
        if (!rule.isEmpty())
            text += "RRULE:" + rule + "\r\n";
        text += QByteArray("END:") + kind + "\r\n";
    };
    if (transitions.isEmpty()) {
        // No change in the years written (Tokyo, UTC): one standard offset.
        const int offset = zone.offsetFromUtc(from);
        observance(false, QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC), offset, offset,
                   zone.abbreviation(from), {});
        return text + "END:VTIMEZONE\r\n";
    }
    // The last two transitions repeat yearly when the next years' transitions
    // fall where their "Nth weekday" rule says; then they carry that RRULE.
    QList<QByteArray> rules(transitions.size());
    const qsizetype count = transitions.size();
    if (count >= 2) {
        const QTimeZone::OffsetDataList later =
            zone.transitions(to, QDateTime(QDate(toYear + 3, 12, 31), QTime(0, 0), Qt::UTC));
        bool repeats = later.size() >= 4;
        for (qsizetype last = count - 2; repeats && last < count; ++last) {
            const int before =
                last == 0 ? zone.offsetFromUtc(from) : transitions[last - 1].offsetFromUtc;
            const QDateTime local = transitions[last].atUtc.addSecs(before);
            const QByteArray rule = yearlyRuleOf(local.date());
            const int day = local.date().day();
            const int position = day + 7 > local.date().daysInMonth() ? -1 : (day - 1) / 7 + 1;
            for (const QTimeZone::OffsetData &next : later) {
                const QDateTime nextLocal = next.atUtc.addSecs(before);
                if (next.offsetFromUtc != transitions[last].offsetFromUtc ||
                    nextLocal.date().month() != local.date().month())
                    continue;
                repeats =
                    repeats && nextLocal.time() == local.time() &&
                    nextLocal.date() == dateOfRule(nextLocal.date().year(), local.date().month(),
                                                   position, local.date().dayOfWeek());
            }
            rules[last] = rule;
        }
        if (!repeats)
            rules.fill({});
    }
    int offsetBefore = zone.offsetFromUtc(transitions.first().atUtc.addSecs(-1));
    for (qsizetype i = 0; i < count; ++i) {
        const QTimeZone::OffsetData &change = transitions[i];
        // DTSTART is the wall-clock time the change happens at, in the
        // offset before it (RFC 5545 §3.6.5).
        const QDateTime localStart = QDateTime(change.atUtc.addSecs(offsetBefore).date(),
                                               change.atUtc.addSecs(offsetBefore).time(), Qt::UTC);
        observance(change.daylightTimeOffset != 0, localStart, offsetBefore, change.offsetFromUtc,
                   change.abbreviation, rules[i]);
        offsetBefore = change.offsetFromUtc;
    }
    return text + "END:VTIMEZONE\r\n";
}

} // namespace mana::ical
