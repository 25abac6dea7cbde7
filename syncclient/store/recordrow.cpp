#include "recordrow.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mana {

QString quoteIdentifier(const QString &name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QVariant columnValue(const FieldSpec &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    switch (field.type) {
    case FieldType::Boolean:
        return value.toBool() ? 1 : 0;
    case FieldType::Integer:
        return qlonglong(value.toDouble());
    case FieldType::Number:
        return value.toDouble();
    case FieldType::Json:
        return QString::fromUtf8(canonicalJson(value));
    default:
        return value.toString();
    }
}

QJsonValue jsonValue(const FieldSpec &field, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Boolean:
        return value.toLongLong() != 0;
    case FieldType::Integer:
        return value.toLongLong();
    case FieldType::Number:
        return value.toDouble();
    case FieldType::Json: {
        // Stored as the canonical JSON of the value, which may be a scalar.
        const QJsonDocument document = QJsonDocument::fromJson("[" + value.toByteArray() + "]");
        return document.array().isEmpty() ? QJsonValue::Null : document.array().first();
    }
    default:
        return value.toString();
    }
}

FieldMetaMap parseFieldMeta(const QString &json)
{
    FieldMetaMap meta;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonArray entry = it.value().toArray();
        meta.insert(it.key(),
                    FieldMeta{entry.at(0).toString(), entry.at(1).toString(),
                              entry.size() > 2 ? entry.at(2) : QJsonValue(QJsonValue::Undefined)});
    }
    return meta;
}

QString serializeFieldMeta(const FieldMetaMap &meta)
{
    QJsonObject object;
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        QJsonArray entry{it->updatedAt, it->clientId};
        if (!it->extraValue.isUndefined())
            entry.append(it->extraValue);
        object.insert(it.key(), entry);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace mana
