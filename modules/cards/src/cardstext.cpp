#include "cardstext.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace mana::cards {

namespace {

struct Header
{
    QChar separator; // null: detect from the first data line
    bool html = false;
    QList<int> skipped; // 0-based columns that are not front or back (guid, notetype, deck)
    int tagsColumn = -1;
};

bool separatorNamed(const QString &value, QChar *separator)
{
    const QString name = value.trimmed().toLower();
    static const QList<std::pair<QString, QChar>> names{
        {QStringLiteral("tab"), u'\t'},      {QStringLiteral("comma"), u','},
        {QStringLiteral("semicolon"), u';'}, {QStringLiteral("pipe"), u'|'},
        {QStringLiteral("space"), u' '},     {QStringLiteral("colon"), u':'}};
    for (const auto &[word, character] : names) {
        if (name == word) {
            *separator = character;
            return true;
        }
    }
    if (value.size() == 1 && QStringLiteral("\t,;| :").contains(value.at(0))) {
        *separator = value.at(0);
        return true;
    }
    return false;
}

QString fromHtml(QString text)
{
    static const QRegularExpression breaks(QStringLiteral("<\\s*(br|/div|/p)\\s*/?\\s*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.replace(breaks, QStringLiteral("\n"));
    text.remove(tags);
    text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text.trimmed();
}

} // namespace

ParsedCardsText parseCardsText(const QByteArray &bytes)
{
    ParsedCardsText result;
    auto fail = [&](CardsTextError code, int line, const QString &detail = {}) {
        result.cards.clear();
        result.error = {code, line, detail};
        return result;
    };
    if (bytes.size() > kMaxCardsTextBytes)
        return fail(CardsTextError::TooLarge, 0);
    if (bytes.contains('\0'))
        return fail(CardsTextError::NotUtf8, 0);
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(CardsTextError::NotUtf8, 0);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');

    Header header;
    qsizetype pos = 0;
    int line = 1;
    bool inHeader = true;
    const qsizetype size = text.size();
    while (pos < size) {
        const int recordLine = line;
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = size;
        // Header lines: only before the first card.
        if (inHeader && text.at(pos) == u'#') {
            const QString headerLine = text.mid(pos, end - pos);
            const qsizetype colon = headerLine.indexOf(u':');
            const QString key = headerLine.mid(1, colon < 0 ? -1 : colon - 1).trimmed().toLower();
            const QString value = colon < 0 ? QString() : headerLine.mid(colon + 1);
            if (key == QStringLiteral("separator")) {
                if (!separatorNamed(value, &header.separator))
                    return fail(CardsTextError::UnknownSeparator, recordLine, value.trimmed());
            } else if (key == QStringLiteral("html")) {
                header.html = value.trimmed().toLower() == QStringLiteral("true");
            } else if (key.endsWith(QStringLiteral(" column"))) {
                bool number = false;
                const int column = value.trimmed().toInt(&number);
                if (!number || column < 1 || column > 100)
                    return fail(CardsTextError::BadHeader, recordLine, key);
                if (key == QStringLiteral("tags column"))
                    header.tagsColumn = column - 1;
                else
                    header.skipped.append(column - 1);
            } // other header lines (#columns:, #deck:, #notetype:, …) say nothing we keep
            pos = end + 1;
            ++line;
            continue;
        }
        if (end == pos || text.mid(pos, end - pos).trimmed().isEmpty()) {
            pos = end + 1;
            ++line;
            continue;
        }
        if (inHeader) {
            inHeader = false;
            if (header.separator.isNull()) {
                const QString first = text.mid(pos, end - pos);
                header.separator = first.contains(u'\t')  ? u'\t'
                                   : first.contains(u';') ? u';'
                                                          : u',';
            }
        }
        // One record: fields up to the end of the line, a quoted field may
        // hold separators, quotes ("") and line breaks.
        QStringList fields;
        QString field;
        bool atFieldStart = true;
        while (true) {
            if (pos >= size || text.at(pos) == u'\n') {
                fields.append(field);
                ++pos;
                ++line;
                break;
            }
            const QChar c = text.at(pos);
            if (atFieldStart && c == u'"') {
                ++pos;
                while (true) {
                    if (pos >= size)
                        return fail(CardsTextError::UnclosedQuote, recordLine);
                    const QChar q = text.at(pos);
                    if (q == u'"') {
                        if (pos + 1 < size && text.at(pos + 1) == u'"') {
                            field += u'"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (q == u'\n')
                        ++line;
                    field += q;
                    ++pos;
                }
                if (pos < size && text.at(pos) != u'\n' && text.at(pos) != header.separator)
                    return fail(CardsTextError::TextAfterQuote, line);
                atFieldStart = false;
                continue;
            }
            if (c == header.separator) {
                fields.append(field);
                field.clear();
                atFieldStart = true;
                ++pos;
                continue;
            }
            field += c;
            atFieldStart = false;
            ++pos;
        }
        TextCard card;
        QStringList sides;
        for (int column = 0; column < fields.size(); ++column) {
            if (column == header.tagsColumn)
                card.tags = fields.at(column).split(u' ', Qt::SkipEmptyParts);
            else if (!header.skipped.contains(column))
                sides.append(fields.at(column));
        }
        if (sides.size() < 2)
            return fail(CardsTextError::MissingBack, recordLine);
        card.front = header.html ? fromHtml(sides.at(0)) : sides.at(0).trimmed();
        card.back = header.html ? fromHtml(sides.at(1)) : sides.at(1).trimmed();
        if (card.front.isEmpty())
            return fail(CardsTextError::EmptyFront, recordLine);
        result.cards.append(card);
    }
    if (result.cards.isEmpty())
        return fail(CardsTextError::NoCards, 0);
    return result;
}

QString describe(const CardsTextFailure &failure, const QString &language)
{
    const bool de = language == QStringLiteral("de");
    const QString line = QString::number(failure.line);
    switch (failure.code) {
    case CardsTextError::None:
        return {};
    case CardsTextError::TooLarge:
        return de ? QStringLiteral("Die Datei ist größer als 20 MB: Es wurde nichts importiert.")
                  : QStringLiteral("The file is larger than 20 MB: nothing was imported.");
    case CardsTextError::NotUtf8:
        return de ? QStringLiteral("Die Datei ist kein UTF-8-Text: Es wurde nichts importiert.")
                  : QStringLiteral("The file is not UTF-8 text: nothing was imported.");
    case CardsTextError::UnknownSeparator:
        return de ? QStringLiteral("Zeile %1 nennt ein unbekanntes Trennzeichen „%2“: Es wurde "
                                   "nichts importiert.")
                        .arg(line, failure.detail)
                  : QStringLiteral("Line %1 names an unknown separator “%2”: nothing was imported.")
                        .arg(line, failure.detail);
    case CardsTextError::BadHeader:
        return de ? QStringLiteral(
                        "Zeile %1 nennt keine gültige Spaltennummer: Es wurde nichts importiert.")
                        .arg(line)
                  : QStringLiteral(
                        "Line %1 does not name a valid column number: nothing was imported.")
                        .arg(line);
    case CardsTextError::UnclosedQuote:
        return de ? QStringLiteral("In Zeile %1 beginnt ein Feld mit \" und endet nie: Es wurde "
                                   "nichts importiert.")
                        .arg(line)
                  : QStringLiteral(
                        "A field in line %1 starts with \" and never ends: nothing was imported.")
                        .arg(line);
    case CardsTextError::TextAfterQuote:
        return de ? QStringLiteral("In Zeile %1 folgt Text auf ein schließendes \": Es wurde "
                                   "nichts importiert.")
                        .arg(line)
                  : QStringLiteral("In line %1 text follows a closing \": nothing was imported.")
                        .arg(line);
    case CardsTextError::MissingBack:
        return de ? QStringLiteral("Zeile %1 hat eine Vorderseite, aber keine Rückseite: Es wurde "
                                   "nichts importiert.")
                        .arg(line)
                  : QStringLiteral("Line %1 has a front but no back: nothing was imported.")
                        .arg(line);
    case CardsTextError::EmptyFront:
        return de ? QStringLiteral(
                        "Zeile %1 hat eine leere Vorderseite: Es wurde nichts importiert.")
                        .arg(line)
                  : QStringLiteral("Line %1 has an empty front: nothing was imported.").arg(line);
    case CardsTextError::NoCards:
        return de ? QStringLiteral("Die Datei enthält keine Karten.")
                  : QStringLiteral("The file holds no cards.");
    }
    return {};
}

QByteArray writeCardsText(const QList<TextCard> &cards)
{
    auto quoted = [](const QString &value) {
        if (!value.contains(u'\t') && !value.contains(u'\n') && !value.contains(u'\r') &&
            !value.contains(u'"') && !value.startsWith(u'#'))
            return value;
        QString copy = value;
        return u'"' + copy.replace(u'"', QStringLiteral("\"\"")) + u'"';
    };
    QString text = QStringLiteral("#separator:tab\n#html:false\n#tags column:3\n");
    for (const TextCard &card : cards)
        text += quoted(card.front) + u'\t' + quoted(card.back) + u'\t' +
                quoted(card.tags.join(u' ')) + u'\n';
    return text.toUtf8();
}

} // namespace mana::cards
