#include "storeerrortext.h"

#include "collectionspec.h"

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

} // namespace mana
