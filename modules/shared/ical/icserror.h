// Why an iCalendar (.ics, RFC 5545) file was refused, shared by every app
// that reads one (Calendar's events, Todo's tasks): a code with the line,
// the property and the offending text (docs/architecture.md, "Errors:
// codes below, words at the edge"), and the sentence for it in English or
// German. Any of these means nothing was imported.
#pragma once

#include <QString>

namespace mana::ical {

enum class IcsErrorCode {
    None,
    TooLarge,          // the file is over kMaxIcsBytes
    NotICalendar,      // does not begin with BEGIN:VCALENDAR, or holds no calendar
    BrokenLine,        // a content line that is not "NAME[;PARAM=…]:value"
    UnclosedComponent, // BEGIN:X without END:X
    UnexpectedEnd,     // END:X that closes nothing open (or the wrong thing)
    BadValue,          // libical refused a property's value (an X-LIC-ERROR)
    BadDateTime,       // a DTSTART/DTEND/DUE/EXDATE/RECURRENCE-ID/UNTIL that is no date
    BadDuration,       // a DURATION or relative TRIGGER that does not read
    BadRecurrenceRule, // an RRULE libical refuses
    UnknownTimeZone,   // a TZID that is no known zone and has no VTIMEZONE in the file
    MissingStart,      // a VEVENT without DTSTART
    EndBeforeStart,    // DTEND (or DURATION) before DTSTART
    OutOfRange,        // a time before 1970 or after 9999, which the store cannot keep
    CalendarNotFound,  // Calendar's write: the target calendar does not exist
    StoreFailed,       // the store refused the write (see `text`)
    ProjectNotFound,   // Todo's write: the target project does not exist
};

// The most a file may have; larger ones are refused before parsing.
inline constexpr qsizetype kMaxIcsBytes = 50 * 1024 * 1024;

struct IcsError
{
    IcsErrorCode code = IcsErrorCode::None;
    int line = 0;     // 1-based physical line of the file; 0 when no line applies
    QString property; // the property involved ("DTSTART"), when one is
    QString text;     // the offending text: the value, the line, or the store's sentence
    explicit operator bool() const { return code != IcsErrorCode::None; }
};

// What the file's entries are, for the sentences that name them ("the
// event has no start time", "the tasks could not be saved").
enum class IcsItems { Events, Tasks };

// The error as one sentence ending in "Nothing was imported.", in "en" or
// "de" (other languages get English):
// Line 17: the start time "20261301T100000" is not a date. Nothing was imported.
QString errorSentence(const IcsError &error, const QString &language, IcsItems items);

} // namespace mana::ical
