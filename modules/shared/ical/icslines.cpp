#include "icslines.h"

#include <algorithm>

namespace mana::ical {

namespace {

bool isNameCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// Splits "NAME;PARAM=\"a:b\":value" at the first ':' outside quotes. False
// when the line has no name or no ':' (RFC 5545 §3.1).
bool splitContentLine(const QByteArray &text, QByteArray *name, QByteArray *value)
{
    qsizetype nameEnd = 0;
    while (nameEnd < text.size() && isNameCharacter(text[nameEnd]))
        ++nameEnd;
    if (nameEnd == 0 || nameEnd == text.size() || (text[nameEnd] != ';' && text[nameEnd] != ':'))
        return false;
    bool quoted = false;
    for (qsizetype i = nameEnd; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == ':' && !quoted) {
            *name = text.left(nameEnd).toUpper();
            *value = text.mid(i + 1);
            return true;
        }
    }
    return false;
}

} // namespace

const ContentLine *LineIndex::property(int component, const char *name) const
{
    if (component < 0 || component >= components.size())
        return nullptr;
    for (int index : components[component].properties) {
        if (lines[index].name == name)
            return &lines[index];
    }
    return nullptr;
}

int LineIndex::lineOf(int component, const char *name, const QByteArray &value) const
{
    if (component < 0 || component >= components.size())
        return 0;
    const ContentLine *firstNamed = nullptr;
    for (int index : components[component].properties) {
        const ContentLine &line = lines[index];
        if (line.name != name)
            continue;
        if (!firstNamed)
            firstNamed = &line;
        if (value.isEmpty() || line.value == value || line.value.split(',').contains(value))
            return line.line;
    }
    return firstNamed ? firstNamed->line : components[component].beginLine;
}

LineIndex indexLines(const QByteArray &data)
{
    LineIndex index;
    index.lines.reserve(data.size() / 40);
    QList<int> open; // the components not yet ended, innermost last
    auto fail = [&](IcsErrorCode code, int line, const QByteArray &text) {
        index.error = {code, line, {}, QString::fromUtf8(text.left(200))};
        return index;
    };

    // Unfolding: a line starting with a space or tab continues the one
    // before it (RFC 5545 §3.1); its first character goes.
    QByteArray pending;
    int pendingLine = 0;
    int lineNumber = 0;
    qsizetype position = 0;
    if (data.startsWith("\xEF\xBB\xBF"))
        position = 3; // a UTF-8 byte order mark, as some Windows tools write
    auto finish = [&]() -> bool {
        if (pendingLine == 0)
            return true;
        ContentLine content;
        content.line = pendingLine;
        content.text = pending;
        pendingLine = 0;
        if (!splitContentLine(content.text, &content.name, &content.value)) {
            fail(index.lines.isEmpty() ? IcsErrorCode::NotICalendar : IcsErrorCode::BrokenLine,
                 content.line, content.text);
            return false;
        }
        if (index.lines.isEmpty() &&
            (content.name != "BEGIN" || content.value.trimmed().toUpper() != "VCALENDAR")) {
            fail(IcsErrorCode::NotICalendar, content.line, content.text);
            return false;
        }
        const int lineIndex = int(index.lines.size());
        if (content.name == "BEGIN") {
            LineComponent component;
            component.kind = content.value.trimmed().toUpper();
            component.parent = open.isEmpty() ? -1 : open.last();
            component.beginLine = content.line;
            if (component.kind.isEmpty()) {
                fail(IcsErrorCode::BrokenLine, content.line, content.text);
                return false;
            }
            const int componentIndex = int(index.components.size());
            if (component.parent >= 0)
                index.components[component.parent].children.append(componentIndex);
            index.components.append(component);
            open.append(componentIndex);
        } else if (content.name == "END") {
            const QByteArray kind = content.value.trimmed().toUpper();
            if (open.isEmpty() || index.components[open.last()].kind != kind) {
                // END:VCALENDAR while a VEVENT is open: the VEVENT lacks its
                // END, which is what the person has to fix.
                const bool closesOuter = std::any_of(open.begin(), open.end(), [&](int open) {
                    return index.components[open].kind == kind;
                });
                if (closesOuter) {
                    const LineComponent &unclosed = index.components[open.last()];
                    fail(IcsErrorCode::UnclosedComponent, unclosed.beginLine,
                         "BEGIN:" + unclosed.kind);
                } else {
                    fail(IcsErrorCode::UnexpectedEnd, content.line, content.text);
                }
                return false;
            }
            index.components[open.last()].endLine = content.line;
            open.removeLast();
        } else if (open.isEmpty()) {
            // Content after the last END:VCALENDAR.
            fail(IcsErrorCode::BrokenLine, content.line, content.text);
            return false;
        } else {
            index.components[open.last()].properties.append(lineIndex);
        }
        index.lines.append(std::move(content));
        return true;
    };

    while (position < data.size()) {
        qsizetype end = data.indexOf('\n', position);
        if (end < 0)
            end = data.size();
        qsizetype contentEnd = end;
        if (contentEnd > position && data[contentEnd - 1] == '\r')
            --contentEnd;
        ++lineNumber;
        const QByteArrayView physical(data.constData() + position, contentEnd - position);
        position = end + 1;
        if (!physical.isEmpty() && (physical[0] == ' ' || physical[0] == '\t')) {
            if (pendingLine == 0)
                return fail(IcsErrorCode::NotICalendar, lineNumber, physical.toByteArray());
            pending.append(physical.sliced(1));
            continue;
        }
        if (!finish())
            return index;
        if (physical.trimmed().isEmpty())
            continue; // blank lines, which some exporters leave at the end
        pending = physical.toByteArray();
        pendingLine = lineNumber;
    }
    if (!finish())
        return index;
    if (index.lines.isEmpty())
        return fail(IcsErrorCode::NotICalendar, 1, data.left(80));
    if (!open.isEmpty()) {
        // The file ended inside components: the innermost one lacks its END
        // (the outer ones are missing theirs only because of it, or too).
        const LineComponent &unclosed = index.components[open.last()];
        return fail(IcsErrorCode::UnclosedComponent, unclosed.beginLine, "BEGIN:" + unclosed.kind);
    }
    return index;
}

} // namespace mana::ical
