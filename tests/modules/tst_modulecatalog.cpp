// The 19 built-in modules as the app ships them (:/modules): every manifest
// loads and creates its tables, the navigation order is APPS.md's, ids and
// colours are unique, the fields match APPS.md, every icon is a real SVG,
// every module, collection, field and enum value has its display texts in
// English and German, and a broken module costs only itself.
#include "localstore.h"
#include "modulecatalog.h"

#include <QColor>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mana;
using namespace Qt::StringLiterals;

namespace {

// APPS.md, in its order.
const QStringList kAppsInOrder = {
    QStringLiteral("todo"),        QStringLiteral("zitare"),    QStringLiteral("calendar"),
    QStringLiteral("clock"),       QStringLiteral("cards"),     QStringLiteral("contacts"),
    QStringLiteral("picture"),     QStringLiteral("presi"),     QStringLiteral("inventar"),
    QStringLiteral("nutriphi"),    QStringLiteral("planta"),    QStringLiteral("storage"),
    QStringLiteral("chat"),        QStringLiteral("questions"), QStringLiteral("mukke"),
    QStringLiteral("context"),     QStringLiteral("photos"),    QStringLiteral("skilltree"),
    QStringLiteral("citycorners"),
};

const ModuleCatalog &shippedCatalog()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    return catalog;
}

// "type" of every field as the spec writes it back: {"tasks.priority": "low|medium|high|urgent"}.
QHash<QString, QString> fieldTypes(const ModuleSpec &module)
{
    QHash<QString, QString> types;
    for (const CollectionSpec &collection : module.collections) {
        const QJsonArray fields = collection.toJson().value(QLatin1String("fields")).toArray();
        for (const QJsonValue &field : fields) {
            types.insert(collection.wireName + u'.' + field[QLatin1String("name")].toString(),
                         field[QLatin1String("type")].toString());
        }
    }
    return types;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// Writes <root>/<id>/module.json and an icon, so ModuleCatalog::load(root)
// reads it like a shipped module.
void writeModule(const QTemporaryDir &root, const QString &id, const QByteArray &manifest)
{
    QVERIFY(QDir(root.path()).mkpath(id));
    writeFile(root.filePath(id + QStringLiteral("/module.json")), manifest);
    writeFile(root.filePath(id + QStringLiteral("/icon.svg")),
              "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"/>");
}

const QString kEn = u"en"_s;
const QString kDe = u"de"_s;

} // namespace

class TestModuleCatalog : public QObject
{
    Q_OBJECT

private slots:
    void loadsAllModulesInNavigationOrder();
    void idsNamesAndColoursAreUnique();
    void manifestCreatesCollections_data();
    void manifestCreatesCollections();
    void fieldsMatchAppsMd_data();
    void fieldsMatchAppsMd();
    void everyCollectionFieldListMatchesAppsMd_data();
    void everyCollectionFieldListMatchesAppsMd();
    void referencesAndRequiredBooleansAreUsable();
    void iconIsAMonochromeSvg_data();
    void iconIsAMonochromeSvg();
    void brokenModuleCostsOnlyItself();
    void everyModuleHasItsTexts_data();
    void everyModuleHasItsTexts();
    void rangesFitTheirFields_data();
    void rangesFitTheirFields();
    void accessorsGiveTheManifestTexts();
    void fallbacksWithoutTexts();
    void labelFromWireName_data();
    void labelFromWireName();
    void malformedTextsAreReported_data();
    void malformedTextsAreReported();
    void pageNamesAQmlTypeOfTheApp_data();
    void pageNamesAQmlTypeOfTheApp();
};

void TestModuleCatalog::loadsAllModulesInNavigationOrder()
{
    const ModuleCatalog &catalog = shippedCatalog();
    QVERIFY2(catalog.errors.isEmpty(), qPrintable(catalog.errors.join(u'\n')));
    QCOMPARE(catalog.infos.size(), kAppsInOrder.size());
    QCOMPARE(catalog.modules.size(), kAppsInOrder.size());
    for (int i = 0; i < kAppsInOrder.size(); ++i) {
        const ModuleInfo &info = catalog.infos.at(i);
        QCOMPARE(info.id(), kAppsInOrder.at(i));
        QCOMPARE(info.order, i + 1);
        QCOMPARE(catalog.modules.at(i).id, info.id());
        QCOMPARE(info.iconUrl, QUrl(QStringLiteral("qrc:/modules/%1/icon.svg").arg(info.id())));
        QCOMPARE(catalog.info(info.id()), &info);
    }
    QVERIFY(!catalog.info(u"nonexistent"));
}

void TestModuleCatalog::idsNamesAndColoursAreUnique()
{
    QSet<QString> ids, appIds, colours, englishNames;
    for (const ModuleInfo &info : shippedCatalog().infos) {
        ids.insert(info.id());
        appIds.insert(info.appId());
        QVERIFY2(QColor::isValidColorName(info.color()) && info.color().size() == 7,
                 qPrintable(info.color()));
        colours.insert(info.color().toUpper());
        englishNames.insert(info.name(QStringLiteral("en")));
        QVERIFY(!info.name(QStringLiteral("de")).isEmpty());
        QVERIFY(!info.spec.icon.isEmpty());
    }
    QCOMPARE(ids.size(), kAppsInOrder.size());
    QCOMPARE(appIds.size(), kAppsInOrder.size());
    QCOMPARE(colours.size(), kAppsInOrder.size());
    QCOMPARE(englishNames.size(), kAppsInOrder.size());

    const ModuleInfo *todo = shippedCatalog().info(u"todo");
    QCOMPARE(todo->name(QStringLiteral("de")), QStringLiteral("Aufgaben"));
    QCOMPARE(todo->name(QStringLiteral("fr")), QStringLiteral("Todo"));
}

void TestModuleCatalog::manifestCreatesCollections_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : kAppsInOrder)
        QTest::newRow(qPrintable(id)) << id;
}

