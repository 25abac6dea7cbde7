#include "importpreview.h"

namespace mana::contacts {

bool looksLikeVCard(const QByteArray &bytes)
{
    QByteArray start = bytes.left(256);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    return start.trimmed().toUpper().startsWith("BEGIN:VCARD");
}

QString csvFormat(const QList<ColumnMapping> &mapping)
{
    bool google = false, outlook = false;
    for (const ColumnMapping &column : mapping) {
        const QString header = column.header.toLower();
        if (header.startsWith(QLatin1String("e-mail 1 - ")) ||
            header == QLatin1String("given name") || header == QLatin1String("labels") ||
            header == QLatin1String("group membership"))
            google = true;
        if (header == QLatin1String("e-mail address") ||
            header == QLatin1String("e-mail-adresse") || header == QLatin1String("mobile phone") ||
            header == QLatin1String("mobiltelefon") || header == QLatin1String("business phone"))
            outlook = true;
    }
    return google    ? QStringLiteral("google")
           : outlook ? QStringLiteral("outlook")
                     : QStringLiteral("csv");
}

QList<StoredContact> storedContactsFrom(const QList<QJsonObject> &records)
{
    QList<StoredContact> contacts;
    contacts.reserve(records.size());
    for (const QJsonObject &record : records)
        contacts.append({record.value(QStringLiteral("id")).toString(), fromRecord(record)});
    return contacts;
}

namespace {

void findDuplicatesOf(ImportPreview *preview)
{
    if (!preview->parsed.ok())
        return;
    preview->duplicates = findDuplicates(preview->parsed.contacts, preview->stored);
    QHash<QString, const Contact *> byId;
    for (const StoredContact &record : std::as_const(preview->stored))
        byId.insert(record.id, &record.contact);
    for (const DuplicateCandidate &candidate : std::as_const(preview->duplicates)) {
        if (const Contact *stored = byId.value(candidate.existingId))
            preview->storedNames.insert(candidate.existingId, stored->displayName());
    }
}

} // namespace

ImportPreview previewFile(const QByteArray &bytes, QList<StoredContact> stored)
{
    ImportPreview preview;
    preview.stored = std::move(stored);
    if (looksLikeVCard(bytes)) {
        preview.format = QStringLiteral("vcard");
        preview.parsed = parseVCards(bytes);
    } else {
        preview.table = parseCsv(bytes);
        if (!preview.table.ok())
            return preview;
        preview.mapping = detectColumns(preview.table);
        preview.format = csvFormat(preview.mapping);
        preview.parsed = contactsFromCsv(preview.table, preview.mapping);
    }
    findDuplicatesOf(&preview);
    return preview;
}

ImportPreview previewCsv(CsvTable table, QList<ColumnMapping> mapping, QList<StoredContact> stored)
{
    ImportPreview preview;
    preview.stored = std::move(stored);
    preview.table = std::move(table);
    preview.mapping = std::move(mapping);
    preview.format = csvFormat(preview.mapping);
    preview.parsed = contactsFromCsv(preview.table, preview.mapping);
    findDuplicatesOf(&preview);
    return preview;
}

} // namespace mana::contacts
