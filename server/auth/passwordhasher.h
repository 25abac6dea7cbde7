// Argon2id password hashes in the PHC string format ("$argon2id$v=19$m=…").
// The parameters travel inside the string, so hashes made with older
// parameters still verify after the defaults change.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace mana::server {

class PasswordHasher
{
public:
    // OWASP's Argon2id recommendation: 19 MiB, 2 passes, 1 lane. One hash
    // costs some tens of milliseconds of one core, which bounds how fast
    // anyone can guess through the login route.
    static constexpr quint32 timeCost = 2;
    static constexpr quint32 memoryCostKiB = 19 * 1024;
    static constexpr quint32 parallelism = 1;
    static constexpr int saltBytes = 16;
    static constexpr int hashBytes = 32;

    // Empty on failure (out of memory, no randomness); *error says why.
    // `passes` is Argon2's time cost: more passes cost proportionally more
    // CPU time (the server takes it from --password-hash-passes).
    static std::optional<QString> hash(const QString &password, QString *error = nullptr,
                                       quint32 passes = timeCost);
    // False for a wrong password and for a malformed stored hash alike.
    static bool verify(const QString &password, const QString &encodedHash);
};

} // namespace mana::server
