// The CSV table (RFC 4180) and the detection of known columns. Building
// contacts from rows and writing them is contactscsvrows.cpp.
#include "contactscsv.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace mana::contacts {

namespace {

QChar detectSeparator(const QString &text)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    return u',';
}

struct FixedColumn
{
    const char *header;
    ContactField target;
    int slot;
    const char *type;
};

// Google (older and newer) and Outlook (English and German) columns that
// are not numbered the Google way.
const QHash<QString, FixedColumn> &fixedColumns()
{
    static const QHash<QString, FixedColumn> columns = [] {
        using F = ContactField;
        const FixedColumn list[] = {
            {"name", F::FullName, 1, ""},
            {"given name", F::FirstName, 1, ""},
            {"first name", F::FirstName, 1, ""},
            {"vorname", F::FirstName, 1, ""},
            {"additional name", F::MiddleName, 1, ""},
            {"middle name", F::MiddleName, 1, ""},
            {"weitere vornamen", F::MiddleName, 1, ""},
            {"family name", F::LastName, 1, ""},
            {"last name", F::LastName, 1, ""},
            {"nachname", F::LastName, 1, ""},
            {"name prefix", F::Prefix, 1, ""},
            {"title", F::Prefix, 1, ""}, // Outlook's "Title" is Mr./Dr.; its job is "Job Title"
            {"anrede", F::Prefix, 1, ""},
            {"name suffix", F::Suffix, 1, ""},
            {"suffix", F::Suffix, 1, ""},
            {"organization name", F::Company, 1, ""},
            {"company", F::Company, 1, ""},
            {"firma", F::Company, 1, ""},
            {"organization title", F::JobTitle, 1, ""},
            {"job title", F::JobTitle, 1, ""},
            {"position", F::JobTitle, 1, ""},
            {"birthday", F::Birthday, 1, ""},
            {"geburtstag", F::Birthday, 1, ""},
            {"notes", F::Notes, 1, ""},
            {"notizen", F::Notes, 1, ""},
            {"group membership", F::Tags, 1, ""},
            {"labels", F::Tags, 1, ""},
            {"categories", F::Tags, 1, ""},
            {"kategorien", F::Tags, 1, ""},
            {"photo", F::Photo, 1, ""},
            {"e-mail address", F::Email, 1, ""},
            {"e-mail-adresse", F::Email, 1, ""},
            {"e-mail 2 address", F::Email, 2, ""},
            {"e-mail 2: adresse", F::Email, 2, ""},
            {"e-mail 3 address", F::Email, 3, ""},
            {"e-mail 3: adresse", F::Email, 3, ""},
            {"primary phone", F::Phone, 1, ""},
            {"mobile phone", F::Phone, 2, "cell"},
            {"mobiltelefon", F::Phone, 2, "cell"},
            {"business phone", F::Phone, 3, "work"},
            {"telefon geschäftlich", F::Phone, 3, "work"},
            {"business phone 2", F::Phone, 4, "work"},
            {"telefon geschäftlich 2", F::Phone, 4, "work"},
            {"home phone", F::Phone, 5, "home"},
            {"telefon privat", F::Phone, 5, "home"},
            {"home phone 2", F::Phone, 6, "home"},
            {"telefon privat 2", F::Phone, 6, "home"},
            {"other phone", F::Phone, 7, "other"},
            {"weiteres telefon", F::Phone, 7, "other"},
            {"business fax", F::Phone, 8, "work,fax"},
            {"fax geschäftlich", F::Phone, 8, "work,fax"},
            {"home fax", F::Phone, 9, "home,fax"},
            {"fax privat", F::Phone, 9, "home,fax"},
            {"pager", F::Phone, 10, "pager"},
            {"company main phone", F::Phone, 11, "main"},
            {"car phone", F::Phone, 12, "car"},
            {"autotelefon", F::Phone, 12, "car"},
        };
        QHash<QString, FixedColumn> map;
        for (const FixedColumn &column : list)
            map.insert(QString::fromUtf8(column.header), column);
        // Outlook's address blocks: Home (slot 1), Business (2), Other (3).
        const struct
        {
            const char *english;
            const char *german;
            int slot;
            const char *type;
        } blocks[] = {{"home", "privat", 1, "home"},
                      {"business", "geschäftlich", 2, "work"},
                      {"other", "weitere", 3, "other"}};
        const struct
        {
            const char *english;
            const char *german;
            ContactField target;
        } parts[] = {{"street", "straße", F::Street},
                     {"street 2", "straße 2", F::Street},
                     {"street 3", "straße 3", F::Street},
                     {"city", "ort", F::City},
                     {"state", "bundesland/kanton", F::Region},
                     {"postal code", "postleitzahl", F::PostalCode},
                     {"country/region", "land/region", F::Country},
                     {"country", "land", F::Country},
                     {"po box", "postfach", F::PoBox}};
        for (const auto &block : blocks) {
            for (const auto &part : parts) {
                const FixedColumn column{"", part.target, block.slot, block.type};
                map.insert(QStringLiteral("%1 %2").arg(QLatin1String(block.english),
                                                       QLatin1String(part.english)),
                           column);
                // German Outlook puts the block after the part: "Straße
                // geschäftlich", "Straße geschäftlich 2".
                QString german = QString::fromUtf8(part.german);
                const qsizetype number = german.indexOf(u' ');
                german = number < 0 ? german + u' ' + QString::fromUtf8(block.german)
                                    : german.left(number) + u' ' + QString::fromUtf8(block.german) +
                                          german.mid(number);
                map.insert(german, column);
            }
        }
        return map;
    }();
    return columns;
}