void TestModuleCatalog::manifestCreatesCollections()
{
    QFETCH(QString, id);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    QVERIFY(!info->spec.collections.isEmpty());

    QTemporaryDir directory;
    LocalStore store;
    QString error;
    QVERIFY2(store.open(directory.filePath(QStringLiteral("guest.sqlite")), &error),
             qPrintable(error));
    QVERIFY2(store.addModule(info->spec, &error), qPrintable(error));
    for (const CollectionSpec &spec : info->spec.collections) {
        Collection *collection = store.collection(info->appId(), spec.wireName);
        QVERIFY2(collection, qPrintable(spec.wireName));
        QCOMPARE(collection->count(), 0);
        QVERIFY2(!spec.indexes.isEmpty(), qPrintable(spec.wireName));
    }
}

// A few apps in full detail; the others are covered by the field lists below.
void TestModuleCatalog::fieldsMatchAppsMd_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    const QList<std::array<const char *, 3>> rows = {
        {"todo", "tasks.priority", "low|medium|high|urgent"},
        {"todo", "tasks.projectId", "->projects?"},
        {"todo", "tasks.estimatedDuration", "integer?"},
        {"todo", "reminders.type", "push|email|both"},
        {"todo", "boardViews.layout", "kanban|grid|fokus"},
        {"calendar", "events.calendarId", "->calendars"},
        {"calendar", "events.startDate", "datetime"},
        {"calendar", "events.exceptionDates", "json?"},
        {"calendar", "calendars.isVisible", "boolean"},
        {"clock", "alarms.time", "string"},
        {"clock", "timers.status", "idle|running|paused|finished"},
        {"clock", "worldClocks.sortOrder", "number"},
        {"cards", "cards.difficulty", "integer"},
        {"cards", "cards.ease", "number?"},
        {"contacts", "contacts.birthday", "date?"},
        {"picture", "boardItems.imageId", "->images?"},
        {"picture", "boardItems.zIndex", "integer"},
        {"inventar", "items.status", "owned|lent|stored|for_sale|disposed"},
        {"inventar", "locations.parentId", "->locations?"},
        {"nutriphi", "meals.mealType", "breakfast|lunch|dinner|snack"},
        {"planta", "plants.healthStatus", "healthy|needs_attention|sick?"},
        {"planta", "plants.acquiredAt", "date?"},
        {"storage", "files.parentFolderId", "->folders?"},
        {"chat", "conversations.templateId", "->templates?"},
        {"questions", "questions.collectionId", "->collections?"},
        {"mukke", "markers.type", "verse|hook|bridge|intro|outro|drop|breakdown|custom"},
        {"context", "documents.type", "text|context|prompt"},
        {"photos", "albums.autoGenerateType", "date|location|camera?"},
        {"photos", "photoTags.tagId", "->tags"},
        {"skilltree", "skills.branch", "intellect|body|creativity|social|practical|mindset|custom"},
        {"citycorners", "locations.category",
         "sight|restaurant|shop|museum|cafe|bar|park|beach|hotel|event_venue|viewpoint"},
        {"citycorners", "favorites.locationId", "->locations"},
    };
    for (const auto &row : rows)
        QTest::addRow("%s %s", row[0], row[1]) << row[0] << row[1] << row[2];
}

