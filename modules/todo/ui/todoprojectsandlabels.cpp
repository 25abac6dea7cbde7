// TodoController: projects and labels - create, rename, archive, delete,
// and a task's labels.
#include "todocontroller.h"

#include "collection.h"
#include "localstore.h"

namespace mana::todo {

QString TodoController::createProject(const QString &name, const QString &color)
{
    Collection *projects = collection("projects");
    if (!projects || name.simplified().isEmpty()) {
        fail(projects ? tr("Give the project a name.")
                      : tr("No profile is open, so nothing can be saved."));
        return {};
    }
    double order = 0;
    for (const QJsonObject &project : projects->query())
        order = std::max(order, project.value(QStringLiteral("order")).toDouble() + 1);
    const WriteResult made = projects->insert(
        {{QStringLiteral("name"), name.simplified()},
         {QStringLiteral("color"), color.isEmpty() ? QJsonValue::Null : QJsonValue(color)},
         {QStringLiteral("order"), order}});
    if (!made)
        fail(refusal(made));
    return made.id;
}

bool TodoController::renameProject(const QString &projectId, const QString &name,
                                   const QString &color)
{
    return renameNamedRecord("projects", projectId, name, color, tr("Give the project a name."));
}

bool TodoController::renameNamedRecord(const char *collectionName, const QString &id,
                                       const QString &name, const QString &color,
                                       const QString &missingName)
{
    Collection *records = collection(collectionName);
    if (!records || name.simplified().isEmpty())
        return fail(missingName);
    const WriteResult result = records->update(
        id, {{QStringLiteral("name"), name.simplified()},
             {QStringLiteral("color"), color.isEmpty() ? QJsonValue::Null : QJsonValue(color)}});
    return result ? true : fail(refusal(result));
}

bool TodoController::setProjectArchived(const QString &projectId, bool archived)
{
    Collection *projects = collection("projects");
    const WriteResult result =
        projects ? projects->update(projectId, {{QStringLiteral("isArchived"), archived}})
                 : WriteResult{};
    return result ? true : fail(refusal(result));
}

int TodoController::projectTaskCount(const QString &projectId) const
{
    Collection *tasks = collection("tasks");
    return tasks ? tasks->count(
                       Query().where(QStringLiteral("projectId"), Query::Op::Equal, projectId))
                 : 0;
}

bool TodoController::deleteProject(const QString &projectId, bool deleteTasks)
{
    Collection *projects = collection("projects");
    Collection *tasks = collection("tasks");
    if (!projects || !tasks)
        return fail(tr("No profile is open, so nothing can be saved."));
    // The project and its tasks go together or not at all: one group, one
    // commit, the lists refresh once; one Undo brings all of it back.
    const QString undoText = tr("Project “%1” deleted").arg(nameOf("projects", projectId));
    return writeTogether(undoText, [&]() -> QString {
        for (const QJsonObject &task : tasks->query(
                 Query().where(QStringLiteral("projectId"), Query::Op::Equal, projectId))) {
            const QString id = task.value(QStringLiteral("id")).toString();
            const WriteResult result =
                deleteTasks ? tasks->remove(id)
                            : tasks->update(id, {{QStringLiteral("projectId"), QJsonValue::Null}});
            if (!result)
                return refusal(result);
        }
        const WriteResult removed = projects->remove(projectId);
        return removed ? QString() : refusal(removed);
    });
}

QString TodoController::createLabel(const QString &name, const QString &color)
{
    Collection *labels = collection("labels");
    if (!labels || name.simplified().isEmpty()) {
        fail(tr("Give the label a name."));
        return {};
    }
    const WriteResult made = labels->insert(
        {{QStringLiteral("name"), name.simplified()},
         {QStringLiteral("color"), color.isEmpty() ? QJsonValue::Null : QJsonValue(color)}});
    if (!made)
        fail(refusal(made));
    return made.id;
}

bool TodoController::renameLabel(const QString &labelId, const QString &name, const QString &color)
{
    return renameNamedRecord("labels", labelId, name, color, tr("Give the label a name."));
}

bool TodoController::deleteLabel(const QString &labelId)
{
    Collection *labels = collection("labels");
    Collection *links = collection("taskLabels");
    if (!labels || !links)
        return fail(tr("No profile is open, so nothing can be saved."));
    // The label and its links to tasks together, as one group.
    return writeTogether(tr("Label “%1” deleted").arg(nameOf("labels", labelId)), [&]() -> QString {
        for (const QJsonObject &link :
             links->query(Query().where(QStringLiteral("labelId"), Query::Op::Equal, labelId))) {
            const WriteResult unlinked = links->remove(link.value(QStringLiteral("id")).toString());
            if (!unlinked)
                return refusal(unlinked);
        }
        const WriteResult removed = labels->remove(labelId);
        return removed ? QString() : refusal(removed);
    });
}

QStringList TodoController::labelsOfTask(const QString &taskId) const
{
    QStringList ids;
    if (Collection *links = collection("taskLabels")) {
        for (const QJsonObject &link :
             links->query(Query().where(QStringLiteral("taskId"), Query::Op::Equal, taskId)))
            ids.append(link.value(QStringLiteral("labelId")).toString());
    }
    return ids;
}

bool TodoController::setTaskLabel(const QString &taskId, const QString &labelId, bool on)
{
    Collection *links = collection("taskLabels");
    if (!links)
        return fail(tr("No profile is open, so nothing can be saved."));
    const QList<QJsonObject> existing =
        links->query(Query()
                         .where(QStringLiteral("taskId"), Query::Op::Equal, taskId)
                         .where(QStringLiteral("labelId"), Query::Op::Equal, labelId));
    if (on && existing.isEmpty()) {
        const WriteResult made = links->insert(
            {{QStringLiteral("taskId"), taskId}, {QStringLiteral("labelId"), labelId}});
        return made ? true : fail(refusal(made));
    }
    if (on || existing.isEmpty())
        return true;
    return writeTogether(tr("Label “%1” removed").arg(nameOf("labels", labelId)), [&]() -> QString {
        for (const QJsonObject &link : existing) {
            const WriteResult removed = links->remove(link.value(QStringLiteral("id")).toString());
            if (!removed)
                return refusal(removed);
        }
        return {};
    });
}

} // namespace mana::todo
