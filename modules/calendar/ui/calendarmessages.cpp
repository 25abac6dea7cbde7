// CalendarController's messages: the last action's error and notice, and
// the sentences it makes from the codes below it (an edit's EditError, a
// store's StoreError) in the page's language; the store's English goes to
// the log only.
#include "calendarcontroller.h"

#include "calendarlog.h"
#include "collection.h"
#include "localstore.h"

namespace mana::calendar {

void CalendarController::setError(const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcCalendar).noquote() << error;
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void CalendarController::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

void CalendarController::clearMessages()
{
    setError({});
    setNotice({});
}

QString CalendarController::editErrorText(const EditResult &result) const
{
    const bool german = m_language == QLatin1String("de");
    switch (result.error) {
    case EditError::None:
        return {};
    case EditError::NoStore:
        return german ? QStringLiteral("Kein Profil ist geöffnet.")
                      : QStringLiteral("No profile is open.");
    case EditError::NotFound:
        return german ? QStringLiteral("Dieser Termin existiert nicht mehr.")
                      : QStringLiteral("This event no longer exists.");
    case EditError::InvalidChange:
        return german ? QStringLiteral("Diese Änderung geht nicht: Das Ende liegt vor dem Beginn "
                                       "oder eine Zeit ist ungültig.")
                      : QStringLiteral("This change is not possible: the end is before the start "
                                       "or a time is not valid.");
    case EditError::InvalidRule:
        return german ? QStringLiteral("Die Wiederholung dieses Termins kann nicht gelesen werden.")
                      : QStringLiteral("The repetition of this event cannot be read.");
    case EditError::WriteFailed:
        return german ? QStringLiteral("Die Änderung wurde nicht gespeichert; nichts wurde "
                                       "verändert.")
                      : QStringLiteral("The change was not saved; nothing was changed.");
    }
    return {};
}

QString CalendarController::writeErrorText(const WriteResult &result) const
{
    qCWarning(lcCalendar) << "write of" << result.id << "refused:" << storeErrorName(result.code())
                          << result.error;
    return writeErrorText(result.failure);
}

QString CalendarController::writeErrorText(const StoreErrorInfo &failure) const
{
    const bool german = m_language == QLatin1String("de");
    switch (failure.code) {
    case StoreError::UnknownField:
    case StoreError::BuiltInField:
    case StoreError::RequiredMissing:
    case StoreError::WrongType:
    case StoreError::OutOfRange:
    case StoreError::InvalidId:
    case StoreError::NothingToUpdate: {
        // The field as the dialogs name it; never its wire name (the log
        // has that).
        const QString label = fieldLabel(failure.field);
        if (label.isEmpty())
            return german ? QStringLiteral("Ein Wert ist ungültig, daher wurde nichts gespeichert.")
                          : QStringLiteral("A value is not valid, so nothing was saved.");
        return german ? QStringLiteral("Der Wert von „%1“ ist ungültig, daher wurde nichts "
                                       "gespeichert.")
                            .arg(label)
                      : QStringLiteral("The value of “%1” is not valid, so nothing was saved.")
                            .arg(label);
    }
    case StoreError::NoSuchRecord:
    case StoreError::RecordDeleted:
        return german ? QStringLiteral("Dieser Kalender oder Termin existiert nicht mehr.")
                      : QStringLiteral("This calendar or event no longer exists.");
    case StoreError::ReadOnly:
        return german ? QStringLiteral("Dieses Profil ist schreibgeschützt, daher wurde nichts "
                                       "gespeichert.")
                      : QStringLiteral("This profile is read-only, so nothing was saved.");
    case StoreError::DiskFull:
        return german ? QStringLiteral("Der Datenträger ist voll, daher wurde nichts gespeichert. "
                                       "Schaffe etwas Platz und versuche es erneut.")
                      : QStringLiteral("The disk is full, so nothing was saved. Free some space "
                                       "and try again.");
    case StoreError::Busy:
        return german ? QStringLiteral("Ein anderes Programm verwendet deine Daten gerade; "
                                       "versuche es gleich noch einmal.")
                      : QStringLiteral("Another program is using your data right now; try again "
                                       "in a moment.");
    case StoreError::None:
    case StoreError::DuplicateId:
    case StoreError::Refused:
    case StoreError::DiskError:
    case StoreError::Corrupt:
    case StoreError::Other:
        break;
    }
    return german ? QStringLiteral("Die Änderung konnte nicht gespeichert werden.")
                  : QStringLiteral("The change could not be saved.");
}

QString CalendarController::fieldLabel(const QString &field) const
{
    const bool german = m_language == QLatin1String("de");
    // The event dialog's labels (EventDialog.qml), then the calendar's.
    static const struct
    {
        const char *field;
        const char *english;
        const char *german;
    } labels[] = {
        {"title", "Title", "Titel"},
        {"calendarId", "Calendar", "Kalender"},
        {"allDay", "All day", "Ganztägig"},
        {"startDate", "Starts", "Beginnt"},
        {"endDate", "Ends", "Endet"},
        {"recurrenceRule", "Repeat", "Wiederholung"},
        {"reminders", "Reminder", "Erinnerung"},
        {"location", "Place", "Ort"},
        {"description", "Notes", "Notizen"},
        {"timezone", "Time zone", "Zeitzone"},
        {"name", "Name", "Name"},
        {"color", "Colour", "Farbe"},
    };
    for (const auto &label : labels) {
        if (field == QLatin1String(label.field))
            return QString::fromUtf8(german ? label.german : label.english);
    }
    return {};
}

} // namespace mana::calendar
