// "Delivered up to T": how a reminder source whose records have no status
// field (Calendar's events carry only a list of minutes) remembers which
// reminders it has shown. Every reminder firing at or before T counts as
// delivered. The mark is local to one profile on one machine, kept in a
// small JSON file whose path the app gives (next to the profile's store
// file), and never synced: each device shows its own popups
// (docs/reminders.md).
#pragma once

#include <QDateTime>
#include <QString>

namespace mana {

class DeliveredUpTo
{
public:
    explicit DeliveredUpTo(QString filePath);

    // Reads the file. Without one (the profile's first run with this
    // source) or with an unreadable one, the mark starts at `now`, so
    // nothing from before is taken for a missed reminder, and is written
    // when `writable` (a read-only profile writes nothing). False with
    // *error when the file could not be read or written; the mark is usable
    // either way.
    bool load(const QDateTime &now, bool writable = true, QString *error = nullptr);

    // Invalid before load().
    QDateTime value() const { return m_value; }
    bool covers(const QDateTime &fireAt) const { return m_value.isValid() && fireAt <= m_value; }

    // Moves the mark to `upTo` when that is later and writes the file
    // (atomically: a crash leaves the old or the new mark). The mark moves
    // in memory even when writing fails or the profile is read-only
    // (false, *error), so a broken disk does not repeat popups within one
    // run.
    bool advance(const QDateTime &upTo, QString *error = nullptr);

    QString filePath() const { return m_filePath; }

private:
    bool write(QString *error);

    QString m_filePath;
    QDateTime m_value;
    bool m_writable = true;
};

} // namespace mana
