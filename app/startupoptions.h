// Command-line options of the manacore executable.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace mana {

struct StartupOptions
{
    QString dataDirectory;  // empty: LocalStore::defaultDirectory()
    QString serverUrl;      // empty: the saved setting
    QString moduleId;       // --app: open this module
    QString screenshotPath; // non-empty: save the window there and quit
    int screenshotDelayMs = 1500;
    bool quitAfterFirstFrame = false; // print first_frame_ms=N and quit
    int lingerMs = 0;                 // with quitAfterFirstFrame: stay this long (RSS probes)
    QString scrollListToEnd;          // objectName of a list to scroll through, then quit
    QString theme;    // "", "light", "dark" or "system": overrides the setting for this run
    QString language; // "", "en", "de" or "system": overrides the setting for this run
    // "", "welcome", "settings", "signin", "signin-error", "switcher", "create"
    QString show;
    QString switcherText; // typed into the quick switcher with --show switcher
    // Makes a first start look like a later one (no welcome), for screenshots.
    bool noWelcome = false;

    // Scripted runs (provisioning, end-to-end tests); see ScriptedRun. The
    // password comes from the MANA_PASSWORD environment variable, never from
    // the command line (other users can read that).
    // First of all: a damaged account profile is moved aside and rebuilt
    // from the server (Session::rebuildDamagedProfile); nothing when the
    // profile is sound.
    bool rebuildDamagedProfile = false;
    bool signOut = false; // first: back to a fresh guest profile
    QString signUpEmail;
    QString signInEmail;
    // "<app>/<collection> <json object>": records written after sign-in.
    QStringList addRecords;
    // A JSON file {"<app>/<collection>": [ {record}, … ], …} written after
    // the records above, in chunks that leave the window responsive.
    QString importRecordsPath;
    bool quitWhenSynced = false;
    int syncTimeoutMs = 60000;
    bool isScripted() const
    {
        return rebuildDamagedProfile || signOut || !signUpEmail.isEmpty() ||
               !signInEmail.isEmpty() || !addRecords.isEmpty() || !importRecordsPath.isEmpty() ||
               quitWhenSynced;
    }

    // Options that make a run of their own (scripts, pictures, benchmarks):
    // they need the profile to themselves, so a later start with them is
    // not handed over to a running ManaCore (docs/single-instance.md).
    bool controlsTheRun() const
    {
        return isScripted() || !screenshotPath.isEmpty() || quitAfterFirstFrame ||
               !scrollListToEnd.isEmpty();
    }

    static QStringList showTargets();

    // True when `arguments` ask the app not to start (--help, --version, a
    // mistake): *message and *exitCode say what to print and return. For
    // the command line before the GUI application exists, which aborts
    // without a display. False also when an argument may be one of Qt's
    // own (-platform, -style, …): the GUI application removes those first,
    // so only parse() after it can judge the rest.
    static bool answersWithoutGui(const QStringList &arguments, QString *message, int *exitCode);

    // nullopt and a message (or the help text, with *exitCode 0) when the
    // arguments ask the app not to start.
    static std::optional<StartupOptions> parse(const QStringList &arguments, QString *message,
                                               int *exitCode);
};

} // namespace mana
