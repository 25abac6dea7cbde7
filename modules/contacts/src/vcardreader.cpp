// The vCard reader: physical lines → logical lines (folding undone,
// 2.1's quoted-printable soft breaks joined) → properties (group, name,
// parameters, value) → one Contact per BEGIN:VCARD … END:VCARD.
#include "vcard.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <optional>

namespace mana::contacts {

namespace {

struct LogicalLine
{
    QByteArray text;
    int line = 0; // where it starts
    bool quotedPrintable = false;
};

struct Property
{
    QString group;                      // lowercase ("item1"), empty without one
    QString name;                       // uppercase
    QHash<QString, QStringList> params; // uppercase name → values (quotes removed)
    QStringList bareParams;             // 2.1's "WORK;PREF" without a name, uppercase
    QByteArray rawValue;
    int line = 0;
};

// The part before the value's ':' (quoted parameter values may hold one).
qsizetype valueColon(const QByteArray &text)
{
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '"')
            quoted = !quoted;
        else if (text.at(i) == ':' && !quoted)
            return i;
    }
    return -1;
}

bool namesQuotedPrintable(const QByteArray &text)
{
    const qsizetype colon = valueColon(text);
    return colon > 0 && text.left(colon).toUpper().contains("QUOTED-PRINTABLE");
}

QList<LogicalLine> logicalLines(const QByteArray &bytes)
{
    QList<LogicalLine> lines;
    bool open = false; // the last logical line may still continue
    qsizetype pos = 0;
    int number = 0;
    while (pos < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', pos);
        if (end < 0)
            end = bytes.size();
        QByteArray physical = bytes.mid(pos, end - pos);
        if (physical.endsWith('\r'))
            physical.chop(1);
        pos = end + 1;
        ++number;
        // Only an empty line ends a value: a line of blanks after a line
        // is a fold (a value may hold a run of spaces).
        if (physical.isEmpty()) {
            open = false;
            continue;
        }
        if (open) {
            LogicalLine &last = lines.last();
            // A soft line break of quoted-printable ("=" at the end) joins
            // the next line as it is; otherwise a leading space or tab
            // folds (RFC 6350 3.2: the one whitespace character goes).
            if (last.quotedPrintable && last.text.endsWith('=')) {
                last.text.chop(1);
                last.text.append(physical);
                continue;
            }
            if (physical.startsWith(' ') || physical.startsWith('\t')) {
                last.text.append(physical.mid(1));
                if (!last.quotedPrintable)
                    last.quotedPrintable = namesQuotedPrintable(last.text);
                continue;
            }
        }
        if (physical.trimmed().isEmpty()) {
            open = false;
            continue;
        }
        lines.append({physical, number, namesQuotedPrintable(physical)});
        open = true;
    }
    return lines;
}

QStringList splitParamValues(const QString &value)
{
    QStringList values;
    QString current;
    bool quoted = false;
    for (const QChar c : value) {
        if (c == u'"')
            quoted = !quoted;
        else if (c == u',' && !quoted) {
            values.append(current.trimmed());
            current.clear();
        } else
            current.append(c);
    }
    values.append(current.trimmed());
    values.removeAll(QString());
    return values;
}

QString decodeText(const QByteArray &bytes, const QString &charset)
{
    const QString name = charset.toLower();
    if (name == u"iso-8859-1" || name == u"latin1" || name == u"windows-1252" ||
        name == u"cp1252" || name == u"iso-8859-15")
        return fromWindows1252(bytes);
    bool ascii = true;
    for (const char byte : bytes)
        ascii = ascii && uchar(byte) < 0x80;
    if (ascii)
        return QString::fromLatin1(bytes);
    // UTF-8 (the default of 3.0 and 4.0); a 2.1 file without CHARSET that
    // is not UTF-8 was written in the system's 8-bit code page.
    // A BOM inside a value is text (only the file's first one is dropped).
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = utf8.decode(bytes);
    return utf8.hasError() ? fromWindows1252(bytes) : text;
}

