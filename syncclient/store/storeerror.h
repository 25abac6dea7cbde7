// Why the store refused a write, as a code with details (issue 14). The
// store never makes a sentence anyone reads in the window: the window's
// language is chosen at the edge (app/shell, the apps' controllers), which
// turns the code and its details into words. `detail` is the store's
// technical English text, for the log only.
#pragma once

#include <QString>
#include <optional>

namespace mana {

// Declared in collectionspec.h; only carried here (a wrong value's field).
enum class FieldType;

enum class StoreError {
    None,
    // The values (Collection::insert/update validation).
    UnknownField,    // `field` is not declared by the collection
    BuiltInField,    // `field` is kept by the store (id, createdAt, updatedAt, deletedAt)
    RequiredMissing, // `field` is required and was null or missing
    WrongType,       // `field` holds a value of the wrong kind (`fieldType`, `limit`)
    OutOfRange,      // `field`'s whole number is beyond `limit` (±2^53 − 1)
    InvalidId,       // the given id is not text of 1 to `limit` bytes
    NothingToUpdate, // an update without fields
    // The records.
    NoSuchRecord,  // no record with the id
    RecordDeleted, // an edit of a deleted record
    DuplicateId,   // an insert with an id that exists
    Refused,       // a constraint or trigger of the database refused the write
    // The storage (the write was rolled back; what was saved before is intact).
    ReadOnly,  // the profile is read-only, or became so
    DiskFull,  // the disk, a quota or the file size limit is full
    DiskError, // any other I/O error
    Busy,      // another program holds the database locked
    Corrupt,   // SQLite finds the file damaged
    Other,     // anything else SQLite said
};

struct StoreErrorInfo
{
    StoreError code = StoreError::None;
    QString field; // the field concerned (UnknownField … OutOfRange)
    // WrongType: the field's declared type, so the edge can say what it takes.
    std::optional<FieldType> fieldType;
    // What is allowed: WrongType of an enum the values ("a, b, c"), of a
    // reference the referenced collection; OutOfRange the largest number;
    // InvalidId the most bytes.
    QString limit;
    QString detail; // the technical English text, for the log; never shown

    bool isError() const { return code != StoreError::None; }
};

// The code's name ("WrongType"), for logs and test output.
const char *storeErrorName(StoreError code);

// Why LocalStore::open() refused a profile file, as a code with details
// (LocalStore::OpenFailure is the coarser kind a caller chooses a way out
// by: openFailureOf()). The file was left untouched in every case.
enum class OpenError {
    None,
    // The file itself (OpenFailure::Damaged).
    NotADatabase, // not SQLite: another program's file, random bytes
    Truncated,    // shorter than its header says: `size` of `expectedSize` bytes
    Corrupt,      // SQLite, or the page check, finds it damaged
    // Where it is kept (OpenFailure::Storage).
    NoAccess,         // the file, its folder or the files beside it (-wal, -shm)
                      // may not be read or written
    FolderNotCreated, // the folder for the data (`path`) cannot be created
    FolderReadOnly,   // the folder of a new profile (`path`) cannot be written
    Locked,           // another program holds the file locked
    DiskFull,         // no space for what opening writes (the log, a migration)
    DiskError,        // an I/O error
    NeedsUpdate,      // read-only, and written by an older ManaCore (`schema`):
                      // it must be updated once, which needs write access
    // Its version (OpenFailure::NewerSchema).
    NewerSchema, // written by a newer ManaCore (`schema`; this one knows `knownSchema`)
    Other,       // anything else SQLite said (OpenFailure::Other)
};

struct OpenErrorInfo
{
    OpenError code = OpenError::None;
    QString path;            // the profile file; the folder for Folder*
    qint64 size = 0;         // Truncated: the file's bytes
    qint64 expectedSize = 0; // Truncated: what its header claims
    int schema = 0;          // NewerSchema, NeedsUpdate: the file's schema
    int knownSchema = 0;     // NewerSchema: the newest this build knows
    QString detail;          // the technical English sentence, for the log; never shown

    bool isError() const { return code != OpenError::None; }
};

const char *openErrorName(OpenError code);

} // namespace mana
