#include "markdowntext.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>
#include <optional>

namespace mana::context {

namespace {

// The markup on one line that carries letters, which a count of letter
// runs would otherwise take for words. Punctuation-only markup (#, **, >,
// |, ---) needs no rule: it has no letters.
struct LinePatterns
{
    // The block markers at a line's start: quotes, a heading's hashes, a
    // bullet or a number of an ordered list, a task's box.
    QRegularExpression blockStart{QStringLiteral(
        R"(^(?:\s*>)*\s*(?:#{1,6}(?=\s|$)|[-*+](?=\s)|\d{1,9}[.)](?=\s|$))?\s*(?:\[[ xX]\](?=\s|$))?)")};
    // [id]: https://… "title" (not a footnote's [^1]: text).
    QRegularExpression referenceDefinition{QStringLiteral(R"(^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+.*$)")};
    QRegularExpression comment{QStringLiteral(R"(<!--.*?-->)")};
    // ![alt](target "title") and [text](target): the text stays.
    QRegularExpression inlineLink{QStringLiteral(R"(!?\[([^\]]*)\]\([^)]*\))")};
    // [text][ref]: the text stays.
    QRegularExpression referenceLink{QStringLiteral(R"(!?\[([^\]]*)\]\[[^\]]*\])")};
    QRegularExpression footnote{QStringLiteral(R"(\[\^[^\]]*\])")};
    // <https://…> and <name@host>: shown as the address, one word.
    QRegularExpression autolink{QStringLiteral(
        R"(<((?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)|(?:[^<>\s@]+@[^<>\s@]+))>)")};
    QRegularExpression htmlTag{QStringLiteral(R"(</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>)")};
};

const LinePatterns &patterns()
{
    static const LinePatterns p;
    return p;
}

// The line without the markup that has letters in it.
QString stripMarkup(QStringView line)
{
    const LinePatterns &p = patterns();
    QString text = line.toString();
    if (p.referenceDefinition.match(text).hasMatch())
        return {};
    const QRegularExpressionMatch start = p.blockStart.match(text);
    if (start.hasMatch() && start.capturedLength() > 0)
        text.remove(0, start.capturedLength());
    if (text.contains(u'<')) {
        text.replace(p.comment, QStringLiteral(" "));
        text.replace(p.autolink, QStringLiteral("\\1"));
        text.replace(p.htmlTag, QStringLiteral(" "));
    }
    if (text.contains(u'[')) {
        text.replace(p.inlineLink, QStringLiteral("\\1"));
        text.replace(p.referenceLink, QStringLiteral("\\1"));
        text.replace(p.footnote, QString());
    }
    return text;
}

bool isWordCharacter(char32_t c)
{
    return QChar::isLetterOrNumber(c);
}

bool isMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

// Joins two word characters into one word: "don't", "e-mail", "3.5".
bool isJoiner(char32_t c)
{
    return c == u'\'' || c == U'\u2019' || c == u'-' || c == U'\u2011' || c == u'.' || c == u'_';
}

// A chunk between spaces that is an address: one word however many dots
// and slashes it has.
bool isAddress(const QList<char32_t> &chunk)
{
    const QString text = QString::fromUcs4(chunk.constData(), chunk.size());
    if (text.contains(QLatin1String("://")) || text.startsWith(QLatin1String("www.")))
        return true;
    const qsizetype at = text.indexOf(u'@');
    return at > 0 && text.indexOf(u'.', at) > at + 1;
}

int countChunk(const QList<char32_t> &chunk)
{
    bool hasWord = false;
    for (const char32_t c : chunk)
        hasWord = hasWord || isWordCharacter(c);
    if (!hasWord)
        return 0;
    if (isAddress(chunk))
        return 1;
    int words = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        const char32_t c = chunk.at(i);
        if (isCjkCharacter(c)) {
            ++words;
            inWord = false;
        } else if (isWordCharacter(c)) {
            if (!inWord)
                ++words;
            inWord = true;
        } else if (inWord && isMark(c)) {
            // A combining accent belongs to its letter.
        } else if (inWord && isJoiner(c) && i + 1 < chunk.size() &&
                   isWordCharacter(chunk.at(i + 1)) && !isCjkCharacter(chunk.at(i + 1))) {
            // Inside a word: the next letter continues it.
        } else {
            inWord = false;
        }
    }
    return words;
}

int countPlainWords(QStringView text)
{
    int words = 0;
    QList<char32_t> chunk;
    for (const char32_t c : text.toUcs4()) {
        if (QChar::isSpace(c)) {
            words += countChunk(chunk);
            chunk.clear();
        } else {
            chunk.append(c);
        }
    }
    return words + countChunk(chunk);
}

// ``` or ~~~ (three or more) opening or closing a code block.
struct Fence
{
    QChar character;
    qsizetype length = 0;
};

std::optional<Fence> fenceOf(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (trimmed.size() < 3 || (trimmed.at(0) != u'`' && trimmed.at(0) != u'~'))
        return std::nullopt;
    const QChar c = trimmed.at(0);
    qsizetype length = 0;
    while (length < trimmed.size() && trimmed.at(length) == c)
        ++length;
    if (length < 3)
        return std::nullopt;
    return Fence{c, length};
}

// Calls `visit(line, inCode)` for each line that is not a fence.
template<typename Visit> void forEachLine(QStringView markdown, Visit visit)
{
    std::optional<Fence> open;
    for (const QStringView line : markdown.tokenize(u'\n')) {
        const std::optional<Fence> fence = fenceOf(line);
        if (fence) {
            if (!open) {
                open = fence;
                continue;
            }
            if (fence->character == open->character && fence->length >= open->length &&
                line.trimmed().size() == fence->length) {
                open.reset();
                continue;
            }
        }
        if (!visit(line, open.has_value()))
            return;
    }
}

} // namespace

