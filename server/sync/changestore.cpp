#include "changestore.h"

#include "wire/change.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mana::server {

ChangeStore::~ChangeStore() = default;

QString ChangeStore::formatCursor(qint64 sequence) const
{
    return QStringLiteral("mana1:%1:%2").arg(databaseId()).arg(sequence);
}

qint64 ChangeStore::parseCursor(const QString &cursor, qint64 head) const
{
    const QStringList parts = cursor.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts.at(0) != QLatin1String("mana1") || parts.at(1) != databaseId())
        return 0;
    bool ok = false;
    const qint64 sequence = parts.at(2).toLongLong(&ok);
    // A cursor beyond the head means the log was reset (restored from an
    // older backup): resync from the start rather than miss changes.
    if (!ok || sequence < 0 || sequence > head)
        return 0;
    return sequence;
}

// The text of wire/changetext.cpp, which is what a QJsonDocument of the
// state gives: a push writes every state and log entry, and building
// QJsonObjects for them cost a quarter of the push.
QByteArray recordStateToJson(const RecordState &state)
{
    QByteArray text;
    text.reserve(64 * state.size() + 2);
    wire::appendFieldStatesJson(&text, state);
    return text;
}

void fillPageFromCandidates(const QList<PageCandidate> &latest,
                            const QList<PageCandidate> &byOthers, int limit, qint64 head,
                            ChangePage *page)
{
    qsizetype nextLatest = 0;
    qsizetype nextByOthers = 0;
    while (nextLatest < latest.size() || nextByOthers < byOthers.size()) {
        if (page->records.size() == limit) {
            page->hasMore = true;
            break;
        }
        const bool takeLatest =
            nextByOthers == byOthers.size() ||
            (nextLatest < latest.size() &&
             latest.at(nextLatest).position < byOthers.at(nextByOthers).position);
        const PageCandidate &candidate =
            takeLatest ? latest.at(nextLatest++) : byOthers.at(nextByOthers++);
        const auto state = recordStateFromJson(candidate.state);
        if (!state) {
            page->error = QStringLiteral("unreadable stored state");
            return;
        }
        page->records.append(
            StoredRecord{candidate.table, candidate.id, *state, candidate.position});
    }
    page->syncedUntil = page->hasMore ? page->records.constLast().position : head;
    page->ok = true;
}

std::optional<RecordState> recordStateFromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    RecordState state;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject field = it.value().toObject();
        state.insert(it.key(), FieldState{field.value(QStringLiteral("value")),
                                          field.value(QStringLiteral("updatedAt")).toString(),
                                          field.value(QStringLiteral("clientId")).toString()});
    }
    return state;
}

} // namespace mana::server
