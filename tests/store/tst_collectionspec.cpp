// The collection spec is the contract between every module and the store:
// a type the parser reads wrongly becomes a wrong column, and a bad spec
// accepted silently becomes a table nobody can migrate. So every type, every
// refusal (with a message that names the problem) and the Todo manifest.
#include "collectionspec.h"
#include "storetestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace mana;
using mana::test::parseObject;

Q_DECLARE_METATYPE(mana::FieldType)

namespace {

QJsonObject collectionWithField(const QString &type)
{
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("items")},
                       {QStringLiteral("fields"),
                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("value")},
                                               {QStringLiteral("type"), type}}}}};
}

} // namespace

class TestCollectionSpec : public QObject
{
    Q_OBJECT

private slots:
    void parsesFieldTypes_data();
    void parsesFieldTypes();
    void tableNameIsAppPrefixed_data();
    void tableNameIsAppPrefixed();
    void parsesIndexes();
    void acceptsDefaults_data();
    void acceptsDefaults();
    void refusesInvalidSpec_data();
    void refusesInvalidSpec();
    void refusesInvalidModule_data();
    void refusesInvalidModule();
    void moduleFileErrorsNameTheFile();
    void roundTripsThroughJson_data();
    void roundTripsThroughJson();
    void todoModuleParses();
    void todoModuleMatchesAppsMd_data();
    void todoModuleMatchesAppsMd();
};

void TestCollectionSpec::parsesFieldTypes_data()
{
    QTest::addColumn<QString>("typeText");
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<bool>("optional");
    QTest::addColumn<QStringList>("enumValues");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("sqlType");

    const struct
    {
        const char *name;
        FieldType type;
        const char *sqlType;
    } baseTypes[] = {
        {"string", FieldType::String, "TEXT"},      {"text", FieldType::Text, "TEXT"},
        {"number", FieldType::Number, "REAL"},      {"integer", FieldType::Integer, "INTEGER"},
        {"boolean", FieldType::Boolean, "INTEGER"}, {"date", FieldType::Date, "TEXT"},
        {"datetime", FieldType::DateTime, "TEXT"},  {"json", FieldType::Json, "TEXT"}};
    for (const auto &base : baseTypes) {
        const QString name = QString::fromLatin1(base.name);
        QTest::addRow("%s", base.name) << name << base.type << false << QStringList() << QString()
                                       << QString::fromLatin1(base.sqlType);
        QTest::addRow("%s?", base.name) << name + u'?' << base.type << true << QStringList()
                                        << QString() << QString::fromLatin1(base.sqlType);
    }
    const QStringList priorities{"low", "medium", "high", "urgent"};
    QTest::newRow("enum") << "low|medium|high|urgent" << FieldType::Enum << false << priorities
                          << QString() << "TEXT";
    QTest::newRow("optional enum") << "low|medium|high|urgent?" << FieldType::Enum << true
                                   << priorities << QString() << "TEXT";
    QTest::newRow("two-value enum")
        << "a|b" << FieldType::Enum << false << QStringList{"a", "b"} << QString() << "TEXT";
    QTest::newRow("single-value enum")
        << "enum:only" << FieldType::Enum << false << QStringList{"only"} << QString() << "TEXT";
    QTest::newRow("optional single-value enum")
        << "enum:only?" << FieldType::Enum << true << QStringList{"only"} << QString() << "TEXT";
    QTest::newRow("enum: prefix with values")
        << "enum:x|y" << FieldType::Enum << false << QStringList{"x", "y"} << QString() << "TEXT";
    QTest::newRow("enum values with - _ . digits")
        << "in-progress|on_hold|v1.2" << FieldType::Enum << false
        << QStringList{"in-progress", "on_hold", "v1.2"} << QString() << "TEXT";
    QTest::newRow("enum of base type names")
        << "string|number" << FieldType::Enum << false << QStringList{"string", "number"}
        << QString() << "TEXT";
    QTest::newRow("reference") << "->projects" << FieldType::Reference << false << QStringList()
                               << "projects"
                               << "TEXT";
    QTest::newRow("optional reference")
        << "->projects?" << FieldType::Reference << true << QStringList() << "projects"
        << "TEXT";
    QTest::newRow("arrow reference") << QStringLiteral("→projects") << FieldType::Reference << false
                                     << QStringList() << "projects"
                                     << "TEXT";
    QTest::newRow("optional arrow reference")
        << QStringLiteral("→projects?") << FieldType::Reference << true << QStringList()
        << "projects"
        << "TEXT";
}

