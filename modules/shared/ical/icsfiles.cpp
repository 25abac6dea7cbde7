#include "icsfiles.h"

#include <QSaveFile>

namespace mana::ical {

FileError writeFileAtomically(const QString &path, const QByteArray &data)
{
    // Written beside and renamed: a full disk leaves the old file whole.
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly) || output.write(data) != data.size() || !output.commit())
        return {FileError::Code::CannotWrite, output.errorString()};
    return {};
}

} // namespace mana::ical
