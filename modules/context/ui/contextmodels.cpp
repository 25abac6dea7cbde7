#include "contextmodels.h"

#include "collection.h"
#include "documentstore.h"
#include "localstore.h"
#include "markdowntext.h"
#include "query.h"

#include <QDateTime>

namespace mana::context {

namespace {

Collection *collectionOf(LocalStore *store, const QString &name)
{
    return store ? store->collection(QStringLiteral("context"), name) : nullptr;
}

} // namespace

SpaceListModel::SpaceListModel(QObject *parent)
    : StoreQueryModel(parent)
{}

void SpaceListModel::storeReplaced(LocalStore *)
{
    Query query;
    // Pinned first (the index on pinned, name), then by name as people
    // read it.
    query.sort = {{QStringLiteral("pinned"), true, false, false, {}, 0},
                  {QStringLiteral("name"), false, true, false, {}, 0},
                  {QStringLiteral("id"), false, false, false, {}, 0}};
    setQuery(collectionOf(localStore(), QStringLiteral("spaces")), query);
}

QVariant SpaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = recordAt(index.row());
    switch (role) {
    case IdRole:
        return record.value(QStringLiteral("id")).toString();
    case NameRole:
    case Qt::DisplayRole:
        return record.value(QStringLiteral("name")).toString();
    case DescriptionRole:
        return record.value(QStringLiteral("description")).toString();
    case PinnedRole:
        return record.value(QStringLiteral("pinned")).toBool();
    case PrefixRole:
        return record.value(QStringLiteral("prefix")).toString();
    }
    return {};
}

QHash<int, QByteArray> SpaceListModel::roleNames() const
{
    return {{IdRole, "spaceId"},
            {NameRole, "name"},
            {DescriptionRole, "description"},
            {PinnedRole, "pinned"},
            {PrefixRole, "prefix"}};
}

DocumentListModel::DocumentListModel(QObject *parent)
    : StoreQueryModel(parent)
{}

void DocumentListModel::storeReplaced(LocalStore *)
{
    requery();
}

void DocumentListModel::setSpaceId(const QString &spaceId)
{
    if (spaceId == m_spaceId)
        return;
    m_spaceId = spaceId;
    requery();
    emit spaceIdChanged();
}

void DocumentListModel::requery()
{
    Query query;
    if (!m_spaceId.isEmpty())
        query.where(QStringLiteral("spaceId"), Query::Op::Equal, m_spaceId);
    // Pinned first, then the last changed: the manifest's indexes
    // (spaceId, pinned, updatedAt) and (pinned, updatedAt) give the pages
    // in this order without sorting the space.
    query.orderBy(QStringLiteral("pinned"), true)
        .orderBy(QStringLiteral("updatedAt"), true)
        .orderBy(QStringLiteral("id"), true);
    setQuery(collectionOf(localStore(), QStringLiteral("documents")), query);
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = recordAt(index.row());
    switch (role) {
    case IdRole:
        return record.value(QStringLiteral("id")).toString();
    case TitleRole:
    case Qt::DisplayRole:
        return record.value(QStringLiteral("title")).toString();
    case FirstLineRole:
        return firstLine(record.value(QStringLiteral("content")).toString(),
                         record.value(QStringLiteral("title")).toString());
    case PinnedRole:
        return record.value(QStringLiteral("pinned")).toBool();
    case TypeRole:
        return record.value(QStringLiteral("type")).toString();
    case ShortIdRole:
        return record.value(QStringLiteral("shortId")).toString();
    case UpdatedAtRole:
        return QDateTime::fromString(record.value(QStringLiteral("updatedAt")).toString(),
                                     Qt::ISODateWithMs);
    case TagsRole: {
        QStringList tags = tagsOf(record);
        for (QString &tag : tags)
            tag.prepend(u'#');
        return tags.join(u' ');
    }
    }
    return {};
}

QHash<int, QByteArray> DocumentListModel::roleNames() const
{
    return {{IdRole, "documentId"},       {TitleRole, "title"},       {FirstLineRole, "firstLine"},
            {PinnedRole, "pinned"},       {TypeRole, "documentType"}, {ShortIdRole, "shortId"},
            {UpdatedAtRole, "updatedAt"}, {TagsRole, "tags"}};
}

} // namespace mana::context
