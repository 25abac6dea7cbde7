// The import dialog's C++ (docs/contacts.md, "The import dialog"): reads a
// vCard or CSV file, shows what it found before anything is written (for a
// CSV the detected format and each column's target with sample values,
// which the user may change; for both the contacts found and the
// duplicates with a choice each), then imports with the choices as ONE
// undo step. A malformed file gives the sentence with its line and
// imports nothing.
//
// Reading the file and the duplicate check run on a worker thread; the
// stored contacts are read on the UI thread in pages, one per turn of the
// event loop, and handed over as plain data (LocalStore's connection
// belongs to the UI thread). Only the write stays on the UI thread
// (docs/contacts.md, "Import off the UI thread").
#pragma once

#include "importpreview.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>

namespace mana {
class LocalStore;
}

namespace mana::contacts {

class ContactsImporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // "de" or "en": the language of `error`.
    Q_PROPERTY(QString language MEMBER m_language NOTIFY languageChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY previewChanged)
    // The file is being read and checked (the dialog shows a busy
    // indicator and Cancel).
    Q_PROPERTY(bool busy READ busy NOTIFY previewChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY previewChanged)
    // "vcard", "google", "outlook" or "csv" (a CSV of neither's columns).
    Q_PROPERTY(QString format READ format NOTIFY previewChanged)
    Q_PROPERTY(bool isCsv READ isCsv NOTIFY previewChanged)
    // CSV: [{column, header, samples (text), target (a ContactField)}].
    Q_PROPERTY(QVariantList columns READ columns NOTIFY previewChanged)
    Q_PROPERTY(int contactCount READ contactCount NOTIFY previewChanged)
    // [{incoming, name, matchedBy ("email"/"phone"), matchedKey,
    //   existingName, choice}]: the first kShownDuplicates only (a row with
    // a ComboBox each; a file imported twice has thousands, which "For
    // all" decides); duplicateCount counts them all.
    Q_PROPERTY(QVariantList duplicates READ duplicates NOTIFY previewChanged)
    Q_PROPERTY(int duplicateCount READ duplicateCount NOTIFY previewChanged)
    // Why the file cannot be imported (the sentence with its line); "".
    Q_PROPERTY(QString error READ error NOTIFY previewChanged)
    // After run(): the counts and the undo step.
    Q_PROPERTY(int imported READ imported NOTIFY finished)
    Q_PROPERTY(int merged READ merged NOTIFY finished)
    Q_PROPERTY(int skipped READ skipped NOTIFY finished)
    Q_PROPERTY(int undoStep READ undoStep NOTIFY finished)

public:
    // DuplicateChoice for QML.
    enum Choice {
        Skip = int(DuplicateChoice::Skip),
        ImportAsNew = int(DuplicateChoice::ImportAsNew),
        Merge = int(DuplicateChoice::Merge)
    };
    Q_ENUM(Choice)

    static constexpr int kShownDuplicates = 200;

    explicit ContactsImporter(QObject *parent = nullptr);
    ~ContactsImporter() override;

    QObject *store() const;
    void setStore(QObject *store);
    bool ready() const { return m_ready; }
    bool busy() const { return m_busy; }
    QString fileName() const { return m_fileName; }
    QString format() const { return m_format; }
    bool isCsv() const { return m_format != QLatin1String("vcard") && !m_format.isEmpty(); }
    QVariantList columns() const;
    int contactCount() const { return int(m_parsed.contacts.size()); }
    QVariantList duplicates() const;
    int duplicateCount() const { return m_import ? int(m_import->duplicates().size()) : 0; }
    QString error() const { return m_error; }
    int imported() const { return m_result.imported; }
    int merged() const { return m_result.merged; }
    int skipped() const { return m_result.skipped; }
    int undoStep() const { return m_result.undoStepId; }

    // Reads the file and starts preparing the preview (`busy` until
    // previewChanged with `ready` or `error`); false with `error` when the
    // file cannot be read at all.
    Q_INVOKABLE bool open(const QUrl &file);
    // The same for bytes already read; `name` decides nothing.
    bool openBytes(const QByteArray &bytes, const QString &name);
    // Stops preparing: what the worker still finds is dropped.
    Q_INVOKABLE void cancel();
    // Tests: waits until no worker runs (its result is delivered by the
    // event loop afterwards).
    void waitForWorker() { m_pool.waitForDone(); }
    // Text as a UTF-8 file (the QML test's malformed file).
    Q_INVOKABLE bool openText(const QString &text, const QString &name)
    {
        return openBytes(text.toUtf8(), name);
    }
    // CSV: sends a column to another target (a ContactField) and builds
    // the contacts and duplicates again.
    Q_INVOKABLE void setColumnTarget(int column, int target);
    // The targets a column may take, in the ComboBox's order.
    Q_INVOKABLE QList<int> targets() const;
    Q_INVOKABLE void setChoice(int incoming, int choice);
    Q_INVOKABLE void setAllChoices(int choice);
    // Imports with the choices; false with `error` (nothing written).
    Q_INVOKABLE bool run();
    Q_INVOKABLE void clear();

signals:
    void storeChanged();
    void languageChanged();
    void previewChanged();
    void finished();

private:
    void readStoredPage(int generation);
    void startWorker(std::function<ImportPreview(QList<StoredContact>)> work);
    void adopt(int generation, ImportPreview preview);
    void fail(const ContactsFileFailure &refused);

    QPointer<LocalStore> m_store;
    QString m_language = QStringLiteral("en");
    bool m_ready = false;
    bool m_busy = false;
    // Bumped by clear/cancel/open: pages and worker results of an older
    // generation are dropped.
    int m_generation = 0;
    QByteArray m_bytes; // the file while the stored contacts are read
    QList<QJsonObject> m_storedRecords;
    QList<StoredContact> m_stored; // converted once, reused by a new mapping
    QString m_fileName;
    QString m_format;
    CsvTable m_table;
    QList<ColumnMapping> m_mapping;
    ParsedContacts m_parsed;
    std::unique_ptr<ContactsImport> m_import;
    QHash<int, DuplicateChoice> m_choices;
    // Stored contacts' names by id, for "matches Ada Lovelace".
    QHash<QString, QString> m_storedNames;
    QString m_error;
    ContactsImportResult m_result;
    // One worker at a time; the destructor waits for it.
    QThreadPool m_pool;
};

} // namespace mana::contacts
