// What tst_icsimport and tst_icsexport share: a store with the calendar
// module in a temporary folder, one calendar in it, and the fixtures.
#pragma once

#include "collectionspec.h"
#include "localstore.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace icstest {

inline QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(MANA_CALENDAR_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// A profile with Calendar's collections and one calendar ("Imported").
struct CalendarStore
{
    QTemporaryDir directory;
    mana::LocalStore store;
    QString calendarId;

    bool open(QString *error)
    {
        const auto module = mana::ModuleSpec::fromFile(
            QStringLiteral(MANA_CALENDAR_TEST_DATA "/../../../../modules/calendar/module.json"),
            error);
        if (!module || !store.open(directory.filePath(QStringLiteral("guest.sqlite")), error) ||
            !store.addModule(*module, error))
            return false;
        const mana::WriteResult made =
            calendars()->insert({{QStringLiteral("name"), QStringLiteral("Imported")},
                                 {QStringLiteral("color"), QStringLiteral("#3B82F6")},
                                 {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}});
        calendarId = made.id;
        if (!made)
            *error = made.error;
        return made.ok;
    }
    mana::Collection *events() const
    {
        return store.collection(QStringLiteral("calendar"), QStringLiteral("events"));
    }
    mana::Collection *calendars() const
    {
        return store.collection(QStringLiteral("calendar"), QStringLiteral("calendars"));
    }
    int eventCount() const { return events()->count(); }
    QList<QJsonObject> allEvents() const
    {
        mana::Query query;
        query.orderBy(QStringLiteral("startDate")).orderBy(QStringLiteral("title"));
        return events()->query(query);
    }
};

// The contract fields of a stored or parsed event, without what a store
// adds (ids, timestamps, calendarId) and with the series named by its uid,
// so events of two stores compare.
inline QJsonObject comparable(const QJsonObject &event, const QList<QJsonObject> &all)
{
    QJsonObject fields;
    for (const char *name :
         {"title", "description", "location", "color", "startDate", "endDate", "allDay", "timezone",
          "recurrenceRule", "exceptionDates", "reminders", "recurrenceId", "uid"})
        fields.insert(QLatin1String(name), event.value(QLatin1String(name)));
    const QString seriesId = event.value(QStringLiteral("seriesId")).toString();
    for (const QJsonObject &other : all) {
        if (!seriesId.isEmpty() && other.value(QStringLiteral("id")).toString() == seriesId)
            fields.insert(QStringLiteral("seriesUid"), other.value(QStringLiteral("uid")));
    }
    if (fields.value(QStringLiteral("allDay")).isNull())
        fields.insert(QStringLiteral("allDay"), false);
    return fields;
}

inline QJsonArray comparableAll(const QList<QJsonObject> &events)
{
    QList<QJsonObject> fields;
    for (const QJsonObject &event : events)
        fields.append(comparable(event, events));
    std::sort(fields.begin(), fields.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return QJsonDocument(a).toJson() < QJsonDocument(b).toJson();
    });
    QJsonArray array;
    for (const QJsonObject &object : fields)
        array.append(object);
    return array;
}

} // namespace icstest
