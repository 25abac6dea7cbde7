#include "calendarcontroller.h"

#include "calendarlog.h"
#include "collection.h"
#include "daylayout.h"
#include "eventrecord.h"
#include "icsexport.h"
#include "localstore.h"
#include "recurrence.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrl>

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

EditScope scopeOf(const QString &scope)
{
    if (scope == QLatin1String("this"))
        return EditScope::ThisEvent;
    if (scope == QLatin1String("following"))
        return EditScope::ThisAndFollowing;
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

void CalendarController::updateToday()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString today = now.date().toString(Qt::ISODate);
    if (today != m_today) {
        m_today = today;
        emit todayChanged();
    }
    // A second after the next local midnight (a DST day is 23 or 25 hours).
    const QDateTime next(now.date().addDays(1), QTime(0, 0, 1));
    m_midnight.start(int(qBound<qint64>(1000, now.msecsTo(next), 24LL * 3600 * 1000)));
}

QLocale CalendarController::locale() const
{
    return m_language == QLatin1String("de") ? QLocale(QLocale::German, QLocale::Germany)
                                             : QLocale(QLocale::English, QLocale::UnitedStates);
}

Qt::DayOfWeek CalendarController::firstDayOfWeek() const
{
    return locale().firstDayOfWeek();
}

QDate CalendarController::dateOf(const QString &day) const
{
    const QDate date = QDate::fromString(day.left(10), Qt::ISODate);
    return date.isValid() ? date : QDate::currentDate();
}

QString CalendarController::addDays(const QString &day, int days) const
{
    return dateOf(day).addDays(days).toString(Qt::ISODate);
}

QString CalendarController::addMonths(const QString &day, int months) const
{
    return dateOf(day).addMonths(months).toString(Qt::ISODate);
}

QString CalendarController::periodStart(const QString &day, const QString &view) const
{
    const QDate date = dateOf(day);
    if (view == QLatin1String("month"))
        return monthGrid(day).constFirst();
    if (view == QLatin1String("week")) {
        const int back = (date.dayOfWeek() - int(firstDayOfWeek()) + 7) % 7;
        return date.addDays(-back).toString(Qt::ISODate);
    }
    return date.toString(Qt::ISODate);
}

int CalendarController::periodDays(const QString &view) const
{
    if (view == QLatin1String("month"))
        return 42;
    if (view == QLatin1String("week"))
        return 7;
    if (view == QLatin1String("agenda"))
        return 28;
    return 1;
}

QString CalendarController::periodTitle(const QString &day, const QString &view) const
{
    const QDate date = dateOf(day);
    const QLocale here = locale();
    if (view == QLatin1String("month"))
        return here.toString(date, QStringLiteral("MMMM yyyy"));
    if (view == QLatin1String("day"))
        return here.toString(date, m_language == QLatin1String("de")
                                       ? QStringLiteral("dddd, d. MMMM yyyy")
                                       : QStringLiteral("dddd, MMMM d, yyyy"));
    const QDate first = dateOf(periodStart(day, view));
    const QDate last = first.addDays(periodDays(view) - 1);
    const bool german = m_language == QLatin1String("de");
    if (first.year() == last.year() && first.month() == last.month())
        return german ? here.toString(first, QStringLiteral("d.")) + QStringLiteral(" – ") +
                            here.toString(last, QStringLiteral("d. MMMM yyyy"))
                      : here.toString(first, QStringLiteral("MMM d")) + QStringLiteral(" – ") +
                            here.toString(last, QStringLiteral("d, yyyy"));
    const QString firstFormat =
        first.year() != last.year()
            ? (german ? QStringLiteral("d. MMM yyyy") : QStringLiteral("MMM d, yyyy"))
            : (german ? QStringLiteral("d. MMM") : QStringLiteral("MMM d"));
    const QString lastFormat =
        german ? QStringLiteral("d. MMM yyyy") : QStringLiteral("MMM d, yyyy");
    return here.toString(first, firstFormat) + QStringLiteral(" – ") +
           here.toString(last, lastFormat);
}

QStringList CalendarController::monthGrid(const QString &day) const
{
    const QDate date = dateOf(day);
    QStringList days;
    for (const QDate &cell : calendar::monthGrid(date.year(), date.month(), firstDayOfWeek()))
        days.append(cell.toString(Qt::ISODate));
    return days;
}

