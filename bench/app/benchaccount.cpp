#include "benchaccount.h"

namespace mana::appbench {

namespace {

const QList<QString> kVerbs{
    QStringLiteral("Call"),    QStringLiteral("Email"),    QStringLiteral("Review"),
    QStringLiteral("Fix"),     QStringLiteral("Plan"),     QStringLiteral("Buy"),
    QStringLiteral("Write"),   QStringLiteral("Book"),     QStringLiteral("Clean"),
    QStringLiteral("Prepare"), QStringLiteral("Check"),    QStringLiteral("Update"),
    QStringLiteral("Pay"),     QStringLiteral("Organise"), QStringLiteral("Read")};
const QList<QString> kObjects{QStringLiteral("the plumber about the kitchen sink"),
                              QStringLiteral("the quarterly report"),
                              QStringLiteral("Anna about the offsite"),
                              QStringLiteral("the login bug on the settings page"),
                              QStringLiteral("next week's sprint"),
                              QStringLiteral("groceries for the weekend"),
                              QStringLiteral("the blog post on local-first sync"),
                              QStringLiteral("flights to Lisbon"),
                              QStringLiteral("the garage"),
                              QStringLiteral("slides for Monday's review"),
                              QStringLiteral("the insurance documents"),
                              QStringLiteral("the team wiki"),
                              QStringLiteral("the electricity bill"),
                              QStringLiteral("the bookshelf in the study"),
                              QStringLiteral("chapter 4 of the design book")};
const QList<QString> kFirstNames{
    QStringLiteral("Anna"),   QStringLiteral("Ben"),   QStringLiteral("Chiara"),
    QStringLiteral("Dmitri"), QStringLiteral("Elif"),  QStringLiteral("Farid"),
    QStringLiteral("Greta"),  QStringLiteral("Hiro"),  QStringLiteral("Ines"),
    QStringLiteral("Jonas"),  QStringLiteral("Kemal"), QStringLiteral("Lena"),
    QStringLiteral("Mateo"),  QStringLiteral("Nora"),  QStringLiteral("Oskar"),
    QStringLiteral("Priya")};
const QList<QString> kLastNames{
    QStringLiteral("Schmidt"), QStringLiteral("Rossi"),  QStringLiteral("Nguyen"),
    QStringLiteral("Okafor"),  QStringLiteral("Larsen"), QStringLiteral("Kowalski"),
    QStringLiteral("Yilmaz"),  QStringLiteral("Tanaka"), QStringLiteral("García"),
    QStringLiteral("Müller"),  QStringLiteral("Dubois"), QStringLiteral("Silva")};
const QList<QString> kCompanies{QStringLiteral("Acme GmbH"),     QStringLiteral("Northwind"),
                                QStringLiteral("Globex"),        QStringLiteral("Initech"),
                                QStringLiteral("Umbrella Labs"), QStringLiteral("Hooli")};
const QList<QString> kColors{QStringLiteral("#8B5CF6"), QStringLiteral("#EF4444"),
                             QStringLiteral("#10B981"), QStringLiteral("#F59E0B"),
                             QStringLiteral("#3B82F6"), QStringLiteral("#EC4899")};

// Todo tasks as the issue describes them: priority cycling, a third done,
// a fifth due within 30 days either side, a quarter in one of the projects.
QJsonObject todoTask(int i, int count, const QStringList &projectIds, RecordMaker &maker)
{
    static const QStringList priorities{QStringLiteral("low"), QStringLiteral("medium"),
                                        QStringLiteral("high"), QStringLiteral("urgent")};
    QJsonObject data{{QStringLiteral("title"), taskTitle(i, maker)},
                     {QStringLiteral("priority"), priorities.at(i % 4)},
                     {QStringLiteral("isCompleted"), i % 3 == 0},
                     {QStringLiteral("order"), double(i)}};
    if (i % 3 == 0)
        data.insert(QStringLiteral("completedAt"),
                    timestamp(maker.updatedAt(maker.createdAt(i, count), i).addSecs(60)));
    if (i % 5 == 1)
        data.insert(QStringLiteral("dueDate"), timestamp(maker.around(30, 30)));
    if (i % 4 == 2 && !projectIds.isEmpty())
        data.insert(QStringLiteral("projectId"), projectIds.at((i / 4) % projectIds.size()));
    if (i % 7 == 3)
        data.insert(QStringLiteral("description"),
                    QStringLiteral("Remember to %1 first; see the notes from last time.")
                        .arg(maker.pick(kVerbs).toLower()));
    if (i % 6 == 4)
        data.insert(QStringLiteral("estimatedDuration"), 15 * (1 + maker.bounded(8)));
    return maker.insert(QStringLiteral("tasks"), newId(), data, i, count);
}

QList<QJsonObject> todoProjects(RecordMaker &maker, QStringList *ids)
{
    static const QStringList names{QStringLiteral("Home"),    QStringLiteral("Work"),
                                   QStringLiteral("Garden"),  QStringLiteral("Travel"),
                                   QStringLiteral("Finance"), QStringLiteral("Reading")};
    QList<QJsonObject> changes;
    for (int p = 0; p < kProjects; ++p) {
        ids->append(newId());
        changes.append(
            maker.insert(QStringLiteral("projects"), ids->last(),
                         {{QStringLiteral("name"),
                           QStringLiteral("%1 %2").arg(names.at(p % names.size())).arg(p + 1)},
                          {QStringLiteral("color"), kColors.at(p % kColors.size())},
                          {QStringLiteral("order"), double(p)}},
                         p, kProjects));
    }
    return changes;
}

// `count` records of one app's main collection, made by `make` (index ->
// change), pushed after the `parents` changes they point to.
bool pushApp(OtherDevice &device, const QString &appId, const QList<QJsonObject> &parents,
             int count, const std::function<QJsonObject(int)> &make, QString *error)
{
    if (!parents.isEmpty() && !device.push(appId, parents, error))
        return false;
    QList<QJsonObject> batch;
    for (int i = 0; i < count; ++i) {
        batch.append(make(i));
        if (batch.size() == kPushBatch || i == count - 1) {
            if (!device.push(appId, batch, error))
                return false;
            batch.clear();
        }
    }
    return true;
}

} // namespace

QString taskTitle(int i, RecordMaker &maker)
{
    return QStringLiteral("Task %1 %2 %3").arg(i).arg(maker.pick(kVerbs), maker.pick(kObjects));
}

// The Todo part of an account: projects first, then `count` tasks.
bool pushTodo(OtherDevice &device, int count, RecordMaker &maker, QString *error)
{
    QStringList projectIds;
    if (!device.push(QStringLiteral("todo"), todoProjects(maker, &projectIds), error))
        return false;
    QList<QJsonObject> batch;
    for (int i = 0; i < count; ++i) {
        batch.append(todoTask(i, count, projectIds, maker));
        if (batch.size() == kPushBatch || i == count - 1) {
            if (!device.push(QStringLiteral("todo"), batch, error))
                return false;
            batch.clear();
        }
    }
    return true;
}

// Contacts, calendar events, inventory items and flash cards (the main
// collections of four more apps; fields from modules/<id>/module.json).
bool pushOtherApps(OtherDevice &device, int perApp, RecordMaker &maker, QString *error)
{
    auto contact = [&](int i) {
        const QString first = maker.pick(kFirstNames);
        const QString last = maker.pick(kLastNames);
        QJsonObject data{
            {QStringLiteral("firstName"), first},
            {QStringLiteral("lastName"), last},
            {QStringLiteral("email"),
             QStringLiteral("%1.%2.%3@example.org").arg(first.toLower(), last.toLower()).arg(i)},
            {QStringLiteral("phone"),
             QStringLiteral("+49 30 %1").arg(1000000 + maker.bounded(8999999))}};
        if (i % 3 == 0) {
            data.insert(QStringLiteral("company"), maker.pick(kCompanies));
            data.insert(QStringLiteral("jobTitle"), QStringLiteral("Engineer"));
        }
        if (i % 4 == 1)
            data.insert(
                QStringLiteral("birthday"),
                QDate(1950 + maker.bounded(55), 1 + maker.bounded(12), 1 + maker.bounded(28))
                    .toString(Qt::ISODate));
        if (i % 10 == 5)
            data.insert(QStringLiteral("isFavorite"), true);
        return maker.insert(QStringLiteral("contacts"), newId(), data, i, perApp);
    };
    if (!pushApp(device, QStringLiteral("contacts"), {}, perApp, contact, error))
        return false;

    QStringList calendarIds;
    QList<QJsonObject> calendars;
    for (int c = 0; c < 3; ++c) {
        calendarIds.append(newId());
        calendars.append(maker.insert(
            QStringLiteral("calendars"), calendarIds.last(),
            {{QStringLiteral("name"), QStringList{QStringLiteral("Personal"),
                                                  QStringLiteral("Work"), QStringLiteral("Family")}
                                          .at(c)},
             {QStringLiteral("color"), kColors.at(c)},
             {QStringLiteral("isDefault"), c == 0},
             {QStringLiteral("isVisible"), true},
             {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}},
            c, 3));
    }
    auto event = [&](int i) {
        const bool allDay = i % 10 == 0;
        QDateTime start = maker.around(365, 365);
        if (allDay)
            start.setTime(QTime(0, 0));
        const QDateTime end = allDay ? start.addDays(1) : start.addSecs(60 * (30 + 30 * (i % 6)));
        QJsonObject data{
            {QStringLiteral("calendarId"), calendarIds.at(i % calendarIds.size())},
            {QStringLiteral("title"),
             QStringLiteral("Event %1 %2 %3").arg(i).arg(maker.pick(kVerbs), maker.pick(kObjects))},
            {QStringLiteral("startDate"), timestamp(start)},
            {QStringLiteral("endDate"), timestamp(end)},
            {QStringLiteral("allDay"), allDay}};
        if (i % 3 == 1)
            data.insert(QStringLiteral("location"), QStringLiteral("Room %1").arg(1 + i % 40));
        return maker.insert(QStringLiteral("events"), newId(), data, i, perApp);
    };
    if (!pushApp(device, QStringLiteral("calendar"), calendars, perApp, event, error))
        return false;

    QStringList shelfIds;
    QList<QJsonObject> shelves;
    for (int c = 0; c < 4; ++c) {
        shelfIds.append(newId());
        shelves.append(
            maker.insert(QStringLiteral("collections"), shelfIds.last(),
                         {{QStringLiteral("name"),
                           QStringList{QStringLiteral("Books"), QStringLiteral("Tools"),
                                       QStringLiteral("Electronics"), QStringLiteral("Kitchen")}
                               .at(c)},
                          {QStringLiteral("schema"), QJsonArray()},
                          {QStringLiteral("order"), double(c)},
                          {QStringLiteral("itemCount"), 0}},
                         c, 4));
    }
    auto item = [&](int i) {
        static const QStringList statuses{QStringLiteral("owned"), QStringLiteral("lent"),
                                          QStringLiteral("stored"), QStringLiteral("for_sale")};
        QJsonObject data{
            {QStringLiteral("collectionId"), shelfIds.at(i % shelfIds.size())},
            {QStringLiteral("name"), QStringLiteral("Item %1 %2").arg(i).arg(maker.pick(kObjects))},
            {QStringLiteral("status"), statuses.at(i % statuses.size())},
            {QStringLiteral("quantity"), 1 + maker.bounded(5)},
            {QStringLiteral("fieldValues"), QJsonObject()},
            {QStringLiteral("photos"), QJsonArray()},
            {QStringLiteral("notes"), QJsonArray()},
            {QStringLiteral("tags"), QJsonArray()},
            {QStringLiteral("order"), double(i)}};
        return maker.insert(QStringLiteral("items"), newId(), data, i, perApp);
    };
    if (!pushApp(device, QStringLiteral("inventar"), shelves, perApp, item, error))
        return false;

    QStringList deckIds;
    QList<QJsonObject> decks;
    for (int d = 0; d < 10; ++d) {
        deckIds.append(newId());
        decks.append(maker.insert(QStringLiteral("decks"), deckIds.last(),
                                  {{QStringLiteral("name"), QStringLiteral("Deck %1").arg(d + 1)},
                                   {QStringLiteral("color"), kColors.at(d % kColors.size())},
                                   {QStringLiteral("cardCount"), perApp / 10},
                                   {QStringLiteral("isPublic"), false}},
                                  d, 10));
    }
    auto card = [&](int i) {
        QJsonObject data{
            {QStringLiteral("deckId"), deckIds.at(i % deckIds.size())},
            {QStringLiteral("front"),
             QStringLiteral("Question %1: what does %2 mean?").arg(i).arg(maker.pick(kObjects))},
            {QStringLiteral("back"), QStringLiteral("Answer %1").arg(i)},
            {QStringLiteral("difficulty"), 1 + i % 5},
            {QStringLiteral("reviewCount"), i % 9},
            {QStringLiteral("order"), double(i)}};
        if (i % 2 == 0)
            data.insert(QStringLiteral("nextReview"), timestamp(maker.around(10, 30)));
        return maker.insert(QStringLiteral("cards"), newId(), data, i, perApp);
    };
    return pushApp(device, QStringLiteral("cards"), decks, perApp, card, error);
}

} // namespace mana::appbench
