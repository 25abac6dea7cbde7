// The users of a load run, made through the normal auth routes of
// PROTOCOL.md: register, then log in for an access token.
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace mana::load {

struct LoadAccount
{
    QString email;
    QString userId;
    QString accessToken;
};

struct AccountOptions
{
    QList<QUrl> servers; // register and log in round-robin over these
    int userCount = 0;
    // Each register and login costs the server an Argon2id hash on its
    // hashing pool; more than a few in flight only queue there (and beyond
    // 64 per hashing thread the server answers 503).
    int concurrency = 8;
    QString emailPrefix; // unique per run, so a database can be reused
};

// Empty, with *error set, when a user could not be made (after retrying
// 429 and 503 as their Retry-After says).
QList<LoadAccount> makeAccounts(const AccountOptions &options, QString *error);

} // namespace mana::load
