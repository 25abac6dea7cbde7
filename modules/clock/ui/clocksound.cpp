#include "clocksound.h"

#include "clocklog.h"
#include "clockservices.h"

#include <QSoundEffect>
#include <QUrl>

namespace mana::clock {

ClockSound *ClockSound::attachTo(ClockServices *services)
{
    if (!services)
        return nullptr;
    if (auto *existing = services->findChild<ClockSound *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ClockSound(services);
}

QString ClockSound::soundUrl()
{
    return QStringLiteral("qrc:/ManaClock/sounds/beep.wav");
}

ClockSound::ClockSound(ClockServices *services)
    : QObject(services)
    , m_silent(qEnvironmentVariableIntValue("MANA_CLOCK_SILENT") == 1)
{
    AlarmService *alarms = services->alarms();
    connect(alarms, &AlarmService::ringing, this, [this](const QString &alarmId) {
        m_ringingAlarms.insert(alarmId);
        playAlarm();
    });
    connect(alarms, &AlarmService::stoppedRinging, this, [this](const QString &alarmId) {
        m_ringingAlarms.remove(alarmId);
        if (m_ringingAlarms.isEmpty())
            stop();
    });
    connect(services->timers(), &TimerService::timerFinished, this, [this] {
        if (m_ringingAlarms.isEmpty())
            playTimer();
    });
}

QSoundEffect *ClockSound::effect()
{
    // Made on the first ring, not at start: opening the audio device costs
    // time, and most runs never ring.
    if (m_effect)
        return m_effect;
    m_effect = new QSoundEffect(this);
    connect(m_effect, &QSoundEffect::statusChanged, this, [this] {
        if (m_effect->status() == QSoundEffect::Error && !m_warned) {
            m_warned = true;
            qCWarning(lcClock) << "the alarm sound cannot be played (no audio device?);"
                               << "alarms and timers still show";
        }
    });
    connect(m_effect, &QSoundEffect::playingChanged, this, [this] {
        if (!m_effect->isPlaying() && m_playingLoops > 0) {
            m_playingLoops = 0;
            emit playingChanged();
        }
    });
    m_effect->setSource(QUrl(soundUrl()));
    m_effect->setVolume(0.8f);
    return m_effect;
}

void ClockSound::play(int loops)
{
    m_playingLoops = loops;
    emit playingChanged();
    if (m_silent)
        return;
    QSoundEffect *sound = effect();
    sound->setLoopCount(loops);
    sound->play();
}

void ClockSound::playAlarm()
{
    play(kMaxAlarmLoops);
}

void ClockSound::playTimer()
{
    play(kTimerLoops);
}

void ClockSound::stop()
{
    if (m_effect)
        m_effect->stop();
    if (m_playingLoops > 0) {
        m_playingLoops = 0;
        emit playingChanged();
    }
}

} // namespace mana::clock