void TestModuleCatalog::fieldsMatchAppsMd()
{
    QFETCH(QString, id);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    const auto types = fieldTypes(info->spec);
    QVERIFY2(types.contains(field), qPrintable(field));
    QCOMPARE(types.value(field), type);
}

// The field names of every collection of APPS.md, in its order (an app's
// own additions after them, each documented in docs/<app>.md).
void TestModuleCatalog::everyCollectionFieldListMatchesAppsMd_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("fields");
    const QList<std::array<const char *, 3>> rows = {
        {"todo", "tasks",
         "title description projectId priority isCompleted completedAt dueDate estimatedDuration "
         "order recurrenceRule subtasks metadata"},
        {"todo", "projects", "name color icon order isArchived isDefault"},
        {"todo", "labels", "name color"},
        {"todo", "taskLabels", "taskId labelId"},
        {"todo", "reminders", "taskId minutesBefore type status"},
        {"todo", "boardViews", "name icon groupBy columns filter layout order"},
        {"zitare", "favorites", "quoteId tagIds"},
        {"zitare", "lists", "name description quoteIds"},
        {"calendar", "calendars", "name color isDefault isVisible timezone"},
        // APPS.md's fields, then the four docs/calendar.md adds ("The records").
        {"calendar", "events",
         "calendarId title description location color startDate endDate allDay recurrenceRule "
         "exceptionDates reminders tagIds timezone seriesId recurrenceId uid"},
        {"clock", "alarms", "label time enabled repeatDays snoozeMinutes sound vibrate"},
        {"clock", "timers",
         "label durationSeconds remainingSeconds status startedAt pausedAt sound"},
        {"clock", "worldClocks", "timezone cityName sortOrder"},
        {"cards", "decks", "name description color cardCount lastStudied isPublic"},
        // APPS.md's fields, then ManaCore's additions (docs/cards.md, "Beyond
        // APPS.md"): Anki's tags, and the review log behind the statistics.
        {"cards", "cards",
         "deckId front back difficulty nextReview reviewCount order ease intervalDays tags"},
        {"cards", "reviews", "cardId deckId rating reviewedAt intervalDays durationMs"},
        {"contacts", "contacts",
         "firstName lastName email phone company jobTitle address notes photoBlob birthday tags "
         "isFavorite isArchived extra"},
        {"picture", "images",
         "prompt negativePrompt model style imageBlob filename format width height fileSize "
         "isPublic isFavorite rating isArchived"},
        {"picture", "boards", "name description canvasWidth canvasHeight backgroundColor isPublic"},
        {"picture", "boardItems",
         "boardId itemType imageId textContent fontSize color positionX positionY scaleX scaleY "
         "rotation zIndex opacity width height"},
        {"picture", "tags", "name color"},
        {"picture", "imageTags", "imageId tagId"},
        {"presi", "decks", "title description themeId isPublic"},
        {"presi", "slides", "deckId order content"},
        {"inventar", "collections", "name description icon color schema order itemCount"},
        {"inventar", "items",
         "collectionId locationId categoryId name description status quantity fieldValues "
         "purchaseData photos notes tags order"},
        {"inventar", "locations", "parentId name description icon path depth order"},
        {"inventar", "categories", "parentId name icon color order"},
        {"nutriphi", "meals",
         "date mealType inputType description portionSize confidence nutrition"},
        {"nutriphi", "goals", "dailyCalories dailyProtein dailyCarbs dailyFat dailyFiber"},
        {"nutriphi", "favorites", "name description mealType nutrition usageCount"},
        {"planta", "plants",
         "name scientificName commonName species lightRequirements wateringFrequencyDays "
         "humidity temperature soilType careNotes isActive healthStatus acquiredAt"},
        {"planta", "plantPhotos",
         "plantId photoBlob filename mimeType width height isPrimary takenAt"},
        {"planta", "wateringSchedules",
         "plantId frequencyDays lastWateredAt nextWateringAt reminderEnabled "
         "reminderHoursBefore"},
        {"planta", "wateringLogs", "plantId wateredAt notes"},
        {"storage", "files",
         "name originalName mimeType size contentBlob parentFolderId currentVersion isFavorite "
         "checksum"},
        {"storage", "folders", "name description color parentFolderId path depth isFavorite"},
        {"storage", "tags", "name color"},
        {"storage", "fileTags", "fileId tagId"},
        {"chat", "conversations", "title modelId templateId conversationMode isArchived isPinned"},
        {"chat", "messages", "conversationId sender messageText"},
        {"chat", "templates",
         "name description systemPrompt initialQuestion modelId color isDefault"},
        {"questions", "collections", "name description color icon isDefault sortOrder"},
        {"questions", "questions",
         "collectionId title description status priority tags researchDepth"},
        {"questions", "answers", "questionId content citations rating isAccepted"},
        {"mukke", "songs",
         "title artist album albumArtist genre trackNumber year duration audioBlob coverBlob "
         "fileSize bpm favorite playCount lastPlayedAt"},
        {"mukke", "playlists", "name description coverBlob"},
        {"mukke", "playlistSongs", "playlistId songId sortOrder"},
        {"mukke", "projects", "title description songId"},
        {"mukke", "markers", "beatId type label startTime endTime color sortOrder"},
        {"context", "spaces", "name description settings pinned prefix"},
        {"context", "documents", "spaceId title content type shortId pinned metadata"},
        {"photos", "albums",
         "name description coverMediaId isAutoGenerated autoGenerateType autoGenerateValue"},
        {"photos", "albumItems", "albumId mediaId sortOrder"},
        {"photos", "favorites", "mediaId"},
        {"photos", "tags", "name color"},
        {"photos", "photoTags", "mediaId tagId"},
        {"photos", "media", "filename photoBlob takenAt width height camera"},
        {"skilltree", "skills",
         "name description branch parentId icon color currentXp totalXp level"},
        {"skilltree", "activities", "skillId xpEarned description duration timestamp"},
        {"skilltree", "achievements", "key name description icon unlockedAt"},
        {"citycorners", "cities", "name slug country state description latitude longitude"},
        {"citycorners", "locations",
         "cityId name category description address latitude longitude timeline"},
        {"citycorners", "favorites", "locationId"},
    };
    for (const auto &row : rows)
        QTest::addRow("%s.%s", row[0], row[1]) << row[0] << row[1] << row[2];
}