// Google's numbered columns: "E-mail 2 - Value", "Phone 1 - Type",
// "Address 1 - Postal Code", "Organization 1 - Name".
bool numberedColumn(const QString &header, ContactField *target, int *slot)
{
    static const QRegularExpression numbered(
        QStringLiteral("^(e-mail|phone|address|organization) (\\d{1,3}) - (.+)$"));
    const QRegularExpressionMatch match = numbered.match(header);
    if (!match.hasMatch())
        return false;
    using F = ContactField;
    const QString kind = match.captured(1);
    const QString part = match.captured(3);
    *slot = match.captured(2).toInt();
    const bool typeColumn = part == u"type" || part == u"label";
    if (kind == u"e-mail" && (typeColumn || part == u"value"))
        *target = typeColumn ? F::EmailType : F::Email;
    else if (kind == u"phone" && (typeColumn || part == u"value"))
        *target = typeColumn ? F::PhoneType : F::Phone;
    else if (kind == u"organization" && (part == u"name" || part == u"title"))
        *target = part == u"name" ? F::Company : F::JobTitle;
    else if (kind == u"address") {
        static const QHash<QString, ContactField> parts{
            {QStringLiteral("type"), F::AddressType},
            {QStringLiteral("label"), F::AddressType},
            {QStringLiteral("formatted"), F::Address},
            {QStringLiteral("street"), F::Street},
            {QStringLiteral("city"), F::City},
            {QStringLiteral("po box"), F::PoBox},
            {QStringLiteral("region"), F::Region},
            {QStringLiteral("postal code"), F::PostalCode},
            {QStringLiteral("country"), F::Country},
            {QStringLiteral("extended address"), F::ExtendedAddress}};
        if (!parts.contains(part))
            return false;
        *target = parts.value(part);
    } else
        return false;
    return true;
}

} // namespace

