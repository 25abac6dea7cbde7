// What a person does in Calendar besides looking: dates and titles of the
// periods the views show, creating events, moving and changing occurrences
// in a scope (this / this and following / all), deleting, calendars
// (visible, default, new, renamed), Todo's tasks in the views, .ics import
// and export. Errors below are codes; the sentences are made here, in the
// page's language. What crosses into QML is typed: EventDraft and the
// dialog's choices (calendartypes.h), the scope and the view as enums.
#pragma once

#include "calendarlistmodel.h"
#include "calendartypes.h"
#include "icsimport.h"
#include "occurrences.h"
#include "seriesedit.h"
#include "storeerror.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
struct WriteResult;
} // namespace mana

namespace mana::calendar {

class CalendarController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // "en" or "de": titles, weekday names, the first day of the week
    // (Monday in German, Sunday in English), the sentences.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(mana::calendar::CalendarListModel *calendars READ calendars CONSTANT)
    Q_PROPERTY(QString defaultCalendarId READ defaultCalendarId NOTIFY calendarsChanged)
    // Todo's tasks with a due date shown in the views; kept in the profile.
    Q_PROPERTY(bool showTasks READ showTasks WRITE setShowTasks NOTIFY showTasksChanged)
    // The local date (yyyy-MM-dd); changes at midnight.
    Q_PROPERTY(QString today READ today NOTIFY todayChanged)
    // The last action's failure in words; empty after a success.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // A sentence after an import or export ("Imported 12 events …").
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool importing READ importing NOTIFY importingChanged)

public:
    // Which occurrences of a series a move, change or delete means (RFC
    // 5545's RECURRENCE-ID and a split series, seriesedit.h); a plain event
    // ignores it. QML: CalendarController.ThisEvent … The values of
    // calendar::EditScope, which has no meta-object for QML.
    enum EditScope { ThisEvent, ThisAndFollowing, AllEvents };
    Q_ENUM(EditScope)
    // The period a view shows (the page's places keep their names:
    // "month", "week", "day", "agenda").
    enum View { Month, Week, Day, Agenda };
    Q_ENUM(View)

    explicit CalendarController(QObject *parent = nullptr);
    ~CalendarController() override;

    QObject *store() const;
    void setStore(QObject *store);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    CalendarListModel *calendars() { return &m_calendars; }
    QString defaultCalendarId() const { return m_calendars.defaultCalendarId(); }
    bool showTasks() const { return m_showTasks; }
    void setShowTasks(bool show);
    QString today() const { return m_today; }
    QString error() const { return m_error; }
    QString notice() const { return m_notice; }
    bool importing() const { return m_importing; }

    // The first day of the week in the page's language (Qt::DayOfWeek).
    Qt::DayOfWeek firstDayOfWeek() const;

    // Dates as yyyy-MM-dd (local): QML's Date converts through the zone and
    // has been off by a day around DST changes, so date arithmetic is here.
    Q_INVOKABLE QString addDays(const QString &day, int days) const;
    Q_INVOKABLE QString addMonths(const QString &day, int months) const;
    // The first day a view shows for the chosen day: the month grid's first
    // cell, the week's first day, the day itself (day and agenda).
    Q_INVOKABLE QString periodStart(const QString &day,
                                    mana::calendar::CalendarController::View view) const;
    // How many days it shows: 42, 7, 1, or 28 for the agenda.
    Q_INVOKABLE int periodDays(mana::calendar::CalendarController::View view) const;
    // "December 2026", "30 Nov – 6 Dec 2026", "Sunday, 6 December 2026".
    Q_INVOKABLE QString periodTitle(const QString &day,
                                    mana::calendar::CalendarController::View view) const;
    // The 42 days of the month grid around `day`.
    Q_INVOKABLE QStringList monthGrid(const QString &day) const;
    // Weekday names from the first day of the week: "narrow" (M), "short" (Mon).
    Q_INVOKABLE QStringList weekdayNames(const QString &form) const;
    // "Mon 7" for a column header, "Monday, 7 December" for the agenda.
    Q_INVOKABLE QString dayLabel(const QString &day, bool longForm) const;
    // A local time of `day` at `minutes` after midnight, as the dialogs and
    // moves pass it: "yyyy-MM-ddTHH:mm" (minutes = 1440 is the next day 00:00).
    Q_INVOKABLE QString localDateTime(const QString &day, int minutes) const;
    // A local time moved by `minutes` (a drag in the week view).
    Q_INVOKABLE QString shiftLocal(const QString &localDateTime, int minutes) const;
    // "14:30" or "2:30 PM" for minutes after midnight.
    Q_INVOKABLE QString timeText(int minutes) const;

    // What the dialog starts a new event with: `day` from `startMinute` to
    // `endMinute` after its midnight (1440: the next day's 00:00), the
    // default calendar, a reminder 10 minutes before a timed event.
    // All-day: from `day` to the day `endMinute` ends in (at least `day`).
    Q_INVOKABLE mana::calendar::EventDraft newDraft(const QString &day, int startMinute,
                                                    int endMinute, bool allDay) const;
    // A new event from the dialog's draft (its eventId, recurrenceId and
    // recurring are ignored). Returns the id, or "" with `error` set.
    Q_INVOKABLE QString createEvent(const mana::calendar::EventDraft &draft);
    // What the dialog shows for an occurrence (`recurrenceId`: its original
    // start, "" for a plain event); eventId "" when there is none.
    Q_INVOKABLE mana::calendar::EventDraft draftOf(const QString &eventId,
                                                   const QString &recurrenceId) const;
    Q_INVOKABLE bool isRecurring(const QString &eventId) const;
    // The local day an event starts on ("" when unknown), for Ctrl+K.
    Q_INVOKABLE QString dayOfEvent(const QString &eventId) const;
    // `start`, `end` as in EventDraft. Plain events ignore `scope`.
    Q_INVOKABLE bool moveOccurrence(const QString &eventId, const QString &recurrenceId,
                                    const QString &start, const QString &end,
                                    mana::calendar::CalendarController::EditScope scope);
    // Writes every field of `draft` (its eventId and recurrenceId are not
    // read: the arguments say which occurrence). ThisEvent keeps the
    // series' rule.
    Q_INVOKABLE bool updateOccurrence(const QString &eventId, const QString &recurrenceId,
                                      const mana::calendar::EventDraft &draft,
                                      mana::calendar::CalendarController::EditScope scope);
    Q_INVOKABLE bool deleteOccurrence(const QString &eventId, const QString &recurrenceId,
                                      mana::calendar::CalendarController::EditScope scope);
    // The repeat choices of the dialog for the event's day; an imported
    // rule the choices do not hold is offered as it is.
    Q_INVOKABLE QList<mana::calendar::RepeatChoice> repeatChoices(const QString &day,
                                                                  const QString &currentRule) const;
    Q_INVOKABLE QList<mana::calendar::ReminderChoice> reminderChoices() const;

    Q_INVOKABLE QString createCalendar(const QString &name, const QString &color);
    Q_INVOKABLE bool updateCalendar(const QString &calendarId, const QString &name,
                                    const QString &color);
    Q_INVOKABLE bool setCalendarVisible(const QString &calendarId, bool visible);
    Q_INVOKABLE bool setDefaultCalendar(const QString &calendarId);

    // Reads the file on a worker thread, then writes it in one write group
    // into `calendarId` ("" makes a calendar named after the file). The
    // result is `notice` or `error`; importFinished tells when.
    Q_INVOKABLE void importFile(const QUrl &file, const QString &calendarId);
    // Writes one calendar's events to `file`. False with `error` set.
    Q_INVOKABLE bool exportFile(const QUrl &file, const QString &calendarId);
    Q_INVOKABLE void clearMessages();

