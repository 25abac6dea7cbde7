// The quote list of the Zitare page: the whole corpus, one author's
// quotes, the favourites or one list, narrowed by a search over text,
// author and source (QuoteCorpus::search: folded words, in C++). A
// favourite or list entry whose id is not in the corpus is a row with
// `missing` set (shown, never hidden); a search leaves such rows out, as
// they have no text to match.
//
// A change that keeps the same rows (a heart toggled in the whole corpus)
// is a dataChanged, so the view keeps its place; other changes reset.
#pragma once

#include "zitarecontroller.h"
#include "zitaretypes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace mana::zitare {

class QuoteModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(mana::zitare::ZitareController *controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    Q_PROPERTY(int view READ view WRITE setView NOTIFY viewChanged) // a ZitareView
    Q_PROPERTY(QString author READ author WRITE setAuthor NOTIFY authorChanged)
    Q_PROPERTY(QString listId READ listId WRITE setListId NOTIFY listIdChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Rows of the view before the search (for "no match" vs "empty").
    Q_PROPERTY(int unfilteredCount READ unfilteredCount NOTIFY countChanged)

public:
    enum Role {
        QuoteRole = Qt::UserRole + 1,
        IdRole,
        TextRole,
        AuthorRole,
        SourceRole,
        YearRole,
        AttributionRole,
        MissingRole,
        FavoriteRole,
    };

    explicit QuoteModel(QObject *parent = nullptr);

    ZitareController *controller() const { return m_controller; }
    void setController(ZitareController *controller);
    int view() const { return m_view; }
    void setView(int view);
    QString author() const { return m_author; }
    void setAuthor(const QString &author);
    QString listId() const { return m_listId; }
    void setListId(const QString &listId);
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    int count() const { return int(m_rows.size()); }
    int unfilteredCount() const { return m_unfilteredCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row's quote; an entry with an empty id outside the rows.
    Q_INVOKABLE mana::zitare::QuoteEntry get(int row) const;
    // The row of a quote id, -1 when not shown.
    Q_INVOKABLE int rowOf(const QString &quoteId) const;

signals:
    void controllerChanged();
    void viewChanged();
    void authorChanged();
    void listIdChanged();
    void searchTextChanged();
    void countChanged();

private:
    void refresh();
    // The ids of the view, before the search.
    QStringList viewIds() const;

    QPointer<ZitareController> m_controller;
    int m_view = ZitareView::All;
    QString m_author;
    QString m_listId;
    QString m_searchText;
    QList<QuoteEntry> m_rows;
    int m_unfilteredCount = 0;
};

} // namespace mana::zitare
