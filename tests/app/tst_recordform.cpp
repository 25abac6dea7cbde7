// The generic views' C++ side: every field type through the form's editor
// value and back, the form over a real store (new, edit of only what
// changed, refusals, reference picker, detail texts), and for every one of
// the 19 modules: the list model over its main collection changes exactly
// the rows an insert, an update and a delete touch.
#include "fieldeditorvalue.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "profilepreparer.h"
#include "recordform.h"
#include "recordlistmodel.h"
#include "recordpresentation.h"
#include "shellcontext.h"
#include "uilanguage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace mana;

namespace {

FieldSpec fieldOf(const QString &type)
{
    QString error;
    const QJsonObject json{{"name", "f"}, {"type", type}};
    const auto spec = CollectionSpec::fromJson(
        QJsonObject{
            {"name", "things"},
            {"fields", QJsonArray{json, QJsonObject{{"name", "other"}, {"type", "string?"}}}}},
        QStringLiteral("test"), &error);
    if (!spec)
        qFatal("bad test spec %s: %s", qPrintable(type), qPrintable(error));
    return spec->fields.first();
}

const QTimeZone berlin("Europe/Berlin");

// A value for every required field of `collection` without a default, so a
// record can be inserted; references get a fresh record in the referenced
// collection.
QJsonObject minimalRecord(LocalStore &store, Collection *collection, int depth = 0)
{
    QJsonObject values;
    for (const FieldSpec &field : collection->spec().fields) {
        if (field.optional || !field.defaultValue.isUndefined())
            continue;
        switch (field.type) {
        case FieldType::String:
        case FieldType::Text:
            values.insert(field.name, QStringLiteral("Test %1").arg(field.name));
            break;
        case FieldType::Number:
        case FieldType::Integer:
            values.insert(field.name, 1);
            break;
        case FieldType::Boolean:
            values.insert(field.name, false);
            break;
        case FieldType::Date:
            values.insert(field.name, QStringLiteral("2026-12-01"));
            break;
        case FieldType::DateTime:
            values.insert(field.name, QStringLiteral("2026-12-01T09:00:00.000Z"));
            break;
        case FieldType::Json:
            values.insert(field.name, QJsonArray{});
            break;
        case FieldType::Enum:
            values.insert(field.name, field.enumValues.first());
            break;
        case FieldType::Reference: {
            Collection *target =
                store.collection(collection->spec().appId, field.referencedCollection);
            if (!target || depth > 3)
                qFatal("cannot make a reference for %s", qPrintable(field.name));
            const WriteResult made = target->insert(minimalRecord(store, target, depth + 1));
            if (!made)
                qFatal("%s", qPrintable(made.error));
            values.insert(field.name, made.id);
            break;
        }
        }
    }
    return values;
}

} // namespace

class TestRecordForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editorRoundTrip_data();
    void editorRoundTrip();
    void editorRefusals_data();
    void editorRefusals();
    void readableJson_data();
    void readableJson();

    void newTaskSavesEveryField();
    void editWritesOnlyChangedFields();
    void refusalNamesTheField();
    void referencePickerListsReferencedRecords();
    void fieldsAreTyped();
    void detailTextsAreReadable();
    void deleteAndUndo();
    void storeRefusalIsInTheWindowsLanguage_data();
    void storeRefusalIsInTheWindowsLanguage();

    void listSearchFilterAndSort();
    void peopleAreNamedByBothNames();
    void everyModuleListUpdatesOnlyTouchedRows_data();
    void everyModuleListUpdatesOnlyTouchedRows();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    ModuleCatalog m_catalog;
    std::unique_ptr<ShellContext> m_context;
};

void TestRecordForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("guest.sqlite")), &error),
             qPrintable(error));
    m_catalog = ModuleCatalog::load();
    QVERIFY2(m_catalog.errors.isEmpty(), qPrintable(m_catalog.errors.join('\n')));
    ProfilePreparation preparation;
    // A new guest profile: the seeds are there, as on a first start.
    QVERIFY2(prepareProfile(*m_store, m_catalog, true, QStringLiteral("en"), &preparation),
             qPrintable(preparation.problems.join('\n')));
    m_context = std::make_unique<ShellContext>();
    m_context->modules()->setEntries(ModuleListModel::entriesFromCatalog(m_catalog));
    m_context->setCatalog(&m_catalog);
    m_context->setStore(m_store.get());
}

