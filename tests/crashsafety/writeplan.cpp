#include "writeplan.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace crashtest {

mana::CollectionSpec notesSpec()
{
    const QJsonObject json{
        {QStringLiteral("name"), kCollection},
        {QStringLiteral("fields"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("title")},
                                {QStringLiteral("type"), QStringLiteral("string")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                                {QStringLiteral("type"), QStringLiteral("integer")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("body")},
                                {QStringLiteral("type"), QStringLiteral("text?")}}}},
        {QStringLiteral("indexes"), QJsonArray{QJsonArray{QStringLiteral("n")}}}};
    QString error;
    const auto spec = mana::CollectionSpec::fromJson(json, kAppId, &error);
    // The spec is a constant of this test: a refusal is a store regression.
    Q_ASSERT_X(spec, "notesSpec", qPrintable(error));
    return spec.value_or(mana::CollectionSpec{});
}

namespace {

// QJsonValue keeps whole numbers and doubles apart in Qt 6; the store hands
// integers back as doubles, so numbers compare by value.
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

QString toJsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2)).left(80);
}

// Bodies of a few hundred bytes, so a write spans more than a trivial page
// change and the WAL grows through several checkpoints during a run.
QJsonValue bodyFor(int ordinal)
{
    if (ordinal % 3 == 0)
        return QJsonValue(QJsonValue::Null);
    return QStringLiteral("Body of write %1. ").arg(ordinal).repeated(1 + ordinal % 20);
}

} // namespace

QList<PlannedWrite> buildWritePlan(int count)
{
    QList<PlannedWrite> plan;
    plan.reserve(count);
    QStringList live; // inserted and not deleted, in insert order
    for (int ordinal = 1; ordinal <= count; ++ordinal) {
        PlannedWrite write;
        write.ordinal = ordinal;
        // Pseudo-random but fixed picks (large primes), so updates and
        // deletes hit old and new records alike, some records several times.
        if (ordinal % 13 == 0 && !live.isEmpty()) {
            write.op = WriteOp::Delete;
            write.recordId = live.takeAt((qint64(ordinal) * 7919) % live.size());
        } else if (ordinal % 7 == 0 && !live.isEmpty()) {
            write.op = WriteOp::Update;
            write.recordId = live.at((qint64(ordinal) * 104729) % live.size());
            write.values.insert(QStringLiteral("title"),
                                QStringLiteral("edited by write %1").arg(ordinal));
            write.values.insert(QStringLiteral("n"), ordinal);
            if (ordinal % 2 == 0)
                write.values.insert(QStringLiteral("body"), bodyFor(ordinal));
        } else {
            write.op = WriteOp::Insert;
            write.recordId = QStringLiteral("note-%1").arg(ordinal, 5, 10, QLatin1Char('0'));
            write.values = {{QStringLiteral("id"), write.recordId},
                            {QStringLiteral("title"), QStringLiteral("note %1").arg(ordinal)},
                            {QStringLiteral("n"), ordinal},
                            {QStringLiteral("body"), bodyFor(ordinal)}};
            live.append(write.recordId);
        }
        plan.append(write);
    }
    return plan;
}

void applyWrite(ExpectedState *state, const PlannedWrite &write)
{
    switch (write.op) {
    case WriteOp::Insert: {
        QJsonObject fields = write.values;
        fields.remove(QStringLiteral("id"));
        state->insert(write.recordId, ExpectedRecord{fields, false});
        break;
    }
    case WriteOp::Update: {
        ExpectedRecord &record = (*state)[write.recordId];
        for (auto it = write.values.begin(); it != write.values.end(); ++it)
            record.fields.insert(it.key(), it.value());
        break;
    }
    case WriteOp::Delete:
        (*state)[write.recordId].deleted = true;
        break;
    }
}

QString compareRecord(const QJsonObject &stored, const ExpectedRecord &expected)
{
    const bool storedDeleted = stored.value(QStringLiteral("deletedAt")).isString();
    if (storedDeleted != expected.deleted)
        return expected.deleted ? QStringLiteral("is not deleted but should be")
                                : QStringLiteral("is deleted but should not be");
    for (auto it = expected.fields.begin(); it != expected.fields.end(); ++it) {
        const QJsonValue actual = stored.value(it.key());
        if (!sameValue(actual, it.value()))
            return QStringLiteral("has %1 = %2, expected %3")
                .arg(it.key(), toJsonText(actual), toJsonText(it.value()));
    }
    return {};
}

bool sameJsonValue(const QJsonValue &a, const QJsonValue &b)
{
    return sameValue(a, b);
}

QString describe(const PlannedWrite &write)
{
    static const char *const kNames[] = {"insert", "update", "delete"};
    return QStringLiteral("write %1 (%2 %3)")
        .arg(write.ordinal)
        .arg(QLatin1String(kNames[int(write.op)]), write.recordId);
}

} // namespace crashtest
