// What SkillTree's page does besides its lists: the selected skill with its
// level and progress, logging an activity from the dialog's text fields,
// deleting one with Undo, and keeping skills right after a sync
// (SkillJournal::reconcileSkill whenever activities change).
#pragma once

#include "skilljournal.h"
#include "skilltreetypes.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace mana {
class LocalStore;
}

namespace mana::skilltree {

class SkillTreeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // The moment logs happen at; the clock's when not set (tests set it).
    Q_PROPERTY(QDateTime now READ now WRITE setNow NOTIFY nowChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString selectedSkillId READ selectedSkillId WRITE setSelectedSkillId NOTIFY
                   selectedChanged)
    Q_PROPERTY(mana::skilltree::SkillDetail selected READ selected NOTIFY selectedChanged)
    Q_PROPERTY(int skillCount READ skillCount NOTIFY skillCountChanged)
    // After logActivity: the undo step of the last successful log.
    Q_PROPERTY(int lastUndoStep READ lastUndoStep NOTIFY logged)

public:
    // Where a level-up or an unlocked achievement goes besides the page's
    // banner: the app sets it to its desktop notifier (as Clock's
    // ClockServices::setStartHook); unset, nothing more happens.
    using NotifyHook = std::function<void(const QString &title, const QString &text)>;
    static void setNotifyHook(NotifyHook hook);

    explicit SkillTreeController(QObject *parent = nullptr);

    QObject *store() const;
    void setStore(QObject *store);
    QDateTime now() const;
    void setNow(const QDateTime &now);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString selectedSkillId() const { return m_selectedId; }
    void setSelectedSkillId(const QString &skillId);
    SkillDetail selected() const { return m_selected; }
    int skillCount() const { return m_skillCount; }
    int lastUndoStep() const { return m_lastUndoStep; }

    Q_INVOKABLE mana::skilltree::SkillDetail skill(const QString &skillId) const;
    Q_INVOKABLE QString skillName(const QString &skillId) const;
    // The XP a duration earns when no XP is typed (1 per minute).
    Q_INVOKABLE int xpForDuration(int minutes) const
    {
        return SkillJournal::xpForDuration(minutes);
    }
    // The dialog's fields as typed: XP and duration whole numbers or empty,
    // date yyyy-MM-dd and time HH:mm in local time. SkillLogError::None
    // when logged; then `logged`, and `leveledUp` / `achievementUnlocked`
    // for what the log earned.
    Q_INVOKABLE int logActivity(const QString &skillId, const QString &xpText,
                                const QString &durationText, const QString &description,
                                const QString &dateText, const QString &timeText);
    // The activity's fields as the dialog shows them (skillId, xp (empty
    // when it is what the duration earns), xpEarned, duration, description,
    // date yyyy-MM-dd, time HH:mm local); empty when it is gone.
    Q_INVOKABLE QVariantMap activityFields(const QString &activityId) const;
    // The dialog's fields for an existing activity (as logActivity reads
    // them): the activity and its skill's XP and level written as one undo
    // step, `edited` when something changed. SkillLogError::None when saved
    // (also when nothing changed).
    Q_INVOKABLE int editActivity(const QString &activityId, const QString &xpText,
                                 const QString &durationText, const QString &description,
                                 const QString &dateText, const QString &timeText);
    // Removes the activity and recomputes its skill; the undo step (0 when
    // it failed).
    Q_INVOKABLE int deleteActivity(const QString &activityId);
    // Removes the skill with its activities; the undo step (0 when it failed).
    Q_INVOKABLE int deleteSkill(const QString &skillId);
    // The activity's skill ("" when unknown), for Ctrl+K results.
    Q_INVOKABLE QString skillOfActivity(const QString &activityId) const;
    // The hook's notification (the page gives the words, translated).
    Q_INVOKABLE void notifyDesktop(const QString &title, const QString &text) const;
    // Today's date and the time now as the dialog's fields start with them.
    Q_INVOKABLE QString dateTextNow() const;
    Q_INVOKABLE QString timeTextNow() const;

signals:
    void storeChanged();
    void nowChanged();
    void languageChanged();
    void selectedChanged();
    void skillCountChanged();
    void logged(int undoStep, const QString &skillId, int xpEarned);
    void edited(int undoStep, const QString &skillId, const QString &activityId);
    void leveledUp(const QString &skillId, const QString &skillName, int level);
    void achievementUnlocked(const QString &key);

private:
    SkillJournal journal() const;
    // The dialog's text as an activity; a SkillLogError (None: readable).
    int activityFromText(SkillJournal::Activity *activity, const QString &xpText,
                         const QString &durationText, const QString &description,
                         const QString &dateText, const QString &timeText) const;
    // leveledUp / achievementUnlocked for what a log or an edit earned.
    void announce(const QString &skillId, const SkillJournal::LogResult &result);
    void refreshSelected();
    // Notes what changed and recomputes those skills on the next turn of the
    // event loop, once for a whole pull.
    void noteChangedActivities(const QStringList &activityIds);
    void noteChangedSkills(const QStringList &skillIds);
    void reconcileNoted();

    QPointer<LocalStore> m_store;
    QDateTime m_now;
    QString m_language = QStringLiteral("en");
    QString m_selectedId;
    SkillDetail m_selected;
    int m_skillCount = 0;
    int m_lastUndoStep = 0;
    // True while the controller's own write runs: what it writes already
    // matches, so its change signals need no recomputing.
    bool m_writing = false;
    QSet<QString> m_changedActivities;
    QSet<QString> m_changedSkills;
    QTimer m_reconcileTimer;
};

} // namespace mana::skilltree
