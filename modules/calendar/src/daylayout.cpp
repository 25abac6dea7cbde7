#include "daylayout.h"

#include <algorithm>

namespace mana::calendar {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr qint64 kMsPerMinute = 60'000;

// Minutes from local midnight by the wall clock (09:00 is 540 on any day).
int wallMinutes(const QDateTime &instant, const QTimeZone &zone)
{
    return int(instant.toTimeZone(zone).time().msecsSinceStartOfDay() / kMsPerMinute);
}

} // namespace

bool belongsInAllDayRow(const Occurrence &occurrence)
{
    return occurrence.allDay || occurrence.start.secsTo(occurrence.end) >= 24 * 3600;
}

DayLayout layoutDay(const QList<Occurrence> &occurrences, QDate day, const QTimeZone &zone,
                    int minimumMinutes)
{
    DayLayout layout;
    const QDateTime dayStart = QDateTime(day, QTime(0, 0), zone).toUTC();
    const QDateTime dayEnd = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    for (int i = 0; i < occurrences.size(); ++i) {
        const Occurrence &occurrence = occurrences.at(i);
        if (belongsInAllDayRow(occurrence)) {
            if (occurrence.firstDate(zone) <= day && occurrence.lastDate(zone) >= day)
                layout.allDay.append(i);
            continue;
        }
        const bool touches = occurrence.start < dayEnd &&
                             (occurrence.end > dayStart ||
                              (occurrence.end == occurrence.start && occurrence.start >= dayStart));
        if (!touches)
            continue;
        TimedBlock block;
        block.index = i;
        block.startsBefore = occurrence.start < dayStart;
        block.endsAfter = occurrence.end > dayEnd;
        const QDateTime start = std::max(occurrence.start, dayStart);
        const QDateTime end = std::min(occurrence.end, dayEnd);
        block.top = block.startsBefore ? 0 : wallMinutes(start, zone);
        block.bottom = end >= dayEnd ? kMinutesPerDay : wallMinutes(end, zone);
        // Inside the repeated autumn hour the end's wall time can lie
        // before the start's: draw the real length from the start.
        if (block.bottom < block.top)
            block.bottom =
                std::min<int>(kMinutesPerDay, block.top + start.msecsTo(end) / kMsPerMinute);
        layout.timed.append(block);
    }

    // Earliest first, then the longest, so a long event takes the left
    // column as in GNOME Calendar; then the given (sorted) order.
    std::stable_sort(layout.timed.begin(), layout.timed.end(),
                     [](const TimedBlock &a, const TimedBlock &b) {
                         if (a.top != b.top)
                             return a.top < b.top;
                         return a.bottom > b.bottom;
                     });
    const auto drawnBottom = [minimumMinutes](const TimedBlock &block) {
        return std::max(block.bottom, block.top + minimumMinutes);
    };
    // Clusters: runs of blocks each overlapping the run so far. Within one,
    // a block takes the leftmost column free at its top.
    qsizetype clusterStart = 0;
    int clusterEnd = -1;
    QList<int> columnEnds;
    const auto closeCluster = [&](qsizetype end) {
        for (qsizetype j = clusterStart; j < end; ++j)
            layout.timed[j].columnCount = int(columnEnds.size());
    };
    for (qsizetype i = 0; i < layout.timed.size(); ++i) {
        TimedBlock &block = layout.timed[i];
        if (block.top >= clusterEnd && i > 0) {
            closeCluster(i);
            clusterStart = i;
            columnEnds.clear();
        }
        const auto freeColumn = std::find_if(columnEnds.begin(), columnEnds.end(),
                                             [&block](int end) { return end <= block.top; });
        if (freeColumn == columnEnds.end()) {
            block.column = int(columnEnds.size());
            columnEnds.append(drawnBottom(block));
        } else {
            block.column = int(freeColumn - columnEnds.begin());
            *freeColumn = drawnBottom(block);
        }
        clusterEnd =
            i == clusterStart ? drawnBottom(block) : std::max(clusterEnd, drawnBottom(block));
    }
    closeCluster(layout.timed.size());
    return layout;
}

SpanRow layoutSpans(const QList<Occurrence> &occurrences, QDate firstDay, int dayCount,
                    const QTimeZone &zone, bool allOccurrences)
{
    SpanRow row;
    const QDate lastDay = firstDay.addDays(dayCount - 1);
    struct Candidate
    {
        SpanBlock block;
        qint64 length; // whole span in days, unclipped
    };
    QList<Candidate> candidates;
    for (int i = 0; i < occurrences.size(); ++i) {
        const Occurrence &occurrence = occurrences.at(i);
        if (!allOccurrences && !belongsInAllDayRow(occurrence))
            continue;
        const QDate first = occurrence.firstDate(zone);
        const QDate last = occurrence.lastDate(zone);
        if (last < firstDay || first > lastDay)
            continue;
        SpanBlock block;
        block.index = i;
        block.startsBefore = first < firstDay;
        block.endsAfter = last > lastDay;
        block.firstDay = int(std::max<qint64>(0, firstDay.daysTo(first)));
        block.lastDay = int(std::min<qint64>(dayCount - 1, firstDay.daysTo(last)));
        candidates.append({block, first.daysTo(last)});
    }
    // The earliest first, then the longest, so long spans keep the top
    // lanes; then the given order (all-day before timed, by start).
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         if (a.block.firstDay != b.block.firstDay)
                             return a.block.firstDay < b.block.firstDay;
                         return a.length > b.length;
                     });
    QList<int> laneEnds; // per lane: the last day taken
    for (Candidate &candidate : candidates) {
        SpanBlock &block = candidate.block;
        const auto free = std::find_if(laneEnds.begin(), laneEnds.end(),
                                       [&block](int end) { return end < block.firstDay; });
        if (free == laneEnds.end()) {
            block.lane = int(laneEnds.size());
            laneEnds.append(block.lastDay);
        } else {
            block.lane = int(free - laneEnds.begin());
            *free = block.lastDay;
        }
        row.spans.append(block);
    }
    row.laneCount = int(laneEnds.size());
    return row;
}

QList<QDate> monthGrid(int year, int month, Qt::DayOfWeek firstDayOfWeek, bool sixWeeks)
{
    const QDate first(year, month, 1);
    if (!first.isValid())
        return {};
    const int lead = (first.dayOfWeek() - int(firstDayOfWeek) + 7) % 7;
    const int weeks = sixWeeks ? 6 : (lead + first.daysInMonth() + 6) / 7;
    QList<QDate> dates;
    dates.reserve(weeks * 7);
    const QDate gridStart = first.addDays(-lead);
    for (int i = 0; i < weeks * 7; ++i)
        dates.append(gridStart.addDays(i));
    return dates;
}

} // namespace mana::calendar
