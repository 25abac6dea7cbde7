#include "recordrow.h"

#include "wire/jsontext.h"

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
    // Written as text directly (every remote change and local write stores
    // one): the same bytes a QJsonDocument of the entries would give, at a
    // fraction of the cost - it was a fifth of applying a pulled page.
    QByteArray text;
    text.reserve(64 + 80 * meta.size());
    text.append('{');
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        if (it != meta.begin())
            text.append(',');
        wire::appendJsonString(&text, it.key());
        text.append(":[");
        wire::appendJsonString(&text, it->updatedAt);
        text.append(',');
        wire::appendJsonString(&text, it->clientId);
        if (!it->extraValue.isUndefined()) {
            text.append(',');
            wire::appendJsonValue(&text, it->extraValue);
        }
        text.append(']');
    }
    text.append('}');
    return QString::fromUtf8(text);
}

} // namespace mana
