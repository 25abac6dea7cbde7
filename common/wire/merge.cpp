#include "merge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mana {

namespace {

QJsonValue sortedKeys(const QJsonValue &value)
{
    // QJsonObject already iterates in key order; arrays keep their order.
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(sortedKeys(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), sortedKeys(it.value()));
        return out;
    }
    return value;
}

} // namespace

QByteArray canonicalJson(const QJsonValue &value)
{
    // QJsonDocument only serialises containers, so wrap the value in an
    // array and strip the brackets.
    QJsonArray wrapper;
    wrapper.append(sortedKeys(value));
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

bool incomingFieldWins(const FieldState &current, const FieldState &incoming)
{
    // Canonical timestamps compare correctly as strings.
    if (incoming.updatedAt != current.updatedAt)
        return incoming.updatedAt > current.updatedAt;
    if (incoming.clientId != current.clientId)
        return incoming.clientId.toUtf8() > current.clientId.toUtf8();
    return canonicalJson(incoming.value) > canonicalJson(current.value);
}

MergeOutcome mergeRecord(const RecordState &current, const RecordState &incoming)
{
    MergeOutcome outcome;
    outcome.merged = current;
    for (auto it = incoming.begin(); it != incoming.end(); ++it) {
        const auto existing = outcome.merged.constFind(it.key());
        if (existing == outcome.merged.constEnd() || incomingFieldWins(*existing, it.value())) {
            outcome.merged.insert(it.key(), it.value());
            outcome.changedFields.append(it.key());
        }
    }
    // QMap iteration is sorted, so changedFields is too.
    return outcome;
}

} // namespace mana