bool parseProperty(const LogicalLine &logical, Property *property)
{
    const QByteArray &text = logical.text;
    const qsizetype colon = valueColon(text);
    if (colon <= 0)
        return false;
    // A carriage return inside a line is no part of a name or parameter.
    const QString head = decodeText(text.left(colon), {}).remove(u'\r');
    property->rawValue = text.mid(colon + 1);
    property->line = logical.line;
    QStringList parts;
    QString current;
    bool quoted = false;
    for (const QChar c : head) {
        if (c == u'"')
            quoted = !quoted;
        if (c == u';' && !quoted) {
            parts.append(current);
            current.clear();
        } else
            current.append(c);
    }
    parts.append(current);
    QString name = parts.takeFirst().trimmed();
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot >= 0) {
        property->group = name.left(dot).toLower();
        name = name.mid(dot + 1);
    }
    if (name.isEmpty())
        return false;
    property->name = name.toUpper();
    for (const QString &part : std::as_const(parts)) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals < 0) {
            if (!part.trimmed().isEmpty())
                property->bareParams.append(part.trimmed().toUpper());
            continue;
        }
        property->params[part.left(equals).trimmed().toUpper()].append(
            splitParamValues(part.mid(equals + 1)));
    }
    return true;
}

QString param(const Property &property, const char *name)
{
    return property.params.value(QLatin1String(name)).value(0);
}

QString encodingOf(const Property &property)
{
    const QString named = param(property, "ENCODING").toUpper();
    if (!named.isEmpty())
        return named;
    for (const QString &bare : property.bareParams) {
        if (bare == u"QUOTED-PRINTABLE" || bare == u"BASE64" || bare == u"B")
            return bare;
    }
    return {};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool decodeQuotedPrintable(const QByteArray &value, QByteArray *decoded)
{
    decoded->reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != '=') {
            decoded->append(value.at(i));
            continue;
        }
        if (i + 2 >= value.size())
            return false;
        const int high = hexValue(value.at(i + 1));
        const int low = hexValue(value.at(i + 2));
        if (high < 0 || low < 0)
            return false;
        decoded->append(char(high * 16 + low));
        i += 2;
    }
    return true;
}

// Splits at `separator` where no backslash escapes it, then unescapes
// each piece: \n and \N a line break, \\ \, \; \: the character. Carriage
// returns are dropped (a line break is "\n" here).
QStringList splitEscaped(const QString &input, QChar separator)
{
    QString text = input;
    text.remove(u'\r');
    QStringList pieces;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            if (next == u'n' || next == u'N')
                current.append(u'\n');
            else if (next == u'\\' || next == u',' || next == u';' || next == u':')
                current.append(next);
            else
                current.append(c).append(next);
        } else if (c == separator && !separator.isNull()) {
            pieces.append(current);
            current.clear();
        } else
            current.append(c);
    }
    pieces.append(current);
    return pieces;
}

// The components of a structured value (N, ADR) at unescaped ';', their
// escapes kept for the split of each component at ','.
QStringList splitKeepingEscapes(const QString &value)
{
    QStringList parts;
    QString current;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == u'\\' && i + 1 < value.size()) {
            current.append(value.at(i)).append(value.at(i + 1));
            ++i;
        } else if (value.at(i) == u';') {
            parts.append(current);
            current.clear();
        } else
            current.append(value.at(i));
    }
    parts.append(current);
    return parts;
}

QString unescape(const QString &text)
{
    return splitEscaped(text, QChar()).constFirst();
}

// A component of N or ADR: its comma-separated values joined.
QString component(const QStringList &components, int index, const QString &joiner)
{
    const QString raw = components.value(index);
    QStringList values = splitEscaped(raw, u',');
    for (QString &value : values)
        value = value.trimmed();
    values.removeAll(QString());
    return values.join(joiner);
}

