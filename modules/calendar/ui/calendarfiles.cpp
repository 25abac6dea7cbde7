// CalendarController's .ics files: an import is read on a worker thread
// and written on the store's thread in one write group (one undo step); an
// export writes one calendar beside the file and renames it.
#include "calendarcontroller.h"

#include "calendarlog.h"
#include "icsexport.h"
#include "localstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrl>

namespace mana::calendar {

void CalendarController::importFile(const QUrl &file, const QString &calendarId)
{
    const bool german = m_language == QLatin1String("de");
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile input(path);
    if (input.size() > kMaxIcsBytes) {
        IcsError tooLarge;
        tooLarge.code = IcsErrorCode::TooLarge;
        setError(describe(tooLarge, m_language));
        emit importFinished(false);
        return;
    }
    if (!input.open(QIODevice::ReadOnly)) {
        setError((german ? QStringLiteral("„%1“ kann nicht gelesen werden: %2")
                         : QStringLiteral("“%1” cannot be read: %2"))
                     .arg(QFileInfo(path).fileName(), input.errorString()));
        emit importFinished(false);
        return;
    }
    const QByteArray data = input.readAll();
    m_importing = true;
    emit importingChanged();
    setNotice(german ? QStringLiteral("Importiere …") : QStringLiteral("Importing …"));
    // Reading runs beside the window (10,000 events take a second); the
    // store is written here, on its thread, in one write group.
    QPointer<CalendarController> self(this);
    const QString fileName = QFileInfo(path).completeBaseName();
    QThreadPool::globalInstance()->start([self, data, calendarId, fileName] {
        ParsedIcs parsed = parseIcs(data);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, parsed = std::move(parsed), calendarId, fileName] {
                if (self)
                    self->finishImport(parsed, calendarId, fileName);
            },
            Qt::QueuedConnection);
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
    QString notice = german ? QStringLiteral("%1 Termine importiert, %2 aktualisiert.")
                                  .arg(result.added)
                                  .arg(result.updated)
                            : QStringLiteral("Imported %1 events, updated %2.")
                                  .arg(result.added)
                                  .arg(result.updated);
    if (result.skipped > 0)
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
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly) || output.write(data) != data.size() ||
        !output.commit()) {
        setError((german ? QStringLiteral("„%1“ wurde nicht geschrieben: %2")
                         : QStringLiteral("“%1” was not written: %2"))
                     .arg(QFileInfo(path).fileName(), output.errorString()));
        return false;
    }
    setError({});
    setNotice(
        (german ? QStringLiteral("Nach „%1“ exportiert.") : QStringLiteral("Exported to “%1”."))
            .arg(QFileInfo(path).fileName()));
    return true;
}

} // namespace mana::calendar
