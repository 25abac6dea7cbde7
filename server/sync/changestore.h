// Storage of the sync server, behind one narrow interface so PostgreSQL can
// join SQLite later. Per user it keeps an append-only change log with a
// per-user sequence number (the cursor) and the merged current state of
// every record. Every method is scoped to one user id.
#pragma once

#include "wire/merge.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace mana::server {

// One record's incoming edit, already turned into field states.
struct IncomingRecordChange
{
    QString table;
    QString id;
    RecordState state;
};

struct ApplyResult
{
    bool ok = false;
    QString error; // for the log when !ok
    int changedRecords = 0;
    QStringList changedTables; // sorted, unique
    qint64 head = 0;           // the user's last sequence number after the push
};

struct StoredRecord
{
    QString table;
    QString id;
    RecordState state;
    qint64 position = 0; // the last log entry that qualified it for the page
};

struct ChangeQuery
{
    QString userId;
    QString appId;
    QString table; // empty: every table of the app
    qint64 since = 0;
    QString excludeClientId; // entries written by this client do not count
    int limit = 1000;
};

struct ChangePage
{
    bool ok = false;
    QString error;
    QList<StoredRecord> records;
    qint64 syncedUntil = 0;
    bool hasMore = false;
};

// Called inside the push transaction with a record's current state before
// the merge; may rewrite the incoming state (the clock-skew clamp needs the
// current state to stay idempotent).
using PrepareIncoming = std::function<void(const IncomingRecordChange &change,
                                           const RecordState &current, RecordState &incoming)>;

class ChangeStore
{
public:
    virtual ~ChangeStore();

    // Creates the tables; idempotent.
    virtual bool initialize(QString *error) = 0;
    // Runs a trivial query: false when the database does not answer.
    virtual bool isHealthy() = 0;
    // An id of this database, part of every cursor, so a cursor of another
    // server (or of a wiped database) reads as "from the beginning".
    virtual QString databaseId() const = 0;

    // Merges the changes into the current states in one transaction and
    // appends one log entry per record whose state changed (none for a
    // retried push). All or nothing.
    virtual ApplyResult applyChanges(const QString &userId, const QString &appId,
                                     const QString &clientId,
                                     const QList<IncomingRecordChange> &changes,
                                     const PrepareIncoming &prepare) = 0;
    // Records of the user and app with a log entry after `since` written by
    // another client, as merged current states, in log order.
    virtual ChangePage changesSince(const ChangeQuery &query) = 0;
    virtual std::optional<qint64> head(const QString &userId) = 0;

    // Cursor text: "mana1:<database id>:<sequence>".
    QString formatCursor(qint64 sequence) const;
    // The sequence, or 0 ("from the beginning") for an empty, foreign,
    // malformed cursor or one beyond `head`.
    qint64 parseCursor(const QString &cursor, qint64 head) const;
};

// The stored form of a record state: {"field":{"value":…,"updatedAt":…,"clientId":…}}.
// The text is exactly what QJsonDocument writes (compact, sorted keys).
QByteArray recordStateToJson(const RecordState &state);
std::optional<RecordState> recordStateFromJson(const QByteArray &json);

// One row of a page query (either database), its state parsed only if it
// makes the page.
struct PageCandidate
{
    QString table;
    QString id;
    qint64 position = 0;
    QByteArray state; // UTF-8 JSON
};

// Fills `page` from a reader's two candidate lists, each in position order
// and each read with a limit of one more than `limit`: the records whose
// latest entry qualifies, and those the reader wrote last whose latest
// entry by another writer does. Positions are log sequences of distinct
// entries, so the lists never tie. Sets records, hasMore, syncedUntil
// (`head` when everything fit) and ok, or error for a state it cannot read.
void fillPageFromCandidates(const QList<PageCandidate> &latest,
                            const QList<PageCandidate> &byOthers, int limit, qint64 head,
                            ChangePage *page);

} // namespace mana::server