void TestRecordForm::cleanup()
{
    m_context.reset();
    m_store.reset();
    m_dir.reset();
}

void TestRecordForm::editorRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonValue>("stored");
    QTest::addColumn<QVariant>("editor");

    QTest::newRow("string") << "string" << QJsonValue("Milk") << QVariant("Milk");
    QTest::newRow("optional string, null")
        << "string?" << QJsonValue(QJsonValue::Null) << QVariant("");
    QTest::newRow("text, lines kept") << "text" << QJsonValue("a\nb") << QVariant("a\nb");
    QTest::newRow("number") << "number" << QJsonValue(2.5) << QVariant(2.5);
    QTest::newRow("integer") << "integer" << QJsonValue(42) << QVariant(qint64(42));
    QTest::newRow("optional integer, null")
        << "integer?" << QJsonValue(QJsonValue::Null) << QVariant();
    QTest::newRow("boolean true") << "boolean" << QJsonValue(true) << QVariant(true);
    QTest::newRow("boolean false") << "boolean" << QJsonValue(false) << QVariant(false);
    QTest::newRow("enum") << "low|medium|high" << QJsonValue("high") << QVariant("high");
    QTest::newRow("date") << "date" << QJsonValue("2026-02-28") << QVariant("2026-02-28");
    QTest::newRow("datetime, winter")
        << "datetime" << QJsonValue("2026-12-01T08:30:00.000Z") << QVariant("2026-12-01 09:30");
    QTest::newRow("datetime, summer")
        << "datetime" << QJsonValue("2026-07-01T07:05:00.000Z") << QVariant("2026-07-01 09:05");
    QTest::newRow("optional datetime, null")
        << "datetime?" << QJsonValue(QJsonValue::Null) << QVariant("");
    QTest::newRow("reference") << "->things" << QJsonValue("rec-1") << QVariant("rec-1");
    QTest::newRow("json array") << "json" << QJsonValue(QJsonArray{1, "two"})
                                << QVariant("[\n    1,\n    \"two\"\n]");
    QTest::newRow("json object") << "json" << QJsonValue(QJsonObject{{"a", true}})
                                 << QVariant("{\n    \"a\": true\n}");
    QTest::newRow("json string") << "json" << QJsonValue("hi") << QVariant("\"hi\"");
    QTest::newRow("json number") << "json" << QJsonValue(3) << QVariant("3");
    QTest::newRow("blob hash passes through")
        << "string" << QJsonValue("9847142e") << QVariant("9847142e");
}

void TestRecordForm::editorRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(QJsonValue, stored);
    QFETCH(QVariant, editor);
    const FieldSpec field = fieldOf(type);
    const QVariant shown = toEditorValue(field, stored, berlin);
    QCOMPARE(shown, editor);
    QString error;
    const std::optional<QJsonValue> back =
        fromEditorValue(field, shown, berlin, QStringLiteral("F"), {}, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, stored);
}

void TestRecordForm::editorRefusals_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QVariant>("editor");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<QString>("sentence");

    const double none = qQNaN();
    QTest::newRow("required empty")
        << "string" << QVariant("  ") << none << none << "“F” cannot be empty.";
    QTest::newRow("not a number") << "number" << QVariant("abc") << none << none
                                  << "“F” must be a number.";
    QTest::newRow("fraction for integer")
        << "integer" << QVariant("2.5") << none << none << "“F” must be a whole number.";
    QTest::newRow("below range") << "integer" << QVariant(-1) << 0.0 << 10.0
                                 << "“F” must be between 0 and 10.";
    QTest::newRow("above minimum only")
        << "number" << QVariant(-1) << 0.0 << none << "“F” must be at least 0.";
    QTest::newRow("bad enum") << "a|b" << QVariant("c") << none << none
                              << "Choose a value for “F”.";
    QTest::newRow("bad date") << "date" << QVariant("2026-02-30") << none << none
                              << "“F” needs a date like 2026-03-26.";
    QTest::newRow("bad datetime") << "datetime" << QVariant("tomorrow") << none << none
                                  << "“F” needs a date and time like 2026-03-26 14:30.";
    QTest::newRow("bad json") << "json" << QVariant("{\n\"a\": }") << none << none
                              << "“F” is not valid JSON (line 2: ";
    QTest::newRow("two json values") << "json" << QVariant("1, 2") << none << none
                                     << "“F” is not valid JSON (line 1: more than one value).";
}

