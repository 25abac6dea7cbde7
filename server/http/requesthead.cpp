#include "requesthead.h"

#include <QList>

#include <algorithm>

namespace mana::server {

namespace {

// RFC 9110 tchar: what a method or a header field name is made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values: visible ASCII, space, tab and any byte >= 0x80 (obs-text);
// never NUL, CR, LF or another control character.
bool isFieldValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\t' || (byte >= 0x20 && byte != 0x7f))
            continue;
        return false;
    }
    return true;
}

QByteArrayView trimmedWhitespace(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool isKnownMethod(QByteArrayView method)
{
    // What the router can answer (404/405 included); QtHttpServer's parser
    // also drops the connection silently on methods it does not know.
    static const QList<QByteArray> known{"GET",    "HEAD",  "POST",   "PUT",
                                         "DELETE", "PATCH", "OPTIONS"};
    for (const QByteArray &name : known) {
        if (method == name)
            return true;
    }
    return false;
}

bool refuse(HeadRefusal *refusal, int status, const char *code, const QString &message)
{
    refusal->status = status;
    refusal->code = QString::fromLatin1(code);
    refusal->message = message;
    return false;
}

bool parseRequestLine(QByteArrayView line, const HttpLimits &limits, RequestHead *out,
                      HeadRefusal *refusal)
{
    const auto malformed = [refusal] {
        return refuse(refusal, 400, "bad_request",
                      QStringLiteral("The request line is not \"METHOD /path HTTP/1.1\"."));
    };
    const qsizetype firstSpace = line.indexOf(' ');
    if (firstSpace <= 0)
        return malformed();
    const qsizetype secondSpace = line.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0)
        return malformed();
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method) || target.isEmpty())
        return malformed();
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return malformed();
    if (version[5] != '1')
        return refuse(refusal, 505, "http_version_not_supported",
                      QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are served."));
    if (target.size() > limits.maxTargetBytes)
        return refuse(refusal, 414, "uri_too_long",
                      QStringLiteral("The request target is longer than %1 bytes.")
                          .arg(limits.maxTargetBytes));
    for (const char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f)
            return refuse(refusal, 400, "bad_request",
                          QStringLiteral("The request target contains a byte that must be "
                                         "percent-encoded."));
    }
    const bool originForm = target.startsWith('/');
    const QByteArray scheme = target.first(std::min<qsizetype>(8, target.size())).toByteArray();
    const bool absoluteForm =
        scheme.toLower().startsWith("http://") || scheme.toLower().startsWith("https://");
    const bool asteriskForm = target == "*" && method == "OPTIONS";
    if (!originForm && !absoluteForm && !asteriskForm)
        return malformed();
    if (!isKnownMethod(method))
        return refuse(
            refusal, 501, "not_implemented",
            QStringLiteral("The method %1 is not served.")
                .arg(QString::fromLatin1(method.first(std::min<qsizetype>(20, method.size())))));
    out->method = method.toByteArray();
    out->target = target.toByteArray();
    out->minorVersion = version[7] - '0';
    return true;
}

} // namespace

qsizetype findHeadEnd(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = std::max<qsizetype>(from, 0); i < bytes.size(); ++i) {
        if (bytes[i] != '\n')
            continue;
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n')
            return i + 2;
        if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

bool parseRequestHead(QByteArrayView head, const HttpLimits &limits, RequestHead *out,
                      HeadRefusal *refusal)
{
    // Lines without their CRLF (or LF); the head ends with an empty line.
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        lines.append(line);
        start = end + 1;
    }
    if (lines.isEmpty() || !parseRequestLine(lines.first(), limits, out, refusal)) {
        if (lines.isEmpty())
            refuse(refusal, 400, "bad_request", QStringLiteral("The request line is missing."));
        return false;
    }
    if (lines.size() - 1 > limits.maxHeaderFields)
        return refuse(refusal, 431, "header_too_large",
                      QStringLiteral("More than %1 header fields.").arg(limits.maxHeaderFields));

    int contentLengthFields = 0;
    int hostFields = 0;
    bool transferEncoding = false;
    bool upgradeField = false;
    bool connectionClose = false;
    bool connectionUpgrade = false;
    for (qsizetype index = 1; index < lines.size(); ++index) {
        const QByteArrayView line = lines.at(index);
        // A line folded onto the previous one (obs-fold): proxies disagree on
        // what it means.
        if (line.front() == ' ' || line.front() == '\t')
            return refuse(refusal, 400, "bad_request",
                          QStringLiteral("A header field is folded over two lines."));
        const qsizetype colon = line.indexOf(':');
        // No whitespace between name and colon: "Content-Length : 5" is
        // read as two different fields by different parsers.
        if (colon <= 0 || !isToken(line.first(colon)))
            return refuse(refusal, 400, "bad_request",
                          QStringLiteral("Header line %1 is not \"Name: value\".").arg(index));
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArrayView value = trimmedWhitespace(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return refuse(refusal, 400, "bad_request",
                          QStringLiteral("The header field %1 contains a control character.")
                              .arg(QString::fromLatin1(name)));
        if (name == "content-length") {
            ++contentLengthFields;
            // Digits only: no sign, no list ("5, 5"), at most 18 of them so
            // the number fits. Checked before any arithmetic: 20 digits
            // would overflow qint64 on the way (undefined behaviour, found
            // by UBSan, docs/sanitizers.md).
            const bool digits = !value.isEmpty() && value.size() <= 18 &&
                                std::all_of(value.begin(), value.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
            if (!digits)
                return refuse(refusal, 400, "bad_request",
                              QStringLiteral("Content-Length is not a number of bytes."));
            qint64 length = 0;
            for (const char c : value)
                length = length * 10 + (c - '0');
            out->contentLength = length;
        } else if (name == "transfer-encoding") {
            transferEncoding = true;
        } else if (name == "host") {
            ++hostFields;
        } else if (name == "upgrade") {
            upgradeField = true;
        } else if (name == "connection") {
            for (const QByteArray &token : value.toByteArray().split(',')) {
                const QByteArray option = token.trimmed().toLower();
                connectionClose = connectionClose || option == "close";
                connectionUpgrade = connectionUpgrade || option == "upgrade";
            }
        }
    }

    // Two ways to tell where the body ends are how requests are smuggled
    // past a proxy that reads the other one.
    if (contentLengthFields > 1)
        return refuse(refusal, 400, "bad_request",
                      QStringLiteral("The request has more than one Content-Length."));
    if (transferEncoding && contentLengthFields > 0)
        return refuse(refusal, 400, "bad_request",
                      QStringLiteral("The request has both Transfer-Encoding and Content-Length."));
    if (transferEncoding)
        return refuse(refusal, 411, "length_required",
                      QStringLiteral("Send the body with a Content-Length, not chunked."));
    if (hostFields > 1 || (out->minorVersion >= 1 && hostFields == 0))
        return refuse(refusal, 400, "bad_request",
                      QStringLiteral("An HTTP/1.1 request needs exactly one Host field."));
    if (out->contentLength > limits.maxBodyBytes)
        return refuse(
            refusal, 413, "payload_too_large",
            QStringLiteral("The request body is larger than %1 bytes.").arg(limits.maxBodyBytes));
    out->closeAfterAnswer = connectionClose;
    out->upgrade = upgradeField && connectionUpgrade;
    return true;
}

} // namespace mana::server
