#include "contextcontroller.h"

#include "collection.h"
#include "contextlog.h"
#include "documentstore.h"
#include "localstore.h"
#include "markdownpreview.h"
#include "markdowntext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>
#include <QVariantMap>

namespace mana::context {

namespace {

// Texts longer than this are counted after a pause in typing.
constexpr qsizetype kCountAtOnceLength = 50000;

const QString kApp = QStringLiteral("context");

// A snippet's text without the Markdown marks a reader does not see.
QString withoutMarks(QString text)
{
    static const QRegularExpression marks(QStringLiteral(R"([*`]+|~~|(?:^|(?<=\s))#{1,6}\s+)"));
    return text.remove(marks);
}

} // namespace

ContextController::ContextController(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &ContextController::save);
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(300);
    connect(&m_countTimer, &QTimer::timeout, this, &ContextController::recount);
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(100);
    connect(&m_previewTimer, &QTimer::timeout, this, &ContextController::renderPreview);
    // The window closes: the event loop ends before the page is destroyed,
    // and the store may go before it.
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
                &ContextController::save);
}

ContextController::~ContextController()
{
    save();
}

QObject *ContextController::store() const
{
    return m_store;
}

void ContextController::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    // The typed text belongs to the old profile.
    save();
    if (m_store) {
        if (Collection *docs = m_store->collection(kApp, QStringLiteral("documents")))
            docs->disconnect(this);
    }
    m_store = local;
    if (Collection *docs =
            m_store ? m_store->collection(kApp, QStringLiteral("documents")) : nullptr)
        connect(docs, &Collection::changed, this, &ContextController::documentsChanged);
    load({});
    emit storeChanged();
}

void ContextController::setSaveDelay(int ms)
{
    if (ms == m_saveTimer.interval())
        return;
    m_saveTimer.setInterval(std::max(0, ms));
    emit saveDelayChanged();
}

bool ContextController::openDocument(const QString &id)
{
    const bool saved = save();
    load(id);
    return saved;
}

void ContextController::load(const QString &id)
{
    Collection *docs = m_store ? m_store->collection(kApp, QStringLiteral("documents")) : nullptr;
    const auto record = docs && !id.isEmpty() ? docs->get(id) : std::nullopt;
    m_saveTimer.stop();
    m_documentId = record ? id : QString();
    m_title = record ? record->value(QStringLiteral("title")).toString() : QString();
    m_type = record ? record->value(QStringLiteral("type")).toString() : QString();
    m_pinned = record && record->value(QStringLiteral("pinned")).toBool();
    m_shortId = record ? record->value(QStringLiteral("shortId")).toString() : QString();
    m_spaceId = record ? record->value(QStringLiteral("spaceId")).toString() : QString();
    m_tags = record ? tagsOf(*record) : QStringList();
    const QString text = record ? record->value(QStringLiteral("content")).toString() : QString();
    setDirty(false);
    const bool textChange = text != m_text;
    m_text = text;
    // Our own save comes back as a change of the open document: the same
    // text needs no count or preview again (a long text costs ~100 ms).
    if (textChange || m_previewHtml.isEmpty() != m_text.isEmpty()) {
        recount();
        renderPreview();
    }
    emit documentChanged();
    if (textChange)
        emit textChanged();
}

void ContextController::edit(const QString &text)
{
    if (m_documentId.isEmpty() || text == m_text)
        return;
    m_text = text;
    emit textChanged();
    if (m_text.size() < kCountAtOnceLength)
        recount();
    else
        m_countTimer.start();
    setDirty(true);
    m_saveTimer.start();
    // Rendering a long text takes its time: wait for a longer pause.
    m_previewTimer.setInterval(m_text.size() < kCountAtOnceLength ? 100 : 700);
    m_previewTimer.start();
}

void ContextController::editTitle(const QString &title)
{
    if (m_documentId.isEmpty() || title == m_title)
        return;
    m_title = title;
    emit documentChanged();
    setDirty(true);
    m_saveTimer.start();
}

bool ContextController::save()
{
    m_saveTimer.stop();
    if (!m_dirty)
        return true;
    if (!m_store || m_documentId.isEmpty()) {
        setDirty(false);
        return false;
    }
    const WriteResult result =
        saveDocument(m_store, m_documentId,
                     {{QStringLiteral("content"), m_text}, {QStringLiteral("title"), m_title}});
    if (!result) {
        // Kept as typed: the next edit or switch tries again.
        setError(result.error);
        return false;
    }
    qCDebug(lcContext) << "saved" << m_documentId << m_text.size() << "characters";
    setDirty(false);
    emit saved();
    return true;
}

