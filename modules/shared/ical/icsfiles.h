// The file side of an iCalendar import or export, shared by the apps: the
// file read on a worker thread with the size limit, the bytes handed to the
// app's parser there too, and the result back on the caller's thread; a
// file written beside and renamed (QSaveFile), so a full disk leaves the
// old one whole. Failures are codes; the page words them
// (docs/architecture.md, "Errors").
#pragma once

#include "icserror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace mana::ical {

struct FileError
{
    enum class Code {
        None,
        TooLarge,   // over the limit (kMaxIcsBytes); nothing was read
        CannotRead, // the file cannot be opened or read (`detail`: the system's words)
        CannotWrite // the file cannot be written or renamed into place (`detail`)
    } code = Code::None;
    QString detail;
    explicit operator bool() const { return code != Code::None; }
};

// Reads `path` (at most `maxBytes`) on the global thread pool, runs
// `work(bytes)` there, and calls `done(error, result)` on `context`'s
// thread, unless `context` is gone by then. On a read error `work` is not
// run and `result` is a default one.
template<typename Result>
void readFileInBackground(const QString &path, qsizetype maxBytes, QObject *context,
                          std::function<Result(const QByteArray &)> work,
                          std::function<void(const FileError &, const Result &)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([=] {
        FileError error;
        Result result{};
        QFile input(path);
        if (input.size() > maxBytes) {
            error.code = FileError::Code::TooLarge;
        } else if (!input.open(QIODevice::ReadOnly)) {
            error = {FileError::Code::CannotRead, input.errorString()};
        } else {
            const QByteArray data = input.read(maxBytes + 1);
            if (data.size() > maxBytes)
                error.code = FileError::Code::TooLarge; // it grew since
            else if (input.error() != QFileDevice::NoError)
                error = {FileError::Code::CannotRead, input.errorString()};
            else
                result = work(data);
        }
        QMetaObject::invokeMethod(
            guard ? guard.data() : QCoreApplication::instance(),
            [guard, done, error, result = std::move(result)] {
                if (guard)
                    done(error, result);
            },
            Qt::QueuedConnection);
    });
}

// Writes `data` to `path` through a QSaveFile: all of it or none.
FileError writeFileAtomically(const QString &path, const QByteArray &data);

} // namespace mana::ical