QString kindFromLabel(QString label)
{
    label = label.trimmed();
    // Apple's own labels: _$!<Other>!$_, _$!<HomePage>!$_.
    if (label.startsWith(QStringLiteral("_$!<")) && label.endsWith(QStringLiteral(">!$_"))) {
        label = label.mid(4, label.size() - 8).toLower();
        if (label == u"mobile")
            label = QStringLiteral("cell");
    }
    return label.trimmed();
}

// The value's kind and rank: TYPE tokens lowercased without "pref" and
// "internet" (rank 1 for "pref"), PREF=n its rank; 101 for none.
QString kindOf(const Property &property, int *rank)
{
    QStringList tokens;
    *rank = 101;
    QStringList all = property.params.value(QStringLiteral("TYPE"));
    for (const QString &bare : property.bareParams) {
        if (bare != u"QUOTED-PRINTABLE" && bare != u"BASE64" && bare != u"B" && bare != u"8BIT" &&
            bare != u"7BIT")
            all.append(bare);
    }
    for (const QString &token : std::as_const(all)) {
        // Apple writes its own labels as TYPE values too (_$!<Other>!$_).
        const QString lower = kindFromLabel(token.trimmed().toLower());
        if (lower == u"pref")
            *rank = 1;
        else if (!lower.isEmpty() && lower != u"internet" && !tokens.contains(lower))
            tokens.append(lower);
    }
    const QString pref = param(property, "PREF");
    if (!pref.isEmpty()) {
        bool ok = false;
        const int value = pref.toInt(&ok);
        *rank = ok && value >= 1 && value <= 100 ? value : 1;
    }
    return tokens.join(u',');
}

struct RankedValue
{
    LabeledValue value;
    int rank = 101;
};

QList<LabeledValue> primaryFirst(const QList<RankedValue> &ranked)
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        if (ranked.at(i).rank < 101 && (best < 0 || ranked.at(i).rank < ranked.at(best).rank))
            best = i;
    }
    QList<LabeledValue> values;
    if (best >= 0)
        values.append(ranked.at(best).value);
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        if (i != best)
            values.append(ranked.at(i).value);
    }
    return values;
}

QString mediaTypeOf(const Property &property)
{
    QString type = param(property, "MEDIATYPE");
    if (type.isEmpty())
        type = param(property, "TYPE");
    for (const QString &bare : property.bareParams) {
        if (type.isEmpty() && bare != u"BASE64" && bare != u"B")
            type = bare;
    }
    type = type.trimmed().toLower();
    if (type.isEmpty())
        return QStringLiteral("image/jpeg");
    return type.contains(u'/') ? type : QStringLiteral("image/") + type;
}

class CardBuilder
{
public:
    // false: the value is broken (*error says how).
    bool add(const Property &property, ParsedContacts *result, ContactsFileError *error);
    Contact finish();

private:
    Contact m_contact;
    QStringList m_n;
    bool m_hasN = false;
    QString m_fn;
    QList<RankedValue> m_emails, m_phones, m_addresses;
    QHash<QString, QString> m_labels; // group → X-ABLabel
    QHash<int, QString> m_groupOfEmail, m_groupOfPhone, m_groupOfAddress;
    QStringList m_notes;
};

