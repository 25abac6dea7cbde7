// The vCard writer (3.0 and 4.0). What it writes is chosen so that
// parseVCards reads the same contact back: kinds vCard does not define go
// out as Apple's item labels, a birthday without a year as 4.0's --MMDD or
// 3.0's X-APPLE-OMIT-YEAR, an address as the street component (the stored
// text is already formatted).
#include "vcard.h"

#include <QRegularExpression>
#include <QSet>

namespace mana::contacts {

namespace {

constexpr qsizetype kFoldOctets = 75;

QByteArray escapeText(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u',' || c == u';')
            escaped.append(u'\\').append(c);
        else if (c == u'\n')
            escaped.append(QStringLiteral("\\n"));
        else if (c != u'\r')
            escaped.append(c);
    }
    return escaped.toUtf8();
}

// Appends `line` with CRLF, folded so that no line has more than 75
// octets and no UTF-8 sequence is split (RFC 6350 3.2).
void appendFolded(QByteArray *out, const QByteArray &line)
{
    qsizetype pos = 0;
    qsizetype room = kFoldOctets;
    while (line.size() - pos > room) {
        qsizetype cut = pos + room;
        while (cut > pos && (uchar(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        out->append(line.constData() + pos, cut - pos);
        out->append("\r\n ");
        pos = cut;
        room = kFoldOctets - 1;
    }
    out->append(line.constData() + pos, line.size() - pos);
    out->append("\r\n");
}

class CardWriter
{
public:
    CardWriter(QByteArray *out, VCardVersion version)
        : m_out(out)
        , m_version(version)
    {}
    void write(const Contact &contact);

private:
    void line(const QByteArray &text) { appendFolded(m_out, text); }
    void labeled(const char *name, const QList<LabeledValue> &values, bool address);
    void photo(const QString &photo);

    QByteArray *m_out;
    VCardVersion m_version;
    int m_item = 0;
};

void CardWriter::labeled(const char *name, const QList<LabeledValue> &values, bool address)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const LabeledValue &value = values.at(i);
        const bool primary = i == 0 && values.size() > 1;
        const QStringList tokens = value.type.split(u',', Qt::SkipEmptyParts);
        bool standard = !tokens.isEmpty();
        for (const QString &token : tokens)
            standard = standard && isStandardVCardType(token);
        standard = standard && tokens.join(u',') == value.type && !tokens.contains(QString()) &&
                   QSet<QString>(tokens.begin(), tokens.end()).size() == tokens.size();
        QByteArray group;
        QByteArray params;
        if (standard)
            params = ";TYPE=" + value.type.toUtf8();
        else if (!value.type.isEmpty())
            group = "item" + QByteArray::number(++m_item) + '.';
        if (primary)
            params += m_version == VCardVersion::V4 ? QByteArray(";PREF=1")
                      : standard                    ? QByteArray(",pref")
                                                    : QByteArray(";TYPE=pref");
        const QByteArray text =
            address ? ";;" + escapeText(value.value) + ";;;;" : escapeText(value.value);
        line(group + name + params + ':' + text);
        if (!group.isEmpty())
            line(group + "X-ABLabel:" + escapeText(value.type));
    }
}

void CardWriter::photo(const QString &photo)
{
    QString uri = photo;
    uri.remove(u'\r').remove(u'\n');
    if (uri.trimmed().isEmpty())
        return;
    static const QRegularExpression inlineImage(
        QStringLiteral("^data:image/([a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)$"));
    const QRegularExpressionMatch match = inlineImage.match(uri);
    if (m_version == VCardVersion::V3 && match.hasMatch() &&
        QByteArray::fromBase64Encoding(match.captured(2).toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors)) {
        line("PHOTO;ENCODING=b;TYPE=" + match.captured(1).toUpper().toUtf8() + ':' +
             match.captured(2).toLatin1());
        return;
    }
    line((m_version == VCardVersion::V3 ? "PHOTO;VALUE=uri:" : "PHOTO:") + uri.toUtf8());
}

void CardWriter::write(const Contact &contact)
{
    const bool v4 = m_version == VCardVersion::V4;
    m_item = 0;
    line("BEGIN:VCARD");
    line(v4 ? "VERSION:4.0" : "VERSION:3.0");
    line("PRODID:-//ManaCore//Contacts//EN");
    if (!contact.uid.isEmpty())
        line("UID:" + escapeText(contact.uid));
    line("N:" + escapeText(contact.lastName) + ';' + escapeText(contact.firstName) + ";;" +
         escapeText(contact.prefix) + ';' + escapeText(contact.suffix));
    line("FN:" + escapeText(contact.displayName()));
    if (!contact.company.isEmpty())
        line("ORG:" + escapeText(contact.company));
    if (!contact.jobTitle.isEmpty())
        line("TITLE:" + escapeText(contact.jobTitle));
    labeled("EMAIL", contact.emails, false);
    labeled("TEL", contact.phones, false);
    labeled("ADR", contact.addresses, true);
    const QDate birthday = contact.birthday;
    if (birthday.isValid() && birthday.year() >= 1 && birthday.year() <= 9999) {
        const bool noYear = birthday.year() == kBirthdayWithoutYear;
        if (v4)
            line("BDAY:" +
                 birthday.toString(noYear ? QStringLiteral("--MMdd") : QStringLiteral("yyyyMMdd"))
                     .toUtf8());
        else
            line((noYear ? "BDAY;X-APPLE-OMIT-YEAR=1604:" : "BDAY:") +
                 birthday.toString(QStringLiteral("yyyy-MM-dd")).toUtf8());
    }
    if (!contact.tags.isEmpty()) {
        QByteArrayList tags;
        for (const QString &tag : contact.tags)
            tags.append(escapeText(tag));
        line("CATEGORIES:" + tags.join(','));
    }
    if (!contact.notes.isEmpty())
        line("NOTE:" + escapeText(contact.notes));
    photo(contact.photo);
    line("END:VCARD");
}

} // namespace

bool isStandardVCardType(const QString &token)
{
    static const QSet<QString> types{
        QStringLiteral("home"),  QStringLiteral("work"),   QStringLiteral("cell"),
        QStringLiteral("voice"), QStringLiteral("fax"),    QStringLiteral("pager"),
        QStringLiteral("text"),  QStringLiteral("video"),  QStringLiteral("textphone"),
        QStringLiteral("msg"),   QStringLiteral("main"),   QStringLiteral("other"),
        QStringLiteral("car"),   QStringLiteral("isdn"),   QStringLiteral("modem"),
        QStringLiteral("pcs"),   QStringLiteral("postal"), QStringLiteral("parcel"),
        QStringLiteral("dom"),   QStringLiteral("intl"),   QStringLiteral("bbs"),
        QStringLiteral("iphone")};
    return types.contains(token);
}

QByteArray writeVCards(const QList<Contact> &contacts, VCardVersion version)
{
    QByteArray out;
    CardWriter writer(&out, version);
    for (const Contact &contact : contacts)
        writer.write(contact);
    return out;
}

} // namespace mana::contacts
