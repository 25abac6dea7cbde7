// The order in which lists sort text a person reads (names, titles): case
// and accents ignored, so "café" sorts with "Cafe" and "Émile" with "Emile",
// not after "z". One function, used twice: by SQLite as the collation
// MANA_FOLD (registered on the store's connection) and by
// Collection::compare, so a list model places a changed record exactly
// where the store's ORDER BY puts it.
#pragma once

#include <QStringView>

struct sqlite3;

namespace mana {

// Negative, 0 or positive. Letters compare by their base letter, case
// folded; text that differs only in case or accents compares equal (the
// caller's next sort key, at last the id, decides).
int compareFolded(QStringView a, QStringView b);

// Registers MANA_FOLD on `db`; false when SQLite refuses.
bool registerFoldedCollation(sqlite3 *db);

inline constexpr char kFoldedCollation[] = "MANA_FOLD";

} // namespace mana