void TestRecordForm::editorRefusals()
{
    QFETCH(QString, type);
    QFETCH(QVariant, editor);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(QString, sentence);
    EditorRange range;
    if (!qIsNaN(minimum))
        range.minimum = minimum;
    if (!qIsNaN(maximum))
        range.maximum = maximum;
    QString error;
    const auto stored =
        fromEditorValue(fieldOf(type), editor, berlin, QStringLiteral("F"), range, &error);
    QVERIFY(!stored);
    // Qt words JSON parse errors itself; the line is ours.
    if (sentence.endsWith(u": "))
        QVERIFY2(error.startsWith(sentence), qPrintable(error));
    else
        QCOMPARE(error, sentence);
}

void TestRecordForm::readableJson_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("subtasks") << QJsonValue(QJsonArray{
                                     QJsonObject{{"title", "Milk"}, {"isCompleted", true}},
                                     QJsonObject{{"title", "Bread"}, {"isCompleted", false}}})
                              << "☑ Milk\n☐ Bread";
    QTest::newRow("list of names")
        << QJsonValue(QJsonArray{QJsonObject{{"name", "A"}}, "b"}) << "• A\n• b";
    QTest::newRow("object") << QJsonValue(QJsonObject{{"a", 1}, {"b", true}}) << "a: 1\nb: Yes";
    QTest::newRow("scalar") << QJsonValue("x") << "x";
}

void TestRecordForm::readableJson()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(mana::readableJson(value), text);
}

void TestRecordForm::newTaskSavesEveryField()
{
    Collection *projects = m_store->collection("todo", "projects");
    const WriteResult project = projects->insert({{"name", "Garden"}});
    QVERIFY(project);

    RecordForm form;
    form.setTimeZone(berlin);
    form.setContext(m_context.get());
    form.setAppId("todo");
    form.setCollectionName("tasks");
    QVERIFY(form.isNew());
    QCOMPARE(form.value("priority").toString(), QStringLiteral("medium")); // manifest default
    QCOMPARE(form.value("isCompleted").toBool(), false);
    form.setValue("title", "Water the roses");
    form.setValue("description", "Before noon\nnot at midday");
    form.setValue("projectId", project.id);
    form.setValue("priority", "high");
    form.setValue("dueDate", "2026-12-02 11:00");
    form.setValue("estimatedDuration", "15");
    form.setValue("subtasks",
                  "[{\"id\": \"s1\", \"title\": \"Can\", \"isCompleted\": false, \"order\": 0}]");
    QSignalSpy saved(&form, &RecordForm::saved);
    QVERIFY2(form.save(), qPrintable(form.error()));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!form.isNew());

    const auto stored = m_store->collection("todo", "tasks")->get(form.recordId());
    QVERIFY(stored);
    QCOMPARE(stored->value("title").toString(), QStringLiteral("Water the roses"));
    QCOMPARE(stored->value("description").toString(), QStringLiteral("Before noon\nnot at midday"));
    QCOMPARE(stored->value("projectId").toString(), project.id);
    QCOMPARE(stored->value("priority").toString(), QStringLiteral("high"));
    QCOMPARE(stored->value("dueDate").toString(), QStringLiteral("2026-12-02T10:00:00.000Z"));
    QCOMPARE(stored->value("estimatedDuration").toInt(), 15);
    QCOMPARE(stored->value("subtasks").toArray().first().toObject().value("title").toString(),
             QStringLiteral("Can"));
    QVERIFY(stored->value("recurrenceRule").isNull());
}

