// Counts failed logins per email and per client address in a sliding
// window (PROTOCOL.md: failed attempts only).
//
// The counters live in memory, not in a table. That is acceptable because
// one mana-sync process answers every login of its database, so it sees
// every failure; a restart forgets them, which an attacker cannot trigger and
// which gives back at most one window's worth of guesses, each still paying
// an Argon2id hash. A deployment with several server processes behind one
// database would need a shared table instead.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace mana::server {

class LoginRateLimiter
{
public:
    // A maximum of 0 or less switches that limit off.
    LoginRateLimiter(int maxFailuresPerEmail, int maxFailuresPerAddress, int windowSeconds);

    // The key a client address counts under. IPv4 (also when mapped into
    // IPv6) counts per address; IPv6 per /64, because one host usually owns
    // a whole /64 and could otherwise rotate addresses freely.
    static QString addressKey(const QHostAddress &address);

    // Seconds until a login for this email from this address may be tried
    // again; 0 when it may be tried now.
    qint64 secondsUntilAllowed(const QString &email, const QString &address, qint64 now);
    void recordFailure(const QString &email, const QString &address, qint64 now);
    // After a successful login the owner has shown the password, so the
    // email's count starts over; the address keeps its count.
    void forgetEmail(const QString &email);
    // AuthEngine records an attempt as a failure before the (slow, threaded)
    // password check, so that parallel attempts cannot all pass the limit
    // while their hashes run; an attempt that then succeeds is withdrawn
    // from the address's count with the time it was recorded at.
    void withdrawAddressFailure(const QString &address, qint64 recordedAt);
    // Drops every key whose failures have all left the window (the server's
    // purge timer calls it, so idle keys do not wait for the next failure).
    void sweep(qint64 now);

    qsizetype trackedKeyCount() const
    {
        return m_failuresByEmail.size() + m_failuresByAddress.size();
    }

private:
    using FailureLog = QHash<QString, QList<qint64>>;
    qint64 secondsUntilAllowed(FailureLog &log, const QString &key, int maxFailures, qint64 now);
    void record(FailureLog &log, const QString &key, int maxFailures, qint64 now);
    void dropExpired(FailureLog &log, qint64 now);

    int m_maxFailuresPerEmail;
    int m_maxFailuresPerAddress;
    int m_windowSeconds;
    FailureLog m_failuresByEmail;
    FailureLog m_failuresByAddress;
    int m_recordsSinceSweep = 0;
};

} // namespace mana::server
