#include "metrics.h"

namespace mana::server {

namespace {

// Label values escape backslash, quote and newline (exposition format).
QString escapeLabel(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('"'), QLatin1String("\\\""));
    value.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return value;
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

void Metrics::recordRequest(const QString &method, const QString &route, int status,
                            double durationSeconds)
{
    ++m_requests[std::make_tuple(method, route, status)];
    Histogram &histogram = m_durationByRoute[route];
    for (size_t i = 0; i < kBucketBounds.size(); ++i) {
        if (durationSeconds <= kBucketBounds[i]) {
            ++histogram.buckets[i];
            break;
        }
    }
    ++histogram.count;
    histogram.sum += durationSeconds;
}

QByteArray Metrics::render() const
{
    QString out;
    out += QStringLiteral("# HELP mana_sync_connections_total WebSocket connections open now.\n"
                          "# TYPE mana_sync_connections_total gauge\n"
                          "mana_sync_connections_total %1\n")
               .arg(connectionCount ? connectionCount() : 0);
    out += QStringLiteral("# HELP mana_sync_users_connected Users with at least one open "
                          "WebSocket.\n"
                          "# TYPE mana_sync_users_connected gauge\n"
                          "mana_sync_users_connected %1\n")
               .arg(connectedUserCount ? connectedUserCount() : 0);

    out += QStringLiteral("# HELP mana_sync_http_requests_total HTTP requests by method, route "
                          "pattern and status.\n"
                          "# TYPE mana_sync_http_requests_total counter\n");
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        const auto &[method, route, status] = it.key();
        out += QStringLiteral("mana_sync_http_requests_total{method=\"%1\",route=\"%2\","
                              "status=\"%3\"} %4\n")
                   .arg(escapeLabel(method), escapeLabel(route))
                   .arg(status)
                   .arg(it.value());
    }

    out += QStringLiteral("# HELP mana_sync_http_request_duration_seconds Time from the complete "
                          "request to the answer, by route pattern.\n"
                          "# TYPE mana_sync_http_request_duration_seconds histogram\n");
    for (auto it = m_durationByRoute.begin(); it != m_durationByRoute.end(); ++it) {
        const QString route = escapeLabel(it.key());
        qint64 cumulative = 0;
        for (size_t i = 0; i < kBucketBounds.size(); ++i) {
            cumulative += it->buckets[i];
            out += QStringLiteral("mana_sync_http_request_duration_seconds_bucket{route=\"%1\","
                                  "le=\"%2\"} %3\n")
                       .arg(route, number(kBucketBounds[i]))
                       .arg(cumulative);
        }
        out += QStringLiteral("mana_sync_http_request_duration_seconds_bucket{route=\"%1\","
                              "le=\"+Inf\"} %2\n")
                   .arg(route)
                   .arg(it->count);
        out += QStringLiteral("mana_sync_http_request_duration_seconds_sum{route=\"%1\"} %2\n")
                   .arg(route, number(it->sum));
        out += QStringLiteral("mana_sync_http_request_duration_seconds_count{route=\"%1\"} %2\n")
                   .arg(route)
                   .arg(it->count);
    }

    out += QStringLiteral("# HELP mana_sync_changes_accepted_total Record changes that changed "
                          "the stored state.\n"
                          "# TYPE mana_sync_changes_accepted_total counter\n"
                          "mana_sync_changes_accepted_total %1\n")
               .arg(m_changesAccepted);
    out += QStringLiteral("# HELP mana_sync_database_errors_total Failed database operations.\n"
                          "# TYPE mana_sync_database_errors_total counter\n"
                          "mana_sync_database_errors_total %1\n")
               .arg(m_databaseErrors);
    return out.toUtf8();
}

} // namespace mana::server
