#include "appchannel.h"

#include "slicescheduler.h"

#include <QPointer>
#include <QRandomGenerator>

#include <utility>

namespace mana {

namespace {

const QString kEpoch = QStringLiteral("1970-01-01T00:00:00.000Z");
// The steps a failure can be about (AppChannel::noteSuccess): a push, a
// push whose answer was complete, and a pull ("pull:" and the collection).
const QString kPushStep = QStringLiteral("push");
const QString kCompletePushStep = QStringLiteral("push, complete");
QString pullStep(const QString &collection)
{
    return QStringLiteral("pull:") + collection;
}
// Cursors of one run of pages remembered at most; a run longer than this
// (100 million records at 1,000 a page) starts the set over.
constexpr qsizetype kMaxRunCursors = 100000;
// How often a slice waiting for the log's breather looks again.
constexpr int kWalBreatherPollMs = 2;

} // namespace

AppChannel::AppChannel(LocalStore *store, SyncTransport *transport, SliceScheduler *scheduler,
                       const QString &appId, const SyncTuning &tuning, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
    , m_scheduler(scheduler)
    , m_appId(appId)
    , m_tuning(tuning)
{
    m_coalesceTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_noticeTimer.setSingleShot(true);
    connect(&m_noticeTimer, &QTimer::timeout, this, &AppChannel::pullNoticedNow);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &AppChannel::runNext);
    connect(&m_retryTimer, &QTimer::timeout, this, &AppChannel::runNext);
    refreshStatus();
}

QString AppChannel::appCursorKey() const
{
    return QStringLiteral("sync.cursor/%1").arg(m_appId);
}

QString AppChannel::collectionCursorKey(const QString &collection) const
{
    return QStringLiteral("sync.cursor/%1/%2").arg(m_appId, collection);
}

QStringList AppChannel::collectionNames() const
{
    QStringList names;
    for (const Collection *collection : m_store->collections()) {
        if (collection->spec().appId == m_appId)
            names.append(collection->spec().wireName);
    }
    return names;
}

// The app cursor is never ahead of any collection's cursor (pulls of single
// collections only move those), so a push answer from it misses nothing;
// what it repeats is harmless because applying a change twice is a no-op.
QString AppChannel::pushCursor() const
{
    return m_store->metaValue(appCursorKey(), kEpoch);
}

void AppChannel::setStopped(bool stopped)
{
    m_stopped = stopped;
    m_nextPush.reset();
    dropPrefetchedPull();
    if (stopped) {
        m_pushWanted = m_pushWanted || m_busy;
        m_coalesceTimer.stop();
        m_retryTimer.stop();
        m_noticeTimer.stop();
        m_noticed.clear();
    } else {
        m_error = {};
        m_failingStep.clear();
        m_backoffMs = 0;
        m_pushWanted = true;
        later([this] { runNext(); });
    }
    refreshStatus();
}

void AppChannel::stopWithError(const SyncErrorInfo &error)
{
    m_error = error;
    setStopped(true);
}

void AppChannel::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    refreshStatus();
}

void AppChannel::schedulePush()
{
    // A local write may change a record whose insert is prepared.
    m_nextPush.reset();
    m_pushWanted = true;
    refreshStatus(); // cheap: the queue keeps its count
    if (m_busy || m_coalesceTimer.isActive())
        return; // the running push or the coalescing wait picks it up
    // Idle: go at once, but after the current event so that writes made in
    // one go (a loop, an import) travel together.
    m_coalesceTimer.start(0);
}

void AppChannel::requestPull(const QStringList &collections)
{
    const QStringList names = collections.isEmpty() ? collectionNames() : collections;
    for (const QString &name : names) {
        if (!m_pullQueue.contains(name) && collectionNames().contains(name))
            m_pullQueue.append(name);
    }
    later([this] { runNext(); });
}

void AppChannel::pullNoticed(const QStringList &collections)
{
    const QStringList known = collectionNames();
    for (const QString &name : collections.isEmpty() ? known : collections) {
        if (!m_noticed.contains(name) && known.contains(name))
            m_noticed.append(name);
    }
    if (m_noticed.isEmpty() || m_noticeTimer.isActive())
        return; // nothing we hold, or it joins the pull already waiting
    // A notice is only a hint; a server (or a peer) sending a thousand a
    // second whose pulls bring nothing got a pull after every answer, 23 a
    // second. Notices that bring changes are pulled at once, as they come.
    int waitMs = 0;
    if (!m_lastPullBroughtChanges && m_sinceNoticePull.isValid())
        waitMs =
            int(std::max<qint64>(0, m_tuning.noticePullIntervalMs - m_sinceNoticePull.elapsed()));
    if (waitMs > 0)
        m_noticeTimer.start(waitMs);
    else
        pullNoticedNow(); // no extra turn: live sync waits for none
}

