#include "passwordhasher.h"

#include <argon2.h>
#include <openssl/rand.h>

namespace mana::server {

std::optional<QString> PasswordHasher::hash(const QString &password, QString *error, quint32 passes)
{
    const QByteArray utf8 = password.toUtf8();
    unsigned char salt[saltBytes];
    if (RAND_bytes(salt, saltBytes) != 1) {
        if (error)
            *error = QStringLiteral("no random bytes for the salt");
        return std::nullopt;
    }
    const size_t encodedLength =
        argon2_encodedlen(passes, memoryCostKiB, parallelism, saltBytes, hashBytes, Argon2_id);
    QByteArray encoded(qsizetype(encodedLength), '\0');
    const int result = argon2id_hash_encoded(passes, memoryCostKiB, parallelism, utf8.constData(),
                                             size_t(utf8.size()), salt, saltBytes, hashBytes,
                                             encoded.data(), encodedLength);
    if (result != ARGON2_OK) {
        if (error)
            *error = QString::fromLatin1(argon2_error_message(result));
        return std::nullopt;
    }
    // argon2_encodedlen counts the terminating NUL.
    return QString::fromLatin1(encoded.constData());
}

bool PasswordHasher::verify(const QString &password, const QString &encodedHash)
{
    if (!encodedHash.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray utf8 = password.toUtf8();
    const QByteArray encoded = encodedHash.toLatin1();
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

} // namespace mana::server
