// A real store with the shipped calendar module in a temporary folder, and
// short ways to add calendars and events to it (tst_occurrences,
// tst_seriesedit).
#pragma once

#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace mana::calendar::test {

struct CalendarStore
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<LocalStore> store = std::make_unique<LocalStore>();

    // Opens the store with the calendar module of the ModuleCatalog;
    // false with a sentence in *error.
    bool open(QString *error)
    {
        if (!store->open(dir->filePath(QStringLiteral("guest.sqlite")), error))
            return false;
        const ModuleCatalog catalog = ModuleCatalog::load();
        for (const ModuleSpec &module : catalog.modules)
            if (module.id == u"calendar")
                return store->addModule(module, error);
        *error = QStringLiteral("no calendar module in the catalog");
        return false;
    }

    Collection *events() const
    {
        return store->collection(QStringLiteral("calendar"), QStringLiteral("events"));
    }
    Collection *calendars() const
    {
        return store->collection(QStringLiteral("calendar"), QStringLiteral("calendars"));
    }

    QString addCalendar(const QString &name, const QString &zone, bool visible = true)
    {
        const WriteResult made = calendars()->insert(
            {{"name", name}, {"color", "#3B82F6"}, {"timezone", zone}, {"isVisible", visible}});
        if (!made)
            qWarning() << made.error;
        return made.id;
    }

    QString addEvent(const QJsonObject &values)
    {
        const WriteResult made = events()->insert(values);
        if (!made)
            qWarning() << made.error;
        return made.id;
    }

    QJsonObject event(const QString &id) const { return events()->get(id).value_or(QJsonObject()); }
};

// "2027-03-01T09:00:00.000Z" for a local time in `zone`.
inline QString at(QDate date, QTime time, const QTimeZone &zone)
{
    return instantToJson(QDateTime(date, time, zone));
}

} // namespace mana::calendar::test
