// The open document of Context's page: its fields, the text as typed (saved
// 500 ms after the last key, when another document opens, when the store
// goes away and when the application quits, so no text is lost), its
// counts, and the page's other writes: new documents and spaces, pins,
// the type, the search, import and export of Markdown files.
#pragma once

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
}

namespace mana::context {

// Why an import or export failed (ContextController::fileError); the page
// says it in the UI language.
namespace FileError {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    None,
    TooLarge,   // over kMaxImportBytes
    NotText,    // not UTF-8 text (NUL bytes, invalid sequences)
    Unreadable, // cannot be opened or read
    Unwritable, // the export could not be written
    Refused,    // the store refused the new document
};
Q_ENUM_NS(Value)
} // namespace FileError

// Why a tag was not added (ContextController::addTag): documentstore.h's
// TagError, for QML.
namespace TagProblem {
Q_NAMESPACE
QML_ELEMENT
enum Value { None, Empty, TooLong, Duplicate, TooMany, NoDocument, Refused };
Q_ENUM_NS(Value)
} // namespace TagProblem

class ContextController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString documentId READ documentId NOTIFY documentChanged)
    Q_PROPERTY(QString title READ title NOTIFY documentChanged)
    Q_PROPERTY(QString text READ text NOTIFY textChanged)
    Q_PROPERTY(QString type READ type NOTIFY documentChanged)
    Q_PROPERTY(bool pinned READ pinned NOTIFY documentChanged)
    Q_PROPERTY(QString shortId READ shortId NOTIFY documentChanged)
    Q_PROPERTY(QString spaceId READ spaceId NOTIFY documentChanged)
    // The open document's tags (metadata.tags), in their order.
    Q_PROPERTY(QStringList tags READ tags NOTIFY documentChanged)
    Q_PROPERTY(int wordCount READ wordCount NOTIFY countsChanged)
    Q_PROPERTY(int characterCount READ characterCount NOTIFY countsChanged)
    Q_PROPERTY(int tokenEstimate READ tokenEstimate NOTIFY countsChanged)
    // Typed text not yet in the store.
    Q_PROPERTY(bool dirty READ dirty NOTIFY dirtyChanged)
    // Milliseconds after the last edit before it is saved.
    Q_PROPERTY(int saveDelay READ saveDelay WRITE setSaveDelay NOTIFY saveDelayChanged)
    Q_PROPERTY(QVariantList searchResults READ searchResults NOTIFY searchResultsChanged)
    Q_PROPERTY(int fileError READ fileError NOTIFY fileErrorChanged)
    // The preview of the text as HTML (markdownpreview.h), made 100 ms
    // after the last key (at once when a document opens).
    Q_PROPERTY(QString previewHtml READ previewHtml NOTIFY previewChanged)
    // The theme's colours for it: link, code background, quote.
    Q_PROPERTY(QColor linkColor MEMBER m_linkColor WRITE setLinkColor NOTIFY previewChanged)
    Q_PROPERTY(
        QColor codeBackground MEMBER m_codeBackground WRITE setCodeBackground NOTIFY previewChanged)
    Q_PROPERTY(QColor quoteColor MEMBER m_quoteColor WRITE setQuoteColor NOTIFY previewChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    static constexpr qint64 kMaxImportBytes = 5 * 1024 * 1024;
    static constexpr int kSearchLimit = 50;

    explicit ContextController(QObject *parent = nullptr);
    ~ContextController() override;

    QObject *store() const;
    void setStore(QObject *store);
    QString documentId() const { return m_documentId; }
    QString title() const { return m_title; }
    QString text() const { return m_text; }
    QString type() const { return m_type; }
    bool pinned() const { return m_pinned; }
    QString shortId() const { return m_shortId; }
    QString spaceId() const { return m_spaceId; }
    QStringList tags() const { return m_tags; }
    int wordCount() const { return m_words; }
    int characterCount() const { return m_characters; }
    int tokenEstimate() const { return m_tokens; }
    bool dirty() const { return m_dirty; }
    int saveDelay() const { return m_saveTimer.interval(); }
    void setSaveDelay(int ms);
    QVariantList searchResults() const { return m_searchResults; }
    int fileError() const { return m_fileError; }
    QString previewHtml() const { return m_previewHtml; }
    void setLinkColor(const QColor &color);
    void setCodeBackground(const QColor &color);
    void setQuoteColor(const QColor &color);
    QString lastError() const { return m_error; }

    // Saves the open document's typed text, then shows `id` ("" none).
    Q_INVOKABLE bool openDocument(const QString &id);
    // What the editor holds now; saved after saveDelay.
    Q_INVOKABLE void edit(const QString &text);
    Q_INVOKABLE void editTitle(const QString &title);
    // Writes the typed text and title now (true: nothing is left unsaved).
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool setType(const QString &type);
    Q_INVOKABLE bool setDocumentPinned(const QString &id, bool pinned);
    Q_INVOKABLE bool setSpacePinned(const QString &id, bool pinned);
    // The open document's tags: a TagProblem value (None: written, or
    // nothing to remove). The typed text is saved first.
    Q_INVOKABLE int addTag(const QString &tag);
    Q_INVOKABLE int removeTag(const QString &tag);

    // A new document in the space (its short id from the space's prefix),
    // opened; its id, "" when refused.
    Q_INVOKABLE QString createDocument(const QString &spaceId, const QString &title,
                                       const QString &content = {});
    // A new space or a space's new name and prefix; the id, "" when refused.
    Q_INVOKABLE QString saveSpace(const QString &id, const QString &name, const QString &prefix,
                                  const QString &description = {});
    Q_INVOKABLE QString spaceName(const QString &id) const;
    // The prefix a space named `name` gets when none is typed.
    Q_INVOKABLE QString suggestedPrefix(const QString &name) const;

    // Fills searchResults: maps with documentId, spaceId, spaceName, title,
    // shortId, snippet (StyledText, the match in bold), position and length
    // of the match in the content (-1: in the title).
    Q_INVOKABLE void search(const QString &text);

    // A .md or .txt file as a new document in the space: its id, or "" with
    // fileError set. Nothing is written when the file is refused.
    Q_INVOKABLE QString importFile(const QUrl &file, const QString &spaceId);
    // The open document's Markdown into the file (atomically).
    Q_INVOKABLE bool exportFile(const QUrl &file);
    // The open document's title as a file name ("Notes.md").
    Q_INVOKABLE QString exportFileName() const;

signals:
    void storeChanged();
    void documentChanged();
    void textChanged();
    void countsChanged();
    void dirtyChanged();
    void saveDelayChanged();
    void searchResultsChanged();
    void fileErrorChanged();
    void previewChanged();
    void lastErrorChanged();
    // After a save wrote the typed text.
    void saved();

private:
    void load(const QString &id);
    void recount();
    void renderPreview();
    void setDirty(bool dirty);
    void setError(const QString &error);
    void setFileError(int error);
    void documentsChanged(const QStringList &ids);

    QPointer<LocalStore> m_store;
    QString m_documentId;
    QString m_title;
    QString m_text;
    QString m_type;
    bool m_pinned = false;
    QString m_shortId;
    QString m_spaceId;
    QStringList m_tags;
    int m_words = 0;
    int m_characters = 0;
    int m_tokens = 0;
    bool m_dirty = false;
    QTimer m_saveTimer;
    // Long texts are counted once typing pauses, not at every key.
    QTimer m_countTimer;
    QTimer m_previewTimer;
    QString m_previewHtml;
    QColor m_linkColor{0x3d, 0x5b, 0xd9};
    QColor m_codeBackground{0xee, 0xee, 0xf2};
    QColor m_quoteColor{0x5c, 0x5c, 0x66};
    QVariantList m_searchResults;
    int m_fileError = FileError::None;
    QString m_error;
};

} // namespace mana::context
