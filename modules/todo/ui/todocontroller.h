// What a person does in Todo besides editing fields: quick add with the
// open view's project or day, completing (a recurring task moves to its next
// occurrence instead), subtasks, manual order, board columns, projects,
// labels, recurrence through the picker, reminders. Every action is one or a
// few local writes; the sync engine sends them like any other.
#pragma once

#include "refreshthrottle.h"
#include "todotypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace mana {
class Collection;
class LocalStore;
struct WriteResult;
} // namespace mana

namespace mana::todo {

struct ParsedTodoIcs;

class TodoController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // "en" or "de": the recurrence descriptions.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // Projects by order, with their open tasks counted by the store (indexed
    // COUNTs), at once after a local edit and a few times a second at most
    // while sync writes; labels by name; boards by order.
    Q_PROPERTY(QList<mana::todo::TodoProject> projects READ projects NOTIFY projectsChanged)
    Q_PROPERTY(QList<mana::todo::TodoLabel> labels READ labels NOTIFY labelsChanged)
    Q_PROPERTY(QList<mana::todo::TodoBoard> boards READ boards NOTIFY boardsChanged)
    // Open tasks per view, for the navigation's counters.
    Q_PROPERTY(mana::todo::TodoCounts counts READ counts NOTIFY countsChanged)
    // .ics files (todoicsfiles.cpp): an import is being read; the last
    // import's or export's result line, or why it failed (one is empty).
    Q_PROPERTY(bool importing READ importing NOTIFY importingChanged)
    Q_PROPERTY(QString fileNotice READ fileNotice NOTIFY fileNoticeChanged)
    Q_PROPERTY(QString fileError READ fileError NOTIFY fileNoticeChanged)

public:
    explicit TodoController(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QList<TodoProject> projects() const { return m_projects; }
    QList<TodoLabel> labels() const;
    QList<TodoBoard> boards() const;
    TodoCounts counts() const { return m_counts; }
    bool importing() const { return m_importing; }
    QString fileNotice() const { return m_fileNotice; }
    QString fileError() const { return m_fileError; }

    // A task titled `title` in the open view. Today and Upcoming give it a
    // due day (all-day: local midnight: today, tomorrow), a project view
    // `projectId`, a label view `labelId` (the other ids are ignored).
    // Returns the new id, or "" (and lastError) when refused.
    Q_INVOKABLE QString quickAdd(const QString &title, mana::todo::TaskView::Value view,
                                 const QString &projectId = QString(),
                                 const QString &labelId = QString());
    // Completes an open task (a recurring one moves to its next occurrence
    // and stays open) or reopens a completed one.
    Q_INVOKABLE bool toggleCompleted(const QString &taskId);
    Q_INVOKABLE bool setSubtaskCompleted(const QString &taskId, const QString &subtaskId,
                                         bool done);
    Q_INVOKABLE bool addSubtask(const QString &taskId, const QString &title);
    Q_INVOKABLE bool removeSubtask(const QString &taskId, const QString &subtaskId);
    // Manual order: `taskId` goes between the two neighbours (either may be
    // ""), by giving it an `order` between theirs.
    Q_INVOKABLE bool moveBetween(const QString &taskId, const QString &beforeId,
                                 const QString &afterId);
    // A board drop: changes exactly the fields the column's match names.
    Q_INVOKABLE bool moveToBoardColumn(const QString &boardId, int column, const QString &taskId);
    // The board's columns in its order; none for a board that is gone.
    Q_INVOKABLE QList<mana::todo::BoardColumn> boardColumns(const QString &boardId) const;

    Q_INVOKABLE QString createProject(const QString &name, const QString &color);
    Q_INVOKABLE bool renameProject(const QString &projectId, const QString &name,
                                   const QString &color);
    Q_INVOKABLE bool setProjectArchived(const QString &projectId, bool archived);
    // `deleteTasks`: its tasks are deleted too; otherwise they move to the Inbox.
    Q_INVOKABLE bool deleteProject(const QString &projectId, bool deleteTasks);
    Q_INVOKABLE int projectTaskCount(const QString &projectId) const;

    Q_INVOKABLE QString createLabel(const QString &name, const QString &color);
    Q_INVOKABLE bool renameLabel(const QString &labelId, const QString &name, const QString &color);
    Q_INVOKABLE bool deleteLabel(const QString &labelId);
    Q_INVOKABLE QStringList labelsOfTask(const QString &taskId) const;
    Q_INVOKABLE bool setTaskLabel(const QString &taskId, const QString &labelId, bool on);

    // The picker's shape of a rule; a picker that does not repeat (the
    // defaults) for "" or a rule it cannot show.
    Q_INVOKABLE mana::todo::RecurrencePicker ruleToPicker(const QString &rrule) const;
    // "" for a picker that does not repeat, or one refused (lastError says
    // why).
    Q_INVOKABLE QString pickerToRule(const mana::todo::RecurrencePicker &picker) const;
    Q_INVOKABLE QString describeRule(const QString &rrule) const;
    // A picker that does not repeat removes the task's rule.
    Q_INVOKABLE bool setRecurrence(const QString &taskId,
                                   const mana::todo::RecurrencePicker &picker);

    // Reminders: minutes before the due time; one per task from this UI.
    Q_INVOKABLE int reminderMinutes(const QString &taskId) const;           // -1: none
    Q_INVOKABLE bool setReminder(const QString &taskId, int minutesBefore); // -1 removes

    Q_INVOKABLE QString lastError() const { return m_error; }

    // Tasks from an iCalendar file (VTODO, docs/todo.md "Import and
    // export"): read and parsed on a worker thread, written here in one
    // write group (one undo step, offered with the result line); a broken
    // file imports nothing and fileError names its line. `projectId` is
    // used with IcsImportInto.Project. importFinished tells when.
    Q_INVOKABLE void importFile(const QUrl &file, mana::todo::IcsImportInto::Value into,
                                const QString &projectId = QString());
    // Every task (or the project's, for a project id) to `file`, written
    // beside and renamed; fileNotice or fileError says how it went.
    Q_INVOKABLE bool exportFile(const QUrl &file, const QString &projectId = QString());

signals:
    void storeChanged();
    void languageChanged();
    void projectsChanged();
    void labelsChanged();
    void boardsChanged();
    void countsChanged();
    void errorOccurred(const QString &message);
    // An action that wrote several records is one undo step
    // (LocalStore::writeGroupWithUndo): the page shows `text` with an Undo
    // button, which gives `stepId` to ShellContext::undo.
    void undoOffered(int stepId, const QString &text);
    void importingChanged();
    void fileNoticeChanged();
    void importFinished(bool ok);

private:
    Collection *collection(const char *name) const;
    bool fail(const QString &message);
    // The sentence for a refused write, in the UI language (storeErrorText);
    // the store's technical text goes to the log.
    QString refusal(const WriteResult &result) const;
    bool updateTask(const QString &taskId, const QJsonObject &fields);
    // Runs `writes` as one write group (LocalStore::writeGroupWithUndo): it
    // returns the first failed write's sentence, and then nothing of it is
    // kept and the sentence is told (fail). Every action that writes more
    // than one record goes through here. What it changed is one undo step,
    // offered with `undoText` (undoOffered); an empty text offers none.
    bool writeTogether(const QString &undoText, const std::function<QString()> &writes);
    // The name of a project or label ("" when gone), for undo texts.
    QString nameOf(const char *collectionName, const QString &id) const;
    // A project's or label's name and colour (empty: none).
    bool renameNamedRecord(const char *collectionName, const QString &id, const QString &name,
                           const QString &color, const QString &missingName);

    // Recomputes m_projects and m_counts, telling QML what changed.
    void refreshCounts();
    QList<TodoProject> readProjects() const;
    TodoCounts readCounts() const;

    void finishImport(const ParsedTodoIcs &parsed, IcsImportInto::Value into,
                      const QString &projectId);
    void setFileResult(const QString &notice, const QString &error);

    QPointer<LocalStore> m_store;
    bool m_importing = false;
    QString m_fileNotice;
    QString m_fileError;
    QString m_language = QStringLiteral("en");
    QString m_error;
    RefreshThrottle m_countsRefresh;
    QList<TodoProject> m_projects;
    TodoCounts m_counts;
};

} // namespace mana::todo
