#include "httpreply.h"

#include <QJsonDocument>
#include <utility>

namespace mana::server {

HttpReply HttpReply::json(int status, const QJsonObject &object)
{
    HttpReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply HttpReply::jsonText(int status, QByteArray body)
{
    HttpReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

HttpReply HttpReply::empty(int status)
{
    HttpReply reply;
    reply.status = status;
    reply.contentType.clear();
    return reply;
}

HttpReply HttpReply::error(int status, const QString &code, const QString &message)
{
    return json(status, QJsonObject{{"error", QJsonObject{{"code", code}, {"message", message}}}});
}

HttpReply HttpReply::badRequest(const QString &message)
{
    return error(400, QStringLiteral("bad_request"), message);
}

} // namespace mana::server