void TestCollectionSpec::parsesFieldTypes()
{
    QFETCH(QString, typeText);
    QFETCH(FieldType, type);
    QFETCH(bool, optional);
    QFETCH(QStringList, enumValues);
    QFETCH(QString, reference);
    QFETCH(QString, sqlType);

    QString error;
    const auto spec = CollectionSpec::fromJson(collectionWithField(typeText), "todo", &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->fields.size(), 1);
    const FieldSpec &field = spec->fields.first();
    QCOMPARE(field.name, QStringLiteral("value"));
    QCOMPARE(field.type, type);
    QCOMPARE(field.optional, optional);
    QCOMPARE(field.enumValues, enumValues);
    QCOMPARE(field.referencedCollection, reference);
    QCOMPARE(field.sqlType(), sqlType);
    QVERIFY(field.defaultValue.isUndefined());
    QCOMPARE(spec->field(u"value"), &field);
    QCOMPARE(spec->field(u"missing"), nullptr);
}

void TestCollectionSpec::tableNameIsAppPrefixed_data()
{
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QString>("wireName");
    QTest::addColumn<QString>("tableName");
    QTest::newRow("plain") << "todo"
                           << "tasks"
                           << "todo_tasks";
    QTest::newRow("dash in app id") << "mana-deck"
                                    << "cards"
                                    << "mana_deck_cards";
    QTest::newRow("camel case wire name") << "todo"
                                          << "boardViews"
                                          << "todo_boardViews";
}

void TestCollectionSpec::tableNameIsAppPrefixed()
{
    QFETCH(QString, appId);
    QFETCH(QString, wireName);
    QFETCH(QString, tableName);
    QJsonObject json = collectionWithField("string");
    json.insert("name", wireName);
    QString error;
    const auto spec = CollectionSpec::fromJson(json, appId, &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->appId, appId);
    QCOMPARE(spec->wireName, wireName);
    QCOMPARE(spec->tableName, tableName);
}

void TestCollectionSpec::parsesIndexes()
{
    QString error;
    const auto spec = CollectionSpec::fromJson(parseObject(R"({
        "name": "tasks",
        "fields": [{"name": "dueDate", "type": "datetime?"}, {"name": "projectId", "type": "string?"},
                   {"name": "order", "type": "number"}, {"name": "slug", "type": "string"}],
        "indexes": [["dueDate"], ["projectId", "order"], {"fields": ["slug"]},
                    {"fields": ["slug", "dueDate"], "unique": false}, ["updatedAt"]]
    })"),
                                               "todo", &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->indexes.size(), 5);
    QCOMPARE(spec->indexes[0].fields, QStringList{"dueDate"});
    QCOMPARE(spec->indexes[1].fields, (QStringList{"projectId", "order"}));
    QCOMPARE(spec->indexes[2].fields, QStringList{"slug"});
    QCOMPARE(spec->indexes[3].fields, (QStringList{"slug", "dueDate"}));
    QCOMPARE(spec->indexes[4].fields, QStringList{"updatedAt"});
    // Compound index names must not collide with the single ones.
    QStringList names;
    for (const IndexSpec &index : spec->indexes)
        names.append(index.sqlName(spec->tableName));
    names.removeDuplicates();
    QCOMPARE(names.size(), 5);

    const auto withoutIndexes =
        CollectionSpec::fromJson(collectionWithField("string"), "todo", &error);
    QVERIFY2(withoutIndexes, qPrintable(error));
    QVERIFY(withoutIndexes->indexes.isEmpty());
}

