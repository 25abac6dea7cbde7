// A question's tags: the `tags` field, a JSON list of strings. Normalised
// on every write (trimmed, inner spaces collapsed, empty ones dropped, the
// first spelling kept when two differ only in case), and read leniently:
// whatever sync brings that is not a list of strings reads as no tags.
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace mana::questions {

QStringList normaliseTags(const QStringList &tags);
// Lenient read: an array's strings, normalised; anything else gives none.
QStringList tagsFromJson(const QJsonValue &value);
QJsonArray tagsToJson(const QStringList &tags);
// Whether `tags` holds `tag`, ignoring case (what the tag filter asks).
bool hasTag(const QStringList &tags, const QString &tag);

} // namespace mana::questions
