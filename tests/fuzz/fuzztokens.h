// The signing key and the clock the token-reading targets share
// (fuzz_access_token, fuzz_ws_server_message), so the corpus can hold
// tokens that verify. A key for fuzzing only: nothing else trusts it.
#pragma once

#include "accesstokencodec.h"

namespace mana::fuzz {

inline constexpr qint64 kTokenNow = 1'750'000'000; // "now" for verify(), in seconds
inline const char kTokenIssuer[] = "mana-sync";
inline const char kTokenAudience[] = "manacore";

// A codec that signs and verifies with the fixed fuzzing key.
const server::AccessTokenCodec &tokenCodec();
// The key's kid: "$kid" in a header written by the fuzzer is replaced by it.
QString tokenKid();

} // namespace mana::fuzz
