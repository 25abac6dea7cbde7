// What a file holds before it is imported, computed from plain data only
// (bytes, the stored contacts already read), so that the import dialog can
// compute it on a worker thread while the window stays responsive
// (docs/contacts.md, "Import off the UI thread"). Nothing here touches the
// store.
#pragma once

#include "contactsimport.h"

#include <QJsonObject>

namespace mana::contacts {

struct ImportPreview
{
    QString format; // "vcard", "google", "outlook" or "csv"
    CsvTable table; // CSV only: the cells, for a changed mapping
    QList<ColumnMapping> mapping;
    ParsedContacts parsed;
    QList<StoredContact> stored;
    QList<DuplicateCandidate> duplicates;
    // The stored contacts the duplicates match: id → the name shown.
    QHash<QString, QString> storedNames;
    bool ok() const { return table.ok() && parsed.ok(); }
};

// A vCard file starts with BEGIN:VCARD (after a BOM and blank lines);
// anything else is read as CSV, whatever its name says.
bool looksLikeVCard(const QByteArray &bytes);
// "google", "outlook" or "csv", from the headers.
QString csvFormat(const QList<ColumnMapping> &mapping);

// The records as the store gave them, in its order (storedContacts').
QList<StoredContact> storedContactsFrom(const QList<QJsonObject> &records);

// Reads the file (vCard or CSV with the detected mapping) and finds the
// duplicates against `stored`.
ImportPreview previewFile(const QByteArray &bytes, QList<StoredContact> stored);
// A CSV again with a mapping the user changed.
ImportPreview previewCsv(CsvTable table, QList<ColumnMapping> mapping, QList<StoredContact> stored);

} // namespace mana::contacts
