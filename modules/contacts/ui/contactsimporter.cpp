#include "contactsimporter.h"

#include "collection.h"
#include "localstore.h"

#include "query.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThread>

namespace mana::contacts {

namespace {

// Stored contacts read per turn of the event loop: a page of 400 takes a
// few ms, as the list's pages do.
constexpr int kStoredPageSize = 400;

} // namespace

ContactsImporter::ContactsImporter(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

ContactsImporter::~ContactsImporter()
{
    // The worker posts its result to this object: it must end first.
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

QObject *ContactsImporter::store() const
{
    return m_store;
}

void ContactsImporter::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    m_store = local;
    clear();
    emit storeChanged();
}

void ContactsImporter::clear()
{
    ++m_generation;
    m_busy = false;
    m_bytes.clear();
    m_storedRecords.clear();
    m_stored.clear();
    m_ready = false;
    m_fileName.clear();
    m_format.clear();
    m_table = {};
    m_mapping.clear();
    m_parsed = {};
    m_import.reset();
    m_choices.clear();
    m_storedNames.clear();
    m_error.clear();
    emit previewChanged();
}

void ContactsImporter::fail(const ContactsFileFailure &refused)
{
    // A copy: `refused` is often m_parsed's own, cleared here.
    const ContactsFileFailure failure = refused;
    m_ready = false;
    m_parsed = {};
    m_import.reset();
    m_error = describe(failure, m_language);
    qCInfo(lcContacts) << "import refused:" << int(failure.code) << "line" << failure.line;
}

bool ContactsImporter::open(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile in(path);
    if (QFileInfo(path).size() > kMaxContactsFileBytes) {
        clear();
        m_fileName = QFileInfo(path).fileName();
        fail({ContactsFileError::TooLarge, 0});
        emit previewChanged();
        return false;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        clear();
        m_fileName = QFileInfo(path).fileName();
        m_error = tr("The file could not be opened: %1").arg(in.errorString());
        emit previewChanged();
        return false;
    }
    return openBytes(in.readAll(), QFileInfo(path).fileName());
}

bool ContactsImporter::openBytes(const QByteArray &bytes, const QString &name)
{
    clear();
    m_fileName = name;
    m_result = {};
    if (!m_store) {
        m_error = tr("No profile is open.");
        emit previewChanged();
        return false;
    }
    m_busy = true;
    m_bytes = bytes;
    emit previewChanged();
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { readStoredPage(generation); }, Qt::QueuedConnection);
    return true;
}

void ContactsImporter::cancel()
{
    if (!m_busy)
        return;
    qCInfo(lcContacts) << "import preview of" << m_fileName << "cancelled";
    clear();
}

void ContactsImporter::readStoredPage(int generation)
{
    if (generation != m_generation)
        return;
    QElapsedTimer timer;
    timer.start();
    Collection *collection =
        m_store ? m_store->collection(QStringLiteral("contacts"), QStringLiteral("contacts"))
                : nullptr;
    QList<QJsonObject> records;
    if (collection) {
        // By key after the last record read (no OFFSET), in the order
        // storedContacts() reads: the first stored owner of a key wins.
        Query query;
        for (const QString &field : kStoredOrder)
            query.orderBy(field);
        query.limit = kStoredPageSize;
        if (!m_storedRecords.isEmpty())
            query.after = m_storedRecords.last();
        QString error;
        records = collection->query(query, &error);
        if (!error.isEmpty())
            qCWarning(lcContacts) << "the stored contacts could not be read:" << error;
    }
    m_storedRecords.append(records);
    qCDebug(lcContacts) << "import: a page of" << records.size() << "stored contacts read in"
                        << timer.elapsed() << "ms";
    if (records.size() == kStoredPageSize) {
        QMetaObject::invokeMethod(
            this, [this, generation] { readStoredPage(generation); }, Qt::QueuedConnection);
        return;
    }
    const QByteArray bytes = std::exchange(m_bytes, {});
    const QList<QJsonObject> stored = std::exchange(m_storedRecords, {});
    startWorker([bytes, stored](QList<StoredContact>) {
        return previewFile(bytes, storedContactsFrom(stored));
    });
}

void ContactsImporter::startWorker(std::function<ImportPreview(QList<StoredContact>)> work)
{
    m_busy = true;
    const int generation = m_generation;
    m_pool.start([this, generation, work = std::move(work), stored = m_stored]() mutable {
        QElapsedTimer timer;
        timer.start();
        ImportPreview preview = work(std::move(stored));
        qCDebug(lcContacts) << "import preview prepared in" << timer.elapsed() << "ms on"
                            << QThread::currentThread();
        // Queued to the UI thread; the destructor waits for this thread, so
        // `this` is alive, and a stale generation is dropped there.
        QMetaObject::invokeMethod(
            this,
            [this, generation, preview = std::move(preview)]() mutable {
                adopt(generation, std::move(preview));
            },
            Qt::QueuedConnection);
    });
}

void ContactsImporter::adopt(int generation, ImportPreview preview)
{
    if (generation != m_generation)
        return;
    QElapsedTimer timer;
    timer.start();
    const auto logTime = qScopeGuard([&timer] {
        qCDebug(lcContacts) << "import preview adopted in" << timer.elapsed() << "ms";
    });
    m_busy = false;
    m_format = preview.format;
    m_error.clear();
    m_import.reset();
    m_stored = std::move(preview.stored);
    m_storedNames = std::move(preview.storedNames);
    if (!preview.table.ok()) {
        fail(preview.table.error);
        emit previewChanged();
        return;
    }
    m_table = std::move(preview.table);
    m_mapping = std::move(preview.mapping);
    m_parsed = std::move(preview.parsed);
    if (!m_parsed.ok()) {
        fail(m_parsed.error);
        emit previewChanged();
        return;
    }
    if (!m_store) {
        m_ready = false;
        m_error = tr("No profile is open.");
        emit previewChanged();
        return;
    }
    m_import = std::make_unique<ContactsImport>(m_store);
    m_import->adopt(m_parsed.contacts, m_stored, std::move(preview.duplicates));
    m_ready = true;
    emit previewChanged();
}

QVariantList ContactsImporter::columns() const
{
    QVariantList list;
    for (const ColumnMapping &column : m_mapping)
        list.append(
            QVariantMap{{QStringLiteral("column"), column.column},
                        {QStringLiteral("header"), column.header},
                        {QStringLiteral("samples"), column.samples.join(QStringLiteral(" · "))},
                        {QStringLiteral("target"), int(column.target)}});
    return list;
}

QVariantList ContactsImporter::duplicates() const
{
    QVariantList list;
    if (!m_import)
        return list;
    const QList<Contact> &incoming = m_import->incoming();
    for (const DuplicateCandidate &candidate : m_import->duplicates()) {
        if (list.size() == kShownDuplicates)
            break;
        const QString existing = candidate.existingId.isEmpty()
                                     ? incoming.value(candidate.earlierIncoming).displayName()
                                     : m_storedNames.value(candidate.existingId);
        list.append(QVariantMap{
            {QStringLiteral("incoming"), candidate.incoming},
            {QStringLiteral("name"), incoming.value(candidate.incoming).displayName()},
            {QStringLiteral("matchedBy"), candidate.matchedBy == DuplicateCandidate::Match::Email
                                              ? QStringLiteral("email")
                                              : QStringLiteral("phone")},
            {QStringLiteral("matchedKey"), candidate.matchedKey},
            {QStringLiteral("existingName"), existing},
            {QStringLiteral("inFile"), candidate.existingId.isEmpty()},
            {QStringLiteral("choice"),
             int(m_choices.value(candidate.incoming, DuplicateChoice::Merge))}});
    }
    return list;
}

QList<int> ContactsImporter::targets() const
{
    QList<int> list;
    for (int target = int(ContactField::None); target <= int(ContactField::Photo); ++target)
        list.append(target);
    return list;
}

void ContactsImporter::setColumnTarget(int column, int target)
{
    if (target < int(ContactField::None) || target > int(ContactField::Photo))
        return;
    for (ColumnMapping &mapping : m_mapping) {
        if (mapping.column != column)
            continue;
        if (int(mapping.target) == target)
            return;
        mapping.target = ContactField(target);
        // The kind a header named ("Mobile Phone" → cell) belongs to the
        // old target.
        mapping.type.clear();
        // Built again on the worker against the stored contacts read for
        // the file (a 10,000-row file takes as long as opening it).
        ++m_generation;
        m_choices.clear();
        m_ready = false;
        m_import.reset();
        m_parsed.contacts.clear();
        startWorker([table = m_table, mappings = m_mapping](QList<StoredContact> stored) {
            return previewCsv(table, mappings, std::move(stored));
        });
        emit previewChanged();
        return;
    }
}

void ContactsImporter::setChoice(int incoming, int choice)
{
    if (choice < Skip || choice > Merge)
        return;
    m_choices.insert(incoming, DuplicateChoice(choice));
    emit previewChanged();
}

void ContactsImporter::setAllChoices(int choice)
{
    if (choice < Skip || choice > Merge || !m_import)
        return;
    for (const DuplicateCandidate &candidate : m_import->duplicates())
        m_choices.insert(candidate.incoming, DuplicateChoice(choice));
    emit previewChanged();
}

bool ContactsImporter::run()
{
    if (!m_ready || !m_import)
        return false;
    m_result = m_import->run(m_choices, DuplicateChoice::Merge);
    if (!m_result.ok()) {
        qCWarning(lcContacts) << "import write refused:" << m_result.storeError;
        m_error = m_result.error.code != ContactsFileError::None
                      ? describe(m_result.error, m_language)
                      : tr("The contacts could not be saved. Nothing was imported.");
        emit previewChanged();
        emit finished();
        return false;
    }
    qCInfo(lcContacts) << "imported" << m_result.imported << "merged" << m_result.merged
                       << "skipped" << m_result.skipped;
    m_ready = false;
    m_import.reset();
    emit previewChanged();
    emit finished();
    return true;
}

} // namespace mana::contacts
