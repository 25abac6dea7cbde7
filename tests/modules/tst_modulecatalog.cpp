// The 19 built-in modules as the app ships them (:/modules): every manifest
// loads and creates its tables, the navigation order is APPS.md's, ids and
// colours are unique, the fields match APPS.md, every icon is a real SVG, and
// a broken module costs only itself.
#include "localstore.h"
#include "modulecatalog.h"

#include <QColor>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mana;

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

// The field names of every collection of APPS.md, in its order.
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
        {"calendar", "events",
         "calendarId title description location color startDate endDate allDay recurrenceRule "
         "exceptionDates reminders tagIds"},
        {"clock", "alarms", "label time enabled repeatDays snoozeMinutes sound vibrate"},
        {"clock", "timers",
         "label durationSeconds remainingSeconds status startedAt pausedAt sound"},
        {"clock", "worldClocks", "timezone cityName sortOrder"},
        {"cards", "decks", "name description color cardCount lastStudied isPublic"},
        {"cards", "cards",
         "deckId front back difficulty nextReview reviewCount order ease intervalDays"},
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
    QCOMPARE(collections, 63);
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

QTEST_GUILESS_MAIN(TestModuleCatalog)
#include "tst_modulecatalog.moc"
