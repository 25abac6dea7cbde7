// What the Contacts page does besides its list: the card of one contact
// (every email, phone and address with its kind, the birthday with age and
// days until), the favourite star and the archive, copying a value, the
// upcoming birthdays, and the export (all or chosen contacts; vCard 3.0,
// 4.0, Google CSV, Outlook CSV).
#pragma once

#include "collection.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace mana {
class LocalStore;
} // namespace mana

namespace mana::contacts {

// The export's formats (ContactsController::exportTo).
namespace ContactsExportFormat {
Q_NAMESPACE
QML_ELEMENT
enum Value { VCard3, VCard4, GoogleCsv, OutlookCsv };
Q_ENUM_NS(Value)
} // namespace ContactsExportFormat

class ContactsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // The day birthdays count from; the clock's when not set (tests set it).
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY todayChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // Bumped when a contact changes, so a card re-reads its contact.
    Q_PROPERTY(int revision READ revision NOTIFY contactsChanged)

public:
    explicit ContactsController(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    QDate today() const;
    void setToday(const QDate &today);
    QString lastError() const { return m_error; }
    int revision() const { return m_revision; }

    // The card's contents: id, name, initials, avatarColor, photo, prefix,
    // suffix, company, jobTitle, notes, emails/phones/addresses as
    // [{value, kind}], birthday (ISO; "" none), birthdayHasYear,
    // turningAge, daysUntil, nextBirthday (ISO), tags, favorite, archived.
    // Empty for an unknown id.
    Q_INVOKABLE QVariantMap contact(const QString &id) const;
    Q_INVOKABLE bool setFavorite(const QString &id, bool favorite);
    Q_INVOKABLE bool setArchived(const QString &id, bool archived);
    Q_INVOKABLE void copyText(const QString &text);
    // Several contacts at once (the selection bar), each as ONE write
    // group with one Undo step: its id (for the page's undoOffered), 0
    // with lastError when nothing was written (all or nothing).
    Q_INVOKABLE int deleteContacts(const QStringList &ids);
    Q_INVOKABLE int setFavorites(const QStringList &ids, bool favorite);

    // Birthdays within `days` days of today, soonest first:
    // [{contactId, name, initials, avatarColor, photo, birthday,
    // nextBirthday (ISO), daysUntil, turningAge (-1: year unknown)}].
    // Archived contacts are left out.
    Q_INVOKABLE QVariantList upcomingBirthdays(int days) const;

    // Writes the contacts (`ids`; empty: every contact that is not
    // archived) to `file` as a ContactsExportFormat; false with lastError.
    Q_INVOKABLE bool exportTo(const QUrl &file, int format, const QStringList &ids);
    // How many contacts an export of `ids` writes.
    Q_INVOKABLE int exportCount(const QStringList &ids) const;

signals:
    void storeChanged();
    void todayChanged();
    void lastErrorChanged();
    void contactsChanged();
    void copied(const QString &text);

private:
    void setError(const QString &error);
    // `write` for each id in one writeGroupWithUndo; the step's id or 0.
    int writeEach(const QStringList &ids,
                  const std::function<WriteResult(Collection *, const QString &)> &write);

    QPointer<LocalStore> m_store;
    QPointer<Collection> m_collection;
    QDate m_today;
    QString m_error;
    int m_revision = 0;
};

} // namespace mana::contacts