void TestRecordForm::editWritesOnlyChangedFields()
{
    Collection *tasks = m_store->collection("todo", "tasks");
    // Seconds the minute-precision editor cannot show must survive an edit.
    const WriteResult made = tasks->insert(
        {{"title", "Call Anna"}, {"dueDate", "2026-12-02T10:00:42.123Z"}, {"order", 3}});
    QVERIFY(made);
    const QString dueStampBefore = tasks->recordState(made.id).value("dueDate").updatedAt;

    RecordForm form;
    form.setTimeZone(berlin);
    form.bind(tasks, m_catalog.info(u"todo"), "en");
    form.setRecordId(made.id);
    QCOMPARE(form.value("title").toString(), QStringLiteral("Call Anna"));
    QVERIFY(!form.isDirty());
    form.setValue("title", "Call Anna back");
    QVERIFY(form.isDirty());
    QSignalSpy changed(tasks, &Collection::changed);
    QVERIFY2(form.save(), qPrintable(form.error()));
    QCOMPARE(changed.count(), 1);

    const auto stored = tasks->get(made.id);
    QCOMPARE(stored->value("title").toString(), QStringLiteral("Call Anna back"));
    QCOMPARE(stored->value("dueDate").toString(), QStringLiteral("2026-12-02T10:00:42.123Z"));
    QCOMPARE(tasks->recordState(made.id).value("dueDate").updatedAt, dueStampBefore);

    // Nothing changed: nothing written.
    QVERIFY(form.save());
    QCOMPARE(changed.count(), 1);
}

void TestRecordForm::refusalNamesTheField()
{
    RecordForm form;
    form.bind(m_store->collection("todo", "tasks"), m_catalog.info(u"todo"), "en");
    form.setValue("title", "");
    form.setValue("estimatedDuration", "-5");
    QVERIFY(!form.save());
    QVERIFY(form.fieldErrors().contains("title"));
    QVERIFY(form.fieldErrors().contains("estimatedDuration"));
    QVERIFY2(form.error().contains(u"Title"), qPrintable(form.error()));
    form.setValue("title", "ok");
    QVERIFY(!form.fieldErrors().contains("title"));
    QCOMPARE(m_store->collection("todo", "tasks")->count(), 3); // the seeds only
}

void TestRecordForm::referencePickerListsReferencedRecords()
{
    Collection *projects = m_store->collection("todo", "projects");
    QVERIFY(projects->insert({{"name", "work"}}));
    QVERIFY(projects->insert({{"name", "Garden"}}));
    const WriteResult gone = projects->insert({{"name", "Old"}});
    QVERIFY(projects->remove(gone.id));

    RecordForm form;
    form.bind(m_store->collection("todo", "tasks"), m_catalog.info(u"todo"), "en");
    const QList<ReferenceChoice> choices = form.referenceChoices("projectId");
    QStringList titles;
    for (const ReferenceChoice &choice : choices) {
        titles.append(choice.title);
        QCOMPARE(projects->get(choice.id)->value("name").toString(), choice.title);
    }
    QCOMPARE(titles, (QStringList{"Garden", "work"}));
    QVERIFY(form.referenceChoices("title").isEmpty());
}

