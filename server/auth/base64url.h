// base64url without padding (RFC 7515 section 2), as JWTs and JWKs use it.
#pragma once

#include <QByteArray>
#include <optional>

namespace mana::server::base64url {

inline QByteArray encode(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Strict: refuses padding, characters outside the URL alphabet and a length
// no encoder produces, so two spellings never decode to the same token.
inline std::optional<QByteArray> decode(const QByteArray &text)
{
    if (text.contains('=') || text.size() % 4 == 1)
        return std::nullopt;
    const auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    // Reject non-canonical trailing bits (e.g. "AB" and "AA" both decoding to one byte).
    if (encode(result.decoded) != text)
        return std::nullopt;
    return result.decoded;
}

} // namespace mana::server::base64url
