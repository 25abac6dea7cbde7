#include "storeerror.h"

namespace mana {

const char *storeErrorName(StoreError code)
{
    switch (code) {
    case StoreError::None:
        return "None";
    case StoreError::UnknownField:
        return "UnknownField";
    case StoreError::BuiltInField:
        return "BuiltInField";
    case StoreError::RequiredMissing:
        return "RequiredMissing";
    case StoreError::WrongType:
        return "WrongType";
    case StoreError::OutOfRange:
        return "OutOfRange";
    case StoreError::InvalidId:
        return "InvalidId";
    case StoreError::NothingToUpdate:
        return "NothingToUpdate";
    case StoreError::NoSuchRecord:
        return "NoSuchRecord";
    case StoreError::RecordDeleted:
        return "RecordDeleted";
    case StoreError::DuplicateId:
        return "DuplicateId";
    case StoreError::Refused:
        return "Refused";
    case StoreError::ReadOnly:
        return "ReadOnly";
    case StoreError::DiskFull:
        return "DiskFull";
    case StoreError::DiskError:
        return "DiskError";
    case StoreError::Busy:
        return "Busy";
    case StoreError::Corrupt:
        return "Corrupt";
    case StoreError::Other:
        return "Other";
    }
    return "?";
}

const char *openErrorName(OpenError code)
{
    switch (code) {
    case OpenError::None:
        return "None";
    case OpenError::NotADatabase:
        return "NotADatabase";
    case OpenError::Truncated:
        return "Truncated";
    case OpenError::Corrupt:
        return "Corrupt";
    case OpenError::NoAccess:
        return "NoAccess";
    case OpenError::FolderNotCreated:
        return "FolderNotCreated";
    case OpenError::FolderReadOnly:
        return "FolderReadOnly";
    case OpenError::Locked:
        return "Locked";
    case OpenError::DiskFull:
        return "DiskFull";
    case OpenError::DiskError:
        return "DiskError";
    case OpenError::NeedsUpdate:
        return "NeedsUpdate";
    case OpenError::NewerSchema:
        return "NewerSchema";
    case OpenError::Other:
        return "Other";
    }
    return "?";
}

} // namespace mana
