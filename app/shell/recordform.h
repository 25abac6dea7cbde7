// The generic form and detail view over one record of any collection: the
// fields as the manifest declares them (label, editor kind, choices, range,
// unit), the values as editors hold them, and saving back through the
// collection (a new record is inserted; an edit writes only what changed,
// so the sync engine sends only those fields).
#pragma once

#include "fieldeditorvalue.h"
#include "shellcontext.h"
#include "shelltypes.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimeZone>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace mana {

class Collection;
struct ModuleInfo;

class RecordForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(mana::ShellContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(QString appId READ appId WRITE setAppId NOTIFY appIdChanged)
    Q_PROPERTY(QString collectionName READ collectionName WRITE setCollectionName NOTIFY
                   collectionNameChanged)
    // Empty: the form creates a new record.
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY recordIdChanged)
    // The collection's fields in manifest order.
    Q_PROPERTY(QList<mana::FormField> fields READ fields NOTIFY fieldsChanged)
    // field name -> the value as its editor holds it. A map: the fields are
    // the manifest's, known at run time (shelltypes.h).
    Q_PROPERTY(QVariantMap values READ values NOTIFY valuesChanged)
    // field name -> sentence, for the fields the last save() refused.
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY valuesChanged)
    // "New task" for a new record, the record's title otherwise.
    Q_PROPERTY(QString heading READ heading NOTIFY valuesChanged)

public:
    explicit RecordForm(QObject *parent = nullptr);

    ShellContext *context() const { return m_context; }
    void setContext(ShellContext *context);
    QString appId() const { return m_appId; }
    void setAppId(const QString &appId);
    QString collectionName() const { return m_collectionName; }
    void setCollectionName(const QString &name);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    bool isNew() const { return m_recordId.isEmpty(); }

    // Binds without a context (C++ tests): `info` gives the labels.
    void bind(Collection *collection, const ModuleInfo *info, const QString &language);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    QList<FormField> fields() const { return m_fields; }
    QVariantMap values() const { return m_values; }
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    QString error() const { return m_error; }
    bool isDirty() const { return m_values != m_loadedValues; }
    QString heading() const;

    Q_INVOKABLE void setValue(const QString &field, const QVariant &value);
    Q_INVOKABLE QVariant value(const QString &field) const { return m_values.value(field); }
    // Presets for a new record (stored values, e.g. the open project).
    Q_INVOKABLE void preset(const QVariantMap &storedValues);
    // Records of the referenced collection, by title.
    Q_INVOKABLE QList<mana::ReferenceChoice> referenceChoices(const QString &field) const;
    // The field as the detail view shows it: dates in the locale's format,
    // choices by label, references by the referenced record's title, JSON
    // readably; "" when empty.
    Q_INVOKABLE QString displayText(const QString &field) const;
    // Writes the record; true on success (then recordId names it).
    Q_INVOKABLE bool save();
    // Back to the stored state (or the defaults of a new record).
    Q_INVOKABLE void revert();

signals:
    void contextChanged();
    void appIdChanged();
    void collectionNameChanged();
    void recordIdChanged();
    void fieldsChanged();
    void valuesChanged();
    void errorChanged();
    void saved(const QString &recordId);

private:
    void rebind();
    void buildFields();
    void load();
    void setErrors(const QString &error, const QVariantMap &fieldErrors);
    QString labelOf(const FieldSpec &field) const;
    EditorRange rangeOf(const FieldSpec &field) const;
    QJsonValue storedDefault(const FieldSpec &field) const;

    QPointer<ShellContext> m_context;
    QString m_appId;
    QString m_collectionName;
    QString m_recordId;
    QPointer<Collection> m_collection;
    const ModuleInfo *m_info = nullptr;
    QString m_language = QStringLiteral("en");
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QJsonObject m_stored;
    QList<FormField> m_fields;
    QVariantMap m_values;
    QVariantMap m_loadedValues;
    QVariantMap m_fieldErrors;
    QString m_error;
};

} // namespace mana
