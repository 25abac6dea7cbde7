#include "fuzztokens.h"

#include "fuzzsupport.h"

namespace mana::fuzz {

namespace {

// openssl genpkey -algorithm ed25519 (fuzzing only).
const char kFuzzKeyPem[] = "-----BEGIN PRIVATE KEY-----\n"
                           "MC4CAQAwBQYDK2VwBCIEIM3EEaXkdAoXJRlWNUMHA18yHMfCw9KNsIDWoDA9VNRf\n"
                           "-----END PRIVATE KEY-----\n";

} // namespace

const server::AccessTokenCodec &tokenCodec()
{
    static const server::AccessTokenCodec *codec = [] {
        const auto key = server::Ed25519Key::fromPrivatePem(kFuzzKeyPem);
        if (!key)
            fail("the fuzzing key loads", QStringLiteral("fromPrivatePem refused it"));
        auto *made = new server::AccessTokenCodec(QString::fromLatin1(kTokenIssuer),
                                                  QString::fromLatin1(kTokenAudience));
        made->setSigningKey(*key);
        return made;
    }();
    return *codec;
}

QString tokenKid()
{
    return tokenCodec().verificationKeys().value(0).kid();
}

} // namespace mana::fuzz
