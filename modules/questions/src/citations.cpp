#include "citations.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mana::questions {

QUrl citationUrl(const QString &text, CitationError *error)
{
    const auto refuse = [error](CitationError why) {
        if (error)
            *error = why;
        return QUrl();
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(CitationError::EmptyUrl);
    // The scheme from the text itself: a URL Qt cannot read still says
    // whether it was meant as a web address.
    const qsizetype colon = trimmed.indexOf(u':');
    const QString scheme = colon > 0 ? trimmed.left(colon).toLower() : QString();
    // Only web pages: a synced "javascript:" or "file:" link must never
    // reach Qt.openUrlExternally.
    if (scheme != u"http" && scheme != u"https")
        return refuse(CitationError::NotAWebAddress);
    // StrictMode: a URL with spaces or stray characters is refused rather
    // than "repaired" into an address the person did not type.
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return refuse(CitationError::NoHost);
    if (error)
        *error = CitationError::None;
    return url;
}

Citation makeCitation(const QString &url, const QString &title, CitationError *error)
{
    CitationError why = CitationError::None;
    const QUrl checked = citationUrl(url, &why);
    if (error)
        *error = why;
    if (why != CitationError::None)
        return {};
    const QString name = title.simplified();
    return {checked.toString(QUrl::FullyEncoded), name.isEmpty() ? checked.host() : name};
}

QList<Citation> parseCitations(const QJsonValue &value, bool *malformed)
{
    if (malformed)
        *malformed = false;
    QJsonArray array;
    if (value.isArray()) {
        array = value.toArray();
    } else if (value.isString()) {
        // A peer that stored the list as JSON text.
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!document.isArray()) {
            if (malformed)
                *malformed = true;
            return {};
        }
        array = document.array();
    } else {
        // null and undefined are "no citations yet", not damage.
        if (malformed && !value.isNull() && !value.isUndefined())
            *malformed = true;
        return {};
    }
    QList<Citation> citations;
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        CitationError why = CitationError::None;
        const Citation citation =
            makeCitation(object.value(u"url").toString(), object.value(u"title").toString(), &why);
        if (!entry.isObject() || why != CitationError::None) {
            if (malformed)
                *malformed = true;
            continue;
        }
        citations.append(citation);
    }
    return citations;
}

QJsonArray citationsToJson(const QList<Citation> &citations)
{
    QJsonArray array;
    for (const Citation &citation : citations)
        array.append(QJsonObject{{QStringLiteral("url"), citation.url},
                                 {QStringLiteral("title"), citation.title}});
    return array;
}

} // namespace mana::questions