void TestModuleCatalog::everyCollectionFieldListMatchesAppsMd()
{
    QFETCH(QString, id);
    QFETCH(QString, collection);
    QFETCH(QString, fields);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    const CollectionSpec *spec = info->spec.collection(collection);
    QVERIFY2(spec, qPrintable(collection));
    QStringList names;
    for (const FieldSpec &field : spec->fields)
        names.append(field.name);
    QCOMPARE(names.join(u' '), fields);
}

// The views filter by parent and toggle flags: a reference without an index
// makes every detail view a table scan, and a required boolean without a
// default makes every "new" form fail until the user ticks a box.
void TestModuleCatalog::referencesAndRequiredBooleansAreUsable()
{
    int collections = 0;
    for (const ModuleInfo &info : shippedCatalog().infos) {
        for (const CollectionSpec &spec : info.spec.collections) {
            ++collections;
            for (const FieldSpec &field : spec.fields) {
                const QString where = info.id() + u'.' + spec.wireName + u'.' + field.name;
                if (field.type == FieldType::Reference) {
                    const bool leadsAnIndex = std::any_of(
                        spec.indexes.begin(), spec.indexes.end(),
                        [&](const IndexSpec &index) { return index.fields.first() == field.name; });
                    QVERIFY2(leadsAnIndex, qPrintable(where + QStringLiteral(" is not indexed")));
                }
                if (field.type == FieldType::Boolean && !field.optional)
                    QVERIFY2(field.defaultValue.isBool(),
                             qPrintable(where + QStringLiteral(" has no default")));
            }
        }
    }
    QCOMPARE(collections, 64); // APPS.md's 63 and ManaDeck's review log
}

void TestModuleCatalog::iconIsAMonochromeSvg_data()
{
    manifestCreatesCollections_data();
}

void TestModuleCatalog::iconIsAMonochromeSvg()
{
    QFETCH(QString, id);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    const QString path = u':' + info->iconUrl.path();
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray svg = file.readAll();

    QXmlStreamReader xml(svg);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QLatin1String("svg"));
    QCOMPARE(xml.attributes().value(QLatin1String("viewBox")), QLatin1String("0 0 24 24"));
    int shapes = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            ++shapes;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(shapes >= 2);
    // QML's Image cannot resolve currentColor; one fixed grey keeps it monochrome.
    QVERIFY(!svg.contains("currentColor"));
    QVERIFY(svg.contains("stroke=\"#444444\""));

    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 24, 24));
}

