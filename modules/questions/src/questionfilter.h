// Which questions a view shows, as one store query (docs/questions.md,
// "Filters"). Collection, status and priority are indexed filters. Text is
// searched in the questions' title and description and in their answers'
// content through the full-text indexes; a tag is looked up in the `tags`
// JSON, which no index holds, so it reads the questions the other filters
// leave, page by page. Both end as an id list in the query, at most
// kMaxMatches ids (`capped` tells when more matched).
#pragma once

#include "query.h"

#include <QString>

namespace mana {
class LocalStore;
}

namespace mana::questions {

struct QuestionFilter
{
    QString collectionId; // empty: every collection
    QString status;       // empty: every status
    QString priority;     // empty: every priority
    QString tag;          // empty: any tags; else case-insensitive
    QString text;         // words, as the store's search takes them

    bool operator==(const QuestionFilter &) const = default;
    // Whether the query needs the id list (text or tag).
    bool needsMatching() const;
};

enum class QuestionSort {
    Priority, // urgent first, then the newest change
    Updated,  // the newest change first
    Created,  // the newest question first
    Status,   // open, researching, answered, archived; then priority
};

struct BuiltQuestionQuery
{
    Query query;
    bool capped = false; // more than kMaxMatches matched the text or tag
    QString error;       // a read failed (the query then matches nothing)
};

constexpr int kMaxMatches = 2000;

BuiltQuestionQuery buildQuestionQuery(LocalStore *store, const QuestionFilter &filter,
                                      QuestionSort sort);

} // namespace mana::questions
