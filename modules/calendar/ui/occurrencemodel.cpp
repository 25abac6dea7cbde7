#include "occurrencemodel.h"

#include "calendarlog.h"
#include "collection.h"
#include "daylayout.h"
#include "eventrecord.h"
#include "localstore.h"
#include "query.h"

#include <QElapsedTimer>
#include <QLocale>

namespace mana::calendar {

namespace {

// Todo's tasks as the calendar shows them (APPS.md, Todo).
const QString kTodoApp = QStringLiteral("todo");
const QString kTasks = QStringLiteral("tasks");
const QString kTaskColor = QStringLiteral("#8B5CF6");

QString localText(const QDateTime &instant, const QTimeZone &zone)
{
    return instant.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

} // namespace

OccurrenceBlocks::OccurrenceBlocks(OccurrenceModel *source, QString kind)
    : QAbstractListModel(source)
    , m_source(source)
    , m_kind(std::move(kind))
{}

int OccurrenceBlocks::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OccurrenceBlocks::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_source->data(m_source->index(m_rows.at(index.row())), role);
}

QHash<int, QByteArray> OccurrenceBlocks::roleNames() const
{
    return m_source->roleNames();
}

void OccurrenceBlocks::reset(const QList<int> &rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

OccurrenceModel::OccurrenceModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_refresh(250, [this] { refresh(); })
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_soon, &QTimer::timeout, this, &OccurrenceModel::refresh);
}

QObject *OccurrenceModel::store() const
{
    return m_store;
}

void OccurrenceModel::setStore(QObject *store)
{
    auto *localStore = qobject_cast<LocalStore *>(store);
    if (localStore == m_store)
        return;
    m_store = localStore;
    connectStore();
    emit storeChanged();
    requestRefresh();
}

void OccurrenceModel::connectStore()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    if (!m_store)
        return;
    for (const QString &name : {QStringView(kEventsCollection).toString(),
                                QStringView(kCalendarsCollection).toString()}) {
        if (Collection *collection = m_store->collection(QStringView(kAppId).toString(), name))
            m_connections.append(connect(collection, &Collection::changed, this,
                                         &OccurrenceModel::requestStoreRefresh));
    }
    if (Collection *tasks = m_store->collection(kTodoApp, kTasks))
        m_connections.append(connect(tasks, &Collection::changed, this, [this] {
            if (m_showTasks)
                requestStoreRefresh();
        }));
}

void OccurrenceModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
    requestRefresh();
}

void OccurrenceModel::setFirstDay(const QString &day)
{
    const QDate date = QDate::fromString(day, Qt::ISODate);
    if (!date.isValid() || date == m_firstDay)
        return;
    m_firstDay = date;
    emit firstDayChanged();
    requestRefresh();
}

void OccurrenceModel::setDays(int days)
{
    days = qBound(1, days, 366);
    if (days == m_days)
        return;
    m_days = days;
    emit daysChanged();
    requestRefresh();
}

void OccurrenceModel::setShowTasks(bool show)
{
    if (show == m_showTasks)
        return;
    m_showTasks = show;
    emit showTasksChanged();
    requestRefresh();
}

void OccurrenceModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    // Shown with something changed meanwhile, or before the first read of a
    // view made ahead: read now, so the first frame of the view already
    // shows it (its period is set by then).
    if (active && (m_stale || m_soon.isActive()))
        refresh();
}

void OccurrenceModel::requestRefresh()
{
    // A hidden view's model reads nothing, except once when it is made: a
    // view made ahead of being shown (CalendarPage) is then ready.
    if (!m_active && m_revision > 0) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_soon.start();
}

void OccurrenceModel::requestStoreRefresh()
{
    if (!m_active) {
        m_stale = true;
        return;
    }
    if (!m_soon.isActive())
        m_refresh.request();
}

void OccurrenceModel::setViewZone(const QTimeZone &zone)
{
    m_viewZone = zone;
    requestRefresh();
}

