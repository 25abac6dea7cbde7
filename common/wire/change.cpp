#include "change.h"

#include "jsontextcheck.h"
#include "timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QRegularExpression>
#include <functional>

namespace mana::wire {

namespace {

const QString kBadRequest = QStringLiteral("bad_request: ");

// Collects the first problem found while reading a JSON tree, with the path
// to it ("changes[3].fields.title.updatedAt: not a timestamp").
// Where in a document a reader is, as "changes[12].fields.title": built
// only when something fails. Most reads succeed, and building the path of
// every change and field was a third of reading a pulled page.
using LazyPath = std::function<QString()>;

class Reader
{
public:
    explicit Reader(QString *error)
        : m_error(error)
    {}

    bool fail(const QString &path, const QString &reason)
    {
        if (m_error)
            *m_error =
                kBadRequest + (path.isEmpty() ? reason : path + QStringLiteral(": ") + reason);
        return false;
    }

    bool string(const QJsonObject &object, const QString &key, const LazyPath &path, QString *out,
                bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || (!required && value.isNull())) {
            if (required)
                return fail(join(path(), key), QStringLiteral("missing"));
            out->clear();
            return true;
        }
        if (!value.isString())
            return fail(join(path(), key), QStringLiteral("not a string"));
        *out = value.toString();
        return true;
    }
    bool string(const QJsonObject &object, const QString &key, const QString &path, QString *out,
                bool required = true)
    {
        return string(object, key, LazyPath([&path] { return path; }), out, required);
    }

    bool timestamp(const QJsonValue &value, const LazyPath &path, QString *out)
    {
        if (!value.isString())
            return fail(path(), QStringLiteral("not a timestamp (expected a string)"));
        const auto canonical = canonicalTimestamp(value.toString());
        if (!canonical)
            return fail(path(),
                        QStringLiteral("not a timestamp: \"%1\"").arg(value.toString().left(40)));
        *out = *canonical;
        return true;
    }
    bool timestamp(const QJsonValue &value, const QString &path, QString *out)
    {
        return timestamp(value, LazyPath([&path] { return path; }), out);
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

private:
    QString *m_error;
};

bool readFields(Reader &reader, const QJsonValue &json, const LazyPath &path,
                QMap<QString, FieldState> *fields)
{
    if (!json.isObject())
        return reader.fail(path(), QStringLiteral("not an object"));
    const QJsonObject object = json.toObject();
    if (object.size() > kMaxFieldsPerChange)
        return reader.fail(
            path(), QStringLiteral("more than %1 fields in one change").arg(kMaxFieldsPerChange));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const LazyPath fieldPath = [&] { return Reader::join(path(), it.key()); };
        if (!isValidName(it.key()))
            return reader.fail(fieldPath(), QStringLiteral("not a valid field name"));
        if (!it.value().isObject())
            return reader.fail(fieldPath(),
                               QStringLiteral("not an object with value and updatedAt"));
        const QJsonObject entry = it.value().toObject();
        FieldState state;
        if (!entry.contains(QLatin1String("value")))
            return reader.fail(Reader::join(fieldPath(), QStringLiteral("value")),
                               QStringLiteral("missing"));
        state.value = entry.value(QLatin1String("value"));
        if (!entry.contains(QLatin1String("updatedAt")))
            return reader.fail(Reader::join(fieldPath(), QStringLiteral("updatedAt")),
                               QStringLiteral("missing"));
        if (!reader.timestamp(
                entry.value(QLatin1String("updatedAt")),
                [&] { return Reader::join(fieldPath(), QStringLiteral("updatedAt")); },
                &state.updatedAt))
            return false;
        if (!reader.string(entry, QStringLiteral("clientId"), fieldPath, &state.clientId, false))
            return false;
        fields->insert(it.key(), state);
    }
    return true;
}

bool readChange(Reader &reader, const QJsonValue &json, const LazyPath &path, Change *change)
{
    if (!json.isObject())
        return reader.fail(path(), QStringLiteral("a change must be an object"));
    const QJsonObject object = json.toObject();

    if (!reader.string(object, QStringLiteral("table"), path, &change->table))
        return false;
    if (!isValidName(change->table))
        return reader.fail(
            Reader::join(path(), QStringLiteral("table")),
            QStringLiteral("\"%1\" is not a valid table name").arg(change->table.left(70)));
    if (!reader.string(object, QStringLiteral("id"), path, &change->id))
        return false;
    if (!isValidRecordId(change->id))
        return reader.fail(Reader::join(path(), QStringLiteral("id")),
                           QStringLiteral("must be 1 to %1 bytes without control characters")
                               .arg(kMaxRecordIdBytes));
    QString opText;
    if (!reader.string(object, QStringLiteral("op"), path, &opText))
        return false;
    const auto op = changeOpFromString(opText);
    if (!op)
        return reader.fail(Reader::join(path(), QStringLiteral("op")),
                           QStringLiteral("unknown op \"%1\"").arg(opText.left(20)));
    change->op = *op;

    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isNull()) {
        const LazyPath dataPath = [&] { return Reader::join(path(), QStringLiteral("data")); };
        if (!data.isObject())
            return reader.fail(dataPath(), QStringLiteral("not an object"));
        QJsonObject normalized = data.toObject();
        if (normalized.size() > kMaxFieldsPerChange)
            return reader.fail(
                dataPath(),
                QStringLiteral("more than %1 fields in one change").arg(kMaxFieldsPerChange));
        for (auto it = normalized.begin(); it != normalized.end(); ++it) {
            if (!isValidName(it.key()))
                return reader.fail(Reader::join(dataPath(), it.key()),
                                   QStringLiteral("not a valid field name"));
        }
        for (const QString &key : {QStringLiteral("createdAt"), QStringLiteral("updatedAt")}) {
            if (!normalized.contains(key) || normalized.value(key).isNull())
                continue;
            QString canonical;
            if (!reader.timestamp(
                    normalized.value(key), [&] { return Reader::join(dataPath(), key); },
                    &canonical))
                return false;
            normalized.insert(key, canonical);
        }
        change->data = normalized;
    }