signals:
    void storeChanged();
    void languageChanged();
    void calendarsChanged();
    void showTasksChanged();
    void todayChanged();
    void errorChanged();
    void noticeChanged();
    void importingChanged();
    void importFinished(bool ok);
    // An action written as one undo step (LocalStore::writeGroupWithUndo):
    // the page shows `text` with an Undo button, which gives `stepId` to
    // ShellContext::undo (calendarundo.cpp).
    void undoOffered(int stepId, const QString &text);

private:
    QDate dateOf(const QString &day) const;
    QLocale locale() const;
    void setError(const QString &error);
    void setNotice(const QString &notice);
    std::optional<Occurrence> occurrenceOf(const QString &eventId,
                                           const QString &recurrenceId) const;
    // The dialog's draft as store values; `error` says what is wrong.
    std::optional<QJsonObject> recordFields(const EventDraft &draft, QString *error) const;
    QString editErrorText(const EditResult &result) const;
    // A refused store write in the page's language (m_language): the code,
    // never the store's English text, which goes to the log.
    QString writeErrorText(const WriteResult &result) const;
    QString writeErrorText(const StoreErrorInfo &failure) const;
    // A field of `events` or `calendars` by its label in the dialogs, in the
    // page's language ("" for one they do not show).
    QString fieldLabel(const QString &field) const;
    // What an edit did, for the words of its Undo.
    enum class UndoKind { Moved, Changed, Deleted };
    bool applyEdit(const QString &eventId, const QString &recurrenceId, const QJsonObject &changes,
                   EditScope scope, UndoKind kind);
    // Runs `writes` as one write group that is one undo step
    // (calendarundo.cpp): *stepId gets it (0: none). False with *error when
    // nothing was kept.
    bool writeUndoable(const std::function<bool(QString *error)> &writes, int *stepId,
                       QString *error);
    // Names the step and tells the page (undoOffered).
    void offerUndo(int stepId, const QString &text);
    // "Event moved", "“Weekly review” and the following deleted", in the
    // page's language.
    QString editUndoText(UndoKind kind, calendar::EditScope scope,
                         const Occurrence &occurrence) const;
    QString importUndoText(int added, int updated) const;
    // "1 event", "3 events" in the page's language.
    QString eventCountText(int count) const;
    void finishImport(const ParsedIcs &parsed, const QString &calendarId, const QString &fileName);
    void updateToday();

    QPointer<LocalStore> m_store;
    QString m_language = QStringLiteral("en");
    CalendarListModel m_calendars;
    bool m_showTasks = false;
    QString m_today;
    QString m_error;
    QString m_notice;
    bool m_importing = false;
    QTimer m_midnight;
};

} // namespace mana::calendar
