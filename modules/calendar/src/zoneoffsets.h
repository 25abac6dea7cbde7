// A time zone's UTC offsets as a sorted table (seriesrule.cpp): resolving
// each occurrence of a series by binary search instead of QTimeZone's
// per-call lookups (ICU here), which dominated expanding a year of series.
#pragma once

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace mana::calendar::detail {

inline constexpr qint64 kMsPerDay = 86'400'000;

// A zone's UTC offsets as a sorted table, so resolving an occurrence is a
// binary search instead of QTimeZone's per-call lookups (which dominate the
// cost of expanding a year of 1,000 series). Built once per zone and
// thread; instants outside the table ask the zone.
class OffsetTable
{
public:
    explicit OffsetTable(const QTimeZone &zone)
        : m_zone(zone)
    {
        const QDateTime first(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC);
        const QDateTime last(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);
        m_first = first.toMSecsSinceEpoch();
        m_last = last.toMSecsSinceEpoch();
        m_offsetAtFirst = zone.offsetFromUtc(first);
        m_usable = zone.hasTransitions() || zone.offsetFromUtc(first) == zone.offsetFromUtc(last);
        if (!zone.hasTransitions())
            return;
        for (const QTimeZone::OffsetData &data : zone.transitions(first, last)) {
            m_at.append(data.atUtc.toMSecsSinceEpoch());
            m_offsets.append(data.offsetFromUtc);
        }
    }

    // Seconds east of UTC at the instant `ms`.
    int offsetAt(qint64 ms) const
    {
        if (!m_usable || ms < m_first || ms >= m_last)
            return m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
        const auto after = std::upper_bound(m_at.cbegin(), m_at.cend(), ms);
        return after == m_at.cbegin() ? m_offsetAtFirst : m_offsets.at(after - m_at.cbegin() - 1);
    }

    // The instant of a local wall-clock time (RFC 5545 §3.3.5, as
    // recurrence.cpp's resolveLocal): in the spring-forward gap the offset
    // from before the gap applies (02:30 becomes 03:30 summer time); a time
    // that exists twice is the earlier instant.
    qint64 resolve(qint64 wall) const
    {
        const int before = offsetAt(wall - kMsPerDay);
        const int after = offsetAt(wall + kMsPerDay);
        std::optional<qint64> earliest;
        for (int offset : {before, after}) {
            const qint64 candidate = wall - qint64(offset) * 1000;
            if (offsetAt(candidate) == offset && (!earliest || candidate < *earliest))
                earliest = candidate;
        }
        return earliest ? *earliest : wall - qint64(before) * 1000;
    }

private:
    QTimeZone m_zone;
    qint64 m_first = 0;
    qint64 m_last = 0;
    int m_offsetAtFirst = 0;
    bool m_usable = false;
    QList<qint64> m_at;
    QList<int> m_offsets;
};

// The table of `zone`, built once per zone and thread.
const OffsetTable &offsetTable(const QTimeZone &zone);

} // namespace mana::calendar::detail
