// An Ed25519 key (OpenSSL 3 EVP): a full pair that signs, or a public key
// that only verifies. Its kid is the RFC 7638 JWK thumbprint of the public
// key, so the same key always gets the same kid.
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace mana::server {

class Ed25519Key
{
public:
    static constexpr int publicKeyBytes = 32;
    static constexpr int signatureBytes = 64;

    static std::optional<Ed25519Key> generate();
    // PKCS#8 PEM as toPrivatePem() writes it; nullopt for anything else,
    // including a PEM key of another type.
    static std::optional<Ed25519Key> fromPrivatePem(const QByteArray &pem);
    static std::optional<Ed25519Key> fromRawPublicKey(const QByteArray &raw);

    bool hasPrivateKey() const { return m_hasPrivateKey; }
    QByteArray rawPublicKey() const { return m_rawPublicKey; }
    QString kid() const { return m_kid; }
    QByteArray toPrivatePem() const; // empty for a public key

    QByteArray sign(const QByteArray &message) const; // empty on failure
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    static std::optional<Ed25519Key> adopt(EVP_PKEY *key, bool hasPrivateKey);

    std::shared_ptr<EVP_PKEY> m_key; // immutable once made, so copies may share it
    bool m_hasPrivateKey = false;
    QByteArray m_rawPublicKey;
    QString m_kid;
};

} // namespace mana::server
