// A run of manacore driven by its command line instead of a person: sign up
// or in (or out), write records, import a file of records, optionally wait
// until everything is synced, then quit. For setting up a machine from a
// script and for the end-to-end tests, which start the real binary. The
// window is shown meanwhile: a scripted run is the real app, not a separate
// tool.
#pragma once

#include "startupoptions.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <memory>

namespace mana {

class BlockWindow;
class RecordImport;
class Session;

class ScriptedRun : public QObject
{
    Q_OBJECT
public:
    ScriptedRun(Session *session, const StartupOptions &options, QObject *parent = nullptr);
    ~ScriptedRun() override;

    // Begins once the event loop runs; quits the application with 0 when
    // every step worked, 1 (and a sentence on stderr) when one failed, and
    // says finished() either way.
    void start();
    // false: only finished(), the caller quits (main takes --screenshot
    // after the steps, so the picture shows what they left in the window,
    // a failed write's sentence included).
    void setQuitWhenFinished(bool quit) { m_quitWhenFinished = quit; }

signals:
    void finished(int exitCode);

private:
    void readImportFileStep();
    void rebuildStep();
    void signOutStep();
    void signInStep();
    void addRecordsStep();
    void importStep();
    void waitForSyncStep();
    void checkSynced();
    void fail(const QString &sentence);
    void succeed();
    void finish(int exitCode);

    Session *m_session;
    StartupOptions m_options;
    QDateTime m_startedAt;
    QTimer m_timeout;
    std::unique_ptr<RecordImport> m_import; // with --import-records
    // With the event-loop watchdog: the blocks from the end of sign-in on.
    std::shared_ptr<const BlockWindow> m_afterSignInBlocks;
    bool m_finished = false;
    bool m_quitWhenFinished = true;
};

} // namespace mana
