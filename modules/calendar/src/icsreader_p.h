// The reader behind parseIcs (icsreader.cpp), shared with the event
// reading in icsevent.cpp: libical parses, the shared line index
// (modules/shared/ical/icslines.h) supplies the line numbers libical does
// not know. Internal to manacalendar.
#pragma once

#include "icsimport.h"
#include "icsreaderbase.h"

#include <QJsonObject>

#include <optional>

namespace mana::calendar::ics {

// The shared reader (modules/shared/ical): the line index, zones, instants,
// libical's RAII.
using namespace mana::ical;

class Reader : public ReaderBase
{
public:
    Reader(const LineIndex &index, const IcsParseOptions &options)
        : ReaderBase(index, options.floatingZone)
    {}
    ParsedIcs read(icalcomponent *root);

private:
    void readCalendarInfo(icalcomponent *calendar);
    std::optional<QJsonObject> readEvent(icalcomponent *event, int indexComponent);
    // The result so far with the first error noted.
    ParsedIcs finish()
    {
        m_result.error = m_error;
        return std::move(m_result);
    }

    ParsedIcs m_result;
};

} // namespace mana::calendar::ics
