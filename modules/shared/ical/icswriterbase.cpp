// Escaping and folding for the iCalendar writers (icswriterbase.h), moved
// from Calendar's writer unchanged.
#include "icswriterbase.h"

namespace mana::ical {

// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped.
QByteArray escapeText(const QString &text)
{
    QByteArray escaped;
    const QByteArray utf8 = text.toUtf8();
    escaped.reserve(utf8.size() + 8);
    for (char c : utf8) {
        switch (c) {
        case '\\':
            escaped += "\\\\";
            break;
        case ';':
            escaped += "\\;";
            break;
        case ',':
            escaped += "\\,";
            break;
        case '\n':
            escaped += "\\n";
            break;
        case '\r':
            break;
        default:
            // Other control characters have no escape; a reader would choke.
            if (uchar(c) >= 0x20 || c == '\t')
                escaped += c;
        }
    }
    return escaped;
}

// Appends `line` folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
// character: a continuation line starts with a space, which counts.
void appendFolded(QByteArray *out, const QByteArray &line)
{
    qsizetype start = 0;
    qsizetype limit = 75;
    while (line.size() - start > limit) {
        qsizetype cut = start + limit;
        while (cut > start && (uchar(line[cut]) & 0xC0) == 0x80)
            --cut; // back to the first byte of the character
        out->append(line.constData() + start, cut - start);
        out->append("\r\n ");
        start = cut;
        limit = 74;
    }
    out->append(line.constData() + start, line.size() - start);
    out->append("\r\n");
}

} // namespace mana::ical
