#pragma once

#include <QLoggingCategory>

// Questions' actions and filters (mana.questions).
Q_DECLARE_LOGGING_CATEGORY(lcQuestions)
