#include "skilltreecontroller.h"

#include "collection.h"
#include "localstore.h"
#include "skilllevels.h"
#include "skilltreelog.h"

namespace mana::skilltree {

namespace {

SkillTreeController::NotifyHook &notifyHook()
{
    static SkillTreeController::NotifyHook hook;
    return hook;
}

// "" -> none; a whole number -> it; anything else -> *bad.
std::optional<int> wholeNumber(const QString &text, bool *bad)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int value = trimmed.toInt(&ok);
    if (!ok)
        *bad = true;
    return ok ? std::optional<int>(value) : std::nullopt;
}

} // namespace

void SkillTreeController::setNotifyHook(NotifyHook hook)
{
    notifyHook() = std::move(hook);
}

SkillTreeController::SkillTreeController(QObject *parent)
    : QObject(parent)
{
    m_reconcileTimer.setSingleShot(true);
    m_reconcileTimer.setInterval(0);
    connect(&m_reconcileTimer, &QTimer::timeout, this, &SkillTreeController::reconcileNoted);
}

QObject *SkillTreeController::store() const
{
    return m_store;
}

void SkillTreeController::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    for (const QString &name : {QStringLiteral("skills"), QStringLiteral("activities")}) {
        if (Collection *collection = m_store ? m_store->collection(kApp, name) : nullptr)
            collection->disconnect(this);
    }
    m_store = local;
    m_changedActivities.clear();
    m_changedSkills.clear();
    if (m_store) {
        // A sync that brings activities (or takes them away), or a skill's
        // XP written by another device or typed into the generic form,
        // leaves a skill whose XP is not the sum of its activities:
        // recompute it. The page's own writes already match and write
        // nothing here.
        if (Collection *skills = m_store->collection(kApp, QStringLiteral("skills"))) {
            connect(skills, &Collection::changed, this, &SkillTreeController::refreshSelected);
            connect(skills, &Collection::changed, this, &SkillTreeController::noteChangedSkills);
        }
        if (Collection *activities = m_store->collection(kApp, QStringLiteral("activities")))
            connect(activities, &Collection::changed, this,
                    &SkillTreeController::noteChangedActivities);
        // What synced while the page was closed; after the page has shown.
        QTimer::singleShot(0, this, [this, store = QPointer<LocalStore>(m_store)] {
            if (store && store == m_store) {
                QString error;
                if (journal().reconcileAll(&error) < 0)
                    qCWarning(lcSkillTree) << "recomputing the skills failed:" << error;
            }
        });
    }
    refreshSelected();
    emit storeChanged();
}

QDateTime SkillTreeController::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

void SkillTreeController::setNow(const QDateTime &now)
{
    if (now == m_now)
        return;
    m_now = now;
    emit nowChanged();
}

void SkillTreeController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
}

void SkillTreeController::setSelectedSkillId(const QString &skillId)
{
    if (skillId == m_selectedId)
        return;
    m_selectedId = skillId;
    refreshSelected();
}

SkillJournal SkillTreeController::journal() const
{
    SkillJournal journal(m_store, [this] { return now(); });
    journal.setLanguage(m_language);
    return journal;
}

SkillDetail SkillTreeController::skill(const QString &skillId) const
{
    SkillDetail detail;
    Collection *skills = m_store ? m_store->collection(kApp, QStringLiteral("skills")) : nullptr;
    const std::optional<QJsonObject> record =
        skills && !skillId.isEmpty() ? skills->get(skillId) : std::nullopt;
    if (!record)
        return detail;
    const auto text = [&](const char *field) {
        return record->value(QLatin1String(field)).toString();
    };
    detail.id = skillId;
    detail.name = text("name");
    detail.description = text("description");
    detail.branch = text("branch");
    detail.icon = text("icon");
    detail.color = text("color");
    detail.parentId = text("parentId");
    const LevelProgress progress =
        progressForXp(qint64(record->value(QStringLiteral("totalXp")).toDouble()));
    detail.level = progress.level;
    detail.totalXp = int(progress.totalXp);
    detail.xpIntoLevel = int(progress.xpIntoLevel);
    detail.xpForLevel = int(progress.xpForLevel);
    detail.xpToNextLevel = int(progress.xpToNextLevel);
    detail.fraction = progress.fraction;
    detail.isMaxLevel = progress.isMaxLevel;
    return detail;
}

