#include "changestore.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mana::server {

ChangeStore::~ChangeStore() = default;

QString ChangeStore::formatCursor(qint64 sequence) const
{
    return QStringLiteral("mana1:%1:%2").arg(databaseId()).arg(sequence);
}

qint64 ChangeStore::parseCursor(const QString &cursor, qint64 head) const
{
    const QStringList parts = cursor.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts.at(0) != QLatin1String("mana1") || parts.at(1) != databaseId())
        return 0;
    bool ok = false;
    const qint64 sequence = parts.at(2).toLongLong(&ok);
    // A cursor beyond the head means the log was reset (restored from an
    // older backup): resync from the start rather than miss changes.
    if (!ok || sequence < 0 || sequence > head)
        return 0;
    return sequence;
}

namespace {

// Qt's own writer for what the fast paths below leave to it (non-ASCII or
// escaped strings, fractions, arrays, objects), so the text stays exactly
// what QJsonDocument writes.
void appendQtJson(QString *out, const QJsonValue &value)
{
    QJsonArray wrapper;
    wrapper.append(value);
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    out->append(QString::fromUtf8(json.constData() + 1, json.size() - 2));
}

// Printable ASCII without quote or backslash is written as it is; the rest
// goes through Qt, whose escaping is the reference.
void appendJsonString(QString *out, const QString &text)
{
    for (const QChar character : text) {
        const char16_t unit = character.unicode();
        if (unit < 0x20 || unit >= 0x7f || unit == u'"' || unit == u'\\') {
            appendQtJson(out, text);
            return;
        }
    }
    out->append(QLatin1Char('"'));
    out->append(text);
    out->append(QLatin1Char('"'));
}

void appendJsonValue(QString *out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        out->append(QLatin1String("null"));
        return;
    case QJsonValue::Bool:
        out->append(value.toBool() ? QLatin1String("true") : QLatin1String("false"));
        return;
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        return;
    case QJsonValue::Double: {
        // Qt writes integers as integers and doubles in shortest form
        // (1e+06); only the integer case is cheap to get right here.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger()) {
            out->append(QString::number(number.toInteger()));
            return;
        }
        break;
    }
    default:
        break;
    }
    appendQtJson(out, value);
}

void appendRecordStateJson(QString *out, const RecordState &state)
{
    // The same text as a QJsonDocument of the state: keys sorted (QMap
    // order for fields; clientId < updatedAt < value inside), compact. A
    // push writes every state and log entry, and building QJsonObjects for
    // them cost a quarter of the push.
    out->append(QLatin1Char('{'));
    bool first = true;
    for (auto it = state.begin(); it != state.end(); ++it) {
        if (!first)
            out->append(QLatin1Char(','));
        first = false;
        appendJsonString(out, it.key());
        out->append(QLatin1Char(':'));
        out->append(QLatin1Char('{'));
        if (!it->clientId.isEmpty()) {
            out->append(QLatin1String("\"clientId\":"));
            appendJsonString(out, it->clientId);
            out->append(QLatin1Char(','));
        }
        out->append(QLatin1String("\"updatedAt\":"));
        appendJsonString(out, it->updatedAt);
        out->append(QLatin1String(",\"value\":"));
        appendJsonValue(out, it->value);
        out->append(QLatin1Char('}'));
    }
    out->append(QLatin1Char('}'));
}

} // namespace

QString recordStateToJsonText(const RecordState &state)
{
    QString text;
    text.reserve(64 * state.size() + 2);
    appendRecordStateJson(&text, state);
    return text;
}

QByteArray recordStateToJson(const RecordState &state)
{
    return recordStateToJsonText(state).toUtf8();
}

std::optional<RecordState> recordStateFromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    RecordState state;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject field = it.value().toObject();
        state.insert(it.key(), FieldState{field.value(QStringLiteral("value")),
                                          field.value(QStringLiteral("updatedAt")).toString(),
                                          field.value(QStringLiteral("clientId")).toString()});
    }
    return state;
}

} // namespace mana::server
