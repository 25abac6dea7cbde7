// TodoController's .ics files (docs/todo.md, "Import and export"): an
// import is read and parsed on a worker thread (the shared icsfiles.h) and
// written on the store's thread in one write group, one undo step offered
// with its result line; an export writes beside the file and renames it.
#include "icsfiles.h"
#include "localstore.h"
#include "storeerrortext.h"
#include "todoclock.h"
#include "todocontroller.h"
#include "todoics.h"

#include <QFileInfo>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTodoActions)

namespace mana::todo {

void TodoController::setFileResult(const QString &notice, const QString &error)
{
    m_fileNotice = notice;
    m_fileError = error;
    emit fileNoticeChanged();
}

void TodoController::importFile(const QUrl &file, IcsImportInto::Value into,
                                const QString &projectId)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    m_importing = true;
    emit importingChanged();
    setFileResult(tr("Importing …"), {});
    TodoIcsOptions options;
    options.zone = TodoClock::instance()->zone();
    // 10,000 tasks take a second to read: beside the window, not in it.
    ical::readFileInBackground<ParsedTodoIcs>(
        path, ical::kMaxIcsBytes, this,
        [options](const QByteArray &data) { return parseTodoIcs(data, options); },
        [this, path, into, projectId](const ical::FileError &error, const ParsedTodoIcs &parsed) {
            if (!error) {
                finishImport(parsed, into, projectId);
                return;
            }
            m_importing = false;
            emit importingChanged();
            if (error.code == ical::FileError::Code::TooLarge) {
                setFileResult({},
                              describeIcsError({IcsErrorCode::TooLarge, 0, {}, {}}, m_language));
            } else {
                setFileResult(
                    {},
                    tr("“%1” cannot be read: %2").arg(QFileInfo(path).fileName(), error.detail));
            }
            emit importFinished(false);
        });
}

void TodoController::finishImport(const ParsedTodoIcs &parsed, IcsImportInto::Value into,
                                  const QString &projectId)
{
    m_importing = false;
    emit importingChanged();
    if (!parsed.ok()) {
        setFileResult({}, describeIcsError(parsed.error, m_language));
        emit importFinished(false);
        return;
    }
    TodoImportTarget target;
    target.mode = into == IcsImportInto::Inbox     ? TodoImportTarget::Mode::Inbox
                  : into == IcsImportInto::Project ? TodoImportTarget::Mode::Project
                                                   : TodoImportTarget::Mode::FromFile;
    target.projectId = projectId;
    // The result line is known once the group ran; the undo text is it.
    TodoImportResult result;
    QString undoText;
    QString groupError;
    const bool written = m_store && [&] {
        UndoStep step;
        const bool done = m_store->writeGroupWithUndo(
            [&](QString *error) {
                result = writeParsedTodoIcs(m_store, parsed, target);
                *error = result.error.text;
                return result.ok();
            },
            &step, &groupError);
        if (!done) {
            qCWarning(lcTodoActions)
                << "import failed:" << int(result.error.code) << result.error.text << groupError;
            return false;
        }
        // Two sentences rather than %n: the words stay right without a
        // loaded translation (English plural forms come from the .qm).
        undoText = result.added == 1
                       ? tr("1 task imported, %1 updated").arg(result.updated)
                       : tr("%1 tasks imported, %2 updated").arg(result.added).arg(result.updated);
        if (step.isValid()) {
            m_store->setUndoDescription(step.id, undoText);
            emit undoOffered(step.id, undoText);
        }
        return true;
    }();
    if (!written) {
        // The group's own failure (its BEGIN or COMMIT) as a code, never
        // SQLite's English.
        setFileResult(
            {}, !m_store ? tr("No profile is open, so nothing can be saved.")
                : result.ok()
                    ? storeErrorText({m_store->writeErrorOf(groupError), {}, {}, {}, groupError})
                    : describeIcsError(result.error, m_language));
        emit importFinished(false);
        return;
    }
    QString notice = undoText + QLatin1Char('.');
    if (result.skipped > 0)
        notice += QLatin1Char(' ') +
                  (result.skipped == 1
                       ? tr("1 entry that is not a task skipped.")
                       : tr("%1 entries that are not tasks skipped.").arg(result.skipped));
    setFileResult(notice, {});
    refreshCounts();
    emit importFinished(true);
}

bool TodoController::exportFile(const QUrl &file, const QString &projectId)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QString problem;
    TodoExportOptions options;
    options.zone = TodoClock::instance()->zone();
    options.listName = tr("Tasks");
    const QByteArray data = exportTodoIcs(m_store, projectId, &problem, options);
    if (data.isEmpty()) {
        qCWarning(lcTodoActions) << "export failed:" << problem;
        setFileResult({}, tr("The tasks could not be read for the export."));
        return false;
    }
    if (const ical::FileError written = ical::writeFileAtomically(path, data)) {
        setFileResult(
            {}, tr("“%1” was not written: %2").arg(QFileInfo(path).fileName(), written.detail));
        return false;
    }
    setFileResult(tr("Exported to “%1”.").arg(QFileInfo(path).fileName()), {});
    return true;
}

} // namespace mana::todo
