// The first pass of the iCalendar reader (internal to manacalendar): the
// file's physical lines unfolded into content lines, each remembering the
// 1-based line it starts on, and the BEGIN/END structure. libical reports
// problems as X-LIC-ERROR properties without line numbers; this index is how
// an error finds its line, and it catches broken lines and unbalanced
// BEGIN/END before libical guesses around them.
#pragma once

#include "icserror.h"

#include <QByteArray>
#include <QList>

namespace mana::ical {

struct ContentLine
{
    int line = 0;     // 1-based physical line where it starts
    QByteArray name;  // upper case: "DTSTART"
    QByteArray value; // after the first ':' outside quotes, still escaped
    QByteArray text;  // the whole unfolded line, for error messages
};

struct LineComponent
{
    QByteArray kind; // upper case: "VEVENT"
    int parent = -1; // index into LineIndex::components; -1 at the top
    int beginLine = 0;
    int endLine = 0;
    QList<int> properties; // indices into LineIndex::lines (BEGIN/END excluded)
    QList<int> children;   // indices into LineIndex::components, in order
};

struct LineIndex
{
    QList<ContentLine> lines;
    QList<LineComponent> components; // in the order of their BEGIN lines
    IcsError error;                  // the first structural problem

    // The first of the component's own properties named `name`; nullptr when none.
    const ContentLine *property(int component, const char *name) const;
    // The line of the component's property `name` whose value is `value`
    // (any of its comma-separated values), else of the first named `name`,
    // else the component's BEGIN line.
    int lineOf(int component, const char *name, const QByteArray &value = {}) const;
};

// Splits and checks the file (CRLF or LF ends, folded lines). Stops at the
// first structural error.
LineIndex indexLines(const QByteArray &data);

} // namespace mana::ical
