#include "quotecorpus.h"

#include "zitarelog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace mana::zitare {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readQuote(const QJsonValue &value, int number, Quote *quote, QString *error)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    const QJsonObject object = value.toObject();
    const QString where = QStringLiteral("quote %1").arg(number);
    if (!value.isObject())
        return fail(error, where + QStringLiteral(" is not an object"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        static const QStringList known = {QStringLiteral("id"),     QStringLiteral("language"),
                                          QStringLiteral("text"),   QStringLiteral("author"),
                                          QStringLiteral("source"), QStringLiteral("year")};
        if (!known.contains(it.key()))
            return fail(error, where + QStringLiteral(" has an unknown key \"%1\"").arg(it.key()));
    }
    quote->id = object.value(QStringLiteral("id")).toString();
    quote->language = object.value(QStringLiteral("language")).toString();
    quote->text = object.value(QStringLiteral("text")).toString();
    quote->author = object.value(QStringLiteral("author")).toString();
    quote->source = object.value(QStringLiteral("source")).toString();
    const QJsonValue year = object.value(QStringLiteral("year"));
    if (!idPattern.match(quote->id).hasMatch() || quote->id.size() > 120)
        return fail(error, where + QStringLiteral(" has no valid id (\"%1\")").arg(quote->id));
    const QString named = QStringLiteral("quote \"%1\"").arg(quote->id);
    if (quote->language != QLatin1String("en") && quote->language != QLatin1String("de"))
        return fail(error, named + QStringLiteral(" has a language other than en or de"));
    if (quote->text.trimmed().isEmpty() || quote->author.trimmed().isEmpty())
        return fail(error, named + QStringLiteral(" has no text or no author"));
    if (!year.isUndefined()) {
        if (!year.isDouble() || year.toDouble() != double(year.toInt()) || year.toInt() == 0)
            return fail(error, named + QStringLiteral(" has a year that is not a whole number"));
        quote->year = year.toInt();
    }
    return true;
}

} // namespace

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace() || c == QLatin1Char('\n')) {
            space = true;
            continue;
        }
        if (space && !folded.isEmpty())
            folded += QLatin1Char(' ');
        space = false;
        if (c == QChar(0x00DF) || c == QChar(0x1E9E)) // ß, ẞ
            folded += QLatin1String("ss");
        else
            folded += c.toCaseFolded();
    }
    return folded;
}

QStringList searchWords(const QString &text)
{
    return foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QuoteCorpus QuoteCorpus::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QuoteCorpus corpus;
    if (!document.isObject()) {
        fail(error,
             QStringLiteral("the quotes are not a JSON object: %1").arg(parseError.errorString()));
        return {};
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toInt() != 1) {
        fail(error, QStringLiteral("the quotes file has an unknown format"));
        return {};
    }
    for (const QJsonValue &author : root.value(QStringLiteral("authors")).toArray()) {
        const QJsonObject object = author.toObject();
        const QString name = object.value(QStringLiteral("name")).toString();
        if (name.isEmpty() || corpus.m_died.contains(name)) {
            fail(error,
                 QStringLiteral("an author is listed twice or without a name (\"%1\")").arg(name));
            return {};
        }
        corpus.m_died.insert(name, object.value(QStringLiteral("died")).toInt());
        corpus.m_sortName.insert(name, object.value(QStringLiteral("sortName")).toString(name));
    }
    const QJsonArray quotes = root.value(QStringLiteral("quotes")).toArray();
    corpus.m_quotes.reserve(quotes.size());
    for (const QJsonValue &value : quotes) {
        Quote quote;
        if (!readQuote(value, int(corpus.m_quotes.size()) + 1, &quote, error))
            return {};
        if (corpus.m_index.contains(quote.id)) {
            fail(error, QStringLiteral("the id \"%1\" is used twice").arg(quote.id));
            return {};
        }
        corpus.m_index.insert(quote.id, int(corpus.m_quotes.size()));
        corpus.m_folded.append(foldForSearch(quote.text + QLatin1Char(' ') + quote.author +
                                             QLatin1Char(' ') + quote.source));
        corpus.m_quotes.append(quote);
    }
    return corpus;
}

const QuoteCorpus &QuoteCorpus::bundled()
{
    static const QuoteCorpus corpus = [] {
        QFile file(QStringLiteral(":/zitare/quotes.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcZitare) << "the bundled quotes cannot be read:" << file.errorString();
            return QuoteCorpus();
        }
        QString error;
        QuoteCorpus read = fromJson(file.readAll(), &error);
        if (!error.isEmpty())
            qCWarning(lcZitare).noquote() << "the bundled quotes are broken:" << error;
        return read;
    }();
    return corpus;
}

const Quote *QuoteCorpus::find(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_quotes.at(index);
}

QList<AuthorCount> QuoteCorpus::authors() const
{
    QHash<QString, int> counts;
    QStringList order;
    for (const Quote &quote : m_quotes) {
        if (!counts.contains(quote.author))
            order.append(quote.author);
        ++counts[quote.author];
    }
    std::sort(order.begin(), order.end(), [this](const QString &a, const QString &b) {
        const QString keyA = foldForSearch(m_sortName.value(a, a));
        const QString keyB = foldForSearch(m_sortName.value(b, b));
        if (keyA != keyB)
            return keyA < keyB;
        return foldForSearch(a) < foldForSearch(b);
    });
    QList<AuthorCount> authors;
    authors.reserve(order.size());
    for (const QString &name : order)
        authors.append({name, counts.value(name)});
    return authors;
}

QList<int> QuoteCorpus::byAuthor(const QString &author) const
{
    QList<int> indexes;
    for (int i = 0; i < m_quotes.size(); ++i) {
        if (m_quotes.at(i).author == author)
            indexes.append(i);
    }
    return indexes;
}

bool QuoteCorpus::matches(int index, const QStringList &foldedWords) const
{
    const QString &haystack = m_folded.at(index);
    return std::all_of(foldedWords.begin(), foldedWords.end(),
                       [&haystack](const QString &word) { return haystack.contains(word); });
}

QList<int> QuoteCorpus::search(const QString &text) const
{
    const QStringList words = searchWords(text);
    QList<int> indexes;
    for (int i = 0; i < m_quotes.size(); ++i) {
        if (matches(i, words))
            indexes.append(i);
    }
    return indexes;
}

} // namespace mana::zitare
