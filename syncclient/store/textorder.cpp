#include "textorder.h"

#include <QChar>
#include <QList>
#include <QString>
#include <array>
#include <sqlite3.h>

namespace mana {

namespace {

// The base letter of `c` in lower case: "É" -> "e", "ß" stays.
char32_t foldSlowly(char32_t c)
{
    // A canonical decomposition starts with the base letter ("é" = "e" +
    // U+0301); compatibility ones ("ﬁ", "½") are left alone.
    if (QChar::decompositionTag(c) == QChar::Canonical) {
        const QString decomposed = QChar::decomposition(c);
        if (!decomposed.isEmpty())
            c = decomposed.toUcs4().constFirst();
    }
    return QChar::toCaseFolded(c);
}

// Latin letters (to U+024F) from a table made once: SQLite calls the
// collation for every comparison of a sort.
constexpr char32_t kTableSize = 0x250;

char32_t fold(char32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= kTableSize)
        return foldSlowly(c);
    static const std::array<char32_t, kTableSize> table = [] {
        std::array<char32_t, kTableSize> folded{};
        for (char32_t i = 0; i < kTableSize; ++i)
            folded[i] = foldSlowly(i);
        return folded;
    }();
    return table[c];
}

char32_t next(QStringView text, qsizetype *i)
{
    const char16_t unit = text[*i].unicode();
    ++*i;
    if (QChar::isHighSurrogate(unit) && *i < text.size() &&
        QChar::isLowSurrogate(text[*i].unicode())) {
        const char16_t low = text[*i].unicode();
        ++*i;
        return QChar::surrogateToUcs4(unit, low);
    }
    return unit;
}

int collate(void *, int leftBytes, const void *left, int rightBytes, const void *right)
{
    return compareFolded(
        QStringView(static_cast<const char16_t *>(left), leftBytes / qsizetype(sizeof(char16_t))),
        QStringView(static_cast<const char16_t *>(right),
                    rightBytes / qsizetype(sizeof(char16_t))));
}

} // namespace

int compareFolded(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        // Combining marks after a letter are part of its accent.
        const char32_t left = fold(next(a, &i));
        const char32_t right = fold(next(b, &j));
        while (i < a.size() && QChar::category(a[i].unicode()) == QChar::Mark_NonSpacing)
            ++i;
        while (j < b.size() && QChar::category(b[j].unicode()) == QChar::Mark_NonSpacing)
            ++j;
        if (left != right)
            return left < right ? -1 : 1;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

bool registerFoldedCollation(sqlite3 *db)
{
    // UTF-16 in the machine's order: QStringView over SQLite's buffer, no
    // conversion per comparison.
    return sqlite3_create_collation_v2(db, kFoldedCollation, SQLITE_UTF16_ALIGNED, nullptr,
                                       &collate, nullptr) == SQLITE_OK;
}

} // namespace mana
