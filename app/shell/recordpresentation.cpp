#include "recordpresentation.h"

#include <QDateTime>
#include <QLocale>

namespace mana {

namespace {

bool isTextual(const FieldSpec &field)
{
    return field.type == FieldType::String || field.type == FieldType::Text ||
           field.type == FieldType::Enum;
}

QString displayValue(const FieldSpec *field, const QJsonValue &value)
{
    if (!field || value.isNull() || value.isUndefined())
        return {};
    switch (field->type) {
    case FieldType::DateTime: {
        const QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                              : value.toString();
    }
    case FieldType::Boolean:
        return value.toBool() ? QStringLiteral("✓") : QString();
    case FieldType::Number:
    case FieldType::Integer:
        return QLocale().toString(value.toDouble());
    case FieldType::Json:
        return {};
    default:
        // One line: a multi-line note shows its first line only.
        return value.toString().section(QLatin1Char('\n'), 0, 0).simplified();
    }
}

} // namespace

RecordPresentation::RecordPresentation(const CollectionSpec &spec)
    : m_spec(spec)
{
    static const QStringList titleNames{
        QStringLiteral("title"), QStringLiteral("name"),     QStringLiteral("label"),
        QStringLiteral("front"), QStringLiteral("question"), QStringLiteral("content"),
        QStringLiteral("text"),  QStringLiteral("summary"),  QStringLiteral("displayName")};
    static const QStringList subtitleNames{
        QStringLiteral("description"), QStringLiteral("subtitle"), QStringLiteral("notes"),
        QStringLiteral("note"),        QStringLiteral("back"),     QStringLiteral("answer"),
        QStringLiteral("email"),       QStringLiteral("dueDate"),  QStringLiteral("startAt"),
        QStringLiteral("date"),        QStringLiteral("body"),     QStringLiteral("location")};

    const FieldSpec *firstName = spec.field(u"firstName");
    const FieldSpec *lastName = spec.field(u"lastName");
    m_personName = firstName && lastName && isTextual(*firstName) && isTextual(*lastName);
    for (const QString &name : titleNames) {
        const FieldSpec *field = spec.field(name);
        if (field && isTextual(*field)) {
            m_titleField = name;
            break;
        }
    }
    if (m_titleField.isEmpty()) {
        for (const FieldSpec &field : spec.fields) {
            if (field.type == FieldType::String || field.type == FieldType::Text) {
                m_titleField = field.name;
                break;
            }
        }
    }
    for (const QString &name : subtitleNames) {
        if (name != m_titleField && spec.field(name)) {
            m_subtitleField = name;
            break;
        }
    }
    // Colours and icon names are codes, not something to read.
    static const QStringList codeFields{QStringLiteral("color"), QStringLiteral("icon"),
                                        QStringLiteral("colour")};
    if (m_subtitleField.isEmpty()) {
        for (const FieldSpec &field : spec.fields) {
            if (field.name != m_titleField && isTextual(field) &&
                !codeFields.contains(field.name)) {
                m_subtitleField = field.name;
                break;
            }
        }
    }
    // A manual order wins; otherwise the newest record is on top.
    if (const FieldSpec *order = spec.field(u"order");
        order && (order->type == FieldType::Number || order->type == FieldType::Integer)) {
        m_sortField = QStringLiteral("order");
    } else {
        m_sortField = QStringLiteral("createdAt");
        m_sortDescending = true;
    }
}

QString RecordPresentation::title(const QJsonObject &record) const
{
    if (m_personName) {
        const QString first = record.value(QStringLiteral("firstName")).toString().simplified();
        const QString last = record.value(QStringLiteral("lastName")).toString().simplified();
        const QString name = (first + QLatin1Char(' ') + last).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return displayValue(m_spec.field(m_titleField), record.value(m_titleField));
}

QString RecordPresentation::subtitle(const QJsonObject &record) const
{
    return displayValue(m_spec.field(m_subtitleField), record.value(m_subtitleField));
}

bool RecordPresentation::lessThan(const QJsonObject &a, const QJsonObject &b) const
{
    const QJsonValue left = a.value(m_sortField);
    const QJsonValue right = b.value(m_sortField);
    if (left != right) {
        // Nulls last in either direction.
        if (left.isNull())
            return false;
        if (right.isNull())
            return true;
        const bool less = left.isDouble() ? left.toDouble() < right.toDouble()
                                          : left.toString() < right.toString();
        return m_sortDescending ? !less : less;
    }
    return a.value(QStringLiteral("id")).toString() < b.value(QStringLiteral("id")).toString();
}

} // namespace mana
