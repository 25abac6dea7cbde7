// CalendarController: the store and the page's settings, events and their
// occurrences (create, read for the dialog, move, change, delete in a
// scope), the dialog's choices and the calendars. Periods and dates are in
// calendarperiods.cpp, messages and error sentences in calendarmessages.cpp,
// .ics files in calendarfiles.cpp, undo steps in calendarundo.cpp.
#include "calendarcontroller.h"

#include "calendarlog.h"
#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"
#include "recurrence.h"

#include <QJsonArray>
#include <QLocale>

namespace mana::calendar {

namespace {

const QString kShowTasksKey = QStringLiteral("calendar.showTasks");

Collection *eventsOf(LocalStore *store)
{
    return store ? store->collection(QStringView(kAppId).toString(),
                                     QStringView(kEventsCollection).toString())
                 : nullptr;
}
Collection *calendarsOf(LocalStore *store)
{
    return store ? store->collection(QStringView(kAppId).toString(),
                                     QStringView(kCalendarsCollection).toString())
                 : nullptr;
}

EditScope scopeOf(CalendarController::EditScope scope)
{
    switch (scope) {
    case CalendarController::ThisEvent:
        return EditScope::ThisEvent;
    case CalendarController::ThisAndFollowing:
        return EditScope::ThisAndFollowing;
    case CalendarController::AllEvents:
        break;
    }
    return EditScope::AllEvents;
}

// "yyyy-MM-ddTHH:mm" in the system zone, the form the dialogs and views pass.
QDateTime localInstant(const QString &text)
{
    QDateTime local = QDateTime::fromString(text, QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (!local.isValid())
        return {};
    local.setTimeZone(QTimeZone::systemTimeZone());
    return local.toUTC();
}

QString localText(const QDateTime &instant)
{
    return instant.toTimeZone(QTimeZone::systemTimeZone())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

} // namespace

CalendarController::CalendarController(QObject *parent)
    : QObject(parent)
{
    connect(&m_calendars, &CalendarListModel::calendarsChanged, this,
            &CalendarController::calendarsChanged);
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &CalendarController::updateToday);
    updateToday();
}

CalendarController::~CalendarController() = default;

QObject *CalendarController::store() const
{
    return m_store;
}

void CalendarController::setStore(QObject *store)
{
    auto *localStore = qobject_cast<LocalStore *>(store);
    if (localStore == m_store)
        return;
    m_store = localStore;
    m_calendars.setStore(localStore);
    const bool show = localStore && localStore->metaValue(kShowTasksKey) == QLatin1String("1");
    if (show != m_showTasks) {
        m_showTasks = show;
        emit showTasksChanged();
    }
    emit storeChanged();
}

void CalendarController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
}

void CalendarController::setShowTasks(bool show)
{
    if (show == m_showTasks)
        return;
    m_showTasks = show;
    if (m_store)
        m_store->setMetaValue(kShowTasksKey, show ? QStringLiteral("1") : QStringLiteral("0"));
    emit showTasksChanged();
}

std::optional<QJsonObject> CalendarController::recordFields(const EventDraft &draft,
                                                            QString *error) const
{
    const bool german = m_language == QLatin1String("de");
    QJsonObject record;
    const QString title = draft.title.trimmed();
    record.insert(QStringLiteral("title"),
                  title.isEmpty()
                      ? (german ? QStringLiteral("Neuer Termin") : QStringLiteral("New event"))
                      : title);
    const bool allDay = draft.allDay;
    record.insert(QStringLiteral("allDay"), allDay);
    const QString &start = draft.start;
    const QString &end = draft.end;
    if (allDay) {
        const QDate first = QDate::fromString(start.left(10), Qt::ISODate);
        QDate last = QDate::fromString(end.left(10), Qt::ISODate);
        if (!last.isValid())
            last = first;
        if (!first.isValid() || last < first) {
            *error = german ? QStringLiteral("Das Ende liegt vor dem Beginn.")
                            : QStringLiteral("The end is before the start.");
            return std::nullopt;
        }
        record.insert(QStringLiteral("startDate"), dateToJson(first));
        // Stored exclusive, as iCalendar's DTEND; the dialog shows the last day.
        record.insert(QStringLiteral("endDate"), dateToJson(last.addDays(1)));
    } else {
        const QDateTime from = localInstant(start);
        const QDateTime to = localInstant(end);
        if (!from.isValid() || !to.isValid()) {
            *error = german ? QStringLiteral("Beginn oder Ende ist keine Zeit.")
                            : QStringLiteral("The start or the end is not a time.");
            return std::nullopt;
        }
        if (to < from) {
            *error = german ? QStringLiteral("Das Ende liegt vor dem Beginn.")
                            : QStringLiteral("The end is before the start.");
            return std::nullopt;
        }
        record.insert(QStringLiteral("startDate"), instantToJson(from));
        record.insert(QStringLiteral("endDate"), instantToJson(to));
    }
    // Every field the dialog shows is written: an emptied one is cleared.
    const auto optionalText = [&](const char *name, const QString &value) {
        const QString text = value.trimmed();
        record.insert(QLatin1String(name), text.isEmpty() ? QJsonValue() : QJsonValue(text));
    };
    optionalText("location", draft.location);
    optionalText("description", draft.description);
    optionalText("recurrenceRule", draft.recurrenceRule);
    // None: the default calendar for a new event, the same for a change.
    if (!draft.calendarId.isEmpty())
        record.insert(QStringLiteral("calendarId"), draft.calendarId);
    QJsonArray minutes;
    for (int value : draft.reminders)
        minutes.append(value);
    record.insert(QStringLiteral("reminders"), minutes.isEmpty() ? QJsonValue() : minutes);
    return record;
}

EventDraft CalendarController::newDraft(const QString &day, int startMinute, int endMinute,
                                        bool allDay) const
{
    EventDraft draft;
    draft.calendarId = defaultCalendarId();
    draft.allDay = allDay;
    if (allDay) {
        draft.start = dateOf(day).toString(Qt::ISODate);
        // The day the span ends in: 00:00 of a later day is the one before.
        const QString last = addDays(day, qMax(0, endMinute - 1) / 1440);
        draft.end = last < draft.start ? draft.start : last;
    } else {
        draft.start = localDateTime(day, qMax(0, startMinute));
        draft.end = localDateTime(day, qMax(startMinute, endMinute));
        draft.reminders = {10};
    }
    return draft;
}

QString CalendarController::createEvent(const EventDraft &draft)
{
    Collection *events = eventsOf(m_store);
    const bool german = m_language == QLatin1String("de");
    if (!events) {
        setError(german ? QStringLiteral("Kein Profil ist geöffnet.")
                        : QStringLiteral("No profile is open."));
        return {};
    }
    QString problem;
    std::optional<QJsonObject> record = recordFields(draft, &problem);
    if (!record) {
        setError(problem);
        return {};
    }
    if (!record->contains(QStringLiteral("calendarId"))) {
        QString calendarId = defaultCalendarId();
        if (calendarId.isEmpty())
            calendarId =
                createCalendar(german ? QStringLiteral("Privat") : QStringLiteral("Personal"),
                               QStringLiteral("#3B82F6"));
        record->insert(QStringLiteral("calendarId"), calendarId);
    }
    if (!record->value(QStringLiteral("allDay")).toBool())
        record->insert(QStringLiteral("timezone"),
                       QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    const WriteResult written = events->insert(*record);
    if (!written) {
        setError((german ? QStringLiteral("Der Termin wurde nicht gespeichert: ")
                         : QStringLiteral("The event was not saved: ")) +
                 writeErrorText(written));
        return {};
    }
    setError({});
    return written.id;
}

std::optional<Occurrence> CalendarController::occurrenceOf(const QString &eventId,
                                                           const QString &recurrenceId) const
{
    Collection *events = eventsOf(m_store);
    if (!events)
        return std::nullopt;
    const std::optional<QJsonObject> record = events->get(eventId);
    if (!record)
        return std::nullopt;
    Occurrence occurrence;
    occurrence.eventId = eventId;
    occurrence.record = *record;
    occurrence.allDay = isAllDay(*record);
    occurrence.calendarId = record->value(QStringLiteral("calendarId")).toString();
    occurrence.start = startOf(*record);
    occurrence.end = endOf(*record);
    if (isOverride(*record)) {
        occurrence.seriesId = record->value(QStringLiteral("seriesId")).toString();
        occurrence.recurrenceId = instantFromJson(record->value(QStringLiteral("recurrenceId")));
    } else if (isSeries(*record)) {
        occurrence.seriesId = eventId;
        const QDateTime original = recurrenceId.isEmpty()
                                       ? occurrence.start
                                       : QDateTime::fromString(recurrenceId, Qt::ISODateWithMs);
        if (!original.isValid())
            return std::nullopt;
        const qint64 duration = occurrence.start.msecsTo(occurrence.end);
        occurrence.recurrenceId = original.toUTC();
        occurrence.start = occurrence.recurrenceId;
        occurrence.end = occurrence.start.addMSecs(duration);
    }
    return occurrence;
}

bool CalendarController::isRecurring(const QString &eventId) const
{
    Collection *events = eventsOf(m_store);
    const std::optional<QJsonObject> record = events ? events->get(eventId) : std::nullopt;
    return record && (isSeries(*record) || isOverride(*record));
}

QString CalendarController::dayOfEvent(const QString &eventId) const
{
    Collection *events = eventsOf(m_store);
    const std::optional<QJsonObject> record = events ? events->get(eventId) : std::nullopt;
    if (!record)
        return {};
    if (isAllDay(*record))
        return dateFromJson(record->value(QStringLiteral("startDate"))).toString(Qt::ISODate);
    return startOf(*record).toTimeZone(QTimeZone::systemTimeZone()).date().toString(Qt::ISODate);
}

EventDraft CalendarController::draftOf(const QString &eventId, const QString &recurrenceId) const
{
    const std::optional<Occurrence> occurrence = occurrenceOf(eventId, recurrenceId);
    if (!occurrence)
        return {};
    const QJsonObject &record = occurrence->record;
    EventDraft draft;
    draft.eventId = eventId;
    draft.recurrenceId =
        occurrence->recurrenceId.isValid() ? instantToJson(occurrence->recurrenceId) : QString();
    draft.recurring = occurrence->isRecurring();
    draft.title = record.value(QStringLiteral("title")).toString();
    draft.calendarId = occurrence->calendarId;
    draft.allDay = occurrence->allDay;
    if (occurrence->allDay) {
        draft.start = occurrence->start.date().toString(Qt::ISODate);
        draft.end = occurrence->end.date().addDays(-1).toString(Qt::ISODate);
    } else {
        draft.start = localText(occurrence->start);
        draft.end = localText(occurrence->end);
    }
    draft.location = record.value(QStringLiteral("location")).toString();
    draft.description = record.value(QStringLiteral("description")).toString();
    // An override repeats as its series does.
    draft.recurrenceRule = ruleOf(record);
    if (isOverride(record)) {
        Collection *events = eventsOf(m_store);
        if (const auto series = events->get(occurrence->seriesId))
            draft.recurrenceRule = ruleOf(*series);
    }
    for (const QJsonValue &value : record.value(QStringLiteral("reminders")).toArray())
        draft.reminders.append(value.toInt());
    return draft;
}

bool CalendarController::applyEdit(const QString &eventId, const QString &recurrenceId,
                                   const QJsonObject &changes, EditScope scope, UndoKind kind)
{
    const std::optional<Occurrence> occurrence = occurrenceOf(eventId, recurrenceId);
    if (!occurrence) {
        setError(editErrorText({EditError::NotFound, eventId, {}}));
        return false;
    }
    // The edit's own group (a split series: two records and its overrides)
    // is one undo step.
    EditResult result{EditError::NoStore, {}, {}};
    int stepId = 0;
    QString groupError;
    const bool written = writeUndoable(
        [&](QString *error) {
            result = editOccurrence(m_store, *occurrence, scopeOf(scope), changes);
            *error = result.detail;
            return result.ok();
        },
        &stepId, &groupError);
    if (result && !written)
        result = {EditError::WriteFailed, groupError, {}};
    if (!result) {
        qCWarning(lcCalendar) << "edit failed:" << int(result.error) << result.detail;
        setError(editErrorText(result));
        return false;
    }
    setError({});
    offerUndo(stepId, editUndoText(kind, scopeOf(scope), *occurrence));
    return true;
}

bool CalendarController::moveOccurrence(const QString &eventId, const QString &recurrenceId,
                                        const QString &start, const QString &end, EditScope scope)
{
    const std::optional<Occurrence> occurrence = occurrenceOf(eventId, recurrenceId);
    if (!occurrence) {
        setError(editErrorText({EditError::NotFound, eventId, {}}));
        return false;
    }
    QJsonObject changes;
    if (occurrence->allDay) {
        const QDate first = QDate::fromString(start.left(10), Qt::ISODate);
        const QDate last = QDate::fromString(end.left(10), Qt::ISODate);
        if (!first.isValid() || !last.isValid() || last < first) {
            setError(editErrorText({EditError::InvalidChange, start, {}}));
            return false;
        }
        changes.insert(QStringLiteral("startDate"), dateToJson(first));
        changes.insert(QStringLiteral("endDate"), dateToJson(last.addDays(1)));
    } else {
        const QDateTime from = localInstant(start);
        const QDateTime to = localInstant(end);
        if (!from.isValid() || !to.isValid() || to < from) {
            setError(editErrorText({EditError::InvalidChange, start, {}}));
            return false;
        }
        changes.insert(QStringLiteral("startDate"), instantToJson(from));
        changes.insert(QStringLiteral("endDate"), instantToJson(to));
    }
    return applyEdit(eventId, recurrenceId, changes, scope, UndoKind::Moved);
}

bool CalendarController::updateOccurrence(const QString &eventId, const QString &recurrenceId,
                                          const EventDraft &draft, EditScope scope)
{
    QString problem;
    std::optional<QJsonObject> changes = recordFields(draft, &problem);
    if (!changes) {
        setError(problem);
        return false;
    }
    // "This event" keeps the series' rule: an override has none of its own.
    if (scope == ThisEvent && isRecurring(eventId))
        changes->remove(QStringLiteral("recurrenceRule"));
    // A timed event keeps the zone it was made in; one that becomes timed
    // gets the user's.
    if (!changes->value(QStringLiteral("allDay")).toBool()) {
        const std::optional<Occurrence> occurrence = occurrenceOf(eventId, recurrenceId);
        if (occurrence && occurrence->record.value(QStringLiteral("timezone")).toString().isEmpty())
            changes->insert(QStringLiteral("timezone"),
                            QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    }
    return applyEdit(eventId, recurrenceId, *changes, scope, UndoKind::Changed);
}

bool CalendarController::deleteOccurrence(const QString &eventId, const QString &recurrenceId,
                                          EditScope scope)
{
    const std::optional<Occurrence> occurrence = occurrenceOf(eventId, recurrenceId);
    if (!occurrence) {
        setError(editErrorText({EditError::NotFound, eventId, {}}));
        return false;
    }
    EditResult result{EditError::NoStore, {}, {}};
    int stepId = 0;
    QString groupError;
    const bool written = writeUndoable(
        [&](QString *error) {
            result = calendar::deleteOccurrence(m_store, *occurrence, scopeOf(scope));
            *error = result.detail;
            return result.ok();
        },
        &stepId, &groupError);
    if (result && !written)
        result = {EditError::WriteFailed, groupError, {}};
    if (!result) {
        qCWarning(lcCalendar) << "delete failed:" << int(result.error) << result.detail;
        setError(editErrorText(result));
        return false;
    }
    setError({});
    offerUndo(stepId, editUndoText(UndoKind::Deleted, scopeOf(scope), *occurrence));
    return true;
}

QList<RepeatChoice> CalendarController::repeatChoices(const QString &day,
                                                      const QString &currentRule) const
{
    const bool german = m_language == QLatin1String("de");
    const QDate date = dateOf(day);
    const QLocale here = locale();
    static const char *const byDay[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    const QString weekday = QLatin1String(byDay[date.dayOfWeek() - 1]);
    QList<RepeatChoice> choices;
    const auto add = [&](const QString &text, const QString &rule) {
        choices.append(RepeatChoice{text, rule});
    };
    add(german ? QStringLiteral("Nicht wiederholen") : QStringLiteral("Does not repeat"), {});
    add(german ? QStringLiteral("Täglich") : QStringLiteral("Every day"),
        QStringLiteral("FREQ=DAILY"));
    add(german ? QStringLiteral("Montag bis Freitag") : QStringLiteral("Every weekday (Mon–Fri)"),
        QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    add((german ? QStringLiteral("Jede Woche am %1") : QStringLiteral("Every week on %1"))
            .arg(here.dayName(date.dayOfWeek())),
        QStringLiteral("FREQ=WEEKLY;BYDAY=") + weekday);
    add((german ? QStringLiteral("Jeden Monat am %1.") : QStringLiteral("Every month on day %1"))
            .arg(date.day()),
        QStringLiteral("FREQ=MONTHLY;BYMONTHDAY=%1").arg(date.day()));
    add((german ? QStringLiteral("Jedes Jahr am %1") : QStringLiteral("Every year on %1"))
            .arg(
                here.toString(date, german ? QStringLiteral("d. MMMM") : QStringLiteral("MMMM d"))),
        QStringLiteral("FREQ=YEARLY"));
    bool known = currentRule.isEmpty();
    for (const RepeatChoice &choice : std::as_const(choices))
        known = known || choice.rule == currentRule;
    if (!known) {
        // An imported or older rule is kept as it is, in words where the
        // shared recurrence can say it.
        const std::optional<RecurrenceRule> rule = RecurrenceRule::fromRRule(currentRule);
        add(rule ? rule->describe(m_language)
                 : (german ? QStringLiteral("Eigene Regel: %1") : QStringLiteral("Custom: %1"))
                       .arg(currentRule),
            currentRule);
    }
    return choices;
}

QList<ReminderChoice> CalendarController::reminderChoices() const
{
    const bool german = m_language == QLatin1String("de");
    QList<ReminderChoice> choices;
    const auto add = [&](const QString &text, int minutes) {
        choices.append(ReminderChoice{text, minutes});
    };
    add(german ? QStringLiteral("Keine Erinnerung") : QStringLiteral("No reminder"), -1);
    add(german ? QStringLiteral("Zu Beginn") : QStringLiteral("At the start"), 0);
    for (int minutes : {5, 10, 15, 30})
        add((german ? QStringLiteral("%1 Minuten vorher") : QStringLiteral("%1 minutes before"))
                .arg(minutes),
            minutes);
    add(german ? QStringLiteral("1 Stunde vorher") : QStringLiteral("1 hour before"), 60);
    add(german ? QStringLiteral("1 Tag vorher") : QStringLiteral("1 day before"), 1440);
    return choices;
}

QString CalendarController::createCalendar(const QString &name, const QString &color)
{
    Collection *calendars = calendarsOf(m_store);
    if (!calendars)
        return {};
    QJsonObject record{
        {QStringLiteral("name"), name},
        {QStringLiteral("color"), color.isEmpty() ? QStringLiteral("#3B82F6") : color},
        {QStringLiteral("isVisible"), true},
        {QStringLiteral("isDefault"), m_calendars.rowCount() == 0},
        {QStringLiteral("timezone"), QString::fromUtf8(QTimeZone::systemTimeZoneId())}};
    const WriteResult written = calendars->insert(record);
    if (!written) {
        setError(writeErrorText(written));
        return {};
    }
    setError({});
    return written.id;
}

bool CalendarController::updateCalendar(const QString &calendarId, const QString &name,
                                        const QString &color)
{
    Collection *calendars = calendarsOf(m_store);
    if (!calendars)
        return false;
    const WriteResult written = calendars->update(
        calendarId, {{QStringLiteral("name"), name}, {QStringLiteral("color"), color}});
    setError(written ? QString() : writeErrorText(written));
    return bool(written);
}

bool CalendarController::setCalendarVisible(const QString &calendarId, bool visible)
{
    Collection *calendars = calendarsOf(m_store);
    if (!calendars)
        return false;
    const WriteResult written =
        calendars->update(calendarId, {{QStringLiteral("isVisible"), visible}});
    setError(written ? QString() : writeErrorText(written));
    return bool(written);
}

bool CalendarController::setDefaultCalendar(const QString &calendarId)
{
    Collection *calendars = calendarsOf(m_store);
    if (!calendars)
        return false;
    // One default: the others lose the mark in the same write group, which
    // is one undo step.
    QString problem;
    StoreErrorInfo refused; // the write that failed, if one did
    QString name;
    int stepId = 0;
    const bool ok = writeUndoable(
        [&](QString *error) {
            for (const QJsonObject &record : m_calendars.records()) {
                const QString id = record.value(QStringLiteral("id")).toString();
                const bool isDefault = id == calendarId;
                if (isDefault)
                    name = record.value(QStringLiteral("name")).toString();
                if (record.value(QStringLiteral("isDefault")).toBool() == isDefault)
                    continue;
                const WriteResult written =
                    calendars->update(id, {{QStringLiteral("isDefault"), isDefault}});
                if (!written) {
                    *error = written.error;
                    refused = written.failure;
                    return false;
                }
            }
            return true;
        },
        &stepId, &problem);
    if (!ok) {
        // The write's own code, or the group's (its BEGIN or COMMIT).
        qCWarning(lcCalendar) << "default calendar not saved:" << problem;
        if (!refused.isError())
            refused = {
                m_store ? m_store->writeErrorOf(problem) : StoreError::Other, {}, {}, {}, problem};
    }
    setError(ok ? QString() : writeErrorText(refused));
    if (ok)
        offerUndo(stepId, (m_language == QLatin1String("de")
                               ? QStringLiteral("„%1“ ist der Standardkalender")
                               : QStringLiteral("“%1” is the default calendar"))
                              .arg(name));
    return ok;
}

} // namespace mana::calendar
