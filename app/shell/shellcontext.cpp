#include "shellcontext.h"

#include "localstore.h"
#include "recordpresentation.h"
#include "storeerrortext.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPalette>
#include <QUrl>
#include <algorithm>
#include <tuple>

Q_LOGGING_CATEGORY(lcShell, "mana.shell")

namespace mana {

namespace {

// A neutral value for a required field the generic "new record" form does
// not ask for; references cannot be invented, so they stay unset.
QJsonValue neutralValue(const FieldSpec &field)
{
    switch (field.type) {
    case FieldType::String:
    case FieldType::Text:
        return QString();
    case FieldType::Number:
    case FieldType::Integer:
        return 0;
    case FieldType::Boolean:
        return false;
    case FieldType::Date:
        return QDate::currentDate().toString(Qt::ISODate);
    case FieldType::DateTime:
        return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    case FieldType::Json:
        return QJsonObject();
    case FieldType::Enum:
        return field.enumValues.value(0);
    case FieldType::Reference:
        return QJsonValue(QJsonValue::Undefined);
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

ShellContext::ShellContext(QObject *parent)
    : QObject(parent)
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QCoreApplication::instance()->installEventFilter(this);
        updateSystemPrefersDark();
    }
}

void ShellContext::setStore(LocalStore *store)
{
    disconnect(m_writeFailures);
    m_store = store;
    qCInfo(lcShell) << "store:" << (store ? store->filePath() : QStringLiteral("(none)"))
                    << (store && store->isReadOnly() ? "(read-only)" : "");
    // Every write goes through the store, so one place hears them all:
    // the Todo view's actions, the forms, a pull, a reminder's mark.
    if (store)
        m_writeFailures =
            connect(store, &LocalStore::writeFailed, this, &ShellContext::showWriteFailure);
    if (m_storageFailure) { // said of the previous profile
        m_storageFailure.reset();
        emit storageErrorChanged();
    }
    if (store && store->isReadOnly())
        qCWarning(lcShell).noquote() << "shown in the window:" << readOnlyNotice();
    emit storeChanged();
}

QString ShellContext::readOnlyNotice() const
{
    if (!m_store || !m_store->isReadOnly())
        return {};
    const QFileInfo file(m_store->filePath());
    return m_store->access() == LocalStore::Access::FileReadOnly
               ? tr("This profile is read-only: you can look at everything, but nothing can be "
                    "saved. The file %1 cannot be written.")
                     .arg(file.filePath())
               : tr("This profile is read-only: you can look at everything, but nothing can be "
                    "saved. Its folder %1 cannot be written.")
                     .arg(file.absolutePath());
}

void ShellContext::setDamagedProfile(const QString &path, bool account)
{
    if (path == m_damagedPath && account == m_damagedIsAccount)
        return;
    m_damagedPath = path;
    m_damagedIsAccount = account;
    // Logged as shown, so a run without a screen (tests, a terminal) has it.
    if (!path.isEmpty())
        qCWarning(lcShell).noquote() << "shown in the window:" << damagedProfileNotice();
    emit damagedProfileChanged();
}

void ShellContext::setRebuiltProfile(const QString &keptPath)
{
    if (keptPath == m_keptDamagedPath)
        return;
    m_keptDamagedPath = keptPath;
    if (!keptPath.isEmpty())
        qCInfo(lcShell).noquote() << "shown in the window:" << rebuiltProfileNotice();
    emit damagedProfileChanged();
}

QString ShellContext::damagedProfileNotice() const
{
    if (m_damagedPath.isEmpty())
        return {};
    // Today's guest behaviour, said as it is: no store is open at all.
    if (!m_damagedIsAccount)
        return tr("The guest data file %1 is damaged, so ManaCore cannot open it. It was left "
                  "untouched: nothing in it was changed or deleted. Guest data is kept only on "
                  "this computer, so there is no copy on a server to rebuild it from. Until the "
                  "file is restored from a backup, the apps stay empty and nothing can be saved; "
                  "move it out of the folder and restart ManaCore to begin a new guest profile.")
            .arg(m_damagedPath);
    return tr("The file %1, where this computer keeps your account's data, is damaged, so "
              "ManaCore cannot open it. What was synced is safe on the server: ManaCore can move "
              "the damaged file aside (it is kept next to the new one, not deleted) and download "
              "your data again. Changes made on this computer that had not reached the server "
              "yet cannot be recovered from it.")
        .arg(m_damagedPath);
}

QString ShellContext::rebuiltProfileNotice() const
{
    if (m_keptDamagedPath.isEmpty())
        return {};
    return tr("This account's data was rebuilt from the server. The damaged file was kept as %1. "
              "Changes that had not reached the server before the damage could not be recovered.")
        .arg(m_keptDamagedPath);
}

void ShellContext::dismissRebuiltProfileNotice()
{
    setRebuiltProfile(QString());
}

void ShellContext::showWriteFailure(LocalStore::WriteFailure failure, const QString &detail)
{
    // A profile opened read-only says so all the time (readOnlyNotice).
    if (failure == LocalStore::WriteFailure::ReadOnly && m_store && m_store->isReadOnly())
        return;
    const bool changed = m_storageFailure != failure;
    m_storageFailure = failure;
    // Logged as shown, so a run without a screen (tests, a terminal) has it;
    // SQLite's own English goes to the log only.
    qCWarning(lcShell).noquote() << "shown in the window:" << storageError() << "(" << detail
                                 << ")";
    if (changed)
        emit storageErrorChanged();
}

QString ShellContext::storageError() const
{
    if (!m_storageFailure)
        return {};
    switch (*m_storageFailure) {
    case LocalStore::WriteFailure::NoSpace:
        return tr("The disk is full, so the last change was not saved. Free some space and try "
                  "again; everything saved before is safe.");
    case LocalStore::WriteFailure::ReadOnly:
        return tr("The profile can no longer be written, so the last change was not saved. "
                  "Everything saved before is safe.");
    case LocalStore::WriteFailure::DiskError:
        break;
    }
    return tr("The last change could not be written to the disk. Everything saved before is "
              "safe.");
}

void ShellContext::dismissStorageError()
{
    if (!m_storageFailure)
        return;
    m_storageFailure.reset();
    emit storageErrorChanged();
}

QString ShellContext::storePath() const
{
    return m_store ? m_store->filePath() : QString();
}

void ShellContext::setDataDirectory(const QString &directory)
{
    if (directory == m_dataDirectory)
        return;
    m_dataDirectory = directory;
    emit dataDirectoryChanged();
}

QString ShellContext::storeError() const
{
    return m_openError.isError() ? storeOpenErrorText(m_openError) : QString();
}

void ShellContext::setOpenError(const OpenErrorInfo &error)
{
    if (!error.isError() && !m_openError.isError())
        return;
    m_openError = error;
    if (error.isError())
        qCWarning(lcShell).noquote() << "shown in the window:" << storeError() << "("
                                     << openErrorName(error.code) << error.detail << ")";
    emit storeErrorChanged();
}

void ShellContext::retranslate()
{
    if (m_openError.isError())
        emit storeErrorChanged();
    if (m_storageFailure)
        emit storageErrorChanged();
    if (!m_damagedPath.isEmpty() || !m_keptDamagedPath.isEmpty())
        emit damagedProfileChanged();
}

QString ShellContext::createRecord(const QString &appId, const QString &collectionName,
                                   const QString &title)
{
    if (!m_store || !m_store->isOpen())
        return tr("No profile is open, so nothing can be saved.");
    Collection *collection = m_store->collection(appId, collectionName);
    if (!collection)
        return tr("This app has no list named “%1”.").arg(collectionName);
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a title first.");

    const RecordPresentation presentation(collection->spec());
    QJsonObject values;
    for (const FieldSpec &field : collection->spec().fields) {
        if (field.optional || !field.defaultValue.isUndefined())
            continue;
        const QJsonValue neutral = neutralValue(field);
        if (neutral.isUndefined())
            return tr("Records of this kind need a link to another record; create them in the app "
                      "itself.");
        values.insert(field.name, neutral);
    }
    if (presentation.titleField().isEmpty())
        return tr("Records of this kind have no title field.");
    values.insert(presentation.titleField(), trimmed);

    const WriteResult result = collection->insert(values);
    if (!result) {
        qCWarning(lcShell) << "create in" << appId << collectionName
                           << "failed:" << storeErrorName(result.code()) << result.error;
        return writeErrorText(appId, collectionName, result.failure);
    }
    return {};
}

int ShellContext::recordCount(const QString &appId, const QString &collectionName) const
{
    Collection *collection = m_store ? m_store->collection(appId, collectionName) : nullptr;
    return collection ? collection->count() : 0;
}

QString ShellContext::removeRecord(const QString &appId, const QString &collectionName,
                                   const QString &id)
{
    Collection *collection = m_store ? m_store->collection(appId, collectionName) : nullptr;
    if (!collection)
        return tr("No profile is open, so nothing can be changed.");
    const WriteResult result = collection->remove(id);
    if (!result)
        qCWarning(lcShell) << "delete in" << appId << collectionName
                           << "failed:" << storeErrorName(result.code()) << result.error;
    return result ? QString() : writeErrorText(appId, collectionName, result.failure);
}

QString ShellContext::restoreRecord(const QString &appId, const QString &collectionName,
                                    const QString &id)
{
    Collection *collection = m_store ? m_store->collection(appId, collectionName) : nullptr;
    if (!collection)
        return tr("No profile is open, so nothing can be changed.");
    const WriteResult result = collection->restore(id);
    if (!result)
        qCWarning(lcShell) << "undo delete in" << appId << collectionName
                           << "failed:" << storeErrorName(result.code()) << result.error;
    return result ? QString() : writeErrorText(appId, collectionName, result.failure);
}

QString ShellContext::undo(int stepId)
{
    if (!m_store)
        return tr("No profile is open, so nothing can be changed.");
    QString error;
    if (m_store->undo(stepId, &error))
        return {};
    qCWarning(lcShell) << "undo of step" << stepId << "failed:" << error;
    if (!m_store->undoStep(stepId))
        return tr("This can no longer be undone.");
    // The store's text is for the log; its code says it in the window's language.
    StoreErrorInfo failure;
    failure.code = m_store->writeErrorOf(error);
    failure.detail = error;
    return storeErrorText(failure);
}

QString ShellContext::writeErrorText(const QString &appId, const QString &collectionName,
                                     const StoreErrorInfo &failure) const
{
    // The field as the manifest names it in the window's language.
    const ModuleInfo *info = failure.field.isEmpty() ? nullptr : moduleInfo(appId);
    const QString label =
        info ? info->fieldLabel(collectionName, failure.field, m_modules.language()) : QString();
    return storeErrorText(failure, label);
}

const ModuleInfo *ShellContext::moduleInfo(const QString &appId) const
{
    if (!m_catalog)
        return nullptr;
    for (const ModuleInfo &info : m_catalog->infos) {
        if (info.appId() == appId)
            return &info;
    }
    return nullptr;
}

QString ShellContext::collectionTitle(const QString &appId, const QString &collectionName) const
{
    const ModuleInfo *info = moduleInfo(appId);
    return info ? info->collectionTitle(collectionName, m_modules.language()) : collectionName;
}

QString ShellContext::newItemText(const QString &appId, const QString &collectionName) const
{
    const ModuleInfo *info = moduleInfo(appId);
    return info ? info->newItemText(collectionName, m_modules.language()) : tr("New record");
}

QString ShellContext::emptyText(const QString &appId, const QString &collectionName) const
{
    const ModuleInfo *info = moduleInfo(appId);
    if (!info)
        return tr("Nothing here yet. Press Ctrl+N to add the first one.");
    // The app's main list says what the app is for; the others what they hold.
    const bool mainList = !info->spec.collections.isEmpty() &&
                          info->spec.collections.constFirst().wireName == collectionName;
    const QString text = mainList ? info->description(m_modules.language())
                                  : info->emptyText(collectionName, m_modules.language());
    return text.isEmpty() ? tr("Nothing here yet. Press Ctrl+N to add the first one.") : text;
}

QString ShellContext::moduleDescription(const QString &appId) const
{
    const ModuleInfo *info = moduleInfo(appId);
    return info ? info->description(m_modules.language()) : QString();
}

namespace {

// What one collection may show in the switcher, and how many of its matches
// are read to choose them: a few more, never all of them (a two-letter
// prefix can match 100,000 titles; each keystroke asks every collection).
constexpr int kRecordsPerCollection = 5;
constexpr int kCandidatesPerCollection = 20;

// Text as the full-text index sees it: its words (letters and digits),
// case folded, without accents, one space apart. "\"Café-Order" and
// "cafe order" read the same.
QString foldedWords(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString words;
    words.reserve(decomposed.size());
    bool gap = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (!c.isLetterOrNumber()) {
            gap = !words.isEmpty();
            continue;
        }
        if (gap)
            words.append(u' ');
        gap = false;
        words.append(c);
    }
    return words.toCaseFolded();
}

} // namespace

QList<RecordSearchResult> ShellContext::searchRecords(const QString &text, int limit) const
{
    QList<RecordSearchResult> results;
    const QString needle = text.simplified();
    if (!m_store || !m_catalog || needle.size() < 2 || limit <= 0)
        return results;
    const QString foldedNeedle = foldedWords(needle);
    const QString language = m_modules.language();
    for (const ModuleInfo &info : m_catalog->infos) {
        for (const CollectionSpec &spec : info.spec.collections) {
            Collection *collection = m_store->collection(info.appId(), spec.wireName);
            if (!collection)
                continue;
            QString titleField = info.titleField(spec.wireName);
            if (titleField.isEmpty())
                titleField = RecordPresentation(spec).titleField();
            const FieldSpec *field = spec.field(titleField);
            if (!field || (field->type != FieldType::String && field->type != FieldType::Text))
                continue;
            QString error;
            const QList<QJsonObject> found =
                collection->searchField(titleField, needle, kCandidatesPerCollection, &error);
            if (!error.isEmpty()) {
                qCWarning(lcShell).noquote()
                    << "searching" << info.appId() << spec.wireName << "failed:" << error;
                continue;
            }
            // Among the newest matches: titles that start with the text
            // first, then alphabetically.
            struct Candidate
            {
                bool startsWithText;
                QString key;
                QString title;
                QString id;
            };
            QList<Candidate> candidates;
            for (const QJsonObject &record : found) {
                const QString title = record.value(titleField).toString().simplified();
                const QString key = foldedWords(title);
                candidates.append({key.startsWith(foldedNeedle), key, title,
                                   record.value(QStringLiteral("id")).toString()});
            }
            std::sort(candidates.begin(), candidates.end(),
                      [](const Candidate &a, const Candidate &b) {
                          if (a.startsWithText != b.startsWithText)
                              return a.startsWithText;
                          return std::tie(a.key, a.title, a.id) < std::tie(b.key, b.title, b.id);
                      });
            const qsizetype shown = std::min<qsizetype>(
                {candidates.size(), kRecordsPerCollection, limit - results.size()});
            for (qsizetype i = 0; i < shown; ++i) {
                results.append({info.id(), info.appId(), spec.wireName, candidates.at(i).id,
                                candidates.at(i).title, info.name(language), info.color()});
            }
            if (results.size() >= limit)
                return results;
        }
    }
    return results;
}

QUrl ShellContext::folderUrl(const QString &path) const
{
    const QFileInfo info(path);
    return QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

bool ShellContext::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange &&
        watched == QCoreApplication::instance())
        updateSystemPrefersDark();
    return QObject::eventFilter(watched, event);
}

void ShellContext::updateSystemPrefersDark()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    if (dark == m_systemPrefersDark)
        return;
    m_systemPrefersDark = dark;
    emit systemPrefersDarkChanged();
}

} // namespace mana
