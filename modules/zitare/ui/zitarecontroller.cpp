#include "zitarecontroller.h"

#include "localstore.h"
#include "quoteoftheday.h"
#include "quotetext.h"
#include "storeerrortext.h"
#include "zitarelog.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLocale>

namespace mana::zitare {

namespace {

QStringList idsOf(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &id : value.toArray()) {
        if (id.isString() && !ids.contains(id.toString()))
            ids.append(id.toString());
    }
    return ids;
}

QJsonArray arrayOf(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(id);
    return array;
}

QString localPath(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

} // namespace

ZitareController::ZitareController(QObject *parent)
    : QObject(parent)
{
    // The quote of the day turns at midnight while the page is open.
    connect(&m_day, &LocalDay::dateChanged, this, [this] {
        emit todayChanged();
        emit todayTextChanged();
        emit quoteOfTheDayChanged();
    });
}

QObject *ZitareController::store() const
{
    return m_store;
}

void ZitareController::setStore(QObject *store)
{
    auto *localStore = qobject_cast<LocalStore *>(store);
    if (localStore == m_store)
        return;
    for (const char *name : {"favorites", "lists"}) {
        if (Collection *old = collection(name))
            old->disconnect(this);
    }
    m_store = localStore;
    if (Collection *favorites = collection("favorites"))
        connect(favorites, &Collection::changed, this, &ZitareController::refreshFavorites);
    if (Collection *lists = collection("lists"))
        connect(lists, &Collection::changed, this, &ZitareController::refreshLists);
    refreshFavorites();
    refreshLists();
    emit storeChanged();
}

void ZitareController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
    emit todayTextChanged();
}

QDate ZitareController::today() const
{
    return m_day.date();
}

void ZitareController::setToday(const QDate &date)
{
    m_day.setFixedDate(date);
}

QString ZitareController::todayText() const
{
    const QLocale locale(m_language == QLatin1String("de") ? QLocale::German : QLocale::English,
                         m_language == QLatin1String("de") ? QLocale::Germany
                                                           : QLocale::UnitedKingdom);
    return locale.toString(today(), m_language == QLatin1String("de")
                                        ? QStringLiteral("dddd, d. MMMM")
                                        : QStringLiteral("dddd, d MMMM"));
}

QuoteEntry ZitareController::quoteOfTheDay() const
{
    return quote(zitare::quoteOfTheDay(today(), corpus()));
}

QList<AuthorEntry> ZitareController::authors() const
{
    QList<AuthorEntry> authors;
    for (const AuthorCount &author : corpus().authors())
        authors.append({author.name, author.count});
    return authors;
}

QuoteEntry ZitareController::quote(const QString &id) const
{
    QuoteEntry entry;
    entry.id = id;
    entry.favorite = m_favoriteRecords.contains(id);
    const Quote *quote = corpus().find(id);
    if (!quote) {
        entry.missing = true;
        return entry;
    }
    entry.text = quote->text;
    entry.author = quote->author;
    entry.source = quote->source;
    entry.year = quote->year;
    entry.language = quote->language;
    entry.attribution = attributionText(*quote);
    return entry;
}

bool ZitareController::isFavorite(const QString &quoteId) const
{
    return m_favoriteRecords.contains(quoteId);
}

bool ZitareController::setFavorite(const QString &quoteId, bool favorite)
{
    Collection *favorites = collection("favorites");
    if (!favorites || quoteId.isEmpty())
        return false;
    clearError();
    if (favorite == isFavorite(quoteId))
        return true;
    if (favorite) {
        const WriteResult result = favorites->insert(
            {{QStringLiteral("quoteId"), quoteId}, {QStringLiteral("tagIds"), QJsonArray()}});
        return result ? true : fail(storeErrorText(result.failure));
    }
    // Every record of the quote: two devices may have favourited it.
    for (const QString &recordId : m_favoriteRecords.value(quoteId)) {
        const WriteResult result = favorites->remove(recordId);
        if (!result)
            return fail(storeErrorText(result.failure));
    }
    return true;
}

bool ZitareController::toggleFavorite(const QString &quoteId)
{
    return setFavorite(quoteId, !isFavorite(quoteId));
}

QuoteListEntry ZitareController::list(const QString &listId) const
{
    for (const QuoteListEntry &list : m_lists) {
        if (list.id == listId)
            return list;
    }
    return {};
}

QString ZitareController::createList(const QString &name, const QString &description)
{
    Collection *lists = collection("lists");
    if (!lists || name.trimmed().isEmpty())
        return {};
    clearError();
    QJsonObject values{{QStringLiteral("name"), name.trimmed()},
                       {QStringLiteral("quoteIds"), QJsonArray()}};
    if (!description.trimmed().isEmpty())
        values.insert(QStringLiteral("description"), description.trimmed());
    const WriteResult result = lists->insert(values);
    if (!result) {
        fail(storeErrorText(result.failure));
        return {};
    }
    return result.id;
}

bool ZitareController::renameList(const QString &listId, const QString &name,
                                  const QString &description)
{
    Collection *lists = collection("lists");
    if (!lists || list(listId).id.isEmpty() || name.trimmed().isEmpty())
        return false;
    clearError();
    const QJsonValue text = description.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null)
                                                            : QJsonValue(description.trimmed());
    const WriteResult result = lists->update(
        listId, {{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("description"), text}});
    return result ? true : fail(storeErrorText(result.failure));
}