QString SkillTreeController::skillName(const QString &skillId) const
{
    return skill(skillId).name;
}

void SkillTreeController::refreshSelected()
{
    const SkillDetail detail = skill(m_selectedId);
    Collection *skills = m_store ? m_store->collection(kApp, QStringLiteral("skills")) : nullptr;
    const int count = skills ? skills->count() : 0;
    if (count != m_skillCount) {
        m_skillCount = count;
        emit skillCountChanged();
    }
    if (detail == m_selected)
        return;
    m_selected = detail;
    emit selectedChanged();
}

int SkillTreeController::activityFromText(SkillJournal::Activity *activity, const QString &xpText,
                                          const QString &durationText, const QString &description,
                                          const QString &dateText, const QString &timeText) const
{
    bool badXp = false;
    bool badDuration = false;
    activity->xp = wholeNumber(xpText, &badXp);
    activity->durationMinutes = wholeNumber(durationText, &badDuration);
    activity->description = description;
    if (badXp)
        return SkillLogError::XpNotANumber;
    if (badDuration)
        return SkillLogError::DurationNotANumber;
    const QDate date = QDate::fromString(dateText.trimmed(), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(timeText.trimmed(), QStringLiteral("H:mm"));
    activity->timestamp = QDateTime(date, time);
    if (!date.isValid() || !time.isValid() || !activity->timestamp.isValid())
        return SkillLogError::InvalidTime;
    return SkillLogError::None;
}

int SkillTreeController::logActivity(const QString &skillId, const QString &xpText,
                                     const QString &durationText, const QString &description,
                                     const QString &dateText, const QString &timeText)
{
    SkillJournal::Activity activity;
    activity.skillId = skillId;
    if (const int bad =
            activityFromText(&activity, xpText, durationText, description, dateText, timeText);
        bad != SkillLogError::None)
        return bad;

    m_writing = true;
    const SkillJournal::LogResult result = journal().logActivity(activity);
    m_writing = false;
    if (!result.ok())
        return int(result.error); // the same values as SkillLogError's first ones
    m_lastUndoStep = result.undoStepId;
    emit logged(result.undoStepId, skillId, result.xpEarned);
    announce(skillId, result);
    return SkillLogError::None;
}

void SkillTreeController::announce(const QString &skillId, const SkillJournal::LogResult &result)
{
    if (result.leveledUp())
        emit leveledUp(skillId, skillName(skillId), result.levelAfter);
    for (const QString &key : result.unlocked)
        emit achievementUnlocked(key);
}

QVariantMap SkillTreeController::activityFields(const QString &activityId) const
{
    Collection *activities =
        m_store ? m_store->collection(kApp, QStringLiteral("activities")) : nullptr;
    const auto activity = activities ? activities->get(activityId) : std::nullopt;
    if (!activity)
        return {};
    const QDateTime at =
        QDateTime::fromString(activity->value(QStringLiteral("timestamp")).toString(),
                              Qt::ISODateWithMs)
            .toLocalTime();
    const QJsonValue duration = activity->value(QStringLiteral("duration"));
    const int xp = activity->value(QStringLiteral("xpEarned")).toInt();
    // XP that is what the duration earns stays empty, so a changed duration
    // changes it too (as when it was logged); other XP was typed and stays.
    const bool fromDuration = duration.isDouble() && duration.toInt() > 0 &&
                              xp == SkillJournal::xpForDuration(duration.toInt());
    return {
        {QStringLiteral("skillId"), activity->value(QStringLiteral("skillId")).toString()},
        {QStringLiteral("xp"), fromDuration ? QString() : QString::number(xp)},
        {QStringLiteral("xpEarned"), xp},
        {QStringLiteral("duration"),
         duration.isDouble() ? QString::number(duration.toInt()) : QString()},
        {QStringLiteral("description"), activity->value(QStringLiteral("description")).toString()},
        {QStringLiteral("date"), at.date().toString(QStringLiteral("yyyy-MM-dd"))},
        {QStringLiteral("time"), at.time().toString(QStringLiteral("HH:mm"))}};
}

int SkillTreeController::editActivity(const QString &activityId, const QString &xpText,
                                      const QString &durationText, const QString &description,
                                      const QString &dateText, const QString &timeText)
{
    const QVariantMap stored = activityFields(activityId);
    if (stored.isEmpty())
        return SkillLogError::NoSuchActivity;
    SkillJournal::Activity activity;
    if (const int bad =
            activityFromText(&activity, xpText, durationText, description, dateText, timeText);
        bad != SkillLogError::None)
        return bad;
    // The fields show minutes: the same minute keeps the stored time with
    // its seconds, so an edit of the XP alone does not move the activity.
    if (dateText.trimmed() == stored.value(QStringLiteral("date")).toString() &&
        activity.timestamp.time().toString(QStringLiteral("HH:mm")) ==
            stored.value(QStringLiteral("time")).toString())
        activity.timestamp = {};

    m_writing = true;
    const SkillJournal::LogResult result = journal().editActivity(activityId, activity);
    m_writing = false;
    if (result.error == SkillJournal::LogError::NoSuchActivity)
        return SkillLogError::NoSuchActivity;
    if (!result.ok())
        return int(result.error);
    const QString skillId = stored.value(QStringLiteral("skillId")).toString();
    if (result.undoStepId > 0) {
        m_lastUndoStep = result.undoStepId;
        emit edited(result.undoStepId, skillId, activityId);
    }
    announce(skillId, result);
    return SkillLogError::None;
}

int SkillTreeController::deleteActivity(const QString &activityId)
{
    m_writing = true;
    const SkillJournal::DeleteResult result = journal().deleteActivity(activityId);
    m_writing = false;
    return result.ok ? result.undoStepId : 0;
}

int SkillTreeController::deleteSkill(const QString &skillId)
{
    m_writing = true;
    const SkillJournal::DeleteResult result = journal().deleteSkill(skillId);
    m_writing = false;
    return result.ok ? result.undoStepId : 0;
}

QString SkillTreeController::skillOfActivity(const QString &activityId) const
{
    Collection *activities =
        m_store ? m_store->collection(kApp, QStringLiteral("activities")) : nullptr;
    const auto activity = activities ? activities->get(activityId) : std::nullopt;
    return activity ? activity->value(QStringLiteral("skillId")).toString() : QString();
}

void SkillTreeController::notifyDesktop(const QString &title, const QString &text) const
{
    if (notifyHook())
        notifyHook()(title, text);
}

QString SkillTreeController::dateTextNow() const
{
    return now().date().toString(QStringLiteral("yyyy-MM-dd"));
}

QString SkillTreeController::timeTextNow() const
{
    return now().time().toString(QStringLiteral("HH:mm"));
}

void SkillTreeController::noteChangedActivities(const QStringList &activityIds)
{
    if (m_writing)
        return;
    for (const QString &id : activityIds)
        m_changedActivities.insert(id);
    m_reconcileTimer.start();
}

void SkillTreeController::noteChangedSkills(const QStringList &skillIds)
{
    if (m_writing)
        return;
    for (const QString &id : skillIds)
        m_changedSkills.insert(id);
    m_reconcileTimer.start();
}

void SkillTreeController::reconcileNoted()
{
    Collection *activities =
        m_store ? m_store->collection(kApp, QStringLiteral("activities")) : nullptr;
    QSet<QString> skillIds = std::exchange(m_changedSkills, {});
    const QSet<QString> activityIds = std::exchange(m_changedActivities, {});
    if (!activities)
        return;
    for (const QString &id : activityIds) {
        if (const auto activity = activities->get(id, true))
            skillIds.insert(activity->value(QStringLiteral("skillId")).toString());
    }
    SkillJournal skills = journal();
    for (const QString &skillId : skillIds) {
        QString error;
        bool wrote = false;
        if (!skills.reconcileSkill(skillId, &wrote, &error))
            qCWarning(lcSkillTree) << "recomputing" << skillId << "failed:" << error;
        else if (wrote)
            qCInfo(lcSkillTree) << "recomputed the XP of" << skillId << "from its activities";
    }
}

} // namespace mana::skilltree
