// What the Zitare page reads and does besides the quote list (QuoteModel):
// the quote of the day, the authors, the `favorites` and `lists` records of
// the store (a person keeps a few dozen; they are read whole on every
// change), copying a quote and exporting a list or the favourites.
// Favourites and lists hold corpus ids (quoteId, quoteIds); an id the
// corpus does not know is kept and shown as missing, never dropped.
#pragma once

#include "localday.h"
#include "quotecorpus.h"
#include "zitaretypes.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::zitare {

class ZitareController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The local date; follows the clock (past midnight too) until set.
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY todayChanged)
    // "Sunday, 6 December" / "Sonntag, 6. Dezember" in the page's language.
    Q_PROPERTY(QString todayText READ todayText NOTIFY todayTextChanged)
    Q_PROPERTY(
        mana::zitare::QuoteEntry quoteOfTheDay READ quoteOfTheDay NOTIFY quoteOfTheDayChanged)
    Q_PROPERTY(QList<mana::zitare::AuthorEntry> authors READ authors CONSTANT)
    Q_PROPERTY(int quoteCount READ quoteCount CONSTANT)
    // Newest first, each quote once (two devices may favourite one quote).
    Q_PROPERTY(QStringList favoriteIds READ favoriteIds NOTIFY favoritesChanged)
    // By name.
    Q_PROPERTY(QList<mana::zitare::QuoteListEntry> lists READ lists NOTIFY listsChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit ZitareController(QObject *parent = nullptr);

    const QuoteCorpus &corpus() const { return QuoteCorpus::bundled(); }

    QObject *store() const;
    void setStore(QObject *store);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QDate today() const;
    void setToday(const QDate &date);
    QString todayText() const;
    QuoteEntry quoteOfTheDay() const;
    QList<AuthorEntry> authors() const;
    int quoteCount() const { return int(corpus().size()); }
    QStringList favoriteIds() const { return m_favoriteIds; }
    QList<QuoteListEntry> lists() const { return m_lists; }
    QString lastError() const { return m_error; }

    // The quote as a row shows it; `missing` when the corpus has no such id.
    Q_INVOKABLE mana::zitare::QuoteEntry quote(const QString &id) const;
    Q_INVOKABLE bool isFavorite(const QString &quoteId) const;
    Q_INVOKABLE bool setFavorite(const QString &quoteId, bool favorite);
    Q_INVOKABLE bool toggleFavorite(const QString &quoteId);

    // The list with this record id; an entry with an empty id when none.
    Q_INVOKABLE mana::zitare::QuoteListEntry list(const QString &listId) const;
    // A new list's record id; "" when the name is empty or the store refused.
    Q_INVOKABLE QString createList(const QString &name, const QString &description = {});
    // A new name and description for a list (the name may not be empty).
    Q_INVOKABLE bool renameList(const QString &listId, const QString &name,
                                const QString &description);
    // Appends the quote (once: already there is success).
    Q_INVOKABLE bool addToList(const QString &listId, const QString &quoteId);
    Q_INVOKABLE bool removeFromList(const QString &listId, const QString &quoteId);
    Q_INVOKABLE bool listContains(const QString &listId, const QString &quoteId) const;

    // «text» — author, source (year); "" for an id not in the corpus.
    Q_INVOKABLE QString clipboardText(const QString &quoteId) const;
    // Puts clipboardText on the clipboard (emits copied).
    Q_INVOKABLE bool copyQuote(const QString &quoteId);
    // Markdown for a .md file, plain text otherwise (quotetext.h); a missing
    // quote is a line naming its id. Emits exported or sets lastError.
    Q_INVOKABLE bool exportFavorites(const QUrl &file);
    Q_INVOKABLE bool exportList(const QString &listId, const QUrl &file);
    // "Favourites.md", "Inspiration.md": what the save dialog proposes.
    Q_INVOKABLE QString suggestedFileName(const QString &listId) const;

signals:
    void storeChanged();
    void languageChanged();
    void todayChanged();
    void todayTextChanged();
    void quoteOfTheDayChanged();
    void favoritesChanged();
    void listsChanged();
    void lastErrorChanged();
    void copied(const QString &quoteId);
    void exported(const QString &fileName);

private:
    Collection *collection(const char *name) const;
    bool fail(const QString &message);
    void clearError();
    void refreshFavorites();
    void refreshLists();
    bool exportEntries(const QString &title, const QStringList &ids, const QUrl &file);

    QPointer<LocalStore> m_store;
    QString m_language = QStringLiteral("en");
    QString m_error;
    LocalDay m_day; // follows the clock unless a date was set
    QStringList m_favoriteIds;
    QHash<QString, QStringList> m_favoriteRecords; // quoteId → record ids
    QList<QuoteListEntry> m_lists;
};

} // namespace mana::zitare
