// Cards from plain text into a deck, and a deck's cards out as text
// (cardstext.h): all or nothing, one write group with one Undo step.
#pragma once

#include "cardstext.h"

namespace mana {
class LocalStore;
}

namespace mana::cards {

struct CardsImportResult
{
    int imported = 0;
    int undoStepId = 0;     // LocalStore::undo takes it back (0: nothing written)
    CardsTextFailure error; // the file's; code None with an empty `storeError` is success
    QString storeError;     // a refused write (for the log), nothing kept
    bool ok() const { return error.code == CardsTextError::None && storeError.isEmpty(); }
};

// Parses `bytes` and adds its cards at the end of the deck, new, in the
// file's order, in ONE writeGroupWithUndo; a malformed file or a refused
// write leaves the deck as it was.
CardsImportResult importCardsText(LocalStore *store, const QString &deckId,
                                  const QByteArray &bytes);

// The deck's cards in their order as Anki's plain text, with their tags.
QByteArray exportCardsText(LocalStore *store, const QString &deckId);

} // namespace mana::cards
