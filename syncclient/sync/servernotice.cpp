#include "servernotice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mana {

namespace {

constexpr int kMaxNameLength = 128;

bool isName(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString name = value.toString();
    return !name.isEmpty() && name.size() <= kMaxNameLength;
}

} // namespace

ServerNotice readServerNotice(const QString &message)
{
    ServerNotice notice;
    const QJsonObject json = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = json.value(QLatin1String("type")).toString();
    if (type == QLatin1String("auth-ok")) {
        notice.kind = ServerNotice::Kind::AuthOk;
    } else if (type == QLatin1String("pong")) {
        notice.kind = ServerNotice::Kind::Pong;
    } else if (type == QLatin1String("error")) {
        notice.kind = ServerNotice::Kind::Error;
        // PROTOCOL.md puts the reason in "tables"; "message" is read too.
        const QJsonValue reason = json.value(QLatin1String("tables")).toArray().first();
        notice.text = (reason.isString() ? reason : json.value(QLatin1String("message")))
                          .toString()
                          .left(200);
    } else if (type == QLatin1String("sync-available")) {
        const QJsonValue appId = json.value(QLatin1String("appId"));
        if (!isName(appId))
            return notice; // Ignored: nothing to pull
        notice.kind = ServerNotice::Kind::SyncAvailable;
        notice.appId = appId.toString();
        const QJsonArray tables = json.value(QLatin1String("tables")).toArray();
        if (tables.size() > kMaxNoticeTables)
            return notice; // more than any app has: pull the whole app
        for (const QJsonValue &table : tables) {
            if (!isName(table)) {
                notice.tables.clear(); // one bad name: pull the whole app
                return notice;
            }
            notice.tables.append(table.toString());
        }
    }
    return notice;
}

} // namespace mana
