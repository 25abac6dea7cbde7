#include "questionscontroller.h"

#include "collection.h"
#include "localstore.h"
#include "questionrules.h"
#include "questionslog.h"
#include "questiontags.h"
#include "storeerrortext.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

namespace mana::questions {

namespace {

// Counts follow sync's writes a few times a second at most.
constexpr int kCountsRefreshMs = 250;

Collection *collectionOf(LocalStore *store, const char *name)
{
    return store ? store->collection(QStringLiteral("questions"), QString::fromLatin1(name))
                 : nullptr;
}

QString dayText(const QJsonValue &timestamp)
{
    const QDateTime when = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
    return when.isValid() ? when.toLocalTime().date().toString(Qt::ISODate) : QString();
}

} // namespace

QuestionsController::QuestionsController(QObject *parent)
    : QObject(parent)
    , m_countsRefresh(kCountsRefreshMs, [this] { refreshCounts(); })
{}

QObject *QuestionsController::store() const
{
    return m_store;
}

void QuestionsController::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    if (m_store) {
        for (Collection *collection : m_store->collections()) {
            collection->disconnect(this);
            collection->disconnect(&m_countsRefresh);
        }
    }
    m_store = local;
    for (const char *name : {"collections", "questions", "answers"}) {
        if (Collection *collection = collectionOf(m_store, name)) {
            connect(collection, &Collection::changed, &m_countsRefresh, &RefreshThrottle::request);
            connect(collection, &Collection::changed, this, &QuestionsController::bump);
        }
    }
    refreshCounts();
    emit storeChanged();
    bump();
}

void QuestionsController::bump()
{
    ++m_revision;
    emit revisionChanged();
}

void QuestionsController::refreshCounts()
{
    QList<QuestionCollection> list;
    int total = 0;
    Collection *collections = collectionOf(m_store, "collections");
    Collection *questions = collectionOf(m_store, "questions");
    if (collections && questions) {
        // One grouped, indexed count for every collection.
        const QHash<QString, int> counts = questions->countBy(QStringLiteral("collectionId"));
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            total += it.value();
        Query query;
        query.sort = {{QStringLiteral("sortOrder"), false, false, false, {}, 0},
                      {QStringLiteral("name"), false, true, false, {}, 0}};
        for (const QJsonObject &record : collections->query(query)) {
            QuestionCollection entry;
            entry.id = record.value(u"id").toString();
            entry.name = record.value(u"name").toString();
            entry.color = record.value(u"color").toString();
            entry.count = counts.value(entry.id);
            list.append(entry);
        }
    }
    if (list == m_collections && total == m_total)
        return;
    m_collections = list;
    m_total = total;
    emit countsChanged();
}

QuestionItem QuestionsController::question(const QString &questionId) const
{
    Collection *questions = collectionOf(m_store, "questions");
    const std::optional<QJsonObject> record =
        questions && !questionId.isEmpty() ? questions->get(questionId) : std::nullopt;
    if (!record)
        return {};
    QuestionItem item;
    item.id = questionId;
    item.title = record->value(u"title").toString();
    item.description = record->value(u"description").toString();
    item.status = record->value(u"status").toString();
    item.priority = record->value(u"priority").toString();
    item.tags = tagsFromJson(record->value(u"tags"));
    item.collectionId = record->value(u"collectionId").toString();
    item.created = dayText(record->value(u"createdAt"));
    return item;
}

QList<AnswerItem> QuestionsController::answers(const QString &questionId) const
{
    QList<AnswerItem> list;
    Collection *answers = collectionOf(m_store, "answers");
    if (!answers || questionId.isEmpty())
        return list;
    // A question has a handful of answers; the limit keeps a synced flood
    // from freezing the detail.
    Query query = Query().where(QStringLiteral("questionId"), Query::Op::Equal, questionId);
    query.sort = {{QStringLiteral("createdAt"), false, false, false, {}, 0}};
    query.limit = 500;
    for (const QJsonObject &record : answers->query(query)) {
        AnswerItem item;
        item.id = record.value(u"id").toString();
        item.content = record.value(u"content").toString();
        for (const Citation &citation :
             parseCitations(record.value(u"citations"), &item.citationsDamaged))
            item.citations.append({citation.url, citation.title});
        item.rating = displayedRating(record.value(u"rating").toDouble());
        item.accepted = record.value(u"isAccepted").toBool();
        item.created = dayText(record.value(u"createdAt"));
        list.append(item);
    }
    std::stable_sort(list.begin(), list.end(), [](const AnswerItem &a, const AnswerItem &b) {
        if (a.accepted != b.accepted)
            return a.accepted;
        return a.rating > b.rating;
    });
    return list;
}

QString QuestionsController::questionOfAnswer(const QString &answerId) const
{
    Collection *answers = collectionOf(m_store, "answers");
    const std::optional<QJsonObject> answer =
        answers && !answerId.isEmpty() ? answers->get(answerId) : std::nullopt;
    return answer ? answer->value(u"questionId").toString() : QString();
}

QString QuestionsController::collectionName(const QString &collectionId) const
{
    for (const QuestionCollection &entry : m_collections) {
        if (entry.id == collectionId)
            return entry.name;
    }
    return {};
}

