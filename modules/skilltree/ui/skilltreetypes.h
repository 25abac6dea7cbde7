// The values SkillTree's controller hands to QML: a skill with its level
// and progress (a value type), and why a log was refused (an enum).
// Enum-typed members are declared int (Qt 6.4).
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace mana::skilltree {

// Why SkillTreeController::logActivity refused: SkillJournal::LogError plus
// what only text input can get wrong. The page says each as a sentence.
namespace SkillLogError {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    None,
    NoSuchSkill,
    NoXp,
    XpOutOfRange,
    DurationOutOfRange,
    FutureTime,
    StoreFailed,
    XpNotANumber,       // the XP field holds something else than a whole number
    DurationNotANumber, // the duration field, likewise
    InvalidTime,        // the date or the time cannot be read
    NoSuchActivity,     // an edited activity is gone (deleted, synced away)
};
Q_ENUM_NS(Value)
} // namespace SkillLogError

// One skill as the detail pane shows it.
struct SkillDetail
{
    Q_GADGET
    QML_VALUE_TYPE(skillDetail)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString description MEMBER description)
    Q_PROPERTY(QString branch MEMBER branch)
    Q_PROPERTY(QString icon MEMBER icon)
    Q_PROPERTY(QString color MEMBER color)
    Q_PROPERTY(QString parentId MEMBER parentId)
    Q_PROPERTY(int level MEMBER level)
    Q_PROPERTY(int totalXp MEMBER totalXp)
    Q_PROPERTY(int xpIntoLevel MEMBER xpIntoLevel)
    Q_PROPERTY(int xpForLevel MEMBER xpForLevel)
    Q_PROPERTY(int xpToNextLevel MEMBER xpToNextLevel)
    Q_PROPERTY(double fraction MEMBER fraction)
    Q_PROPERTY(bool isMaxLevel MEMBER isMaxLevel)

public:
    QString id; // empty: no skill selected (or it is gone)
    QString name;
    QString description;
    QString branch;
    QString icon;
    QString color;
    QString parentId;
    int level = 1;
    int totalXp = 0;
    int xpIntoLevel = 0;
    int xpForLevel = 100;
    int xpToNextLevel = 100;
    double fraction = 0;
    bool isMaxLevel = false;

    bool operator==(const SkillDetail &) const = default;
};

} // namespace mana::skilltree