void TestCollectionSpec::acceptsDefaults_data()
{
    QTest::addColumn<QString>("typeText");
    QTest::addColumn<QJsonValue>("defaultValue");
    QTest::addColumn<QJsonValue>("stored");

    QTest::newRow("string") << "string" << QJsonValue("x") << QJsonValue("x");
    QTest::newRow("integer") << "integer" << QJsonValue(0) << QJsonValue(0);
    QTest::newRow("integer written as 3.0") << "integer?" << QJsonValue(3.0) << QJsonValue(3);
    QTest::newRow("number") << "number" << QJsonValue(1.5) << QJsonValue(1.5);
    QTest::newRow("boolean") << "boolean" << QJsonValue(false) << QJsonValue(false);
    QTest::newRow("enum") << "low|high" << QJsonValue("low") << QJsonValue("low");
    QTest::newRow("date") << "date" << QJsonValue("2026-03-26") << QJsonValue("2026-03-26");
    QTest::newRow("datetime is made canonical")
        << "datetime" << QJsonValue("2026-03-26T15:00:00+01:00")
        << QJsonValue("2026-03-26T14:00:00.000Z");
    QTest::newRow("json") << "json" << QJsonValue(QJsonArray{1, 2}) << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("null on optional")
        << "string?" << QJsonValue(QJsonValue::Null) << QJsonValue(QJsonValue::Null);
}

void TestCollectionSpec::acceptsDefaults()
{
    QFETCH(QString, typeText);
    QFETCH(QJsonValue, defaultValue);
    QFETCH(QJsonValue, stored);
    QJsonObject json = collectionWithField(typeText);
    QJsonArray fields = json.value("fields").toArray();
    QJsonObject field = fields.first().toObject();
    field.insert("default", defaultValue);
    fields[0] = field;
    json.insert("fields", fields);

    QString error;
    const auto spec = CollectionSpec::fromJson(json, "todo", &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->fields.first().defaultValue, stored);
}

