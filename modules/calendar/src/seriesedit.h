// Changing and deleting an occurrence of a series the way RFC 5545 and the
// calendars users know do it: this event (an override or an exception
// date), this and the following (the series is split in two), or all
// events. Every change is ONE LocalStore::writeGroup: all of it or nothing.
#pragma once

#include "occurrences.h"

#include <QJsonObject>
#include <QString>

namespace mana {
class LocalStore;
} // namespace mana

namespace mana::calendar {

enum class EditScope { ThisEvent, ThisAndFollowing, AllEvents };

// What went wrong, for the UI to put into words; `detail` in EditResult adds
// the technical part (a field name, the store's message) for logs.
enum class EditError {
    None,
    NoStore,       // no store, or it has no calendar collections
    NotFound,      // the event (or its series) is gone, e.g. deleted meanwhile
    InvalidChange, // unreadable startDate/endDate, an end before the start,
                   // a field the events collection does not have
    InvalidRule,   // the series' (or the new) recurrenceRule cannot be read
    WriteFailed,   // the store refused a write; nothing was changed
};

struct EditResult
{
    EditError error = EditError::None;
    QString detail;
    // The record showing the occurrence now (the override, the new series,
    // the updated event); empty after a delete or on error.
    QString eventId;

    bool ok() const { return error == EditError::None; }
    explicit operator bool() const { return ok(); }
};

// Applies `changes` (fields of the events collection; startDate/endDate in
// the store form move the occurrence) to `occurrence` in `scope`.
// - Plain events: an update, whatever the scope.
// - ThisEvent: the override is created (seriesId, recurrenceId, uid and the
//   series' fields copied, then `changes`) or updated.
// - ThisAndFollowing: the series ends before the occurrence (UNTIL one second
//   before its original start, the day before for all-day; COUNT rules get
//   the count of occurrences before it) and a new series starts at the
//   (moved) occurrence with the rule continuing (COUNT reduced); exception
//   dates and overrides from the occurrence on move to it, shifted by the
//   move. On the first occurrence it is AllEvents.
// - AllEvents: the series is updated; a move of the occurrence by a delta
//   moves the series' first start/end, its exception dates and its
//   overrides' recurrenceIds by the same delta.
// A timed series repeats in zoneOfEvent(series, its calendar, `systemZone`)
// (counting occurrences for COUNT rules).
EditResult editOccurrence(LocalStore *store, const Occurrence &occurrence, EditScope scope,
                          const QJsonObject &changes,
                          const QTimeZone &systemZone = QTimeZone::systemTimeZone());

// Deletes `occurrence` in `scope`:
// - Plain events: deleted.
// - ThisEvent: its original start joins the series' exceptionDates, an
//   override of it is deleted.
// - ThisAndFollowing: the series ends before it (as editOccurrence), the
//   overrides from it on are deleted. On the first occurrence it is
//   AllEvents.
// - AllEvents: the series and every override of it are deleted.
EditResult deleteOccurrence(LocalStore *store, const Occurrence &occurrence, EditScope scope,
                            const QTimeZone &systemZone = QTimeZone::systemTimeZone());

} // namespace mana::calendar
