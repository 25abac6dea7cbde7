// An answer's sources: the `citations` field is a JSON list of
// {url, title}. It comes from sync as well as from this app, so reading it
// never trusts it: anything that is not such a list reads as no citations,
// an entry without a usable http(s) URL is skipped (docs/questions.md).
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

namespace mana::questions {

struct Citation
{
    QString url;
    QString title;
    bool operator==(const Citation &) const = default;
};

// Why a citation typed in the answer editor cannot be kept.
enum class CitationError {
    None,
    EmptyUrl,       // a title without a URL
    NotAWebAddress, // not http:// or https:// (file:, javascript:, mailto:, no scheme)
    NoHost,         // "https://" alone, or a URL Qt cannot read
};

// The URL as it is stored: trimmed, "http"/"https" only, with a host.
// `*error` says why it is refused (None when accepted).
QUrl citationUrl(const QString &text, CitationError *error = nullptr);

// A citation from the editor's row: the URL checked as above, the title
// trimmed, or the URL's host ("en.wikipedia.org") when empty.
// std::nullopt-like: `*error` != None and an empty Citation when refused.
Citation makeCitation(const QString &url, const QString &title, CitationError *error);

// The citations of a stored value. A value that is not a JSON array (a
// string, an object, null, text that is not JSON) gives none and sets
// `*malformed`; entries that are not objects, or whose URL is refused,
// are left out (and set it too). A missing title becomes the host.
QList<Citation> parseCitations(const QJsonValue &value, bool *malformed = nullptr);

// The value to store: [{"url": …, "title": …}, …].
QJsonArray citationsToJson(const QList<Citation> &citations);

} // namespace mana::questions