void OccurrenceModel::refresh()
{
    m_soon.stop();
    m_stale = false;
    QElapsedTimer timing;
    timing.start();
    const QDate lastDay = m_firstDay.addDays(m_days - 1);
    QList<Occurrence> occurrences;
    QHash<QString, QString> colors;
    QList<TaskItem> tasks;
    if (m_store) {
        OccurrenceQuery query(m_store);
        query.setSystemZone(m_viewZone);
        QString error;
        occurrences = query.occurrences(Window::forDates(m_firstDay, lastDay, m_viewZone), &error);
        if (!error.isEmpty())
            qCWarning(lcCalendar).noquote() << "occurrences:" << error;
        qCDebug(lcCalendar) << "occurrences read in" << timing.nsecsElapsed() / 1e6 << "ms";
        if (Collection *calendars = query.calendars()) {
            for (const QJsonObject &calendar : calendars->query())
                colors.insert(calendar.value(QLatin1String("id")).toString(),
                              calendar.value(QLatin1String("color")).toString());
        }
        Collection *taskCollection = m_showTasks ? m_store->collection(kTodoApp, kTasks) : nullptr;
        if (taskCollection) {
            const QDateTime from(m_firstDay.startOfDay(m_viewZone).toUTC());
            const QDateTime to(lastDay.addDays(1).startOfDay(m_viewZone).toUTC());
            Query dueInWindow;
            dueInWindow
                .where(QStringLiteral("dueDate"), Query::Op::GreaterOrEqual, instantToJson(from))
                .where(QStringLiteral("dueDate"), Query::Op::Less, instantToJson(to))
                .orderBy(QStringLiteral("dueDate"));
            for (const QJsonObject &task : taskCollection->query(dueInWindow)) {
                const QDateTime due = instantFromJson(task.value(QLatin1String("dueDate")));
                tasks.append({task.value(QLatin1String("id")).toString(),
                              task.value(QLatin1String("title")).toString(),
                              due.toTimeZone(m_viewZone).date(),
                              task.value(QLatin1String("isCompleted")).toBool()});
            }
        }
    }

    qCDebug(lcCalendar) << "tasks and colours read by" << timing.nsecsElapsed() / 1e6 << "ms";
    QList<Piece> rows;
    QList<QList<int>> dayPieces(m_days);
    int laneCount = 0;
    // Each day's list for the month and agenda views: what spans the day
    // (all-day and multi-day) first, then the timed ones by start.
    for (int i = 0; i < occurrences.size(); ++i) {
        const Occurrence &occurrence = occurrences.at(i);
        const int first = int(m_firstDay.daysTo(occurrence.firstDate(m_viewZone)));
        const int last = int(m_firstDay.daysTo(occurrence.lastDate(m_viewZone)));
        for (int day = qMax(0, first); day <= qMin(m_days - 1, last); ++day)
            dayPieces[day].append(i);
    }
    for (QList<int> &pieces : dayPieces) {
        std::stable_sort(pieces.begin(), pieces.end(), [&](int a, int b) {
            return belongsInAllDayRow(occurrences.at(a)) && !belongsInAllDayRow(occurrences.at(b));
        });
    }
    // The week and day grids: blocks per day and the all-day row.
    if (m_days <= 7) {
        for (int day = 0; day < m_days; ++day) {
            const DayLayout layout = layoutDay(occurrences, m_firstDay.addDays(day), m_viewZone);
            for (const TimedBlock &block : layout.timed) {
                Piece piece;
                piece.kind = QStringLiteral("timed");
                piece.dayIndex = piece.lastDayIndex = day;
                piece.column = block.column;
                piece.columnCount = block.columnCount;
                piece.top = block.top;
                piece.bottom = block.bottom;
                piece.startsBefore = block.startsBefore;
                piece.endsAfter = block.endsAfter;
                piece.source = block.index;
                rows.append(piece);
            }
        }
        const SpanRow spans = layoutSpans(occurrences, m_firstDay, m_days, m_viewZone);
        for (const SpanBlock &span : spans.spans) {
            Piece piece;
            piece.kind = QStringLiteral("span");
            piece.dayIndex = span.firstDay;
            piece.lastDayIndex = span.lastDay;
            piece.lane = span.lane;
            piece.startsBefore = span.startsBefore;
            piece.endsAfter = span.endsAfter;
            piece.source = span.index;
            rows.append(piece);
        }
        laneCount = spans.laneCount;
        // Tasks below the events of the all-day row, one lane each per day.
        QList<int> tasksPerDay(m_days, 0);
        for (int i = 0; i < tasks.size(); ++i) {
            const int day = int(m_firstDay.daysTo(tasks.at(i).day));
            if (day < 0 || day >= m_days)
                continue;
            Piece piece;
            piece.kind = QStringLiteral("span");
            piece.dayIndex = piece.lastDayIndex = day;
            piece.lane = spans.laneCount + tasksPerDay[day]++;
            piece.source = -1 - i;
            laneCount = qMax(laneCount, piece.lane + 1);
            rows.append(piece);
        }
    }
    for (int i = 0; i < tasks.size(); ++i) {
        const int day = int(m_firstDay.daysTo(tasks.at(i).day));
        if (day >= 0 && day < m_days)
            dayPieces[day].append(-1 - i);
    }

    qCDebug(lcCalendar) << "laid out by" << timing.nsecsElapsed() / 1e6 << "ms";
    beginResetModel();
    m_occurrences = std::move(occurrences);
    m_calendarColors = std::move(colors);
    m_tasks = std::move(tasks);
    m_rows = std::move(rows);
    m_dayPieces = std::move(dayPieces);
    m_laneCount = laneCount;
    ++m_revision;
    endResetModel();
    QList<int> timedRows;
    QList<int> spanRows;
    for (int row = 0; row < m_rows.size(); ++row)
        (m_rows.at(row).kind == QLatin1String("timed") ? timedRows : spanRows).append(row);
    m_timedBlocks.reset(timedRows);
    m_spanBlocks.reset(spanRows);
    emit revisionChanged();
    qCDebug(lcCalendar) << m_occurrences.size() << "occurrences of" << m_days << "days shown in"
                        << timing.nsecsElapsed() / 1e6 << "ms";
}

int OccurrenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString OccurrenceModel::colorOf(const Occurrence &occurrence) const
{
    const QString own = occurrence.record.value(QLatin1String("color")).toString();
    if (!own.isEmpty())
        return own;
    const QString calendar = m_calendarColors.value(occurrence.calendarId);
    return calendar.isEmpty() ? QStringLiteral("#3B82F6") : calendar;
}

QString OccurrenceModel::timeOf(const QDateTime &instant) const
{
    const QTime time = instant.toTimeZone(m_viewZone).time();
    return m_language == QLatin1String("de") ? time.toString(QStringLiteral("HH:mm"))
                                             : QLocale(QLocale::English, QLocale::UnitedStates)
                                                   .toString(time, QStringLiteral("h:mm AP"));
}

QString OccurrenceModel::timeTextOf(const Occurrence &occurrence) const
{
    if (occurrence.allDay)
        return m_language == QLatin1String("de") ? QStringLiteral("ganztägig")
                                                 : QStringLiteral("all day");
    return timeOf(occurrence.start) + QStringLiteral(" – ") + timeOf(occurrence.end);
}

QVariant OccurrenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Piece &piece = m_rows.at(index.row());
    switch (role) {
    case KindRole:
        return piece.kind;
    case DayIndexRole:
        return piece.dayIndex;
    case LastDayIndexRole:
        return piece.lastDayIndex;
    case LaneRole:
        return piece.lane;
    case ColumnRole:
        return piece.column;
    case ColumnCountRole:
        return piece.columnCount;
    case TopRole:
        return piece.top;
    case BottomRole:
        return piece.bottom;
    case StartsBeforeRole:
        return piece.startsBefore;
    case EndsAfterRole:
        return piece.endsAfter;
    default:
        break;
    }
    return valueOf(piece.source, role);
}

