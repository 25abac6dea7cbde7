#include "remindersource.h"

Q_LOGGING_CATEGORY(lcReminders, "mana.reminders")

namespace mana {

ReminderSource::~ReminderSource() = default;

} // namespace mana
