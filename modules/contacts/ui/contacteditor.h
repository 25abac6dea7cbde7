// The contact form (docs/contacts.md, "The form"): names, company, every
// email, phone and address as a row with its kind (add and remove rows),
// the birthday, tags as chips and notes, instead of the shell's generic
// form where further values and tags were JSON. What the form does not
// show (photo, uid, favourite, archived, keys of `extra` another version
// wrote) is kept from the stored record. Saving writes one insert or one
// update of the fields that changed; bad input (a birthday that is no
// date, a contact with nothing to show) gets a sentence and writes nothing.
#pragma once

#include "contact.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
}

namespace mana::contacts {

class ContactEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // "" for a new contact.
    Q_PROPERTY(QString contactId READ contactId NOTIFY loaded)
    Q_PROPERTY(QString firstName MEMBER m_firstName NOTIFY loaded)
    Q_PROPERTY(QString lastName MEMBER m_lastName NOTIFY loaded)
    Q_PROPERTY(QString prefix MEMBER m_prefix NOTIFY loaded)
    Q_PROPERTY(QString suffix MEMBER m_suffix NOTIFY loaded)
    Q_PROPERTY(QString company MEMBER m_company NOTIFY loaded)
    Q_PROPERTY(QString jobTitle MEMBER m_jobTitle NOTIFY loaded)
    Q_PROPERTY(QString notes MEMBER m_notes NOTIFY loaded)
    // "1985-04-12", "--04-12" without a year, "" none; also read:
    // 12.04.1985, 19850412 (parseBirthday).
    Q_PROPERTY(QString birthday MEMBER m_birthday NOTIFY loaded)
    // [{kind, value}] each. Changed by the functions below; a row's text or
    // kind changes without a signal, so the row being typed in stays.
    Q_PROPERTY(QVariantList emails READ emails NOTIFY emailsChanged)
    Q_PROPERTY(QVariantList phones READ phones NOTIFY phonesChanged)
    Q_PROPERTY(QVariantList addresses READ addresses NOTIFY addressesChanged)
    Q_PROPERTY(QStringList tags READ tags NOTIFY tagsChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    // Which list a row function means.
    enum Field { Emails, Phones, Addresses };
    Q_ENUM(Field)

    explicit ContactEditor(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    QString contactId() const { return m_id; }
    QVariantList emails() const { return rowsOf(Emails); }
    QVariantList phones() const { return rowsOf(Phones); }
    QVariantList addresses() const { return rowsOf(Addresses); }
    QStringList tags() const { return m_contact.tags; }
    QString error() const { return m_error; }

    // The stored contact into the form; false for an unknown id.
    Q_INVOKABLE bool load(const QString &id);
    // An empty form (one empty email and phone row to type in).
    Q_INVOKABLE void startNew();

    Q_INVOKABLE void addRow(int field, const QString &kind = {});
    Q_INVOKABLE void removeRow(int field, int row);
    Q_INVOKABLE void setRowValue(int field, int row, const QString &value);
    Q_INVOKABLE void setRowKind(int field, int row, const QString &kind);
    // The kinds a row's ComboBox offers: the usual ones of the field and
    // the row's own when it is another (a label of the user's, "home,fax",
    // or none) so that saving unchanged keeps it.
    Q_INVOKABLE QStringList kindsFor(int field, const QString &current) const;

    // false when empty or already there (case ignored).
    Q_INVOKABLE bool addTag(const QString &tag);
    Q_INVOKABLE void removeTag(int index);

    // Writes the form; false with `error` (nothing written). The new
    // contact's id in contactId afterwards.
    Q_INVOKABLE bool save();
    // The contact the form holds now (tests).
    Contact contact() const;

signals:
    void storeChanged();
    void loaded();
    void emailsChanged();
    void phonesChanged();
    void addressesChanged();
    void tagsChanged();
    void errorChanged();
    void saved(const QString &id);

private:
    QList<LabeledValue> *listOf(int field);
    const QList<LabeledValue> *listOf(int field) const;
    QVariantList rowsOf(int field) const;
    void emitRows(int field);
    void setError(const QString &error);
    void fillFrom(const Contact &contact);

    QPointer<LocalStore> m_store;
    QString m_id;
    // The stored contact (or an empty one): the rows and tags are edited
    // in it; the texts in the members below until save().
    Contact m_contact;
    QJsonObject m_storedRecord;
    QString m_firstName, m_lastName, m_prefix, m_suffix, m_company, m_jobTitle, m_notes;
    QString m_birthday;
    QString m_error;
};

} // namespace mana::contacts