// One role of an occurrence or task, without making the whole piece: a
// week's delegates read a dozen roles of hundreds of rows.
QVariant OccurrenceModel::valueOf(int source, int role) const
{
    if (source < 0) {
        const TaskItem &task = m_tasks.at(-1 - source);
        switch (role) {
        case TitleRole:
            return task.title;
        case ColorRole:
            return kTaskColor;
        case EventIdRole:
            return task.id;
        case AllDayRole:
        case IsTaskRole:
            return true;
        case DoneRole:
            return task.done;
        case RecurringRole:
            return false;
        case StartRole:
        case EndRole:
            return task.day.toString(Qt::ISODate);
        default:
            return QString();
        }
    }
    const Occurrence &occurrence = m_occurrences.at(source);
    switch (role) {
    case TitleRole:
        return occurrence.title();
    case ColorRole:
        return colorOf(occurrence);
    case TimeTextRole:
        return timeTextOf(occurrence);
    case LocationRole:
        return occurrence.record.value(QLatin1String("location")).toString();
    case EventIdRole:
        return occurrence.eventId;
    case RecurrenceIdRole:
        return occurrence.recurrenceId.isValid() ? instantToJson(occurrence.recurrenceId)
                                                 : QString();
    case RecurringRole:
        return occurrence.isRecurring();
    case AllDayRole:
        return occurrence.allDay;
    case IsTaskRole:
    case DoneRole:
        return false;
    case StartRole:
        return occurrence.allDay ? occurrence.start.date().toString(Qt::ISODate)
                                 : localText(occurrence.start, m_viewZone);
    case EndRole:
        return occurrence.allDay ? occurrence.end.date().addDays(-1).toString(Qt::ISODate)
                                 : localText(occurrence.end, m_viewZone);
    }
    return {};
}

OccurrencePiece OccurrenceModel::pieceOf(int source) const
{
    OccurrencePiece piece;
    if (source < 0) {
        const TaskItem &task = m_tasks.at(-1 - source);
        piece.eventId = task.id;
        piece.title = task.title;
        piece.color = kTaskColor;
        piece.allDay = true;
        piece.isTask = true;
        piece.done = task.done;
        piece.start = task.day.toString(Qt::ISODate);
        piece.end = piece.start;
        return piece;
    }
    const Occurrence &occurrence = m_occurrences.at(source);
    const bool allDay = occurrence.allDay;
    piece.eventId = occurrence.eventId;
    piece.recurrenceId =
        occurrence.recurrenceId.isValid() ? instantToJson(occurrence.recurrenceId) : QString();
    piece.title = occurrence.title();
    piece.color = colorOf(occurrence);
    piece.timeText = allDay ? timeTextOf(occurrence) : timeOf(occurrence.start);
    piece.location = occurrence.record.value(QLatin1String("location")).toString();
    piece.allDay = allDay;
    piece.recurring = occurrence.isRecurring();
    piece.start = allDay ? occurrence.start.date().toString(Qt::ISODate)
                         : localText(occurrence.start, m_viewZone);
    piece.end = allDay ? occurrence.end.date().addDays(-1).toString(Qt::ISODate)
                       : localText(occurrence.end, m_viewZone);
    return piece;
}

QHash<int, QByteArray> OccurrenceModel::roleNames() const
{
    return {{KindRole, "kind"},
            {DayIndexRole, "dayIndex"},
            {LastDayIndexRole, "lastDayIndex"},
            {LaneRole, "lane"},
            {ColumnRole, "column"},
            {ColumnCountRole, "columnCount"},
            {TopRole, "startMinute"},
            {BottomRole, "endMinute"},
            {TitleRole, "title"},
            {ColorRole, "eventColor"},
            {TimeTextRole, "timeText"},
            {LocationRole, "location"},
            {EventIdRole, "eventId"},
            {RecurrenceIdRole, "recurrenceId"},
            {RecurringRole, "recurring"},
            {AllDayRole, "allDay"},
            {IsTaskRole, "isTask"},
            {DoneRole, "done"},
            {StartsBeforeRole, "startsBefore"},
            {EndsAfterRole, "endsAfter"},
            {StartRole, "start"},
            {EndRole, "end"}};
}

QList<OccurrencePiece> OccurrenceModel::piecesOfDay(int dayIndex, int limit) const
{
    QList<OccurrencePiece> pieces;
    if (dayIndex < 0 || dayIndex >= m_dayPieces.size())
        return pieces;
    const QList<int> &sources = m_dayPieces.at(dayIndex);
    const qsizetype count = limit < 0 ? sources.size() : qMin<qsizetype>(limit, sources.size());
    pieces.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        pieces.append(pieceOf(sources.at(i)));
    return pieces;
}

int OccurrenceModel::countOfDay(int dayIndex) const
{
    return dayIndex < 0 || dayIndex >= m_dayPieces.size() ? 0
                                                          : int(m_dayPieces.at(dayIndex).size());
}

} // namespace mana::calendar
