#include "questiontags.h"

#include <QJsonDocument>
#include <QSet>

namespace mana::questions {

QStringList normaliseTags(const QStringList &tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString clean = tag.simplified();
        if (clean.isEmpty())
            continue;
        // Case folding (Unicode's simple folding, as the store's search:
        // "ß" is not "ss"), not toLower, which some letters do not survive.
        const QString key = clean.toCaseFolded();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        result.append(clean);
    }
    return result;
}

QStringList tagsFromJson(const QJsonValue &value)
{
    QJsonArray array = value.toArray();
    if (value.isString())
        array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    QStringList tags;
    for (const QJsonValue &entry : array) {
        if (entry.isString())
            tags.append(entry.toString());
    }
    return normaliseTags(tags);
}

QJsonArray tagsToJson(const QStringList &tags)
{
    return QJsonArray::fromStringList(normaliseTags(tags));
}

bool hasTag(const QStringList &tags, const QString &tag)
{
    const QString key = tag.simplified().toCaseFolded();
    for (const QString &entry : tags) {
        if (entry.simplified().toCaseFolded() == key)
            return true;
    }
    return false;
}

} // namespace mana::questions
