// The writes the crash writer makes, in order. The writer child and the test
// build the same plan from nothing but the number of writes, so the test
// knows exactly which write was in flight when it killed the child, and can
// tell a write that committed just before the kill from a lost one.
#pragma once

#include "collectionspec.h"
#include "wire/timestamp.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace crashtest {

inline constexpr int kPlanSize = 10000;
inline const QString kAppId = QStringLiteral("crashtest");
inline const QString kCollection = QStringLiteral("notes");
// A wall clock frozen at 2026-01-01: every timestamp then comes from the
// hybrid clock's "last issued + 1 ms", so a clock position lost in a crash
// shows up as a timestamp that goes backwards after the restart.
inline constexpr mana::Millis kFrozenWallClock = 1767225600000;

enum class WriteOp { Insert, Update, Delete };

struct PlannedWrite
{
    int ordinal = 0; // 1-based, as the writer reports it
    WriteOp op = WriteOp::Insert;
    QString recordId;
    QJsonObject values; // insert: every field; update: the changed ones
};

// app "crashtest", collection "notes": title string, n integer, body text?
mana::CollectionSpec notesSpec();

// Mostly inserts; every 7th write updates an earlier live record and every
// 13th deletes one (soft delete).
QList<PlannedWrite> buildWritePlan(int count = kPlanSize);

// What the collection must hold after some prefix of the plan.
struct ExpectedRecord
{
    QJsonObject fields; // title, n, body
    bool deleted = false;
};
using ExpectedState = QHash<QString, ExpectedRecord>;

void applyWrite(ExpectedState *state, const PlannedWrite &write);

// Empty when the stored record (Collection::get with deleted rows) matches,
// otherwise a sentence naming the first difference.
QString compareRecord(const QJsonObject &stored, const ExpectedRecord &expected);

// Equal JSON values, whole numbers and doubles compared by value.
bool sameJsonValue(const QJsonValue &a, const QJsonValue &b);

QString describe(const PlannedWrite &write);

} // namespace crashtest
