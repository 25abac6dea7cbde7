// What Context counts in a Markdown document (docs/context.md, "Counting"):
// the words a reader of the rendered text sees, the characters of the
// source, and an estimate of the tokens a language model would read.
#pragma once

#include <QString>
#include <QStringView>

namespace mana::context {

struct TextCounts
{
    int words = 0;
    int characters = 0;
    int tokens = 0;
    bool operator==(const TextCounts &) const = default;
};

// Words of the rendered text: markup (#, **, >, list markers, table
// pipes, fences and their language, HTML tags, link targets, reference
// definitions) is not counted, link and image texts are. A word is a run
// of letters, digits and marks, joined by an apostrophe, hyphen, dot or
// underscore between two of them ("don't", "e-mail", "3.5", "snake_case");
// a URL or e-mail address is one word; each Chinese or Japanese character
// (Han, Hiragana, Katakana) is one word, as in word processors, since
// those scripts put no spaces between words. Code blocks count their words.
int countWords(QStringView markdown);

// Characters of the source as a person counts them: grapheme clusters
// ("ä" typed as a + combining mark is one; an emoji with its modifiers is
// one), line breaks not counted.
int countCharacters(QStringView markdown);

// An estimate, not a tokenizer: one token per Chinese or Japanese
// character, plus one per four other characters of the source (markup and
// spaces included: a model reads them), rounded up. Close to what GPT- and
// Claude-style tokenizers give for English prose; German and code run
// somewhat higher, which the UI's "≈" admits.
int estimateTokens(QStringView markdown);

TextCounts countText(QStringView markdown);

// The first line of prose of `markdown` without its markup, for a list row
// (empty lines, fences, rules and a heading equal to `skipTitle` skipped),
// at most `maxLength` characters.
QString firstLine(QStringView markdown, QStringView skipTitle = {}, int maxLength = 120);

// One line of Markdown as plain text: block markers, emphasis, code ticks,
// HTML tags and link targets gone, link texts kept.
QString plainLine(QStringView line);

// Han, Hiragana or Katakana: a character that is a word on its own.
bool isCjkCharacter(char32_t c);

} // namespace mana::context