void TestCollectionSpec::refusesInvalidSpec_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("appId");
    // Every string must appear in the message: the problem and what it is about.
    QTest::addColumn<QStringList>("mentions");

    auto row = [](const char *name, const char *json, QStringList mentions,
                  const QString &appId = QStringLiteral("todo")) {
        QTest::newRow(name) << QByteArray(json) << appId << mentions;
    };
    row("bad app id", R"({"name":"tasks","fields":[{"name":"a","type":"string"}]})", {"Todo App"},
        "Todo App");
    row("collection name missing", R"({"fields":[{"name":"a","type":"string"}]})",
        {"collection name"});
    row("collection name with a dash",
        R"({"name":"my-tasks","fields":[{"name":"a","type":"string"}]})", {"my-tasks"});
    row("collection name starting with a digit",
        R"({"name":"1tasks","fields":[{"name":"a","type":"string"}]})", {"1tasks"});
    row("collection name with SQL",
        R"({"name":"t\"; DROP TABLE x; --","fields":[{"name":"a","type":"string"}]})",
        {"DROP TABLE"});
    row("fields missing", R"({"name":"tasks"})", {"tasks", "fields"});
    row("fields empty", R"({"name":"tasks","fields":[]})", {"tasks", "fields"});
    row("fields not an array", R"({"name":"tasks","fields":{"a":"string"}})", {"tasks", "fields"});
    row("field not an object", R"({"name":"tasks","fields":["title"]})", {"tasks", "not valid"});
    row("field name with a space",
        R"({"name":"tasks","fields":[{"name":"due date","type":"date"}]})", {"tasks", "due date"});
    row("field name with a quote",
        R"({"name":"tasks","fields":[{"name":"a\" TEXT, evil","type":"string"}]})",
        {"tasks", "evil"});
    row("field name too long",
        R"({"name":"tasks","fields":[{"name":"a1234567890123456789012345678901234567890123456789012345678901234","type":"string"}]})",
        {"tasks", "a12345678901234567890"});
    row("reserved id", R"({"name":"tasks","fields":[{"name":"id","type":"string"}]})",
        {"tasks", "\"id\"", "reserved"});
    row("reserved createdAt",
        R"({"name":"tasks","fields":[{"name":"createdAt","type":"datetime"}]})",
        {"createdAt", "reserved"});
    row("reserved updatedAt",
        R"({"name":"tasks","fields":[{"name":"updatedAt","type":"datetime"}]})",
        {"updatedAt", "reserved"});
    row("reserved deletedAt",
        R"({"name":"tasks","fields":[{"name":"deletedAt","type":"datetime?"}]})",
        {"deletedAt", "reserved"});
    row("reserved underscore",
        R"({"name":"tasks","fields":[{"name":"_fieldMeta","type":"string"}]})",
        {"_fieldMeta", "reserved"});
    row("duplicate field",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"},{"name":"title","type":"text"}]})",
        {"title", "twice"});
    // SQLite's column names ignore case.
    row("field differing only in case",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"},{"name":"Title","type":"text"}]})",
        {"Title", "title", "twice"});
    row("reserved id in capitals", R"({"name":"tasks","fields":[{"name":"ID","type":"string"}]})",
        {"tasks", "\"ID\"", "reserved"});
    row("reserved createdAt in other case",
        R"({"name":"tasks","fields":[{"name":"CreatedAt","type":"datetime"}]})",
        {"CreatedAt", "reserved"});
    row("unknown type", R"({"name":"tasks","fields":[{"name":"title","type":"varchar"}]})",
        {"title", "varchar"});
    row("type in capitals", R"({"name":"tasks","fields":[{"name":"title","type":"String"}]})",
        {"title", "String"});
    row("type missing", R"({"name":"tasks","fields":[{"name":"title"}]})", {"title", "type"});
    row("type empty", R"({"name":"tasks","fields":[{"name":"title","type":""}]})",
        {"title", "type"});
    row("type only a question mark", R"({"name":"tasks","fields":[{"name":"title","type":"?"}]})",
        {"title", "type"});
    row("type not a string", R"({"name":"tasks","fields":[{"name":"title","type":5}]})",
        {"title", "type"});
    row("two question marks", R"({"name":"tasks","fields":[{"name":"title","type":"string??"}]})",
        {"title", "string?"});
    row("empty enum value", R"({"name":"tasks","fields":[{"name":"p","type":"a||b"}]})",
        {"\"p\"", "enum"});
    row("empty single-value enum", R"({"name":"tasks","fields":[{"name":"p","type":"enum:"}]})",
        {"\"p\"", "enum"});
    row("enum value twice", R"({"name":"tasks","fields":[{"name":"p","type":"a|b|a"}]})",
        {"\"p\"", "\"a\"", "twice"});
    row("enum value with a space",
        R"({"name":"tasks","fields":[{"name":"p","type":"to do|done"}]})", {"\"p\"", "to do"});
    row("single word is not an enum", R"({"name":"tasks","fields":[{"name":"p","type":"only"}]})",
        {"\"p\"", "only"});
    row("reference without a target", R"({"name":"tasks","fields":[{"name":"p","type":"->"}]})",
        {"\"p\"", "references"});
    row("reference to a bad name",
        R"({"name":"tasks","fields":[{"name":"p","type":"->my projects"}]})",
        {"\"p\"", "my projects"});
    row("index on a missing field",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":[["dueDate"]]})",
        {"tasks", "dueDate", "missing"});
    row("compound index with a missing field",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":[["title","order"]]})",
        {"tasks", "order"});
    row("object index on a missing field",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":[{"fields":["slug"]}]})",
        {"slug"});
    row("index naming a field twice",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":[["title","title"]]})",
        {"title", "twice"});
    row("empty index",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":[[]]})",
        {"tasks", "index"});
    row("index as a bare string",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":["title"]})",
        {"tasks", "index"});
    row("indexes not an array",
        R"({"name":"tasks","fields":[{"name":"title","type":"string"}],"indexes":{"title":1}})",
        {"tasks", "indexes"});
    row("unique index",
        R"({"name":"tasks","fields":[{"name":"slug","type":"string"}],"indexes":[{"fields":["slug"],"unique":true}]})",
        {"tasks", "unique", "offline"});
    row("default of the wrong type",
        R"({"name":"tasks","fields":[{"name":"count","type":"integer","default":"zero"}]})",
        {"count", "default", "zero"});
    row("default outside the enum",
        R"({"name":"tasks","fields":[{"name":"p","type":"low|high","default":"medium"}]})",
        {"\"p\"", "default", "medium"});
    row("null default on a required field",
        R"({"name":"tasks","fields":[{"name":"title","type":"string","default":null}]})",
        {"title", "default"});
    row("fractional default for an integer",
        R"({"name":"tasks","fields":[{"name":"count","type":"integer","default":1.5}]})",
        {"count", "default", "whole number"});
}

