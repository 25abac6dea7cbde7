#include "questionslog.h"

Q_LOGGING_CATEGORY(lcQuestions, "mana.questions")
