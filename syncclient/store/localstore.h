// One SQLite database per profile (guest, or one per signed-in account):
// WAL, foreign keys, busy timeout, a schema version with migrations, the
// collections of every module and the pending change queue.
#pragma once

#include "collection.h"
#include "hybridlogicalclock.h"
#include "nativesqlite.h"
#include "pendingchangequeue.h"
#include "statementcache.h"
#include "undostep.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

class TestCollectionSearch;

namespace mana {

class WalCheckpointer;

class LocalStore : public QObject
{
    Q_OBJECT
public:
    // The schema version of the store's own tables this build writes.
    static constexpr int kSchemaVersion = 3;
    // How far above the last issued timestamp the stored clock ceiling is
    // (see inTransaction): after a restart, timestamps continue at most
    // this far ahead of where they left off.
    static constexpr Millis kClockReserveMs = 1000;
    // A write-ahead log this long asks a long run of writes for a breather
    // (walWantsBreather); one is waited for at most kWalBreatherMaxMs.
    static constexpr int kWalBreatherFrames = 8192;
    static constexpr int kWalBreatherMaxMs = 250;
    // The full-text indexes catch up with the rows writes noted this long
    // after a commit, in chunks of at most kSearchCatchUpChunkRows rows, one
    // per event-loop turn (a chunk takes a few ms here; see
    // docs/decisions.md). A search catches up its collection first anyway.
    static constexpr int kSearchCatchUpDelayMs = 50;
    static constexpr int kSearchCatchUpChunkRows = 1000;
    // Undo steps kept in memory (writeGroupWithUndo): the oldest goes first.
    static constexpr int kMaxUndoSteps = 50;

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // QStandardPaths::AppDataLocation.
    static QString defaultDirectory();
    // "<directory>/<profile>.sqlite"; the profile name is sanitised.
    static QString profilePath(const QString &directory, const QString &profile);

    // Whether open() reads every page of a small file to find damage.
    enum class PageCheck {
        IfSmall, // files up to 16 MiB (see open())
        Skip,    // a file this process checked (or made) a moment ago
    };

    // Whether this process may write the profile: open() looks before
    // SQLite does (access(2), so root, read-only mounts and immutable files
    // are judged as the kernel will).
    enum class Access {
        ReadWrite,
        FileReadOnly,   // the database file cannot be written
        FolderReadOnly, // its folder cannot be (no log, no journal: no write)
    };
    Q_ENUM(Access)

    // Why a write transaction failed when the storage, not the data, was
    // the cause. It was rolled back: everything committed before is intact.
    enum class WriteFailure {
        NoSpace,   // the disk is full (or a quota or the file size limit is reached)
        ReadOnly,  // the file became read-only, or was opened so
        DiskError, // any other I/O error
    };
    Q_ENUM(WriteFailure)

    // Why the last open() failed, for callers that offer a way out (a
    // damaged account profile can be rebuilt from the server) and must not
    // offer it for a file that is merely locked, read-only or newer.
    enum class OpenFailure {
        None,
        Damaged,     // not SQLite, truncated, or SQLite finds it corrupt
        NewerSchema, // written by a newer ManaCore
        Storage,     // cannot be read, created or written (permissions, lock, disk)
        Other,       // anything else SQLite said
    };
    Q_ENUM(OpenFailure)

    // Opens or creates the database file. A file that is not a SQLite
    // database, is corrupt, or has a newer schema than this build knows gives
    // false, the English sentence for the log in *error and the code in
    // openError() (openFailure() its kind); such a file is never written to.
    // A file this process cannot write (see Access) is opened read-only:
    // its collections can be read when the modules' specs are the ones
    // already in it, every write fails with writeFailed(ReadOnly).
    bool open(const QString &filePath, QString *error = nullptr,
              PageCheck pageCheck = PageCheck::IfSmall);
    void close();
    bool isOpen() const;
    OpenFailure openFailure() const { return openFailureOf(m_openError.code); }
    // Why the last open() failed, with the details the window's sentence
    // needs (the words are made at the edge: storeErrorText).
    const OpenErrorInfo &openError() const { return m_openError; }
    static OpenFailure openFailureOf(OpenError code);
    Access access() const { return m_access; }
    bool isReadOnly() const { return m_access != Access::ReadWrite; }
    // Whether the hot paths call SQLite directly (see nativesqlite.h) or
    // everything goes through QtSql.
    bool callsSqliteDirectly() const { return m_native != nullptr; }
    QString filePath() const { return m_filePath; }

    // Created once per profile, stored in the database.
    QString clientId() const { return m_clientId; }

    // Replaces the clock (tests). The store keeps the clock's last issued
    // value in the database so timestamps stay monotonic across restarts.
    void setWallClock(HybridLogicalClock::WallClock wallClock);
    HybridLogicalClock &clock() { return m_clock; }

