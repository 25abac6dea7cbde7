#include "authlog.h"

namespace mana::server {
Q_LOGGING_CATEGORY(lcAuth, "mana.sync.auth")
} // namespace mana::server
