#include "storeerrortext.h"

#include "collectionspec.h"

#include <QDir>
#include <QLocale>

namespace mana {

QString StoreErrorText::sentence(const StoreErrorInfo &error, const QString &fieldLabel)
{
    const QString field = fieldLabel.isEmpty() ? error.field : fieldLabel;
    switch (error.code) {
    case StoreError::UnknownField:
        return tr("This app has no field “%1”.").arg(field);
    case StoreError::BuiltInField:
        return tr("“%1” is kept by ManaCore itself and cannot be changed.").arg(field);
    case StoreError::RequiredMissing:
        return tr("“%1” cannot be empty.").arg(field);
    case StoreError::WrongType:
        switch (error.fieldType.value_or(FieldType::Json)) {
        case FieldType::String:
        case FieldType::Text:
            return tr("“%1” must be text.").arg(field);
        case FieldType::Number:
            return tr("“%1” must be a number.").arg(field);
        case FieldType::Integer:
            return tr("“%1” must be a whole number.").arg(field);
        case FieldType::Boolean:
            return tr("“%1” must be yes or no.").arg(field);
        case FieldType::Date:
            return tr("“%1” must be a date.").arg(field);
        case FieldType::DateTime:
            return tr("“%1” must be a date and time.").arg(field);
        case FieldType::Enum:
            return tr("“%1” must be one of: %2.").arg(field, error.limit);
        case FieldType::Reference:
            return tr("“%1” must point to a record that exists.").arg(field);
        case FieldType::Json:
            break;
        }
        return tr("“%1” has a value of the wrong kind.").arg(field);
    case StoreError::OutOfRange:
        return tr("“%1” must be between −%2 and %2.").arg(field, error.limit);
    case StoreError::InvalidId:
        return tr("A record's id must be text of 1 to %1 bytes.").arg(error.limit);
    case StoreError::NothingToUpdate:
        return tr("There is nothing to save.");
    case StoreError::NoSuchRecord:
        return tr("This record no longer exists.");
    case StoreError::RecordDeleted:
        return tr("This record was deleted, so it cannot be changed.");
    case StoreError::DuplicateId:
        return tr("A record with this id already exists.");
    case StoreError::Refused:
        return tr("The database refused this change, so nothing was saved.");
    case StoreError::ReadOnly:
        return tr("This profile is read-only, so the change was not saved.");
    case StoreError::DiskFull:
        return tr("The disk is full, so the change was not saved. Free some space and try again; "
                  "everything saved before is safe.");
    case StoreError::DiskError:
        return tr("The change could not be written to the disk. Everything saved before is "
                  "safe.");
    case StoreError::Busy:
        return tr("Another program is using your data right now, so the change was not saved. "
                  "Try again in a moment.");
    case StoreError::Corrupt:
        return tr("Your data file is damaged, so the change was not saved.");
    case StoreError::None: // a write that failed without saying why
    case StoreError::Other:
        break;
    }
    return tr("The change could not be saved.");
}

QString StoreErrorText::readSentence(const StoreErrorInfo &error)
{
    switch (error.code) {
    case StoreError::Corrupt:
        return tr("Your data file is damaged, so this list cannot be shown.");
    case StoreError::Busy:
        return tr("Another program is using your data right now, so this list cannot be shown. "
                  "Try again in a moment.");
    case StoreError::DiskError:
    case StoreError::DiskFull:
    case StoreError::ReadOnly:
        return tr("This list could not be read from the disk.");
    default:
        break;
    }
    return tr("This list cannot be shown.");
}

QString StoreErrorText::openSentence(const OpenErrorInfo &error)
{
    const QString path = QDir::toNativeSeparators(error.path);
    switch (error.code) {
    case OpenError::NotADatabase:
        return tr("The file %1 is not a ManaCore data file, so it was not opened. It was left "
                  "untouched; move it away or choose another data folder.")
            .arg(path);
    case OpenError::Truncated:
        return tr("Your data file %1 is incomplete (%2 of %3 bytes), so it was not opened. It was "
                  "left untouched; restore it from a backup.")
            .arg(path, QLocale().toString(error.size), QLocale().toString(error.expectedSize));
    case OpenError::Corrupt:
        return tr("Your data file %1 is damaged, so it was not opened. It was left untouched.")
            .arg(path);
    case OpenError::NoAccess:
        return tr("ManaCore may not read or write your data file %1, its folder or the files "
                  "beside it (-wal, -shm). Check their permissions; nothing was changed.")
            .arg(path);
    case OpenError::FolderNotCreated:
        return tr("The folder %1 for your data cannot be created.").arg(path);
    case OpenError::FolderReadOnly:
        return tr("The folder %1 is read-only, so your data cannot be kept there.").arg(path);
    case OpenError::Locked:
        return tr("Another program is using your data file %1, so it was not opened. Close that "
                  "program and start ManaCore again.")
            .arg(path);
    case OpenError::DiskFull:
        return tr("The disk is full, so your data file %1 could not be opened. Free some space "
                  "and start ManaCore again.")
            .arg(path);
    case OpenError::DiskError:
        return tr("Your data file %1 could not be read from the disk. It was left untouched.")
            .arg(path);
    case OpenError::NeedsUpdate:
        return tr("Your data file %1 is read-only and was written by an older ManaCore: it must "
                  "be updated once, which needs write access to the file and its folder.")
            .arg(path);
    case OpenError::NewerSchema:
        return tr("Your data file %1 was written by a newer ManaCore, so it was not opened. It was "
                  "left untouched; update ManaCore to use it.")
            .arg(path);
    case OpenError::None: // a failure that did not say why
    case OpenError::Other:
        break;
    }
    return tr("Your data file %1 could not be opened. It was left untouched.").arg(path);
}

} // namespace mana
