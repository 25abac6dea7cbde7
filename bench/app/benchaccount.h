// The account app_pull_bench fills before the app signs in: another device
// of the account (registers, logs in, pushes through mana-sync's HTTP API,
// as a phone or the web app would) and records varied like a real
// account's, the same from run to run.
#pragma once

#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUuid>

namespace mana::appbench {

inline constexpr int kPushBatch = 1000; // the protocol's maximum per push
inline constexpr int kProjects = 20;
inline const QString kPassword = QStringLiteral("app-pull-bench-password");
inline const QString kEpoch = QStringLiteral("1970-01-01T00:00:00.000Z");

inline QString timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs); // 2026-03-26T14:01:05.123Z
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QString error;
};

// Another device of the account: registers, logs in and pushes records
// through the HTTP API, as a phone or the web app would have.
class OtherDevice
{
public:
    explicit OtherDevice(const QString &serverUrl)
        : m_serverUrl(serverUrl)
        , m_clientId(newId())
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    bool createAccount(const QString &email, QString *error)
    {
        const HttpAnswer registered = post(QStringLiteral("/api/v1/auth/register"),
                                           {{QStringLiteral("email"), email},
                                            {QStringLiteral("password"), kPassword},
                                            {QStringLiteral("name"), QStringLiteral("Bench")}});
        if (registered.status != 201) {
            *error = QStringLiteral("register %1: %2 %3 %4")
                         .arg(email)
                         .arg(registered.status)
                         .arg(registered.error, QString::fromUtf8(registered.body.left(300)));
            return false;
        }
        const HttpAnswer login =
            post(QStringLiteral("/api/v1/auth/login"),
                 {{QStringLiteral("email"), email}, {QStringLiteral("password"), kPassword}});
        m_accessToken = QJsonDocument::fromJson(login.body)
                            .object()
                            .value(QStringLiteral("accessToken"))
                            .toString();
        if (login.status != 200 || m_accessToken.isEmpty()) {
            *error = QStringLiteral("login %1: %2 %3 %4")
                         .arg(email)
                         .arg(login.status)
                         .arg(login.error, QString::fromUtf8(login.body.left(300)));
            return false;
        }
        return true;
    }

    // Pushes inserts in bodies of at most 1,000, each with the cursor the
    // previous answer gave, as the sync engine does.
    bool push(const QString &appId, const QList<QJsonObject> &changes, QString *error)
    {
        for (qsizetype start = 0; start < changes.size(); start += kPushBatch) {
            QJsonArray batch;
            for (qsizetype i = start; i < qMin(changes.size(), start + kPushBatch); ++i)
                batch.append(changes.at(i));
            const QString since = m_cursors.value(appId, kEpoch);
            const HttpAnswer answer =
                post(QStringLiteral("/sync/") + appId, {{QStringLiteral("clientId"), m_clientId},
                                                        {QStringLiteral("appId"), appId},
                                                        {QStringLiteral("since"), since},
                                                        {QStringLiteral("changes"), batch}});
            const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
            if (answer.status != 200 || !body.contains(QStringLiteral("syncedUntil"))) {
                *error = QStringLiteral("push to %1: %2 %3 %4")
                             .arg(appId)
                             .arg(answer.status)
                             .arg(answer.error, QString::fromUtf8(answer.body.left(300)));
                return false;
            }
            m_cursors.insert(appId, body.value(QStringLiteral("syncedUntil")).toString());
        }
        return true;
    }

private:
    HttpAnswer post(const QString &path, const QJsonObject &json)
    {
        QNetworkRequest request(QUrl(m_serverUrl + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setTransferTimeout(120000);
        request.setRawHeader("X-Client-Id", m_clientId.toUtf8());
        if (!m_accessToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
        QNetworkReply *reply =
            m_network.post(request, QJsonDocument(json).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            answer.error = reply->errorString();
        reply->deleteLater();
        return answer;
    }

    QString m_serverUrl;
    QString m_clientId;
    QString m_accessToken;
    QHash<QString, QString> m_cursors; // per app id: the last syncedUntil
    QNetworkAccessManager m_network;
};

// ---------------------------------------------------------------------------
// Records: varied like a real account's, deterministic from run to run

class RecordMaker
{
public:
    RecordMaker()
        : m_random(12)
        , m_now(QDateTime::currentDateTimeUtc())
    {}

    // An insert as another device sends it: the whole record in `data`,
    // createdAt/updatedAt included. Record i of `count` was created the
    // further back the smaller i, within the last ~60 days.
    QJsonObject insert(const QString &table, const QString &id, QJsonObject data, int i,
                       int count) const
    {
        const QDateTime created = createdAt(i, count);
        data.insert(QStringLiteral("createdAt"), timestamp(created));
        data.insert(QStringLiteral("updatedAt"), timestamp(updatedAt(created, i)));
        return {{QStringLiteral("table"), table},
                {QStringLiteral("id"), id},
                {QStringLiteral("op"), QStringLiteral("insert")},
                {QStringLiteral("data"), data}};
    }

    QDateTime createdAt(int i, int count) const
    {
        const qint64 spanMs = qint64(60) * 24 * 3600 * 1000;
        return m_now.addMSecs(-spanMs + spanMs * i / qMax(1, count) - 60000);
    }
    // One record in five was edited a while after it was created.
    QDateTime updatedAt(const QDateTime &created, int i) const
    {
        if (i % 5 != 2)
            return created;
        return qMin(created.addSecs(3600 * (1 + i % 48)), m_now.addSecs(-30));
    }
    // A moment between daysBack ago and daysAhead from now.
    QDateTime around(int daysBack, int daysAhead)
    {
        const qint64 minutes = qint64(daysBack + daysAhead) * 24 * 60;
        return m_now.addSecs(60 *
                             (qint64(m_random.bounded(int(minutes))) - qint64(daysBack) * 1440));
    }
    int bounded(int limit) { return int(m_random.bounded(limit)); }
    template<typename T> const T &pick(const QList<T> &list)
    {
        return list.at(bounded(int(list.size())));
    }

private:
    QRandomGenerator m_random;
    QDateTime m_now;
};

// A task's title: a verb and an object picked by `maker`, numbered by i.
QString taskTitle(int i, RecordMaker &maker);
// `count` Todo tasks (and kProjects projects), pushed in batches.
bool pushTodo(OtherDevice &device, int count, RecordMaker &maker, QString *error);
// `perApp` records in each of Contacts, Calendar (events), Inventar (items)
// and ManaDeck (cards), with the parents they refer to.
bool pushOtherApps(OtherDevice &device, int perApp, RecordMaker &maker, QString *error);

} // namespace mana::appbench
