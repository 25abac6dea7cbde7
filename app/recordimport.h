// Writes the records of a JSON file into the open profile, for the scripted
// --import-records option: {"todo/tasks": [{"title": "a"}, …], …}.
//
// The file is read and checked as a whole before anything is written, so a
// malformed file writes nothing. The records then go in through
// Collection::insertMany in chunks of a few hundred, each its own
// transaction (all or nothing) and its own turn of the event loop: the
// window keeps painting during a long import, and the sync engine can push
// the chunks already written. A chunk that is refused ends the import; the
// chunks before it stay written.
#pragma once

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace mana {

class Collection;
class LocalStore;

class RecordImport : public QObject
{
    Q_OBJECT
public:
    // Small enough that one chunk (and what the views do with its changed
    // signal) stays far below a frame's worth of blocking at 100,000 records
    // per second, large enough that the commits do not dominate.
    static constexpr int kChunkSize = 250;

    explicit RecordImport(QObject *parent = nullptr);

    // Reads and checks the file: a JSON object whose keys are
    // "<app>/<collection>" and whose values are arrays of objects. false and
    // a sentence (the file, what is wrong, where) otherwise.
    bool load(const QString &path, QString *error);

    // Checks that every collection of the file exists in `store`, then
    // writes one chunk per turn of the event loop, beginning on the next
    // turn. false and a sentence, with nothing written, when a collection is
    // missing; otherwise finished() or failed() follows.
    bool start(LocalStore *store, QString *error);

    int importedCount() const { return m_imported; }

signals:
    // Every record of `target` ("<app>/<collection>") is written.
    void collectionImported(const QString &target, int count);
    void finished();
    void failed(const QString &sentence);

private:
    struct Part
    {
        QString target; // "<app>/<collection>", as in the file
        QJsonArray records;
        QPointer<Collection> collection;
    };

    void writeNextChunk();

    QString m_path;
    QList<Part> m_parts;
    qsizetype m_part = 0; // the part being written
    qsizetype m_next = 0; // its next record
    int m_imported = 0;
};

} // namespace mana
