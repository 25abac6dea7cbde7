#include "skilltreelog.h"

Q_LOGGING_CATEGORY(lcSkillTree, "mana.skilltree")