void TestModuleCatalog::brokenModuleCostsOnlyItself()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QByteArray minimal = R"({"id": "%1", "name": {"en": "%1"}, "color": "#112233", %2
        "collections": [{"name": "notes", "fields": [{"name": "title", "type": "string"}]}]})";
    auto addModule = [&](const QString &id, const QByteArray &orderKey) {
        QVERIFY(QDir(root.path()).mkpath(id));
        writeFile(root.filePath(id + QStringLiteral("/module.json")),
                  QByteArray(minimal).replace("%1", id.toUtf8()).replace("%2", orderKey));
        writeFile(root.filePath(id + QStringLiteral("/icon.svg")),
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"/>");
    };
    addModule(QStringLiteral("alpha"), "\"order\": 2,");
    addModule(QStringLiteral("beta"), "\"order\": 1,");
    addModule(QStringLiteral("gamma"), ""); // no order: goes last
    addModule(QStringLiteral("delta"), "\"order\": \"first\",");
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("broken")));
    writeFile(root.filePath(QStringLiteral("broken/module.json")), "{ not json");
    writeFile(root.filePath(QStringLiteral("alpha/seed.json")),
              R"({"collections": {"notes": [{"id": "seed-alpha-1", "fields": {"color": "x"}}]}})");
    writeFile(root.filePath(QStringLiteral("beta/seed.json")),
              R"({"collections": {"notes": [{"id": "seed-beta-1", "en": {"title": "Hi"},
                  "de": {"title": "Hallo"}}]}})");
    QFile::remove(root.filePath(QStringLiteral("gamma/icon.svg")));

    const ModuleCatalog catalog = ModuleCatalog::load(root.path());
    QStringList ids;
    for (const ModuleInfo &info : catalog.infos)
        ids.append(info.id());
    QCOMPARE(ids, (QStringList{"beta", "alpha", "delta", "gamma"}));
    QCOMPARE(catalog.errors.size(), 4);
    const QString errors = catalog.errors.join(u'\n');
    QVERIFY2(errors.contains(QLatin1String("broken/module.json")), qPrintable(errors));
    QVERIFY2(errors.contains(QLatin1String("\"order\"")), qPrintable(errors));
    QVERIFY2(errors.contains(QLatin1String("no icon.svg")), qPrintable(errors));
    QVERIFY2(errors.contains(QLatin1String("\"color\"")), qPrintable(errors));
    QCOMPARE(catalog.info(u"alpha")->seeds.recordCount(), 0);
    QCOMPARE(catalog.info(u"beta")->seeds.recordCount(), 1);
    QVERIFY(catalog.info(u"gamma")->iconUrl.isEmpty());
    QCOMPARE(catalog.info(u"beta")->iconUrl,
             QUrl::fromLocalFile(root.filePath(QStringLiteral("beta/icon.svg"))));
}

void TestModuleCatalog::everyModuleHasItsTexts_data()
{
    manifestCreatesCollections_data();
}

// Every text in both languages, read from the manifest rather than derived.
void TestModuleCatalog::everyModuleHasItsTexts()
{
    QFETCH(QString, id);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    auto bothSet = [](const LocalizedText &text) {
        return !text.en.isEmpty() && !text.de.isEmpty();
    };
    QVERIFY(bothSet(info->presentation.description));
    for (const CollectionSpec &spec : info->spec.collections) {
        const QString where = id + u'.' + spec.wireName;
        QVERIFY2(info->presentation.collections.contains(spec.wireName), qPrintable(where));
        const CollectionPresentation &texts = info->presentation.collections[spec.wireName];
        QVERIFY2(bothSet(texts.title) && bothSet(texts.itemName), qPrintable(where));
        QVERIFY2(texts.itemName.de.at(0).isUpper(), qPrintable(where)); // a German noun
        QVERIFY2(texts.itemGender != GrammaticalGender::Unknown, qPrintable(where));
        // The first collection's empty state is the module's description.
        QVERIFY2(bothSet(texts.empty) || &spec == &info->spec.collections.first(),
                 qPrintable(where));
        QVERIFY2(texts.titleField.isEmpty() || spec.field(texts.titleField), qPrintable(where));
        QVERIFY2(texts.subtitleField.isEmpty() || spec.field(texts.subtitleField),
                 qPrintable(where));
        for (const FieldSpec &field : spec.fields) {
            const QString fieldWhere = where + u'.' + field.name;
            const FieldPresentation entry = texts.fields.value(field.name);
            QVERIFY2(bothSet(entry.label), qPrintable(fieldWhere));
            QVERIFY2(!entry.minimum || !entry.maximum || *entry.minimum <= *entry.maximum,
                     qPrintable(fieldWhere));
            QCOMPARE(QSet<QString>(entry.choices.keyBegin(), entry.choices.keyEnd()),
                     QSet<QString>(field.enumValues.begin(), field.enumValues.end()));
            for (const LocalizedText &choice : entry.choices)
                QVERIFY2(bothSet(choice), qPrintable(fieldWhere));
        }
    }
}

