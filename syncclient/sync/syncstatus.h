// What the sync engine tells the UI: one status per app and one overall,
// as Qt properties with change signals, so QML can bind to them. An error
// is a code with details (syncerror.h); errorMessage is the sentence the
// edge makes of it (setErrorText) in the window's language.
#pragma once

#include "syncerror.h"

#include <QDateTime>
#include <QObject>
#include <QString>

namespace mana {

class SyncStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    // The words for error(), from the function the app installs
    // (setErrorText); without one, the English detail. Empty without an error.
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
    QString errorMessage() const;
    const SyncErrorInfo &error() const { return m_error; }
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
    void set(State state, int pendingCount, const SyncErrorInfo &error,
             const QDateTime &lastSyncedAt)
    {
        if (state == m_state && pendingCount == m_pendingCount && error == m_error &&
            lastSyncedAt == m_lastSyncedAt)
            return;
        const bool stateChanged = state != m_state;
        m_state = state;
        m_pendingCount = pendingCount;
        m_error = error;
        m_lastSyncedAt = lastSyncedAt;
        emit changed();
        if (stateChanged)
            emit stateTransition(state);
    }

    // The words for an error, chosen at the edge (app/session) in the UI
    // language; one function for every status of the process.
    using ErrorText = QString (*)(const SyncErrorInfo &error);
    static void setErrorText(ErrorText errorText);
    // The UI language changed: errorMessage is read again.
    void retranslate()
    {
        if (m_error.code != SyncError::None)
            emit changed();
    }

signals:
    void changed();
    void stateTransition(mana::SyncStatus::State state);

private:
    State m_state = State::Synced;
    int m_pendingCount = 0;
    SyncErrorInfo m_error;
    static ErrorText s_errorText;
    QDateTime m_lastSyncedAt;
    qint64 m_initialSyncReceived = 0;
};

} // namespace mana
