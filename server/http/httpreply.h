// A transport-independent HTTP answer. Route handlers (auth, sync) return
// one; the router in server/http turns it into a QHttpServerResponse and
// adds the per-request log line and the metrics, so no handler repeats that.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace mana::server {

struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. {"Retry-After", "60"}
    QString userId; // for the log line, when the request was authenticated

    static HttpReply json(int status, const QJsonObject &object);
    // A body that is already JSON text (see wire::SyncResponse::toJsonText()).
    static HttpReply jsonText(int status, QByteArray body);
    static HttpReply empty(int status); // 204 and the like
    // PROTOCOL.md error body: {"error":{"code":…,"message":…}}
    static HttpReply error(int status, const QString &code, const QString &message);
    // 400 with the code "bad_request".
    static HttpReply badRequest(const QString &message);
};

} // namespace mana::server