void AppChannel::pullNoticedNow()
{
    m_noticeTimer.stop();
    if (m_noticed.isEmpty())
        return;
    m_sinceNoticePull.start();
    const QStringList collections = std::exchange(m_noticed, {});
    requestPull(collections);
}

void AppChannel::requestFullSync()
{
    m_fullSyncWanted = true;
    later([this] { runNext(); });
}

void AppChannel::later(std::function<void()> job)
{
    // In the engine's SliceScheduler, with every app's other work: when all
    // 19 apps start syncing at once, their first pushes and pulls (each a
    // read of its queue) take turns instead of one turn of 60 ms.
    if (m_scheduler)
        m_scheduler->post(this, std::move(job));
    else
        QTimer::singleShot(0, this, std::move(job));
}

void AppChannel::resume()
{
    m_retryTimer.stop();
    later([this] { runNext(); });
}

void AppChannel::runNext()
{
    if (m_busy || m_stopped || m_retryTimer.isActive())
        return;
    if (m_fullSyncWanted || (m_pushWanted && !m_coalesceTimer.isActive()))
        startPush();
    else if (!m_pullQueue.isEmpty())
        startPull(m_pullQueue.takeFirst());
    else
        refreshStatus();
}

AppChannel::PreparedPush AppChannel::preparePush(qint64 afterSequence) const
{
    PreparedPush batch;
    batch.afterSequence = afterSequence;
    const QString clientId = m_store->clientId();
    const QList<PendingChange> pending =
        m_store->pendingChanges().list(m_appId, m_tuning.changesPerPush, afterSequence);
    // Each change is serialised once: its size decides whether it still
    // fits, and the bytes go into the body as they are.
    for (const PendingChange &row : pending) {
        const QList<wire::Change> changes = row.toWireChanges();
        QByteArray rowJson;
        for (const wire::Change &change : changes) {
            change.appendJson(&rowJson, clientId);
            rowJson += ',';
        }
        if (batch.changeCount + changes.size() > m_tuning.changesPerPush ||
            (batch.changesJson.size() + rowJson.size() > m_tuning.bytesPerPush &&
             batch.changeCount > 0)) {
            batch.batchFull = true;
            break;
        }
        batch.changesJson += rowJson;
        batch.changeCount += int(changes.size());
        batch.sequences.append(row.sequence);
    }
    batch.changesJson.chop(1); // the last comma
    if (pending.size() == m_tuning.changesPerPush)
        batch.batchFull = true;
    return batch;
}

