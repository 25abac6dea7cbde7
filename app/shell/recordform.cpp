#include "recordform.h"

#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "modulepresentation.h"
#include "recordpresentation.h"
#include "storeerrortext.h"

#include <QCollator>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRecordForm, "mana.shell.form")

namespace mana {

RecordForm::RecordForm(QObject *parent)
    : QObject(parent)
{}

void RecordForm::setContext(ShellContext *context)
{
    if (context == m_context)
        return;
    if (m_context)
        disconnect(m_context, nullptr, this, nullptr);
    m_context = context;
    if (m_context) {
        connect(m_context, &ShellContext::storeChanged, this, &RecordForm::rebind);
        connect(m_context->modules(), &ModuleListModel::languageChanged, this, &RecordForm::rebind);
    }
    emit contextChanged();
    rebind();
}

void RecordForm::setAppId(const QString &appId)
{
    if (appId == m_appId)
        return;
    m_appId = appId;
    emit appIdChanged();
    rebind();
}

void RecordForm::setCollectionName(const QString &name)
{
    if (name == m_collectionName)
        return;
    m_collectionName = name;
    emit collectionNameChanged();
    rebind();
}

void RecordForm::setRecordId(const QString &id)
{
    if (id == m_recordId)
        return;
    m_recordId = id;
    emit recordIdChanged();
    load();
}

void RecordForm::rebind()
{
    LocalStore *store = m_context ? m_context->store() : nullptr;
    Collection *collection = store && !m_appId.isEmpty() && !m_collectionName.isEmpty()
                                 ? store->collection(m_appId, m_collectionName)
                                 : nullptr;
    bind(collection, m_context ? m_context->moduleInfo(m_appId) : nullptr,
         m_context ? m_context->modules()->language() : QStringLiteral("en"));
}

void RecordForm::bind(Collection *collection, const ModuleInfo *info, const QString &language)
{
    if (m_collection)
        disconnect(m_collection, nullptr, this, nullptr);
    m_collection = collection;
    // A detail view follows edits made elsewhere (sync, another view); a
    // form the user is typing in is left alone.
    if (m_collection)
        connect(m_collection, &Collection::changed, this, [this](const QStringList &ids) {
            if (!m_recordId.isEmpty() && ids.contains(m_recordId) && !isDirty())
                load();
        });
    m_info = info;
    m_language = language;
    if (collection) {
        m_appId = collection->spec().appId;
        m_collectionName = collection->spec().wireName;
    }
    buildFields();
    load();
}

QString RecordForm::labelOf(const FieldSpec &field) const
{
    if (m_info) {
        const QString label = m_info->fieldLabel(m_collectionName, field.name, m_language);
        if (!label.isEmpty())
            return label;
    }
    return labelFromWireName(field.name);
}

EditorRange RecordForm::rangeOf(const FieldSpec &field) const
{
    EditorRange range;
    if (m_info) {
        range.minimum = m_info->fieldMinimum(m_collectionName, field.name);
        range.maximum = m_info->fieldMaximum(m_collectionName, field.name);
    }
    return range;
}

void RecordForm::buildFields()
{
    m_fields.clear();
    if (m_collection) {
        for (const FieldSpec &field : m_collection->spec().fields) {
            FormField entry;
            entry.name = field.name;
            entry.label = labelOf(field);
            entry.kind = fieldKindOf(editorKindOf(field));
            entry.optional = field.optional;
            if (field.type == FieldType::Enum) {
                for (const QString &value : field.enumValues) {
                    QString label = m_info ? m_info->choiceLabel(m_collectionName, field.name,
                                                                 value, m_language)
                                           : QString();
                    entry.choices.append(
                        {value, label.isEmpty() ? labelFromWireName(value) : label});
                }
            }
            const EditorRange range = rangeOf(field);
            entry.hasMinimum = range.minimum.has_value();
            entry.minimum = range.minimum.value_or(0);
            entry.hasMaximum = range.maximum.has_value();
            entry.maximum = range.maximum.value_or(0);
            if (m_info)
                entry.unit = m_info->fieldUnit(m_collectionName, field.name, m_language);
            if (field.type == FieldType::Reference)
                entry.referenceCollection = field.referencedCollection;
            m_fields.append(entry);
        }
    }
    emit fieldsChanged();
}

QJsonValue RecordForm::storedDefault(const FieldSpec &field) const
{
    if (!field.defaultValue.isUndefined())
        return field.defaultValue;
    if (field.optional)
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Boolean:
        return false;
    case FieldType::Enum:
        return field.enumValues.value(0);
    case FieldType::Number:
    case FieldType::Integer:
        return rangeOf(field).minimum.value_or(0);
    default:
        return QJsonValue::Null;
    }
}