    const QJsonValue fields = object.value(QLatin1String("fields"));
    if (!fields.isUndefined() && !fields.isNull() &&
        !readFields(
            reader, fields, [&] { return Reader::join(path(), QStringLiteral("fields")); },
            &change->fields))
        return false;

    const QJsonValue deletedAt = object.value(QLatin1String("deletedAt"));
    if (change->op == ChangeOp::Delete || (!deletedAt.isUndefined() && !deletedAt.isNull())) {
        if (deletedAt.isUndefined() || deletedAt.isNull())
            return reader.fail(Reader::join(path(), QStringLiteral("deletedAt")),
                               QStringLiteral("missing (a delete needs it)"));
        if (!reader.timestamp(
                deletedAt, [&] { return Reader::join(path(), QStringLiteral("deletedAt")); },
                &change->deletedAt))
            return false;
    }

    switch (change->op) {
    case ChangeOp::Insert:
        if (change->fields.isEmpty()) {
            if (change->data.isEmpty())
                return reader.fail(path(), QStringLiteral("an insert needs data or fields"));
            const bool hasTime = change->data.value(QLatin1String("updatedAt")).isString() ||
                                 change->data.value(QLatin1String("createdAt")).isString();
            if (!hasTime)
                return reader.fail(
                    Reader::join(path(), QStringLiteral("data")),
                    QStringLiteral("an insert without fields needs updatedAt or createdAt"));
        }
        break;
    case ChangeOp::Update:
        if (change->fields.isEmpty())
            return reader.fail(Reader::join(path(), QStringLiteral("fields")),
                               QStringLiteral("an update needs at least one field"));
        break;
    case ChangeOp::Delete:
        break;
    }
    return true;
}

} // namespace

bool isValidName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!(letter || (i > 0 && digit)))
            return false;
    }
    return true;
}

bool isValidAppId(QStringView appId)
{
    if (appId.isEmpty() || appId.size() > 32)
        return false;
    for (qsizetype i = 0; i < appId.size(); ++i) {
        const char16_t c = appId[i].unicode();
        const bool lower = c >= u'a' && c <= u'z';
        const bool rest = (c >= u'0' && c <= u'9') || c == u'-';
        if (!(lower || (i > 0 && rest)))
            return false;
    }
    return true;
}

bool isValidRecordId(QStringView id)
{
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return id.toUtf8().size() <= kMaxRecordIdBytes;
}

int jsonDepth(const QJsonValue &value)
{
    int inner = 0;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            inner = std::max(inner, jsonDepth(item));
        return inner + 1;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            inner = std::max(inner, jsonDepth(it.value()));
        return inner + 1;
    }
    return 0;
}