// The form's fields are value types, in manifest order, with what the
// editors need: the kind as FieldKind, the enum's choices with their
// labels, the manifest's range and unit, the referenced collection.
void TestRecordForm::fieldsAreTyped()
{
    RecordForm form;
    form.bind(m_store->collection("todo", "tasks"), m_catalog.info(u"todo"), "de");
    const QList<FormField> fields = form.property("fields").value<QList<FormField>>();
    QCOMPARE(fields, form.fields());
    QStringList names;
    for (const FormField &field : fields)
        names.append(field.name);
    QCOMPARE(names, (QStringList{"title", "description", "projectId", "priority", "isCompleted",
                                 "completedAt", "dueDate", "estimatedDuration", "order",
                                 "recurrenceRule", "subtasks", "metadata"}));

    FormField title;
    title.name = "title";
    title.label = "Titel";
    title.kind = FieldKind::Line;
    QCOMPARE(fields.at(0), title);

    FormField project;
    project.name = "projectId";
    project.label = fields.at(2).label;
    project.kind = FieldKind::Reference;
    project.optional = true;
    project.referenceCollection = "projects";
    QCOMPARE(fields.at(2), project);

    const FormField &priority = fields.at(3);
    QCOMPARE(priority.kind, FieldKind::Choice);
    QCOMPARE(priority.kindValue(), int(FieldKind::Choice));
    QCOMPARE(
        priority.choices,
        (QList<FieldChoice>{
            {"low", "Niedrig"}, {"medium", "Mittel"}, {"high", "Hoch"}, {"urgent", "Dringend"}}));
    QCOMPARE(fields.at(4).kind, FieldKind::Toggle);
    QCOMPARE(fields.at(6).kind, FieldKind::DateTime);

    const FormField &estimate = fields.at(7);
    QCOMPARE(estimate.kind, FieldKind::Integer);
    QVERIFY(estimate.optional);
    QVERIFY(estimate.hasMinimum && estimate.hasMaximum);
    QCOMPARE(estimate.minimum, 0.0);
    QCOMPARE(estimate.maximum, 10080.0);
    QCOMPARE(estimate.unit, QStringLiteral("Min."));
    QCOMPARE(fields.at(8).kind, FieldKind::Number);
    QVERIFY(!fields.at(8).hasMinimum && !fields.at(8).hasMaximum);
    QCOMPARE(fields.at(10).kind, FieldKind::Json);
}

void TestRecordForm::detailTextsAreReadable()
{
    Collection *projects = m_store->collection("todo", "projects");
    const WriteResult project = projects->insert({{"name", "Garden"}});
    Collection *tasks = m_store->collection("todo", "tasks");
    const WriteResult task = tasks->insert(
        {{"title", "Plant"},
         {"projectId", project.id},
         {"priority", "urgent"},
         {"isCompleted", true},
         {"estimatedDuration", 30},
         {"subtasks", QJsonArray{QJsonObject{{"title", "Dig"}, {"isCompleted", true}}}}});
    RecordForm form;
    form.bind(tasks, m_catalog.info(u"todo"), "en");
    form.setRecordId(task.id);
    QCOMPARE(form.displayText("projectId"), QStringLiteral("Garden"));
    QCOMPARE(form.displayText("isCompleted"), QStringLiteral("Yes"));
    QCOMPARE(form.displayText("subtasks"), QStringLiteral("☑ Dig"));
    QCOMPARE(form.displayText("description"), QString());
    QVERIFY(form.displayText("priority").compare(u"urgent", Qt::CaseInsensitive) == 0);
    QVERIFY(form.displayText("estimatedDuration").startsWith(u"30"));
    QVERIFY(projects->remove(project.id));
    form.revert();
    QCOMPARE(form.displayText("projectId"), QStringLiteral("(removed)"));
}

void TestRecordForm::deleteAndUndo()
{
    Collection *tasks = m_store->collection("todo", "tasks");
    const WriteResult task = tasks->insert({{"title", "Keep me"}, {"priority", "high"}});
    QVERIFY(m_context->removeRecord("todo", "tasks", task.id).isEmpty());
    QVERIFY(!tasks->get(task.id));
    QVERIFY(m_context->restoreRecord("todo", "tasks", task.id).isEmpty());
    const auto back = tasks->get(task.id);
    QVERIFY(back);
    QCOMPARE(back->value("title").toString(), QStringLiteral("Keep me"));
    QCOMPARE(back->value("priority").toString(), QStringLiteral("high"));
    QVERIFY(!m_context->removeRecord("todo", "nope", task.id).isEmpty());
}

