#include "loginratelimiter.h"

#include <algorithm>

namespace mana::server {

namespace {
// Keys whose failures all expired are swept this often, so the maps stay
// as small as the set of recently attacked emails and addresses.
constexpr int sweepInterval = 256;
} // namespace

LoginRateLimiter::LoginRateLimiter(int maxFailuresPerEmail, int maxFailuresPerAddress,
                                   int windowSeconds)
    : m_maxFailuresPerEmail(maxFailuresPerEmail)
    , m_maxFailuresPerAddress(maxFailuresPerAddress)
    , m_windowSeconds(std::max(1, windowSeconds))
{}

QString LoginRateLimiter::addressKey(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    if (isIPv4)
        return QHostAddress(ipv4).toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        Q_IPV6ADDR bytes = address.toIPv6Address();
        for (int i = 8; i < 16; ++i)
            bytes[i] = 0;
        return QHostAddress(bytes).toString() + QStringLiteral("/64");
    }
    // Unknown (e.g. a local socket): all such clients share one counter.
    return QStringLiteral("unknown");
}

qint64 LoginRateLimiter::secondsUntilAllowed(const QString &email, const QString &address,
                                             qint64 now)
{
    return std::max(
        secondsUntilAllowed(m_failuresByEmail, email, m_maxFailuresPerEmail, now),
        secondsUntilAllowed(m_failuresByAddress, address, m_maxFailuresPerAddress, now));
}

void LoginRateLimiter::recordFailure(const QString &email, const QString &address, qint64 now)
{
    record(m_failuresByEmail, email, m_maxFailuresPerEmail, now);
    record(m_failuresByAddress, address, m_maxFailuresPerAddress, now);
    if (++m_recordsSinceSweep >= sweepInterval) {
        m_recordsSinceSweep = 0;
        dropExpired(m_failuresByEmail, now);
        dropExpired(m_failuresByAddress, now);
    }
}

void LoginRateLimiter::forgetEmail(const QString &email)
{
    m_failuresByEmail.remove(email);
}

void LoginRateLimiter::withdrawAddressFailure(const QString &address, qint64 recordedAt)
{
    const auto it = m_failuresByAddress.find(address);
    if (it == m_failuresByAddress.end())
        return;
    // Only the newest entries are kept, so the one recorded may be gone.
    const qsizetype index = it.value().lastIndexOf(recordedAt);
    if (index >= 0)
        it.value().removeAt(index);
    if (it.value().isEmpty())
        m_failuresByAddress.erase(it);
}

void LoginRateLimiter::sweep(qint64 now)
{
    m_recordsSinceSweep = 0;
    dropExpired(m_failuresByEmail, now);
    dropExpired(m_failuresByAddress, now);
}

qint64 LoginRateLimiter::secondsUntilAllowed(FailureLog &log, const QString &key, int maxFailures,
                                             qint64 now)
{
    if (maxFailures <= 0)
        return 0;
    auto it = log.find(key);
    if (it == log.end())
        return 0;
    QList<qint64> &times = it.value();
    // A failure at t counts while now < t + window.
    while (!times.isEmpty() && times.first() + m_windowSeconds <= now)
        times.removeFirst();
    if (times.isEmpty()) {
        log.erase(it);
        return 0;
    }
    if (times.size() < maxFailures)
        return 0;
    // Allowed again once the failure that keeps the count at the maximum expires.
    const qint64 blockingFailure = times.at(times.size() - maxFailures);
    return std::max<qint64>(1, blockingFailure + m_windowSeconds - now);
}

void LoginRateLimiter::record(FailureLog &log, const QString &key, int maxFailures, qint64 now)
{
    if (maxFailures <= 0)
        return;
    QList<qint64> &times = log[key];
    times.append(now);
    // Only the newest maxFailures entries can ever decide a block.
    while (times.size() > maxFailures)
        times.removeFirst();
}

void LoginRateLimiter::dropExpired(FailureLog &log, qint64 now)
{
    for (auto it = log.begin(); it != log.end();) {
        if (it.value().isEmpty() || it.value().last() + m_windowSeconds <= now)
            it = log.erase(it);
        else
            ++it;
    }
}

} // namespace mana::server
