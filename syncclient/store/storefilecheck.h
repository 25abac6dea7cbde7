// What LocalStore::open() finds out about a profile file before SQLite
// touches it, and what a failed write says about the storage.
#pragma once

#include "localstore.h"

#include <QString>
#include <optional>

namespace mana::storefile {

// The magic header, and whether the file is shorter than the page count its
// header claims (a truncated copy): a sentence, or empty when it may open.
// *failure says whether the file is damaged or could not be read.
QString inspectExistingFile(const QString &path, LocalStore::OpenFailure *failure = nullptr);

// The sentence for a file SQLite could not read its schema from, and why.
QString unreadableSentence(const QString &path, const QString &sqliteMessage,
                           LocalStore::OpenFailure *failure);

// What SQLite's message on a failed read says about the file: damaged
// (SQLITE_CORRUPT, SQLITE_NOTADB), the storage's fault (read-only, locked,
// I/O), or something else.
LocalStore::OpenFailure openFailureOf(const QString &sqliteMessage);

// The storage's part in a failed write, from SQLite's message and (for an
// I/O error only) the errno behind it; nullopt when the data was the cause.
std::optional<LocalStore::WriteFailure> storageFailureOf(const QString &error, int systemErrno);

// The code of a failed write from SQLite's message (and, for an I/O error,
// the errno behind it): the storage's part as storageFailureOf() sorts it,
// a lock, damage, a refused constraint; Other for anything else.
StoreError writeErrorOf(const QString &sqliteMessage, int systemErrno = 0);

// Whether this process may write an existing file and its folder.
LocalStore::Access accessOf(const QString &filePath);

} // namespace mana::storefile
