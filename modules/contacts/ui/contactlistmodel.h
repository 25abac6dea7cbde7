// The Contacts list (docs/contacts.md, "The list"): every contact of the
// profile as a row with its section letter, avatar and the line under the
// name, favourites first, archived ones only in the archive, narrowed by a
// search over every field as the user types.
//
// Why not a LiveQueryModel: the order (a contact without a name files
// under its company or email; "#" after Z) and a search in `extra` and
// `tags` (JSON fields the store's full-text index does not hold) are not
// SQL the store can run. So the model reads the records once into small
// entries (contactlist.h: the folded sort key and search text, not the
// record), keeps them sorted, and on Collection::changed(ids) reads only
// the records named there and moves their rows. Typing filters the sorted
// entries in C++ (about 5 ms for 20,000); delegates read roles, never the
// store.
#pragma once

#include "contactlist.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::contacts {

class ContactListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // True: sort and file by last name (the default); false: by first name.
    Q_PROPERTY(bool byLastName READ byLastName WRITE setByLastName NOTIFY byLastNameChanged)
    // True: only the archived contacts; false: only the others.
    Q_PROPERTY(bool archived READ archived WRITE setArchived NOTIFY archivedChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // The rows of this view before the search ("no match" vs "no contacts").
    Q_PROPERTY(int unfilteredCount READ unfilteredCount NOTIFY countChanged)
    // True while a large profile is read in the background (no rows yet).
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // Several selected contacts (Ctrl+click, Shift+click, Ctrl+A): a set of
    // ids here, not state in the delegates (which are reused while
    // scrolling), so 20,000 selected cost a hash set. Only shown rows stay
    // selected: a search or the archive switch drops the hidden ones, so
    // an action never reaches a contact the user cannot see.
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        SecondaryRole,
        SectionRole,
        InitialsRole,
        ColorRole,
        PhotoRole,
        FavoriteRole,
        ArchivedRole,
        HasNameRole,
        SelectedRole,
    };

    // A profile with more contacts than this is read in pages of this
    // many records, one page per turn of the event loop, so that opening
    // the page never blocks the window for long (20,000 contacts: about
    // 50 pages of some 15 ms each instead of one block of about a second).
    static constexpr int kDefaultLoadPageSize = 400;

    explicit ContactListModel(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    bool byLastName() const { return m_order == NameOrder::LastName; }
    void setByLastName(bool byLastName);
    bool archived() const { return m_archived; }
    void setArchived(bool archived);
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    int count() const { return int(m_rows.size()); }
    int unfilteredCount() const { return m_unfilteredCount; }
    bool loading() const { return m_loading; }
    int selectedCount() const { return int(m_selected.size()); }
    // Tests make it small to see the paged read on a few contacts.
    void setLoadPageSize(int records) { m_loadPageSize = std::max(1, records); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QString idAt(int row) const;
    // -1 when the contact is not shown.
    Q_INVOKABLE int rowOf(const QString &id) const;
    Q_INVOKABLE QString sectionAt(int row) const;
    // Reads every record again (after the profile changed underneath).
    Q_INVOKABLE void reload();

    Q_INVOKABLE void setSelected(int row, bool selected);
    Q_INVOKABLE void toggleSelected(int row);
    // Adds the rows from `from` to `to` (either order), as Shift+click.
    Q_INVOKABLE void selectRange(int from, int to);
    // Every shown row (Ctrl+A: what the search left).
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    Q_INVOKABLE bool isSelected(const QString &id) const { return m_selected.contains(id); }
    // In the list's order.
    Q_INVOKABLE QStringList selectedIds() const;

signals:
    void storeChanged();
    void byLastNameChanged();
    void archivedChanged();
    void searchTextChanged();
    void countChanged();
    void loadingChanged();
    void selectionChanged();

private:
    // Reads the next page of a paged load; the last one shows the rows.
    void loadNextPage();
    // The rows from m_sorted (a reset).
    void showSorted();
    bool shows(const ContactListEntry &entry) const;
    // The rows again from the sorted entries: a reset, or dataChanged when
    // the same contacts stay in the same order.
    void refilter();
    void applyChanges(const QStringList &ids);
    void removeEntry(const QString &id);
    void insertEntry(const ContactListEntry &entry);
    // Drops selected ids that are no longer shown (after a reset).
    void pruneSelection();

    QPointer<LocalStore> m_store;
    QPointer<Collection> m_collection;
    NameOrder m_order = NameOrder::LastName;
    bool m_archived = false;
    QString m_searchText;
    QStringList m_words;
    // Every live contact, in the list's order.
    QList<ContactListEntry> m_sorted;
    // The shown ones, in the same order.
    QList<ContactListEntry> m_rows;
    int m_unfilteredCount = 0;
    int m_loadPageSize = kDefaultLoadPageSize;
    bool m_loading = false;
    // Which load a queued page belongs to (a newer reload drops it).
    int m_loadGeneration = 0;
    std::optional<QJsonObject> m_loadAfter;
    // Records changed while a paged load ran: applied once it is done.
    QStringList m_changedWhileLoading;
    QSet<QString> m_selected;
};

} // namespace mana::contacts