void AppChannel::startPush()
{
    // Its answer may move the cursors; a prefetched page is not applied
    // after an answer that was asked for later.
    dropPrefetchedPull();
    const bool wasFullSync = m_fullSyncWanted;
    m_pushWanted = false;
    m_fullSyncWanted = false;

    wire::Changeset changeset;
    changeset.clientId = m_store->clientId();
    changeset.appId = m_appId;
    changeset.since = pushCursor();
    // The batch prepared during the last push follows exactly the rows it
    // acknowledged; anything else reads the queue from its start.
    const bool usePrepared = m_nextPush && m_lastPushedSequence >= 0 &&
                             m_nextPush->afterSequence == m_lastPushedSequence;
    const PreparedPush batch = usePrepared ? *m_nextPush : preparePush(-1);
    m_nextPush.reset();
    const QList<qint64> sequences = batch.sequences;
    const int changeCount = batch.changeCount;
    const bool batchFull = batch.batchFull;
    const QByteArray &changesJson = batch.changesJson;
    if (changeCount == 0 && !wasFullSync) {
        refreshStatus();
        return;
    }

    m_busy = true;
    refreshStatus();
    qCDebug(lcSync) << m_appId << "push" << changeCount << "changes since" << changeset.since;
    QPointer<AppChannel> self(this);
    m_transport->push(
        changeset, changesJson, [self, sequences, batchFull, wasFullSync](const SyncReply &reply) {
            if (!self)
                return;
            if (reply.kind != SyncReply::Kind::Ok) {
                self->m_nextPush.reset();
                self->m_pushWanted = !sequences.isEmpty();
                self->m_fullSyncWanted = self->m_fullSyncWanted || wasFullSync;
                self->handleFailure(reply, kPushStep);
                return;
            }
            LocalStore::RemoteBatch batch;
            batch.appId = self->m_appId;
            batch.acknowledged = sequences;
            batch.adjusted = reply.response.adjusted;
            batch.metaValues.append({self->appCursorKey(), reply.response.syncedUntil});
            const bool hasMore = reply.response.hasMore.value_or(false);
            // A complete answer brings every collection up to syncedUntil. A
            // partial one leaves the collection cursors alone: pulls go on from
            // where each one is, and a cursor is never moved back.
            if (!hasMore) {
                for (const QString &collection : self->collectionNames())
                    batch.metaValues.append(
                        {self->collectionCursorKey(collection), reply.response.syncedUntil});
            }
            // Others' changes may touch records whose inserts are prepared.
            if (!reply.response.serverChanges.isEmpty())
                self->m_nextPush.reset();
            self->applyInSlices(
                reply.response.serverChanges, batch,
                [self, hasMore, batchFull, sequences](bool ok) {
                    if (!self)
                        return;
                    self->m_busy = false;
                    if (!ok)
                        self->m_nextPush.reset();
                    if (ok) {
                        self->noteSuccess(hasMore ? kPushStep : kCompletePushStep);
                        self->m_lastPushedSequence = sequences.isEmpty() ? -1 : sequences.last();
                        if (hasMore)
                            self->requestPull();
                        // More than one push's worth queued: go on at once. New
                        // writes during the push: wait a little, longer while they
                        // keep coming, so a burst becomes a handful of requests.
                        if (self->m_store->pendingChanges().count(self->m_appId) > 0) {
                            self->m_pushWanted = true;
                            if (batchFull) {
                                self->m_coalesceTimer.start(0);
                            } else {
                                self->m_coalesceMs = self->m_coalesceMs == 0
                                                         ? self->m_tuning.coalesceStartMs
                                                         : std::min(self->m_coalesceMs * 2,
                                                                    self->m_tuning.coalesceMaxMs);
                                self->m_coalesceTimer.start(self->m_coalesceMs);
                            }
                        } else {
                            self->m_coalesceMs = 0;
                        }
                    }
                    self->runNext();
                });
        });
    // More queued than one push takes: read and serialise the next batch
    // while this one travels (after the request is on its way).
    if (batchFull && !sequences.isEmpty()) {
        const qint64 after = sequences.last();
        later([self, after] {
            if (self && self->m_busy && !self->m_nextPush)
                self->m_nextPush = self->preparePush(after);
        });
    }
}

void AppChannel::startPull(const QString &collection)
{
    m_nextPush.reset(); // its changes may touch records of prepared inserts
    m_busy = true;
    refreshStatus();
    const QString since = m_store->metaValue(collectionCursorKey(collection), kEpoch);
    qCDebug(lcSync) << m_appId << "pull" << collection << "since" << since;
    // A collection pulled from the beginning: this device's first sync of
    // it, whose progress the indicator shows until the pulls run dry.
    if (since == kEpoch)
        m_initialSync = true;
    if (m_prefetchedPull && m_prefetchedPull->collection == collection &&
        m_prefetchedPull->since == since) {
        if (!m_prefetchedPull->reply) {
            m_prefetchedPull->adopted = true; // handled when it arrives
            return;
        }
        const SyncReply reply = *m_prefetchedPull->reply;
        m_prefetchedPull.reset();
        handlePullReply(collection, since, reply);
        return;
    }
    dropPrefetchedPull();
    QPointer<AppChannel> self(this);
    m_transport->pull(m_appId, collection, since,
                      [self, collection, since](const SyncReply &reply) {
                          if (self)
                              self->handlePullReply(collection, since, reply);
                      });
}

void AppChannel::prefetchPull(const QString &collection, const QString &since)
{
    dropPrefetchedPull();
    m_prefetchedPull = PrefetchedPull{collection, since, std::nullopt, false, 0};
    const quint64 generation = m_prefetchGeneration;
    QPointer<AppChannel> self(this);
    m_prefetchedPull->request =
        m_transport->pull(m_appId, collection, since, [self, generation](const SyncReply &reply) {
            if (!self || !self->m_prefetchedPull || self->m_prefetchGeneration != generation)
                return; // dropped: something else came first
            self->m_prefetchedPull->request = 0;
            if (!self->m_prefetchedPull->adopted) {
                self->m_prefetchedPull->reply = reply;
                return;
            }
            const QString collection = self->m_prefetchedPull->collection;
            const QString since = self->m_prefetchedPull->since;
            self->m_prefetchedPull.reset();
            self->handlePullReply(collection, since, reply);
        });
}