std::optional<QJsonDocument> parseBody(const QByteArray &body, QString *error, qsizetype maxBytes,
                                       int maxDepth)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (body.size() > maxBytes)
        return fail(
            QStringLiteral("payload_too_large: the body has %1 bytes, at most %2 are accepted")
                .arg(body.size())
                .arg(maxBytes));
    if (body.trimmed().isEmpty())
        return fail(QStringLiteral("invalid_json: the body is empty"));

    const TextFacts facts = scanText(body);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (facts.depth > maxDepth)
            return fail(QStringLiteral("bad_request: nesting deeper than %1").arg(maxDepth));
        return fail(QStringLiteral("invalid_json: %1 at offset %2")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    if (facts.depth > maxDepth)
        return fail(QStringLiteral("bad_request: nesting deeper than %1").arg(maxDepth));
    if (facts.controlCharacterAt >= 0)
        return fail(QStringLiteral("invalid_json: a control character inside a string at "
                                   "offset %1 (write it as an escape, e.g. \\n)")
                        .arg(facts.controlCharacterAt));
    const qsizetype parsedKeys = document.isObject() ? countKeys(document.object())
                                                     : countKeys(QJsonValue(document.array()));
    if (parsedKeys != facts.keys)
        return fail(QStringLiteral("invalid_json: an object has the key \"%1\" twice")
                        .arg(QString::fromUtf8(firstDuplicateKey(body).left(64))));
    return document;
}

QString toString(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Insert:
        return QStringLiteral("insert");
    case ChangeOp::Update:
        return QStringLiteral("update");
    case ChangeOp::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

std::optional<ChangeOp> changeOpFromString(QStringView text)
{
    if (text == u"insert")
        return ChangeOp::Insert;
    if (text == u"update")
        return ChangeOp::Update;
    if (text == u"delete")
        return ChangeOp::Delete;
    return std::nullopt;
}

QJsonObject Change::toJson(const QString &pusher) const
{
    QJsonObject json{{QStringLiteral("table"), table},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("op"), toString(op)}};
    if (!data.isEmpty()) {
        json.insert(QStringLiteral("data"), data);
    } else if (op == ChangeOp::Insert && !fields.isEmpty()) {
        // A server that knows only the original protocol reads `data`:
        // derive it from the fields (their values, id, and the latest
        // timestamp as updatedAt).
        QJsonObject derived;
        QString updatedAt;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            derived.insert(it.key(), it->value.isUndefined() ? QJsonValue() : it->value);
            updatedAt = std::max(updatedAt, it->updatedAt);
        }
        derived.insert(QStringLiteral("id"), id);
        derived.insert(QStringLiteral("updatedAt"), updatedAt);
        if (!derived.contains(QStringLiteral("createdAt")))
            derived.insert(QStringLiteral("createdAt"), updatedAt);
        json.insert(QStringLiteral("data"), derived);
    }
    // `data` says the same as `fields` when every field carries one stamp by
    // the pusher and `data` (given or derived above) has that stamp as its
    // updatedAt: the receiver reads each field's state from the record.
    const QString stamp = fields.isEmpty() ? QString() : fields.begin()->updatedAt;
    const QJsonObject dataJson = json.value(QStringLiteral("data")).toObject();
    bool uniformInsertByPusher = op == ChangeOp::Insert && !pusher.isEmpty() && !fields.isEmpty() &&
                                 dataJson.value(QStringLiteral("updatedAt")).toString() == stamp;
    for (auto it = fields.begin(); uniformInsertByPusher && it != fields.end(); ++it) {
        const QJsonValue inData = dataJson.value(it.key());
        uniformInsertByPusher = it->clientId == pusher && it->updatedAt == stamp &&
                                (it->value.isUndefined() ? inData.isNull() : inData == it->value);
    }
    if (!fields.isEmpty() && !uniformInsertByPusher) {
        QJsonObject fieldsJson;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QJsonObject entry{
                {QStringLiteral("value"), it->value.isUndefined() ? QJsonValue() : it->value},
                {QStringLiteral("updatedAt"), it->updatedAt}};
            if (!it->clientId.isEmpty())
                entry.insert(QStringLiteral("clientId"), it->clientId);
            fieldsJson.insert(it.key(), entry);
        }
        json.insert(QStringLiteral("fields"), fieldsJson);
    }
    if (!deletedAt.isEmpty())
        json.insert(QStringLiteral("deletedAt"), deletedAt);
    return json;
}

std::optional<Change> Change::fromJson(const QJsonValue &json, QString *error)
{
    Reader reader(error);
    Change change;
    if (!readChange(
            reader, json, [] { return QString(); }, &change))
        return std::nullopt;
    return change;
}