void TestCollectionSpec::refusesInvalidSpec()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, appId);
    QFETCH(QStringList, mentions);

    QString error;
    const auto spec = CollectionSpec::fromJson(parseObject(json), appId, &error);
    QVERIFY2(!spec, "an invalid spec was accepted");
    QVERIFY(!error.isEmpty());
    for (const QString &mention : mentions)
        QVERIFY2(error.contains(mention, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"").arg(error, mention)));
}

void TestCollectionSpec::refusesInvalidModule_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("reference to an unknown collection")
        << QByteArray(R"({
        "id":"todo","name":{"en":"Todo"},"collections":[
        {"name":"tasks","fields":[{"name":"projectId","type":"->projects?"}]}]})")
        << QStringList{"tasks.projectId", "projects"};
    QTest::newRow("reference to another app's collection") << QByteArray(R"({
        "id":"todo","name":{"en":"Todo"},"collections":[
        {"name":"tasks","fields":[{"name":"eventId","type":"->events"}]}]})")
                                                           << QStringList{"events"};
    QTest::newRow("collection declared twice") << QByteArray(R"({
        "id":"todo","name":{"en":"Todo"},"collections":[
        {"name":"tasks","fields":[{"name":"title","type":"string"}]},
        {"name":"tasks","fields":[{"name":"name","type":"string"}]}]})")
                                               << QStringList{"tasks", "twice"};
    // SQLite's table names ignore case: the two would share one table.
    QTest::newRow("collection declared twice in other case")
        << QByteArray(R"({
        "id":"todo","name":{"en":"Todo"},"collections":[
        {"name":"notes","fields":[{"name":"title","type":"string"}]},
        {"name":"Notes","fields":[{"name":"body","type":"string"}]}]})")
        << QStringList{"Notes", "notes", "twice"};
    QTest::newRow("bad module id") << QByteArray(R"({
        "id":"To Do","name":{"en":"Todo"},"collections":[]})")
                                   << QStringList{"To Do"};
    QTest::newRow("bad app id") << QByteArray(R"({
        "id":"todo","appId":"to_do","name":{"en":"Todo"},"collections":[]})")
                                << QStringList{"to_do"};
    QTest::newRow("no English name") << QByteArray(R"({
        "id":"todo","name":{"de":"Aufgaben"},"collections":[]})")
                                     << QStringList{"todo", "English"};
    QTest::newRow("collections missing") << QByteArray(R"({"id":"todo","name":{"en":"Todo"}})")
                                         << QStringList{"todo", "collections"};
    QTest::newRow("bad collection inside") << QByteArray(R"({
        "id":"todo","name":{"en":"Todo"},"collections":[
        {"name":"tasks","fields":[{"name":"title","type":"strng"}]}]})")
                                           << QStringList{"todo", "tasks", "title", "strng"};
}

void TestCollectionSpec::refusesInvalidModule()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, mentions);

    QString error;
    const auto module = ModuleSpec::fromJson(parseObject(json), &error);
    QVERIFY2(!module, "an invalid module was accepted");
    for (const QString &mention : mentions)
        QVERIFY2(error.contains(mention),
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"").arg(error, mention)));
}

void TestCollectionSpec::moduleFileErrorsNameTheFile()
{
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath("missing/module.json");
    QVERIFY(!ModuleSpec::fromFile(missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));

    const QString broken = dir.filePath("module.json");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id": "todo", "collections": [)");
    file.close();
    QVERIFY(!ModuleSpec::fromFile(broken, &error));
    QVERIFY2(error.contains(broken), qPrintable(error));
}

void TestCollectionSpec::roundTripsThroughJson_data()
{
    QTest::addColumn<QString>("typeText");
    for (const char *type :
         {"string", "text?", "number", "integer?", "boolean", "date?", "datetime", "json?",
          "low|medium|high", "a|b?", "enum:only", "enum:only?", "->items", "->items?"})
        QTest::newRow(type) << QString::fromUtf8(type);
}

