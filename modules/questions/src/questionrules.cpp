#include "questionrules.h"

namespace mana::questions {

const QStringList &statuses()
{
    static const QStringList list{QStringLiteral("open"), QStringLiteral("researching"),
                                  QStringLiteral("answered"), QStringLiteral("archived")};
    return list;
}

const QStringList &priorities()
{
    static const QStringList list{QStringLiteral("urgent"), QStringLiteral("high"),
                                  QStringLiteral("normal"), QStringLiteral("low")};
    return list;
}

bool isStatus(const QString &value)
{
    return statuses().contains(value);
}

bool isPriority(const QString &value)
{
    return priorities().contains(value);
}

std::optional<int> ratingFromInt(int stars)
{
    if (stars >= 1 && stars <= 5)
        return stars;
    return std::nullopt;
}

int displayedRating(double stored)
{
    const int stars = int(stored);
    return stars == stored && stars >= 1 && stars <= 5 ? stars : 0;
}

QString statusAfterAccepting(const QString &)
{
    // Accepting is the decision that the question is answered, whatever
    // column it was in (an archived question that gets its answer comes back).
    return QStringLiteral("answered");
}

QString statusWithoutAcceptedAnswer(const QString &current, int answersLeft)
{
    if (current != u"answered")
        return current;
    return answersLeft > 0 ? QStringLiteral("researching") : QStringLiteral("open");
}

} // namespace mana::questions
