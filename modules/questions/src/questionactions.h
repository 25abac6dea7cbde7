// What a person does to questions and answers, as writes over the store.
// Each action that writes more than one record is one write group with
// Undo (LocalStore::writeGroupWithUndo): accepting an answer un-accepts
// the question's other answers and sets its status, and one Undo takes all
// of it back. Bad input is refused before anything is written.
#pragma once

#include "citations.h"
#include "storeerror.h"

#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::questions {

enum class ActionError {
    None,
    NoStore,     // no profile open
    NotFound,    // the question or answer is gone (deleted, maybe on another device)
    EmptyTitle,  // a question needs a title
    EmptyName,   // a collection needs a name
    EmptyAnswer, // an answer needs content
    BadCitation, // citationError / citationRow say which and why
    BadValue,    // a status, priority or rating outside its values
    Store,       // the store refused (failure says why)
};

struct ActionResult
{
    ActionError error = ActionError::None;
    QString id;       // the record written (a new question's or answer's id)
    int undoStep = 0; // the group's undo step (0: a single write, or none)
    CitationError citationError = CitationError::None;
    int citationRow = -1; // the editor's row of a refused citation
    StoreErrorInfo failure;

    bool ok() const { return error == ActionError::None; }
    explicit operator bool() const { return ok(); }
};

// An editor's citation row; rows with neither URL nor title are ignored.
struct CitationInput
{
    QString url;
    QString title;
};

class QuestionActions
{
public:
    explicit QuestionActions(LocalStore *store);

    // A collection after the others (the highest sortOrder + 1); an empty
    // colour takes the manifest's default.
    ActionResult createCollection(const QString &name, const QString &color);
    ActionResult editCollection(const QString &collectionId, const QString &name,
                                const QString &color);
    // Deletes the collection; its questions stay, in no collection (shown
    // under "All"): one undo step.
    ActionResult removeCollection(const QString &collectionId);
    // `values`: title (required), and optionally collectionId, description,
    // status, priority, tags (a JSON list, normalised).
    ActionResult createQuestion(const QJsonObject &values);
    ActionResult editQuestion(const QString &questionId, const QString &title,
                              const QString &description);
    ActionResult setStatus(const QString &questionId, const QString &status);
    ActionResult setPriority(const QString &questionId, const QString &priority);
    ActionResult setTags(const QString &questionId, const QStringList &tags);
    ActionResult addTag(const QString &questionId, const QString &tag);
    ActionResult removeTag(const QString &questionId, const QString &tag);

    // Deletes the question with its answers: one undo step.
    ActionResult removeQuestion(const QString &questionId);

    ActionResult addAnswer(const QString &questionId, const QString &content,
                           const QList<CitationInput> &citations);
    // New text and sources (checked as for a new answer).
    ActionResult editAnswer(const QString &answerId, const QString &content,
                            const QList<CitationInput> &citations);
    // The answer becomes the question's only accepted one and the question
    // `answered`: one undo step.
    ActionResult acceptAnswer(const QString &answerId);
    // The answer is no longer accepted; the question's status follows
    // statusWithoutAcceptedAnswer: one undo step.
    ActionResult unacceptAnswer(const QString &answerId);
    // 1–5; 0 clears the rating.
    ActionResult setRating(const QString &answerId, int stars);
    // Deletes the answer; an accepted one's question loses its `answered`
    // as with un-accepting: one undo step.
    ActionResult removeAnswer(const QString &answerId);

    // The live answers of a question (an indexed count).
    int answerCount(const QString &questionId) const;

private:
    Collection *collection(const char *name) const;
    ActionResult update(const char *collectionName, const QString &id, const QJsonObject &fields);
    // `body` inside writeGroupWithUndo; it returns the first refusal, and
    // then nothing of the group is kept.
    ActionResult group(const std::function<ActionResult()> &body);

    QPointer<LocalStore> m_store;
};

} // namespace mana::questions
