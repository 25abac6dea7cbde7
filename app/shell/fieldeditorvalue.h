// The generic form's C++ side: how a stored field value becomes what an
// editor control holds, and back. QML never sees a stored datetime or a JSON
// document raw: a datetime is edited as local "yyyy-MM-dd" and "HH:mm", JSON
// as indented text, an empty optional field as an empty editor.
#pragma once

#include "collectionspec.h"
#include "shelltypes.h"

#include <QJsonValue>
#include <QString>
#include <QTimeZone>
#include <QVariant>
#include <optional>

namespace mana {

// Which control edits a field; QML picks the control by this name.
enum class EditorKind {
    Line,
    MultiLine,
    Number,
    Integer,
    Toggle,
    Choice,
    Date,
    DateTime,
    Reference,
    Json,
    // A "…Blob" field holds a file's content hash (PROTOCOL.md blobs): not
    // something to type; the app's own views import files.
    Blob
};

EditorKind editorKindOf(const FieldSpec &field);
QString editorKindName(EditorKind kind); // "line", "multiLine", "number", …, for logs
// The same kind as QML compares it (FieldKind.MultiLine, shelltypes.h).
FieldKind::Value fieldKindOf(EditorKind kind);

struct EditorRange
{
    std::optional<double> minimum;
    std::optional<double> maximum;
};

// Stored value → editor value:
//   line/multiLine/choice/reference: QString ("" for null)
//   number: double, integer: qint64, or an invalid QVariant for null
//   toggle: bool
//   date: "yyyy-MM-dd"; dateTime: "yyyy-MM-dd HH:mm" in `zone` ("" for null)
//   json: indented JSON text ("" for null)
QVariant toEditorValue(const FieldSpec &field, const QJsonValue &stored, const QTimeZone &zone);

// Editor value → stored value, or a sentence for the user (naming the
// field by `label`) and std::nullopt. An empty editor of an optional field
// stores null; of a required one it is refused. Numbers outside `range` are
// refused. Datetimes are read in `zone` and stored as canonical UTC.
std::optional<QJsonValue> fromEditorValue(const FieldSpec &field, const QVariant &editor,
                                          const QTimeZone &zone, const QString &label,
                                          const EditorRange &range, QString *error);

// A JSON value as a person reads it: a list of {title, isCompleted} as
// "☑ Milk" lines, an object as "key: value" lines, scalars as themselves.
QString readableJson(const QJsonValue &value);

} // namespace mana
