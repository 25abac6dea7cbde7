// What every libFuzzer target of tests/fuzz shares (docs/fuzzing.md): a Qt
// application object for timers, deferred deletes and resources, Qt's
// messages silenced (a parser that refuses input logs why, thousands of
// times a second), and a check that aborts with a message so a broken
// property shows up as a crash libFuzzer keeps.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

namespace mana::fuzz {

// Creates the QCoreApplication once. Qt's messages are dropped unless
// MANA_FUZZ_VERBOSE=1 is set (then they go to stderr as usual); a qFatal
// still aborts.
void initQt();

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A folder for this process's scratch files (a store, an import file): on
// /dev/shm when it exists, so SQLite's syncs cost nothing. tools/fuzz.sh
// removes leftovers of earlier runs.
QString scratchDirectory();

// Prints what broke and the details, then aborts (libFuzzer saves the input).
[[noreturn]] void fail(const char *property, const QString &details);

} // namespace mana::fuzz

// A property of the code under test that must hold for every input.
#define MANA_FUZZ_CHECK(condition, details)                                                        \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::mana::fuzz::fail(#condition, (details));                                             \
    } while (false)
