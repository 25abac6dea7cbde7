// The values Calendar's C++ hands to QML and takes back (issue 14): small
// value types (Q_GADGET, QML_VALUE_TYPE in ManaCalendar) instead of maps,
// so a misspelt field is an error, not an undefined, and the types say what
// each holds. QML reads them like objects (`draft.title`); a list of them
// is a JS sequence (`length`, `[i]`, `find`, a Repeater's or ComboBox's
// model with textRole/valueRole).
//
// Qt 6.4 cannot make a value type from a JS object literal (6.5 can), so a
// draft comes from the controller (`newDraft(…)`, `draftOf(…)`); QML sets
// its properties in a `let` or a `property var` and passes it back. A list
// property of a draft is set whole (`draft.reminders = [10, 60]`): a
// `push` on it changes a copy in 6.4.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace mana::calendar {

// An event as the event dialog edits it: what CalendarController's
// createEvent writes, draftOf reads for an occurrence and updateOccurrence
// changes. Times are local wall-clock text, never QML's Date (it converts
// through the zone and is off by a day around DST changes).
struct EventDraft
{
    Q_GADGET
    QML_VALUE_TYPE(eventDraft)
    // Which occurrence it shows (draftOf); "" for a new event.
    Q_PROPERTY(QString eventId MEMBER eventId)
    // The occurrence's original start in the store's form, "" for a plain event.
    Q_PROPERTY(QString recurrenceId MEMBER recurrenceId)
    // Part of a series (read only: the rule says whether it repeats).
    Q_PROPERTY(bool recurring MEMBER recurring)
    Q_PROPERTY(QString title MEMBER title)           // "" is saved as "New event"
    Q_PROPERTY(QString calendarId MEMBER calendarId) // "": the default calendar
    Q_PROPERTY(bool allDay MEMBER allDay)
    // "yyyy-MM-ddTHH:mm" local; all-day: "yyyy-MM-dd", `end` the last day
    // (inclusive; stored exclusive, as iCalendar's DTEND).
    Q_PROPERTY(QString start MEMBER start)
    Q_PROPERTY(QString end MEMBER end)
    Q_PROPERTY(QString location MEMBER location)       // the dialog's "Place"
    Q_PROPERTY(QString description MEMBER description) // the dialog's "Notes"
    // The RRULE without "RRULE:" ("FREQ=WEEKLY;BYDAY=MO"); "" does not repeat.
    Q_PROPERTY(QString recurrenceRule MEMBER recurrenceRule)
    // Minutes before the start, the dialog's first; imported further ones kept.
    Q_PROPERTY(QList<int> reminders MEMBER reminders)

public:
    QString eventId;
    QString recurrenceId;
    bool recurring = false;
    QString title;
    QString calendarId;
    bool allDay = false;
    QString start;
    QString end;
    QString location;
    QString description;
    QString recurrenceRule;
    QList<int> reminders;

    bool operator==(const EventDraft &) const = default;
};

// A choice of the dialog's Repeat box (CalendarController::repeatChoices).
struct RepeatChoice
{
    Q_GADGET
    QML_VALUE_TYPE(repeatChoice)
    Q_PROPERTY(QString text MEMBER text) // "Every week on Monday"
    Q_PROPERTY(QString rule MEMBER rule) // its RRULE; "" does not repeat

public:
    QString text;
    QString rule;

    bool operator==(const RepeatChoice &) const = default;
};

// A choice of the dialog's Reminder box (CalendarController::reminderChoices).
struct ReminderChoice
{
    Q_GADGET
    QML_VALUE_TYPE(reminderChoice)
    Q_PROPERTY(QString text MEMBER text)   // "15 minutes before"
    Q_PROPERTY(int minutes MEMBER minutes) // before the start; -1: no reminder

public:
    QString text;
    int minutes = -1;

    bool operator==(const ReminderChoice &) const = default;
};

// One line of a day in the month and agenda views
// (OccurrenceModel::piecesOfDay): an occurrence or, with showTasks, a task.
struct OccurrencePiece
{
    Q_GADGET
    QML_VALUE_TYPE(occurrencePiece)
    Q_PROPERTY(QString eventId MEMBER eventId)           // a task's id for a task
    Q_PROPERTY(QString recurrenceId MEMBER recurrenceId) // "" for plain events
    Q_PROPERTY(QString title MEMBER title)
    Q_PROPERTY(QString color MEMBER color) // "#3B82F6", its calendar's
    // Timed: its start ("09:00", "9:00 AM"); all-day: "all day" ("ganztägig").
    Q_PROPERTY(QString timeText MEMBER timeText)
    Q_PROPERTY(QString location MEMBER location)
    Q_PROPERTY(bool allDay MEMBER allDay)
    Q_PROPERTY(bool isTask MEMBER isTask)
    Q_PROPERTY(bool done MEMBER done) // a task that is done
    Q_PROPERTY(bool recurring MEMBER recurring)
    // Local "yyyy-MM-ddTHH:mm"; all-day "yyyy-MM-dd", `end` the last day.
    Q_PROPERTY(QString start MEMBER start)
    Q_PROPERTY(QString end MEMBER end)

public:
    QString eventId;
    QString recurrenceId;
    QString title;
    QString color;
    QString timeText;
    QString location;
    bool allDay = false;
    bool isTask = false;
    bool done = false;
    bool recurring = false;
    QString start;
    QString end;

    bool operator==(const OccurrencePiece &) const = default;
};

} // namespace mana::calendar