void RecordForm::load()
{
    m_stored = {};
    if (m_collection && !m_recordId.isEmpty()) {
        if (const std::optional<QJsonObject> record = m_collection->get(m_recordId))
            m_stored = *record;
        else
            qCInfo(lcRecordForm) << "record" << m_recordId << "is gone from" << m_collectionName;
    }
    m_values.clear();
    if (m_collection) {
        for (const FieldSpec &field : m_collection->spec().fields) {
            const QJsonValue stored =
                m_recordId.isEmpty() ? storedDefault(field) : m_stored.value(field.name);
            m_values.insert(field.name, toEditorValue(field, stored, m_zone));
        }
    }
    m_loadedValues = m_values;
    setErrors({}, {});
    emit valuesChanged();
}

void RecordForm::revert()
{
    load();
}

void RecordForm::preset(const QVariantMap &storedValues)
{
    if (!m_collection)
        return;
    for (auto it = storedValues.begin(); it != storedValues.end(); ++it) {
        if (const FieldSpec *field = m_collection->spec().field(it.key()))
            m_values.insert(it.key(),
                            toEditorValue(*field, QJsonValue::fromVariant(it.value()), m_zone));
    }
    m_loadedValues = m_values;
    emit valuesChanged();
}

void RecordForm::setValue(const QString &field, const QVariant &value)
{
    if (m_values.value(field) == value)
        return;
    m_values.insert(field, value);
    if (m_fieldErrors.remove(field) > 0)
        emit errorChanged();
    emit valuesChanged();
}

QString RecordForm::heading() const
{
    if (m_recordId.isEmpty()) {
        if (m_info) {
            const QString text = m_info->newItemText(m_collectionName, m_language);
            if (!text.isEmpty())
                return text;
        }
        return tr("New record");
    }
    if (!m_collection)
        return {};
    const QString title = RecordPresentation(m_collection->spec()).title(m_stored);
    return title.isEmpty() ? tr("Untitled") : title;
}

