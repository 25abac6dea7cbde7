// Change and SyncResponse as JSON text written straight into a QByteArray
// (the push body, the server's answers): the same bytes as their toJson()
// through QJsonDocument, without building the objects first.
#include "change.h"

#include "jsontext.h"

#include <QVarLengthArray>

namespace mana::wire {

namespace {

// Writes one JSON object member by member; the text follows the key order
// the caller gives (callers give Qt's sorted order, so the text matches
// QJsonDocument's byte for byte).
class ObjectText
{
public:
    explicit ObjectText(QByteArray *out)
        : m_out(out)
    {
        m_out->append('{');
    }

    // `name` is plain ASCII needing no escape.
    QByteArray *key(const char *name)
    {
        separate();
        m_out->append('"').append(name).append("\":");
        return m_out;
    }

    QByteArray *key(QStringView name)
    {
        separate();
        appendJsonString(m_out, name);
        m_out->append(':');
        return m_out;
    }

    void close() { m_out->append('}'); }

private:
    void separate()
    {
        if (!m_first)
            m_out->append(',');
        m_first = false;
    }

    QByteArray *m_out;
    bool m_first = true;
};

// The latest field timestamp: the updatedAt of the `data` Change::toJson()
// derives for an insert given as fields alone.
QString latestStamp(const QMap<QString, FieldState> &fields)
{
    QString latest;
    for (const FieldState &field : fields)
        latest = std::max(latest, field.updatedAt);
    return latest;
}

QJsonValue valueOrNull(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue() : value;
}

// What the derived `data` holds under `key` (see Change::toJson()): the
// field's value, except that `id` and `updatedAt` are the record's.
QJsonValue derivedDataValue(const Change &change, const QString &key, const QString &latest)
{
    if (key == QLatin1String("id"))
        return change.id;
    if (key == QLatin1String("updatedAt"))
        return latest;
    const auto field = change.fields.constFind(key);
    return field == change.fields.constEnd() ? QJsonValue(QJsonValue::Undefined)
                                             : valueOrNull(field->value);
}

// The derived `data` as text, its keys in sorted order: the fields merged
// with `createdAt` (unless a field has it), `id` and `updatedAt`.
void appendDerivedData(QByteArray *out, const Change &change, const QString &latest)
{
    struct Extra
    {
        QLatin1String key;
        const QString *value;
    };
    QVarLengthArray<Extra, 3> extras; // sorted by key
    if (!change.fields.contains(QStringLiteral("createdAt")))
        extras.append({QLatin1String("createdAt"), &latest});
    extras.append({QLatin1String("id"), &change.id});
    extras.append({QLatin1String("updatedAt"), &latest});

    ObjectText data(out);
    qsizetype next = 0;
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        while (next < extras.size() && QStringView(it.key()).compare(extras[next].key) > 0) {
            appendJsonString(data.key(extras[next].key.data()), *extras[next].value);
            ++next;
        }
        if (next < extras.size() && it.key() == extras[next].key)
            continue; // the record's own id or updatedAt wins over a field
        appendJsonValue(data.key(it.key()), valueOrNull(it->value));
    }
    for (; next < extras.size(); ++next)
        appendJsonString(data.key(extras[next].key.data()), *extras[next].value);
    data.close();
}

// Change::toJson()'s rule for leaving `fields` out, on the change itself
// rather than on the JSON built from it.
bool isUniformInsertBy(const Change &change, const QString &pusher, const QString &latest)
{
    if (change.op != ChangeOp::Insert || pusher.isEmpty() || change.fields.isEmpty())
        return false;
    // An insert with fields and no data gets the derived data.
    const bool derived = change.data.isEmpty();
    const QString &stamp = change.fields.begin()->updatedAt;
    const QString dataUpdatedAt =
        derived ? latest : change.data.value(QLatin1String("updatedAt")).toString();
    if (dataUpdatedAt != stamp)
        return false;
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        if (it->clientId != pusher || it->updatedAt != stamp)
            return false;
        const QJsonValue inData =
            derived ? derivedDataValue(change, it.key(), latest) : change.data.value(it.key());
        if (!(it->value.isUndefined() ? inData.isNull() : inData == it->value))
            return false;
    }
    return true;
}

} // namespace

void appendFieldStatesJson(QByteArray *out, const RecordState &fields)
{
    ObjectText json(out);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        ObjectText entry(json.key(it.key()));
        if (!it->clientId.isEmpty())
            appendJsonString(entry.key("clientId"), it->clientId);
        appendJsonString(entry.key("updatedAt"), it->updatedAt);
        appendJsonValue(entry.key("value"), valueOrNull(it->value));
        entry.close();
    }
    json.close();
}

void Change::appendJson(QByteArray *out, const QString &pusher) const
{
    const bool derivesData = data.isEmpty() && op == ChangeOp::Insert && !fields.isEmpty();
    const QString latest = derivesData ? latestStamp(fields) : QString();
    // Keys in QJsonObject's (sorted) order.
    ObjectText json(out);
    if (!data.isEmpty())
        appendJsonObject(json.key("data"), data);
    else if (derivesData)
        appendDerivedData(json.key("data"), *this, latest);
    if (!deletedAt.isEmpty())
        appendJsonString(json.key("deletedAt"), deletedAt);
    if (!fields.isEmpty() && !isUniformInsertBy(*this, pusher, latest))
        appendFieldStatesJson(json.key("fields"), fields);
    appendJsonString(json.key("id"), id);
    appendJsonString(json.key("op"), toString(op));
    appendJsonString(json.key("table"), table);
    json.close();
}

QByteArray SyncResponse::toJsonText() const
{
    QByteArray out;
    // Roughly what a change of a typical record takes, so that a full page
    // is written without reallocating on the way.
    out.reserve(256 + 256 * serverChanges.size());
    // Keys in QJsonObject's (sorted) order; presence as in toJson().
    ObjectText json(&out);
    if (accepted)
        appendJsonValue(json.key("accepted"), *accepted);
    if (!adjusted.isEmpty() || accepted) {
        QByteArray *adjustedText = json.key("adjusted");
        adjustedText->append('[');
        for (const AdjustedTimestamp &entry : adjusted) {
            if (&entry != &adjusted.first())
                adjustedText->append(',');
            ObjectText entryText(adjustedText);
            appendJsonString(entryText.key("field"), entry.field);
            appendJsonString(entryText.key("id"), entry.id);
            appendJsonString(entryText.key("table"), entry.table);
            appendJsonString(entryText.key("updatedAt"), entry.updatedAt);
            entryText.close();
        }
        adjustedText->append(']');
    }
    appendJsonArray(json.key("conflicts"), conflicts);
    if (hasMore)
        appendJsonValue(json.key("hasMore"), *hasMore);
    QByteArray *changesText = json.key("serverChanges");
    changesText->append('[');
    for (const Change &change : serverChanges) {
        if (&change != &serverChanges.first())
            changesText->append(',');
        change.appendJson(changesText);
    }
    changesText->append(']');
    appendJsonString(json.key("syncedUntil"), syncedUntil);
    json.close();
    return out;
}

} // namespace mana::wire
