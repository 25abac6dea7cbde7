// Changes as PROTOCOL.md puts them on the wire, built as raw JSON so the
// tests check the server against the spec and not against our own client
// types; and a reader for the server's merged states.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mana::servertest {

// ISO 8601 UTC with milliseconds: 2026-03-26T14:01:05.123Z
QString isoTimestamp(const QDateTime &time);
QString isoTimestampFromNow(qint64 offsetMs);
inline const QString epochCursor = QStringLiteral("1970-01-01T00:00:00.000Z");

// Hands out strictly increasing timestamps near the wall clock, like a
// device's hybrid logical clock.
class TimestampSource
{
public:
    QString next();

private:
    qint64 m_lastMs = 0;
};

QString newRecordId();
QString newClientId();

// data carries the record's updatedAt (and createdAt) itself.
QJsonObject insertWithData(const QString &table, const QString &id, const QJsonObject &data);
// Every value gets `updatedAt` as its timestamp.
QJsonObject insertWithFields(const QString &table, const QString &id, const QJsonObject &values,
                             const QString &updatedAt);
QJsonObject updateFields(const QString &table, const QString &id, const QJsonObject &values,
                         const QString &updatedAt);
QJsonObject deleteRecord(const QString &table, const QString &id, const QString &deletedAt);

// A change the server sent, read leniently: values from `fields` (and from
// `data` for fields not in `fields`).
struct ServerRecord
{
    QString table;
    QString id;
    QString op;
    QJsonObject values;
    QHash<QString, QString> timestamps; // field -> updatedAt, from `fields`
    QString deletedAt;                  // top-level deletedAt of a delete
};

ServerRecord readServerChange(const QJsonObject &change);
QList<QJsonObject> objectsOf(const QJsonArray &array);
// The last change per record id (a later page holds the newer state).
QHash<QString, ServerRecord> recordsById(const QList<QJsonObject> &changes);

} // namespace mana::servertest
