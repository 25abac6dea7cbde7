// Context's reading of Markdown (modules/context/src/markdowntext.cpp) and
// its search snippets (documentstore.cpp): a document's content comes from
// sync and from imported files, and every list row, status line and search
// result runs these hand-written scanners over it.
//
// Input: the first line is a search text, the rest the document.
// Properties: counts are never negative and the character count never
// exceeds the UTF-16 length; countText agrees with the single counts; a
// list row's first line is at most its length (plus the ellipsis) and
// holds no line break; a match lies inside the text and its snippet
// stays within the width plus the match (and two ellipses) and marks a
// range inside it.
#include "fuzzsupport.h"

#include "documentstore.h"
#include "markdowntext.h"

#include <algorithm>

using namespace mana;
using namespace mana::context;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(fuzz::bytes(data, size));
    const qsizetype lineEnd = input.indexOf(u'\n');
    const QString search = lineEnd < 0 ? QString() : input.left(lineEnd);
    const QString markdown = lineEnd < 0 ? input : input.mid(lineEnd + 1);

    const int words = countWords(markdown);
    const int characters = countCharacters(markdown);
    const int tokens = estimateTokens(markdown);
    MANA_FUZZ_CHECK(words >= 0 && characters >= 0 && tokens >= 0,
                    QStringLiteral("a negative count"));
    MANA_FUZZ_CHECK(
        characters <= markdown.size(),
        QStringLiteral("%1 characters in %2 code units").arg(characters).arg(markdown.size()));
    const TextCounts counts = countText(markdown);
    MANA_FUZZ_CHECK(counts.words == words && counts.characters == characters &&
                        counts.tokens == tokens,
                    QStringLiteral("countText differs from the single counts"));

    const QString row = firstLine(markdown, search, 40);
    MANA_FUZZ_CHECK(row.size() <= 41, QStringLiteral("a first line of %1").arg(row.size()));
    MANA_FUZZ_CHECK(!row.contains(u'\n'), QStringLiteral("a line break in a first line"));
    (void)plainLine(search);

    const TextMatch match = findWordStart(markdown, searchWords(search));
    if (match.position >= 0)
        MANA_FUZZ_CHECK(match.length > 0 && match.position + match.length <= markdown.size(),
                        QStringLiteral("a match outside the text"));
    const SearchHit hit = snippetFor(markdown, match, 60);
    // The snippet grows to hold a match longer than its width, so that the
    // mark never runs past it.
    MANA_FUZZ_CHECK(hit.snippet.size() <= 60 + std::max(0, match.length) + 2,
                    QStringLiteral("a snippet of %1").arg(hit.snippet.size()));
    if (hit.snippetStart >= 0)
        MANA_FUZZ_CHECK(hit.snippetStart + hit.snippetLength <= hit.snippet.size(),
                        QStringLiteral("the mark outside its snippet"));
    return 0;
}
