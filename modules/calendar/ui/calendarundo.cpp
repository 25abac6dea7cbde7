// CalendarController's undo steps: a move, change or delete of an
// occurrence in any scope, a new default calendar and an .ics import each
// write several records (a split series, its overrides, the other
// calendars' marks, hundreds of events) as ONE undo step
// (LocalStore::writeGroupWithUndo); the page's Undo bar takes it back
// through ShellContext::undo. The words are here, in the page's language.
#include "calendarcontroller.h"

#include "localstore.h"

namespace mana::calendar {

bool CalendarController::writeUndoable(const std::function<bool(QString *error)> &writes,
                                       int *stepId, QString *error)
{
    *stepId = 0;
    if (!m_store) {
        *error = m_language == QLatin1String("de") ? QStringLiteral("Kein Profil ist geöffnet.")
                                                   : QStringLiteral("No profile is open.");
        return false;
    }
    UndoStep step;
    if (!m_store->writeGroupWithUndo(writes, &step, error))
        return false;
    *stepId = step.id;
    return true;
}

void CalendarController::offerUndo(int stepId, const QString &text)
{
    if (stepId <= 0 || !m_store)
        return; // nothing changed, so nothing to take back
    m_store->setUndoDescription(stepId, text);
    emit undoOffered(stepId, text);
}

QString CalendarController::editUndoText(UndoKind kind, calendar::EditScope scope,
                                         const Occurrence &occurrence) const
{
    const bool german = m_language == QLatin1String("de");
    // A plain event has no scope: it is "this one".
    if (!occurrence.isRecurring())
        scope = calendar::EditScope::ThisEvent;
    const QString title = occurrence.title();
    switch (scope) {
    case calendar::EditScope::ThisEvent:
        if (kind == UndoKind::Deleted)
            return (german ? QStringLiteral("„%1“ gelöscht") : QStringLiteral("“%1” deleted"))
                .arg(title);
        if (kind == UndoKind::Moved)
            return german ? QStringLiteral("Termin verschoben") : QStringLiteral("Event moved");
        return german ? QStringLiteral("Termin geändert") : QStringLiteral("Event changed");
    case calendar::EditScope::ThisAndFollowing:
        if (kind == UndoKind::Deleted)
            return (german ? QStringLiteral("„%1“ und die folgenden gelöscht")
                           : QStringLiteral("“%1” and the following deleted"))
                .arg(title);
        if (kind == UndoKind::Moved)
            return (german ? QStringLiteral("„%1“ und die folgenden verschoben")
                           : QStringLiteral("“%1” and the following moved"))
                .arg(title);
        return (german ? QStringLiteral("„%1“ und die folgenden geändert")
                       : QStringLiteral("“%1” and the following changed"))
            .arg(title);
    case calendar::EditScope::AllEvents:
        if (kind == UndoKind::Deleted)
            return (german ? QStringLiteral("Alle Termine „%1“ gelöscht")
                           : QStringLiteral("All “%1” events deleted"))
                .arg(title);
        if (kind == UndoKind::Moved)
            return (german ? QStringLiteral("Alle Termine „%1“ verschoben")
                           : QStringLiteral("All “%1” events moved"))
                .arg(title);
        return (german ? QStringLiteral("Alle Termine „%1“ geändert")
                       : QStringLiteral("All “%1” events changed"))
            .arg(title);
    }
    return {};
}

QString CalendarController::importUndoText(int added, int updated) const
{
    const bool german = m_language == QLatin1String("de");
    const QString events = eventCountText(added);
    if (updated == 0)
        return (german ? QStringLiteral("%1 importiert") : QStringLiteral("Imported %1"))
            .arg(events);
    return (german ? QStringLiteral("%1 importiert, %2 aktualisiert")
                   : QStringLiteral("Imported %1, updated %2"))
        .arg(events)
        .arg(updated);
}

QString CalendarController::eventCountText(int count) const
{
    if (m_language == QLatin1String("de"))
        return (count == 1 ? QStringLiteral("%1 Termin") : QStringLiteral("%1 Termine")).arg(count);
    return (count == 1 ? QStringLiteral("%1 event") : QStringLiteral("%1 events")).arg(count);
}

} // namespace mana::calendar
