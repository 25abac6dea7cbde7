#include "jsontext.h"

#include <QChar>
#include <QLocale>
#include <QVariant>
#include <QtNumeric>
#include <charconv>

namespace mana::wire {

namespace {

char hexDigit(unsigned nibble)
{
    return char(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}

char *writeUnicodeEscape(char *cursor, char16_t unit)
{
    *cursor++ = '\\';
    *cursor++ = 'u';
    *cursor++ = hexDigit((unit >> 12) & 0xf);
    *cursor++ = hexDigit((unit >> 8) & 0xf);
    *cursor++ = hexDigit((unit >> 4) & 0xf);
    *cursor++ = hexDigit(unit & 0xf);
    return cursor;
}

void appendInteger(QByteArray *out, qint64 value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out->append(digits, result.ptr - digits);
}

// Taking the value by reference to the container (QJsonValueConstRef)
// avoids copying every string value into a standalone QJsonValue first.
template<typename Value> void appendValue(QByteArray *out, const Value &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out->append("null");
        return;
    case QJsonValue::Bool:
        out->append(value.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double: {
        // QJsonValue keeps integers and doubles apart (its QCborValue does)
        // and Qt writes an integer exactly, a double in its shortest form;
        // the variant is the public way to tell them apart.
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong) {
            appendInteger(out, number.toLongLong());
            return;
        }
        const double d = number.toDouble();
        if (qIsFinite(d))
            out->append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        else
            out->append("null"); // as Qt: JSON has no infinities or NaN
        return;
    }
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        return;
    case QJsonValue::Array:
        appendJsonArray(out, value.toArray());
        return;
    case QJsonValue::Object:
        appendJsonObject(out, value.toObject());
        return;
    }
    out->append("null");
}

} // namespace

void appendJsonString(QByteArray *out, QStringView text)
{
    const qsizetype start = out->size();
    // Room for the worst case (every unit a six-byte escape) up front, so
    // the loop writes through a plain pointer; trimmed to size at the end.
    out->resize(start + 2 + 6 * text.size());
    char *cursor = out->data() + start;
    *cursor++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t unit = *src++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                *cursor++ = char(unit);
                continue;
            }
            switch (unit) {
            case u'"':
                *cursor++ = '\\';
                *cursor++ = '"';
                break;
            case u'\\':
                *cursor++ = '\\';
                *cursor++ = '\\';
                break;
            case u'\b':
                *cursor++ = '\\';
                *cursor++ = 'b';
                break;
            case u'\f':
                *cursor++ = '\\';
                *cursor++ = 'f';
                break;
            case u'\n':
                *cursor++ = '\\';
                *cursor++ = 'n';
                break;
            case u'\r':
                *cursor++ = '\\';
                *cursor++ = 'r';
                break;
            case u'\t':
                *cursor++ = '\\';
                *cursor++ = 't';
                break;
            default:
                cursor = writeUnicodeEscape(cursor, unit);
                break;
            }
        } else if (unit < 0x800) {
            *cursor++ = char(0xc0 | (unit >> 6));
            *cursor++ = char(0x80 | (unit & 0x3f));
        } else if (!QChar::isSurrogate(unit)) {
            *cursor++ = char(0xe0 | (unit >> 12));
            *cursor++ = char(0x80 | ((unit >> 6) & 0x3f));
            *cursor++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t code = QChar::surrogateToUcs4(unit, *src++);
            *cursor++ = char(0xf0 | (code >> 18));
            *cursor++ = char(0x80 | ((code >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((code >> 6) & 0x3f));
            *cursor++ = char(0x80 | (code & 0x3f));
        } else {
            // A lone surrogate has no UTF-8 form; Qt escapes it, so do we.
            cursor = writeUnicodeEscape(cursor, unit);
        }
    }
    *cursor++ = '"';
    out->resize(cursor - out->constData());
}

void appendJsonUtf8String(QByteArray *out, QByteArrayView utf8)
{
    out->append('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out->append(utf8.sliced(plainFrom, i - plainFrom));
        switch (byte) {
        case '"':
            out->append("\\\"");
            break;
        case '\\':
            out->append("\\\\");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\t':
            out->append("\\t");
            break;
        case '\r':
            out->append("\\r");
            break;
        default: {
            char escape[6];
            out->append(escape, writeUnicodeEscape(escape, byte) - escape);
        }
        }
        plainFrom = i + 1;
    }
    out->append(utf8.sliced(plainFrom));
    out->append('"');
}

void appendJsonValue(QByteArray *out, const QJsonValue &value)
{
    appendValue(out, value);
}

void appendJsonObject(QByteArray *out, const QJsonObject &object)
{
    out->append('{');
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it != object.constBegin())
            out->append(',');
        appendJsonString(out, it.key());
        out->append(':');
        appendValue(out, it.value());
    }
    out->append('}');
}

void appendJsonArray(QByteArray *out, const QJsonArray &array)
{
    out->append('[');
    for (auto it = array.constBegin(); it != array.constEnd(); ++it) {
        if (it != array.constBegin())
            out->append(',');
        appendValue(out, *it);
    }
    out->append(']');
}

} // namespace mana::wire
