// CalendarController's .ics files: an import is read and parsed on a worker
// thread and written on the store's thread in one write group (one undo
// step); an export writes one calendar beside the file and renames it (the
// file side is the shared modules/shared/ical/icsfiles.h).
#include "calendarcontroller.h"

#include "calendarlog.h"
#include "icsexport.h"
#include "icsfiles.h"
#include "localstore.h"

#include <QFileInfo>
#include <QUrl>

namespace mana::calendar {

void CalendarController::importFile(const QUrl &file, const QString &calendarId)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    m_importing = true;
    emit importingChanged();
    setNotice(m_language == QLatin1String("de") ? QStringLiteral("Importiere …")
                                                : QStringLiteral("Importing …"));
    // Reading and parsing run beside the window (10,000 events take a
    // second; the shared icsfiles.h); the store is written here, on its
    // thread, in one write group.
    const QString fileName = QFileInfo(path).completeBaseName();
    ical::readFileInBackground<ParsedIcs>(
        path, kMaxIcsBytes, this, [](const QByteArray &data) { return parseIcs(data); },
        [this, path, calendarId, fileName](const ical::FileError &error, const ParsedIcs &parsed) {
            if (!error) {
                finishImport(parsed, calendarId, fileName);
                return;
            }
            m_importing = false;
            emit importingChanged();
            setNotice({});
            if (error.code == ical::FileError::Code::TooLarge) {
                IcsError tooLarge;
                tooLarge.code = IcsErrorCode::TooLarge;
                setError(describe(tooLarge, m_language));
            } else {
                setError((m_language == QLatin1String("de")
                              ? QStringLiteral("„%1“ kann nicht gelesen werden: %2")
                              : QStringLiteral("“%1” cannot be read: %2"))
                             .arg(QFileInfo(path).fileName(), error.detail));
            }
            emit importFinished(false);
        });
}

void CalendarController::finishImport(const ParsedIcs &parsed, const QString &calendarId,
                                      const QString &fileName)
{
    const bool german = m_language == QLatin1String("de");
    m_importing = false;
    emit importingChanged();
    if (!parsed.ok()) {
        setNotice({});
        setError(describe(parsed.error, m_language));
        emit importFinished(false);
        return;
    }
    // The calendar it makes and every event it adds or updates: one undo
    // step, which removes what it added and sets back what it updated.
    IcsImportResult result;
    int stepId = 0;
    QString groupError;
    const bool written = writeUndoable(
        [&](QString *error) {
            QString target = calendarId;
            if (target.isEmpty()) {
                const QString name =
                    parsed.calendar.name.isEmpty() ? fileName : parsed.calendar.name;
                // A calendar of that name is the one a re-import updates.
                for (const QJsonObject &record : m_calendars.records()) {
                    if (record.value(QStringLiteral("name")).toString() == name)
                        target = record.value(QStringLiteral("id")).toString();
                }
                if (target.isEmpty())
                    target = createCalendar(name, parsed.calendar.color);
            }
            result = writeParsedIcs(m_store, target, parsed);
            *error = result.error.text;
            return result.ok();
        },
        &stepId, &groupError);
    if (!result.ok() || !written) {
        qCWarning(lcCalendar) << "import failed:" << int(result.error.code) << result.error.text
                              << groupError;
        setNotice({});
        // The group's own failure (its BEGIN or COMMIT) as a code, never its English.
        setError(result.ok() ? writeErrorText(StoreErrorInfo{
                                   m_store->writeErrorOf(groupError), {}, {}, {}, groupError})
                             : describe(result.error, m_language));
        emit importFinished(false);
        return;
    }
    setError({});
    offerUndo(stepId, importUndoText(result.added, result.updated));
    QString notice = (german ? QStringLiteral("%1 importiert, %2 aktualisiert.")
                             : QStringLiteral("Imported %1, updated %2."))
                         .arg(eventCountText(result.added))
                         .arg(result.updated);
    if (result.skipped == 1)
        notice += QLatin1Char(' ') +
                  (german ? QStringLiteral("1 Eintrag, der kein Termin ist, übersprungen.")
                          : QStringLiteral("Skipped 1 entry that is not an event."));
    else if (result.skipped > 1)
        notice += QLatin1Char(' ') +
                  (german ? QStringLiteral("%1 Einträge, die keine Termine sind, übersprungen.")
                          : QStringLiteral("Skipped %1 entries that are not events."))
                      .arg(result.skipped);
    setNotice(notice);
    emit importFinished(true);
}

bool CalendarController::exportFile(const QUrl &file, const QString &calendarId)
{
    const bool german = m_language == QLatin1String("de");
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QString problem;
    const QByteArray data = exportIcs(m_store, calendarId, &problem);
    if (data.isEmpty()) {
        setError(problem);
        return false;
    }
    // Written beside and renamed: a full disk leaves the old file whole.
    if (const ical::FileError written = ical::writeFileAtomically(path, data)) {
        setError((german ? QStringLiteral("„%1“ wurde nicht geschrieben: %2")
                         : QStringLiteral("“%1” was not written: %2"))
                     .arg(QFileInfo(path).fileName(), written.detail));
        return false;
    }
    setError({});
    setNotice(
        (german ? QStringLiteral("Nach „%1“ exportiert.") : QStringLiteral("Exported to “%1”."))
            .arg(QFileInfo(path).fileName()));
    return true;
}

} // namespace mana::calendar
