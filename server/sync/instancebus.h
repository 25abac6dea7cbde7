// What several mana-sync processes over one PostgreSQL database tell each
// other, through LISTEN/NOTIFY on the channel "mana_sync":
// - a push committed changes of a user (so the instances holding that
//   user's other WebSockets send them a "sync-available" notice);
// - a session ended (logout, refresh-token reuse), so every instance drops
//   it from its session cache and closes its WebSockets.
// The data stays in the database; these messages are hints and may be lost
// while the listening connection is down. After it comes back the bus says
// so (reconnected), and the server forgets its cached sessions, whose end
// it may have missed. docs/server.md, "Several instances".
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSocketNotifier;
class QTimer;

namespace mana::server {

namespace pg {
class Connection;
}

// One message on the channel. Its JSON payload is at most
// kMaxPayloadBytes (PostgreSQL refuses longer ones).
struct InstanceMessage
{
    enum class Kind { Changes, SessionEnded };
    Kind kind = Kind::Changes;
    QString userId;         // Changes
    QString appId;          // Changes
    QStringList tables;     // Changes; never empty
    QString originClientId; // Changes; may be empty
    QString sessionId;      // SessionEnded

    static constexpr int kMaxPayloadBytes = 7900;
    // Tables that do not fit are left out, keeping at least the first: the
    // notice is a hint to pull the app, which pulls every table anyway.
    QByteArray encode() const;
    // nullopt for anything that is not a well-formed message of ours.
    static std::optional<InstanceMessage> decode(const QByteArray &payload);
};

class InstanceBus final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kChannel = "mana_sync";

    explicit InstanceBus(QString databaseUrl, QObject *parent = nullptr);
    ~InstanceBus() override;

    // Connects its own connection and LISTENs; false with a sentence in
    // *error when it cannot.
    bool start(QString *error);
    // Sent on this bus' connection; while it is down, dropped (logged).
    void publish(const InstanceMessage &message);

    bool isListening() const { return m_listening; }
    // Back-off between reconnection attempts, doubled up to the maximum.
    int reconnectMinimumMs = 500;
    int reconnectMaximumMs = 30'000;

signals:
    // A message from another instance (never one this process sent).
    void received(const mana::server::InstanceMessage &message);
    // The listening connection was down and is back: messages sent in
    // between are lost.
    void reconnected();

private:
    bool connectAndListen(QString *error);
    void readNotifications();
    void connectionLost(const QString &reason);
    void tryReconnect();

    QString m_databaseUrl;
    std::unique_ptr<pg::Connection> m_connection;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    int m_reconnectDelayMs = 0;
    bool m_listening = false;
};

} // namespace mana::server
