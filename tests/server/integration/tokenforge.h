// Hand-made JWTs for the token tests: signed with a foreign Ed25519 key,
// with the server's own key read from its database (to change one claim at
// a time), with HS256, or unsigned. OpenSSL does the signing, so a forged
// token is exactly what an attacker could send.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

using EVP_PKEY = struct evp_pkey_st;

namespace mana::servertest {

QByteArray base64UrlEncode(const QByteArray &bytes);
std::optional<QByteArray> base64UrlDecode(const QByteArray &text);

struct DecodedJwt
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; // "header.payload" as sent
    QByteArray signature;
};
std::optional<DecodedJwt> decodeJwt(const QString &token);

class Ed25519TestKey
{
public:
    static std::optional<Ed25519TestKey> generate();
    static std::optional<Ed25519TestKey> fromPrivatePem(const QByteArray &pem);
    // A public key from JWKS `x` (raw 32 bytes); it can only verify.
    static std::optional<Ed25519TestKey> fromPublicRaw(const QByteArray &raw);

    QByteArray sign(const QByteArray &message) const; // empty without a private key
    bool verify(const QByteArray &message, const QByteArray &signature) const;
    QByteArray publicRaw() const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    bool m_hasPrivate = false;
};

QString signJwtEd25519(const QJsonObject &header, const QJsonObject &payload,
                       const Ed25519TestKey &key);
QString signJwtHs256(const QJsonObject &header, const QJsonObject &payload,
                     const QByteArray &secret);
// "header.payload." with the given header (e.g. alg none).
QString unsignedJwt(const QJsonObject &header, const QJsonObject &payload);

// The server's newest signing key from its database (table
// auth_signing_keys of server/auth), ServerProcess::databaseUrl(): SQLite or
// PostgreSQL. Reads through a private connection (serverdatabase.h).
struct ServerSigningKey
{
    QString kid;
    Ed25519TestKey key;
};
std::optional<ServerSigningKey> readServerSigningKey(const QString &databaseUrl, QString *error);

} // namespace mana::servertest
