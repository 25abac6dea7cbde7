// Cards as plain text, compatible with Anki's "Notes in Plain Text" export
// (docs/cards.md, "Import and export"): front, back, tags per line, a tab
// (or another separator) between them, header lines such as
// `#separator:tab`, `#html:false`, `#tags column:3`. Reading is a pure
// function of the bytes; a malformed file is an error with its line
// number and no cards. Writing the profile is cardsimport.h.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mana::cards {

enum class CardsTextError {
    None,
    TooLarge,         // over kMaxCardsTextBytes
    NotUtf8,          // not UTF-8 text (or a NUL byte)
    UnknownSeparator, // a #separator: this reader does not know
    BadHeader,        // a #… column: header without a valid column number
    UnclosedQuote,    // a quoted field that never ends
    TextAfterQuote,   // a closing quote followed by other text than a separator
    MissingBack,      // a line with one field only
    EmptyFront,       // a line whose front is empty
    NoCards,          // nothing but header lines and blank lines
};

struct CardsTextFailure
{
    CardsTextError code = CardsTextError::None;
    int line = 0;   // 1-based line of the file where it was found (0: the file)
    QString detail; // e.g. the separator named
};

struct TextCard
{
    QString front;
    QString back;
    QStringList tags;
    bool operator==(const TextCard &) const = default;
};

struct ParsedCardsText
{
    QList<TextCard> cards;
    CardsTextFailure error;
    bool ok() const { return error.code == CardsTextError::None; }
};

inline constexpr qsizetype kMaxCardsTextBytes = 20 * 1024 * 1024;

ParsedCardsText parseCardsText(const QByteArray &bytes);

// The sentence for a failure, in "de" or English: "Line 4 has only a front
// and no back: nothing was imported."
QString describe(const CardsTextFailure &failure, const QString &language);

// Anki's plain-text export: `#separator:tab`, `#html:false`,
// `#tags column:3`, then front, back and tags per line, fields with a tab,
// a line break or a quote quoted ("…", quotes doubled).
QByteArray writeCardsText(const QList<TextCard> &cards);

} // namespace mana::cards
