#include "cardsimport.h"

#include "collection.h"
#include "localstore.h"
#include "query.h"
#include "undostep.h"

#include <QJsonArray>

namespace mana::cards {

CardsImportResult importCardsText(LocalStore *store, const QString &deckId, const QByteArray &bytes)
{
    CardsImportResult result;
    const ParsedCardsText parsed = parseCardsText(bytes);
    if (!parsed.ok()) {
        result.error = parsed.error;
        return result;
    }
    Collection *cards =
        store ? store->collection(QStringLiteral("cards"), QStringLiteral("cards")) : nullptr;
    Collection *decks =
        store ? store->collection(QStringLiteral("cards"), QStringLiteral("decks")) : nullptr;
    if (!cards || !decks || !decks->get(deckId)) {
        result.storeError = QStringLiteral("no deck %1").arg(deckId);
        return result;
    }
    Query last;
    last.where(QStringLiteral("deckId"), Query::Op::Equal, deckId);
    last.orderBy(QStringLiteral("order"), true);
    last.limit = 1;
    const QList<QJsonObject> rows = cards->query(last);
    const double first =
        rows.isEmpty() ? 0 : rows.first().value(QStringLiteral("order")).toDouble() + 1;
    QList<QJsonObject> values;
    values.reserve(parsed.cards.size());
    for (qsizetype i = 0; i < parsed.cards.size(); ++i) {
        const TextCard &card = parsed.cards.at(i);
        QJsonObject value{{QStringLiteral("deckId"), deckId},
                          {QStringLiteral("front"), card.front},
                          {QStringLiteral("back"), card.back},
                          {QStringLiteral("order"), first + double(i)}};
        if (!card.tags.isEmpty())
            value.insert(QStringLiteral("tags"), QJsonArray::fromStringList(card.tags));
        values.append(value);
    }
    UndoStep step;
    QString error;
    const bool ok = store->writeGroupWithUndo(
        [&](QString *failure) {
            const QStringList ids = cards->insertMany(values, failure);
            return ids.size() == values.size();
        },
        &step, &error);
    if (!ok) {
        result.storeError = error.isEmpty() ? QStringLiteral("the import was refused") : error;
        return result;
    }
    result.imported = int(values.size());
    result.undoStepId = step.id;
    return result;
}

QByteArray exportCardsText(LocalStore *store, const QString &deckId)
{
    Collection *cards =
        store ? store->collection(QStringLiteral("cards"), QStringLiteral("cards")) : nullptr;
    QList<TextCard> out;
    if (cards) {
        Query query;
        query.where(QStringLiteral("deckId"), Query::Op::Equal, deckId);
        query.orderBy(QStringLiteral("order")).orderBy(QStringLiteral("id"));
        for (const QJsonObject &card : cards->query(query)) {
            // Anki's tags are words: one with a space would come back as two.
            QStringList tags;
            for (const QJsonValue &tag : card.value(QStringLiteral("tags")).toArray()) {
                const QString word = tag.toString().simplified().replace(u' ', u'_');
                if (!word.isEmpty())
                    tags.append(word);
            }
            out.append({card.value(QStringLiteral("front")).toString(),
                        card.value(QStringLiteral("back")).toString(), tags});
        }
    }
    return writeCardsText(out);
}

} // namespace mana::cards
