#include "zitarelog.h"

Q_LOGGING_CATEGORY(lcZitare, "mana.zitare")