// The ranges APPS.md gives (min <= max everywhere is checked above).
void TestModuleCatalog::rangesFitTheirFields_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    const QList<std::tuple<const char *, const char *, const char *, double, double>> rows = {
        {"todo", "tasks", "estimatedDuration", 0, 10080},
        {"todo", "reminders", "minutesBefore", 0, 40320},
        {"cards", "cards", "difficulty", 1, 5},
        {"picture", "images", "rating", 1, 5},
        {"picture", "boardItems", "opacity", 0, 1},
        {"questions", "answers", "rating", 1, 5},
        {"citycorners", "cities", "latitude", -90, 90},
        {"skilltree", "skills", "level", 1, 6},
    };
    for (const auto &[id, collection, field, minimum, maximum] : rows)
        QTest::addRow("%s.%s.%s", id, collection, field)
            << id << collection << field << minimum << maximum;
}

void TestModuleCatalog::rangesFitTheirFields()
{
    QFETCH(QString, id);
    QFETCH(QString, collection);
    QFETCH(QString, field);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    QCOMPARE(info->fieldMinimum(collection, field), std::optional<double>(minimum));
    QCOMPARE(info->fieldMaximum(collection, field), std::optional<double>(maximum));
}

void TestModuleCatalog::accessorsGiveTheManifestTexts()
{
    const ModuleInfo *todo = shippedCatalog().info(u"todo");
    QVERIFY(todo);
    QVERIFY(todo->description(kEn).contains("Ctrl+N"_L1));
    QVERIFY(todo->description(kDe).contains("Strg+N"_L1));
    QCOMPARE(todo->description(u"fr"_s), todo->description(kEn));
    QCOMPARE(todo->collectionTitle(u"tasks"_s, kDe), u"Aufgaben"_s);
    QCOMPARE(todo->collectionTitle(u"tasks"_s, kEn), u"Tasks"_s);
    QCOMPARE(todo->itemName(u"tasks"_s, kEn), u"task"_s);
    QCOMPARE(todo->newItemText(u"tasks"_s, kEn), u"New task"_s);
    QCOMPARE(todo->newItemText(u"tasks"_s, kDe), u"Neue Aufgabe"_s);
    QCOMPARE(todo->newItemText(u"projects"_s, kDe), u"Neues Projekt"_s);
    QCOMPARE(shippedCatalog().info(u"calendar")->newItemText(u"events"_s, kDe), u"Neuer Termin"_s);
    QCOMPARE(todo->emptyText(u"tasks"_s, kDe), todo->description(kDe));
    QVERIFY(todo->emptyText(u"projects"_s, kDe).startsWith("Noch keine Projekte"_L1));
    QCOMPARE(todo->fieldLabel(u"tasks"_s, u"estimatedDuration"_s, kDe), u"Geschätzte Dauer"_s);
    QCOMPARE(todo->fieldUnit(u"tasks"_s, u"estimatedDuration"_s, kDe), u"Min."_s);
    QCOMPARE(todo->fieldUnit(u"tasks"_s, u"title"_s, kEn), QString());
    QCOMPARE(todo->choiceLabel(u"tasks"_s, u"priority"_s, u"low"_s, kDe), u"Niedrig"_s);
    QCOMPARE(todo->choiceLabel(u"tasks"_s, u"priority"_s, u"urgent"_s, kEn), u"Urgent"_s);
    QCOMPARE(todo->titleField(u"tasks"_s), u"title"_s);
    QCOMPARE(todo->subtitleField(u"tasks"_s), u"dueDate"_s);
    QCOMPARE(todo->titleField(u"taskLabels"_s), QString());
    for (const ModuleInfo &info : shippedCatalog().infos) {
        for (const CollectionSpec &spec : info.spec.collections)
            QVERIFY(info.newItemText(spec.wireName, kDe).startsWith("Neue"_L1));
    }
}

