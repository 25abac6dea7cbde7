#include "malformedbodies.h"

namespace wiretest {

namespace {

const QByteArray kGoodUpdate =
    R"({"table":"tasks","id":"t1","op":"update",)"
    R"("fields":{"title":{"value":"Buy milk","updatedAt":"2026-03-26T14:01:05.123Z"}}})";

QByteArray update(const QByteArray &fieldsJson)
{
    return R"({"table":"tasks","id":"t1","op":"update","fields":)" + fieldsJson + '}';
}

QByteArray titleEntry(const QByteArray &entryJson)
{
    return update(R"({"title":)" + entryJson + '}');
}

} // namespace

QList<MalformedBody> malformedChangesetBodies()
{
    const QString badRequest = QStringLiteral("bad_request");
    const QString invalidJson = QStringLiteral("invalid_json");
    QList<MalformedBody> cases;
    auto add = [&cases](const char *name, const QByteArray &body, const QString &code,
                        const char *mention) {
        cases.append({name, body, code, QString::fromUtf8(mention)});
    };
    auto addChange = [&](const char *name, const QByteArray &change, const char *mention) {
        add(name, changesetBody(change), badRequest, mention);
    };

    // Syntax and shape of the body.
    add("not JSON", "hello", invalidJson, "");
    add("empty body", "", invalidJson, "");
    add("whitespace body", "  \n ", invalidJson, "");
    add("truncated JSON", changesetBody(kGoodUpdate).chopped(7), invalidJson, "");
    add("invalid UTF-8 in a string",
        changesetBody(titleEntry("{\"value\":\"\xff\xfe\","
                                 "\"updatedAt\":\"2026-03-26T14:01:05.123Z\"}")),
        invalidJson, "");
    add("array instead of object", "[" + kGoodUpdate + "]", badRequest, "");
    add("scalar body", "42", QString(), "");
    add("changes missing", R"({"clientId":"client-1","appId":"todo"})", badRequest, "changes");
    add("changes not an array", R"({"clientId":"client-1","changes":{}})", badRequest, "changes");
    add("number as clientId", R"({"clientId":7,"changes":[]})", badRequest, "clientId");
    add("number as since", R"({"clientId":"c","since":0,"changes":[]})", badRequest, "since");
    add("bad app id", R"({"clientId":"c","appId":"To Do!","changes":[]})", badRequest, "appId");
    add("app id of 33 chars",
        R"({"clientId":"c","appId":")" + QByteArray(33, 'a') + R"(","changes":[]})", badRequest,
        "appId");

    // One bad change.
    addChange("change not an object", R"("tasks")", "changes[0]");
    addChange("missing table",
              R"({"id":"t1","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].table");
    addChange("number as table",
              R"({"table":5,"id":"t1","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].table");
    addChange(
        "bad table name",
        R"({"table":"ta-sks","id":"t1","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
        "changes[0].table");
    addChange("empty table name",
              R"({"table":"","id":"t1","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].table");
    addChange("65-char table name",
              R"({"table":")" + QByteArray(65, 'a') +
                  R"(","id":"t1","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].table");
    addChange("missing id",
              R"({"table":"tasks","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].id");
    addChange("empty id",
              R"({"table":"tasks","id":"","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].id");
    addChange("number as id",
              R"({"table":"tasks","id":12,"op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].id");
    addChange("id over 128 bytes",
              R"({"table":"tasks","id":")" + QByteArray(129, 'x') +
                  R"(","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].id");
    // 43 three-byte characters: 43 UTF-16 units but 129 UTF-8 bytes.
    addChange("id over 128 UTF-8 bytes",
              R"({"table":"tasks","id":")" + QString(43, QChar(0x20AC)).toUtf8() +
                  R"(","op":"delete","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].id");
    addChange("missing op", R"({"table":"tasks","id":"t1","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].op");
    addChange("unknown op", R"({"table":"tasks","id":"t1","op":"upsert","fields":{}})",
              "changes[0].op");
    addChange("op in capitals",
              R"({"table":"tasks","id":"t1","op":"DELETE","deletedAt":"2026-03-26T14:01:05.123Z"})",
              "changes[0].op");
    addChange("insert with neither data nor fields", R"({"table":"tasks","id":"t1","op":"insert"})",
              "changes[0]");
    addChange("insert with data but no timestamp",
              R"({"table":"tasks","id":"t1","op":"insert","data":{"title":"x"}})", "changes[0]");
    addChange("data not an object", R"({"table":"tasks","id":"t1","op":"insert","data":[1]})",
              "changes[0].data");
    addChange(
        "bad key in data",
        R"({"table":"tasks","id":"t1","op":"insert","data":{"bad key":1,"updatedAt":"2026-03-26T14:01:05.123Z"}})",
        "changes[0].data");
    addChange(
        "data.updatedAt not a timestamp",
        R"({"table":"tasks","id":"t1","op":"insert","data":{"title":"x","updatedAt":"soon"}})",
        "changes[0].data.updatedAt");
    addChange(
        "data.createdAt a number",
        R"({"table":"tasks","id":"t1","op":"insert","data":{"title":"x","createdAt":1711461665}})",
        "changes[0].data.createdAt");
    addChange("update without fields", R"({"table":"tasks","id":"t1","op":"update"})",
              "changes[0].fields");
    addChange("update with empty fields", update("{}"), "changes[0].fields");
    addChange("fields not an object", update("[]"), "changes[0].fields");
    addChange("fields entry not an object", update(R"({"title":"Buy milk"})"),
              "changes[0].fields.title");
    addChange("bad field name",
              update(R"({"ti-tle":{"value":1,"updatedAt":"2026-03-26T14:01:05.123Z"}})"),
              "changes[0].fields");
    addChange("fields entry without value",
              titleEntry(R"({"updatedAt":"2026-03-26T14:01:05.123Z"})"),
              "changes[0].fields.title.value");
    addChange("fields entry without updatedAt", titleEntry(R"({"value":"x"})"),
              "changes[0].fields.title.updatedAt");
    addChange("bad timestamp", titleEntry(R"({"value":"x","updatedAt":"2026-03-26"})"),
              "changes[0].fields.title.updatedAt");
    addChange("impossible date",
              titleEntry(R"({"value":"x","updatedAt":"2026-02-30T10:00:00.000Z"})"),
              "changes[0].fields.title.updatedAt");
    addChange("number as updatedAt", titleEntry(R"({"value":"x","updatedAt":1711461665123})"),
              "changes[0].fields.title.updatedAt");
    addChange("number as clientId of a field",
              titleEntry(R"({"value":"x","updatedAt":"2026-03-26T14:01:05.123Z","clientId":3})"),
              "changes[0].fields.title.clientId");
    addChange("delete without deletedAt", R"({"table":"tasks","id":"t1","op":"delete"})",
              "changes[0].deletedAt");
    addChange("delete with null deletedAt",
              R"({"table":"tasks","id":"t1","op":"delete","deletedAt":null})",
              "changes[0].deletedAt");
    addChange("delete with bad deletedAt",
              R"({"table":"tasks","id":"t1","op":"delete","deletedAt":"yesterday"})",
              "changes[0].deletedAt");

    // The path names the right change in a longer list.
    add("bad timestamp in the fourth change",
        changesetBody(kGoodUpdate + ',' + kGoodUpdate + ',' + kGoodUpdate + ',' +
                      titleEntry(R"({"value":"x","updatedAt":"noon"})")),
        badRequest, "changes[3].fields.title.updatedAt: not a timestamp");

    // Limits.
    QByteArray tooMany;
    for (int i = 0; i < 1001; ++i)
        tooMany += (i ? "," : "") + kGoodUpdate;
    add("1001 changes", changesetBody(tooMany), QStringLiteral("too_many_changes"), "");
    // Root object, changes array, change, fields, title entry: 5 levels.
    add("depth 33",
        changesetBody(titleEntry(R"({"updatedAt":"2026-03-26T14:01:05.123Z","value":)" +
                                 nestedArrays(28) + '}')),
        badRequest, "nesting deeper than 32");
    add("depth 100000", nestedArrays(100000), badRequest, "nesting deeper than 32");
    add("unbalanced depth 100000", QByteArray(100000, '['), QString(), "");
    const QByteArray bigValue(4 * 1024 * 1024, 'x');
    add("body over 4 MiB",
        changesetBody(
            titleEntry(R"({"updatedAt":"2026-03-26T14:01:05.123Z","value":")" + bigValue + "\"}")),
        QStringLiteral("payload_too_large"), "");
    add("over 4 MiB of garbage: size is checked first", QByteArray(4 * 1024 * 1024 + 1, '{'),
        QStringLiteral("payload_too_large"), "");
    return cases;
}

