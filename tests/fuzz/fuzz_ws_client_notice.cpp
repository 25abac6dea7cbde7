// The WebSocket messages the app reads from the sync server
// (syncclient/sync/servernotice.cpp): any text, from a hostile server or a
// broken proxy.
//
// Properties: a sync-available notice names an app and only non-empty
// tables of bounded length and number; nothing else carries an app or tables.
#include "fuzzsupport.h"

#include "servernotice.h"

using namespace mana;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString message = QString::fromUtf8(fuzz::bytes(data, size));
    const ServerNotice notice = readServerNotice(message);
    if (notice.kind == ServerNotice::Kind::SyncAvailable) {
        MANA_FUZZ_CHECK(!notice.appId.isEmpty() && notice.appId.size() <= 128, notice.appId);
        MANA_FUZZ_CHECK(notice.tables.size() <= kMaxNoticeTables,
                        QString::number(notice.tables.size()));
        for (const QString &table : notice.tables)
            MANA_FUZZ_CHECK(!table.isEmpty() && table.size() <= 128, table);
    } else {
        MANA_FUZZ_CHECK(notice.appId.isEmpty() && notice.tables.isEmpty(), notice.appId);
    }
    MANA_FUZZ_CHECK(notice.text.size() <= 200, QString::number(notice.text.size()));
    return 0;
}
