#include "localstore.h"

#include "storefilecheck.h"
#include "walcheckpointer.h"

#include "recordrow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopedValueRollback>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>
#include <optional>

Q_LOGGING_CATEGORY(lcStore, "mana.store")

namespace mana {

namespace {
// How often the WAL is copied back: often enough to keep it small (reads
// look pages up in it), rarely enough to cost nothing while idle.
constexpr int kCheckpointIntervalMs = 100;
} // namespace

namespace {

// The store's own tables, one entry per schema version. A database at
// version N gets migrations N+1.. applied in one transaction each.
const QStringList kMigrations[] = {
    // 1: meta values, the registry of collection tables, the pending queue.
    {
        QStringLiteral("CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE _collections (table_name TEXT PRIMARY KEY, app_id TEXT NOT NULL, "
            "wire_name TEXT NOT NULL, spec_json TEXT NOT NULL, UNIQUE (app_id, wire_name))"),
        QStringLiteral("CREATE TABLE _pending_changes (sequence INTEGER PRIMARY KEY AUTOINCREMENT, "
                       "app_id TEXT NOT NULL, table_name TEXT NOT NULL, wire_name TEXT NOT NULL, "
                       "record_id TEXT NOT NULL, op TEXT NOT NULL, fields_json TEXT NOT NULL, "
                       "UNIQUE (table_name, record_id))"),
        // No index by app: the queue is short-lived, and every index costs
        // each local write another B-tree insert.
    },
    // 2: the queue without AUTOINCREMENT (PendingChangeQueue::record keeps
    // numbers from being given twice): AUTOINCREMENT wrote sqlite_sequence
    // in every local write's transaction.
    {
        QStringLiteral("CREATE TABLE _pending_changes_2 (sequence INTEGER PRIMARY KEY, "
                       "app_id TEXT NOT NULL, table_name TEXT NOT NULL, wire_name TEXT NOT NULL, "
                       "record_id TEXT NOT NULL, op TEXT NOT NULL, fields_json TEXT NOT NULL, "
                       "UNIQUE (table_name, record_id))"),
        QStringLiteral("INSERT INTO _pending_changes_2 SELECT sequence, app_id, table_name, "
                       "wire_name, record_id, op, fields_json FROM _pending_changes"),
        QStringLiteral("DROP TABLE _pending_changes"),
        QStringLiteral("ALTER TABLE _pending_changes_2 RENAME TO _pending_changes"),
    },
    // 3: every collection table with text fields has a full-text index kept
    // in step by triggers (made and filled by addCollection, which has the
    // spec; see collectionsearch.cpp). Nothing to run here: the number keeps
    // builds of schema 2 away from such a file, because their remote merges
    // write with INSERT OR REPLACE, which bypasses the triggers and would
    // leave stale words in the index.
    {},
};
static_assert(std::size(kMigrations) == LocalStore::kSchemaVersion,
              "one entry of kMigrations per schema version");

// Files up to this size get a full page check on every open.
constexpr qint64 kQuickCheckMaxBytes = 16 * 1024 * 1024;

const QString kClientIdKey = QStringLiteral("clientId");
const QString kClockKey = QStringLiteral("clock.lastIssued");

} // namespace

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(
          QStringLiteral("mana-store-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    , m_searchCatchUp(this) // a child: moves with the store to another thread
{
    m_searchCatchUp.setSingleShot(true);
    connect(&m_searchCatchUp, &QTimer::timeout, this, &LocalStore::catchUpSearchIndexesWhileIdle);
}

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString LocalStore::profilePath(const QString &directory, const QString &profile)
{
    // Escaped, not replaced: two profiles never share a file.
    QString safe;
    for (const char byte : profile.toUtf8()) {
        const bool ok = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                        (byte >= '0' && byte <= '9') || byte == '-' || byte == '.';
        safe +=
            ok ? QString(QChar(byte)) : QStringLiteral("_%1").arg(quint8(byte), 2, 16, QChar(u'0'));
    }
    if (safe.isEmpty() || safe.startsWith(u'.'))
        safe.prepend(QStringLiteral("profile"));
    return QDir(directory).filePath(safe + QStringLiteral(".sqlite"));
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

int LocalStore::walFrameCount() const
{
    return m_checkpointer && m_native ? m_native->walFrames() : -1;
}

bool LocalStore::walWantsBreather()
{
    const int frames = walFrameCount();
    if (frames < kWalBreatherFrames) {
        // Started over (or not known): the next long log asks again.
        m_walBreatherFrames = kWalBreatherFrames;
        m_walBreather.invalidate();
        return false;
    }
    if (frames < m_walBreatherFrames || m_checkpointer->hasCopied(frames)) {
        m_walBreather.invalidate();
        return false;
    }
    if (!m_walBreather.isValid()) {
        m_walBreather.start();
        m_checkpointer->checkpointNow();
        qCDebug(lcStore) << "a breather for the write-ahead log at" << frames << "frames";
    }
    if (m_walBreather.elapsed() > kWalBreatherMaxMs) {
        // The thread cannot copy everything (a reader on another connection
        // holds older frames): go on, and ask again a stretch later.
        m_walBreather.invalidate();
        m_walBreatherFrames = frames + kWalBreatherFrames;
        return false;
    }
    return true;
}

LocalStore::OpenFailure LocalStore::openFailureOf(OpenError code)
{
    switch (code) {
    case OpenError::None:
        return OpenFailure::None;
    case OpenError::NotADatabase:
    case OpenError::Truncated:
    case OpenError::Corrupt:
        return OpenFailure::Damaged;
    case OpenError::NewerSchema:
        return OpenFailure::NewerSchema;
    case OpenError::Other:
        return OpenFailure::Other;
    case OpenError::NoAccess:
    case OpenError::FolderNotCreated:
    case OpenError::FolderReadOnly:
    case OpenError::Locked:
    case OpenError::DiskFull:
    case OpenError::DiskError:
    case OpenError::NeedsUpdate:
        break;
    }
    return OpenFailure::Storage;
}

bool LocalStore::open(const QString &filePath, QString *error, PageCheck pageCheck)
{
    close();
    m_openError = {};
    // openError() says why afterwards; SQLite's errors are sorted by their
    // message (storefile::openErrorOf). The sentence is for the log.
    auto fail = [&](OpenErrorInfo why) {
        if (why.path.isEmpty())
            why.path = filePath;
        qCWarning(lcStore).noquote() << why.detail << "(" << openErrorName(why.code) << ")";
        if (error)
            *error = why.detail;
        close();
        m_openError = why;
        return false;
    };
    auto failWith = [&](OpenError code, const QString &detail) {
        OpenErrorInfo why;
        why.code = code;
        why.detail = detail;
        return fail(why);
    };

    const OpenErrorInfo problem = storefile::inspectExistingFile(filePath);
    if (problem.isError())
        return fail(problem);

    // On the first start the data folder does not exist yet.
    const QString folder = QFileInfo(filePath).absolutePath();
    if (!QFileInfo::exists(filePath) && !QDir().mkpath(folder)) {
        OpenErrorInfo why;
        why.code = OpenError::FolderNotCreated;
        why.path = folder;
        why.detail = QStringLiteral("Cannot create the folder of the database %1.").arg(filePath);
        return fail(why);
    }
    if (!QFileInfo::exists(filePath) && !QFileInfo(folder).isWritable()) {
        OpenErrorInfo why;
        why.code = OpenError::FolderReadOnly;
        why.path = folder;
        why.detail = QStringLiteral("The folder %1 is read-only, so the profile %2 cannot be "
                                    "created there.")
                         .arg(folder, QFileInfo(filePath).fileName());
        return fail(why);
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_access = storefile::accessOf(filePath);
    const QFileInfo wal(filePath + QStringLiteral("-wal"));
    if (m_access == Access::ReadWrite) {
        db.setDatabaseName(filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else if (!wal.exists() || wal.size() == 0) {
        // Without a log holding commits, the file alone is the data:
        // "immutable" reads it without the -shm file a WAL reader needs,
        // which a read-only folder would not let SQLite create (and which
        // a read-only file would leave behind read-only, breaking the
        // owner's next writable open). Nobody else can change the file
        // meanwhile: not this user, and no second instance (the lock).
        db.setDatabaseName(QString::fromUtf8(QUrl::fromLocalFile(filePath).toEncoded()) +
                           QStringLiteral("?immutable=1"));
        db.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        // A crash left commits in the log: read through it.
        db.setDatabaseName(filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
    }
    if (!db.open())
        return failWith(
            storefile::openErrorOf(db.lastError().text()),
            QStringLiteral("Cannot open the database %1: %2").arg(filePath, db.lastError().text()));
    if (isReadOnly())
        qCWarning(lcStore).noquote()
            << "opening" << filePath << "read-only:"
            << (m_access == Access::FileReadOnly ? "the file cannot be written"
                                                 : "its folder cannot be written");

    QSqlQuery query(db);
    // Reading the schema first: a corrupt file fails here, before any write.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return fail(storefile::unreadable(filePath, query.lastError().databaseText()));
    // Pages the header does not describe can still be garbage; SQLite only
    // notices when it reads them, which may be after we wrote. A full check
    // reads every page (1.6 s for 100,000 rows), so it runs on files up to
    // kQuickCheckMaxBytes; see docs/decisions.md.
    const bool checkPages =
        pageCheck == PageCheck::IfSmall && QFileInfo(filePath).size() <= kQuickCheckMaxBytes;
    if (checkPages && (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next() ||
                       query.value(0).toString() != QLatin1String("ok"))) {
        // Rows other than "ok" name the damage; an error is sorted by its text.
        const bool failedToRun = query.lastError().isValid();
        const QString detail =
            failedToRun ? query.lastError().databaseText() : query.value(0).toString();
        const OpenError code = failedToRun ? storefile::openErrorOf(detail) : OpenError::Corrupt;
        return failWith(
            code, openFailureOf(code) == OpenFailure::Storage
                      ? QStringLiteral("The database %1 cannot be checked: %2. It was left "
                                       "untouched.")
                            .arg(filePath, detail)
                      : QStringLiteral("The database %1 is corrupt (%2). It was left untouched.")
                            .arg(filePath, detail));
    }
    int version = 0;
    if (query.exec(QStringLiteral("SELECT version FROM _schema_version")) && query.next())
        version = query.value(0).toInt();
    if (isReadOnly() && version < kSchemaVersion) {
        OpenErrorInfo why;
        why.code = OpenError::NeedsUpdate;
        why.schema = version;
        why.knownSchema = kSchemaVersion;
        why.detail = QStringLiteral("The database %1 is read-only and was written by an older "
                                    "ManaCore (schema %2): it must be updated once, which needs "
                                    "write access to the file and its folder.")
                         .arg(filePath)
                         .arg(version);
        return fail(why);
    }
    if (version > kSchemaVersion) {
        OpenErrorInfo why;
        why.code = OpenError::NewerSchema;
        why.schema = version;
        why.knownSchema = kSchemaVersion;
        why.detail = QStringLiteral("The database %1 was written by a newer ManaCore (schema %2, "
                                    "this one knows %3). It was left untouched; update ManaCore.")
                         .arg(filePath)
                         .arg(version)
                         .arg(kSchemaVersion);
        return fail(why);
    }

    // WAL: readers never block the writer. synchronous=NORMAL is durable
    // against a crash of the process (the WAL is in the OS cache), which is
    // what a desktop app needs; only a power loss can lose the last commits.
    // (Read-only: the file keeps its mode; switching would be a write.)
    if (!isReadOnly() && !query.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return failWith(storefile::openErrorOf(query.lastError().text()),
                        QStringLiteral("Cannot prepare the database %1: %2")
                            .arg(filePath, query.lastError().text()));
    for (const QString &pragma :
         {QStringLiteral("PRAGMA synchronous=NORMAL"), QStringLiteral("PRAGMA foreign_keys=ON"),
          // Up to 32 MiB of page cache (filled only as pages are used): a
          // bulk import spills fewer pages into the WAL before it commits.
          QStringLiteral("PRAGMA cache_size=-32768"),
          // No memory map (SQLite's default, said out loud): every first
          // touch of a mapped page is a page fault, which costs more than
          // the read() it saves on virtual machines; opening and counting
          // 100,000 rows took 22 ms mapped and 4.8 ms read into the page
          // cache (bench/store, docs/decisions.md).
          QStringLiteral("PRAGMA mmap_size=0"),
          // Statement journals in memory. A statement that fires a trigger
          // (a remote merge's upsert noting a row for the full-text index)
          // keeps one, and past 64 KiB SQLite moves it to a file in
          // /var/tmp: a 100,000-record pull wrote 1.4 GB for a 100 MB
          // profile, most of it there (docs/decisions.md, issue 12).
          QStringLiteral("PRAGMA temp_store=MEMORY")}) {
        if (!query.exec(pragma))
            return failWith(storefile::openErrorOf(query.lastError().text()),
                            QStringLiteral("Cannot prepare the database %1: %2")
                                .arg(filePath, query.lastError().text()));
    }

    // Checkpoints on a thread of their own, so no local write pays for one
    // (they were the write p99); the connection's own automatic checkpoint
    // stays as the bound should that thread fall behind or fail to start.
    auto checkpointer = std::make_unique<WalCheckpointer>(filePath, kCheckpointIntervalMs);
    QString checkpointProblem = isReadOnly() ? QStringLiteral("read-only")
                                             : QStringLiteral("MANA_STORE_CHECKPOINT_THREAD=0");
    if (!isReadOnly() && qEnvironmentVariable("MANA_STORE_CHECKPOINT_THREAD") != u"0" &&
        checkpointer->start(&checkpointProblem)) {
        m_checkpointer = std::move(checkpointer);
        query.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1")
                       .arg(WalCheckpointer::kFallbackAutoCheckpointPages));
    } else {
        qCInfo(lcStore).noquote() << "WAL checkpoints stay in the commits:" << checkpointProblem;
    }

    m_filePath = filePath;
    m_statements = std::make_unique<StatementCache>(m_connectionName);
    QString nativeProblem;
    m_native = NativeSqlite::attach(db, &nativeProblem);
    if (!m_native)
        qCInfo(lcStore).noquote() << "SQLite through QtSql only:" << nativeProblem;
    else if (m_checkpointer)
        m_native->trackWalFrames(WalCheckpointer::kFallbackAutoCheckpointPages);
    if (!isReadOnly() &&
        !query.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS _schema_version (version INTEGER NOT NULL)")))
        return failWith(storefile::openErrorOf(query.lastError().text()),
                        QStringLiteral("Cannot write to the database %1: %2")
                            .arg(filePath, query.lastError().text()));
    for (int next = version + 1; next <= kSchemaVersion; ++next) {
        QString migrationError;
        const bool migrated = inTransaction(
            [&](QString *stepError) {
                QSqlQuery step(db);
                for (const QString &statement : kMigrations[next - 1]) {
                    if (!step.exec(statement)) {
                        *stepError = step.lastError().text();
                        return false;
                    }
                }
                const QString setVersion =
                    next == 1 ? QStringLiteral("INSERT INTO _schema_version VALUES (%1)")
                              : QStringLiteral("UPDATE _schema_version SET version = %1");
                if (!step.exec(setVersion.arg(next))) {
                    *stepError = step.lastError().text();
                    return false;
                }
                return true;
            },
            &migrationError);
        if (!migrated)
            return failWith(storefile::openErrorOf(migrationError),
                            QStringLiteral("Cannot migrate the database %1 to schema %2: %3")
                                .arg(filePath)
                                .arg(next)
                                .arg(migrationError));
    }

    m_clientId = metaValue(kClientIdKey);
    if (m_clientId.isEmpty() && !isReadOnly()) {
        m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString metaError;
        if (!setMetaValue(kClientIdKey, m_clientId, &metaError))
            return failWith(
                storefile::openErrorOf(metaError),
                QStringLiteral("Cannot write to the database %1: %2").arg(filePath, metaError));
    }
    m_clock.observe(metaValue(kClockKey).toLongLong());
    m_persistedClock = m_clock.lastIssued();
    m_pending = std::make_unique<PendingChangeQueue>(
        m_connectionName, m_statements.get(), m_native.get(),
        [this](const QString &tableName, const QString &recordId) {
            for (const Collection *collection : std::as_const(m_collections)) {
                if (collection->spec().tableName != tableName)
                    continue;
                return collection->recordState(recordId);
            }
            // Not opened in this session (yet): read it with its stored spec.
            const QString specJson = tableSpecJson(tableName);
            const QString appId = specJson.isEmpty() ? QString() : specAppId(tableName);
            const auto spec = CollectionSpec::fromJson(
                QJsonDocument::fromJson(specJson.toUtf8()).object(), appId, nullptr);
            if (!spec)
                return RecordState();
            const std::unique_ptr<Collection> reader(new Collection(this, *spec));
            return reader->recordState(recordId);
        });
    qCInfo(lcStore) << "opened" << filePath << "client" << m_clientId;
    return true;
}

void LocalStore::close()
{
    // Rows still noted stay noted in the file: the next search or idle
    // catch-up after the next open takes them, as after a crash.
    m_searchCatchUp.stop();
    m_checkpointer.reset(); // its thread stops after the current checkpoint
    m_walBreather.invalidate();
    m_walBreatherFrames = kWalBreatherFrames;
    qDeleteAll(m_collections);
    m_collections.clear();
    m_undoSteps.clear(); // their records are in this file only
    m_pending.reset();
    m_statements.reset();
    m_native.reset(); // finalised before QtSql closes the connection
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = database();
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_filePath.clear();
    m_clientId.clear();
    m_access = Access::ReadWrite;
}

void LocalStore::setWallClock(HybridLogicalClock::WallClock wallClock)
{
    const Millis last = m_clock.lastIssued();
    m_clock = HybridLogicalClock(std::move(wallClock));
    m_clock.observe(last);
}

QString LocalStore::metaValue(const QString &key, const QString &defaultValue) const
{
    QSqlQuery *query = m_statements
                           ? m_statements->prepare(
                                 QStringLiteral("SELECT value FROM _meta WHERE key = ?"), nullptr)
                           : nullptr;
    if (!query)
        return defaultValue;
    bindPositional(query, {key});
    QString value = defaultValue;
    if (query->exec() && query->next())
        value = query->value(0).toString();
    query->finish();
    return value;
}

bool LocalStore::setMetaValue(const QString &key, const QString &value, QString *error)
{
    QSqlQuery *query = m_statements->prepare(
        QStringLiteral("INSERT INTO _meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        error);
    if (!query)
        return false;
    bindPositional(query, {key, value});
    if (!query->exec()) {
        if (error)
            *error = query->lastError().text();
        return false;
    }
    return true;
}

bool LocalStore::inTransaction(const std::function<bool(QString *)> &body, QString *error)
{
    if (isReadOnly()) {
        const QString sentence =
            QStringLiteral("This profile is read-only: nothing can be saved in %1.")
                .arg(m_filePath);
        if (error)
            *error = sentence;
        emit writeFailed(WriteFailure::ReadOnly, sentence);
        return false;
    }
    if (m_groupDepth > 0)
        return inSavepoint(body, error);
    QSqlDatabase db = database();
    QSqlQuery *begin = m_statements->prepare(QStringLiteral("BEGIN IMMEDIATE"), error);
    if (!begin || !begin->exec()) {
        if (begin) {
            reportWriteFailure(begin->lastError().text(), m_native ? m_native->systemErrno() : 0);
            if (error)
                *error = begin->lastError().text();
        }
        return false;
    }
    QString bodyError;
    ++m_transactionDepth;
    bool ok = body(&bodyError);
    // The clock's position travels with the data it stamped, so timestamps
    // stay monotonic across restarts and crashes. What is stored is a
    // ceiling a little above the last issued value, rewritten only when the
    // clock passes it: one _meta write per kClockReserveMs of timestamps
    // instead of one per transaction (a page per local write). After a
    // restart the clock continues above the ceiling.
    if (ok && m_clock.lastIssued() > m_persistedClock) {
        const Millis ceiling = m_clock.lastIssued() + kClockReserveMs;
        ok = setMetaValue(kClockKey, QString::number(ceiling), &bodyError);
        if (ok)
            m_persistedClock = ceiling;
    }
    if (ok) {
        QSqlQuery *commit = m_statements->prepare(QStringLiteral("COMMIT"), &bodyError);
        if (!commit || !commit->exec()) {
            if (commit)
                bodyError = commit->lastError().text();
            ok = false;
        }
    }
    if (!ok) {
        // Read before the rollback, which may fail (or succeed) on its own.
        const int systemErrno = m_native ? m_native->systemErrno() : 0;
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        --m_transactionDepth;
        m_persistedClock = -1; // unknown after a rollback: write it next time
        if (m_pending)
            m_pending->invalidateCounts();
        if (error)
            *error = bodyError;
        reportWriteFailure(bodyError, systemErrno);
        return false;
    }
    --m_transactionDepth;
    // The write may have noted rows for a full-text index (its triggers):
    // the index takes them when the app is idle, in one go for the writes
    // of the next moments rather than one catch-up per write.
    if (!m_writingSearchIndex)
        scheduleSearchCatchUp(kSearchCatchUpDelayMs);
    return true;
}

void LocalStore::reportWriteFailure(const QString &error, int systemErrno)
{
    m_lastWriteErrno = systemErrno;
    const std::optional<WriteFailure> failure = storefile::storageFailureOf(error, systemErrno);
    if (!failure)
        return; // the data's fault (a constraint, a refused value): the caller says so
    qCWarning(lcStore).noquote() << "a write to" << m_filePath << "failed:" << error
                                 << (systemErrno ? QStringLiteral("(errno %1)").arg(systemErrno)
                                                 : QString());
    emit writeFailed(*failure, error);
}

StoreError LocalStore::writeErrorOf(const QString &error) const
{
    if (isReadOnly())
        return StoreError::ReadOnly;
    return storefile::writeErrorOf(error, m_lastWriteErrno);
}

StoreError LocalStore::readErrorOf(const QString &error)
{
    // No errno: SQLite keeps the last I/O error's, which may be a write's.
    const StoreError code = storefile::writeErrorOf(error, 0);
    // A read writes nothing, so nothing can refuse it or find it read-only.
    return code == StoreError::Refused || code == StoreError::ReadOnly ? StoreError::Other : code;
}

bool LocalStore::transactionOpen() const
{
    return m_transactionDepth > 0 || (m_native && m_native->inTransaction());
}

bool LocalStore::writeSearchIndex(const std::function<bool(QString *)> &body, QString *error)
{
    // A read-only profile searches its index as it is: rows written after
    // its last catch-up are not found, nothing else changes.
    if (isReadOnly())
        return true;
    const QScopedValueRollback writing(m_writingSearchIndex, true);
    if (!transactionOpen())
        return inTransaction(body, error);
    // Inside an open transaction (a search from within a write, or within
    // a read transaction, which this turns into a write): a savepoint, so a
    // failure undoes only the catch-up, and whatever ends the transaction
    // ends the catch-up with it (a rollback keeps the notes too).
    QSqlQuery step(database());
    QString bodyError;
    if (!step.exec(QStringLiteral("SAVEPOINT mana_search_index"))) {
        if (error)
            *error = step.lastError().text();
        return false;
    }
    if (body(&bodyError) && step.exec(QStringLiteral("RELEASE mana_search_index")))
        return true;
    if (bodyError.isEmpty())
        bodyError = step.lastError().text();
    step.exec(QStringLiteral("ROLLBACK TO mana_search_index"));
    step.exec(QStringLiteral("RELEASE mana_search_index"));
    if (error)
        *error = bodyError;
    return false;
}

bool LocalStore::applyRemoteChanges(const QString &appId, const QList<wire::Change> &changes,
                                    const QString &senderClientId, QString *error)
{
    RemoteBatch batch;
    batch.appId = appId;
    batch.changes = changes;
    batch.senderClientId = senderClientId;
    return applyRemoteBatch(batch, error);
}

bool LocalStore::applyRemoteBatch(const RemoteBatch &batch, QString *error)
{
    QHash<Collection *, QStringList> touched;
    bool queueChanged = false;
    const bool ok = inTransaction(
        [&](QString *stepError) {
            for (const wire::Change &change : batch.changes) {
                Collection *target = collection(batch.appId, change.table);
                if (!target) {
                    qCWarning(lcStore) << "skipping a change for the unknown collection"
                                       << batch.appId << change.table;
                    continue;
                }
                if (!wire::isValidRecordId(change.id)) {
                    *stepError = QStringLiteral("A change for %1 has an invalid record id.")
                                     .arg(change.table);
                    return false;
                }
                RecordState incoming = change.toRecordState(batch.senderClientId);
                for (auto field = incoming.begin(); field != incoming.end(); ++field) {
                    // Timestamps order as text only when canonical; the
                    // original server's may lack milliseconds.
                    const auto canonical = canonicalTimestamp(field->updatedAt);
                    if (!canonical) {
                        *stepError =
                            QStringLiteral("The change of %1/%2 has the field \"%3\" "
                                           "with \"%4\", which is not a timestamp.")
                                .arg(change.table, change.id, field.key(), field->updatedAt);
                        return false;
                    }
                    field->updatedAt = *canonical;
                }
                for (const FieldState &field : incoming) {
                    if (const auto millis = parseTimestamp(field.updatedAt))
                        m_clock.observe(*millis);
                }
                bool changed = false;
                if (!target->mergeRemote(change.id, incoming, &changed, stepError))
                    return false;
                if (changed)
                    touched[target].append(change.id);
            }
            for (const wire::AdjustedTimestamp &adjusted : batch.adjusted) {
                Collection *target = collection(batch.appId, adjusted.table);
                if (target && !target->adjustFieldTimestamp(adjusted.id, adjusted.field,
                                                            adjusted.updatedAt, stepError))
                    return false;
            }
            if (!batch.acknowledged.isEmpty()) {
                if (!m_pending->remove(batch.acknowledged, stepError))
                    return false;
                queueChanged = true;
            }
            for (const auto &[key, value] : batch.metaValues) {
                if (!setMetaValue(key, value, stepError))
                    return false;
            }
            return true;
        },
        error);
    if (!ok)
        return false;
    for (auto it = touched.begin(); it != touched.end(); ++it)
        emit it.key()->changed(it.value());
    if (queueChanged)
        emit pendingChangesAcknowledged(batch.appId);
    return true;
}

} // namespace mana
