#include "documentstore.h"

#include "contextlog.h"
#include "localstore.h"
#include "markdowntext.h"
#include "query.h"

#include <QJsonArray>

#include <algorithm>

namespace mana::context {

namespace {

const QString kApp = QStringLiteral("context");

Collection *documents(LocalStore *store)
{
    return store ? store->collection(kApp, QStringLiteral("documents")) : nullptr;
}

Collection *spaces(LocalStore *store)
{
    return store ? store->collection(kApp, QStringLiteral("spaces")) : nullptr;
}

StoreErrorInfo refusal(StoreError code, const QString &detail)
{
    StoreErrorInfo info;
    info.code = code;
    info.detail = detail;
    return info;
}

Query inSpace(const QString &spaceId)
{
    Query query;
    if (spaceId.isEmpty())
        query.where(QStringLiteral("spaceId"), Query::Op::IsNull);
    else
        query.where(QStringLiteral("spaceId"), Query::Op::Equal, spaceId);
    return query;
}

// `text` with case and accents folded the way the index's unicode61
// tokenizer with remove_diacritics folds them, and per folded unit the
// index of the unit of `text` it came from.
struct Folded
{
    QString text;
    QList<int> origin;
};

Folded fold(QStringView text)
{
    Folded folded;
    folded.text.reserve(text.size());
    folded.origin.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80) {
            folded.text.append(c.toLower());
            folded.origin.append(int(i));
            continue;
        }
        const qsizetype width = c.isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString decomposed =
            text.sliced(i, width).toString().normalized(QString::NormalizationForm_D);
        for (const QChar part : decomposed) {
            if (part.isMark())
                continue;
            for (const QChar f : QString(part).toCaseFolded()) {
                folded.text.append(f);
                folded.origin.append(int(i));
            }
        }
        i += width - 1;
    }
    return folded;
}

} // namespace

QString normalizedPrefix(const QString &prefix, const QString &spaceName)
{
    QString result;
    for (const QChar c : prefix) {
        if (c.isLetterOrNumber() && result.size() < kMaxPrefixLength)
            result.append(c.toUpper());
    }
    if (result.isEmpty()) {
        for (const QStringView word : QStringView(spaceName).split(u' ', Qt::SkipEmptyParts)) {
            if (word.at(0).isLetterOrNumber() && result.size() < 3)
                result.append(word.at(0).toUpper());
        }
    }
    return result.isEmpty() ? QStringLiteral("DOC") : result;
}

QString nextShortId(LocalStore *store, const QString &spaceId, const QString &prefix,
                    QString *error)
{
    Collection *docs = documents(store);
    if (!docs)
        return {};
    Query all = inSpace(spaceId);
    all.includeDeleted = true;
    int number = docs->count(all, error) + 1;
    // A number taken out of order (a document moved here, two devices
    // writing offline) is skipped; each probe is one read of the index.
    for (int probes = 0; probes < 10000; ++probes, ++number) {
        const QString candidate = prefix + u'-' + QString::number(number);
        Query taken = inSpace(spaceId);
        taken.includeDeleted = true;
        taken.where(QStringLiteral("shortId"), Query::Op::Equal, candidate);
        taken.limit = 1;
        if (docs->count(taken, error) == 0)
            return candidate;
    }
    qCWarning(lcContext) << "no free short id in space" << spaceId;
    return {};
}

QJsonObject metadataFor(const QJsonValue &stored, QStringView content)
{
    QJsonObject metadata = stored.toObject();
    if (!metadata.value(QStringLiteral("tags")).isArray())
        metadata.insert(QStringLiteral("tags"), QJsonArray());
    metadata.insert(QStringLiteral("wordCount"), countWords(content));
    return metadata;
}

WriteResult createDocument(LocalStore *store, const QString &spaceId, const QString &title,
                           const QString &content, const QString &type)
{
    Collection *docs = documents(store);
    if (!docs)
        return WriteResult::refused({}, refusal(StoreError::Other, QStringLiteral("no store")));
    QString prefixText;
    QString spaceName;
    if (!spaceId.isEmpty()) {
        if (const auto space = spaces(store)->get(spaceId)) {
            prefixText = space->value(QStringLiteral("prefix")).toString();
            spaceName = space->value(QStringLiteral("name")).toString();
        }
    }
    QJsonObject values{{QStringLiteral("title"), title},
                       {QStringLiteral("content"), content},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("pinned"), false},
                       {QStringLiteral("metadata"), metadataFor({}, content)}};
    if (!spaceId.isEmpty())
        values.insert(QStringLiteral("spaceId"), spaceId);
    const QString shortId = nextShortId(store, spaceId, normalizedPrefix(prefixText, spaceName));
    if (!shortId.isEmpty())
        values.insert(QStringLiteral("shortId"), shortId);
    const WriteResult result = docs->insert(values);
    if (!result)
        qCWarning(lcContext) << "new document refused:" << result.error;
    return result;
}

