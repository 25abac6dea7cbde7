// Logging and deleting SkillTree activities over the store, the skills' XP
// kept equal to the sum of their activities, and the achievements unlocked
// by records (docs/skilltree.md).
//
// The activities are the truth: a skill's totalXp is the sum of the XP of
// its live activities, currentXp and level follow from it (skilllevels.h).
// Logging writes the activity and the skill's three fields as ONE undoable
// write group; deleting an activity removes it and recomputes the skill in
// one group too. After a sync the same recomputation (reconcileSkill) puts
// a skill right whose fields two devices wrote at the same time: both end
// with the sum of all activities once both have them.
#pragma once

#include "achievements.h"

#include <QDateTime>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::skilltree {

// The app id SkillTree's collections are stored under.
inline const QString kApp = QStringLiteral("skilltree");

inline constexpr int kMaxXpPerActivity = 10000;
inline constexpr int kMaxDurationMinutes = 1440; // the manifest's max: one day

class SkillJournal
{
public:
    using Clock = std::function<QDateTime()>;

    // `clock` gives "now" (the system's when empty); tests inject one.
    explicit SkillJournal(LocalStore *store, Clock clock = {});

    // The XP an activity earns when only its duration is given: 1 XP per
    // minute (docs/skilltree.md).
    static int xpForDuration(int minutes) { return minutes; }
    // The id of the record that unlocks `key`: the same on every device, so
    // two devices unlocking it offline end with one record after sync.
    static QString achievementRecordId(const QString &key);

    struct Activity
    {
        QString skillId;
        std::optional<int> xp;              // none: from the duration
        std::optional<int> durationMinutes; // none: not given
        QString description;
        QDateTime timestamp; // invalid: now
    };

    enum class LogError {
        None,
        NoSuchSkill,        // the skill is gone (deleted, or never existed)
        NoXp,               // neither XP nor a duration to derive it from
        XpOutOfRange,       // XP not within 1 .. kMaxXpPerActivity
        DurationOutOfRange, // duration not within 0 .. kMaxDurationMinutes
        FutureTime,         // the timestamp lies in the future
        StoreFailed,        // the store refused; `detail` says why (log only)
        NoSuchActivity,     // an edit's activity is gone
    };

    struct LogResult
    {
        LogError error = LogError::None;
        QString activityId;
        int undoStepId = 0;
        int xpEarned = 0;
        int levelBefore = 1;
        int levelAfter = 1;
        qint64 totalXpAfter = 0;
        QStringList unlocked; // achievement keys unlocked by this log
        QString detail;

        bool ok() const { return error == LogError::None; }
        bool leveledUp() const { return levelAfter > levelBefore; }
    };

    // Checks the activity, then writes it and the skill's XP and level as
    // one undoable group, then unlocks what the log earned (a group of its
    // own: an achievement stays once earned, also when the log is undone).
    // A refusal writes nothing.
    LogResult logActivity(const Activity &activity);

    // Changes an activity's XP, duration, description and time (checked as
    // a log is; an invalid timestamp keeps the stored one), and writes its
    // skill's XP and level from the new sum, as ONE undoable group. Only
    // fields that differ are written; an unchanged edit writes nothing
    // (undoStepId 0). An edit that raises the XP unlocks what it earned, as
    // a log does; one that lowers it takes no achievement back. The
    // activity stays with its skill. A refusal writes nothing.
    LogResult editActivity(const QString &activityId, const Activity &changed);

    struct DeleteResult
    {
        bool ok = false;
        int undoStepId = 0;
        QString skillId;
        QString detail;
    };
    // Removes the activity and recomputes its skill, as one undoable group.
    DeleteResult deleteActivity(const QString &activityId);

    // Removes the skill with its activities as one undoable group (its
    // children stay and become roots of their branch). skillId: the skill.
    DeleteResult deleteSkill(const QString &skillId);

    // The sum of the XP of the skill's live activities (a grouped count
    // over the (skillId, timestamp) index, no rows read).
    qint64 xpOfActivities(const QString &skillId, QString *error = nullptr) const;
    // Writes the skill's totalXp, currentXp and level from its activities
    // where they differ; *wrote tells whether it wrote. A deleted or
    // missing skill is left alone (true).
    bool reconcileSkill(const QString &skillId, bool *wrote = nullptr, QString *error = nullptr);
    // Every live skill; the number of skills it wrote, -1 on an error.
    int reconcileAll(QString *error = nullptr);

    // A set of AchievementMeasure bits (1 << measure).
    using Measures = unsigned;
    static constexpr Measures AllMeasures = 0x1f;
    AchievementStats stats(QString *error = nullptr) const;
    // Only the measures in `wanted`; the others stay at their defaults.
    AchievementStats stats(Measures wanted, QString *error = nullptr) const;
    // Writes a record for every met achievement whose key has none yet
    // (a live record with that key, from this device or synced, counts; a
    // deleted one is brought back). The keys unlocked now.
    QStringList unlockAchievements(QString *error = nullptr);
    // The language of the names written into new achievement records.
    void setLanguage(const QString &language) { m_language = language; }

private:
    Collection *skills() const;
    Collection *activities() const;
    Collection *achievements() const;
    QDateTime now() const;
    // The checks a log and an edit share: the XP (from the duration when
    // none), the duration's range, a time not in the future (invalid: now).
    LogError check(const Activity &activity, int *xp, QDateTime *at) const;
    bool writeSkillXp(const QString &skillId, qint64 totalXp, bool *wrote, QString *error);

    QPointer<LocalStore> m_store;
    Clock m_clock;
    QString m_language = QStringLiteral("en");
};

} // namespace mana::skilltree
