#include "skilljournal.h"

#include "collection.h"
#include "localstore.h"
#include "skilllevels.h"
#include "skilltreelog.h"
#include "undostep.h"

#include <QSet>

namespace mana::skilltree {

namespace {

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

// Σ value × count of a grouped count: a sum without reading a row.
qint64 sumOfCounts(const QHash<QString, int> &counts)
{
    qint64 sum = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        sum += it.key().toLongLong() * it.value();
    return sum;
}

} // namespace

SkillJournal::SkillJournal(LocalStore *store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{}

QString SkillJournal::achievementRecordId(const QString &key)
{
    return QStringLiteral("achievement-") + key;
}

Collection *SkillJournal::skills() const
{
    return m_store ? m_store->collection(kApp, QStringLiteral("skills")) : nullptr;
}

Collection *SkillJournal::activities() const
{
    return m_store ? m_store->collection(kApp, QStringLiteral("activities")) : nullptr;
}

Collection *SkillJournal::achievements() const
{
    return m_store ? m_store->collection(kApp, QStringLiteral("achievements")) : nullptr;
}

QDateTime SkillJournal::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTime();
}

qint64 SkillJournal::xpOfActivities(const QString &skillId, QString *error) const
{
    Collection *all = activities();
    if (!all)
        return 0;
    Query query;
    query.where(QStringLiteral("skillId"), Query::Op::Equal, skillId);
    return sumOfCounts(all->countBy(QStringLiteral("xpEarned"), query, error));
}

bool SkillJournal::writeSkillXp(const QString &skillId, qint64 totalXp, bool *wrote, QString *error)
{
    if (wrote)
        *wrote = false;
    const std::optional<QJsonObject> skill = skills() ? skills()->get(skillId) : std::nullopt;
    if (!skill)
        return true;
    const LevelProgress progress = progressForXp(totalXp);
    QJsonObject changed;
    const auto differs = [&](const QString &field, qint64 value) {
        const QJsonValue stored = skill->value(field);
        if (stored.isNull() || qint64(stored.toDouble()) != value)
            changed.insert(field, value);
    };
    differs(QStringLiteral("totalXp"), progress.totalXp);
    differs(QStringLiteral("currentXp"), progress.xpIntoLevel);
    differs(QStringLiteral("level"), progress.level);
    if (changed.isEmpty())
        return true;
    const WriteResult result = skills()->update(skillId, changed);
    if (!result) {
        if (error)
            *error = result.error;
        return false;
    }
    if (wrote)
        *wrote = true;
    return true;
}

SkillJournal::LogError SkillJournal::check(const Activity &activity, int *xp, QDateTime *at) const
{
    if (activity.durationMinutes &&
        (*activity.durationMinutes < 0 || *activity.durationMinutes > kMaxDurationMinutes))
        return LogError::DurationOutOfRange;
    if (activity.xp)
        *xp = *activity.xp;
    else if (activity.durationMinutes && *activity.durationMinutes > 0)
        *xp = xpForDuration(*activity.durationMinutes);
    else
        return LogError::NoXp;
    if (*xp < 1 || *xp > kMaxXpPerActivity)
        return LogError::XpOutOfRange;
    const QDateTime current = now();
    *at = activity.timestamp.isValid() ? activity.timestamp : current;
    // A minute of slack: the dialog's "now" was taken when it opened.
    if (*at > current.addSecs(60))
        return LogError::FutureTime;
    return LogError::None;
}

SkillJournal::LogResult SkillJournal::logActivity(const Activity &activity)
{
    LogResult result;
    const auto refuse = [&](LogError error) {
        result.error = error;
        return result;
    };
    if (!skills() || !activities() || !skills()->get(activity.skillId))
        return refuse(LogError::NoSuchSkill);
    int xp = 0;
    QDateTime at;
    if (const LogError invalid = check(activity, &xp, &at); invalid != LogError::None)
        return refuse(invalid);

    QString error;
    const qint64 before = xpOfActivities(activity.skillId, &error);
    if (!error.isEmpty()) {
        result.detail = error;
        return refuse(LogError::StoreFailed);
    }
    result.xpEarned = xp;
    result.levelBefore = levelForXp(before);
    result.totalXpAfter = before + xp;
    result.levelAfter = levelForXp(result.totalXpAfter);

    QJsonObject values{{QStringLiteral("skillId"), activity.skillId},
                       {QStringLiteral("xpEarned"), xp},
                       {QStringLiteral("description"), activity.description.trimmed()},
                       {QStringLiteral("timestamp"), isoUtc(at)}};
    if (activity.durationMinutes)
        values.insert(QStringLiteral("duration"), *activity.durationMinutes);
    UndoStep step;
    const bool written = m_store->writeGroupWithUndo(
        [&](QString *groupError) {
            const WriteResult inserted = activities()->insert(values);
            if (!inserted) {
                *groupError = inserted.error;
                return false;
            }
            result.activityId = inserted.id;
            return writeSkillXp(activity.skillId, result.totalXpAfter, nullptr, groupError);
        },
        &step, &error);
    if (!written) {
        qCWarning(lcSkillTree) << "logging an activity failed:" << error;
        result.activityId.clear();
        result.detail = error;
        return refuse(LogError::StoreFailed);
    }
    result.undoStepId = step.id;
    qCDebug(lcSkillTree) << "logged" << xp << "XP for" << activity.skillId << "level"
                         << result.levelBefore << "->" << result.levelAfter;
    result.unlocked = unlockAchievements(&error);
    if (!error.isEmpty())
        qCWarning(lcSkillTree) << "unlocking achievements failed:" << error;
    return result;
}

SkillJournal::LogResult SkillJournal::editActivity(const QString &activityId,
                                                   const Activity &changed)
{
    LogResult result;
    const auto refuse = [&](LogError error) {
        result.error = error;
        return result;
    };
    const std::optional<QJsonObject> stored =
        activities() ? activities()->get(activityId) : std::nullopt;
    if (!stored)
        return refuse(LogError::NoSuchActivity);
    // The activity stays with its skill (changed.skillId is not read).
    const QString skillId = stored->value(QStringLiteral("skillId")).toString();
    if (!skills() || !skills()->get(skillId))
        return refuse(LogError::NoSuchSkill);
    int xp = 0;
    QDateTime at;
    Activity edited = changed;
    // An edit that leaves the time empty keeps the stored one, not "now".
    if (!edited.timestamp.isValid())
        edited.timestamp = QDateTime::fromString(
            stored->value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
    if (const LogError invalid = check(edited, &xp, &at); invalid != LogError::None)
        return refuse(invalid);

    QString error;
    const qint64 before = xpOfActivities(skillId, &error);
    if (!error.isEmpty()) {
        result.detail = error;
        return refuse(LogError::StoreFailed);
    }
    const int xpBefore = stored->value(QStringLiteral("xpEarned")).toInt();
    result.activityId = activityId;
    result.xpEarned = xp;
    result.levelBefore = levelForXp(before);
    result.totalXpAfter = std::max<qint64>(0, before - xpBefore + xp);
    result.levelAfter = levelForXp(result.totalXpAfter);

    QJsonObject values{{QStringLiteral("xpEarned"), xp},
                       {QStringLiteral("description"), edited.description.trimmed()},
                       {QStringLiteral("timestamp"), isoUtc(at)},
                       {QStringLiteral("duration"), edited.durationMinutes
                                                        ? QJsonValue(*edited.durationMinutes)
                                                        : QJsonValue(QJsonValue::Null)}};
    // Only what differs, so an unchanged save makes no sync change and no
    // undo step.
    for (auto it = values.begin(); it != values.end();) {
        if (stored->value(it.key()) == it.value())
            it = values.erase(it);
        else
            ++it;
    }
    if (values.isEmpty())
        return result;
    UndoStep step;
    const bool written = m_store->writeGroupWithUndo(
        [&](QString *groupError) {
            const WriteResult updated = activities()->update(activityId, values);
            if (!updated) {
                *groupError = updated.error;
                return false;
            }
            // The sum read again inside the group: what the store now holds.
            const qint64 total = xpOfActivities(skillId, groupError);
            if (!groupError->isEmpty())
                return false;
            result.totalXpAfter = total;
            result.levelAfter = levelForXp(total);
            return writeSkillXp(skillId, total, nullptr, groupError);
        },
        &step, &error);
    if (!written) {
        qCWarning(lcSkillTree) << "editing an activity failed:" << error;
        result.detail = error;
        return refuse(LogError::StoreFailed);
    }
    result.undoStepId = step.id;
    qCDebug(lcSkillTree) << "edited" << activityId << "of" << skillId << "level"
                         << result.levelBefore << "->" << result.levelAfter;
    // More XP can earn an achievement, as a log does; less takes none back.
    result.unlocked = unlockAchievements(&error);
    if (!error.isEmpty())
        qCWarning(lcSkillTree) << "unlocking achievements failed:" << error;
    return result;
}

SkillJournal::DeleteResult SkillJournal::deleteActivity(const QString &activityId)
{
    DeleteResult result;
    const std::optional<QJsonObject> activity =
        activities() ? activities()->get(activityId) : std::nullopt;
    if (!activity) {
        result.detail = QStringLiteral("no such activity");
        return result;
    }
    result.skillId = activity->value(QStringLiteral("skillId")).toString();
    UndoStep step;
    QString error;
    result.ok = m_store->writeGroupWithUndo(
        [&](QString *groupError) {
            const WriteResult removed = activities()->remove(activityId);
            if (!removed) {
                *groupError = removed.error;
                return false;
            }
            const qint64 total = xpOfActivities(result.skillId, groupError);
            if (!groupError->isEmpty())
                return false;
            return writeSkillXp(result.skillId, total, nullptr, groupError);
        },
        &step, &error);
    result.undoStepId = step.id;
    if (!result.ok) {
        result.detail = error;
        qCWarning(lcSkillTree) << "deleting an activity failed:" << error;
    }
    return result;
}

SkillJournal::DeleteResult SkillJournal::deleteSkill(const QString &skillId)
{
    DeleteResult result;
    result.skillId = skillId;
    if (!skills() || !activities() || !skills()->get(skillId)) {
        result.detail = QStringLiteral("no such skill");
        return result;
    }
    Query ofSkill;
    ofSkill.where(QStringLiteral("skillId"), Query::Op::Equal, skillId);
    UndoStep step;
    QString error;
    result.ok = m_store->writeGroupWithUndo(
        [&](QString *groupError) {
            const QList<QJsonObject> own = activities()->query(ofSkill, groupError);
            if (!groupError->isEmpty())
                return false;
            for (const QJsonObject &activity : own) {
                const WriteResult removed =
                    activities()->remove(activity.value(QStringLiteral("id")).toString());
                if (!removed) {
                    *groupError = removed.error;
                    return false;
                }
            }
            const WriteResult removed = skills()->remove(skillId);
            if (!removed)
                *groupError = removed.error;
            return bool(removed);
        },
        &step, &error);
    result.undoStepId = step.id;
    if (!result.ok) {
        result.detail = error;
        qCWarning(lcSkillTree) << "deleting a skill failed:" << error;
    }
    return result;
}

bool SkillJournal::reconcileSkill(const QString &skillId, bool *wrote, QString *error)
{
    if (wrote)
        *wrote = false;
    QString readError;
    const qint64 total = xpOfActivities(skillId, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return false;
    }
    return writeSkillXp(skillId, total, wrote, error);
}

int SkillJournal::reconcileAll(QString *error)
{
    if (!skills())
        return 0;
    QString readError;
    const QList<QJsonObject> all = skills()->query({}, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return -1;
    }
    int written = 0;
    for (const QJsonObject &skill : all) {
        bool wrote = false;
        if (!reconcileSkill(skill.value(QStringLiteral("id")).toString(), &wrote, error))
            return -1;
        written += wrote ? 1 : 0;
    }
    if (written > 0)
        qCInfo(lcSkillTree) << "recomputed the XP of" << written << "skills from their activities";
    return written;
}

AchievementStats SkillJournal::stats(QString *error) const
{
    return stats(AllMeasures, error);
}

AchievementStats SkillJournal::stats(Measures wanted, QString *error) const
{
    AchievementStats stats;
    if (!skills() || !activities())
        return stats;
    const auto wants = [&](AchievementMeasure measure) {
        return (wanted & (1u << unsigned(measure))) != 0;
    };
    if (wants(AchievementMeasure::Activities))
        stats.activities = activities()->count({}, error);
    // The one measure that reads every activity (a grouped count): skipped
    // once both hour achievements are unlocked.
    if (wants(AchievementMeasure::Minutes))
        stats.minutes = sumOfCounts(activities()->countBy(QStringLiteral("duration"), {}, error));
    if (!wants(AchievementMeasure::TotalXp) && !wants(AchievementMeasure::HighestLevel) &&
        !wants(AchievementMeasure::Branches))
        return stats;
    QSet<QString> branches;
    for (const QJsonObject &skill : skills()->query({}, error)) {
        const qint64 xp = qint64(skill.value(QStringLiteral("totalXp")).toDouble());
        stats.totalXp += std::max<qint64>(0, xp);
        stats.highestLevel = std::max(stats.highestLevel, levelForXp(xp));
        if (xp > 0)
            branches.insert(skill.value(QStringLiteral("branch")).toString());
    }
    stats.branches = int(branches.size());
    return stats;
}

QStringList SkillJournal::unlockAchievements(QString *error)
{
    QStringList unlocked;
    Collection *records = achievements();
    if (!records)
        return unlocked;
    // What is unlocked already (a handful of records), so only the measures
    // of locked achievements are counted.
    QSet<QString> have;
    for (const QJsonObject &record : records->query({}, error))
        have.insert(record.value(QStringLiteral("key")).toString());
    Measures wanted = 0;
    for (const AchievementDefinition &definition : achievementDefinitions()) {
        if (!have.contains(definition.key))
            wanted |= 1u << unsigned(definition.measure);
    }
    if (wanted == 0)
        return unlocked;
    QStringList missing;
    for (const QString &key : metAchievements(stats(wanted, error))) {
        if (!have.contains(key))
            missing.append(key);
    }
    if (missing.isEmpty())
        return unlocked;
    const QString at = isoUtc(now());
    const bool ok = m_store->writeGroup(
        [&](QString *groupError) {
            for (const QString &key : missing) {
                const AchievementDefinition *definition = achievementByKey(key);
                const QString id = achievementRecordId(key);
                const QJsonObject values{
                    {QStringLiteral("key"), key},
                    {QStringLiteral("name"), definition->name(m_language)},
                    {QStringLiteral("description"), definition->description(m_language)},
                    {QStringLiteral("icon"), definition->icon},
                    {QStringLiteral("unlockedAt"), at}};
                WriteResult written;
                if (const auto existing = records->get(id, true)) {
                    // Deleted by hand: the condition still holds, so it comes
                    // back. (Live under this id with another key typed into
                    // the form: it gets its key back.)
                    written.ok = true;
                    if (!existing->value(QStringLiteral("deletedAt")).isNull())
                        written = records->restore(id);
                    if (written)
                        written = records->update(id, values);
                } else {
                    QJsonObject withId = values;
                    withId.insert(QStringLiteral("id"), id);
                    written = records->insert(withId);
                }
                if (!written) {
                    *groupError = written.error;
                    return false;
                }
            }
            return true;
        },
        error);
    if (ok) {
        unlocked = missing;
        qCInfo(lcSkillTree) << "achievements unlocked:" << unlocked;
    }
    return unlocked;
}

} // namespace mana::skilltree