RecordState Change::toRecordState(const QString &writerClientId) const
{
    RecordState state;
    if (!fields.isEmpty()) {
        state = fields;
    } else if (!data.isEmpty()) {
        QString stamp = data.value(QLatin1String("updatedAt")).toString();
        if (stamp.isEmpty())
            stamp = data.value(QLatin1String("createdAt")).toString();
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (it.key() == QLatin1String("id") || it.key() == QLatin1String("updatedAt"))
                continue;
            state.insert(it.key(), FieldState{it.value(), stamp, QString()});
        }
    }
    if (!deletedAt.isEmpty() && !state.contains(QStringLiteral("deletedAt")))
        state.insert(QStringLiteral("deletedAt"), FieldState{deletedAt, deletedAt, QString()});
    for (FieldState &field : state) {
        if (field.clientId.isEmpty())
            field.clientId = writerClientId;
    }
    return state;
}

QJsonObject Changeset::toJson() const
{
    QJsonArray changesJson;
    for (const Change &change : changes)
        changesJson.append(change.toJson());
    return {{QStringLiteral("clientId"), clientId},
            {QStringLiteral("appId"), appId},
            {QStringLiteral("since"), since},
            {QStringLiteral("changes"), changesJson}};
}

std::optional<Changeset> Changeset::fromJson(const QJsonValue &json, QString *error)
{
    Reader reader(error);
    if (!json.isObject()) {
        reader.fail(QString(), QStringLiteral("the changeset must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    Changeset changeset;
    // clientId may come as the X-Client-Id header instead, appId from the URL.
    if (!reader.string(object, QStringLiteral("clientId"), QString(), &changeset.clientId, false) ||
        !reader.string(object, QStringLiteral("appId"), QString(), &changeset.appId, false) ||
        !reader.string(object, QStringLiteral("since"), QString(), &changeset.since, false))
        return std::nullopt;
    if (!changeset.appId.isEmpty() && !isValidAppId(changeset.appId)) {
        reader.fail(QStringLiteral("appId"),
                    QStringLiteral("\"%1\" is not a valid app id").arg(changeset.appId.left(40)));
        return std::nullopt;
    }
    if (changeset.clientId.toUtf8().size() > kMaxRecordIdBytes) {
        reader.fail(QStringLiteral("clientId"),
                    QStringLiteral("longer than %1 bytes").arg(kMaxRecordIdBytes));
        return std::nullopt;
    }
    const QJsonValue changes = object.value(QLatin1String("changes"));
    if (!changes.isArray()) {
        reader.fail(QStringLiteral("changes"), changes.isUndefined()
                                                   ? QStringLiteral("missing")
                                                   : QStringLiteral("not an array"));
        return std::nullopt;
    }
    const QJsonArray changesArray = changes.toArray();
    if (changesArray.size() > kMaxChangesPerPush) {
        if (error)
            *error = QStringLiteral("too_many_changes: %1 changes in one push, at most %2")
                         .arg(changesArray.size())
                         .arg(kMaxChangesPerPush);
        return std::nullopt;
    }
    changeset.changes.reserve(changesArray.size());
    for (qsizetype i = 0; i < changesArray.size(); ++i) {
        Change change;
        if (!readChange(
                reader, changesArray.at(i), [i] { return QStringLiteral("changes[%1]").arg(i); },
                &change))
            return std::nullopt;
        changeset.changes.append(std::move(change));
    }
    return changeset;
}

QJsonObject SyncResponse::toJson() const
{
    QJsonArray changesJson;
    for (const Change &change : serverChanges)
        changesJson.append(change.toJson());
    QJsonObject json{{QStringLiteral("serverChanges"), changesJson},
                     {QStringLiteral("conflicts"), conflicts},
                     {QStringLiteral("syncedUntil"), syncedUntil}};
    if (accepted)
        json.insert(QStringLiteral("accepted"), *accepted);
    // PROTOCOL.md shows `adjusted` in every answer to a push (where
    // `accepted` is set too), empty when nothing was clamped.
    if (!adjusted.isEmpty() || accepted) {
        QJsonArray adjustedJson;
        for (const AdjustedTimestamp &entry : adjusted) {
            adjustedJson.append(QJsonObject{{QStringLiteral("table"), entry.table},
                                            {QStringLiteral("id"), entry.id},
                                            {QStringLiteral("field"), entry.field},
                                            {QStringLiteral("updatedAt"), entry.updatedAt}});
        }
        json.insert(QStringLiteral("adjusted"), adjustedJson);
    }
    if (hasMore)
        json.insert(QStringLiteral("hasMore"), *hasMore);
    return json;
}

std::optional<SyncResponse> SyncResponse::fromJson(const QJsonValue &json, QString *error)
{
    Reader reader(error);
    if (!json.isObject()) {
        reader.fail(QString(), QStringLiteral("the answer must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    SyncResponse response;

    const QJsonValue changes = object.value(QLatin1String("serverChanges"));
    // Some servers send an empty list as null.
    if (!changes.isArray() && !changes.isNull()) {
        reader.fail(QStringLiteral("serverChanges"), changes.isUndefined()
                                                         ? QStringLiteral("missing")
                                                         : QStringLiteral("not an array"));
        return std::nullopt;
    }
    const QJsonArray changesArray = changes.toArray();
    for (qsizetype i = 0; i < changesArray.size(); ++i) {
        Change change;
        if (!readChange(
                reader, changesArray.at(i),
                [i] { return QStringLiteral("serverChanges[%1]").arg(i); }, &change))
            return std::nullopt;
        response.serverChanges.append(std::move(change));
    }

    const QJsonValue conflicts = object.value(QLatin1String("conflicts"));
    if (!conflicts.isUndefined() && !conflicts.isNull()) {
        if (!conflicts.isArray()) {
            reader.fail(QStringLiteral("conflicts"), QStringLiteral("not an array"));
            return std::nullopt;
        }
        response.conflicts = conflicts.toArray();
    }
    // A cursor is opaque: any string, including a clock time of another server.
    if (!reader.string(object, QStringLiteral("syncedUntil"), QString(), &response.syncedUntil))
        return std::nullopt;

    const QJsonValue accepted = object.value(QLatin1String("accepted"));
    if (!accepted.isUndefined() && !accepted.isNull()) {
        if (!accepted.isDouble() || accepted.toDouble() < 0 ||
            accepted.toDouble() != double(accepted.toInt())) {
            reader.fail(QStringLiteral("accepted"), QStringLiteral("not a non-negative integer"));
            return std::nullopt;
        }
        response.accepted = accepted.toInt();
    }
    const QJsonValue adjusted = object.value(QLatin1String("adjusted"));
    if (!adjusted.isUndefined() && !adjusted.isNull()) {
        if (!adjusted.isArray()) {
            reader.fail(QStringLiteral("adjusted"), QStringLiteral("not an array"));
            return std::nullopt;
        }
        const QJsonArray adjustedArray = adjusted.toArray();
        for (qsizetype i = 0; i < adjustedArray.size(); ++i) {
            const QString path = QStringLiteral("adjusted[%1]").arg(i);
            if (!adjustedArray.at(i).isObject()) {
                reader.fail(path, QStringLiteral("not an object"));
                return std::nullopt;
            }
            const QJsonObject entryJson = adjustedArray.at(i).toObject();
            AdjustedTimestamp entry;
            if (!reader.string(entryJson, QStringLiteral("table"), path, &entry.table) ||
                !reader.string(entryJson, QStringLiteral("id"), path, &entry.id) ||
                !reader.string(entryJson, QStringLiteral("field"), path, &entry.field) ||
                !reader.timestamp(entryJson.value(QLatin1String("updatedAt")),
                                  Reader::join(path, QStringLiteral("updatedAt")),
                                  &entry.updatedAt))
                return std::nullopt;
            response.adjusted.append(entry);
        }
    }
    const QJsonValue hasMore = object.value(QLatin1String("hasMore"));
    if (!hasMore.isUndefined() && !hasMore.isNull()) {
        if (!hasMore.isBool()) {
            reader.fail(QStringLiteral("hasMore"), QStringLiteral("not a boolean"));
            return std::nullopt;
        }
        response.hasMore = hasMore.toBool();
    }
    return response;
}

QJsonObject ErrorBody::toJson() const
{
    return {{QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

std::optional<ErrorBody> ErrorBody::fromBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonValue error = document.object().value(QLatin1String("error"));
    if (!error.isObject())
        return std::nullopt;
    const QJsonValue code = error.toObject().value(QLatin1String("code"));
    if (!code.isString())
        return std::nullopt;
    return ErrorBody{code.toString(), error.toObject().value(QLatin1String("message")).toString()};
}

} // namespace mana::wire
