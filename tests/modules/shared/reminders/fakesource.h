// A ReminderSource over a list in memory, for the scheduler's and the
// notifier's tests: records what it was asked and what was delivered, and
// can refuse to record chosen reminders.
#pragma once

#include "remindersource.h"

#include <QDateTime>
#include <QSet>

namespace mana::test {

class FakeSource : public ReminderSource
{
    Q_OBJECT
public:
    explicit FakeSource(QString name, QObject *parent = nullptr)
        : ReminderSource(parent)
        , m_name(std::move(name))
    {}

    QString name() const override { return m_name; }

    QList<Reminder> undelivered(const QDateTime &now, const QDateTime &from,
                                const QDateTime &until) override
    {
        ++asked;
        askedNow = now;
        askedFrom = from;
        askedUntil = until;
        QList<Reminder> result;
        for (const Reminder &reminder : std::as_const(reminders)) {
            if (!delivered.contains(reminder.id))
                result.append(reminder);
        }
        return result;
    }

    QSet<QString> markDelivered(const QList<Reminder> &due) override
    {
        QSet<QString> recorded;
        for (const Reminder &reminder : due) {
            if (refused.contains(reminder.id))
                continue;
            delivered.insert(reminder.id);
            recorded.insert(reminder.id);
        }
        return recorded;
    }

    // Adds a reminder and tells the scheduler, as an edit would.
    void add(const QString &id, const QString &itemId, const QDateTime &fireAt)
    {
        reminders.append({id, itemId, fireAt, fireAt, QStringLiteral("Title ") + id,
                          QStringLiteral("Text ") + id});
        emit changed();
    }

    QList<Reminder> reminders;
    QSet<QString> delivered;
    QSet<QString> refused;
    int asked = 0;
    QDateTime askedNow, askedFrom, askedUntil;

private:
    QString m_name;
};

} // namespace mana::test