void ContextController::documentsChanged(const QStringList &ids)
{
    // A change from elsewhere (sync, the shell's form, Undo) of the open
    // document is shown, unless typed text is waiting: its save wins.
    if (m_documentId.isEmpty() || m_dirty || !ids.contains(m_documentId))
        return;
    load(m_documentId);
}

void ContextController::recount()
{
    m_countTimer.stop();
    const TextCounts counts = countText(m_text);
    if (counts.words == m_words && counts.characters == m_characters && counts.tokens == m_tokens)
        return;
    m_words = counts.words;
    m_characters = counts.characters;
    m_tokens = counts.tokens;
    emit countsChanged();
}

void ContextController::renderPreview()
{
    m_previewTimer.stop();
    m_previewHtml =
        m_text.isEmpty()
            ? QString()
            : mana::context::previewHtml(m_text, {m_linkColor, m_codeBackground, m_quoteColor});
    emit previewChanged();
}

void ContextController::setLinkColor(const QColor &color)
{
    if (color == m_linkColor)
        return;
    m_linkColor = color;
    renderPreview();
}

void ContextController::setCodeBackground(const QColor &color)
{
    if (color == m_codeBackground)
        return;
    m_codeBackground = color;
    renderPreview();
}

void ContextController::setQuoteColor(const QColor &color)
{
    if (color == m_quoteColor)
        return;
    m_quoteColor = color;
    renderPreview();
}

void ContextController::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged();
}

void ContextController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit lastErrorChanged();
}

void ContextController::setFileError(int error)
{
    m_fileError = error;
    emit fileErrorChanged();
}

bool ContextController::setType(const QString &type)
{
    if (m_documentId.isEmpty() || type == m_type)
        return false;
    save();
    const WriteResult result =
        saveDocument(m_store, m_documentId, {{QStringLiteral("type"), type}});
    if (!result) {
        setError(result.error);
        return false;
    }
    m_type = type;
    emit documentChanged();
    return true;
}

bool ContextController::setDocumentPinned(const QString &id, bool pinned)
{
    if (id == m_documentId)
        save();
    const WriteResult result = saveDocument(m_store, id, {{QStringLiteral("pinned"), pinned}});
    if (!result) {
        setError(result.error);
        return false;
    }
    if (id == m_documentId && m_pinned != pinned) {
        m_pinned = pinned;
        emit documentChanged();
    }
    return true;
}

int ContextController::addTag(const QString &tag)
{
    if (m_documentId.isEmpty())
        return TagProblem::NoDocument;
    // The metadata's wordCount must be that of the text as typed.
    save();
    QString error;
    const TagError result = mana::context::addTag(m_store, m_documentId, tag, &error);
    if (result == TagError::Refused)
        setError(error);
    if (result == TagError::None)
        load(m_documentId);
    return int(result);
}

int ContextController::removeTag(const QString &tag)
{
    if (m_documentId.isEmpty())
        return TagProblem::NoDocument;
    save();
    QString error;
    const TagError result = mana::context::removeTag(m_store, m_documentId, tag, &error);
    if (result == TagError::Refused)
        setError(error);
    if (result == TagError::None)
        load(m_documentId);
    return int(result);
}

bool ContextController::setSpacePinned(const QString &id, bool pinned)
{
    Collection *spaces = m_store ? m_store->collection(kApp, QStringLiteral("spaces")) : nullptr;
    if (!spaces)
        return false;
    const WriteResult result = spaces->update(id, {{QStringLiteral("pinned"), pinned}});
    if (!result)
        setError(result.error);
    return bool(result);
}

QString ContextController::createDocument(const QString &spaceId, const QString &title,
                                          const QString &content)
{
    save();
    const WriteResult result = mana::context::createDocument(m_store, spaceId, title, content);
    if (!result) {
        setError(result.error);
        return {};
    }
    load(result.id);
    return result.id;
}

