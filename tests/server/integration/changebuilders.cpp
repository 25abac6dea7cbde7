#include "changebuilders.h"

#include <QUuid>

namespace mana::servertest {

QString isoTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString isoTimestampFromNow(qint64 offsetMs)
{
    return isoTimestamp(QDateTime::currentDateTimeUtc().addMSecs(offsetMs));
}

QString TimestampSource::next()
{
    m_lastMs = qMax(QDateTime::currentMSecsSinceEpoch(), m_lastMs + 1);
    return isoTimestamp(QDateTime::fromMSecsSinceEpoch(m_lastMs, Qt::UTC));
}

QString newRecordId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {

QJsonObject fieldStates(const QJsonObject &values, const QString &updatedAt)
{
    QJsonObject fields;
    for (auto it = values.begin(); it != values.end(); ++it)
        fields.insert(it.key(), QJsonObject{{"value", it.value()}, {"updatedAt", updatedAt}});
    return fields;
}

} // namespace

QJsonObject insertWithData(const QString &table, const QString &id, const QJsonObject &data)
{
    return {{"table", table}, {"id", id}, {"op", "insert"}, {"data", data}};
}

QJsonObject insertWithFields(const QString &table, const QString &id, const QJsonObject &values,
                             const QString &updatedAt)
{
    return {
        {"table", table}, {"id", id}, {"op", "insert"}, {"fields", fieldStates(values, updatedAt)}};
}

QJsonObject updateFields(const QString &table, const QString &id, const QJsonObject &values,
                         const QString &updatedAt)
{
    return {
        {"table", table}, {"id", id}, {"op", "update"}, {"fields", fieldStates(values, updatedAt)}};
}

QJsonObject deleteRecord(const QString &table, const QString &id, const QString &deletedAt)
{
    return {{"table", table}, {"id", id}, {"op", "delete"}, {"deletedAt", deletedAt}};
}

ServerRecord readServerChange(const QJsonObject &change)
{
    ServerRecord record;
    record.table = change.value("table").toString();
    record.id = change.value("id").toString();
    record.op = change.value("op").toString();
    record.deletedAt = change.value("deletedAt").toString();
    const QJsonObject fields = change.value("fields").toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonObject state = it.value().toObject();
        record.values.insert(it.key(), state.value("value"));
        record.timestamps.insert(it.key(), state.value("updatedAt").toString());
    }
    const QJsonObject data = change.value("data").toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!record.values.contains(it.key()))
            record.values.insert(it.key(), it.value());
    }
    return record;
}

QList<QJsonObject> objectsOf(const QJsonArray &array)
{
    QList<QJsonObject> objects;
    objects.reserve(array.size());
    for (const QJsonValue &value : array)
        objects.append(value.toObject());
    return objects;
}

QHash<QString, ServerRecord> recordsById(const QList<QJsonObject> &changes)
{
    QHash<QString, ServerRecord> records;
    for (const QJsonObject &change : changes) {
        ServerRecord record = readServerChange(change);
        records.insert(record.id, record);
    }
    return records;
}

} // namespace mana::servertest
