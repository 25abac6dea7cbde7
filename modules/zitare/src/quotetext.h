// Quotes as text for other programs: what Copy puts on the clipboard and
// what an export of a list or the favourites writes (plain text or
// Markdown). The words around the quotes (a title, the line for a missing
// quote) come from the caller, in the window's language.
#pragma once

#include "quotecorpus.h"

#include <QList>
#include <QString>

namespace mana::zitare {

// "William Shakespeare, Hamlet (1603)"; without a year "…, Sudelbücher".
QString attributionText(const Quote &quote);

// «To be, or not to be: that is the question.» — William Shakespeare, Hamlet (1603)
QString clipboardText(const Quote &quote);

enum class ExportFormat { PlainText, Markdown };

struct ExportEntry
{
    QString id;
    const Quote *quote = nullptr; // null: the id is not in the corpus
};

// `title` heads the file; `missingLine` (with %1 for the id) stands for an
// entry whose quote is not in the corpus.
QString exportText(const QString &title, const QList<ExportEntry> &entries, ExportFormat format,
                   const QString &missingLine);

// Markdown for ".md"/".markdown" (any case), plain text otherwise.
ExportFormat exportFormatForPath(const QString &path);

// Writes `text` as UTF-8 through a QSaveFile (the old file stays whole if
// writing fails); false with the system's reason in `detail`.
bool writeTextFile(const QString &path, const QString &text, QString *detail);

} // namespace mana::zitare
