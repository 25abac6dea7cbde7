#include "serverlog.h"

namespace mana::server {
Q_LOGGING_CATEGORY(lcHttp, "mana.sync.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "mana.sync.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "mana.sync.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMain, "mana.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInstances, "mana.sync.instances", QtInfoMsg)
} // namespace mana::server
