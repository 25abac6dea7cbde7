// What Questions' page does besides its lists: the collections with their
// counts, the question and answers the detail shows, and every action
// (QuestionActions) with its refusal as a sentence in the UI language and
// its undo step offered to the shell (undoOffered).
#pragma once

#include "questionactions.h"
#include "questionstypes.h"
#include "refreshthrottle.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
}

namespace mana::questions {

class QuestionsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // The collections by their sortOrder and name, each with its questions.
    Q_PROPERTY(QList<mana::questions::QuestionCollection> collections READ collections NOTIFY
                   countsChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    // Counted up on every write to questions or answers, so the detail's
    // bindings read the question and its answers again.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    // Why the last action was refused ("" after one that worked).
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // The answer editor's refused citation row (-1: none).
    Q_PROPERTY(int citationErrorRow READ citationErrorRow NOTIFY lastErrorChanged)

public:
    explicit QuestionsController(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    QList<QuestionCollection> collections() const { return m_collections; }
    int totalCount() const { return m_total; }
    int revision() const { return m_revision; }
    QString lastError() const { return m_error; }
    int citationErrorRow() const { return m_citationRow; }

    Q_INVOKABLE mana::questions::QuestionItem question(const QString &questionId) const;
    // Accepted first, then the best rated, then the oldest.
    Q_INVOKABLE QList<mana::questions::AnswerItem> answers(const QString &questionId) const;
    // The question an answer belongs to ("" when it is gone).
    Q_INVOKABLE QString questionOfAnswer(const QString &answerId) const;
    Q_INVOKABLE QString collectionName(const QString &collectionId) const;

    // The new question's id, or "" (lastError says why).
    Q_INVOKABLE QString createQuestion(const QString &title, const QString &collectionId,
                                       const QString &status, const QString &priority);
    // A collection at the end of the column; its id, or "" (lastError).
    Q_INVOKABLE QString createCollection(const QString &name, const QString &color);
    Q_INVOKABLE bool editCollection(const QString &collectionId, const QString &name,
                                    const QString &color);
    // Its questions stay, in no collection: one undo step.
    Q_INVOKABLE bool removeCollection(const QString &collectionId);
    Q_INVOKABLE bool editQuestion(const QString &questionId, const QString &title,
                                  const QString &description);
    // The question and its answers, one undo step.
    Q_INVOKABLE bool removeQuestion(const QString &questionId);
    Q_INVOKABLE bool setStatus(const QString &questionId, const QString &status);
    // The status column left (-1) or right (+1) of the question's.
    Q_INVOKABLE bool moveStatus(const QString &questionId, int step);
    Q_INVOKABLE bool setPriority(const QString &questionId, const QString &priority);
    Q_INVOKABLE bool addTag(const QString &questionId, const QString &tag);
    Q_INVOKABLE bool removeTag(const QString &questionId, const QString &tag);
    // `citations`: [{url, title}, …] from the editor's rows. The answer's
    // id, or "" (lastError and citationErrorRow say why).
    Q_INVOKABLE QString addAnswer(const QString &questionId, const QString &content,
                                  const QVariantList &citations);
    Q_INVOKABLE bool editAnswer(const QString &answerId, const QString &content,
                                const QVariantList &citations);
    Q_INVOKABLE bool acceptAnswer(const QString &answerId);
    Q_INVOKABLE bool unacceptAnswer(const QString &answerId);
    Q_INVOKABLE bool setRating(const QString &answerId, int stars);
    Q_INVOKABLE bool removeAnswer(const QString &answerId);
    Q_INVOKABLE void clearError();

signals:
    void storeChanged();
    void countsChanged();
    void revisionChanged();
    void lastErrorChanged();
    // Several records written by one action (ShellContext.undo(stepId)).
    void undoOffered(int stepId, const QString &text);

private:
    bool report(const ActionResult &result, const QString &undoText = {});
    QString sentence(const ActionResult &result) const;
    void refreshCounts();
    void bump();

    QPointer<LocalStore> m_store;
    RefreshThrottle m_countsRefresh;
    QList<QuestionCollection> m_collections;
    int m_total = 0;
    int m_revision = 0;
    QString m_error;
    int m_citationRow = -1;
};

} // namespace mana::questions