bool isCjkCharacter(char32_t c)
{
    if (c < 0x2E80)
        return false;
    const QChar::Script script = QChar::script(c);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana ||
           script == QChar::Script_Katakana;
}

int countWords(QStringView markdown)
{
    int words = 0;
    forEachLine(markdown, [&words](QStringView line, bool inCode) {
        words += inCode ? countPlainWords(line) : countPlainWords(stripMarkup(line));
        return true;
    });
    return words;
}

int countCharacters(QStringView markdown)
{
    // Most text has no combining marks, surrogates or joiners: every
    // UTF-16 unit is then one character.
    bool simple = true;
    int breaks = 0;
    for (const QChar c : markdown) {
        if (c == u'\n' || c == u'\r')
            ++breaks;
        else if (c.unicode() >= 0x300)
            simple = false;
    }
    if (simple)
        return int(markdown.size()) - breaks;
    int characters = 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, markdown.constData(),
                               markdown.size());
    qsizetype from = 0;
    for (qsizetype to = finder.toNextBoundary(); to != -1; to = finder.toNextBoundary()) {
        const QStringView cluster = markdown.sliced(from, to - from);
        if (cluster != u"\n" && cluster != u"\r\n" && cluster != u"\r")
            ++characters;
        from = to;
    }
    return characters;
}

int estimateTokens(QStringView markdown)
{
    qint64 cjk = 0;
    qint64 other = 0;
    for (const char32_t c : markdown.toUcs4()) {
        if (isCjkCharacter(c))
            ++cjk;
        else
            ++other;
    }
    return int(cjk + (other + 3) / 4);
}

TextCounts countText(QStringView markdown)
{
    return {countWords(markdown), countCharacters(markdown), estimateTokens(markdown)};
}

QString plainLine(QStringView line)
{
    QString text = stripMarkup(line);
    text.remove(u'*');
    text.remove(u'`');
    text.remove(QLatin1String("~~"));
    // Underscores that mark emphasis, not those inside snake_case.
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        if (text.at(i) != u'_')
            continue;
        const bool before = i > 0 && text.at(i - 1).isLetterOrNumber();
        const bool after = i + 1 < text.size() && text.at(i + 1).isLetterOrNumber();
        if (!(before && after))
            text.remove(i, 1);
    }
    // A heading's closing hashes.
    while (text.endsWith(u'#') || text.endsWith(u' '))
        text.chop(1);
    return text.simplified();
}

QString firstLine(QStringView markdown, QStringView skipTitle, int maxLength)
{
    QString found;
    bool titleSkipped = false;
    forEachLine(markdown, [&](QStringView line, bool inCode) {
        if (inCode)
            return true;
        const QString plain = plainLine(line);
        bool hasWord = false;
        for (const QChar c : plain)
            hasWord = hasWord || c.isLetterOrNumber();
        if (!hasWord)
            return true;
        if (!titleSkipped && !skipTitle.isEmpty() &&
            plain.compare(skipTitle.trimmed(), Qt::CaseInsensitive) == 0) {
            titleSkipped = true;
            return true;
        }
        found = plain;
        return false;
    });
    if (found.size() > maxLength) {
        found.truncate(maxLength - 1);
        found = found.trimmed() + QChar(0x2026);
    }
    return found;
}

} // namespace mana::context
