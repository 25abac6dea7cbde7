// Command-line options of the manacore executable.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace mana {

struct StartupOptions
{
    QString dataDirectory; // empty: LocalStore::defaultDirectory()
    QString profile = QStringLiteral("guest");
    QString screenshotPath; // non-empty: save the window there and quit
    int screenshotDelayMs = 1500;
    bool darkMode = false;

    // nullopt and a message (or the help text, with *exitCode 0) when the
    // arguments ask the app not to start.
    static std::optional<StartupOptions> parse(const QStringList &arguments, QString *message,
                                               int *exitCode);
};

} // namespace mana
