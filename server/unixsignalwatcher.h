// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe:
// the handler only writes one byte, which is async-signal-safe).
#pragma once

#include <QObject>

class QSocketNotifier;

namespace mana::server {

class UnixSignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    // Installs the handlers; false (with errno set) when that failed.
    bool watchTerminationSignals();

signals:
    void terminationRequested(int signalNumber);

private:
    static void handleSignal(int signalNumber);
    static int s_pipe[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace mana::server