CsvTable parseCsv(const QByteArray &input)
{
    CsvTable table;
    auto fail = [&](ContactsFileError code, int line) {
        table.header.clear();
        table.rows.clear();
        table.rowLines.clear();
        table.error = {code, line};
        return table;
    };
    if (input.size() > kMaxContactsFileBytes)
        return fail(ContactsFileError::TooLarge, 0);
    if (input.contains('\0'))
        return fail(ContactsFileError::NotText, 0);
    const QByteArray bytes = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input;
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        text = fromWindows1252(bytes);
    const QChar separator = detectSeparator(text);
    table.separator = separator;

    QList<QStringList> records;
    QList<int> recordLines;
    QStringList record;
    QString field;
    int line = 1;
    int recordLine = 1;
    const qsizetype size = text.size();
    qsizetype i = 0;
    auto endRecord = [&] {
        record.append(field);
        field.clear();
        const bool blank = record.size() == 1 && record.first().trimmed().isEmpty();
        if (!blank) {
            records.append(record);
            recordLines.append(recordLine);
        }
        record.clear();
    };
    auto isLineEnd = [&](qsizetype at) { return text.at(at) == u'\n' || text.at(at) == u'\r'; };
    auto skipLineEnd = [&] {
        if (text.at(i) == u'\r' && i + 1 < size && text.at(i + 1) == u'\n')
            ++i;
        ++i;
        ++line;
    };
    bool fieldStart = true;
    while (i < size) {
        const QChar c = text.at(i);
        if (fieldStart && c == u'"') {
            const int quoteLine = line;
            ++i;
            while (true) {
                if (i >= size)
                    return fail(ContactsFileError::UnclosedQuote, quoteLine);
                const QChar q = text.at(i);
                if (q == u'"') {
                    if (i + 1 < size && text.at(i + 1) == u'"') {
                        field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (isLineEnd(i)) {
                    skipLineEnd();
                    field.append(u'\n');
                    continue;
                }
                field.append(q);
                ++i;
            }
            // Only blanks may stand between the closing quote and the separator.
            while (i < size && (text.at(i) == u' ' || (text.at(i) == u'\t' && separator != u'\t')))
                ++i;
            if (i < size && text.at(i) != separator && !isLineEnd(i))
                return fail(ContactsFileError::TextAfterQuote, line);
            fieldStart = false;
            continue;
        }
        if (c == separator) {
            record.append(field);
            field.clear();
            fieldStart = true;
            ++i;
        } else if (isLineEnd(i)) {
            skipLineEnd();
            endRecord();
            recordLine = line;
            fieldStart = true;
        } else {
            if (fieldStart && c.isSpace() && c != separator) {
                // Blanks before an opening quote do not make the field unquoted.
                qsizetype next = i;
                while (next < size && (text.at(next) == u' ' || text.at(next) == u'\t') &&
                       text.at(next) != separator)
                    ++next;
                if (next < size && text.at(next) == u'"') {
                    i = next;
                    continue;
                }
            }
            field.append(c);
            fieldStart = false;
            ++i;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (records.size() < 2)
        return fail(ContactsFileError::NoContacts, 0);
    table.header = records.takeFirst();
    recordLines.removeFirst();
    table.rows = records;
    table.rowLines = recordLines;
    return table;
}

QList<ColumnMapping> detectColumns(const CsvTable &table)
{
    QList<ColumnMapping> mapping;
    for (int column = 0; column < table.header.size(); ++column) {
        ColumnMapping entry;
        entry.column = column;
        entry.header = table.header.at(column).trimmed();
        for (const QStringList &row : table.rows) {
            const QString value = row.value(column).trimmed();
            if (!value.isEmpty())
                entry.samples.append(value);
            if (entry.samples.size() == 3)
                break;
        }
        const QString key = entry.header.toLower().simplified();
        if (const auto fixed = fixedColumns().constFind(key); fixed != fixedColumns().cend()) {
            entry.target = fixed->target;
            entry.slot = fixed->slot;
            entry.type = QString::fromUtf8(fixed->type);
        } else {
            numberedColumn(key, &entry.target, &entry.slot);
        }
        mapping.append(entry);
    }
    return mapping;
}

ParsedContacts parseContactsCsv(const QByteArray &bytes)
{
    const CsvTable table = parseCsv(bytes);
    if (!table.ok()) {
        ParsedContacts failed;
        failed.error = table.error;
        return failed;
    }
    return contactsFromCsv(table, detectColumns(table));
}

QString targetName(ContactField target)
{
    static const char *const names[] = {
        "none",      "fullName", "firstName",   "middleName", "lastName",  "prefix",
        "suffix",    "company",  "jobTitle",    "email",      "emailType", "phone",
        "phoneType", "address",  "addressType", "street",     "poBox",     "extendedAddress",
        "city",      "region",   "postalCode",  "country",    "birthday",  "notes",
        "tags",      "photo"};
    return QString::fromLatin1(names[int(target)]);
}

} // namespace mana::contacts
