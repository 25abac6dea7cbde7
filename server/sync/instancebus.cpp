#include "instancebus.h"

#include "pg/pgconnection.h"
#include "serverlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

namespace mana::server {

namespace {

// Short keys: a payload is limited to 8000 bytes, and a push can touch many
// tables.
const QString kKind = QStringLiteral("k");
const QString kUser = QStringLiteral("u");
const QString kApp = QStringLiteral("a");
const QString kTables = QStringLiteral("t");
const QString kOrigin = QStringLiteral("o");
const QString kSession = QStringLiteral("s");
const QString kChangesKind = QStringLiteral("changes");
const QString kSessionEndedKind = QStringLiteral("session-ended");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray InstanceMessage::encode() const
{
    if (kind == Kind::SessionEnded)
        return compact({{kKind, kSessionEndedKind}, {kSession, sessionId}});
    QJsonObject object{{kKind, kChangesKind}, {kUser, userId}, {kApp, appId}};
    if (!originClientId.isEmpty())
        object.insert(kOrigin, originClientId);
    QJsonArray fitting;
    for (const QString &table : tables) {
        QJsonArray candidate = fitting;
        candidate.append(table);
        object.insert(kTables, candidate);
        if (!fitting.isEmpty() && compact(object).size() > kMaxPayloadBytes)
            break;
        fitting = candidate;
    }
    object.insert(kTables, fitting);
    return compact(object);
}

std::optional<InstanceMessage> InstanceMessage::decode(const QByteArray &payload)
{
    if (payload.size() > kMaxPayloadBytes + 100)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QString kindName = object.value(kKind).toString();
    InstanceMessage message;
    if (kindName == kSessionEndedKind) {
        message.kind = Kind::SessionEnded;
        message.sessionId = object.value(kSession).toString();
        if (message.sessionId.isEmpty())
            return std::nullopt;
        return message;
    }
    if (kindName != kChangesKind)
        return std::nullopt;
    message.kind = Kind::Changes;
    message.userId = object.value(kUser).toString();
    message.appId = object.value(kApp).toString();
    message.originClientId = object.value(kOrigin).toString();
    const QJsonValue tables = object.value(kTables);
    if (!tables.isArray())
        return std::nullopt;
    for (const QJsonValue &table : tables.toArray()) {
        if (!table.isString() || table.toString().isEmpty())
            return std::nullopt;
        message.tables.append(table.toString());
    }
    if (message.userId.isEmpty() || message.appId.isEmpty() || message.tables.isEmpty())
        return std::nullopt;
    return message;
}

InstanceBus::InstanceBus(QString databaseUrl, QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(databaseUrl))
{
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &InstanceBus::tryReconnect);
}

InstanceBus::~InstanceBus() = default;

bool InstanceBus::start(QString *error)
{
    return connectAndListen(error);
}

bool InstanceBus::connectAndListen(QString *error)
{
    delete m_notifier;
    m_notifier = nullptr;
    m_connection = pg::Connection::open(m_databaseUrl, error);
    if (!m_connection)
        return false;
    // The name lets an operator find these connections in pg_stat_activity.
    const pg::Result listen =
        m_connection->exec(QStringLiteral("SET application_name = 'mana-sync instances'; LISTEN %1")
                               .arg(QLatin1String(kChannel)));
    if (!listen.ok()) {
        *error =
            QStringLiteral("Cannot LISTEN on %1: %2").arg(m_connection->target(), listen.error());
        m_connection.reset();
        return false;
    }
    m_notifier = new QSocketNotifier(m_connection->socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InstanceBus::readNotifications);
    m_listening = true;
    m_reconnectDelayMs = 0;
    return true;
}

void InstanceBus::publish(const InstanceMessage &message)
{
    if (!m_listening) {
        qCDebug(lcInstances) << "not connected: a message to the other instances is dropped";
        return;
    }
    const pg::Result sent =
        m_connection->exec(QStringLiteral("SELECT pg_notify($1, $2)"),
                           pg::Params().add(QLatin1String(kChannel)).addUtf8(message.encode()));
    if (!sent.ok()) {
        connectionLost(sent.error());
        return;
    }
    // The statement's round trip may have read notifications of others
    // into libpq's queue; the socket will not say so again.
    QMetaObject::invokeMethod(this, &InstanceBus::readNotifications, Qt::QueuedConnection);
}

void InstanceBus::readNotifications()
{
    if (!m_listening)
        return;
    QString error;
    if (!m_connection->consumeInput(&error)) {
        connectionLost(error);
        return;
    }
    const int ownPid = m_connection->backendPid();
    const auto notifications = m_connection->takeNotifications();
    for (const pg::Connection::Notification &notification : notifications) {
        if (notification.senderPid == ownPid)
            continue; // ours: this process already acted on it
        const auto message = InstanceMessage::decode(notification.payload);
        if (!message) {
            qCWarning(lcInstances) << "ignored a malformed message on" << notification.channel
                                   << "from backend" << notification.senderPid;
            continue;
        }
        emit received(*message);
    }
}

void InstanceBus::connectionLost(const QString &reason)
{
    if (!m_listening)
        return;
    m_listening = false;
    qCWarning(lcInstances).noquote()
        << "the connection that listens for the other instances broke:" << reason
        << "- WebSocket notices from them pause until it is back";
    if (m_notifier)
        m_notifier->setEnabled(false);
    m_reconnectDelayMs = reconnectMinimumMs;
    m_reconnectTimer->start(m_reconnectDelayMs);
}

void InstanceBus::tryReconnect()
{
    QString error;
    if (connectAndListen(&error)) {
        qCInfo(lcInstances) << "listening for the other instances again";
        emit reconnected();
        return;
    }
    m_reconnectDelayMs = qMin(m_reconnectDelayMs * 2, reconnectMaximumMs);
    qCWarning(lcInstances).noquote() << "cannot listen for the other instances yet:" << error
                                     << "- next try in" << m_reconnectDelayMs << "ms";
    m_reconnectTimer->start(m_reconnectDelayMs);
}

} // namespace mana::server
