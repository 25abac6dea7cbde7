#include "questionactions.h"

#include "collection.h"
#include "localstore.h"
#include "query.h"
#include "questionrules.h"
#include "questionslog.h"
#include "questiontags.h"

namespace mana::questions {

namespace {

ActionResult failed(ActionError error)
{
    ActionResult result;
    result.error = error;
    return result;
}

ActionResult refusedBy(const WriteResult &write)
{
    qCWarning(lcQuestions) << "write of" << write.id << "refused:" << write.error;
    ActionResult result;
    result.error = ActionError::Store;
    result.id = write.id;
    result.failure = write.failure;
    return result;
}

ActionResult written(const WriteResult &write)
{
    if (!write)
        return refusedBy(write);
    ActionResult result;
    result.id = write.id;
    return result;
}

} // namespace

QuestionActions::QuestionActions(LocalStore *store)
    : m_store(store)
{}

Collection *QuestionActions::collection(const char *name) const
{
    return m_store ? m_store->collection(QStringLiteral("questions"), QString::fromLatin1(name))
                   : nullptr;
}

ActionResult QuestionActions::update(const char *collectionName, const QString &id,
                                     const QJsonObject &fields)
{
    Collection *records = collection(collectionName);
    if (!records)
        return failed(ActionError::NoStore);
    if (!records->get(id))
        return failed(ActionError::NotFound);
    return written(records->update(id, fields));
}

ActionResult QuestionActions::group(const std::function<ActionResult()> &body)
{
    if (!m_store)
        return failed(ActionError::NoStore);
    ActionResult outcome;
    UndoStep step;
    QString error;
    const bool done = m_store->writeGroupWithUndo(
        [&](QString *groupError) {
            outcome = body();
            if (!outcome.ok())
                *groupError = QStringLiteral("refused");
            return outcome.ok();
        },
        &step, &error);
    if (!outcome.ok())
        return outcome;
    if (!done) {
        // The group itself failed (BEGIN or COMMIT): the storage's code.
        qCWarning(lcQuestions) << "write group failed:" << error;
        outcome.error = ActionError::Store;
        outcome.failure = {m_store->writeErrorOf(error), {}, {}, {}, error};
        return outcome;
    }
    outcome.undoStep = step.id;
    return outcome;
}

ActionResult QuestionActions::createCollection(const QString &name, const QString &color)
{
    Collection *collections = collection("collections");
    if (!collections)
        return failed(ActionError::NoStore);
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return failed(ActionError::EmptyName);
    Query last;
    last.sort = {{QStringLiteral("sortOrder"), true, false, false, {}, 0}};
    last.limit = 1;
    const QList<QJsonObject> top = collections->query(last);
    QJsonObject values{{QStringLiteral("name"), clean},
                       {QStringLiteral("sortOrder"),
                        top.isEmpty() ? 0.0 : top.first().value(u"sortOrder").toDouble() + 1}};
    if (!color.isEmpty())
        values.insert(QStringLiteral("color"), color);
    return written(collections->insert(values));
}

ActionResult QuestionActions::editCollection(const QString &collectionId, const QString &name,
                                             const QString &color)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return failed(ActionError::EmptyName);
    QJsonObject fields{{QStringLiteral("name"), clean}};
    if (!color.isEmpty())
        fields.insert(QStringLiteral("color"), color);
    return update("collections", collectionId, fields);
}

ActionResult QuestionActions::removeCollection(const QString &collectionId)
{
    Collection *collections = collection("collections");
    Collection *questions = collection("questions");
    if (!collections || !questions)
        return failed(ActionError::NoStore);
    if (!collections->get(collectionId))
        return failed(ActionError::NotFound);
    return group([&]() -> ActionResult {
        // Questions are what a person wrote; a collection is only a folder.
        const QList<QJsonObject> inside = questions->query(
            Query().where(QStringLiteral("collectionId"), Query::Op::Equal, collectionId));
        for (const QJsonObject &question : inside) {
            const WriteResult moved = questions->update(
                question.value(u"id").toString(), {{QStringLiteral("collectionId"), QJsonValue()}});
            if (!moved)
                return refusedBy(moved);
        }
        return written(collections->remove(collectionId));
    });
}

ActionResult QuestionActions::createQuestion(const QJsonObject &values)
{
    Collection *questions = collection("questions");
    if (!questions)
        return failed(ActionError::NoStore);
    QJsonObject record = values;
    const QString title = values.value(u"title").toString().simplified();
    if (title.isEmpty())
        return failed(ActionError::EmptyTitle);
    record.insert(QStringLiteral("title"), title);
    if (record.contains(u"status") && !isStatus(record.value(u"status").toString()))
        return failed(ActionError::BadValue);
    if (record.contains(u"priority") && !isPriority(record.value(u"priority").toString()))
        return failed(ActionError::BadValue);
    if (record.value(u"collectionId").toString().isEmpty())
        record.remove(QStringLiteral("collectionId"));
    record.insert(QStringLiteral("tags"), tagsToJson(tagsFromJson(values.value(u"tags"))));
    return written(questions->insert(record));
}

