#include "markdownpreview.h"

#include <QFont>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace mana::context {

QString previewHtml(const QString &markdown, const PreviewColors &colors)
{
    QTextDocument document;
    // The HTML names the document's font size, which then wins over the
    // view's: the reading size of the page.
    QFont font = document.defaultFont();
    font.setPixelSize(15);
    document.setDefaultFont(font);
    document.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        const int heading = format.headingLevel();
        const bool code =
            format.hasProperty(QTextFormat::BlockCodeFence) || format.nonBreakableLines();
        const bool quote = format.property(QTextFormat::BlockQuoteLevel).toInt() > 0;
        const bool listItem = block.textList() != nullptr;
        if (heading > 0) {
            format.setTopMargin(heading <= 2 ? 16 : 12);
            format.setBottomMargin(6);
        } else if (code) {
            format.setBackground(colors.codeBackground);
            format.setTopMargin(0);
            format.setBottomMargin(0);
        } else if (listItem) {
            format.setTopMargin(2);
            format.setBottomMargin(2);
        } else {
            format.setTopMargin(0);
            format.setBottomMargin(10);
        }
        if (quote)
            format.setLeftMargin(18);
        QTextCursor(block).setBlockFormat(format);

        // Links in the theme's colour, inline code on a background, quotes
        // muted.
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat charFormat = fragment.charFormat();
            bool changed = false;
            if (charFormat.isAnchor()) {
                charFormat.setForeground(colors.link);
                changed = true;
            } else if (quote) {
                charFormat.setForeground(colors.quote);
                changed = true;
            }
            if (!code && charFormat.fontFixedPitch()) {
                charFormat.setBackground(colors.codeBackground);
                changed = true;
            }
            if (changed) {
                QTextCursor cursor(&document);
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor::KeepAnchor);
                cursor.setCharFormat(charFormat);
            }
        }
    }
    return document.toHtml();
}

} // namespace mana::context
