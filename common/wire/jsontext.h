// Compact JSON text written straight into a QByteArray, for the hot paths of
// the wire layer (push bodies, push and pull answers): building a QJsonObject
// per change only to serialise it at once costs more than the rest of a pull.
// The output is byte for byte what QJsonDocument::toJson(Compact) writes for
// the same value, so both paths stay interchangeable.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

namespace mana::wire {

// A JSON string literal, quotes included: `"`, `\` and control characters
// escaped, everything else as raw UTF-8; a lone surrogate (not encodable in
// UTF-8) as a \uXXXX escape, like Qt.
void appendJsonString(QByteArray *out, QStringView text);
// The same for text that is UTF-8 already (a SQLite column): copied as it is
// between escapes. Invalid UTF-8 stays invalid, so a parser refuses the
// whole text rather than reading something else.
void appendJsonUtf8String(QByteArray *out, QByteArrayView utf8);

// Any JSON value; undefined is written as null, like Qt does inside arrays.
// Integers exactly, other numbers in Qt's shortest round-trip form,
// infinities and NaN as null.
void appendJsonValue(QByteArray *out, const QJsonValue &value);
void appendJsonObject(QByteArray *out, const QJsonObject &object);
void appendJsonArray(QByteArray *out, const QJsonArray &array);

} // namespace mana::wire