void AppChannel::dropPrefetchedPull()
{
    // Off the wire too: it would hold one of the engine's turns for an
    // answer nobody reads.
    if (m_prefetchedPull && m_prefetchedPull->request)
        m_transport->cancel(m_prefetchedPull->request);
    m_prefetchedPull.reset();
    ++m_prefetchGeneration;
}

void AppChannel::pullFailed(const QString &collection, const SyncReply &reply)
{
    m_pullRunCursors.remove(collection);
    m_lastPullBroughtChanges = false;
    if (!m_pullQueue.contains(collection))
        m_pullQueue.prepend(collection);
    handleFailure(reply, pullStep(collection));
}

void AppChannel::handlePullReply(const QString &collection, const QString &since,
                                 const SyncReply &reply)
{
    if (reply.kind != SyncReply::Kind::Ok) {
        pullFailed(collection, reply);
        return;
    }
    const bool hasMore = reply.response.hasMore.value_or(false);
    if (hasMore) {
        // A page that has more must move the cursor on, or the next pull
        // asks for the same page again: a server answering every pull with
        // hasMore and one cursor was asked 131 times a second, forever. The
        // page is not applied; the pull is retried with backoff.
        QSet<QString> &seen = m_pullRunCursors[collection];
        if (seen.size() >= kMaxRunCursors)
            seen.clear();
        seen.insert(since);
        if (seen.contains(reply.response.syncedUntil)) {
            SyncReply stuck;
            stuck.kind = SyncReply::Kind::Retryable;
            stuck.httpStatus = reply.httpStatus;
            stuck.accessToken = reply.accessToken;
            stuck.error = syncError(
                SyncError::CursorStuck,
                QStringLiteral("The sync server sent the same page of %1/%2 again (its cursor did "
                               "not move on).")
                    .arg(m_appId, collection));
            stuck.error.subject = m_appId + u'/' + collection;
            dropPrefetchedPull();
            pullFailed(collection, stuck);
            return;
        }
    } else {
        m_pullRunCursors.remove(collection);
    }
    LocalStore::RemoteBatch batch;
    batch.appId = m_appId;
    batch.metaValues.append({collectionCursorKey(collection), reply.response.syncedUntil});
    const qint64 count = reply.response.serverChanges.size();
    // The next page is asked for now; it is used once this one is stored
    // and the cursor is where the page began.
    if (hasMore && !m_stopped)
        prefetchPull(collection, reply.response.syncedUntil);
    QPointer<AppChannel> self(this);
    applyInSlices(reply.response.serverChanges, batch, [self, collection, hasMore, count](bool ok) {
        if (!self)
            return;
        self->m_busy = false;
        self->m_lastPullBroughtChanges = ok && count > 0;
        if (ok) {
            self->noteSuccess(pullStep(collection));
            self->m_received += count;
            if (hasMore && !self->m_pullQueue.contains(collection))
                self->m_pullQueue.prepend(collection);
            if (!hasMore && self->m_pullQueue.isEmpty())
                self->m_initialSync = false;
            self->m_status.setInitialSyncReceived(self->m_initialSync ? self->m_received : 0);
            emit self->progress(self->m_received);
        } else {
            self->dropPrefetchedPull();
        }
        // Changes came: the notices held back are likely more of them.
        if (self->m_lastPullBroughtChanges && self->m_noticeTimer.isActive())
            self->pullNoticedNow();
        self->runNext();
    });
}

void AppChannel::applyInSlices(QList<wire::Change> changes, LocalStore::RemoteBatch finalBatch,
                               std::function<void(bool)> done, bool inOwnEvent)
{
    if (!inOwnEvent) {
        // Not inside the network reply's handler, which already spent its
        // share of the event loop parsing the answer.
        applyLater(0, std::move(changes), std::move(finalBatch), std::move(done));
        return;
    }
    if (m_store->walWantsBreather()) {
        // A pause without writing lets the log start over (see LocalStore);
        // the event loop stays free meanwhile.
        applyLater(kWalBreatherPollMs, std::move(changes), std::move(finalBatch), std::move(done));
        return;
    }
    const int sliceSize = std::max(1, m_tuning.changesPerTransaction);
    LocalStore::RemoteBatch slice;
    slice.appId = m_appId;
    const bool last = changes.size() <= sliceSize;
    if (last) {
        slice = finalBatch;
        slice.changes = changes;
    } else {
        slice.changes = changes.mid(0, sliceSize);
        changes.remove(0, sliceSize);
    }
    QString error;
    if (!m_store->applyRemoteBatch(slice, &error)) {
        qCWarning(lcSync) << m_appId << "cannot store what the server sent:" << error;
        m_error = syncError(SyncError::CannotStore,
                            QStringLiteral("Cannot store synced data: %1").arg(error));
        m_error.storeError = m_store->writeErrorOf(error);
        m_busy = false;
        refreshStatus();
        done(false);
        return;
    }
    if (last) {
        // The error and the backoff end in noteSuccess(), which knows the step.
        m_offline = false;
        m_lastSyncedAt = QDateTime::currentDateTimeUtc();
        emit reachable(true);
        done(true);
        refreshStatus();
        return;
    }
    // Let the event loop breathe between slices: the UI stays responsive
    // during a large initial sync.
    applyLater(0, std::move(changes), std::move(finalBatch), std::move(done));
}

