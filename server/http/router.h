// The route table of mana-sync. Unlike QHttpServer's router in Qt 6.4, it
// tells "no such path" (404) from "path exists, wrong method" (405) and names
// the matched pattern, which the log line and the metrics use.
#pragma once

#include "http/httpreply.h"

#include <QHttpServerRequest>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace mana::server {

using RouteHandler =
    std::function<HttpReply(const QHttpServerRequest &request, const QStringList &parameters)>;

// A route that answers later, e.g. after a password hash on a worker thread:
// the handler keeps `answer` and calls it once, on the server's thread. The
// request object is only valid during the handler call, so it copies what it
// needs. Should the client leave first, the answer is dropped.
using ReplyCallback = std::function<void(const HttpReply &reply)>;
using DeferredRouteHandler = std::function<void(
    const QHttpServerRequest &request, const QStringList &parameters, ReplyCallback answer)>;

class Router
{
public:
    // `pattern` is a path whose segments are literals or "{name}"
    // placeholders matching one non-empty segment, e.g. "/sync/{appId}/pull".
    void add(QHttpServerRequest::Method method, const QString &pattern, RouteHandler handler);
    void addDeferred(QHttpServerRequest::Method method, const QString &pattern,
                     DeferredRouteHandler handler);

    struct Match
    {
        int status = 404;       // 200 when found, else 404 or 405
        QString pattern;        // the matched pattern, for logs and metrics
        QStringList parameters; // placeholder values in order
        QByteArray allow;       // for 405: the methods the path accepts
        const RouteHandler *handler = nullptr;
        // Set instead of handler for a route added with addDeferred().
        const DeferredRouteHandler *deferredHandler = nullptr;
    };
    Match match(QHttpServerRequest::Method method, const QString &path) const;

    static QByteArray methodName(QHttpServerRequest::Method method);

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QString pattern;
        QStringList segments;
        RouteHandler handler;
        DeferredRouteHandler deferredHandler;
    };
    static bool matches(const Route &route, const QStringList &pathSegments,
                        QStringList *parameters);
    QList<Route> m_routes;
};

} // namespace mana::server
