#include "reviewlog.h"

#include "collection.h"
#include "localstore.h"
#include "query.h"
#include "sm2.h"
#include "studysession.h"

#include <QDateTime>
#include <QJsonObject>

namespace mana::cards {

QList<ReviewDay> reviewsPerDay(LocalStore *store, const QString &deckId, const QDate &lastDay,
                               int days, QString *error)
{
    QList<ReviewDay> result;
    if (days <= 0 || !lastDay.isValid())
        return result;
    const QDate firstDay = lastDay.addDays(-(days - 1));
    for (QDate day = firstDay; day <= lastDay; day = day.addDays(1))
        result.append({day, 0, 0});
    Collection *reviews =
        store ? store->collection(QStringLiteral("cards"), QStringLiteral("reviews")) : nullptr;
    if (!reviews) {
        if (error)
            *error = QStringLiteral("the cards module is not in the store");
        return result;
    }
    Query query;
    if (!deckId.isEmpty())
        query.where(QStringLiteral("deckId"), Query::Op::Equal, deckId);
    query.where(QStringLiteral("reviewedAt"), Query::Op::GreaterOrEqual,
                StudySession::storedTime(startOfLocalDay(firstDay)));
    query.where(QStringLiteral("reviewedAt"), Query::Op::Less,
                StudySession::storedTime(startOfLocalDay(lastDay.addDays(1))));
    const QList<QJsonObject> rows = reviews->query(query, error);
    for (const QJsonObject &row : rows) {
        const QDateTime at =
            QDateTime::fromString(row.value(QStringLiteral("reviewedAt")).toString(), Qt::ISODate);
        if (!at.isValid())
            continue;
        const qint64 index = firstDay.daysTo(at.toLocalTime().date());
        if (index < 0 || index >= result.size())
            continue;
        ++result[index].reviews;
        if (row.value(QStringLiteral("rating")).toInt() == int(Answer::Again))
            ++result[index].again;
    }
    return result;
}

} // namespace mana::cards
