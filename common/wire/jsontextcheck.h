// Checks of a JSON text that QJsonDocument does not make (wire::parseBody
// uses them): one pass over the bytes for the nesting depth, the number of
// object keys and the first raw control character inside a string, and the
// number of keys of the parsed objects. Fewer parsed keys than written ones
// means an object had a key twice, which QJsonDocument drops silently.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace mana::wire {

struct TextFacts
{
    int depth = 0;      // the outermost object or array is depth 1
    qsizetype keys = 0; // strings followed by a colon
    qsizetype controlCharacterAt = -1;
};

// Also for texts QJsonDocument refuses (it has its own, much higher depth limit).
TextFacts scanText(const QByteArray &body);
// Keys of every object in a parsed document (a duplicate counts once).
qsizetype countKeys(const QJsonObject &object);
qsizetype countKeys(const QJsonValue &value);
// The first key that an object of `body` (valid JSON) has twice, as written
// (escapes included). The slow path, only for the error message.
QByteArray firstDuplicateKey(const QByteArray &body);

} // namespace mana::wire
