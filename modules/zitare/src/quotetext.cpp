#include "quotetext.h"

#include "icsfiles.h"

namespace mana::zitare {

namespace {

// Characters that would start Markdown syntax at the beginning of a line.
QString markdownLine(const QString &line)
{
    QString escaped = line;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('*'), QLatin1String("\\*"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    if (escaped.startsWith(QLatin1Char('#')) || escaped.startsWith(QLatin1Char('>')) ||
        escaped.startsWith(QLatin1Char('-')) || escaped.startsWith(QLatin1Char('+')))
        escaped.prepend(QLatin1Char('\\'));
    return escaped;
}

} // namespace

QString attributionText(const Quote &quote)
{
    QString text = quote.author;
    if (!quote.source.isEmpty())
        text += QLatin1String(", ") + quote.source;
    if (quote.year != 0)
        text += QStringLiteral(" (%1)").arg(quote.year);
    return text;
}

QString clipboardText(const Quote &quote)
{
    return QStringLiteral("«%1» — %2").arg(quote.text, attributionText(quote));
}

QString exportText(const QString &title, const QList<ExportEntry> &entries, ExportFormat format,
                   const QString &missingLine)
{
    QString out;
    if (format == ExportFormat::Markdown) {
        out += QLatin1String("# ") + markdownLine(title) + QLatin1String("\n");
        for (const ExportEntry &entry : entries) {
            out += QLatin1Char('\n');
            if (!entry.quote) {
                out += QLatin1String("> ") + markdownLine(missingLine.arg(entry.id)) +
                       QLatin1Char('\n');
                continue;
            }
            // A verse line ends in a hard break (two spaces), so it stays a line.
            const QStringList lines = entry.quote->text.split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                out += QLatin1String("> ") + markdownLine(lines.at(i));
                out += i + 1 < lines.size() ? QLatin1String("  \n") : QLatin1String("\n");
            }
            const Quote &quote = *entry.quote;
            QString attribution = markdownLine(quote.author);
            if (!quote.source.isEmpty())
                attribution += QLatin1String(", *") + markdownLine(quote.source) + QLatin1Char('*');
            if (quote.year != 0)
                attribution += QStringLiteral(" (%1)").arg(quote.year);
            out += QStringLiteral(">\n> — ") + attribution + QLatin1Char('\n');
        }
        return out;
    }
    out += title + QLatin1Char('\n');
    for (const ExportEntry &entry : entries) {
        out += QLatin1Char('\n');
        if (!entry.quote) {
            out += missingLine.arg(entry.id) + QLatin1Char('\n');
            continue;
        }
        out += QStringLiteral("«%1»\n— %2\n").arg(entry.quote->text, attributionText(*entry.quote));
    }
    return out;
}

ExportFormat exportFormatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive) ||
                   path.endsWith(QLatin1String(".markdown"), Qt::CaseInsensitive)
               ? ExportFormat::Markdown
               : ExportFormat::PlainText;
}

bool writeTextFile(const QString &path, const QString &text, QString *detail)
{
    const ical::FileError error = ical::writeFileAtomically(path, text.toUtf8());
    if (error && detail)
        *detail = error.detail;
    return !error;
}

} // namespace mana::zitare
