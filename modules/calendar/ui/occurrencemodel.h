// What the views draw for the days [firstDay, firstDay + days): the
// occurrences of the visible calendars (series expanded, overrides in place,
// exception dates left out) and, with showTasks, Todo's tasks due then.
//
// Rows (for the week and day grids): one per timed block of a day, laid out
// side by side where they overlap, and one per span of the all-day row, in
// lanes. piecesOfDay() gives the month and agenda views each day's list.
// Re-read when events, calendars or (shown) tasks change, a few times a
// second at most while sync writes.
#pragma once

#include "calendartypes.h"
#include "occurrences.h"
#include "refreshthrottle.h"

#include <QAbstractListModel>
#include <QDate>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
} // namespace mana

namespace mana::calendar {

class OccurrenceModel;

// The rows of one kind ("timed" or "span") of an OccurrenceModel, with its
// roles: the week grid draws each kind with its own Repeater, so no
// delegate is made for a row it would hide.
class OccurrenceBlocks : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    OccurrenceBlocks(OccurrenceModel *source, QString kind);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    friend class OccurrenceModel;
    void reset(const QList<int> &rows);

    OccurrenceModel *m_source;
    QString m_kind;
    QList<int> m_rows; // rows of the source
};

class OccurrenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The first local day shown (yyyy-MM-dd) and how many.
    Q_PROPERTY(QString firstDay READ firstDay WRITE setFirstDay NOTIFY firstDayChanged)
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY daysChanged)
    Q_PROPERTY(bool showTasks READ showTasks WRITE setShowTasks NOTIFY showTasksChanged)
    // A hidden view's model reads nothing (but once when it is made); it
    // catches up once it is active again (only when something it shows
    // changed meanwhile).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY revisionChanged)
    // The all-day row's lanes (0: no all-day row needed).
    Q_PROPERTY(int laneCount READ laneCount NOTIFY revisionChanged)
    // Counts up on every refresh; bindings over piecesOfDay() read it.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    // How many occurrences the window holds (tasks not counted).
    Q_PROPERTY(int occurrenceCount READ occurrenceCount NOTIFY revisionChanged)
    // The timed blocks and the all-day spans, as models of their own.
    Q_PROPERTY(QAbstractItemModel *timedBlocks READ timedBlocks CONSTANT)
    Q_PROPERTY(QAbstractItemModel *spanBlocks READ spanBlocks CONSTANT)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // "timed" or "span"
        DayIndexRole,                // first day (0-based) of the block
        LastDayIndexRole,            // spans: last day, inclusive
        LaneRole,                    // spans
        ColumnRole,                  // timed
        ColumnCountRole,             // timed
        TopRole,                     // timed: minutes from local midnight
        BottomRole,
        TitleRole,
        ColorRole,
        TimeTextRole, // "09:00 – 10:30"
        LocationRole,
        EventIdRole,
        RecurrenceIdRole, // the original start, "" for plain events
        RecurringRole,
        AllDayRole,
        IsTaskRole,
        DoneRole,
        StartsBeforeRole,
        EndsAfterRole,
        StartRole, // local "yyyy-MM-ddTHH:mm" (all-day: "yyyy-MM-dd")
        EndRole,   // local; all-day: the last day, inclusive
    };
    Q_ENUM(Role)

    explicit OccurrenceModel(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString firstDay() const { return m_firstDay.toString(Qt::ISODate); }
    void setFirstDay(const QString &day);
    int days() const { return m_days; }
    void setDays(int days);
    bool showTasks() const { return m_showTasks; }
    void setShowTasks(bool show);
    bool active() const { return m_active; }
    void setActive(bool active);
    int laneCount() const { return m_laneCount; }
    int revision() const { return m_revision; }
    int occurrenceCount() const { return int(m_occurrences.size()); }
    QAbstractItemModel *timedBlocks() { return &m_timedBlocks; }
    QAbstractItemModel *spanBlocks() { return &m_spanBlocks; }

    // The zone the views are drawn in (the system's; tests set another).
    void setViewZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The day's occurrences and tasks in order (all-day first, then by
    // start), the first `limit` (all when negative): a month cell shows a
    // few and "+N more".
    Q_INVOKABLE QList<mana::calendar::OccurrencePiece> piecesOfDay(int dayIndex,
                                                                   int limit = -1) const;
    Q_INVOKABLE int countOfDay(int dayIndex) const;
    // Whether what the model holds is what the view shows now: active, read
    // at least once and no refresh waiting (tests and benchmarks).
    Q_INVOKABLE bool isUpToDate() const
    {
        return m_active && !m_stale && !m_refresh.isPending() && !m_soon.isActive() &&
               m_revision > 0;
    }
    // Re-reads now (tests and benchmarks; the model refreshes by itself).
    Q_INVOKABLE void refresh();

signals:
    void storeChanged();
    void languageChanged();
    void firstDayChanged();
    void daysChanged();
    void showTasksChanged();
    void activeChanged();
    void revisionChanged();

private:
    struct Piece
    {
        QString kind;
        int dayIndex = 0;
        int lastDayIndex = 0;
        int lane = 0;
        int column = 0;
        int columnCount = 1;
        int top = 0;
        int bottom = 0;
        bool startsBefore = false;
        bool endsAfter = false;
        int source = -1; // into m_occurrences, or -1 - task index
    };
    struct TaskItem
    {
        QString id;
        QString title;
        QDate day;
        bool done = false;
    };

    void connectStore();
    // A change of what is shown (day, period, activation): refreshed on the
    // next turn of the event loop, however recent the last refresh.
    void requestRefresh();
    // A change in the store: throttled, a few refreshes a second at most
    // while sync writes.
    void requestStoreRefresh();
    OccurrencePiece pieceOf(int source) const;
    QVariant valueOf(int source, int role) const;
    QString colorOf(const Occurrence &occurrence) const;
    QString timeTextOf(const Occurrence &occurrence) const;
    QString timeOf(const QDateTime &instant) const;

    QPointer<LocalStore> m_store;
    QString m_language = QStringLiteral("en");
    QDate m_firstDay = QDate::currentDate();
    int m_days = 7;
    bool m_showTasks = false;
    bool m_active = true;
    bool m_stale = false; // something changed while inactive
    QTimeZone m_viewZone = QTimeZone::systemTimeZone();
    RefreshThrottle m_refresh;
    QTimer m_soon;
    QList<QMetaObject::Connection> m_connections;

    QList<Occurrence> m_occurrences;
    QHash<QString, QString> m_calendarColors;
    QList<TaskItem> m_tasks;
    QList<Piece> m_rows;
    OccurrenceBlocks m_timedBlocks{this, QStringLiteral("timed")};
    OccurrenceBlocks m_spanBlocks{this, QStringLiteral("span")};
    QList<QList<int>> m_dayPieces; // per day: sources, in order
    int m_laneCount = 0;
    int m_revision = 0;
};

} // namespace mana::calendar
