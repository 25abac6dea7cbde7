// Logging categories of the sync server core. Log lines never carry a
// token, a password or record contents; user ids and client ids are fine.
#pragma once

#include <QLoggingCategory>

namespace mana::server {
Q_DECLARE_LOGGING_CATEGORY(lcHttp)      // mana.sync.http: one line per request
Q_DECLARE_LOGGING_CATEGORY(lcStore)     // mana.sync.store
Q_DECLARE_LOGGING_CATEGORY(lcWs)        // mana.sync.ws
Q_DECLARE_LOGGING_CATEGORY(lcMain)      // mana.sync: start-up and shutdown
Q_DECLARE_LOGGING_CATEGORY(lcInstances) // mana.sync.instances: LISTEN/NOTIFY between processes
} // namespace mana::server
