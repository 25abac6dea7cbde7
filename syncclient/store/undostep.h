// What one write group changed, kept so that it can be taken back as ONE
// step (LocalStore::writeGroupWithUndo and LocalStore::undo, in
// localstoreundo.cpp): "Project “X” deleted · Undo" brings back the project
// and its 40 tasks, not only the last record written. The rules are in
// docs/architecture.md ("Undo of a write group").
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mana {

struct UndoStep
{
    // One record the group wrote, as get(id, true) read it before the
    // group's first write to it and as the group left it (nullopt: there was
    // no such record). Every field value and deletedAt are in both.
    struct Record
    {
        QString appId;
        QString collection; // the collection's wire name
        QString id;
        std::optional<QJsonObject> before;
        std::optional<QJsonObject> after;

        bool insertedByGroup() const { return !before.has_value(); }
        // The fields (declared ones, not the store's own) whose value the
        // group changed: the only ones undo may set back.
        QStringList writtenFields() const;
        bool liveBefore() const;
        bool liveAfter() const;
        // Whether the group left the record as it found it (a write undone
        // alone inside the group, a field set to the value it had).
        bool unchanged() const;
    };

    int id = 0;            // 0: no step (the group failed or changed nothing)
    QString description;   // what the UI says, e.g. "Project “X” deleted"
    QList<Record> records; // in the order the group first wrote them

    bool isValid() const { return id > 0; }
    // The apps and collections ("<appId>/<wireName>") the step touches.
    QStringList appIds() const;
    QStringList collections() const;
};

} // namespace mana