ActionResult QuestionActions::editQuestion(const QString &questionId, const QString &title,
                                           const QString &description)
{
    const QString clean = title.simplified();
    if (clean.isEmpty())
        return failed(ActionError::EmptyTitle);
    const QString text = description.trimmed();
    return update("questions", questionId,
                  {{QStringLiteral("title"), clean},
                   {QStringLiteral("description"), text.isEmpty() ? QJsonValue() : text}});
}

ActionResult QuestionActions::setStatus(const QString &questionId, const QString &status)
{
    if (!isStatus(status))
        return failed(ActionError::BadValue);
    return update("questions", questionId, {{QStringLiteral("status"), status}});
}

ActionResult QuestionActions::setPriority(const QString &questionId, const QString &priority)
{
    if (!isPriority(priority))
        return failed(ActionError::BadValue);
    return update("questions", questionId, {{QStringLiteral("priority"), priority}});
}

ActionResult QuestionActions::setTags(const QString &questionId, const QStringList &tags)
{
    return update("questions", questionId, {{QStringLiteral("tags"), tagsToJson(tags)}});
}

ActionResult QuestionActions::addTag(const QString &questionId, const QString &tag)
{
    Collection *questions = collection("questions");
    const std::optional<QJsonObject> question =
        questions ? questions->get(questionId) : std::nullopt;
    if (!question)
        return failed(questions ? ActionError::NotFound : ActionError::NoStore);
    if (tag.simplified().isEmpty())
        return failed(ActionError::BadValue);
    return setTags(questionId, tagsFromJson(question->value(u"tags")) << tag);
}

ActionResult QuestionActions::removeTag(const QString &questionId, const QString &tag)
{
    Collection *questions = collection("questions");
    const std::optional<QJsonObject> question =
        questions ? questions->get(questionId) : std::nullopt;
    if (!question)
        return failed(questions ? ActionError::NotFound : ActionError::NoStore);
    const QString key = tag.simplified().toCaseFolded();
    QStringList tags = tagsFromJson(question->value(u"tags"));
    tags.removeIf([&](const QString &entry) { return entry.toCaseFolded() == key; });
    return setTags(questionId, tags);
}

ActionResult QuestionActions::removeQuestion(const QString &questionId)
{
    Collection *questions = collection("questions");
    Collection *answers = collection("answers");
    if (!questions || !answers)
        return failed(ActionError::NoStore);
    if (!questions->get(questionId))
        return failed(ActionError::NotFound);
    return group([&]() -> ActionResult {
        // The answers first, so that no moment leaves answers without
        // their question (they would be unreachable, and sync would carry
        // them).
        const QList<QJsonObject> own = answers->query(
            Query().where(QStringLiteral("questionId"), Query::Op::Equal, questionId));
        for (const QJsonObject &answer : own) {
            const WriteResult removed = answers->remove(answer.value(u"id").toString());
            if (!removed)
                return refusedBy(removed);
        }
        return written(questions->remove(questionId));
    });
}

namespace {

// The editor's rows as citations; a refused row gives BadCitation with its
// index and nothing else is looked at.
ActionResult checkCitations(const QList<CitationInput> &rows, QList<Citation> *citations)
{
    for (int row = 0; row < rows.size(); ++row) {
        if (rows[row].url.trimmed().isEmpty() && rows[row].title.trimmed().isEmpty())
            continue;
        CitationError why = CitationError::None;
        const Citation citation = makeCitation(rows[row].url, rows[row].title, &why);
        if (why != CitationError::None) {
            ActionResult result = failed(ActionError::BadCitation);
            result.citationError = why;
            result.citationRow = row;
            return result;
        }
        citations->append(citation);
    }
    return {};
}

} // namespace

ActionResult QuestionActions::addAnswer(const QString &questionId, const QString &content,
                                        const QList<CitationInput> &rows)
{
    Collection *questions = collection("questions");
    Collection *answers = collection("answers");
    if (!questions || !answers)
        return failed(ActionError::NoStore);
    if (!questions->get(questionId))
        return failed(ActionError::NotFound);
    const QString text = content.trimmed();
    if (text.isEmpty())
        return failed(ActionError::EmptyAnswer);
    QList<Citation> citations;
    if (ActionResult refused = checkCitations(rows, &citations); !refused.ok())
        return refused;
    return written(answers->insert({{QStringLiteral("questionId"), questionId},
                                    {QStringLiteral("content"), text},
                                    {QStringLiteral("citations"), citationsToJson(citations)},
                                    {QStringLiteral("isAccepted"), false}}));
}

ActionResult QuestionActions::editAnswer(const QString &answerId, const QString &content,
                                         const QList<CitationInput> &rows)
{
    const QString text = content.trimmed();
    if (text.isEmpty())
        return failed(ActionError::EmptyAnswer);
    QList<Citation> citations;
    if (ActionResult refused = checkCitations(rows, &citations); !refused.ok())
        return refused;
    return update("answers", answerId,
                  {{QStringLiteral("content"), text},
                   {QStringLiteral("citations"), citationsToJson(citations)}});
}