bool CardBuilder::add(const Property &property, ParsedContacts *result, ContactsFileError *error)
{
    const QString &name = property.name;
    const QString encoding = encodingOf(property);
    if (name == u"PHOTO") {
        if (!m_contact.photo.isEmpty())
            return true;
        if (encoding == u"B" || encoding == u"BASE64") {
            QByteArray data = property.rawValue;
            data.replace(' ', "").replace('\t', "");
            if (data.isEmpty())
                return true;
            if (!QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors)) {
                *error = ContactsFileError::BadBase64;
                return false;
            }
            m_contact.photo = QStringLiteral("data:%1;base64,%2")
                                  .arg(mediaTypeOf(property), QString::fromLatin1(data));
            return true;
        }
        QString uri = decodeText(property.rawValue, {}).trimmed().remove(u'\r');
        // Some writers escape the comma of a data: URI.
        while (uri.contains(QStringLiteral("\\,")))
            uri.replace(QStringLiteral("\\,"), QStringLiteral(","));
        m_contact.photo = uri;
        return true;
    }
    QByteArray bytes = property.rawValue;
    if (encoding == u"QUOTED-PRINTABLE") {
        QByteArray decoded;
        if (!decodeQuotedPrintable(property.rawValue, &decoded)) {
            *error = ContactsFileError::BadQuotedPrintable;
            return false;
        }
        // "=00" would put a NUL into the text, which no file may hold.
        decoded.removeIf([](char byte) { return byte == '\0'; });
        bytes = decoded;
    }
    const QString value = decodeText(bytes, param(property, "CHARSET"));
    int rank = 101;
    if (name == u"N") {
        m_hasN = true;
        m_n = splitKeepingEscapes(value);
    } else if (name == u"FN") {
        m_fn = unescape(value).simplified();
    } else if (name == u"ORG") {
        if (m_contact.company.isEmpty())
            m_contact.company = splitEscaped(value, u';').constFirst().trimmed();
    } else if (name == u"TITLE") {
        if (m_contact.jobTitle.isEmpty())
            m_contact.jobTitle = unescape(value).trimmed();
    } else if (name == u"NOTE") {
        const QString note = unescape(value).trimmed();
        if (!note.isEmpty())
            m_notes.append(note);
    } else if (name == u"UID") {
        m_contact.uid = unescape(value).trimmed();
    } else if (name == u"EMAIL") {
        const QString email = unescape(value).trimmed();
        const QString kind = kindOf(property, &rank);
        if (!email.isEmpty()) {
            m_groupOfEmail.insert(int(m_emails.size()), property.group);
            m_emails.append({{kind, email}, rank});
        }
    } else if (name == u"TEL") {
        QString phone = unescape(value).trimmed();
        while (phone.startsWith(QStringLiteral("tel:"), Qt::CaseInsensitive))
            phone = phone.mid(4).trimmed();
        const QString kind = kindOf(property, &rank);
        if (!phone.isEmpty()) {
            m_groupOfPhone.insert(int(m_phones.size()), property.group);
            m_phones.append({{kind, phone}, rank});
        }
    } else if (name == u"ADR") {
        const QStringList parts = splitKeepingEscapes(value);
        const QString sep = QStringLiteral(", ");
        const QString address = formatAddress(component(parts, 0, sep), component(parts, 1, sep),
                                              component(parts, 2, sep), component(parts, 3, sep),
                                              component(parts, 4, sep), component(parts, 5, sep),
                                              component(parts, 6, sep));
        const QString kind = kindOf(property, &rank);
        if (!address.isEmpty()) {
            m_groupOfAddress.insert(int(m_addresses.size()), property.group);
            m_addresses.append({{kind, address}, rank});
        }
    } else if (name == u"BDAY") {
        if (param(property, "VALUE").compare(u"text", Qt::CaseInsensitive) == 0)
            return true;
        QDate date = parseBirthday(unescape(value));
        const QString omitted = param(property, "X-APPLE-OMIT-YEAR");
        if (date.isValid() && !omitted.isEmpty() && omitted.toInt() == date.year())
            date = QDate(kBirthdayWithoutYear, date.month(), date.day());
        if (date.isValid())
            m_contact.birthday = date;
    } else if (name == u"CATEGORIES") {
        m_contact.tags.append(splitEscaped(value, u','));
    } else if (name == u"X-ABLABEL") {
        if (!property.group.isEmpty())
            m_labels.insert(property.group, kindFromLabel(unescape(value)));
    } else if (name.startsWith(QStringLiteral("X-"))) {
        ++result->skippedXProperties;
    } else if (name != u"VERSION" && name != u"PRODID") {
        ++result->skippedOtherProperties;
    }
    return true;
}

