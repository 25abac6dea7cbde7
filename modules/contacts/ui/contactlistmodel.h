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
#include <QLoggingCategory>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

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
    };

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

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QString idAt(int row) const;
    // -1 when the contact is not shown.
    Q_INVOKABLE int rowOf(const QString &id) const;
    Q_INVOKABLE QString sectionAt(int row) const;
    // Reads every record again (after the profile changed underneath).
    Q_INVOKABLE void reload();

signals:
    void storeChanged();
    void byLastNameChanged();
    void archivedChanged();
    void searchTextChanged();
    void countChanged();

private:
    bool shows(const ContactListEntry &entry) const;
    // The rows again from the sorted entries: a reset, or dataChanged when
    // the same contacts stay in the same order.
    void refilter();
    void applyChanges(const QStringList &ids);
    void removeEntry(const QString &id);
    void insertEntry(const ContactListEntry &entry);

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
};

} // namespace mana::contacts
