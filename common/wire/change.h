// Wire types of PROTOCOL.md: a Change, the push Changeset, the answer
// envelope and the error body, with JSON (de)serialisation and validation.
// fromJson() never throws and never crashes on hostile input; it returns
// nullopt with a reason a developer can act on.
#pragma once

#include "merge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace mana::wire {

// Limits of PROTOCOL.md ("Common rules").
inline constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;
inline constexpr int kMaxChangesPerPush = 1000;
inline constexpr int kMaxJsonDepth = 32;
inline constexpr int kMaxRecordIdBytes = 128;
// Keys of a change's `data` and of its `fields` (each on its own): a record
// with more is refused before it costs the merge and the store anything.
inline constexpr int kMaxFieldsPerChange = 1000;

// `[A-Za-z_][A-Za-z0-9_]{0,63}`: table (wire) names and field names.
bool isValidName(QStringView name);
// `[a-z][a-z0-9-]{0,31}`
bool isValidAppId(QStringView appId);
// Non-empty, at most 128 bytes of UTF-8, no control character (U+0000 to
// U+001F, U+007F): an id is shown, logged and compared as text.
bool isValidRecordId(QStringView id);

// Parses a request or answer body: size limit, JSON syntax, nesting depth
// (the outermost object or array is depth 1), and what RFC 8259 forbids
// or leaves open but QJsonDocument lets through: a raw control character
// inside a string, and an object with the same key twice (QJsonDocument
// would keep the last silently; a proxy or another reader may take the
// first). Returns nullopt with a reason.
std::optional<QJsonDocument> parseBody(const QByteArray &body, QString *error,
                                       qsizetype maxBytes = kMaxBodyBytes,
                                       int maxDepth = kMaxJsonDepth);
// Depth of a JSON value (scalars 0, `{}` 1, `{"a":[]}` 2).
int jsonDepth(const QJsonValue &value);

// A record's per-field states as the compact JSON text of a change's
// `fields` ({"name":{"clientId":…,"updatedAt":…,"value":…}}, clientId left
// out when empty), byte for byte what QJsonDocument writes. The server
// stores states in this form too.
void appendFieldStatesJson(QByteArray *out, const RecordState &fields);

enum class ChangeOp { Insert, Update, Delete };
QString toString(ChangeOp op);
std::optional<ChangeOp> changeOpFromString(QStringView text);

struct Change
{
    QString table; // wire name of the collection
    QString id;
    ChangeOp op = ChangeOp::Update;
    // insert: the whole record, `createdAt`/`updatedAt` included. May be
    // empty when `fields` is given; toJson() then derives it from them, so
    // such a change does not round-trip to an equal Change (its record
    // state does).
    QJsonObject data;
    // update (and, as our extension, insert): field -> value + timestamp
    // (+ optional writer "clientId", an extension that keeps ties
    // deterministic across servers). Timestamps are canonical after fromJson.
    QMap<QString, FieldState> fields;
    // delete: when it was deleted (canonical).
    QString deletedAt;

    // `pusher`: the client id of the push this change goes out in. An insert
    // whose every field carries one timestamp written by the pusher says the
    // same thing in `data` alone (the original protocol's form: the record's
    // updatedAt for every field, the pusher as writer), so `fields` is left
    // out: half the bytes for new records, which are most of a bulk push.
    QJsonObject toJson(const QString &pusher = {}) const;
    // The compact JSON text of toJson(pusher), written without building the
    // QJsonObject: the fast path for push bodies and answers.
    void appendJson(QByteArray *out, const QString &pusher = {}) const;
    static std::optional<Change> fromJson(const QJsonValue &json, QString *error);

    // The change as per-field states for mergeRecord(): `fields` when present,
    // else every key of `data` (except `id` and `updatedAt`, which are record
    // metadata) stamped with data.updatedAt, else data.createdAt; a delete
    // adds the field `deletedAt`. A field without a writer gets
    // `writerClientId`.
    RecordState toRecordState(const QString &writerClientId) const;

    friend bool operator==(const Change &, const Change &) = default;
};

// The body of POST /sync/{appId}.
struct Changeset
{
    QString clientId;
    QString appId;
    QString since; // opaque cursor; "1970-01-01T00:00:00.000Z" when none
    QList<Change> changes;

    QJsonObject toJson() const;
    // Refuses more than kMaxChangesPerPush changes (error starts with
    // "too_many_changes:") so the server can map it to 413.
    static std::optional<Changeset> fromJson(const QJsonValue &json, QString *error);
};

struct AdjustedTimestamp
{
    QString table;
    QString id;
    QString field;
    QString updatedAt;

    friend bool operator==(const AdjustedTimestamp &, const AdjustedTimestamp &) = default;
};

// The answer to a push or a pull. The extension fields are optional: a
// server that does not send them leaves them unset.
struct SyncResponse
{
    QList<Change> serverChanges;
    QJsonArray conflicts;
    QString syncedUntil;
    std::optional<int> accepted;       // ext
    QList<AdjustedTimestamp> adjusted; // ext
    std::optional<bool> hasMore;       // ext on push, standard on pull

    QJsonObject toJson() const;
    // The compact JSON text of toJson(), written directly (see appendJson).
    QByteArray toJsonText() const;
    static std::optional<SyncResponse> fromJson(const QJsonValue &json, QString *error);
};

// `{"error":{"code":"snake_case","message":"…"}}`
struct ErrorBody
{
    QString code;
    QString message;

    QJsonObject toJson() const;
    // For a body that is not that JSON (the original server answers plain
    // text), returns nullopt; callers then show the body text.
    static std::optional<ErrorBody> fromBody(const QByteArray &body);
};

} // namespace mana::wire