WriteResult saveDocument(LocalStore *store, const QString &id, const QJsonObject &changes)
{
    Collection *docs = documents(store);
    const auto stored = docs ? docs->get(id) : std::nullopt;
    if (!stored)
        return WriteResult::refused(
            id, refusal(StoreError::NoSuchRecord, QStringLiteral("no document")));
    QJsonObject edits;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (stored->value(it.key()) != it.value())
            edits.insert(it.key(), it.value());
    }
    if (edits.contains(QStringLiteral("content"))) {
        const QJsonObject metadata = metadataFor(stored->value(QStringLiteral("metadata")),
                                                 edits.value(QStringLiteral("content")).toString());
        if (metadata != stored->value(QStringLiteral("metadata")).toObject())
            edits.insert(QStringLiteral("metadata"), metadata);
    }
    if (edits.isEmpty()) {
        WriteResult unchanged;
        unchanged.ok = true;
        unchanged.id = id;
        return unchanged;
    }
    const WriteResult result = docs->update(id, edits);
    if (!result)
        qCWarning(lcContext) << "save of" << id << "refused:" << result.error;
    return result;
}

QString normalizedTag(const QString &typed)
{
    QString tag = typed.simplified();
    while (tag.startsWith(u'#'))
        tag = tag.mid(1).trimmed();
    return tag;
}

QStringList tagsOf(const QJsonObject &record)
{
    QStringList tags;
    const QJsonArray stored =
        record.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("tags")).toArray();
    for (const QJsonValue &tag : stored) {
        if (tag.isString() && !tag.toString().isEmpty())
            tags.append(tag.toString());
    }
    return tags;
}

namespace {

// Writes `tags` into the document's metadata, the rest of it as stored.
TagError writeTags(Collection *docs, const QJsonObject &stored, const QStringList &tags,
                   QString *error)
{
    const QString id = stored.value(QStringLiteral("id")).toString();
    QJsonObject metadata = stored.value(QStringLiteral("metadata")).toObject();
    metadata.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    const WriteResult result = docs->update(id, {{QStringLiteral("metadata"), metadata}});
    if (!result) {
        qCWarning(lcContext) << "tags of" << id << "refused:" << result.error;
        if (error)
            *error = result.error;
        return TagError::Refused;
    }
    return TagError::None;
}

} // namespace

