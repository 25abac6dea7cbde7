#include "ed25519key.h"

#include "base64url.h"

#include <QCryptographicHash>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace mana::server {

namespace {

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using BioPointer = std::unique_ptr<BIO, BioDeleter>;
using MdContextPointer = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

// An encrypted PEM must fail to load, not make OpenSSL prompt on a terminal.
int refusePassphrase(char *, int, int, void *)
{
    return 0;
}

QString thumbprint(const QByteArray &rawPublicKey)
{
    // RFC 7638: the required members in lexicographic order, no whitespace.
    const QByteArray canonicalJwk =
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64url::encode(rawPublicKey) + "\"}";
    return QString::fromLatin1(
        base64url::encode(QCryptographicHash::hash(canonicalJwk, QCryptographicHash::Sha256)));
}

} // namespace

std::optional<Ed25519Key> Ed25519Key::adopt(EVP_PKEY *key, bool hasPrivateKey)
{
    if (!key)
        return std::nullopt;
    std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
    if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519)
        return std::nullopt;
    unsigned char raw[publicKeyBytes];
    size_t rawLength = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key, raw, &rawLength) != 1 || rawLength != publicKeyBytes)
        return std::nullopt;
    Ed25519Key result;
    result.m_key = std::move(owned);
    result.m_hasPrivateKey = hasPrivateKey;
    result.m_rawPublicKey = QByteArray(reinterpret_cast<const char *>(raw), publicKeyBytes);
    result.m_kid = thumbprint(result.m_rawPublicKey);
    return result;
}

std::optional<Ed25519Key> Ed25519Key::generate()
{
    return adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), true);
}

std::optional<Ed25519Key> Ed25519Key::fromPrivatePem(const QByteArray &pem)
{
    if (pem.isEmpty())
        return std::nullopt;
    BioPointer bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return std::nullopt;
    return adopt(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr), true);
}

std::optional<Ed25519Key> Ed25519Key::fromRawPublicKey(const QByteArray &raw)
{
    if (raw.size() != publicKeyBytes)
        return std::nullopt;
    return adopt(EVP_PKEY_new_raw_public_key(
                     EVP_PKEY_ED25519, nullptr,
                     reinterpret_cast<const unsigned char *>(raw.constData()), size_t(raw.size())),
                 false);
}

QByteArray Ed25519Key::toPrivatePem() const
{
    if (!m_hasPrivateKey)
        return {};
    BioPointer bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QByteArray Ed25519Key::sign(const QByteArray &message) const
{
    if (!m_hasPrivateKey)
        return {};
    MdContextPointer context(EVP_MD_CTX_new());
    // Ed25519 hashes internally (PureEdDSA), hence the NULL digest.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return {};
    QByteArray signature(signatureBytes, '\0');
    size_t signatureLength = size_t(signature.size());
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()),
                       &signatureLength,
                       reinterpret_cast<const unsigned char *>(message.constData()),
                       size_t(message.size())) != 1 ||
        signatureLength != size_t(signatureBytes))
        return {};
    return signature;
}

bool Ed25519Key::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (!m_key || signature.size() != signatureBytes)
        return false;
    MdContextPointer context(EVP_MD_CTX_new());
    if (!context ||
        EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return false;
    return EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()),
                            size_t(message.size())) == 1;
}

} // namespace mana::server
