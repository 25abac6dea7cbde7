// The values a question and an answer may hold, and what accepting an
// answer does to its question's status (docs/questions.md, "Status").
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace mana::questions {

// The status columns in board order.
const QStringList &statuses(); // open, researching, answered, archived
// Most pressing first, the order the list sorts by.
const QStringList &priorities(); // urgent, high, normal, low
bool isStatus(const QString &value);
bool isPriority(const QString &value);

// A rating from the stars: 1–5, or none (0 clears it). Anything else
// (a synced 7, -1) is no rating.
std::optional<int> ratingFromInt(int stars);
// A stored value read for display: 1–5, else 0 (no stars).
int displayedRating(double stored);

// The status a question gets when one of its answers is accepted.
QString statusAfterAccepting(const QString &current);
// The status when it no longer has an accepted answer (the accepted one
// was un-accepted or deleted) and `answersLeft` answers remain: an
// answered question goes back to Researching while answers exist (someone
// has been looking into it) and to Open without any; a question in
// another status keeps it (archived stays archived).
QString statusWithoutAcceptedAnswer(const QString &current, int answersLeft);

} // namespace mana::questions
