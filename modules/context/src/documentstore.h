// Context's writes and reads of documents over the store (docs/context.md):
// short ids per space, the metadata kept on every save, new documents,
// saves that write only what changed, and the full-text search with a
// snippet around each match.
#pragma once

#include "collection.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mana {
class LocalStore;
}

namespace mana::context {

inline constexpr int kMaxPrefixLength = 8;

// The prefix of a space's short ids: letters and digits of `prefix` in
// upper case (at most kMaxPrefixLength); when none, the initials of
// `spaceName`; when none either, "DOC".
QString normalizedPrefix(const QString &prefix, const QString &spaceName = {});

// The next free "<PREFIX>-<n>" of the space (spaceId empty: documents
// without a space): n starts after the number of documents the space ever
// had (deleted ones included, so a number is not given again while the
// tombstone exists), and goes up while a document of the space already has
// that id. Two indexed reads in the usual case, whatever the space's size.
QString nextShortId(LocalStore *store, const QString &spaceId, const QString &prefix,
                    QString *error = nullptr);

// The metadata to store with `content`: `stored`'s keys kept (tags, and
// whatever another client put there), wordCount set, tags an array.
QJsonObject metadataFor(const QJsonValue &stored, QStringView content);

// A new document in the space with its short id and metadata. The space's
// prefix is read from the space.
WriteResult createDocument(LocalStore *store, const QString &spaceId, const QString &title,
                           const QString &content, const QString &type = QStringLiteral("text"));

// Writes the fields of `changes` that differ from the stored record (none:
// nothing is written, no sync change made); a changed content also updates
// the metadata in the same write.
WriteResult saveDocument(LocalStore *store, const QString &id, const QJsonObject &changes);

// Tags (metadata.tags, an array of strings kept by every save).
inline constexpr int kMaxTagLength = 40;
inline constexpr int kMaxTags = 20;

// Why a tag was not added (TagResult); the page says it in the UI language.
// Empty: no letter or digit in it.
enum class TagError { None, Empty, TooLong, Duplicate, TooMany, NoDocument, Refused };

// A typed tag as stored: a leading "#" dropped, inner runs of spaces one
// space, the ends trimmed. Empty when nothing is left.
QString normalizedTag(const QString &typed);

// The document's tags in their order: the strings of metadata.tags, others
// (bad synced data) left out.
QStringList tagsOf(const QJsonObject &record);

// Adds the tag (normalized) at the end of the document's tags, or removes
// it (compared case-insensitively). One write of the metadata with only
// the tags changed; wordCount and other keys as stored. Nothing is written
// on refusal, nor when nothing changes (removing a missing tag).
TagError addTag(LocalStore *store, const QString &id, const QString &typed,
                QString *error = nullptr);
TagError removeTag(LocalStore *store, const QString &id, const QString &tag,
                   QString *error = nullptr);

struct SearchHit
{
    QString documentId;
    QString spaceId;
    QString title;
    QString shortId;
    // About 160 characters of the content around the match, on one line,
    // with "…" where it was cut; the match at snippetStart/snippetLength
    // (-1: the match is in the title, the snippet is the content's start).
    QString snippet;
    int snippetStart = -1;
    int snippetLength = 0;
    // Where the match is in the content, for the editor (-1: not there).
    int contentPosition = -1;
    int matchLength = 0;
};

// The words of a search as the store's full-text index takes them: split
// at spaces, those without a letter or digit left out.
QStringList searchWords(const QString &text);

// Where the first of `words` begins a word of `text`, case and accents
// ignored (as the index matches): {position, length} in `text`, or {-1, 0}.
struct TextMatch
{
    int position = -1;
    int length = 0;
};
TextMatch findWordStart(QStringView text, const QStringList &words);

// The snippet of `text` around `match` (at most `width` characters).
SearchHit snippetFor(QStringView text, TextMatch match, int width = 160);

// At most `limit` live documents that hold every word of `text`, each word
// in the title, the content or the short id (not all in one field; word
// starts, case and accents ignored, through the store's FTS5 index in one
// query): the `limit` newest matches, the last changed first, each with its
// snippet.
QList<SearchHit> searchDocuments(LocalStore *store, const QString &text, int limit = 50,
                                 QString *error = nullptr);

} // namespace mana::context