TagError addTag(LocalStore *store, const QString &id, const QString &typed, QString *error)
{
    Collection *docs = documents(store);
    const auto stored = docs ? docs->get(id) : std::nullopt;
    if (!stored)
        return TagError::NoDocument;
    const QString tag = normalizedTag(typed);
    if (std::none_of(tag.cbegin(), tag.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
        return TagError::Empty;
    if (tag.size() > kMaxTagLength)
        return TagError::TooLong;
    QStringList tags = tagsOf(*stored);
    if (tags.contains(tag, Qt::CaseInsensitive))
        return TagError::Duplicate;
    if (tags.size() >= kMaxTags)
        return TagError::TooMany;
    tags.append(tag);
    return writeTags(docs, *stored, tags, error);
}

TagError removeTag(LocalStore *store, const QString &id, const QString &tag, QString *error)
{
    Collection *docs = documents(store);
    const auto stored = docs ? docs->get(id) : std::nullopt;
    if (!stored)
        return TagError::NoDocument;
    QStringList tags = tagsOf(*stored);
    const qsizetype before = tags.size();
    tags.removeIf([&](const QString &t) { return t.compare(tag, Qt::CaseInsensitive) == 0; });
    if (tags.size() == before)
        return TagError::None;
    return writeTags(docs, *stored, tags, error);
}

QStringList searchWords(const QString &text)
{
    QStringList words;
    for (const QString &word : text.split(QChar(u' '), Qt::SkipEmptyParts)) {
        const QString trimmed = word.trimmed();
        for (const QChar c : trimmed) {
            if (c.isLetterOrNumber()) {
                words.append(trimmed);
                break;
            }
        }
    }
    return words;
}

TextMatch findWordStart(QStringView text, const QStringList &words)
{
    if (text.isEmpty() || words.isEmpty())
        return {};
    const Folded folded = fold(text);
    TextMatch best;
    for (const QString &word : words) {
        const QString needle = fold(word).text;
        if (needle.isEmpty())
            continue;
        for (qsizetype at = folded.text.indexOf(needle); at >= 0;
             at = folded.text.indexOf(needle, at + 1)) {
            if (at > 0 && folded.text.at(at - 1).isLetterOrNumber())
                continue;
            const int start = folded.origin.at(at);
            if (best.position >= 0 && start >= best.position)
                break;
            const int last = folded.origin.at(at + needle.size() - 1);
            const int lastWidth = text.at(last).isHighSurrogate() ? 2 : 1;
            best = {start, last + lastWidth - start};
            break;
        }
    }
    return best;
}

SearchHit snippetFor(QStringView text, TextMatch match, int width)
{
    SearchHit hit;
    const qsizetype size = text.size();
    qsizetype start = 0;
    if (match.position >= 0) {
        // About a third of the snippet before the match, from a word start.
        start = std::max<qsizetype>(0, match.position - width / 3);
        if (start > 0) {
            const qsizetype space = text.sliced(start, match.position - start).indexOf(u' ');
            start = space >= 0 ? start + space + 1 : match.position;
        }
    }
    qsizetype end = std::min<qsizetype>(size, start + width);
    if (match.position >= 0)
        end = std::max<qsizetype>(end, std::min<qsizetype>(size, match.position + match.length));
    if (end < size) {
        const qsizetype space = text.sliced(start, end - start).lastIndexOf(u' ');
        if (space > 0 && start + space >= match.position + match.length)
            end = start + space;
    }
    QString snippet = text.sliced(start, end - start).toString();
    // One line: breaks and tabs become spaces (one for one, so the match
    // keeps its place).
    for (QChar &c : snippet) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    const bool cutBefore = start > 0;
    hit.snippet = (cutBefore ? QString(QChar(0x2026)) : QString()) + snippet +
                  (end < size ? QString(QChar(0x2026)) : QString());
    if (match.position >= 0) {
        hit.snippetStart = int(match.position - start) + (cutBefore ? 1 : 0);
        hit.snippetLength = match.length;
        hit.contentPosition = match.position;
        hit.matchLength = match.length;
    }
    return hit;
}

QList<SearchHit> searchDocuments(LocalStore *store, const QString &text, int limit, QString *error)
{
    Collection *docs = documents(store);
    const QStringList words = searchWords(text);
    if (!docs || words.isEmpty())
        return {};
    // One query of the index over the three fields, the index driving:
    // each word may be in any of them ("roadmap kickoff": the first in the
    // title, the second in the text), FTS5 gives the newest matches first
    // and the store stops after `limit` of them, so a word that all
    // 100,000 documents have costs what a rare one does. A Query::search
    // would collect every match and sort them (350 ms for such a word,
    // bench/context).
    QString readError;
    QList<QJsonObject> records = docs->searchFields(
        {QStringLiteral("title"), QStringLiteral("content"), QStringLiteral("shortId")}, text,
        limit, &readError);
    if (!readError.isEmpty()) {
        qCWarning(lcContext) << "search failed:" << readError;
        if (error)
            *error = readError;
        return {};
    }
    // The last changed first.
    std::sort(records.begin(), records.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString at = a.value(QStringLiteral("updatedAt")).toString();
        const QString bt = b.value(QStringLiteral("updatedAt")).toString();
        return at != bt ? at > bt
                        : a.value(QStringLiteral("id")).toString() >
                              b.value(QStringLiteral("id")).toString();
    });
    if (records.size() > limit)
        records.resize(limit);
    QList<SearchHit> hits;
    hits.reserve(records.size());
    for (const QJsonObject &record : records) {
        const QString content = record.value(QStringLiteral("content")).toString();
        SearchHit hit = snippetFor(content, findWordStart(content, words));
        hit.documentId = record.value(QStringLiteral("id")).toString();
        hit.spaceId = record.value(QStringLiteral("spaceId")).toString();
        hit.title = record.value(QStringLiteral("title")).toString();
        hit.shortId = record.value(QStringLiteral("shortId")).toString();
        hits.append(hit);
    }
    return hits;
}

} // namespace mana::context