// Issue 14: the store says why it refused a write as a code, and the form
// and the shell say it in the window's language. A German window once
// showed the store's English ("Field "projectId" must be the id of a record
// in "projects", …", SQLite's "attempt to write a readonly database …").
void TestRecordForm::storeRefusalIsInTheWindowsLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("storageFails"); // else the values are refused
    QTest::addColumn<QString>("sentence");
    // A reference no record can have (too long an id): the editor passes it
    // on, the store refuses it (WrongType), the form names the field by its
    // label in the window's language.
    QTest::newRow("German, validation")
        << "de" << false << "„Projekt“ muss auf einen vorhandenen Eintrag verweisen.";
    QTest::newRow("English, validation")
        << "en" << false << "“Project” must point to a record that exists.";
    // The connection may no longer write (as a file made read-only under
    // the running app): SQLITE_READONLY, a write failure (ReadOnly).
    QTest::newRow("German, write failure")
        << "de" << true
        << "Dieses Profil ist schreibgeschützt, daher wurde die Änderung nicht gespeichert.";
    QTest::newRow("English, write failure")
        << "en" << true << "This profile is read-only, so the change was not saved.";
}

void TestRecordForm::storeRefusalIsInTheWindowsLanguage()
{
    QFETCH(QString, language);
    QFETCH(bool, storageFails);
    QFETCH(QString, sentence);
    UiLanguage uiLanguage;
    QVERIFY(uiLanguage.apply(language));
    m_context->modules()->setLanguage(language);

    RecordForm form;
    form.bind(m_store->collection("todo", "tasks"), m_catalog.info(u"todo"), language);
    form.setValue("title", "Sow tomatoes");
    if (storageFails)
        QVERIFY(QSqlQuery(m_store->database()).exec(QStringLiteral("PRAGMA query_only = 1")));
    else
        form.setValue("projectId", QString(200, u'x'));
    QVERIFY(!form.save());
    QCOMPARE(form.error(), sentence);
    if (!storageFails)
        QCOMPARE(form.fieldErrors().value("projectId").toString(), sentence);

    // The generic views' writes (ShellContext) say it the same way.
    const QString created = m_context->createRecord("todo", "tasks", "Water the basil");
    if (storageFails)
        QCOMPARE(created, sentence);
    else
        QCOMPARE(created, QString());
    const QString removed = m_context->removeRecord("todo", "tasks", "no-such-task");
    QCOMPARE(removed, language == u"de" ? QStringLiteral("Dieser Eintrag existiert nicht mehr.")
                                        : QStringLiteral("This record no longer exists."));
}

void TestRecordForm::listSearchFilterAndSort()
{
    Collection *tasks = m_store->collection("todo", "tasks");
    QVERIFY(tasks->insert({{"title", "Café order"}, {"priority", "urgent"}, {"order", 10}}));
    QVERIFY(tasks->insert({{"title", "Cafeteria menu"}, {"priority", "low"}, {"order", 11}}));

    RecordListModel model;
    model.setContext(m_context.get());
    model.setAppId("todo");
    model.setCollectionName("tasks");
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.totalCount(), 5);

    model.setSearchText("cafe");
    QCOMPARE(model.rowCount(), 2);
    model.setSearchText("CAFÉ ord");
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.get(0).value("title").toString(), QStringLiteral("Café order"));
    QCOMPARE(model.totalCount(), 5);
    QCOMPARE(model.matchCount(), 1); // "1 of 5 records" under the list

    model.setSearchText("");
    model.setFilters({{"priority", "urgent"}});
    QCOMPARE(model.rowCount(), 1);
    // An edit that leaves the filter removes the row; one that enters adds it.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString urgentId = model.get(0).value("id").toString();
    QVERIFY(tasks->update(urgentId, {{"priority", "high"}}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(tasks->update(urgentId, {{"priority", "urgent"}}));
    QCOMPARE(inserted.count(), 1);

    model.setFilters({{"isCompleted", false}});
    QCOMPARE(model.rowCount(), 5);
    model.setFilters({});
    model.setSortField("title");
    QCOMPARE(model.get(0).value("title").toString(), QStringLiteral("Café order"));
    model.setSortDescending(true);
    QCOMPARE(model.get(0).value("title").toString(), QStringLiteral("Welcome to Todo!"));

    const QList<FilterOption> filters = model.filterOptions();
    QCOMPARE(filters.size(), 2);
    QCOMPARE(filters.at(0).name, QStringLiteral("priority"));
    QCOMPARE(filters.at(0).label, QStringLiteral("Priority"));
    QCOMPARE(filters.at(0).choices.at(3), (FieldChoice{"urgent", "Urgent"}));
    QCOMPARE(filters.at(1),
             (FilterOption{"isCompleted", "Completed", {{true, "Yes"}, {false, "No"}}}));
    QCOMPARE(model.property("filterOptions").value<QList<FilterOption>>(), filters);
    const QList<SortOption> sorts = model.sortOptions();
    QCOMPARE(sorts.constFirst(), (SortOption{"title", "Title"}));
    QCOMPARE(sorts.constLast(), (SortOption{"updatedAt", "Last changed"}));
    QCOMPARE(model.property("sortOptions").value<QList<SortOption>>(), sorts);
}

void TestRecordForm::peopleAreNamedByBothNames()
{
    Collection *contacts = m_store->collection("contacts", "contacts");
    QVERIFY(contacts);
    QVERIFY(contacts->insert({{"firstName", "Grace"}}));
    RecordListModel model;
    model.setContext(m_context.get());
    model.setAppId("contacts");
    model.setCollectionName("contacts");
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row)
        titles.append(model.data(model.index(row), RecordListModel::TitleRole).toString());
    QVERIFY2(titles.contains("Sam Example"), qPrintable(titles.join(", ")));
    QVERIFY2(titles.contains("Grace"), qPrintable(titles.join(", ")));
}