    // Creates the collection's table (or migrates it: new columns, new
    // indexes). Returns nullptr and a reason when the spec cannot be applied.
    Collection *addCollection(const CollectionSpec &spec, QString *error = nullptr);
    // All collections of the module; false when any fails.
    bool addModule(const ModuleSpec &module, QString *error = nullptr);
    Collection *collection(const QString &appId, const QString &wireName) const;
    QList<Collection *> collections() const;

    PendingChangeQueue &pendingChanges() { return *m_pending; }

    // Several writes as ONE transaction (localstorewritegroup.cpp): `body`
    // calls Collection::insert/update/remove and may read what it wrote.
    // When it returns false, nothing it wrote is kept; a single write in it
    // that fails is undone alone (a savepoint) and reports its error as
    // usual, and the body decides whether the group goes on. Listeners hear
    // of the writes only after the commit: Collection::changed once per
    // collection with every id, pendingChangesAdded once per app. A group
    // inside a group is part of it (undone alone when its body fails).
    bool writeGroup(const std::function<bool(QString *error)> &body, QString *error = nullptr);
    bool inWriteGroup() const { return m_groupDepth > 0; }
    // The code of a write that failed with `error` (a group's, or any
    // write's own text): ReadOnly for a read-only profile, else SQLite's
    // message sorted, with the errno of the last failed write (a full disk
    // can be an I/O error). Other for text that is not SQLite's.
    StoreError writeErrorOf(const QString &error) const;
    // The code of a read (a query, a count) that failed with SQLite's
    // `error`: Corrupt, Busy, DiskError, DiskFull; Other for anything else
    // (a query the collection cannot run is a caller's bug).
    static StoreError readErrorOf(const QString &error);

    // Undo of a write group (localstoreundo.cpp, docs/architecture.md):
    // writeGroup() that also keeps, for every record the group writes, its
    // state before the group and as the group left it. *step gets the step
    // (id 0 when the group failed or changed nothing); a call inside a group
    // that is already recorded belongs to that group's step (*step stays
    // empty). Steps live in memory only, the last kMaxUndoSteps of them,
    // and are gone after close().
    bool writeGroupWithUndo(const std::function<bool(QString *error)> &body, UndoStep *step,
                            QString *error = nullptr);
    // Takes the step back in ONE new write group of ordinary local writes
    // (they sync like any edit): records the group made are deleted, records
    // it deleted are restored, and a field the group changed gets its old
    // value back only where it still holds what the group wrote. All or
    // nothing; the step is gone once undone.
    bool undo(int stepId, QString *error = nullptr);
    // nullptr: unknown, already undone, or dropped.
    const UndoStep *undoStep(int stepId) const;
    // The words an Undo bar shows for the step.
    void setUndoDescription(int stepId, const QString &description);

    // Merges changes received from the server into the app's collections:
    // one transaction, field by field with mergeRecord(), no pending changes
    // created. Changes for unknown tables are skipped with a warning. Emits
    // Collection::changed for the records that changed.
    bool applyRemoteChanges(const QString &appId, const QList<wire::Change> &changes,
                            const QString &senderClientId, QString *error = nullptr);

    // What the sync engine commits after an answer of the server, in ONE
    // transaction: the received changes (merged as above), the pending rows
    // the server accepted, the server's clamping of our far-future
    // timestamps, and the new cursors (meta values). A crash leaves either
    // all of it or none.
    struct RemoteBatch
    {
        QString appId;
        QList<wire::Change> changes;
        QString senderClientId; // writer of fields that name none
        QList<qint64> acknowledged;
        QList<wire::AdjustedTimestamp> adjusted;
        QList<QPair<QString, QString>> metaValues;
    };
    bool applyRemoteBatch(const RemoteBatch &batch, QString *error = nullptr);

    // Small key/value settings kept in the profile (sync cursors, flags).
    QString metaValue(const QString &key, const QString &defaultValue = {}) const;
    bool setMetaValue(const QString &key, const QString &value, QString *error = nullptr);

    QString connectionName() const { return m_connectionName; }

