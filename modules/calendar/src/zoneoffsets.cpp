#include "zoneoffsets.h"

#include <QHash>

#include <memory>

namespace mana::calendar::detail {

const OffsetTable &offsetTable(const QTimeZone &zone)
{
    thread_local QHash<QByteArray, std::shared_ptr<const OffsetTable>> tables;
    std::shared_ptr<const OffsetTable> &table = tables[zone.id()];
    if (!table)
        table = std::make_shared<const OffsetTable>(zone);
    return *table;
}

} // namespace mana::calendar::detail