void TestRecordForm::everyModuleListUpdatesOnlyTouchedRows_data()
{
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QString>("collectionName");
    const ModuleCatalog catalog = ModuleCatalog::load();
    for (const ModuleInfo &info : catalog.infos) {
        const QString first = info.spec.collections.first().wireName;
        QTest::addRow("%s/%s", qPrintable(info.appId()), qPrintable(first))
            << info.appId() << first;
    }
    QCOMPARE(catalog.infos.size(), 19);
}

void TestRecordForm::everyModuleListUpdatesOnlyTouchedRows()
{
    QFETCH(QString, appId);
    QFETCH(QString, collectionName);
    Collection *collection = m_store->collection(appId, collectionName);
    QVERIFY(collection);

    RecordListModel model;
    model.setContext(m_context.get());
    model.setAppId(appId);
    model.setCollectionName(collectionName);
    QVERIFY(model.error().isEmpty());
    const int before = model.rowCount();

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    const WriteResult made = collection->insert(minimalRecord(*m_store, collection));
    QVERIFY2(made, qPrintable(made.error));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), inserted.first().at(2).toInt()); // one row
    QCOMPARE(model.rowCount(), before + 1);
    const int row = model.indexOfId(made.id);
    QCOMPARE(inserted.first().at(1).toInt(), row);

    // An edit of a field the order does not depend on: exactly that row.
    const RecordPresentation presentation(collection->spec());
    const FieldSpec *edited = nullptr;
    for (const FieldSpec &field : collection->spec().fields) {
        if ((field.type == FieldType::String || field.type == FieldType::Text) &&
            field.name != presentation.sortField()) {
            edited = &field;
            break;
        }
    }
    if (edited) {
        QVERIFY(collection->update(made.id, {{edited->name, QStringLiteral("Changed")}}));
        QCOMPARE(changed.count() + moved.count() >= 1, true);
        for (const QList<QVariant> &signal : changed) {
            QCOMPARE(signal.at(0).toModelIndex().row(), model.indexOfId(made.id));
            QCOMPARE(signal.at(1).toModelIndex().row(), model.indexOfId(made.id));
        }
    }

    QVERIFY(collection->remove(made.id));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), removed.first().at(2).toInt());
    QCOMPARE(model.rowCount(), before);
    QCOMPARE(reset.count(), 0);
}

QTEST_MAIN(TestRecordForm)
#include "tst_recordform.moc"
