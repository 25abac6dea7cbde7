// What LocalStore::open() finds out about a profile file before SQLite
// touches it, and what a failed write says about the storage.
#pragma once

#include "localstore.h"

#include <QString>
#include <optional>

namespace mana::storefile {

// The magic header, and whether the file is shorter than the page count its
// header claims (a truncated copy): the reason it must not be opened (None
// when it may), with the English sentence for the log in `detail`.
OpenErrorInfo inspectExistingFile(const QString &path);

// Why SQLite could not read a file's schema (`sqliteMessage`), with the
// sentence for the log.
OpenErrorInfo unreadable(const QString &path, const QString &sqliteMessage);

// What SQLite's message on a failed open or read says: damage
// (SQLITE_CORRUPT, SQLITE_NOTADB), a lock, a full disk, an I/O error, no
// access (read-only, cannot open), or Other.
OpenError openErrorOf(const QString &sqliteMessage);

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
