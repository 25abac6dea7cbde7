#include "chaoscheck.h"

#include "collection.h"
#include "wire/change.h"

#include <QSet>

namespace mana::synctest {

void ReferenceMerge::add(const QString &id, const RecordState &written)
{
    ++m_writes;
    m_replica[id] = mergeRecord(m_replica.value(id), written).merged;
}

Replica replicaOf(Collection *tasks)
{
    Query all;
    all.includeDeleted = true;
    Replica replica;
    for (const QJsonObject &row : tasks->query(all)) {
        const QString id = row.value(QLatin1String("id")).toString();
        replica.insert(id, tasks->recordState(id));
    }
    return replica;
}

Replica replicaOfPull(const QList<QJsonObject> &changes, QString *error)
{
    Replica replica;
    for (const QJsonObject &json : changes) {
        QString reason;
        const auto change = wire::Change::fromJson(json, &reason);
        if (!change) {
            *error = QStringLiteral("an unreadable change in the pull (%1): %2")
                         .arg(reason, QString::fromUtf8(canonicalJson(json)));
            return {};
        }
        if (replica.contains(change->id)) {
            *error = QStringLiteral("record %1 is listed twice in a pull from the start")
                         .arg(change->id);
            return {};
        }
        replica.insert(change->id, change->toRecordState(QString()));
    }
    return replica;
}

namespace {

QString describe(const FieldState &state)
{
    return QStringLiteral("%1 at %2 by %3")
        .arg(QString::fromUtf8(canonicalJson(state.value)), state.updatedAt,
             state.clientId.isEmpty() ? QStringLiteral("(no writer)") : state.clientId);
}

bool sameField(const FieldState &a, const FieldState &b)
{
    return canonicalJson(a.value) == canonicalJson(b.value) && a.updatedAt == b.updatedAt &&
           a.clientId == b.clientId;
}

} // namespace

QString firstDifference(const Replica &expected, const Replica &actual, const QString &expectedName,
                        const QString &actualName)
{
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!actual.contains(it.key()))
            return QStringLiteral("record %1 is missing from %2 (%3 has it); %2 holds %4 records, "
                                  "%3 %5")
                .arg(it.key(), actualName, expectedName)
                .arg(actual.size())
                .arg(expected.size());
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key()))
            return QStringLiteral("record %1 is in %2 but not in %3")
                .arg(it.key(), actualName, expectedName);
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const RecordState &want = it.value();
        const RecordState &got = actual.value(it.key());
        QSet<QString> fields(want.keyBegin(), want.keyEnd());
        for (const QString &field : got.keys())
            fields.insert(field);
        QStringList sorted(fields.cbegin(), fields.cend());
        sorted.sort();
        for (const QString &field : std::as_const(sorted)) {
            if (!want.contains(field) || !got.contains(field) ||
                !sameField(want.value(field), got.value(field))) {
                const auto side = [&](const RecordState &state) {
                    return state.contains(field) ? describe(state.value(field))
                                                 : QStringLiteral("(no such field)");
                };
                return QStringLiteral("record %1, field %2: %3 holds %4, %5 holds %6")
                    .arg(it.key(), field, expectedName, side(want), actualName, side(got));
            }
        }
    }
    return {};
}

} // namespace mana::synctest
