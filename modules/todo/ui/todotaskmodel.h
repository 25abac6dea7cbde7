// The tasks of one Todo view (Inbox, Today, Upcoming, a project, a label,
// Completed, or one column of a board view), sorted as the view sorts, with
// the roles the task rows show. Like every list in the suite it is a
// LiveQueryModel over the view's store query (taskviews.h, queryFor): rows
// load in pages, and a write to a task inserts, removes, moves or changes
// that one row.
#pragma once

#include "storequerymodel.h"
#include "taskviews.h"
#include "todotypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::todo {

class TodoTaskModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(mana::todo::TaskView::Value view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(QString projectId READ projectId WRITE setProjectId NOTIFY viewChanged)
    Q_PROPERTY(QString labelId READ labelId WRITE setLabelId NOTIFY viewChanged)
    // TaskView.Board: the boardViews record and the column index.
    Q_PROPERTY(QString boardId READ boardId WRITE setBoardId NOTIFY viewChanged)
    Q_PROPERTY(int column READ column WRITE setColumn NOTIFY viewChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        DescriptionRole,
        PriorityRole,
        CompletedRole,
        DueTextRole, // "Today 14:00", "Tomorrow", "Mon 7 Dec"; "" without due date
        OverdueRole,
        DayGroupRole, // "yyyy-MM-dd" of the local due day (Upcoming's sections)
        ProjectNameRole,
        ProjectColorRole,
        SubtasksDoneRole,
        SubtasksTotalRole,
        RecurringRole,
        OrderRole,
        RecordRole,
    };
    Q_ENUM(Role)

    explicit TodoTaskModel(QObject *parent = nullptr);

    TaskView::Value view() const { return m_view; }
    void setView(TaskView::Value view);
    QString projectId() const { return m_projectId; }
    void setProjectId(const QString &id);
    QString labelId() const { return m_labelId; }
    void setLabelId(const QString &id);
    QString boardId() const { return m_boardId; }
    void setBoardId(const QString &id);
    int column() const { return m_column; }
    void setColumn(int column);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOfId(const QString &id) const;
    Q_INVOKABLE QString idAt(int row) const;
    // The heading of an Upcoming section ("Tomorrow · Wednesday 2 December").
    Q_INVOKABLE QString dayTitle(const QString &dayGroup) const;

    // For tests: the local day and due texts depend on it.
    static QString dueText(const QDateTime &due, const QDateTime &now, const QTimeZone &zone);

signals:
    void viewChanged();

private:
    void rebind();
    // The view's query from its settings and the clock's day.
    void requery();
    ViewContext context() const;
    void refreshLabelTasks();
    void refreshBoardColumns();
    QJsonObject projectOf(const QJsonObject &task) const;

    void storeReplaced(LocalStore *previous) override;
    QPointer<Collection> m_tasks;
    QPointer<Collection> m_projects;
    QPointer<Collection> m_taskLabels;
    QPointer<Collection> m_boards;
    TaskView::Value m_view = TaskView::Inbox;
    QString m_projectId;
    QString m_labelId;
    QString m_boardId;
    int m_column = 0;
    QSet<QString> m_labelTaskIds;
    QJsonArray m_boardColumns;
    QHash<QString, QJsonObject> m_projectCache;
};

} // namespace mana::todo