QList<MalformedBody> malformedResponseBodies()
{
    QList<MalformedBody> cases;
    auto add = [&cases](const char *name, const QByteArray &body, const char *mention) {
        cases.append({name, body, QString(), QString::fromUtf8(mention)});
    };
    add("array instead of object", "[]", "");
    add("serverChanges missing", R"({"conflicts":[],"syncedUntil":"x"})", "serverChanges");
    add("serverChanges not an array", R"({"serverChanges":{},"syncedUntil":"x"})", "serverChanges");
    add("bad change", R"({"serverChanges":[{"table":1}],"syncedUntil":"x"})",
        "serverChanges[0].table");
    add("conflicts not an array", R"({"serverChanges":[],"conflicts":"none","syncedUntil":"x"})",
        "conflicts");
    add("number as syncedUntil", R"({"serverChanges":[],"syncedUntil":12})", "syncedUntil");
    add("string as hasMore", R"({"serverChanges":[],"syncedUntil":"x","hasMore":"yes"})",
        "hasMore");
    add("string as accepted", R"({"serverChanges":[],"syncedUntil":"x","accepted":"12"})",
        "accepted");
    add("negative accepted", R"({"serverChanges":[],"syncedUntil":"x","accepted":-1})", "accepted");
    add("fractional accepted", R"({"serverChanges":[],"syncedUntil":"x","accepted":1.5})",
        "accepted");
    add("adjusted not an array", R"({"serverChanges":[],"syncedUntil":"x","adjusted":{}})",
        "adjusted");
    add("adjusted entry with bad timestamp",
        R"({"serverChanges":[],"syncedUntil":"x","adjusted":[{"table":"tasks","id":"t1",)"
        R"("field":"title","updatedAt":"later"}]})",
        "adjusted[0].updatedAt");
    return cases;
}

} // namespace wiretest
