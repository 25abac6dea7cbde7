// The seed files: every shipped seed.json validates and inserts in English and
// German, teaches in both languages, and relative dates land on the user's
// calendar day; a broken seed file is refused with a sentence naming the
// problem.
#include "localstore.h"
#include "modulecatalog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mana;

namespace {

const ModuleCatalog &shippedCatalog()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    return catalog;
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A small module to aim broken seeds at.
ModuleSpec notesModule()
{
    const QJsonObject json = parseObject(R"({
        "id": "notes", "name": {"en": "Notes"},
        "collections": [
            {"name": "folders", "fields": [{"name": "name", "type": "string"}]},
            {"name": "notes", "fields": [
                {"name": "title", "type": "string"},
                {"name": "folderId", "type": "->folders?"},
                {"name": "kind", "type": "plain|list", "default": "plain"},
                {"name": "due", "type": "datetime?"},
                {"name": "day", "type": "date?"},
                {"name": "size", "type": "integer?"},
                {"name": "blob", "type": "string?"},
                {"name": "extra", "type": "json?"}
            ]}
        ]})");
    QString error;
    const auto module = ModuleSpec::fromJson(json, &error);
    if (!module)
        qFatal("notes module: %s", qPrintable(error));
    return *module;
}

} // namespace

class TestSeeds : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void seedsInsertInBothLanguages_data();
    void seedsInsertInBothLanguages();
    void seedsTeachInBothLanguages_data();
    void seedsTeachInBothLanguages();
    void relativeDates_data();
    void relativeDates();
    void bundledBlobs();
    void brokenSeedsAreRefused_data();
    void brokenSeedsAreRefused();

private:
    QTemporaryDir m_bundle; // a module folder with one bundled file
};

