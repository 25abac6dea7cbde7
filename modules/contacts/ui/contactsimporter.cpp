#include "contactsimporter.h"

#include "collection.h"
#include "localstore.h"

#include <QFile>
#include <QFileInfo>

namespace mana::contacts {

namespace {

// A vCard file starts with BEGIN:VCARD (after a BOM and blank lines);
// anything else is read as CSV, whatever its name says.
bool looksLikeVCard(const QByteArray &bytes)
{
    QByteArray start = bytes.left(256);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    return start.trimmed().toUpper().startsWith("BEGIN:VCARD");
}

QString csvFormat(const QList<ColumnMapping> &mapping)
{
    bool google = false, outlook = false;
    for (const ColumnMapping &column : mapping) {
        const QString header = column.header.toLower();
        if (header.startsWith(QLatin1String("e-mail 1 - ")) ||
            header == QLatin1String("given name") || header == QLatin1String("labels") ||
            header == QLatin1String("group membership"))
            google = true;
        if (header == QLatin1String("e-mail address") ||
            header == QLatin1String("e-mail-adresse") || header == QLatin1String("mobile phone") ||
            header == QLatin1String("mobiltelefon") || header == QLatin1String("business phone"))
            outlook = true;
    }
    return google    ? QStringLiteral("google")
           : outlook ? QStringLiteral("outlook")
                     : QStringLiteral("csv");
}

} // namespace

ContactsImporter::ContactsImporter(QObject *parent)
    : QObject(parent)
{}

ContactsImporter::~ContactsImporter() = default;

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
    if (looksLikeVCard(bytes)) {
        m_format = QStringLiteral("vcard");
        m_parsed = parseVCards(bytes);
    } else {
        m_table = parseCsv(bytes);
        if (!m_table.ok()) {
            fail(m_table.error);
            emit previewChanged();
            return false;
        }
        m_mapping = detectColumns(m_table);
        m_format = csvFormat(m_mapping);
        m_parsed = contactsFromCsv(m_table, m_mapping);
    }
    build();
    emit previewChanged();
    return m_ready;
}

void ContactsImporter::build()
{
    m_import.reset();
    m_storedNames.clear();
    m_error.clear();
    if (!m_parsed.ok()) {
        fail(m_parsed.error);
        return;
    }
    if (!m_store) {
        m_ready = false;
        m_error = tr("No profile is open.");
        return;
    }
    m_import = std::make_unique<ContactsImport>(m_store);
    const QList<DuplicateCandidate> duplicates = m_import->prepare(m_parsed.contacts);
    Collection *collection =
        m_store->collection(QStringLiteral("contacts"), QStringLiteral("contacts"));
    for (const DuplicateCandidate &candidate : duplicates) {
        if (candidate.existingId.isEmpty() || !collection ||
            m_storedNames.contains(candidate.existingId))
            continue;
        if (const std::optional<QJsonObject> record = collection->get(candidate.existingId))
            m_storedNames.insert(candidate.existingId, fromRecord(*record).displayName());
    }
    m_ready = true;
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
        m_parsed = contactsFromCsv(m_table, m_mapping);
        m_choices.clear();
        build();
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