void AppChannel::applyLater(int delayMs, QList<wire::Change> changes,
                            LocalStore::RemoteBatch finalBatch, std::function<void(bool)> done)
{
    QPointer<AppChannel> self(this);
    auto apply = [self, changes = std::move(changes), finalBatch = std::move(finalBatch),
                  done = std::move(done)]() mutable {
        if (self)
            self->applyInSlices(std::move(changes), std::move(finalBatch), std::move(done), true);
    };
    // The next slice takes its turn with every other app's (slicescheduler.h),
    // after a wait for the log's breather too: when a breather ends, every
    // app's wait ends in the same pass of the event loop, and five slices
    // run straight after each other made turns of 50-63 ms.
    if (!m_scheduler) {
        QTimer::singleShot(delayMs, this, std::move(apply));
    } else if (delayMs == 0) {
        m_scheduler->post(this, std::move(apply));
    } else {
        QTimer::singleShot(delayMs, this,
                           [self, scheduler = QPointer<SliceScheduler>(m_scheduler),
                            apply = std::move(apply)]() mutable {
                               if (self && scheduler)
                                   scheduler->post(self, std::move(apply));
                           });
    }
}

void AppChannel::noteSuccess(const QString &step)
{
    if (!m_failingStep.isEmpty() && m_failingStep != step && step != kCompletePushStep)
        return;
    m_failingStep.clear();
    m_backoffMs = 0;
    m_error = {};
}

void AppChannel::handleFailure(const SyncReply &reply, const QString &step)
{
    m_busy = false;
    if (reply.kind == SyncReply::Kind::Unauthorized) {
        // The engine refreshes the token once and calls resume().
        m_retryTimer.start(m_tuning.backoffMaxMs);
        emit unauthorized(reply.accessToken);
        refreshStatus();
        return;
    }
    m_failingStep = step;
    if (reply.kind == SyncReply::Kind::Offline) {
        m_offline = true;
        emit reachable(false);
    } else {
        m_error = reply.error;
        qCWarning(lcSync).noquote()
            << m_appId << syncErrorName(reply.error.code) << reply.error.detail;
    }
    if (reply.kind == SyncReply::Kind::Refused || reply.kind == SyncReply::Kind::Malformed) {
        // Asking again at once would get the same answer: only network
        // errors, 5xx and 429 are retried. The next trigger (a local write,
        // a notice, the fallback poll, "Sync now") tries again.
        m_backoffMs = 0;
        refreshStatus();
        return;
    }
    m_backoffMs = m_backoffMs == 0 ? m_tuning.backoffStartMs
                                   : std::min(m_backoffMs * 2, m_tuning.backoffMaxMs);
    // Jitter spreads the retries of many clients after a server restart.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    int delay = int(m_backoffMs * jitter);
    delay = std::min(delay, m_tuning.backoffMaxMs);
    // The server's Retry-After wins over our own backoff (within an hour).
    if (reply.retryAfterMs >= 0)
        delay = std::max(delay, std::min(reply.retryAfterMs, 3600 * 1000));
    m_retryTimer.start(delay);
    refreshStatus();
}

void AppChannel::refreshStatus()
{
    const int pending = m_store->isOpen() ? m_store->pendingChanges().count(m_appId) : 0;
    SyncStatus::State state = SyncStatus::State::Synced;
    if (m_error.isError())
        state = SyncStatus::State::Error;
    else if (m_offline)
        state = SyncStatus::State::Offline;
    else if (m_busy)
        state = SyncStatus::State::Syncing;
    else if (pending > 0)
        state = SyncStatus::State::Pending;
    m_status.set(state, pending, m_error, m_lastSyncedAt);
}

} // namespace mana
