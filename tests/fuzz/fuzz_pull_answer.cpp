// An answer to a pull or a push as the client reads it and stores it:
// SyncTransport's reading (wire::parseBody with the client's 64 MiB limit,
// SyncResponse::fromJson), then what AppChannel commits for it
// (LocalStore::applyRemoteBatch: the changes merged field by field into a
// real SQLite profile holding every module's collections, the clamped
// timestamps, the cursor).
//
// Properties beyond "no crash, no sanitizer report":
// - the answer written again with SyncResponse::toJsonText is the same bytes
//   QJsonDocument writes for toJson() (the server writes its answers so);
// - the merge is commutative: the changes of one record merged in the
//   order received and in reverse give the same state;
// - applying the same answer twice changes nothing the second time.
#include "fuzzsupport.h"

#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "wire/change.h"

#include <QHash>
#include <QJsonDocument>

using namespace mana;

namespace {

struct Profile
{
    LocalStore store;
    QHash<QString, QString> appOfTable; // wire name -> the first app that has it
    int changedRecords = 0;
};

Profile *profile()
{
    static Profile *opened = [] {
        auto *p = new Profile; // lives as long as the process
        QString error;
        if (!p->store.open(fuzz::scratchDirectory() + QStringLiteral("/pull.sqlite"), &error))
            fuzz::fail("the profile opens", error);
        const ModuleCatalog catalog = ModuleCatalog::load();
        for (const ModuleSpec &module : catalog.modules) {
            if (!p->store.addModule(module, &error))
                fuzz::fail("a module's collections are created", error);
            for (const CollectionSpec &collection : module.collections) {
                if (!p->appOfTable.contains(collection.wireName))
                    p->appOfTable.insert(collection.wireName, module.appId);
            }
        }
        for (Collection *collection : p->store.collections()) {
            QObject::connect(collection, &Collection::changed, collection,
                             [p](const QStringList &ids) { p->changedRecords += ids.size(); });
        }
        return p;
    }();
    return opened;
}

QString stateText(const RecordState &state)
{
    QString text;
    for (auto it = state.begin(); it != state.end(); ++it) {
        text += QStringLiteral("%1=%2@%3/%4; ")
                    .arg(it.key(),
                         QString::fromUtf8(
                             QJsonDocument(QJsonArray{it->value}).toJson(QJsonDocument::Compact)),
                         it->updatedAt, it->clientId);
    }
    return text;
}

void checkMergeCommutes(const QList<wire::Change> &changes)
{
    QHash<QString, QList<RecordState>> byRecord;
    for (const wire::Change &change : changes)
        byRecord[change.table + u'/' + change.id].append(change.toRecordState(QString()));
    for (auto it = byRecord.begin(); it != byRecord.end(); ++it) {
        const QList<RecordState> &states = it.value();
        if (states.size() < 2)
            continue;
        RecordState forward;
        RecordState backward;
        for (qsizetype i = 0; i < states.size(); ++i) {
            forward = mergeRecord(forward, states.at(i)).merged;
            backward = mergeRecord(backward, states.at(states.size() - 1 - i)).merged;
        }
        MANA_FUZZ_CHECK(forward == backward,
                        QStringLiteral("%1 in order:\n%2\nreversed:\n%3")
                            .arg(it.key(), stateText(forward), stateText(backward)));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    profile();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    // SyncTransport::parseAnswer
    QString error;
    const auto document = wire::parseBody(body, &error, 64 * 1024 * 1024);
    if (!document || !document->isObject())
        return 0;
    const auto response = wire::SyncResponse::fromJson(document->object(), &error);
    if (!response)
        return 0;

    const QByteArray fast = response->toJsonText();
    const QByteArray viaQt = QJsonDocument(response->toJson()).toJson(QJsonDocument::Compact);
    MANA_FUZZ_CHECK(fast == viaQt, QStringLiteral("toJsonText:\n%1\nQJsonDocument:\n%2")
                                       .arg(QString::fromUtf8(fast), QString::fromUtf8(viaQt)));
    checkMergeCommutes(response->serverChanges);

    // AppChannel's commit of the answer.
    Profile *p = profile();
    LocalStore::RemoteBatch batch;
    batch.appId = QStringLiteral("todo");
    if (!response->serverChanges.isEmpty())
        batch.appId = p->appOfTable.value(response->serverChanges.first().table, batch.appId);
    batch.changes = response->serverChanges;
    batch.adjusted = response->adjusted;
    batch.metaValues.append({QStringLiteral("fuzz.cursor"), response->syncedUntil});
    if (!p->store.applyRemoteBatch(batch, &error))
        return 0; // refused as a whole: a sentence, nothing written

    p->changedRecords = 0;
    MANA_FUZZ_CHECK(p->store.applyRemoteBatch(batch, &error),
                    QStringLiteral("the second apply failed: %1").arg(error));
    MANA_FUZZ_CHECK(p->changedRecords == 0,
                    QStringLiteral("the second apply changed %1 records").arg(p->changedRecords));
    return 0;
}