bool ZitareController::listContains(const QString &listId, const QString &quoteId) const
{
    return list(listId).quoteIds.contains(quoteId);
}

bool ZitareController::addToList(const QString &listId, const QString &quoteId)
{
    Collection *lists = collection("lists");
    const QuoteListEntry entry = list(listId);
    if (!lists || entry.id.isEmpty() || quoteId.isEmpty())
        return false;
    clearError();
    if (entry.quoteIds.contains(quoteId))
        return true;
    const WriteResult result = lists->update(
        listId, {{QStringLiteral("quoteIds"), arrayOf(entry.quoteIds + QStringList{quoteId})}});
    return result ? true : fail(storeErrorText(result.failure));
}

bool ZitareController::removeFromList(const QString &listId, const QString &quoteId)
{
    Collection *lists = collection("lists");
    QuoteListEntry entry = list(listId);
    if (!lists || entry.id.isEmpty())
        return false;
    clearError();
    if (!entry.quoteIds.removeAll(quoteId))
        return true;
    const WriteResult result =
        lists->update(listId, {{QStringLiteral("quoteIds"), arrayOf(entry.quoteIds)}});
    return result ? true : fail(storeErrorText(result.failure));
}

QString ZitareController::clipboardText(const QString &quoteId) const
{
    const Quote *quote = corpus().find(quoteId);
    return quote ? zitare::clipboardText(*quote) : QString();
}

bool ZitareController::copyQuote(const QString &quoteId)
{
    const QString text = clipboardText(quoteId);
    if (text.isEmpty())
        return false;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
    emit copied(quoteId);
    return true;
}

bool ZitareController::exportFavorites(const QUrl &file)
{
    return exportEntries(tr("Favourites"), m_favoriteIds, file);
}

bool ZitareController::exportList(const QString &listId, const QUrl &file)
{
    const QuoteListEntry entry = list(listId);
    if (entry.id.isEmpty())
        return false;
    return exportEntries(entry.name, entry.quoteIds, file);
}

QString ZitareController::suggestedFileName(const QString &listId) const
{
    QString name = listId.isEmpty() ? tr("Favourites") : list(listId).name;
    // Characters no file system takes in a name.
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (forbidden.contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('-');
    }
    name = name.trimmed();
    return (name.isEmpty() ? QStringLiteral("Zitare") : name) + QStringLiteral(".md");
}

bool ZitareController::exportEntries(const QString &title, const QStringList &ids, const QUrl &file)
{
    clearError();
    const QString path = localPath(file);
    QList<ExportEntry> entries;
    for (const QString &id : ids)
        entries.append({id, corpus().find(id)});
    const QString text = exportText(title, entries, exportFormatForPath(path),
                                    tr("(A quote that is no longer in Zitare's collection: %1)"));
    QString detail;
    if (!writeTextFile(path, text, &detail)) {
        qCWarning(lcZitare) << "export to" << path << "failed:" << detail;
        return fail(tr("“%1” could not be saved: %2").arg(QFileInfo(path).fileName(), detail));
    }
    emit exported(QFileInfo(path).fileName());
    return true;
}

Collection *ZitareController::collection(const char *name) const
{
    return m_store ? m_store->collection(QStringLiteral("zitare"), QString::fromLatin1(name))
                   : nullptr;
}

bool ZitareController::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcZitare) << message;
    emit lastErrorChanged();
    return false;
}

void ZitareController::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    emit lastErrorChanged();
}

void ZitareController::refreshFavorites()
{
    QStringList ids;
    QHash<QString, QStringList> records;
    if (Collection *favorites = collection("favorites")) {
        Query query;
        query.orderBy(QStringLiteral("createdAt"), true);
        query.orderBy(QStringLiteral("id"));
        for (const QJsonObject &record : favorites->query(query)) {
            const QString quoteId = record.value(QStringLiteral("quoteId")).toString();
            if (quoteId.isEmpty())
                continue;
            if (!records.contains(quoteId))
                ids.append(quoteId);
            records[quoteId].append(record.value(QStringLiteral("id")).toString());
        }
    }
    if (ids == m_favoriteIds && records == m_favoriteRecords)
        return;
    m_favoriteIds = ids;
    m_favoriteRecords = records;
    emit favoritesChanged();
    emit quoteOfTheDayChanged(); // its heart
}

void ZitareController::refreshLists()
{
    QList<QuoteListEntry> entries;
    if (Collection *lists = collection("lists")) {
        Query query;
        Query::Sort byName;
        byName.field = QStringLiteral("name");
        byName.ignoreCase = true;
        query.sort.append(byName);
        query.orderBy(QStringLiteral("id"));
        for (const QJsonObject &record : lists->query(query)) {
            QuoteListEntry entry;
            entry.id = record.value(QStringLiteral("id")).toString();
            entry.name = record.value(QStringLiteral("name")).toString();
            entry.description = record.value(QStringLiteral("description")).toString();
            entry.quoteIds = idsOf(record.value(QStringLiteral("quoteIds")));
            entry.count = int(entry.quoteIds.size());
            entries.append(entry);
        }
    }
    if (entries == m_lists)
        return;
    m_lists = entries;
    emit listsChanged();
}

} // namespace mana::zitare
