// The JWT reader of mana-sync (server/auth/accesstokencodec.cpp): every
// request and WebSocket hands it a token from the network.
//
// Input: the first byte picks the mode, the rest is
// - mode even: a token as it arrives ("header.payload.signature"); only the
//   corpus's tokens of the fuzzing key get past the signature, so this mode
//   covers the header, base64url and signature paths;
// - mode odd: "<header JSON>\n<payload JSON>", encoded and signed here with
//   the fuzzing key ("$kid" in the header becomes the key's kid), so the
//   claims reader behind the signature sees any JSON the fuzzer makes.
//
// Properties: a token that verifies has a non-empty sub and an exp after
// now; a token the codec issued for those claims verifies to the same claims.
#include "fuzzsupport.h"
#include "fuzztokens.h"

#include "base64url.h"

using namespace mana;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    fuzz::tokenCodec();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const server::AccessTokenCodec &codec = fuzz::tokenCodec();
    const QByteArray rest = fuzz::bytes(data + 1, size - 1);
    QString token;
    if (data[0] % 2 == 0) {
        token = QString::fromUtf8(rest);
    } else {
        const qsizetype newline = rest.indexOf('\n');
        if (newline < 0)
            return 0;
        QByteArray header = rest.left(newline);
        header.replace("$kid", fuzz::tokenKid().toUtf8());
        const QByteArray signingInput = server::base64url::encode(header) + '.' +
                                        server::base64url::encode(rest.mid(newline + 1));
        // Signed here rather than through issue(), which writes claims of
        // its own making.
        const auto key = codec.verificationKeys().value(0);
        token = QString::fromLatin1(signingInput + '.' +
                                    server::base64url::encode(key.sign(signingInput)));
    }

    QString reason;
    const auto claims = codec.verify(token, fuzz::kTokenNow, &reason);
    if (!claims) {
        MANA_FUZZ_CHECK(!reason.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }
    MANA_FUZZ_CHECK(!claims->userId.isEmpty(), token);
    MANA_FUZZ_CHECK(claims->expiresAt > fuzz::kTokenNow, token);

    const QString reissued = codec.issue(*claims);
    const auto again = codec.verify(reissued, fuzz::kTokenNow, &reason);
    MANA_FUZZ_CHECK(again.has_value(),
                    QStringLiteral("reissued token refused (%1): %2").arg(reason, reissued));
    MANA_FUZZ_CHECK(again->userId == claims->userId && again->email == claims->email &&
                        again->role == claims->role && again->sessionId == claims->sessionId &&
                        again->expiresAt == claims->expiresAt &&
                        again->issuedAt == claims->issuedAt,
                    reissued);
    return 0;
}
