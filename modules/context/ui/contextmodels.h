// Context's lists: the spaces (pinned first, then by name) and a space's
// documents (pinned first, then the last changed). Both are
// LiveQueryModels: pages of rows over indexed queries, updated row by row.
#pragma once

#include "storequerymodel.h"

#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
}

namespace mana::context {

class SpaceListModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, DescriptionRole, PinnedRole, PrefixRole };

    explicit SpaceListModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString spaceIdAt(int row) const { return idAt(row); }
    Q_INVOKABLE int rowOf(const QString &id) const { return rowOfId(id); }

private:
    void storeReplaced(LocalStore *previous) override;
};

class DocumentListModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    // The space whose documents are listed; empty: every document.
    Q_PROPERTY(QString spaceId READ spaceId WRITE setSpaceId NOTIFY spaceIdChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        FirstLineRole,
        PinnedRole,
        TypeRole,
        ShortIdRole,
        UpdatedAtRole,
        TagsRole // "#a #b": the row's own metadata, no extra read
    };

    explicit DocumentListModel(QObject *parent = nullptr);
    QString spaceId() const { return m_spaceId; }
    void setSpaceId(const QString &spaceId);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString documentIdAt(int row) const { return idAt(row); }
    Q_INVOKABLE int rowOf(const QString &id) const { return rowOfId(id); }

signals:
    void spaceIdChanged();

private:
    void requery();
    void storeReplaced(LocalStore *previous) override;
    QString m_spaceId;
};

} // namespace mana::context
