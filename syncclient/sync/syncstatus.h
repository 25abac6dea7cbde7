// What the sync engine tells the UI: one status per app and one overall,
// as Qt properties with change signals, so QML can bind to them.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace mana {

class SyncStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    Q_PROPERTY(QDateTime lastSyncedAt READ lastSyncedAt NOTIFY changed)
    // Records received so far while the first sync runs (no lastSyncedAt
    // yet); the protocol announces no totals, so this is the progress.
    Q_PROPERTY(qint64 initialSyncReceived READ initialSyncReceived NOTIFY changed)
public:
    // Ordered by urgency: the overall status is the most urgent of the apps'.
    enum class State { Synced, Pending, Syncing, Offline, Error };
    Q_ENUM(State)

    explicit SyncStatus(QObject *parent = nullptr)
        : QObject(parent)
    {}

    State state() const { return m_state; }
    int pendingCount() const { return m_pendingCount; }
    QString errorMessage() const { return m_errorMessage; }
    QDateTime lastSyncedAt() const { return m_lastSyncedAt; }
    qint64 initialSyncReceived() const { return m_initialSyncReceived; }
    void setInitialSyncReceived(qint64 received)
    {
        if (received == m_initialSyncReceived)
            return;
        m_initialSyncReceived = received;
        emit changed();
    }

    // Emits changed() only when something differs, so observers see each
    // transition once.
    void set(State state, int pendingCount, const QString &errorMessage,
             const QDateTime &lastSyncedAt)
    {
        if (state == m_state && pendingCount == m_pendingCount && errorMessage == m_errorMessage &&
            lastSyncedAt == m_lastSyncedAt)
            return;
        const bool stateChanged = state != m_state;
        m_state = state;
        m_pendingCount = pendingCount;
        m_errorMessage = errorMessage;
        m_lastSyncedAt = lastSyncedAt;
        emit changed();
        if (stateChanged)
            emit stateTransition(state);
    }

signals:
    void changed();
    void stateTransition(mana::SyncStatus::State state);

private:
    State m_state = State::Synced;
    int m_pendingCount = 0;
    QString m_errorMessage;
    QDateTime m_lastSyncedAt;
    qint64 m_initialSyncReceived = 0;
};

} // namespace mana