QList<ReferenceChoice> RecordForm::referenceChoices(const QString &fieldName) const
{
    QList<ReferenceChoice> choices;
    const FieldSpec *field = m_collection ? m_collection->spec().field(fieldName) : nullptr;
    LocalStore *store = m_collection ? m_collection->store() : nullptr;
    if (!field || field->type != FieldType::Reference || !store)
        return choices;
    Collection *referenced = store->collection(m_appId, field->referencedCollection);
    if (!referenced)
        return choices;
    const RecordPresentation presentation(referenced->spec());
    QList<QPair<QString, QString>> entries;
    for (const QJsonObject &record : referenced->query()) {
        const QString title = presentation.title(record);
        entries.append({title.isEmpty() ? tr("Untitled") : title,
                        record.value(QStringLiteral("id")).toString()});
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(entries.begin(), entries.end(), [&](const auto &a, const auto &b) {
        return collator.compare(a.first, b.first) < 0;
    });
    for (const auto &[title, id] : entries)
        choices.append({id, title});
    return choices;
}

QString RecordForm::displayText(const QString &fieldName) const
{
    const FieldSpec *field = m_collection ? m_collection->spec().field(fieldName) : nullptr;
    if (!field)
        return {};
    const QJsonValue stored = m_stored.value(fieldName);
    if (stored.isNull() || stored.isUndefined())
        return {};
    if (editorKindOf(*field) == EditorKind::Blob)
        return tr("Attached file");
    switch (field->type) {
    case FieldType::Boolean:
        return stored.toBool() ? tr("Yes") : tr("No");
    case FieldType::Date: {
        const QDate date = QDate::fromString(stored.toString(), Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, QLocale::LongFormat) : stored.toString();
    }
    case FieldType::DateTime: {
        const QDateTime when = QDateTime::fromString(stored.toString(), Qt::ISODateWithMs);
        if (!when.isValid())
            return stored.toString();
        // The long date and the short time: no seconds, no zone name.
        const QDateTime local = when.toTimeZone(m_zone);
        return QLocale().toString(local.date(), QLocale::LongFormat) + QStringLiteral(", ") +
               QLocale().toString(local.time(), QLocale::ShortFormat);
    }
    case FieldType::Number:
    case FieldType::Integer: {
        QString text = QLocale().toString(stored.toDouble());
        const QString unit =
            m_info ? m_info->fieldUnit(m_collectionName, fieldName, m_language) : QString();
        return unit.isEmpty() ? text : text + QLatin1Char(' ') + unit;
    }
    case FieldType::Enum: {
        const QString label =
            m_info ? m_info->choiceLabel(m_collectionName, fieldName, stored.toString(), m_language)
                   : QString();
        return label.isEmpty() ? labelFromWireName(stored.toString()) : label;
    }
    case FieldType::Reference: {
        LocalStore *store = m_collection->store();
        Collection *referenced =
            store ? store->collection(m_appId, field->referencedCollection) : nullptr;
        const std::optional<QJsonObject> record =
            referenced ? referenced->get(stored.toString()) : std::nullopt;
        if (!record)
            return tr("(removed)");
        const QString title = RecordPresentation(referenced->spec()).title(*record);
        return title.isEmpty() ? tr("Untitled") : title;
    }
    case FieldType::Json:
        return readableJson(stored);
    default:
        return stored.toString();
    }
}

void RecordForm::setErrors(const QString &error, const QVariantMap &fieldErrors)
{
    if (error == m_error && fieldErrors == m_fieldErrors)
        return;
    m_error = error;
    m_fieldErrors = fieldErrors;
    emit errorChanged();
}

bool RecordForm::save()
{
    if (!m_collection) {
        setErrors(tr("No profile is open, so nothing can be saved."), {});
        return false;
    }
    QJsonObject values;
    QVariantMap fieldErrors;
    QString firstError;
    for (const FieldSpec &field : m_collection->spec().fields) {
        QString error;
        const std::optional<QJsonValue> stored = fromEditorValue(
            field, m_values.value(field.name), m_zone, labelOf(field), rangeOf(field), &error);
        if (!stored) {
            fieldErrors.insert(field.name, error);
            if (firstError.isEmpty())
                firstError = error;
            continue;
        }
        // An edit sends only what the user changed; a datetime re-read from
        // its minute-precision editor must not overwrite the stored seconds.
        if (!m_recordId.isEmpty() && m_values.value(field.name) == m_loadedValues.value(field.name))
            continue;
        values.insert(field.name, *stored);
    }
    if (!fieldErrors.isEmpty()) {
        setErrors(firstError, fieldErrors);
        return false;
    }
    if (!m_recordId.isEmpty() && values.isEmpty()) {
        setErrors({}, {});
        emit saved(m_recordId);
        return true;
    }
    const WriteResult result = m_recordId.isEmpty() ? m_collection->insert(values)
                                                    : m_collection->update(m_recordId, values);
    if (!result) {
        qCWarning(lcRecordForm) << "save in" << m_appId << m_collectionName
                                << "failed:" << storeErrorName(result.code()) << result.error;
        // In the window's language, naming the field by its label; a
        // refused field is marked as the editors' own checks mark it.
        const FieldSpec *field = m_collection->spec().field(result.failure.field);
        const QString sentence =
            storeErrorText(result.failure, field ? labelOf(*field) : QString());
        QVariantMap fieldErrors;
        if (field)
            fieldErrors.insert(field->name, sentence);
        setErrors(sentence, fieldErrors);
        return false;
    }
    const QString id = result.id.isEmpty() ? m_recordId : result.id;
    if (m_recordId != id) {
        m_recordId = id;
        emit recordIdChanged();
    }
    load();
    emit saved(id);
    return true;
}

} // namespace mana
