#include "quotemodel.h"

#include "zitarecontroller.h"

namespace mana::zitare {

QuoteModel::QuoteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void QuoteModel::setController(ZitareController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &ZitareController::favoritesChanged, this, &QuoteModel::refresh);
        connect(m_controller, &ZitareController::listsChanged, this, &QuoteModel::refresh);
    }
    refresh();
    emit controllerChanged();
}

void QuoteModel::setView(int view)
{
    if (view == m_view || view < ZitareView::All || view > ZitareView::List)
        return;
    m_view = view;
    refresh();
    emit viewChanged();
}

void QuoteModel::setAuthor(const QString &author)
{
    if (author == m_author)
        return;
    m_author = author;
    refresh();
    emit authorChanged();
}

void QuoteModel::setListId(const QString &listId)
{
    if (listId == m_listId)
        return;
    m_listId = listId;
    refresh();
    emit listIdChanged();
}

void QuoteModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    refresh();
    emit searchTextChanged();
}

QStringList QuoteModel::viewIds() const
{
    QStringList ids;
    if (!m_controller)
        return ids;
    const QuoteCorpus &corpus = m_controller->corpus();
    switch (m_view) {
    case ZitareView::All:
        ids.reserve(corpus.size());
        for (const Quote &quote : corpus.quotes())
            ids.append(quote.id);
        break;
    case ZitareView::Author:
        for (int index : corpus.byAuthor(m_author))
            ids.append(corpus.at(index).id);
        break;
    case ZitareView::Favorites:
        ids = m_controller->favoriteIds();
        break;
    case ZitareView::List:
        ids = m_controller->list(m_listId).quoteIds;
        break;
    }
    return ids;
}

void QuoteModel::refresh()
{
    const QStringList ids = viewIds();
    QList<QuoteEntry> rows;
    if (m_controller) {
        const QuoteCorpus &corpus = m_controller->corpus();
        const QStringList words = searchWords(m_searchText);
        rows.reserve(ids.size());
        for (const QString &id : ids) {
            const int index = corpus.indexOf(id);
            if (!words.isEmpty() && (index < 0 || !corpus.matches(index, words)))
                continue;
            rows.append(m_controller->quote(id));
        }
    }
    const int unfiltered = int(ids.size());
    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).id == m_rows.at(i).id;
    if (sameRows) {
        QList<qsizetype> changed;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!(rows.at(i) == m_rows.at(i)))
                changed.append(i);
        }
        m_rows = rows;
        for (qsizetype i : changed)
            emit dataChanged(index(int(i)), index(int(i)));
        if (unfiltered != m_unfilteredCount) {
            m_unfilteredCount = unfiltered;
            emit countChanged();
        }
        return;
    }
    beginResetModel();
    m_rows = rows;
    m_unfilteredCount = unfiltered;
    endResetModel();
    emit countChanged();
}

int QuoteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant QuoteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuoteEntry &entry = m_rows.at(index.row());
    switch (role) {
    case QuoteRole:
        return QVariant::fromValue(entry);
    case Qt::DisplayRole:
    case TextRole:
        return entry.text;
    case IdRole:
        return entry.id;
    case AuthorRole:
        return entry.author;
    case SourceRole:
        return entry.source;
    case YearRole:
        return entry.year;
    case AttributionRole:
        return entry.attribution;
    case MissingRole:
        return entry.missing;
    case FavoriteRole:
        return entry.favorite;
    }
    return {};
}

QHash<int, QByteArray> QuoteModel::roleNames() const
{
    return {{QuoteRole, "quote"},
            {IdRole, "quoteId"},
            {TextRole, "text"},
            {AuthorRole, "author"},
            {SourceRole, "source"},
            {YearRole, "year"},
            {AttributionRole, "attribution"},
            {MissingRole, "missing"},
            {FavoriteRole, "favorite"}};
}

QuoteEntry QuoteModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QuoteEntry();
}

int QuoteModel::rowOf(const QString &quoteId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == quoteId)
            return i;
    }
    return -1;
}

} // namespace mana::zitare
