// A WebSocket peer for tests: blocking open/wait calls on top of QWebSocket
// that queue every text message, so a test can ask "what arrived within
// N ms" as well as "wait for the next message".
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QWebSocket>
#include <optional>

namespace mana::servertest {

class WebSocketClient
{
public:
    WebSocketClient();
    ~WebSocketClient();
    WebSocketClient(const WebSocketClient &) = delete;
    WebSocketClient &operator=(const WebSocketClient &) = delete;

    // clientIdHeader: sent as X-Client-Id on the upgrade request when set.
    bool open(const QUrl &url, int timeoutMs = 5000, const QString &clientIdHeader = {});
    void close();
    bool isConnected() const;
    bool waitForDisconnected(int timeoutMs);

    void sendJson(const QJsonObject &message);
    void sendText(const QString &text);

    // Sends {"type":"auth",…} and returns the first answer.
    std::optional<QJsonObject> authenticate(const QString &accessToken, const QString &clientId,
                                            int timeoutMs = 5000);
    // open() and authenticate() as a device does; false (with the reason
    // as a warning: what failed, or the server's answer) unless auth-ok came.
    bool connectAndAuthenticate(const QUrl &url, const QString &accessToken,
                                const QString &clientId);
    // The oldest queued message, waiting up to timeoutMs for one. A text
    // message that is not a JSON object is queued as {"type":"<not json>","raw":…}.
    std::optional<QJsonObject> nextMessage(int timeoutMs);
    // The first message of that type, dropping the others before it.
    std::optional<QJsonObject> nextMessageOfType(const QString &type, int timeoutMs);
    // Everything that arrives within durationMs (plus what was queued).
    QList<QJsonObject> collectFor(int durationMs);

    QString errorString() const { return m_socket.errorString(); }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }

private:
    // Runs the event loop until done() or the timeout; returns done().
    template<typename Predicate> bool waitUntil(Predicate done, int timeoutMs);

    QWebSocket m_socket;
    QList<QJsonObject> m_queue;
};

// Compact JSON of each message, one per line, for failure messages.
QString describeMessages(const QList<QJsonObject> &messages);

} // namespace mana::servertest