// The applied spec is stored as toJson() and must read back as the same spec.
void TestCollectionSpec::roundTripsThroughJson()
{
    QFETCH(QString, typeText);
    QJsonObject json = collectionWithField(typeText);
    json.insert("indexes", QJsonArray{QJsonArray{"value"}, QJsonArray{"value", "updatedAt"}});
    QString error;
    const auto spec = CollectionSpec::fromJson(json, "todo", &error);
    QVERIFY2(spec, qPrintable(error));
    const auto again = CollectionSpec::fromJson(spec->toJson(), "todo", &error);
    QVERIFY2(again,
             qPrintable(QStringLiteral("toJson() gave %1 which is refused: %2")
                            .arg(QString::fromUtf8(
                                     QJsonDocument(spec->toJson()).toJson(QJsonDocument::Compact)),
                                 error)));
    QCOMPARE(again->toJson(), spec->toJson());
    const FieldSpec &a = spec->fields.first();
    const FieldSpec &b = again->fields.first();
    QCOMPARE(b.type, a.type);
    QCOMPARE(b.optional, a.optional);
    QCOMPARE(b.enumValues, a.enumValues);
    QCOMPARE(b.referencedCollection, a.referencedCollection);
    QCOMPARE(again->indexes.size(), 2);
    QCOMPARE(again->indexes[1].fields, (QStringList{"value", "updatedAt"}));
}

void TestCollectionSpec::todoModuleParses()
{
    QString error;
    const auto module = ModuleSpec::fromFile(QStringLiteral(MANA_TODO_MODULE_JSON), &error);
    QVERIFY2(module, qPrintable(error));
    QCOMPARE(module->id, QStringLiteral("todo"));
    QCOMPARE(module->appId, QStringLiteral("todo"));
    QCOMPARE(module->nameEn, QStringLiteral("Todo"));
    QVERIFY(!module->nameDe.isEmpty());
    QVERIFY(!module->icon.isEmpty());
    QVERIFY2(QRegularExpression("^#[0-9A-Fa-f]{6}$").match(module->color).hasMatch(),
             qPrintable(module->color));
    QStringList names;
    for (const CollectionSpec &collection : module->collections) {
        names.append(collection.wireName);
        QVERIFY2(!collection.indexes.isEmpty(),
                 qPrintable(collection.wireName + QStringLiteral(" has no index")));
    }
    QCOMPARE(names,
             (QStringList{"tasks", "projects", "labels", "taskLabels", "reminders", "boardViews"}));
    QCOMPARE(module->collection(u"tasks")->tableName, QStringLiteral("todo_tasks"));
}

void TestCollectionSpec::todoModuleMatchesAppsMd_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QStringList>("fields"); // "name:type" as APPS.md section 1 lists them

    QTest::newRow("tasks") << "tasks"
                           << QStringList{
                                  "title:string",          "description:text?",
                                  "projectId:->projects?", "priority:low|medium|high|urgent",
                                  "isCompleted:boolean",   "completedAt:datetime?",
                                  "dueDate:datetime?",     "estimatedDuration:integer?",
                                  "order:number",          "recurrenceRule:string?",
                                  "subtasks:json?",        "metadata:json?"};
    QTest::newRow("projects") << "projects"
                              << QStringList{"name:string",         "color:string?",
                                             "icon:string?",        "order:number",
                                             "isArchived:boolean?", "isDefault:boolean?"};
    QTest::newRow("labels") << "labels" << QStringList{"name:string", "color:string?"};
    QTest::newRow("taskLabels") << "taskLabels"
                                << QStringList{"taskId:->tasks", "labelId:->labels"};
    QTest::newRow("reminders") << "reminders"
                               << QStringList{"taskId:->tasks", "minutesBefore:integer",
                                              "type:push|email|both", "status:pending|sent|failed"};
    QTest::newRow("boardViews")
        << "boardViews"
        << QStringList{"name:string",  "icon:string?", "groupBy:status|priority|dueDate|tag|custom",
                       "columns:json", "filter:json?", "layout:kanban|grid|fokus",
                       "order:number"};
}

void TestCollectionSpec::todoModuleMatchesAppsMd()
{
    QFETCH(QString, collection);
    QFETCH(QStringList, fields);
    QString error;
    const auto module = ModuleSpec::fromFile(QStringLiteral(MANA_TODO_MODULE_JSON), &error);
    QVERIFY2(module, qPrintable(error));
    const CollectionSpec *spec = module->collection(collection);
    QVERIFY(spec);
    QStringList actual;
    for (const QJsonValue &field : spec->toJson().value("fields").toArray())
        actual.append(field["name"].toString() + u':' + field["type"].toString());
    QCOMPARE(actual, fields);
}

QTEST_GUILESS_MAIN(TestCollectionSpec)
#include "tst_collectionspec.moc"
