// Prometheus metrics of mana-sync (text exposition format 0.0.4). Routes are
// counted by pattern ("/sync/{appId}"), never by raw path, so a client
// cannot grow the label set without bound.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QPair>
#include <QString>
#include <array>
#include <functional>

namespace mana::server {

class Metrics
{
public:
    void recordRequest(const QString &method, const QString &route, int status,
                       double durationSeconds);
    void addChangesAccepted(qint64 count) { m_changesAccepted += count; }
    void addDatabaseError() { ++m_databaseErrors; }

    // Gauges read at scrape time (the WebSocket hub owns the numbers).
    std::function<int()> connectionCount;
    std::function<int()> connectedUserCount;

    QByteArray render() const;

    qint64 changesAccepted() const { return m_changesAccepted; }
    qint64 databaseErrors() const { return m_databaseErrors; }

private:
    static constexpr std::array<double, 11> kBucketBounds{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                          0.25,  0.5,   1.0,  2.5,   5.0};
    struct Histogram
    {
        std::array<qint64, kBucketBounds.size()> buckets{}; // cumulative on render
        qint64 count = 0;
        double sum = 0;
    };
    // (method, route, status) -> count
    QMap<std::tuple<QString, QString, int>, qint64> m_requests;
    QMap<QString, Histogram> m_durationByRoute;
    qint64 m_changesAccepted = 0;
    qint64 m_databaseErrors = 0;
};

} // namespace mana::server
