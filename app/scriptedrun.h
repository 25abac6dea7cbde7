// A run of manacore driven by its command line instead of a person: sign up
// or in (or out), write records, optionally wait until everything is synced,
// then quit. For setting up a machine from a script and for the end-to-end
// tests, which start the real binary. The window is shown meanwhile: a
// scripted run is the real app, not a separate tool.
#pragma once

#include "startupoptions.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace mana {

class Session;

class ScriptedRun : public QObject
{
    Q_OBJECT
public:
    ScriptedRun(Session *session, const StartupOptions &options, QObject *parent = nullptr);

    // Begins once the event loop runs; quits the application with 0 when
    // every step worked, 1 (and a sentence on stderr) when one failed.
    void start();

private:
    void signOutStep();
    void signInStep();
    void addRecordsStep();
    void waitForSyncStep();
    void checkSynced();
    void fail(const QString &sentence);
    void succeed();

    Session *m_session;
    StartupOptions m_options;
    QDateTime m_startedAt;
    QTimer m_timeout;
    bool m_finished = false;
};

} // namespace mana