ActionResult QuestionActions::acceptAnswer(const QString &answerId)
{
    Collection *questions = collection("questions");
    Collection *answers = collection("answers");
    if (!questions || !answers)
        return failed(ActionError::NoStore);
    const std::optional<QJsonObject> answer = answers->get(answerId);
    if (!answer)
        return failed(ActionError::NotFound);
    const QString questionId = answer->value(u"questionId").toString();
    const std::optional<QJsonObject> question = questions->get(questionId);
    if (!question)
        return failed(ActionError::NotFound);
    return group([&]() -> ActionResult {
        // Every other accepted answer of the question (more than one can
        // arrive from two devices that accepted different answers offline).
        const QList<QJsonObject> accepted =
            answers->query(Query()
                               .where(QStringLiteral("questionId"), Query::Op::Equal, questionId)
                               .where(QStringLiteral("isAccepted"), Query::Op::Equal, true));
        for (const QJsonObject &other : accepted) {
            const QString otherId = other.value(u"id").toString();
            if (otherId == answerId)
                continue;
            const WriteResult cleared =
                answers->update(otherId, {{QStringLiteral("isAccepted"), false}});
            if (!cleared)
                return refusedBy(cleared);
        }
        if (!answer->value(u"isAccepted").toBool()) {
            const WriteResult marked =
                answers->update(answerId, {{QStringLiteral("isAccepted"), true}});
            if (!marked)
                return refusedBy(marked);
        }
        const QString status = statusAfterAccepting(question->value(u"status").toString());
        if (question->value(u"status").toString() != status) {
            const WriteResult moved =
                questions->update(questionId, {{QStringLiteral("status"), status}});
            if (!moved)
                return refusedBy(moved);
        }
        qCDebug(lcQuestions) << "accepted" << answerId << "for" << questionId;
        ActionResult result;
        result.id = answerId;
        return result;
    });
}

ActionResult QuestionActions::unacceptAnswer(const QString &answerId)
{
    Collection *questions = collection("questions");
    Collection *answers = collection("answers");
    if (!questions || !answers)
        return failed(ActionError::NoStore);
    const std::optional<QJsonObject> answer = answers->get(answerId);
    if (!answer)
        return failed(ActionError::NotFound);
    const QString questionId = answer->value(u"questionId").toString();
    return group([&]() -> ActionResult {
        const WriteResult cleared =
            answers->update(answerId, {{QStringLiteral("isAccepted"), false}});
        if (!cleared)
            return refusedBy(cleared);
        const std::optional<QJsonObject> question = questions->get(questionId);
        const bool anotherAccepted =
            answers->count(Query()
                               .where(QStringLiteral("questionId"), Query::Op::Equal, questionId)
                               .where(QStringLiteral("isAccepted"), Query::Op::Equal, true)) > 0;
        if (question && !anotherAccepted) {
            const QString current = question->value(u"status").toString();
            const QString status = statusWithoutAcceptedAnswer(current, answerCount(questionId));
            if (status != current) {
                const WriteResult moved =
                    questions->update(questionId, {{QStringLiteral("status"), status}});
                if (!moved)
                    return refusedBy(moved);
            }
        }
        ActionResult result;
        result.id = answerId;
        return result;
    });
}

ActionResult QuestionActions::setRating(const QString &answerId, int stars)
{
    if (stars != 0 && !ratingFromInt(stars))
        return failed(ActionError::BadValue);
    return update("answers", answerId,
                  {{QStringLiteral("rating"), stars == 0 ? QJsonValue() : QJsonValue(stars)}});
}

ActionResult QuestionActions::removeAnswer(const QString &answerId)
{
    Collection *questions = collection("questions");
    Collection *answers = collection("answers");
    if (!questions || !answers)
        return failed(ActionError::NoStore);
    const std::optional<QJsonObject> answer = answers->get(answerId);
    if (!answer)
        return failed(ActionError::NotFound);
    const QString questionId = answer->value(u"questionId").toString();
    const bool wasAccepted = answer->value(u"isAccepted").toBool();
    return group([&]() -> ActionResult {
        const WriteResult removed = answers->remove(answerId);
        if (!removed)
            return refusedBy(removed);
        const std::optional<QJsonObject> question = questions->get(questionId);
        if (wasAccepted && question) {
            const QString current = question->value(u"status").toString();
            const QString status = statusWithoutAcceptedAnswer(current, answerCount(questionId));
            if (status != current) {
                const WriteResult moved =
                    questions->update(questionId, {{QStringLiteral("status"), status}});
                if (!moved)
                    return refusedBy(moved);
            }
        }
        ActionResult result;
        result.id = answerId;
        return result;
    });
}

int QuestionActions::answerCount(const QString &questionId) const
{
    Collection *answers = collection("answers");
    return answers ? answers->count(
                         Query().where(QStringLiteral("questionId"), Query::Op::Equal, questionId))
                   : 0;
}

} // namespace mana::questions
