#include "syncclientfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

namespace mana::synctest {

CollectionSpec taskSpec(const QString &appId)
{
    const QJsonObject json{
        {QStringLiteral("name"), QStringLiteral("tasks")},
        {QStringLiteral("fields"), QJsonArray{QJsonObject{{"name", "title"}, {"type", "string"}},
                                              QJsonObject{{"name", "priority"},
                                                          {"type", "low|medium|high|urgent"},
                                                          {"default", "medium"}},
                                              QJsonObject{{"name", "notes"}, {"type", "text?"}},
                                              QJsonObject{{"name", "n"}, {"type", "integer?"}}}},
        {QStringLiteral("indexes"), QJsonArray{QJsonArray{"n"}}}};
    QString error;
    const auto spec = CollectionSpec::fromJson(json, appId, &error);
    Q_ASSERT_X(spec, "taskSpec", qPrintable(error));
    return *spec;
}

SyncEngineConfig fastConfig(const QUrl &serverUrl)
{
    SyncEngineConfig config;
    config.serverUrl = serverUrl;
    config.pollIntervalMs = 10 * 60 * 1000; // tests prove the WebSocket path, not the poll
    config.tuning.backoffStartMs = 100;
    config.tuning.backoffMaxMs = 500;
    config.socketTiming.backoffStartMs = 100;
    config.socketTiming.backoffMaxMs = 500;
    return config;
}

SyncClient::SyncClient(const QString &name, const QUrl &serverUrl, const servertest::TestUser &user,
                       HybridLogicalClock::WallClock wallClock,
                       const std::optional<SyncEngineConfig> &config)
    : m_name(name)
    , m_user(user)
    , m_serverUrl(serverUrl)
{
    QString error;
    if (!m_store.open(LocalStore::profilePath(m_dir.path(), name), &error))
        qFatal("cannot open the store of %s: %s", qPrintable(name), qPrintable(error));
    if (wallClock)
        m_store.setWallClock(std::move(wallClock));
    m_tasks = m_store.addCollection(taskSpec(), &error);
    if (!m_tasks)
        qFatal("cannot add tasks: %s", qPrintable(error));
    m_engine = std::make_unique<SyncEngine>(&m_store, config ? *config : fastConfig(serverUrl));
    m_engine->setAccessToken(user.accessToken);
    // The shell's refresh: POST /api/v1/auth/refresh with the refresh token.
    m_engine->setTokenRefresher([this](SyncEngine::TokenReady done) {
        ++m_refreshCount;
        QUrl url = m_serverUrl;
        url.setPath(QStringLiteral("/api/v1/auth/refresh"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        const QByteArray body =
            QJsonDocument(QJsonObject{{"refreshToken", m_user.refreshToken}}).toJson();
        QNetworkReply *reply = m_network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, done] {
            reply->deleteLater();
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            m_user.refreshToken = answer.value("refreshToken").toString();
            // The lifetime only when a test asks for refreshes before expiry:
            // the others count refreshes of refused tokens.
            done(answer.value("accessToken").toString(),
                 m_refreshBeforeExpiry ? answer.value("expiresIn").toInt() : 0);
        });
    });
}

Collection *SyncClient::addApp(const QString &appId)
{
    QString error;
    Collection *collection = m_store.addCollection(taskSpec(appId), &error);
    if (!collection)
        qFatal("cannot add %s/tasks: %s", qPrintable(appId), qPrintable(error));
    return collection;
}

SyncClient::~SyncClient()
{
    m_engine.reset();
    m_store.close();
}

QList<QJsonObject> SyncClient::rows()
{
    Query all;
    all.includeDeleted = true;
    return m_tasks->query(all);
}

} // namespace mana::synctest
