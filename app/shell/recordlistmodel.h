// A live list over one collection: re-reads when the shell's store changes,
// and on Collection::changed(ids) touches only the rows named there (update,
// insert at its sorted place, or remove), so views keep scroll position and
// selection while sync applies changes underneath.
#pragma once

#include "recordpresentation.h"
#include "shellcontext.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace mana {

class Collection;

class RecordListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(mana::ShellContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(QString appId READ appId WRITE setAppId NOTIFY appIdChanged)
    Q_PROPERTY(QString collectionName READ collectionName WRITE setCollectionName NOTIFY
                   collectionNameChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Empty, or why the list cannot be shown.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // Only records whose text fields contain it (case and accents ignored).
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    // field -> value: only records whose enum/boolean field equals the value.
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    // Empty: the collection's natural order (manual order, else newest first).
    Q_PROPERTY(QString sortField READ sortField WRITE setSortField NOTIFY sortChanged)
    Q_PROPERTY(bool sortDescending READ sortDescending WRITE setSortDescending NOTIFY sortChanged)
    // [{name, label, choices: [{value, label}]}] of the enum and boolean fields.
    Q_PROPERTY(QVariantList filterOptions READ filterOptions NOTIFY collectionChanged)
    // [{name, label}] of the fields a list can be sorted by.
    Q_PROPERTY(QVariantList sortOptions READ sortOptions NOTIFY collectionChanged)
    // Records in the collection before search and filters.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, TitleRole, SubtitleRole, RecordRole };
    Q_ENUM(Role)

    explicit RecordListModel(QObject *parent = nullptr);

    ShellContext *context() const { return m_context; }
    void setContext(ShellContext *context);
    QString appId() const { return m_appId; }
    void setAppId(const QString &appId);
    QString collectionName() const { return m_collectionName; }
    void setCollectionName(const QString &name);
    QString error() const { return m_error; }
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap &filters);
    QString sortField() const { return m_sortField; }
    void setSortField(const QString &field);
    bool sortDescending() const { return m_sortDescending; }
    void setSortDescending(bool descending);
    QVariantList filterOptions() const;
    QVariantList sortOptions() const;
    int totalCount() const { return m_totalCount; }

    // Binds directly to a collection (C++ users and tests); the context's
    // store is then ignored until the next setContext/setAppId/….
    void setCollection(Collection *collection);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE int indexOfId(const QString &id) const;

signals:
    void contextChanged();
    void appIdChanged();
    void collectionNameChanged();
    void countChanged();
    void errorChanged();
    void searchTextChanged();
    void filtersChanged();
    void sortChanged();
    void collectionChanged();

private:
    void rebind();
    void reload();
    void applyChanges(const QStringList &ids);
    int sortedPosition(const QJsonObject &record) const;
    bool lessThan(const QJsonObject &a, const QJsonObject &b) const;
    bool matches(const QJsonObject &record) const;
    QString labelOf(const QString &field) const;
    void setError(const QString &error);

    QPointer<ShellContext> m_context;
    QString m_appId;
    QString m_collectionName;
    QPointer<Collection> m_collection;
    std::optional<RecordPresentation> m_presentation;
    QList<QJsonObject> m_records;
    QString m_error;
    QString m_searchText;
    QStringList m_searchWords; // folded
    QVariantMap m_filters;
    QString m_sortField;
    bool m_sortDescending = false;
    int m_totalCount = 0;
};

} // namespace mana
