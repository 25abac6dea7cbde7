#include "questionfilter.h"

#include "collection.h"
#include "localstore.h"
#include "questionrules.h"
#include "questionslog.h"
#include "questiontags.h"

#include <QJsonArray>
#include <QSet>

namespace mana::questions {

namespace {

// Tag lookups read the remaining questions in pages this long.
constexpr int kTagPage = 1000;

Query::Sort key(const QString &field, bool descending = false, QStringList ranked = {})
{
    // Values outside the list (a newer client's status) rank after it.
    const int others = int(ranked.size());
    return {field, descending, false, false, std::move(ranked), others};
}

} // namespace

bool QuestionFilter::needsMatching() const
{
    return !text.simplified().isEmpty() || !tag.simplified().isEmpty();
}

BuiltQuestionQuery buildQuestionQuery(LocalStore *store, const QuestionFilter &filter,
                                      QuestionSort sort)
{
    BuiltQuestionQuery built;
    Query &query = built.query;
    if (!filter.collectionId.isEmpty())
        query.where(QStringLiteral("collectionId"), Query::Op::Equal, filter.collectionId);
    if (!filter.status.isEmpty())
        query.where(QStringLiteral("status"), Query::Op::Equal, filter.status);
    if (!filter.priority.isEmpty())
        query.where(QStringLiteral("priority"), Query::Op::Equal, filter.priority);

    switch (sort) {
    case QuestionSort::Priority:
        query.sort = {key(QStringLiteral("priority"), false, priorities()),
                      key(QStringLiteral("updatedAt"), true)};
        break;
    case QuestionSort::Updated:
        query.sort = {key(QStringLiteral("updatedAt"), true)};
        break;
    case QuestionSort::Created:
        query.sort = {key(QStringLiteral("createdAt"), true)};
        break;
    case QuestionSort::Status:
        query.sort = {key(QStringLiteral("status"), false, statuses()),
                      key(QStringLiteral("priority"), false, priorities()),
                      key(QStringLiteral("updatedAt"), true)};
        break;
    }

    if (!filter.needsMatching())
        return built;

    Collection *questions =
        store ? store->collection(QStringLiteral("questions"), QStringLiteral("questions"))
              : nullptr;
    Collection *answers =
        store ? store->collection(QStringLiteral("questions"), QStringLiteral("answers")) : nullptr;
    QStringList ids;
    const auto finish = [&] {
        // No id at all must match nothing; "IN ()" is not SQL, and no
        // record has an empty id.
        query.where(QStringLiteral("id"), Query::Op::In,
                    ids.isEmpty() ? QJsonArray{QString()} : QJsonArray::fromStringList(ids));
        return built;
    };
    if (!questions || !answers) {
        built.error = QStringLiteral("the questions collections are not open");
        return finish();
    }

    // Text: the questions' own words, then the questions whose answers
    // hold them; each search reads at most kMaxMatches + 1 rows.
    std::optional<QSet<QString>> textIds;
    const QString text = filter.text.simplified();
    if (!text.isEmpty()) {
        textIds.emplace();
        Query own = query;
        own.sort.clear();
        own.search = text;
        own.limit = kMaxMatches + 1;
        QString error;
        for (const QJsonObject &question : questions->query(own, &error))
            textIds->insert(question.value(u"id").toString());
        Query inAnswers;
        inAnswers.search = text;
        inAnswers.limit = kMaxMatches + 1;
        for (const QJsonObject &answer : answers->query(inAnswers, &error))
            textIds->insert(answer.value(u"questionId").toString());
        if (!error.isEmpty())
            built.error = error;
        if (textIds->size() > kMaxMatches)
            built.capped = true;
    }

    const QString tag = filter.tag.simplified();
    if (tag.isEmpty()) {
        ids = QStringList(textIds->cbegin(), textIds->cend());
    } else {
        // The rows the indexed filters leave (and the text matched), a
        // page at a time by key, keeping those that carry the tag.
        Query scan = query;
        scan.sort = {key(QStringLiteral("id"))};
        scan.limit = kTagPage;
        if (textIds) {
            scan.where(QStringLiteral("id"), Query::Op::In,
                       textIds->isEmpty() ? QJsonArray{QString()}
                                          : QJsonArray::fromStringList(
                                                QStringList(textIds->cbegin(), textIds->cend())));
        }
        for (;;) {
            QString error;
            const QList<QJsonObject> page = questions->query(scan, &error);
            if (!error.isEmpty()) {
                built.error = error;
                break;
            }
            for (const QJsonObject &question : page) {
                if (hasTag(tagsFromJson(question.value(u"tags")), tag))
                    ids.append(question.value(u"id").toString());
            }
            if (ids.size() > kMaxMatches || page.size() < kTagPage)
                break;
            scan.after = page.constLast();
        }
        if (ids.size() > kMaxMatches)
            built.capped = true;
    }
    if (ids.size() > kMaxMatches)
        ids = ids.mid(0, kMaxMatches);
    if (!built.error.isEmpty())
        qCWarning(lcQuestions) << "filter could not be read:" << built.error;
    return finish();
}

} // namespace mana::questions
