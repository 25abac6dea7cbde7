// RAII for the libical objects the iCalendar reader and writer hold
// (internal to manacalendar): whoever owns a tree frees it once, also on
// the early returns of an error.
#pragma once

#include <libical/ical.h>

#include <memory>

namespace mana::ical {

struct ComponentFree
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// A zone made from a file's VTIMEZONE; it owns a copy of the component.
struct TimezoneFree
{
    void operator()(icaltimezone *zone) const { icaltimezone_free(zone, 1); }
};
using TimezonePtr = std::unique_ptr<icaltimezone, TimezoneFree>;

// libical aborts on errors when they are configured fatal (a build option);
// a bad file must only be refused, so fatality is off while we call it.
struct LibicalErrorsNotFatal
{
    LibicalErrorsNotFatal() { icalerror_set_errors_are_fatal(0); }
    ~LibicalErrorsNotFatal() { icalerror_set_errors_are_fatal(m_previous); }
    LibicalErrorsNotFatal(const LibicalErrorsNotFatal &) = delete;
    LibicalErrorsNotFatal &operator=(const LibicalErrorsNotFatal &) = delete;
    const int m_previous = icalerror_get_errors_are_fatal();
};

} // namespace mana::ical
