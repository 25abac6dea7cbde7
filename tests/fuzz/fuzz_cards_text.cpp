// ManaDeck's plain-text reader (modules/cards/src/cardstext.cpp): a file
// as parseCardsText reads it before an import, then through the writer
// and back through the reader.
//
// Properties: a refused file has an error code and no cards, and its
// sentences (English, German) are not empty; an accepted file has cards
// with a non-empty front, and writing them gives a file the reader
// accepts with the same cards (tags aside: the writer leaves them empty).
#include "fuzzsupport.h"

#include "cardstext.h"

using namespace mana;
using namespace mana::cards;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ParsedCardsText parsed = parseCardsText(fuzz::bytes(data, size));
    if (!parsed.ok()) {
        MANA_FUZZ_CHECK(parsed.cards.isEmpty(), QStringLiteral("cards next to an error"));
        MANA_FUZZ_CHECK(!describe(parsed.error, QStringLiteral("de")).isEmpty() &&
                            !describe(parsed.error, QStringLiteral("en")).isEmpty(),
                        QStringLiteral("no sentence for code %1").arg(int(parsed.error.code)));
        return 0;
    }
    MANA_FUZZ_CHECK(!parsed.cards.isEmpty(), QStringLiteral("accepted without cards"));
    QList<TextCard> withoutTags;
    for (const TextCard &card : parsed.cards) {
        MANA_FUZZ_CHECK(!card.front.isEmpty(), QStringLiteral("an empty front accepted"));
        withoutTags.append({card.front, card.back, {}});
    }
    const ParsedCardsText again = parseCardsText(writeCardsText(withoutTags));
    MANA_FUZZ_CHECK(again.ok(), QStringLiteral("the writer's file refused: %1")
                                    .arg(describe(again.error, QStringLiteral("en"))));
    MANA_FUZZ_CHECK(again.cards == withoutTags, QStringLiteral("the round trip changed cards"));
    return 0;
}
