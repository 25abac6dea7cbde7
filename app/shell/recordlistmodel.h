// The generic list of one collection, searched, filtered and sorted through
// the store (LiveQueryModel: rows load in pages, a change touches only its
// rows), so views keep scroll position and selection while sync applies
// changes underneath, and 100,000 records cost what the visible ones cost.
// Re-binds when the shell's store changes.
#pragma once

#include "livequerymodel.h"
#include "recordpresentation.h"
#include "refreshthrottle.h"
#include "shellcontext.h"

#include <QJsonObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace mana {

class Collection;

class RecordListModel : public LiveQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(mana::ShellContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(QString appId READ appId WRITE setAppId NOTIFY appIdChanged)
    Q_PROPERTY(QString collectionName READ collectionName WRITE setCollectionName NOTIFY
                   collectionNameChanged)
    // Only records with every word of it in their text fields (case and
    // accents ignored, words matched from their start).
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    // field -> value: only records whose enum/boolean field equals the value.
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    // Empty: the collection's natural order (manual order, else newest first).
    Q_PROPERTY(QString sortField READ sortField WRITE setSortField NOTIFY sortChanged)
    Q_PROPERTY(bool sortDescending READ sortDescending WRITE setSortDescending NOTIFY sortChanged)
    // [{name, label, choices: [{value, label}]}] of the enum and boolean fields.
    Q_PROPERTY(QList<mana::FilterOption> filterOptions READ filterOptions NOTIFY collectionChanged)
    // [{name, label}] of the fields a list can be sorted by.
    Q_PROPERTY(QList<mana::SortOption> sortOptions READ sortOptions NOTIFY collectionChanged)
    // Records in the collection before search and filters (counted by the
    // store, a few times a second at most while sync writes).
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    // Empty, or why the list cannot be shown, in the UI language (made of
    // failure()'s code when read: storeReadErrorText).
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

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
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap &filters);
    QString sortField() const { return m_sortField; }
    void setSortField(const QString &field);
    bool sortDescending() const { return m_sortDescending; }
    void setSortDescending(bool descending);
    QList<FilterOption> filterOptions() const;
    QList<SortOption> sortOptions() const;
    int totalCount() const;

    // Binds directly to a collection (C++ users and tests); the context's
    // store is then ignored until the next setContext/setAppId/….
    void setCollection(Collection *collection);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QVariantMap get(int row) const;
    // -1 when the record is not in the loaded rows.
    Q_INVOKABLE int indexOfId(const QString &id) const;

    QString error() const;
    // The UI language changed: error is read again.
    void retranslate();

signals:
    void errorChanged();
    void contextChanged();
    void appIdChanged();
    void collectionNameChanged();
    void totalCountChanged();
    void searchTextChanged();
    void filtersChanged();
    void sortChanged();
    void collectionChanged();

private:
    void rebind();
    // The list's query from search, filters and sort.
    void requery();
    QString labelOf(const QString &field) const;

    QPointer<ShellContext> m_context;
    QString m_appId;
    QString m_collectionName;
    QPointer<Collection> m_collection;
    std::optional<RecordPresentation> m_presentation;
    QString m_searchText;
    QVariantMap m_filters;
    QString m_sortField;
    bool m_sortDescending = false;
    RefreshThrottle m_totalRefresh;
    int m_totalCount = 0;
    bool m_listMissing = false; // the profile has no such collection
};

} // namespace mana
