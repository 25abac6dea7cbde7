#include "wiretestsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace mana::wire;
using mana::FieldState;

namespace wiretest {

QByteArray serialise(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue rootValue(const QJsonDocument &document)
{
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QString describe(const Change &change)
{
    return QString::fromUtf8(serialise(change.toJson()));
}

std::optional<Changeset> parseChangeset(const QByteArray &body, QString *error)
{
    const std::optional<QJsonDocument> document = parseBody(body, error);
    if (!document)
        return std::nullopt;
    return Changeset::fromJson(rootValue(*document), error);
}

std::optional<SyncResponse> parseResponse(const QByteArray &body, QString *error)
{
    const std::optional<QJsonDocument> document = parseBody(body, error);
    if (!document)
        return std::nullopt;
    return SyncResponse::fromJson(rootValue(*document), error);
}

bool startsWithProtocolCode(const QString &error)
{
    static const QRegularExpression codePrefix(
        QStringLiteral("^(bad_request|invalid_json|payload_too_large|too_many_changes): \\S"));
    return codePrefix.match(error).hasMatch();
}

Change insertWithData()
{
    Change change;
    change.table = QStringLiteral("tasks");
    change.id = QStringLiteral("5f0c6a1e-2b7d-4c1e-9a43-1d2e3f4a5b6c");
    change.op = ChangeOp::Insert;
    change.data =
        QJsonObject{{"id", change.id}, {"title", "Buy milk"},           {"priority", "low"},
                    {"done", false},   {"tags", QJsonArray{"home", 2}}, {"createdAt", kT1},
                    {"updatedAt", kT2}};
    return change;
}

Change updateWithFields()
{
    Change change;
    change.table = QStringLiteral("tasks");
    change.id = QStringLiteral("t1");
    change.op = ChangeOp::Update;
    change.fields.insert(QStringLiteral("title"), FieldState{QStringLiteral("Bread"), kT2, "c2"});
    change.fields.insert(QStringLiteral("notes"), FieldState{QJsonValue::Null, kT2, QString()});
    change.fields.insert(QStringLiteral("deletedAt"), FieldState{QJsonValue::Null, kT3, "c2"});
    return change;
}

Change deleteAt(const QString &when)
{
    Change change;
    change.table = QStringLiteral("tasks");
    change.id = QStringLiteral("t1");
    change.op = ChangeOp::Delete;
    change.deletedAt = when;
    return change;
}

QByteArray changesetBody(const QByteArray &changesJson)
{
    return R"({"clientId":"client-1","appId":"todo","since":"1970-01-01T00:00:00.000Z",)"
           R"("changes":[)" +
           changesJson + "]}";
}

QByteArray nestedArrays(int count, const QByteArray &innermost)
{
    return QByteArray(count, '[') + innermost + QByteArray(count, ']');
}

} // namespace wiretest
