// The values ZitareController and QuoteModel hand to QML: value types
// (Q_GADGET, QML_VALUE_TYPE in ManaZitare) and an enum, so a misspelt field
// is an error, not an undefined (docs/architecture.md "Typed values at the
// QML edge"). An enum-typed property of a value type would read as 0 in Qt
// 6.4's compiled bindings; none is needed here.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace mana::zitare {

// What the quote list shows (QuoteModel::view).
namespace ZitareView {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    All,       // the whole corpus
    Author,    // one author's quotes (QuoteModel::author)
    Favorites, // the `favorites` collection, newest first
    List,      // one record of `lists` (QuoteModel::listId), in its order
};
Q_ENUM_NS(Value)
} // namespace ZitareView

// One quote as a row, a card or the quote of the day shows it. A favourite
// or list entry whose id is not in the corpus is `missing`: id set, no text.
struct QuoteEntry
{
    Q_GADGET
    QML_VALUE_TYPE(quoteEntry)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString text MEMBER text)
    Q_PROPERTY(QString author MEMBER author)
    Q_PROPERTY(QString source MEMBER source)
    Q_PROPERTY(int year MEMBER year) // 0: not known
    Q_PROPERTY(QString language MEMBER language)
    Q_PROPERTY(QString attribution MEMBER attribution) // "William Shakespeare, Hamlet (1603)"
    Q_PROPERTY(bool missing MEMBER missing)
    Q_PROPERTY(bool favorite MEMBER favorite)

public:
    QString id;
    QString text;
    QString author;
    QString source;
    int year = 0;
    QString language;
    QString attribution;
    bool missing = false;
    bool favorite = false;

    bool operator==(const QuoteEntry &) const = default;
};

// An author of the corpus with the number of their quotes.
struct AuthorEntry
{
    Q_GADGET
    QML_VALUE_TYPE(authorEntry)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(int count MEMBER count)

public:
    QString name;
    int count = 0;

    bool operator==(const AuthorEntry &) const = default;
};

// A record of `lists`, by name.
struct QuoteListEntry
{
    Q_GADGET
    QML_VALUE_TYPE(quoteListEntry)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString description MEMBER description)
    Q_PROPERTY(QStringList quoteIds MEMBER quoteIds) // in the list's order, as stored
    Q_PROPERTY(int count MEMBER count)               // quoteIds.length

public:
    QString id;
    QString name;
    QString description;
    QStringList quoteIds;
    int count = 0;

    bool operator==(const QuoteListEntry &) const = default;
};

} // namespace mana::zitare
