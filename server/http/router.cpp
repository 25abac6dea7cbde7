#include "router.h"

namespace mana::server {

void Router::add(QHttpServerRequest::Method method, const QString &pattern, RouteHandler handler)
{
    m_routes.append(
        Route{method, pattern, pattern.split(QLatin1Char('/')), std::move(handler), {}});
}

void Router::addDeferred(QHttpServerRequest::Method method, const QString &pattern,
                         DeferredRouteHandler handler)
{
    m_routes.append(
        Route{method, pattern, pattern.split(QLatin1Char('/')), {}, std::move(handler)});
}

bool Router::matches(const Route &route, const QStringList &pathSegments, QStringList *parameters)
{
    if (route.segments.size() != pathSegments.size())
        return false;
    QStringList values;
    for (qsizetype i = 0; i < pathSegments.size(); ++i) {
        const QString &expected = route.segments.at(i);
        if (expected.startsWith(QLatin1Char('{')) && expected.endsWith(QLatin1Char('}'))) {
            if (pathSegments.at(i).isEmpty())
                return false;
            values.append(pathSegments.at(i));
        } else if (expected != pathSegments.at(i)) {
            return false;
        }
    }
    *parameters = values;
    return true;
}

Router::Match Router::match(QHttpServerRequest::Method method, const QString &path) const
{
    Match result;
    const QStringList pathSegments = path.split(QLatin1Char('/'));
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        QStringList parameters;
        if (!matches(route, pathSegments, &parameters))
            continue;
        if (route.method == method) {
            result.status = 200;
            result.pattern = route.pattern;
            result.parameters = parameters;
            if (route.deferredHandler)
                result.deferredHandler = &route.deferredHandler;
            else
                result.handler = &route.handler;
            return result;
        }
        result.status = 405;
        result.pattern = route.pattern;
        if (!allowed.contains(methodName(route.method)))
            allowed.append(methodName(route.method));
    }
    result.allow = allowed.join(", ");
    return result;
}

QByteArray Router::methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace mana::server
