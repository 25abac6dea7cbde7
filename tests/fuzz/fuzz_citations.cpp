// Questions' sources (modules/questions/src/citations.cpp): an answer's
// `citations` field arrives from sync as any JSON, and the editor's rows
// are typed text. The stored value is read on every answer shown, and its
// URLs go to Qt.openUrlExternally, so nothing but http(s) may come out.
//
// Input: JSON text as a stored value; its first line also as a typed URL
// and the second as a title.
// Properties: every citation read has an http or https URL with a host
// and a title; writing them and reading again gives the same list, not
// malformed; a typed URL is accepted exactly when citationUrl accepts it,
// and then as an http(s) URL.
#include "fuzzsupport.h"

#include "citations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace mana;
using namespace mana::questions;

namespace {

bool isWebUrl(const QString &text)
{
    const QUrl url(text);
    return url.isValid() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           !url.host().isEmpty();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    const QJsonValue stored = document.isArray()    ? QJsonValue(document.array())
                              : document.isObject() ? QJsonValue(document.object())
                                                    : QJsonValue(QString::fromUtf8(bytes));
    bool malformed = false;
    const QList<Citation> read = parseCitations(stored, &malformed);
    for (const Citation &citation : read) {
        MANA_FUZZ_CHECK(isWebUrl(citation.url), QStringLiteral("kept %1").arg(citation.url));
        MANA_FUZZ_CHECK(!citation.title.isEmpty(), QStringLiteral("a citation without a title"));
    }
    bool again = false;
    MANA_FUZZ_CHECK(parseCitations(citationsToJson(read), &again) == read && !again,
                    QStringLiteral("written citations read back differently"));

    const QList<QByteArray> lines = bytes.split('\n');
    const QString url = QString::fromUtf8(lines.value(0));
    const QString title = QString::fromUtf8(lines.value(1));
    CitationError urlError = CitationError::None;
    const QUrl checked = citationUrl(url, &urlError);
    CitationError error = CitationError::None;
    const Citation typed = makeCitation(url, title, &error);
    if (error == CitationError::None) {
        MANA_FUZZ_CHECK(urlError == CitationError::None && isWebUrl(typed.url) &&
                            !typed.title.isEmpty(),
                        QStringLiteral("accepted %1").arg(typed.url));
        MANA_FUZZ_CHECK(checked.isValid(), QStringLiteral("citationUrl refused what was kept"));
    }
    return 0;
}
