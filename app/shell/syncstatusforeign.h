// Makes mana::SyncStatus (syncclient has no QML in it) known to QML, so the
// shell can compare states by name: SyncStatus.Error, SyncStatus.Pending, ….
#pragma once

#include "syncstatus.h"

#include <QtQml/qqml.h>

namespace mana {

struct SyncStatusForeign
{
    Q_GADGET
    QML_FOREIGN(mana::SyncStatus)
    QML_NAMED_ELEMENT(SyncStatus)
    QML_UNCREATABLE("The sync engine owns the sync status")
};

} // namespace mana
