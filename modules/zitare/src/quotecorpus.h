// The quotes Zitare ships (modules/zitare/quotes.json, docs/zitare.md):
// static content compiled into the binary, not synced. Favourites and lists
// in the store refer to a quote by its id, so ids never change once shipped.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace mana::zitare {

struct Quote
{
    QString id;       // "goethe-faust-1-zwei-seelen": lower-case ASCII words joined by '-'
    QString language; // "en" or "de": the language the text was written in
    QString text;     // verse lines separated by '\n'
    QString author;
    QString source; // the work: play, book, poem, letter, speech
    int year = 0;   // the work's first printing or delivery; 0 when not given

    bool operator==(const Quote &) const = default;
};

struct AuthorCount
{
    QString name;
    int count = 0;

    bool operator==(const AuthorCount &) const = default;
};

class QuoteCorpus
{
public:
    // Parses the corpus file; on an error (a sentence for the log: the file
    // ships with the app, so a broken one is a bug) the corpus is empty.
    static QuoteCorpus fromJson(const QByteArray &json, QString *error = nullptr);
    // The bundled file (:/zitare/quotes.json), read once.
    static const QuoteCorpus &bundled();

    qsizetype size() const { return m_quotes.size(); }
    bool isEmpty() const { return m_quotes.isEmpty(); }
    const QList<Quote> &quotes() const { return m_quotes; }
    const Quote &at(qsizetype index) const { return m_quotes.at(index); }
    // -1 when the corpus has no such quote.
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    const Quote *find(const QString &id) const;

    // Every author with the number of their quotes, by surname ("sortName"
    // in the file), then by name.
    QList<AuthorCount> authors() const;
    // The year an author died (the file's "authors"); 0 when not listed.
    int authorDied(const QString &author) const { return m_died.value(author); }
    // Indexes of the author's quotes, in corpus order.
    QList<int> byAuthor(const QString &author) const;

    // Indexes of the quotes whose text, author or source contain every word
    // of `text`, ignoring case and accents ("schonheit" finds "Schönheit",
    // "dass" finds "daß"); corpus order. Empty text: every quote.
    QList<int> search(const QString &text) const;
    bool matches(int index, const QStringList &foldedWords) const;

private:
    QList<Quote> m_quotes;
    QHash<QString, int> m_index;
    QStringList m_folded; // per quote: text, author and source, folded
    QHash<QString, int> m_died;
    QHash<QString, QString> m_sortName;
};

// Lower case without accents, ß as ss, runs of space as one: what search
// compares.
QString foldForSearch(const QString &text);
// The folded words of a search text.
QStringList searchWords(const QString &text);

} // namespace mana::zitare
