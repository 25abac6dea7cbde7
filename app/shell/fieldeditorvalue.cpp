#include "fieldeditorvalue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace mana {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FieldEditor", text);
}

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");
const QString kDateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

bool isEmptyEditor(const QVariant &editor)
{
    if (!editor.isValid() || editor.isNull())
        return true;
    if (editor.typeId() == QMetaType::QString)
        return editor.toString().trimmed().isEmpty();
    return false;
}

// Accepts "2026-12-01 09:30", "2026-12-01T09:30" and a date alone (midnight).
QDateTime parseLocalDateTime(QString text, const QTimeZone &zone)
{
    text = text.trimmed().replace(QLatin1Char('T'), QLatin1Char(' '));
    const QStringList parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > 2)
        return {};
    const QDate date = QDate::fromString(parts.at(0), kDateFormat);
    QTime time(0, 0);
    if (parts.size() == 2) {
        time = QTime::fromString(parts.at(1), QStringLiteral("H:mm"));
        if (!time.isValid())
            time = QTime::fromString(parts.at(1), QStringLiteral("H:mm:ss"));
    }
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, zone);
}

// Numbers typed with the locale's decimal comma or point both work.
std::optional<double> parseNumber(const QVariant &editor)
{
    if (editor.typeId() != QMetaType::QString) {
        bool ok = false;
        const double number = editor.toDouble(&ok);
        return ok && std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
    }
    const QString text = editor.toString().trimmed();
    bool ok = false;
    double number = QLocale().toDouble(text, &ok);
    if (!ok)
        number =
            QLocale::c().toDouble(QString(text).replace(QLatin1Char(','), QLatin1Char('.')), &ok);
    return ok && std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

QString readableScalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("—");
    default:
        return QString::fromUtf8(
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

QString itemTitle(const QJsonObject &item)
{
    for (const char *key : {"title", "name", "label", "text", "id"}) {
        const QJsonValue value = item.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    return {};
}

} // namespace

EditorKind editorKindOf(const FieldSpec &field)
{
    if (field.type == FieldType::String && field.name.endsWith(u"Blob"))
        return EditorKind::Blob;
    switch (field.type) {
    case FieldType::String:
        return EditorKind::Line;
    case FieldType::Text:
        return EditorKind::MultiLine;
    case FieldType::Number:
        return EditorKind::Number;
    case FieldType::Integer:
        return EditorKind::Integer;
    case FieldType::Boolean:
        return EditorKind::Toggle;
    case FieldType::Date:
        return EditorKind::Date;
    case FieldType::DateTime:
        return EditorKind::DateTime;
    case FieldType::Json:
        return EditorKind::Json;
    case FieldType::Enum:
        return EditorKind::Choice;
    case FieldType::Reference:
        return EditorKind::Reference;
    }
    return EditorKind::Line;
}

QString editorKindName(EditorKind kind)
{
    switch (kind) {
    case EditorKind::Line:
        return QStringLiteral("line");
    case EditorKind::MultiLine:
        return QStringLiteral("multiLine");
    case EditorKind::Number:
        return QStringLiteral("number");
    case EditorKind::Integer:
        return QStringLiteral("integer");
    case EditorKind::Toggle:
        return QStringLiteral("toggle");
    case EditorKind::Choice:
        return QStringLiteral("choice");
    case EditorKind::Date:
        return QStringLiteral("date");
    case EditorKind::DateTime:
        return QStringLiteral("dateTime");
    case EditorKind::Reference:
        return QStringLiteral("reference");
    case EditorKind::Json:
        return QStringLiteral("json");
    case EditorKind::Blob:
        return QStringLiteral("blob");
    }
    return QStringLiteral("line");
}

FieldKind::Value fieldKindOf(EditorKind kind)
{
    switch (kind) {
    case EditorKind::Line:
        return FieldKind::Line;
    case EditorKind::MultiLine:
        return FieldKind::MultiLine;
    case EditorKind::Number:
        return FieldKind::Number;
    case EditorKind::Integer:
        return FieldKind::Integer;
    case EditorKind::Toggle:
        return FieldKind::Toggle;
    case EditorKind::Choice:
        return FieldKind::Choice;
    case EditorKind::Date:
        return FieldKind::Date;
    case EditorKind::DateTime:
        return FieldKind::DateTime;
    case EditorKind::Reference:
        return FieldKind::Reference;
    case EditorKind::Json:
        return FieldKind::Json;
    case EditorKind::Blob:
        return FieldKind::Blob;
    }
    return FieldKind::Line;
}

QVariant toEditorValue(const FieldSpec &field, const QJsonValue &stored, const QTimeZone &zone)
{
    const bool empty = stored.isNull() || stored.isUndefined();
    switch (editorKindOf(field)) {
    case EditorKind::Toggle:
        return stored.toBool(false);
    case EditorKind::Number:
        return empty ? QVariant() : QVariant(stored.toDouble());
    case EditorKind::Integer:
        return empty ? QVariant() : QVariant(qint64(stored.toDouble()));
    case EditorKind::DateTime: {
        if (empty)
            return QString();
        const QDateTime when = QDateTime::fromString(stored.toString(), Qt::ISODateWithMs);
        return when.isValid() ? when.toTimeZone(zone).toString(kDateTimeFormat) : stored.toString();
    }
    case EditorKind::Json:
        if (empty)
            return QString();
        if (stored.isArray())
            return QString::fromUtf8(
                       QJsonDocument(stored.toArray()).toJson(QJsonDocument::Indented))
                .trimmed();
        if (stored.isObject())
            return QString::fromUtf8(
                       QJsonDocument(stored.toObject()).toJson(QJsonDocument::Indented))
                .trimmed();
        // A scalar JSON value: its JSON spelling, so a string keeps its quotes.
        return QString::fromUtf8(QJsonDocument(QJsonArray{stored}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    default:
        return empty ? QString() : stored.toString();
    }
}

std::optional<QJsonValue> fromEditorValue(const FieldSpec &field, const QVariant &editor,
                                          const QTimeZone &zone, const QString &label,
                                          const EditorRange &range, QString *error)
{
    const EditorKind kind = editorKindOf(field);
    if (kind != EditorKind::Toggle && isEmptyEditor(editor)) {
        if (field.optional)
            return QJsonValue(QJsonValue::Null);
        *error = tr("“%1” cannot be empty.").arg(label);
        return std::nullopt;
    }
    switch (kind) {
    case EditorKind::Line:
    case EditorKind::MultiLine: {
        // A one-line field never stores a line break pasted into it.
        QString text = editor.toString();
        if (kind == EditorKind::Line)
            text = text.simplified();
        return QJsonValue(text);
    }
    case EditorKind::Toggle:
        return QJsonValue(editor.toBool());
    case EditorKind::Number:
    case EditorKind::Integer: {
        const std::optional<double> number = parseNumber(editor);
        if (!number) {
            *error = tr("“%1” must be a number.").arg(label);
            return std::nullopt;
        }
        if (kind == EditorKind::Integer && std::trunc(*number) != *number) {
            *error = tr("“%1” must be a whole number.").arg(label);
            return std::nullopt;
        }
        if ((range.minimum && *number < *range.minimum) ||
            (range.maximum && *number > *range.maximum)) {
            if (range.minimum && range.maximum)
                *error = tr("“%1” must be between %2 and %3.")
                             .arg(label, QLocale().toString(*range.minimum),
                                  QLocale().toString(*range.maximum));
            else if (range.minimum)
                *error =
                    tr("“%1” must be at least %2.").arg(label, QLocale().toString(*range.minimum));
            else
                *error =
                    tr("“%1” must be at most %2.").arg(label, QLocale().toString(*range.maximum));
            return std::nullopt;
        }
        return kind == EditorKind::Integer ? QJsonValue(qint64(*number)) : QJsonValue(*number);
    }
    case EditorKind::Choice: {
        const QString value = editor.toString();
        if (!field.enumValues.contains(value)) {
            *error = tr("Choose a value for “%1”.").arg(label);
            return std::nullopt;
        }
        return QJsonValue(value);
    }
    case EditorKind::Date: {
        const QDate date = QDate::fromString(editor.toString().trimmed(), kDateFormat);
        if (!date.isValid()) {
            *error = tr("“%1” needs a date like %2.")
                         .arg(label, QDate(2026, 3, 26).toString(kDateFormat));
            return std::nullopt;
        }
        return QJsonValue(date.toString(Qt::ISODate));
    }
    case EditorKind::DateTime: {
        const QDateTime when = parseLocalDateTime(editor.toString(), zone);
        if (!when.isValid()) {
            *error = tr("“%1” needs a date and time like %2.")
                         .arg(label, QStringLiteral("2026-03-26 14:30"));
            return std::nullopt;
        }
        return QJsonValue(when.toUTC().toString(Qt::ISODateWithMs));
    }
    case EditorKind::Reference:
    case EditorKind::Blob:
        return QJsonValue(editor.toString());
    case EditorKind::Json: {
        const QByteArray text = editor.toString().toUtf8();
        QJsonParseError parseError;
        // Wrapping accepts a scalar ("42", "\"text\"") as well as objects and arrays.
        const QJsonDocument document = QJsonDocument::fromJson("[" + text + "\n]", &parseError);
        if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
            const int offset = std::max(0, parseError.offset - 1);
            const int line = int(text.left(offset).count('\n')) + 1;
            *error =
                tr("“%1” is not valid JSON (line %2: %3).")
                    .arg(label)
                    .arg(line)
                    .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                      : tr("more than one value"));
            return std::nullopt;
        }
        return document.array().at(0);
    }
    }
    return std::nullopt;
}

QString readableJson(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList lines;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject()) {
                const QJsonObject object = item.toObject();
                const QString title = itemTitle(object);
                if (object.contains(QStringLiteral("isCompleted")))
                    lines.append((object.value(QStringLiteral("isCompleted")).toBool()
                                      ? QStringLiteral("☑ ")
                                      : QStringLiteral("☐ ")) +
                                 title);
                else if (!title.isEmpty())
                    lines.append(QStringLiteral("• ") + title);
                else
                    lines.append(QStringLiteral("• ") + readableScalar(item));
            } else {
                lines.append(QStringLiteral("• ") + readableScalar(item));
            }
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (value.isObject()) {
        QStringList lines;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            lines.append(it.key() + QStringLiteral(": ") + readableScalar(it.value()));
        return lines.join(QLatin1Char('\n'));
    }
    return readableScalar(value);
}

} // namespace mana
