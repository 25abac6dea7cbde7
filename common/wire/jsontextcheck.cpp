#include "jsontextcheck.h"

#include <QJsonArray>
#include <QList>

namespace mana::wire {

TextFacts scanText(const QByteArray &body)
{
    TextFacts facts;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool afterString = false; // the last token was a string: a key if ':' follows
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"') {
                inString = false;
                afterString = true;
            } else if (static_cast<unsigned char>(c) < 0x20 && facts.controlCharacterAt < 0)
                facts.controlCharacterAt = i;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            continue; // whitespace keeps afterString
        case '"':
            inString = true;
            break;
        case ':':
            if (afterString)
                ++facts.keys;
            break;
        case '{':
        case '[':
            facts.depth = std::max(facts.depth, ++depth);
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
        afterString = false;
    }
    return facts;
}

qsizetype countKeys(const QJsonObject &object)
{
    qsizetype count = object.size();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto member = it.value();
        if (member.isObject() || member.isArray())
            count += countKeys(QJsonValue(member));
    }
    return count;
}
qsizetype countKeys(const QJsonValue &value)
{
    if (value.isObject())
        return countKeys(value.toObject());
    qsizetype count = 0;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const auto &item : array) {
            if (item.isObject() || item.isArray())
                count += countKeys(QJsonValue(item));
        }
    }
    return count;
}

QByteArray firstDuplicateKey(const QByteArray &body)
{
    QList<QList<QByteArray>> keysOfOpenObjects; // one list per open {…}; [ ] push none
    QList<bool> openIsObject;
    qsizetype stringStart = -1;
    QByteArray lastString;
    bool afterString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (stringStart >= 0) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"') {
                lastString = body.sliced(stringStart, i - stringStart);
                stringStart = -1;
                afterString = true;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '"') {
            stringStart = i + 1;
        } else if (c == ':' && afterString && !openIsObject.isEmpty() && openIsObject.last()) {
            if (keysOfOpenObjects.last().contains(lastString))
                return lastString;
            keysOfOpenObjects.last().append(lastString);
        } else if (c == '{' || c == '[') {
            openIsObject.append(c == '{');
            keysOfOpenObjects.append(QList<QByteArray>());
        } else if ((c == '}' || c == ']') && !openIsObject.isEmpty()) {
            openIsObject.removeLast();
            keysOfOpenObjects.removeLast();
        }
        afterString = false;
    }
    return {};
}

} // namespace mana::wire
