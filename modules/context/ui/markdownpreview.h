// The preview's HTML: Qt's Markdown reader (QTextDocument, GitHub dialect)
// with the spacing and colours a reader expects, which Qt's plain
// rendering of Markdown lacks (paragraphs and headings run together, links
// are pure blue on a dark window, code has no background).
#pragma once

#include <QColor>
#include <QString>

namespace mana::context {

struct PreviewColors
{
    QColor link;
    QColor codeBackground;
    QColor quote;
};

QString previewHtml(const QString &markdown, const PreviewColors &colors);

} // namespace mana::context