    // For a long run of writes split over event-loop turns (a large pull):
    // true while it should pause before its next write. The checkpoint
    // thread copies the log back beside the writer, but the log only starts
    // over when a write begins after a checkpoint that copied all of it,
    // which back-to-back writes never leave time for; the log then grows to
    // the fallback checkpoint, which runs inside a commit (50-85 ms here).
    // So once the log passes kWalBreatherFrames this wakes the thread and
    // says "pause" until it has copied everything (the event loop stays
    // free meanwhile), for at most kWalBreatherMaxMs.
    bool walWantsBreather();
    // Frames in the log after the last commit; -1 when not known (QtSql
    // only, or no checkpoint thread).
    int walFrameCount() const;
    QSqlDatabase database() const;

signals:
    // A write transaction failed because of the storage (see WriteFailure),
    // from whichever caller: the shell shows it, since callers that are
    // not a person's action (sync, reminders) only log their errors.
    // `detail` is SQLite's message.
    void writeFailed(mana::LocalStore::WriteFailure failure, const QString &detail);
    // After a local write committed; the sync engine listens.
    void pendingChangesAdded(const QString &appId);
    // After pushed changes were removed from the queue.
    void pendingChangesAcknowledged(const QString &appId);

private:
    friend class Collection;
    friend class ::TestCollectionSearch; // searches inside a transaction, chunks
    // Runs `body` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK when it returns
    // false); also persists the clock's last issued value.
    bool inTransaction(const std::function<bool(QString *)> &body, QString *error);
    // Whether a transaction is open on the connection: one of inTransaction,
    // or (where SQLite is called directly) a NativeSqlite::ReadTransaction.
    bool transactionOpen() const;
    // A catch-up of a full-text index (Collection::catchUpSearchIndex): in
    // a transaction of its own when none is open, else in a savepoint of
    // the open one, so a search inside a transaction sees its writes and
    // leaves the catch-up to its commit or rollback. Its commit schedules
    // no idle catch-up.
    bool writeSearchIndex(const std::function<bool(QString *)> &body, QString *error);
    // Every opened collection's index takes at most `maxRows` noted rows
    // (all when 0 or less) between them; *more: notes may be left.
    bool catchUpSearchIndexes(qint64 maxRows, qint64 *rows, bool *more, QString *error);
    // The idle catch-up: one chunk, and the next on the next turn.
    void scheduleSearchCatchUp(int delayMs);
    void catchUpSearchIndexesWhileIdle();
    StatementCache &statements() { return *m_statements; }
    // Direct SQLite calls for the hot paths; nullptr when they are not safe
    // here (see nativesqlite.h) and QtSql does everything.
    NativeSqlite *native() const { return m_native.get(); }
    // The registry of collection tables (_collections), also for tables
    // whose module is not loaded in this session.
    QString tableSpecJson(const QString &tableName) const;
    QString specAppId(const QString &tableName) const;

    // Inside a write group: `body` in a savepoint of the group's
    // transaction, rolled back alone when it fails.
    bool inSavepoint(const std::function<bool(QString *)> &body, QString *error);
    // A local write of `ids` in `collection` committed (or, in a write
    // group, is part of it): the signals go now, or after the group commits.
    void noteLocalWrite(Collection *collection, const QStringList &ids);
    // Collection calls it before every write of a record: inside
    // writeGroupWithUndo, the record's state before the group's first write
    // to it joins the step being recorded. Nothing otherwise.
    void noteBeforeWrite(Collection *collection, const QString &id)
    {
        if (m_undoRecording)
            recordBeforeWrite(collection, id);
    }
    void recordBeforeWrite(Collection *collection, const QString &id);
    // Sets one record back as undo() describes.
    bool undoRecord(const UndoStep::Record &record, QString *error);
    // A failed write transaction: writeFailed() when the storage caused it.
    void reportWriteFailure(const QString &error, int systemErrno);

    QString m_filePath;
    Access m_access = Access::ReadWrite;
    OpenErrorInfo m_openError;
    QString m_connectionName;
    QString m_clientId;
    HybridLogicalClock m_clock;
    // The clock ceiling last written to _meta: no timestamp above it was
    // issued yet.
    Millis m_persistedClock = -1;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<NativeSqlite> m_native;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    QElapsedTimer m_walBreather;                  // running while a breather is asked for
    int m_walBreatherFrames = kWalBreatherFrames; // the log length that asks
    std::unique_ptr<PendingChangeQueue> m_pending;
    QHash<QString, Collection *> m_collections; // key: "<appId>/<wireName>"
    int m_transactionDepth = 0;                 // inTransaction bodies running
    int m_groupDepth = 0;                       // writeGroup bodies running
    // The writes of the running group, told once it commits.
    QList<QPair<Collection *, QStringList>> m_groupWrites;
    int m_savepointDepth = 0;            // names the nested savepoints
    int m_lastWriteErrno = 0;            // of the last failed write (writeErrorOf)
    UndoStep *m_undoRecording = nullptr; // the step writeGroupWithUndo records
    QSet<QString> m_undoRecorded;        // its records: "<appId>/<wireName>/<id>"
    QList<UndoStep> m_undoSteps;         // oldest first
    int m_lastUndoStepId = 0;
    bool m_writingSearchIndex = false; // in writeSearchIndex
    QTimer m_searchCatchUp;
};

} // namespace mana
