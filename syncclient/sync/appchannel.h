// The sync of one app id: pushes its pending changes, pulls its collections,
// applies what the server sends in small transactions, keeps its cursors,
// and retries with backoff. One request at a time per app, so answers are
// applied in the order they were asked for; the one exception is the next
// page of a pull that has more, asked for while the current page is being
// applied, and dropped unapplied when anything else comes first.
#pragma once

#include "localstore.h"
#include "syncstatus.h"
#include "synctransport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <optional>

namespace mana {

class LocalStore;
class SliceScheduler;

struct SyncTuning
{
    int coalesceStartMs = 50; // the first wait when writes keep coming during a push
    int coalesceMaxMs = 1000; // never hold a change back longer than this
    int backoffStartMs = 1000;
    int backoffMaxMs = 60000;
    int changesPerPush = 1000;                // PROTOCOL.md limit
    qsizetype bytesPerPush = 3 * 1024 * 1024; // under the 4 MiB limit, with room for the envelope
    int changesPerTransaction = 100;          // keeps each event-loop block short
    // Against a hostile or broken server (docs/sync-engine.md, "Limits").
    qint64 maxAnswerBytes = 64 * 1024 * 1024; // larger answers are refused, not read
    int requestTimeoutMs = 30000;             // no byte for this long: "not answering"
    int requestsInFlight = 4;                 // per engine, under Qt's 6 connections per host
    // Notices that brought nothing pull an app at most once per this long.
    int noticePullIntervalMs = 250;

    SyncTransport::Limits transportLimits() const
    {
        return {maxAnswerBytes, requestTimeoutMs, requestsInFlight};
    }
};

class AppChannel : public QObject
{
    Q_OBJECT
public:
    // `scheduler` runs the slices of pulled pages, shared by the engine's
    // channels (slicescheduler.h).
    AppChannel(LocalStore *store, SyncTransport *transport, SliceScheduler *scheduler,
               const QString &appId, const SyncTuning &tuning, QObject *parent = nullptr);

    QString appId() const { return m_appId; }
    SyncStatus *status() { return &m_status; }

    // Local writes are waiting: push soon (at once when idle).
    void schedulePush();
    // Pull these collections (all when empty).
    void requestPull(const QStringList &collections = {});
    // A WebSocket notice named these collections (all when empty). Pulls at
    // once when the app's last pull brought changes or none was made for
    // noticePullIntervalMs; otherwise the pull waits that long (or until a
    // pull brings changes), and the notices meanwhile join it.
    void pullNoticed(const QStringList &collections);
    // A push with whatever is pending, whose answer brings everything new
    // for the app since its cursor (start, reconnect, the 30 s fallback).
    void requestFullSync();

    void setStopped(bool stopped);
    // Stops with status error and this reason (e.g. the session is over).
    void stopWithError(const SyncErrorInfo &error);
    void setOffline(bool offline);
    // Records received by pulls so far (initial-sync progress).
    qint64 receivedCount() const { return m_received; }
    // Pulling a collection from the beginning (this device's first sync).
    bool isInInitialSync() const { return m_initialSync; }

    QString appCursorKey() const;
    QString collectionCursorKey(const QString &collection) const;

signals:
    // The engine refreshes the token, then calls resume().
    void unauthorized(const QString &rejectedToken);
    void reachable(bool ok); // whether the last request got an answer
    void progress(qint64 received);

public slots:
    void resume();
    void refreshStatus();

private:
    void runNext();
    // `job` on a later turn of the event loop (the engine's SliceScheduler).
    void later(std::function<void()> job);
    void startPush();
    void startPull(const QString &collection);
    // `since`: the cursor the page was asked from.
    void handlePullReply(const QString &collection, const QString &since, const SyncReply &reply);
    void pullFailed(const QString &collection, const SyncReply &reply);
    void pullNoticedNow();
    void prefetchPull(const QString &collection, const QString &since);
    void dropPrefetchedPull();
    // `step` names what failed: kPushStep or a collection's pull.
    void handleFailure(const SyncReply &reply, const QString &step);
    // A request of `step` succeeded and its answer is stored. It ends the
    // error and the backoff only if that step was the one failing (or a
    // complete push answer, which brings every collection up to date): a
    // push that works says nothing of a pull that does not, and must not
    // start that pull's backoff over.
    void noteSuccess(const QString &step);
    // Applies `changes` in slices, one transaction each; the last slice also
    // commits `finalBatch` (acknowledgements, cursors). Calls done(ok) after.
    void applyInSlices(QList<wire::Change> changes, LocalStore::RemoteBatch finalBatch,
                       std::function<void(bool)> done, bool inOwnEvent = false);
    // applyInSlices() again in an event of its own, after delayMs.
    void applyLater(int delayMs, QList<wire::Change> changes, LocalStore::RemoteBatch finalBatch,
                    std::function<void(bool)> done);
    QStringList collectionNames() const;
    QString pushCursor() const;

    // One push's changes, serialised: read from the queue and turned into
    // JSON once. While a full batch is in flight the next one is prepared
    // (the queue after its last sequence), so a large queue drains with the
    // reading and serialising off the critical path.
    struct PreparedPush
    {
        QByteArray changesJson;
        QList<qint64> sequences;
        int changeCount = 0;
        bool batchFull = false;
        qint64 afterSequence = -1;
    };
    PreparedPush preparePush(qint64 afterSequence) const;

    LocalStore *m_store;
    SyncTransport *m_transport;
    SliceScheduler *m_scheduler;
    QString m_appId;
    SyncTuning m_tuning;
    SyncStatus m_status;

    bool m_busy = false;
    bool m_stopped = true;
    bool m_offline = false;
    bool m_pushWanted = false;
    bool m_fullSyncWanted = false;
    QStringList m_pullQueue;
    // Notices waiting for their pull, and when the last one was pulled.
    QStringList m_noticed;
    QTimer m_noticeTimer;
    QElapsedTimer m_sinceNoticePull;
    bool m_lastPullBroughtChanges = false;
    // The cursors each collection's pull has been at since its last page
    // without more: a page whose cursor is among them is the same again.
    QHash<QString, QSet<QString>> m_pullRunCursors;
    QTimer m_coalesceTimer;
    int m_coalesceMs = 0;
    QTimer m_retryTimer;
    int m_backoffMs = 0;
    SyncErrorInfo m_error;
    QString m_failingStep; // the step m_error and m_backoffMs are about
    QDateTime m_lastSyncedAt;
    qint64 m_received = 0;
    bool m_initialSync = false;
    // The next push, prepared while the previous one was in flight; dropped
    // by any write or remote change that could make it stale.
    std::optional<PreparedPush> m_nextPush;
    qint64 m_lastPushedSequence = -1;

    // The next page of a pull that has more, asked for while the current
    // page is applied: the server's work and the transfer overlap ours. It
    // is used only by the pull of the same collection from the same cursor.
    struct PrefetchedPull
    {
        QString collection;
        QString since;
        std::optional<SyncReply> reply; // once it has arrived
        bool adopted = false;           // that pull is waiting for it
        SyncTransport::RequestId request = 0;
    };
    std::optional<PrefetchedPull> m_prefetchedPull;
    quint64 m_prefetchGeneration = 0; // answers of dropped prefetches are ignored
};

} // namespace mana
