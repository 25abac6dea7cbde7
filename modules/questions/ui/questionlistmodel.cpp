#include "questionlistmodel.h"

#include "collection.h"
#include "localstore.h"
#include "questionslog.h"
#include "questiontags.h"

namespace mana::questions {

QuestionListModel::QuestionListModel(QObject *parent)
    : StoreQueryModel(parent)
{
    m_requery.setSingleShot(true);
    m_requery.setInterval(0);
    connect(&m_requery, &QTimer::timeout, this, &QuestionListModel::requery);
    m_matchRefresh.setSingleShot(true);
    m_matchRefresh.setInterval(kMatchRefreshMs);
    connect(&m_matchRefresh, &QTimer::timeout, this, &QuestionListModel::requery);
}

void QuestionListModel::storeReplaced(LocalStore *previous)
{
    if (previous) {
        for (Collection *collection : previous->collections())
            collection->disconnect(this);
    }
    if (LocalStore *store = localStore()) {
        if (Collection *answers =
                store->collection(QStringLiteral("questions"), QStringLiteral("answers")))
            connect(answers, &Collection::changed, this, &QuestionListModel::answersChanged);
        // A question written while a text or tag filter is on may now match
        // (or no longer): the id list is made again. Other filters are the
        // query's own, which the base model follows row by row.
        if (Collection *questions =
                store->collection(QStringLiteral("questions"), QStringLiteral("questions")))
            connect(questions, &Collection::changed, this, [this] {
                if (m_filter.needsMatching())
                    scheduleMatchRefresh();
            });
    }
    requery();
}

#define MANA_FILTER_SETTER(setter, member)                                                         \
    void QuestionListModel::setter(const QString &value)                                           \
    {                                                                                              \
        if (m_filter.member == value)                                                              \
            return;                                                                                \
        m_filter.member = value;                                                                   \
        scheduleRequery();                                                                         \
        emit filterChanged();                                                                      \
    }
MANA_FILTER_SETTER(setCollectionId, collectionId)
MANA_FILTER_SETTER(setStatus, status)
MANA_FILTER_SETTER(setPriority, priority)
MANA_FILTER_SETTER(setTag, tag)
MANA_FILTER_SETTER(setText, text)
#undef MANA_FILTER_SETTER

void QuestionListModel::setOrder(int value)
{
    const auto sort = QuestionSort(std::clamp(value, 0, int(QuestionSort::Status)));
    if (sort == m_sort)
        return;
    m_sort = sort;
    scheduleRequery();
    emit filterChanged();
}

void QuestionListModel::scheduleRequery()
{
    m_requery.start();
}

void QuestionListModel::scheduleMatchRefresh()
{
    // Not restarted: the first write of a burst sets when it runs.
    if (!m_matchRefresh.isActive())
        m_matchRefresh.start();
}

void QuestionListModel::requery()
{
    m_requery.stop();
    m_matchRefresh.stop();
    LocalStore *store = localStore();
    Collection *questions =
        store ? store->collection(QStringLiteral("questions"), QStringLiteral("questions"))
              : nullptr;
    const BuiltQuestionQuery built = buildQuestionQuery(store, m_filter, m_sort);
    m_answerCounts.clear();
    setQuery(questions, built.query);
    if (built.capped != m_capped) {
        m_capped = built.capped;
        emit cappedChanged();
    }
}

void QuestionListModel::answersChanged(const QStringList &)
{
    // An answer names its question only in its fields, which a deleted
    // answer no longer gives cheaply: count the shown rows again.
    m_answerCounts.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {AnswerCountRole});
    if (m_filter.needsMatching() && !m_filter.text.simplified().isEmpty())
        scheduleMatchRefresh();
}

QVariant QuestionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QJsonObject &record = recordAt(index.row());
    switch (role) {
    case IdRole:
        return record.value(u"id").toString();
    case TitleRole:
        return record.value(u"title").toString();
    case StatusRole:
        return record.value(u"status").toString();
    case PriorityRole:
        return record.value(u"priority").toString();
    case TagsRole:
        return tagsFromJson(record.value(u"tags"));
    case AnswerCountRole: {
        const QString id = record.value(u"id").toString();
        auto cached = m_answerCounts.constFind(id);
        if (cached != m_answerCounts.cend())
            return *cached;
        LocalStore *store = localStore();
        Collection *answers =
            store ? store->collection(QStringLiteral("questions"), QStringLiteral("answers"))
                  : nullptr;
        const int count =
            answers
                ? answers->count(Query().where(QStringLiteral("questionId"), Query::Op::Equal, id))
                : 0;
        m_answerCounts.insert(id, count);
        return count;
    }
    case UpdatedRole:
        return record.value(u"updatedAt").toString();
    default:
        return {};
    }
}

QHash<int, QByteArray> QuestionListModel::roleNames() const
{
    return {{IdRole, "questionId"},     {TitleRole, "title"}, {StatusRole, "status"},
            {PriorityRole, "priority"}, {TagsRole, "tags"},   {AnswerCountRole, "answerCount"},
            {UpdatedRole, "updatedAt"}};
}

} // namespace mana::questions
