// Timestamps on the wire and in the store: ISO 8601 UTC with milliseconds
// ("2026-03-26T14:01:05.123Z"). The canonical form sorts correctly as a plain
// string, which is why every timestamp is normalised to it on the way in.
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace mana {

// Milliseconds since the Unix epoch, UTC.
using Millis = qint64;

// Formats as "yyyy-MM-ddTHH:mm:ss.zzzZ" (always UTC, always milliseconds).
QString formatTimestamp(Millis millisSinceEpoch);

// Parses ISO 8601 with a "Z" or a numeric offset, with or without fractional
// seconds. Returns nullopt for anything else (dates without a time, garbage,
// years outside 1970..9999).
std::optional<Millis> parseTimestamp(QStringView text);

// parseTimestamp + formatTimestamp; nullopt when the text is not a timestamp.
std::optional<QString> canonicalTimestamp(QStringView text);

} // namespace mana