QStringList CalendarController::weekdayNames(const QString &form) const
{
    const QLocale here = locale();
    QStringList names;
    for (int i = 0; i < 7; ++i) {
        const int weekday = (int(firstDayOfWeek()) - 1 + i) % 7 + 1;
        names.append(here.dayName(weekday, form == QLatin1String("narrow") ? QLocale::NarrowFormat
                                                                           : QLocale::ShortFormat));
    }
    return names;
}

QString CalendarController::dayLabel(const QString &day, bool longForm) const
{
    const QDate date = dateOf(day);
    const bool german = m_language == QLatin1String("de");
    if (longForm)
        return locale().toString(date, german ? QStringLiteral("dddd, d. MMMM")
                                              : QStringLiteral("dddd, MMMM d"));
    return locale().toString(date, german ? QStringLiteral("ddd d.") : QStringLiteral("ddd d"));
}

QString CalendarController::localDateTime(const QString &day, int minutes) const
{
    const QDate date = dateOf(day).addDays(minutes / 1440);
    const int rest = minutes % 1440;
    return QDateTime(date, QTime(rest / 60, rest % 60))
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

QString CalendarController::shiftLocal(const QString &localDateTime, int minutes) const
{
    // Wall-clock arithmetic, as a drag on the grid means it: 09:00 moved by
    // an hour is 10:00 also on a DST day.
    const QDateTime local =
        QDateTime::fromString(localDateTime, QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (!local.isValid())
        return localDateTime;
    const qint64 total = local.time().hour() * 60 + local.time().minute() + minutes;
    const qint64 days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
    const int rest = int(total - days * 1440);
    return QDateTime(local.date().addDays(days), QTime(rest / 60, rest % 60))
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

QString CalendarController::timeText(int minutes) const
{
    const QTime time(minutes / 60 % 24, minutes % 60);
    return m_language == QLatin1String("de") ? time.toString(QStringLiteral("HH:mm"))
                                             : locale().toString(time, QStringLiteral("h:mm AP"));
}

void CalendarController::setError(const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcCalendar).noquote() << error;
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void CalendarController::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

void CalendarController::clearMessages()
{
    setError({});
    setNotice({});
}

std::optional<QJsonObject> CalendarController::recordFields(const QVariantMap &fields,
                                                            QString *error) const
{
    const bool german = m_language == QLatin1String("de");
    QJsonObject record;
    const QString title = fields.value(QStringLiteral("title")).toString().trimmed();
    record.insert(QStringLiteral("title"),
                  title.isEmpty()
                      ? (german ? QStringLiteral("Neuer Termin") : QStringLiteral("New event"))
                      : title);
    const bool allDay = fields.value(QStringLiteral("allDay")).toBool();
    record.insert(QStringLiteral("allDay"), allDay);
    const QString start = fields.value(QStringLiteral("start")).toString();
    const QString end = fields.value(QStringLiteral("end")).toString();
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
    const auto optionalText = [&](const char *name) {
        const QString text = fields.value(QLatin1String(name)).toString().trimmed();
        record.insert(QLatin1String(name), text.isEmpty() ? QJsonValue() : QJsonValue(text));
    };
    if (fields.contains(QStringLiteral("location")))
        optionalText("location");
    if (fields.contains(QStringLiteral("description")))
        optionalText("description");
    if (fields.contains(QStringLiteral("recurrenceRule")))
        optionalText("recurrenceRule");
    if (fields.contains(QStringLiteral("calendarId"))) {
        const QString calendarId = fields.value(QStringLiteral("calendarId")).toString();
        if (!calendarId.isEmpty())
            record.insert(QStringLiteral("calendarId"), calendarId);
    }
    if (fields.contains(QStringLiteral("reminders"))) {
        QJsonArray minutes;
        for (const QVariant &value : fields.value(QStringLiteral("reminders")).toList())
            minutes.append(value.toInt());
        record.insert(QStringLiteral("reminders"), minutes.isEmpty() ? QJsonValue() : minutes);
    }
    return record;
}

QString CalendarController::createEvent(const QVariantMap &fields)
{
    Collection *events = eventsOf(m_store);
    const bool german = m_language == QLatin1String("de");
    if (!events) {
        setError(german ? QStringLiteral("Kein Profil ist geöffnet.")
                        : QStringLiteral("No profile is open."));
        return {};
    }
    QString problem;
    std::optional<QJsonObject> record = recordFields(fields, &problem);
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

QVariantMap CalendarController::occurrenceFields(const QString &eventId,
                                                 const QString &recurrenceId) const
{
    const std::optional<Occurrence> occurrence = occurrenceOf(eventId, recurrenceId);
    if (!occurrence)
        return {};
    const QJsonObject &record = occurrence->record;
    QVariantMap fields;
    fields.insert(QStringLiteral("eventId"), eventId);
    fields.insert(QStringLiteral("recurrenceId"), occurrence->recurrenceId.isValid()
                                                      ? instantToJson(occurrence->recurrenceId)
                                                      : QString());
    fields.insert(QStringLiteral("recurring"), occurrence->isRecurring());
    fields.insert(QStringLiteral("title"), record.value(QStringLiteral("title")).toString());
    fields.insert(QStringLiteral("calendarId"), occurrence->calendarId);
    fields.insert(QStringLiteral("allDay"), occurrence->allDay);
    if (occurrence->allDay) {
        fields.insert(QStringLiteral("start"), occurrence->start.date().toString(Qt::ISODate));
        fields.insert(QStringLiteral("end"),
                      occurrence->end.date().addDays(-1).toString(Qt::ISODate));
    } else {
        fields.insert(QStringLiteral("start"), localText(occurrence->start));
        fields.insert(QStringLiteral("end"), localText(occurrence->end));
    }
    fields.insert(QStringLiteral("location"), record.value(QStringLiteral("location")).toString());
    fields.insert(QStringLiteral("description"),
                  record.value(QStringLiteral("description")).toString());
    // An override repeats as its series does.
    QString rule = ruleOf(record);
    if (isOverride(record)) {
        Collection *events = eventsOf(m_store);
        if (const auto series = events->get(occurrence->seriesId))
            rule = ruleOf(*series);
    }
    fields.insert(QStringLiteral("recurrenceRule"), rule);
    QVariantList reminders;
    for (const QJsonValue &value : record.value(QStringLiteral("reminders")).toArray())
        reminders.append(value.toInt());
    fields.insert(QStringLiteral("reminders"), reminders);
    return fields;
}

QString CalendarController::editErrorText(const EditResult &result) const
{
    const bool german = m_language == QLatin1String("de");
    switch (result.error) {
    case EditError::None:
        return {};
    case EditError::NoStore:
        return german ? QStringLiteral("Kein Profil ist geöffnet.")
                      : QStringLiteral("No profile is open.");
    case EditError::NotFound:
        return german ? QStringLiteral("Dieser Termin existiert nicht mehr.")
                      : QStringLiteral("This event no longer exists.");
    case EditError::InvalidChange:
        return german ? QStringLiteral("Diese Änderung geht nicht: Das Ende liegt vor dem Beginn "
                                       "oder eine Zeit ist ungültig.")
                      : QStringLiteral("This change is not possible: the end is before the start "
                                       "or a time is not valid.");
    case EditError::InvalidRule:
        return german ? QStringLiteral("Die Wiederholung dieses Termins kann nicht gelesen werden.")
                      : QStringLiteral("The repetition of this event cannot be read.");
    case EditError::WriteFailed:
        return german ? QStringLiteral("Die Änderung wurde nicht gespeichert; nichts wurde "
                                       "verändert.")
                      : QStringLiteral("The change was not saved; nothing was changed.");
    }
    return {};
}

QString CalendarController::writeErrorText(const WriteResult &result) const
{
    qCWarning(lcCalendar) << "write of" << result.id << "refused:" << storeErrorName(result.code())
                          << result.error;
    return writeErrorText(result.failure);
}

QString CalendarController::writeErrorText(const StoreErrorInfo &failure) const
{
    const bool german = m_language == QLatin1String("de");
    switch (failure.code) {
    case StoreError::UnknownField:
    case StoreError::BuiltInField:
    case StoreError::RequiredMissing:
    case StoreError::WrongType:
    case StoreError::OutOfRange:
    case StoreError::InvalidId:
    case StoreError::NothingToUpdate:
        if (failure.field.isEmpty())
            return german ? QStringLiteral("Ein Wert ist ungültig, daher wurde nichts gespeichert.")
                          : QStringLiteral("A value is not valid, so nothing was saved.");
        return german ? QStringLiteral("Der Wert von „%1“ ist ungültig, daher wurde nichts "
                                       "gespeichert.")
                            .arg(failure.field)
                      : QStringLiteral("The value of “%1” is not valid, so nothing was saved.")
                            .arg(failure.field);
    case StoreError::NoSuchRecord:
    case StoreError::RecordDeleted:
        return german ? QStringLiteral("Dieser Kalender oder Termin existiert nicht mehr.")
                      : QStringLiteral("This calendar or event no longer exists.");
    case StoreError::ReadOnly:
        return german ? QStringLiteral("Dieses Profil ist schreibgeschützt, daher wurde nichts "
                                       "gespeichert.")
                      : QStringLiteral("This profile is read-only, so nothing was saved.");
    case StoreError::DiskFull:
        return german ? QStringLiteral("Der Datenträger ist voll, daher wurde nichts gespeichert. "
                                       "Schaffe etwas Platz und versuche es erneut.")
                      : QStringLiteral("The disk is full, so nothing was saved. Free some space "
                                       "and try again.");
    case StoreError::Busy:
        return german ? QStringLiteral("Ein anderes Programm verwendet deine Daten gerade; "
                                       "versuche es gleich noch einmal.")
                      : QStringLiteral("Another program is using your data right now; try again "
                                       "in a moment.");
    case StoreError::None:
    case StoreError::DuplicateId:
    case StoreError::Refused:
    case StoreError::DiskError:
    case StoreError::Corrupt:
    case StoreError::Other:
        break;
    }
    return german ? QStringLiteral("Die Änderung konnte nicht gespeichert werden.")
                  : QStringLiteral("The change could not be saved.");
}

bool CalendarController::applyEdit(const QString &eventId, const QString &recurrenceId,
                                   const QJsonObject &changes, const QString &scope, UndoKind kind)
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
                                        const QString &start, const QString &end,
                                        const QString &scope)
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
                                          const QVariantMap &fields, const QString &scope)
{
    QString problem;
    std::optional<QJsonObject> changes = recordFields(fields, &problem);
    if (!changes) {
        setError(problem);
        return false;
    }
    // "This event" keeps the series' rule: an override has none of its own.
    if (scope == QLatin1String("this") && isRecurring(eventId))
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
                                          const QString &scope)
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

QVariantList CalendarController::repeatChoices(const QString &day, const QString &currentRule) const
{
    const bool german = m_language == QLatin1String("de");
    const QDate date = dateOf(day);
    const QLocale here = locale();
    static const char *const byDay[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    const QString weekday = QLatin1String(byDay[date.dayOfWeek() - 1]);
    QVariantList choices;
    const auto add = [&](const QString &text, const QString &rule) {
        choices.append(QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("rule"), rule}});
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
    for (const QVariant &choice : std::as_const(choices))
        known = known || choice.toMap().value(QStringLiteral("rule")).toString() == currentRule;
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

QVariantList CalendarController::reminderChoices() const
{
    const bool german = m_language == QLatin1String("de");
    QVariantList choices;
    const auto add = [&](const QString &text, int minutes) {
        choices.append(
            QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("minutes"), minutes}});
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

void CalendarController::importFile(const QUrl &file, const QString &calendarId)
{
    const bool german = m_language == QLatin1String("de");
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile input(path);
    if (input.size() > kMaxIcsBytes) {
        IcsError tooLarge;
        tooLarge.code = IcsErrorCode::TooLarge;
        setError(describe(tooLarge, m_language));
        emit importFinished(false);
        return;
    }
    if (!input.open(QIODevice::ReadOnly)) {
        setError((german ? QStringLiteral("„%1“ kann nicht gelesen werden: %2")
                         : QStringLiteral("“%1” cannot be read: %2"))
                     .arg(QFileInfo(path).fileName(), input.errorString()));
        emit importFinished(false);
        return;
    }
    const QByteArray data = input.readAll();
    m_importing = true;
    emit importingChanged();
    setNotice(german ? QStringLiteral("Importiere …") : QStringLiteral("Importing …"));
    // Reading runs beside the window (10,000 events take a second); the
    // store is written here, on its thread, in one write group.
    QPointer<CalendarController> self(this);
    const QString fileName = QFileInfo(path).completeBaseName();
    QThreadPool::globalInstance()->start([self, data, calendarId, fileName] {
        ParsedIcs parsed = parseIcs(data);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, parsed = std::move(parsed), calendarId, fileName] {
                if (self)
                    self->finishImport(parsed, calendarId, fileName);
            },
            Qt::QueuedConnection);
    });
}

void CalendarController::finishImport(const ParsedIcs &parsed, const QString &calendarId,
                                      const QString &fileName)
{
    const bool german = m_language == QLatin1String("de");
    m_importing = false;
    emit importingChanged();
    if (!parsed.ok()) {
        setNotice({});
        setError(describe(parsed.error, m_language));
        emit importFinished(false);
        return;
    }
    // The calendar it makes and every event it adds or updates: one undo
    // step, which removes what it added and sets back what it updated.
    IcsImportResult result;
    int stepId = 0;
    QString groupError;
    const bool written = writeUndoable(
        [&](QString *error) {
            QString target = calendarId;
            if (target.isEmpty()) {
                const QString name =
                    parsed.calendar.name.isEmpty() ? fileName : parsed.calendar.name;
                // A calendar of that name is the one a re-import updates.
                for (const QJsonObject &record : m_calendars.records()) {
                    if (record.value(QStringLiteral("name")).toString() == name)
                        target = record.value(QStringLiteral("id")).toString();
                }
                if (target.isEmpty())
                    target = createCalendar(name, parsed.calendar.color);
            }
            result = writeParsedIcs(m_store, target, parsed);
            *error = result.error.text;
            return result.ok();
        },
        &stepId, &groupError);
    if (!result.ok() || !written) {
        qCWarning(lcCalendar) << "import failed:" << int(result.error.code) << result.error.text
                              << groupError;
        setNotice({});
        // The group's own failure (its BEGIN or COMMIT) as a code, never its English.
        setError(result.ok() ? writeErrorText(StoreErrorInfo{
                                   m_store->writeErrorOf(groupError), {}, {}, {}, groupError})
                             : describe(result.error, m_language));
        emit importFinished(false);
        return;
    }
    setError({});
    offerUndo(stepId, importUndoText(result.added, result.updated));
    QString notice = german ? QStringLiteral("%1 Termine importiert, %2 aktualisiert.")
                                  .arg(result.added)
                                  .arg(result.updated)
                            : QStringLiteral("Imported %1 events, updated %2.")
                                  .arg(result.added)
                                  .arg(result.updated);
    if (result.skipped > 0)
        notice += QLatin1Char(' ') +
                  (german ? QStringLiteral("%1 Einträge, die keine Termine sind, übersprungen.")
                          : QStringLiteral("Skipped %1 entries that are not events."))
                      .arg(result.skipped);
    setNotice(notice);
    emit importFinished(true);
}

bool CalendarController::exportFile(const QUrl &file, const QString &calendarId)
{
    const bool german = m_language == QLatin1String("de");
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QString problem;
    const QByteArray data = exportIcs(m_store, calendarId, &problem);
    if (data.isEmpty()) {
        setError(problem);
        return false;
    }
    // Written beside and renamed: a full disk leaves the old file whole.
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly) || output.write(data) != data.size() ||
        !output.commit()) {
        setError((german ? QStringLiteral("„%1“ wurde nicht geschrieben: %2")
                         : QStringLiteral("“%1” was not written: %2"))
                     .arg(QFileInfo(path).fileName(), output.errorString()));
        return false;
    }
    setError({});
    setNotice(
        (german ? QStringLiteral("Nach „%1“ exportiert.") : QStringLiteral("Exported to “%1”."))
            .arg(QFileInfo(path).fileName()));
    return true;
}

} // namespace mana::calendar
