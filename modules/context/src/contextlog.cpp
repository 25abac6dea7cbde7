#include "contextlog.h"

Q_LOGGING_CATEGORY(lcContext, "mana.context")