// A manifest without texts still gives a label for everything.
void TestModuleCatalog::fallbacksWithoutTexts()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    writeModule(root, u"plain"_s, R"({"id": "plain", "name": {"en": "Plain"}, "collections": [
        {"name": "taskLabels", "fields": [{"name": "projectId", "type": "string"},
            {"name": "estimatedDuration", "type": "integer?"},
            {"name": "health", "type": "healthy|needs_attention"}]},
        {"name": "categories", "fields": [{"name": "name", "type": "string"}]}]})");
    const ModuleCatalog catalog = ModuleCatalog::load(root.path());
    QVERIFY2(catalog.errors.isEmpty(), qPrintable(catalog.errors.join(u'\n')));
    const ModuleInfo *info = catalog.info(u"plain");
    QVERIFY(info);
    const QString first = u"taskLabels"_s, second = u"categories"_s;
    QCOMPARE(info->description(kEn), u"Nothing here yet. Press Ctrl+N to add the first one."_s);
    QCOMPARE(info->description(kDe),
             u"Hier ist noch nichts. Mit Strg+N legst du den ersten Eintrag an."_s);
    QCOMPARE(info->collectionTitle(first, kEn), u"Task labels"_s);
    QCOMPARE(info->collectionTitle(first, kDe), u"Task labels"_s);
    QCOMPARE(info->itemName(first, kEn), u"task label"_s);
    QCOMPARE(info->itemName(second, kEn), u"category"_s);
    QCOMPARE(info->itemName(first, kDe), u"Eintrag"_s);
    QCOMPARE(info->newItemText(first, kEn), u"New task label"_s);
    QCOMPARE(info->newItemText(first, kDe), u"Neuer Eintrag"_s);
    QCOMPARE(info->emptyText(first, kEn), info->description(kEn));
    QCOMPARE(info->emptyText(second, kEn), u"No categories yet."_s);
    QCOMPARE(info->emptyText(second, kDe), u"Hier ist noch nichts."_s);
    QCOMPARE(info->fieldLabel(first, u"estimatedDuration"_s, kDe), u"Estimated duration"_s);
    QCOMPARE(info->fieldLabel(first, u"projectId"_s, kEn), u"Project ID"_s);
    QCOMPARE(info->choiceLabel(first, u"health"_s, u"needs_attention"_s, kDe),
             u"Needs attention"_s);
    QCOMPARE(info->fieldUnit(first, u"estimatedDuration"_s, kEn), QString());
    QVERIFY(!info->fieldMinimum(first, u"estimatedDuration"_s));
    QVERIFY(!info->fieldMaximum(first, u"estimatedDuration"_s));
    QCOMPARE(info->titleField(first), QString());
    QCOMPARE(info->subtitleField(second), QString());
    // Names the manifest does not declare still get a label.
    QCOMPARE(info->collectionTitle(u"boardViews"_s, kEn), u"Board views"_s);
    QCOMPARE(info->fieldLabel(u"nope"_s, u"dueDate"_s, kEn), u"Due date"_s);
}

void TestModuleCatalog::labelFromWireName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    const QList<std::array<const char *, 2>> rows = {
        {"estimatedDuration", "Estimated duration"},
        {"taskLabels", "Task labels"},
        {"needs_attention", "Needs attention"},
        {"shortId", "Short ID"},
        {"HTMLText", "HTML text"},
        {"zIndex", "Z index"},
        {"title", "Title"},
        {"dailyFat2", "Daily fat2"},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << row[0] << row[1];
}

void TestModuleCatalog::labelFromWireName()
{
    QFETCH(QString, name);
    QFETCH(QString, label);
    QCOMPARE(mana::labelFromWireName(name), label);
}

// A malformed text is reported with the module, collection and field, and
// only that text falls back; the module still loads.
void TestModuleCatalog::malformedTextsAreReported_data()
{
    QTest::addColumn<QString>("placeholder"); // where the snippet goes
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<QString>("where"); // the names the message must give
    QTest::addColumn<QString>("problem");
    const QList<std::array<const char *, 4>> rows = {
        {"%M", R"("description": {"en": "Only English"},)", "", "\"description\" must be"},
        {"%C", R"("title": "Notes",)", "\"notes\"", "\"title\" must be"},
        {"%C", R"("itemName": {"en": "note", "de": "Notiz"},)", "\"notes\"", "\"itemGender\""},
        {"%C", R"("itemName": {"en": "note", "de": "Notiz"}, "itemGender": "x",)", "\"notes\"",
         "\"itemGender\" must be"},
        {"%T", R"("label": {"en": "Title", "de": ""},)", "field \"title\"", "\"label\" must be"},
        {"%T", R"("min": 1,)", "field \"title\"", "only for number and integer"},
        {"%T", R"("unit": {"en": "m", "de": "m"},)", "field \"title\"", "\"unit\" is only"},
        {"%T", R"("choices": {"en": {}, "de": {}},)", "field \"title\"", "only for enum"},
        {"%T", R"("title": true,)", "\"notes\"", "2 fields are marked as the title"},
        {"%N", R"("min": 10, "max": 5,)", "field \"count\"", "greater than \"max\""},
        {"%N", R"("min": 0.5,)", "field \"count\"", "whole number"},
        {"%N", R"("min": 5,)", "field \"count\"", "default 1 lies outside"},
        {"%K", R"("choices": {"en": {"a": "A", "b": "B"}, "de": {"a": "A"}},)", "field \"kind\"",
         "\"de\" has no text for the value \"b\""},
        {"%K", R"("choices": {"en": {"a": "A", "b": "B", "c": "C"}, "de": {"a": "A", "b": "B"}},)",
         "field \"kind\"", "names \"c\", which is not one of"},
        {"%K", R"("choices": {"en": {"a": "A", "b": "B"}},)", "field \"kind\"", "no \"de\" object"},
        {"%K", R"("title": "yes",)", "field \"kind\"", "must be true or false"},
        {"%B", R"("title": true, "subtitle": true,)", "field \"body\"", "both title and subtitle"},
    };
    for (const auto &row : rows)
        QTest::addRow("%s %s", row[0], row[3]) << row[0] << row[1] << row[2] << row[3];
}