void TestSeeds::initTestCase()
{
    QVERIFY(m_bundle.isValid());
    QVERIFY(QDir(m_bundle.path()).mkpath(QStringLiteral("seed")));
    QFile file(m_bundle.filePath(QStringLiteral("seed/hello.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
}

void TestSeeds::seedsInsertInBothLanguages_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("language");
    for (const ModuleInfo &info : shippedCatalog().infos) {
        for (const char *language : {"en", "de"})
            QTest::addRow("%s %s", qPrintable(info.id()), language) << info.id() << language;
    }
}

// Each module alone, into a real store, through the same resolution the
// seed writer uses.
void TestSeeds::seedsInsertInBothLanguages()
{
    QFETCH(QString, id);
    QFETCH(QString, language);
    QVERIFY2(shippedCatalog().errors.isEmpty(), qPrintable(shippedCatalog().errors.join(u'\n')));
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    const int recordCount = info->seeds.recordCount();
    QVERIFY2(recordCount >= 3 && recordCount <= 8, qPrintable(QString::number(recordCount)));

    QTemporaryDir directory;
    LocalStore store;
    QString error;
    QVERIFY(store.open(directory.filePath(QStringLiteral("guest.sqlite")), &error));
    QVERIFY2(store.addModule(info->spec, &error), qPrintable(error));
    const QDateTime now = QDateTime::currentDateTime();
    for (const SeedCollection &seeds : info->seeds.collections) {
        Collection *collection = store.collection(info->appId(), seeds.wireName);
        QVERIFY(collection);
        QList<QJsonObject> records;
        for (const SeedRecord &record : seeds.records) {
            const auto values = resolveSeedRecord(record, collection->spec(), language, now,
                                                  info->directory, &error);
            QVERIFY2(values, qPrintable(error));
            records.append(*values);
        }
        const QStringList ids = collection->insertMany(records, &error);
        QVERIFY2(ids.size() == records.size(), qPrintable(error));
        for (const SeedRecord &record : seeds.records)
            QVERIFY(collection->get(record.id));
    }
}

void TestSeeds::seedsTeachInBothLanguages_data()
{
    QTest::addColumn<QString>("id");
    for (const ModuleInfo &info : shippedCatalog().infos)
        QTest::newRow(qPrintable(info.id())) << info.id();
}

// German is a translation, not a copy: most records carry text, and in a
// module at least one of them reads differently in German.
void TestSeeds::seedsTeachInBothLanguages()
{
    QFETCH(QString, id);
    const ModuleInfo *info = shippedCatalog().info(id);
    QVERIFY(info);
    int translated = 0;
    int differing = 0;
    for (const SeedCollection &seeds : info->seeds.collections) {
        for (const SeedRecord &record : seeds.records) {
            QVERIFY2(record.id.startsWith(QStringLiteral("seed-") + id + u'-'),
                     qPrintable(record.id));
            if (record.en.isEmpty())
                continue;
            ++translated;
            if (record.en != record.de)
                ++differing;
        }
    }
    QVERIFY(translated > 0);
    QVERIFY2(
        differing * 2 >= translated,
        qPrintable(QStringLiteral("%1 of %2 records translated").arg(differing).arg(translated)));
}

void TestSeeds::relativeDates_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("directive");
    QTest::addColumn<QString>("expected");

    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    // Saturday before the switch to summer time.
    const QDateTime saturdayEvening(QDate(2026, 3, 28), QTime(20, 15), berlin);
    const QDateTime wednesdayNoon(QDate(2026, 11, 25), QTime(12, 0), berlin);
    const QDateTime utcMidnight(QDate(2026, 1, 1), QTime(0, 30), QTimeZone::utc());

    QTest::newRow("tomorrow 09:00 across DST")
        << saturdayEvening << "due" << QByteArray(R"({"$relativeDay": 1, "time": "09:00"})")
        << "2026-03-29T07:00:00.000Z";
    QTest::newRow("a time the DST change skips")
        << saturdayEvening << "due" << QByteArray(R"({"$relativeDay": 1, "time": "02:30"})")
        << "2026-03-29T01:30:00.000Z";
    QTest::newRow("today 09:00 in winter")
        << saturdayEvening << "due" << QByteArray(R"({"$relativeDay": 0, "time": "09:00"})")
        << "2026-03-28T08:00:00.000Z";
    QTest::newRow("in a week, same time")
        << wednesdayNoon << "due" << QByteArray(R"({"$relativeDay": 7})")
        << "2026-12-02T11:00:00.000Z";
    QTest::newRow("yesterday in UTC")
        << utcMidnight << "due" << QByteArray(R"({"$relativeDay": -1, "time": "23:00"})")
        << "2025-12-31T23:00:00.000Z";
    QTest::newRow("next Friday from Wednesday")
        << wednesdayNoon << "due" << QByteArray(R"({"$weekday": 5, "time": "16:00"})")
        << "2026-11-27T15:00:00.000Z";
    QTest::newRow("Wednesday is today")
        << wednesdayNoon << "due" << QByteArray(R"({"$weekday": 3, "time": "16:00"})")
        << "2026-11-25T15:00:00.000Z";
    QTest::newRow("Monday after Wednesday")
        << wednesdayNoon << "due" << QByteArray(R"({"$weekday": 1, "time": "08:00"})")
        << "2026-11-30T07:00:00.000Z";
    QTest::newRow("minutes ago") << wednesdayNoon << "due"
                                 << QByteArray(R"({"$relativeMinutes": -90})")
                                 << "2026-11-25T09:30:00.000Z";
    QTest::newRow("a date field 30 days back")
        << wednesdayNoon << "day" << QByteArray(R"({"$relativeDay": -30})") << "2026-10-26";
    QTest::newRow("a date field is the local day")
        << QDateTime(QDate(2026, 6, 1), QTime(0, 30), berlin) << "day"
        << QByteArray(R"({"$relativeDay": 0})") << "2026-06-01";
}

void TestSeeds::relativeDates()
{
    QFETCH(QDateTime, now);
    QFETCH(QString, field);
    QFETCH(QByteArray, directive);
    QFETCH(QString, expected);
    const ModuleSpec module = notesModule();
    SeedRecord record;
    record.id = QStringLiteral("seed-notes-1");
    record.fields = QJsonObject{{QStringLiteral("title"), QStringLiteral("Hello")},
                                {field, QJsonDocument::fromJson(directive).object()}};
    QString error;
    const auto values = resolveSeedRecord(record, *module.collection(u"notes"),
                                          QStringLiteral("en"), now, m_bundle.path(), &error);
    QVERIFY2(values, qPrintable(error));
    QCOMPARE(values->value(field).toString(), expected);
    QCOMPARE(values->value(QLatin1String("id")).toString(), record.id);
}

void TestSeeds::bundledBlobs()
{
    const ModuleInfo *picture = shippedCatalog().info(u"picture");
    QVERIFY(picture);
    const QList<SeedBlob> blobs = seedBlobs(picture->seeds, picture->directory);
    QCOMPARE(blobs.size(), 2);
    const SeedRecord &sunrise = picture->seeds.collection(u"images")->records.first();
    QString error;
    const auto values =
        resolveSeedRecord(sunrise, *picture->spec.collection(u"images"), QStringLiteral("en"),
                          QDateTime::currentDateTime(), picture->directory, &error);
    QVERIFY2(values, qPrintable(error));
    QFile file(blobs.first().resourcePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QCOMPARE(blobs.first().sha256, sha);
    QCOMPARE(values->value(QLatin1String("imageBlob")).toString(), sha);
    QCOMPARE(values->value(QLatin1String("fileSize")).toInteger(), content.size());

    // Storage's welcome file is a different file per language.
    const ModuleInfo *storage = shippedCatalog().info(u"storage");
    QCOMPARE(seedBlobs(storage->seeds, storage->directory).size(), 2);
}

void TestSeeds::brokenSeedsAreRefused_data()
{
    QTest::addColumn<QByteArray>("seeds");
    QTest::addColumn<QString>("problem");

    auto notes = [](const QByteArray &records) {
        return QByteArray(R"({"collections": {"notes": [)") + records + "]}}";
    };
    QTest::newRow("not an object of arrays") << QByteArray(R"({"collections": []})") << "object";
    QTest::newRow("unknown top-level key")
        << QByteArray(R"({"collections": {}, "extra": 1})") << "extra";
    QTest::newRow("unknown collection")
        << QByteArray(R"({"collections": {"tasks": []}})") << "no collection \"tasks\"";
    QTest::newRow("records not an array")
        << QByteArray(R"({"collections": {"notes": {}}})") << "array";
    QTest::newRow("id without prefix")
        << notes(R"({"id": "welcome", "fields": {"title": "x"}})") << "seed-";
    QTest::newRow("id with a control character")
        << notes(R"({"id": "seed-a\u0001b", "fields": {"title": "x"}})") << "control character";
    QTest::newRow("id longer than the store takes")
        << notes(QByteArray(R"({"id": "seed-)") + QByteArray(124, 'a') +
                 R"(", "fields": {"title": "x"}})")
        << "128 bytes";
    QTest::newRow("duplicate id")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x"}}, {"id": "seed-a", "fields": {"title": "y"}})")
        << "twice";
    QTest::newRow("unknown record key")
        << notes(R"({"id": "seed-a", "fields": {"title": "x"}, "fr": {}})") << "\"fr\"";
    QTest::newRow("unknown field")
        << notes(R"({"id": "seed-a", "fields": {"title": "x", "colour": "red"}})") << "colour";
    QTest::newRow("reserved field")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x", "createdAt": "2026-01-01T00:00:00Z"}})")
        << "createdAt";
    QTest::newRow("missing required field")
        << notes(R"({"id": "seed-a", "fields": {"kind": "list"}})") << "title";
    QTest::newRow("required only in English")
        << notes(R"({"id": "seed-a", "en": {"title": "x"}})") << "\"en\" and \"de\"";
    QTest::newRow("languages with other keys")
        << notes(R"({"id": "seed-a", "en": {"title": "x"}, "de": {"title": "y", "kind": "list"}})")
        << "\"en\" and \"de\"";
    QTest::newRow("field both neutral and translated")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x"}, "en": {"title": "x"}, "de": {"title": "y"}})")
        << "both";
    QTest::newRow("bad enum")
        << notes(R"({"id": "seed-a", "fields": {"title": "x", "kind": "checklist"}})") << "kind";
    QTest::newRow("bad enum in German only")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x"}, "en": {"kind": "list"}, "de": {"kind": "Liste"}})")
        << "kind";
    QTest::newRow("wrong type") << notes(R"({"id": "seed-a", "fields": {"title": 5}})") << "title";
    QTest::newRow("dangling reference")
        << notes(R"({"id": "seed-a", "fields": {"title": "x", "folderId": "seed-nowhere"}})")
        << "seed-nowhere";
    QTest::newRow("bad time")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x", "due": {"$relativeDay": 1, "time": "9am"}}})")
        << "HH:mm";
    QTest::newRow("weekday out of range")
        << notes(R"({"id": "seed-a", "fields": {"title": "x", "due": {"$weekday": 8}}})")
        << "$weekday";
    QTest::newRow("fractional days")
        << notes(R"({"id": "seed-a", "fields": {"title": "x", "due": {"$relativeDay": 1.5}}})")
        << "whole number";
    QTest::newRow("unknown directive")
        << notes(R"({"id": "seed-a", "fields": {"title": "x", "due": {"$tomorrow": true}}})")
        << "$tomorrow";
    QTest::newRow("extra key in directive")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x", "due": {"$relativeDay": 1, "at": "9"}}})")
        << "\"at\"";
    QTest::newRow("date directive on a text field")
        << notes(R"({"id": "seed-a", "fields": {"title": {"$relativeDay": 1}}})") << "date";
    QTest::newRow("missing bundled file")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x", "blob": {"$blob": "seed/nope.txt"}}})")
        << "does not exist";
    QTest::newRow("bundled file outside the module")
        << notes(
               R"({"id": "seed-a", "fields": {"title": "x", "blob": {"$blob": "../seed/hello.txt"}}})")
        << "relative path";
}

void TestSeeds::brokenSeedsAreRefused()
{
    QFETCH(QByteArray, seeds);
    QFETCH(QString, problem);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(seeds, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QString error;
    const auto parsed =
        ModuleSeeds::fromJson(document.object(), notesModule(), m_bundle.path(), &error);
    QVERIFY(!parsed);
    QVERIFY2(error.startsWith(QLatin1String("Seeds of \"notes\": ")), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSeeds)
#include "tst_seeds.moc"