QString ContextController::saveSpace(const QString &id, const QString &name, const QString &prefix,
                                     const QString &description)
{
    Collection *spaces = m_store ? m_store->collection(kApp, QStringLiteral("spaces")) : nullptr;
    if (!spaces || name.trimmed().isEmpty())
        return {};
    QJsonObject values{{QStringLiteral("name"), name.trimmed()},
                       {QStringLiteral("prefix"), normalizedPrefix(prefix, name)}};
    if (!description.trimmed().isEmpty())
        values.insert(QStringLiteral("description"), description.trimmed());
    const WriteResult result = id.isEmpty() ? spaces->insert(values) : spaces->update(id, values);
    if (!result) {
        setError(result.error);
        return {};
    }
    return result.id.isEmpty() ? id : result.id;
}

QString ContextController::spaceName(const QString &id) const
{
    Collection *spaces = m_store ? m_store->collection(kApp, QStringLiteral("spaces")) : nullptr;
    const auto space = spaces && !id.isEmpty() ? spaces->get(id) : std::nullopt;
    return space ? space->value(QStringLiteral("name")).toString() : QString();
}

QString ContextController::suggestedPrefix(const QString &name) const
{
    return normalizedPrefix({}, name);
}

void ContextController::search(const QString &text)
{
    // The open document's typed text is searched too.
    save();
    m_searchResults.clear();
    QHash<QString, QString> spaceNames;
    for (const SearchHit &hit : searchDocuments(m_store, text, kSearchLimit)) {
        if (!spaceNames.contains(hit.spaceId))
            spaceNames.insert(hit.spaceId, spaceName(hit.spaceId));
        // Shown as text, not as Markdown source: emphasis stars, code
        // ticks and heading marks go (outside the match).
        QString snippet;
        if (hit.snippetStart >= 0) {
            snippet =
                withoutMarks(hit.snippet.left(hit.snippetStart)).toHtmlEscaped() +
                QStringLiteral("<b>") +
                hit.snippet.mid(hit.snippetStart, hit.snippetLength).toHtmlEscaped() +
                QStringLiteral("</b>") +
                withoutMarks(hit.snippet.mid(hit.snippetStart + hit.snippetLength)).toHtmlEscaped();
        } else {
            snippet = withoutMarks(hit.snippet).toHtmlEscaped();
        }
        m_searchResults.append(
            QVariantMap{{QStringLiteral("documentId"), hit.documentId},
                        {QStringLiteral("spaceId"), hit.spaceId},
                        {QStringLiteral("spaceName"), spaceNames.value(hit.spaceId)},
                        {QStringLiteral("title"), hit.title},
                        {QStringLiteral("shortId"), hit.shortId},
                        {QStringLiteral("snippet"), snippet},
                        {QStringLiteral("position"), hit.contentPosition},
                        {QStringLiteral("length"), hit.matchLength}});
    }
    emit searchResultsChanged();
}

QString ContextController::importFile(const QUrl &file, const QString &spaceId)
{
    setFileError(FileError::None);
    QFile input(file.toLocalFile());
    if (!input.open(QIODevice::ReadOnly)) {
        setFileError(FileError::Unreadable);
        return {};
    }
    if (input.size() > kMaxImportBytes) {
        setFileError(FileError::TooLarge);
        return {};
    }
    const QByteArray bytes = input.read(kMaxImportBytes + 1);
    if (bytes.size() > kMaxImportBytes) {
        setFileError(FileError::TooLarge);
        return {};
    }
    // NUL bytes: a binary file (or UTF-16), not the UTF-8 text we take.
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        setFileError(FileError::NotText);
        return {};
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QString id = createDocument(spaceId, QFileInfo(input).completeBaseName(), text);
    if (id.isEmpty())
        setFileError(FileError::Refused);
    else
        qCInfo(lcContext) << "imported" << bytes.size() << "bytes as" << id;
    return id;
}

bool ContextController::exportFile(const QUrl &file)
{
    setFileError(FileError::None);
    save();
    QSaveFile output(file.toLocalFile());
    // All of it or nothing: a short write is never committed.
    if (m_documentId.isEmpty() || !output.open(QIODevice::WriteOnly) ||
        output.write(m_text.toUtf8()) < 0 || !output.commit()) {
        setFileError(FileError::Unwritable);
        return false;
    }
    return true;
}

QString ContextController::exportFileName() const
{
    QString name = m_title.trimmed();
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (forbidden.contains(c) || c.unicode() < 0x20)
            c = u'-';
    }
    return (name.isEmpty() ? QStringLiteral("document") : name) + QStringLiteral(".md");
}

} // namespace mana::context