void TestModuleCatalog::malformedTextsAreReported()
{
    QFETCH(QString, placeholder);
    QFETCH(QString, snippet);
    QFETCH(QString, where);
    QFETCH(QString, problem);
    QString manifest = uR"({"id": "bad", "name": {"en": "Bad"}, %M
        "collections": [{"name": "notes", %C "fields": [
            {%T "name": "title", "type": "string"},
            {%N "name": "count", "type": "integer", "default": 1},
            {%K "name": "kind", "type": "a|b"},
            {%B "name": "body", "type": "text?"},
            {"name": "other", "type": "string", "title": true}]}]})"_s;
    manifest.replace(placeholder, snippet).remove(QRegularExpression(u"%[A-Z]"_s));
    QTemporaryDir root;
    QVERIFY(root.isValid());
    writeModule(root, u"bad"_s, manifest.toUtf8());

    const ModuleCatalog catalog = ModuleCatalog::load(root.path());
    QCOMPARE(catalog.infos.size(), 1);
    QCOMPARE(catalog.errors.size(), 1);
    const QString error = catalog.errors.first();
    QVERIFY2(error.contains("bad/module.json: Module \"bad\""_L1), qPrintable(error));
    QVERIFY2(error.contains(where) && error.contains(problem), qPrintable(error));
    // Only the text in question falls back to the derived one.
    const ModuleInfo &info = catalog.infos.first();
    QCOMPARE(info.fieldLabel(u"notes"_s, u"title"_s, kDe), u"Title"_s);
    QCOMPARE(info.titleField(u"notes"_s),
             placeholder == "%T"_L1 && snippet.contains("title"_L1) ? QString() : u"other"_s);
}

// "page" names the app's own page as <QML module>/<type>; the shell loads
// qrc:/<module>/<type>.qml. Anything else is reported and the app keeps the
// generic views; nothing can point the loader outside a module's folder.
void TestModuleCatalog::pageNamesAQmlTypeOfTheApp_data()
{
    QTest::addColumn<QString>("page"); // JSON value, or empty for none
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("reported");
    QTest::newRow("none") << QString() << QString() << false;
    QTest::newRow("module and type") << R"("ManaNotes/NotesPage")"
                                     << "qrc:/ManaNotes/NotesPage.qml" << false;
    QTest::newRow("type alone") << R"("NotesPage")" << QString() << true;
    QTest::newRow("not a Mana module") << R"("QtQuick/Item")" << QString() << true;
    QTest::newRow("leaves the folder") << R"("ManaNotes/../../etc/passwd")" << QString() << true;
    QTest::newRow("a file name") << R"("ManaNotes/NotesPage.qml")" << QString() << true;
    QTest::newRow("lower-case type") << R"("ManaNotes/notesPage")" << QString() << true;
    QTest::newRow("a URL") << R"("file:///tmp/Evil.qml")" << QString() << true;
    QTest::newRow("not a string") << "7" << QString() << true;
}

void TestModuleCatalog::pageNamesAQmlTypeOfTheApp()
{
    QFETCH(QString, page);
    QFETCH(QString, url);
    QFETCH(bool, reported);
    const QString pageEntry = page.isEmpty() ? QString() : u"\"page\": %1,"_s.arg(page);
    const QString manifest = uR"({"id": "notes", "name": {"en": "Notes", "de": "Notizen"}, %1
        "collections": [{"name": "notes", "fields": [{"name": "title", "type": "string"}]}]})"_s
                                 .arg(pageEntry);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    writeModule(root, u"notes"_s, manifest.toUtf8());
    const ModuleCatalog catalog = ModuleCatalog::load(root.path());
    QCOMPARE(catalog.infos.size(), 1); // the app loads either way
    QCOMPARE(catalog.infos.first().presentation.pageUrl(), url);
    QCOMPARE(catalog.errors.size(), reported ? 1 : 0);
    if (reported)
        QVERIFY2(catalog.errors.first().contains("\"page\" must name"_L1),
                 qPrintable(catalog.errors.first()));
}

QTEST_GUILESS_MAIN(TestModuleCatalog)
#include "tst_modulecatalog.moc"
