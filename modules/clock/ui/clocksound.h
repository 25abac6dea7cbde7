// The Clock's sound: the bundled beep (sounds/beep.wav) through Qt
// Multimedia's QSoundEffect, looping while an alarm rings (at most
// kMaxAlarmLoops, about five minutes, then it stops by itself) and three
// times when a timer finishes. One per ClockServices (attachTo is
// idempotent), so the page and the app can both ask for it without a
// double sound.
//
// A machine without an audio device (CI, a headless server) must not fail:
// an error of the sound only logs a warning (mana.clock) and the alarm still
// shows. MANA_CLOCK_SILENT=1 keeps it quiet (tests, screenshots).
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class QSoundEffect;

namespace mana::clock {

class ClockServices;

class ClockSound : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxAlarmLoops = 300;
    static constexpr int kTimerLoops = 3;

    // The sound of `services`, created on the first call.
    static ClockSound *attachTo(ClockServices *services);
    static QString soundUrl();

    bool isPlaying() const { return m_playingLoops > 0; }

    void playAlarm();
    void playTimer();
    void stop();

signals:
    void playingChanged();

private:
    explicit ClockSound(ClockServices *services);
    void play(int loops);
    QSoundEffect *effect();

    QSoundEffect *m_effect = nullptr;
    QSet<QString> m_ringingAlarms;
    int m_playingLoops = 0;
    bool m_silent = false;
    bool m_warned = false;
};

} // namespace mana::clock
