// What every iCalendar writer shares (Calendar's export, Todo's export):
// text escaped as RFC 5545 §3.3.11 says and lines folded at 75 octets
// (§3.1) without splitting a UTF-8 character. The text is written by the
// apps rather than through libical's serializer so the output is
// byte-for-byte predictable; libical reads it back in the tests.
#pragma once

#include <QByteArray>
#include <QString>

namespace mana::ical {

// Backslash, semicolon, comma and line breaks escaped; other control
// characters (which have no escape) left out.
QByteArray escapeText(const QString &text);

// Appends `line` folded at 75 octets and a CRLF: a continuation line starts
// with a space, which counts.
void appendFolded(QByteArray *out, const QByteArray &line);

} // namespace mana::ical