QString QuestionsController::sentence(const ActionResult &result) const
{
    switch (result.error) {
    case ActionError::None:
        return {};
    case ActionError::NoStore:
        return tr("No profile is open, so nothing can be saved.");
    case ActionError::NotFound:
        return tr("This question or answer is gone; it may have been deleted on another device.");
    case ActionError::EmptyTitle:
        return tr("Type the question first.");
    case ActionError::EmptyName:
        return tr("Give the collection a name first.");
    case ActionError::EmptyAnswer:
        return tr("Write the answer first; sources alone are not an answer.");
    case ActionError::BadValue:
        return tr("That value is not one this field takes.");
    case ActionError::BadCitation: {
        const QString row = QLocale().toString(result.citationRow + 1);
        switch (result.citationError) {
        case CitationError::EmptyUrl:
            return tr("Source %1 has a title but no address. Add its web address or remove the "
                      "row.")
                .arg(row);
        case CitationError::NotAWebAddress:
            return tr("Source %1 is not a web address. Use one that starts with https:// or "
                      "http://.")
                .arg(row);
        default:
            return tr("Source %1 has no site in its address. Check it, for example "
                      "https://example.org/page.")
                .arg(row);
        }
    }
    case ActionError::Store:
        return storeErrorText(result.failure);
    }
    return {};
}

bool QuestionsController::report(const ActionResult &result, const QString &undoText)
{
    const QString error = sentence(result);
    const int row = result.error == ActionError::BadCitation ? result.citationRow : -1;
    if (error != m_error || row != m_citationRow) {
        m_error = error;
        m_citationRow = row;
        emit lastErrorChanged();
    }
    if (!result)
        return false;
    if (result.undoStep > 0 && !undoText.isEmpty()) {
        m_store->setUndoDescription(result.undoStep, undoText);
        emit undoOffered(result.undoStep, undoText);
    }
    // The counts are read before a binding asks for them.
    m_countsRefresh.flush();
    return true;
}

void QuestionsController::clearError()
{
    report({});
}

QString QuestionsController::createQuestion(const QString &title, const QString &collectionId,
                                            const QString &status, const QString &priority)
{
    QJsonObject values{{QStringLiteral("title"), title}};
    if (!collectionId.isEmpty())
        values.insert(QStringLiteral("collectionId"), collectionId);
    values.insert(QStringLiteral("status"), status.isEmpty() ? QStringLiteral("open") : status);
    values.insert(QStringLiteral("priority"),
                  priority.isEmpty() ? QStringLiteral("normal") : priority);
    const ActionResult result = QuestionActions(m_store).createQuestion(values);
    return report(result) ? result.id : QString();
}

QString QuestionsController::createCollection(const QString &name, const QString &color)
{
    const ActionResult result = QuestionActions(m_store).createCollection(name, color);
    return report(result) ? result.id : QString();
}

bool QuestionsController::editCollection(const QString &collectionId, const QString &name,
                                         const QString &color)
{
    return report(QuestionActions(m_store).editCollection(collectionId, name, color));
}

bool QuestionsController::removeCollection(const QString &collectionId)
{
    const QString name = collectionName(collectionId);
    return report(QuestionActions(m_store).removeCollection(collectionId),
                  tr("Collection “%1” deleted").arg(name));
}

bool QuestionsController::editQuestion(const QString &questionId, const QString &title,
                                       const QString &description)
{
    return report(QuestionActions(m_store).editQuestion(questionId, title, description));
}

bool QuestionsController::removeQuestion(const QString &questionId)
{
    const QString title = question(questionId).title;
    return report(QuestionActions(m_store).removeQuestion(questionId),
                  tr("Question “%1” deleted").arg(title));
}

bool QuestionsController::setStatus(const QString &questionId, const QString &status)
{
    return report(QuestionActions(m_store).setStatus(questionId, status));
}

bool QuestionsController::moveStatus(const QString &questionId, int step)
{
    const int at = statuses().indexOf(question(questionId).status);
    const int to = at < 0 ? 0 : std::clamp(at + step, 0, int(statuses().size()) - 1);
    if (at == to)
        return false;
    return setStatus(questionId, statuses().at(to));
}

bool QuestionsController::setPriority(const QString &questionId, const QString &priority)
{
    return report(QuestionActions(m_store).setPriority(questionId, priority));
}

bool QuestionsController::addTag(const QString &questionId, const QString &tag)
{
    return report(QuestionActions(m_store).addTag(questionId, tag));
}

bool QuestionsController::removeTag(const QString &questionId, const QString &tag)
{
    return report(QuestionActions(m_store).removeTag(questionId, tag));
}

namespace {

QList<CitationInput> citationRows(const QVariantList &citations)
{
    QList<CitationInput> rows;
    for (const QVariant &row : citations) {
        const QVariantMap map = row.toMap();
        rows.append({map.value(QStringLiteral("url")).toString(),
                     map.value(QStringLiteral("title")).toString()});
    }
    return rows;
}

} // namespace

QString QuestionsController::addAnswer(const QString &questionId, const QString &content,
                                       const QVariantList &citations)
{
    const ActionResult result =
        QuestionActions(m_store).addAnswer(questionId, content, citationRows(citations));
    return report(result) ? result.id : QString();
}

bool QuestionsController::editAnswer(const QString &answerId, const QString &content,
                                     const QVariantList &citations)
{
    return report(QuestionActions(m_store).editAnswer(answerId, content, citationRows(citations)));
}

bool QuestionsController::acceptAnswer(const QString &answerId)
{
    return report(QuestionActions(m_store).acceptAnswer(answerId), tr("Answer accepted"));
}

bool QuestionsController::unacceptAnswer(const QString &answerId)
{
    return report(QuestionActions(m_store).unacceptAnswer(answerId),
                  tr("Answer no longer accepted"));
}

bool QuestionsController::setRating(const QString &answerId, int stars)
{
    return report(QuestionActions(m_store).setRating(answerId, stars));
}

bool QuestionsController::removeAnswer(const QString &answerId)
{
    return report(QuestionActions(m_store).removeAnswer(answerId), tr("Answer deleted"));
}

} // namespace mana::questions