Contact CardBuilder::finish()
{
    // A label of the value's group (Apple: item1.EMAIL + item1.X-ABLabel) is its kind.
    auto labelled = [this](QList<RankedValue> *values, const QHash<int, QString> &groups) {
        for (qsizetype i = 0; i < values->size(); ++i) {
            const QString group = groups.value(int(i));
            if (!group.isEmpty() && m_labels.contains(group))
                (*values)[i].value.type = m_labels.value(group);
        }
    };
    labelled(&m_emails, m_groupOfEmail);
    labelled(&m_phones, m_groupOfPhone);
    labelled(&m_addresses, m_groupOfAddress);
    m_contact.emails = primaryFirst(m_emails);
    m_contact.phones = primaryFirst(m_phones);
    m_contact.addresses = primaryFirst(m_addresses);
    m_contact.notes = m_notes.join(QStringLiteral("\n\n"));
    m_contact.tags = cleanTags(m_contact.tags);
    const QString space = QStringLiteral(" ");
    bool nameless = true;
    for (int i = 0; i < 5; ++i)
        nameless = nameless && component(m_n, i, space).isEmpty();
    if (m_hasN && !nameless) {
        m_contact.lastName = component(m_n, 0, space);
        m_contact.firstName =
            joinNonEmpty({component(m_n, 1, space), component(m_n, 2, space)}, space);
        m_contact.prefix = component(m_n, 3, space);
        m_contact.suffix = component(m_n, 4, space);
    } else if (!m_fn.isEmpty()) {
        // FN alone: the company's or an address's name is no person's.
        auto same = [this](const QString &text) {
            return m_fn.compare(text.simplified(), Qt::CaseInsensitive) == 0;
        };
        const bool notAName = same(m_contact.company) || same(m_contact.emails.value(0).value) ||
                              same(m_contact.phones.value(0).value);
        if (!notAName) {
            const qsizetype space = m_fn.lastIndexOf(u' ');
            if (space < 0) {
                m_contact.firstName = m_fn;
            } else {
                m_contact.firstName = m_fn.left(space);
                m_contact.lastName = m_fn.mid(space + 1);
            }
        }
    }
    return m_contact;
}

} // namespace

ParsedContacts parseVCards(const QByteArray &input)
{
    ParsedContacts result;
    auto fail = [&](ContactsFileError code, int line) {
        result.contacts.clear();
        result.lines.clear();
        result.error = {code, line};
        return result;
    };
    if (input.size() > kMaxContactsFileBytes)
        return fail(ContactsFileError::TooLarge, 0);
    if (input.contains('\0'))
        return fail(ContactsFileError::NotText, 0);
    const QByteArray bytes = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input;
    std::optional<CardBuilder> card;
    int cardLine = 0;
    for (const LogicalLine &logical : logicalLines(bytes)) {
        const QByteArray keyword = logical.text.trimmed().toUpper();
        if (!card) {
            if (keyword == "BEGIN:VCARD") {
                card.emplace();
                cardLine = logical.line;
                continue;
            }
            return fail(result.contacts.isEmpty() ? ContactsFileError::NoVCard
                                                  : ContactsFileError::TextOutsideCard,
                        logical.line);
        }
        if (keyword == "BEGIN:VCARD")
            return fail(ContactsFileError::UnterminatedCard, cardLine);
        if (keyword == "END:VCARD") {
            result.contacts.append(card->finish());
            result.lines.append(cardLine);
            card.reset();
            continue;
        }
        Property property;
        if (!parseProperty(logical, &property))
            return fail(ContactsFileError::MalformedLine, logical.line);
        ContactsFileError error = ContactsFileError::None;
        if (!card->add(property, &result, &error))
            return fail(error, logical.line);
    }
    if (card)
        return fail(ContactsFileError::UnterminatedCard, cardLine);
    if (result.contacts.isEmpty())
        return fail(ContactsFileError::NoContacts, 0);
    return result;
}

} // namespace mana::contacts
