#include "tokenforge.h"

#include "serverdatabase.h"
#include <QJsonDocument>
#include <QList>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

namespace mana::servertest {

QByteArray base64UrlEncode(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(const QByteArray &text)
{
    auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

std::optional<DecodedJwt> decodeJwt(const QString &token)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto header = base64UrlDecode(parts[0]);
    const auto payload = base64UrlDecode(parts[1]);
    const auto signature = base64UrlDecode(parts[2]);
    if (!header || !payload || !signature)
        return std::nullopt;
    DecodedJwt jwt;
    jwt.header = QJsonDocument::fromJson(*header).object();
    jwt.payload = QJsonDocument::fromJson(*payload).object();
    jwt.signingInput = parts[0] + '.' + parts[1];
    jwt.signature = *signature;
    return jwt;
}

namespace {

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key)
{
    return key ? std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free) : nullptr;
}

QByteArray signingInput(const QJsonObject &header, const QJsonObject &payload)
{
    return base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           base64UrlEncode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<Ed25519TestKey> Ed25519TestKey::generate()
{
    Ed25519TestKey key;
    EVP_PKEY *raw = nullptr;
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    if (context && EVP_PKEY_keygen_init(context) == 1)
        EVP_PKEY_keygen(context, &raw);
    EVP_PKEY_CTX_free(context);
    key.m_key = adopt(raw);
    key.m_hasPrivate = true;
    if (!key.m_key)
        return std::nullopt;
    return key;
}

std::optional<Ed25519TestKey> Ed25519TestKey::fromPrivatePem(const QByteArray &pem)
{
    Ed25519TestKey key;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    key.m_key = adopt(bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr);
    BIO_free(bio);
    key.m_hasPrivate = true;
    if (!key.m_key || EVP_PKEY_get_id(key.m_key.get()) != EVP_PKEY_ED25519)
        return std::nullopt;
    return key;
}

std::optional<Ed25519TestKey> Ed25519TestKey::fromPublicRaw(const QByteArray &raw)
{
    Ed25519TestKey key;
    key.m_key = adopt(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(raw.constData()),
        size_t(raw.size())));
    if (!key.m_key)
        return std::nullopt;
    return key;
}

QByteArray Ed25519TestKey::sign(const QByteArray &message) const
{
    if (!m_key || !m_hasPrivate)
        return {};
    QByteArray signature(64, '\0');
    size_t length = size_t(signature.size());
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok =
        context && EVP_DigestSignInit(context, nullptr, nullptr, nullptr, m_key.get()) == 1 &&
        EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(message.constData()),
                       size_t(message.size())) == 1;
    EVP_MD_CTX_free(context);
    return ok ? signature.left(int(length)) : QByteArray();
}

bool Ed25519TestKey::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (!m_key)
        return false;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok =
        context && EVP_DigestVerifyInit(context, nullptr, nullptr, nullptr, m_key.get()) == 1 &&
        EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         size_t(message.size())) == 1;
    EVP_MD_CTX_free(context);
    return ok;
}

QByteArray Ed25519TestKey::publicRaw() const
{
    QByteArray raw(32, '\0');
    size_t length = size_t(raw.size());
    if (!m_key || EVP_PKEY_get_raw_public_key(
                      m_key.get(), reinterpret_cast<unsigned char *>(raw.data()), &length) != 1)
        return {};
    return raw.left(int(length));
}

QString signJwtEd25519(const QJsonObject &header, const QJsonObject &payload,
                       const Ed25519TestKey &key)
{
    const QByteArray input = signingInput(header, payload);
    return QString::fromLatin1(input + '.' + base64UrlEncode(key.sign(input)));
}

QString signJwtHs256(const QJsonObject &header, const QJsonObject &payload,
                     const QByteArray &secret)
{
    const QByteArray input = signingInput(header, payload);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
         reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()), mac,
         &macLength);
    return QString::fromLatin1(
        input + '.' +
        base64UrlEncode(QByteArray(reinterpret_cast<const char *>(mac), int(macLength))));
}

QString unsignedJwt(const QJsonObject &header, const QJsonObject &payload)
{
    return QString::fromLatin1(signingInput(header, payload) + '.');
}

std::optional<ServerSigningKey> readServerSigningKey(const QString &databaseUrl, QString *error)
{
    const auto row =
        queryServerDatabase(databaseUrl,
                            QStringLiteral("SELECT kid, private_key_pem FROM auth_signing_keys "
                                           "ORDER BY created_at DESC, kid DESC LIMIT 1"),
                            error);
    if (!row)
        return std::nullopt;
    if (row->size() < 2) {
        *error = QStringLiteral("no signing key in the database");
        return std::nullopt;
    }
    const auto key = Ed25519TestKey::fromPrivatePem(row->at(1).toByteArray());
    if (!key) {
        *error = QStringLiteral("unreadable signing key PEM");
        return std::nullopt;
    }
    return ServerSigningKey{row->at(0).toString(), *key};
}

} // namespace mana::servertest
