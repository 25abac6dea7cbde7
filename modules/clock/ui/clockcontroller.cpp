#include "clockcontroller.h"

#include "alarmschedule.h"
#include "clocklog.h"
#include "clockservices.h"
#include "clocksound.h"
#include "localstore.h"
#include "storeerrortext.h"
#include "timerstate.h"
#include "timezonesearch.h"
#include "worldclock.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

namespace mana::clock {

namespace {

TimerState::Value timerStateOf(const QJsonObject &timer)
{
    switch (timerstate::statusOf(timer)) {
    case timerstate::Status::Idle:
        return TimerState::Idle;
    case timerstate::Status::Running:
        return TimerState::Running;
    case timerstate::Status::Paused:
        return TimerState::Paused;
    case timerstate::Status::Finished:
        return TimerState::Finished;
    }
    return TimerState::Idle;
}

Query::Sort sortBy(const QString &field)
{
    Query::Sort sort;
    sort.field = field;
    return sort;
}

} // namespace

ClockController::ClockController(QObject *parent)
    : QObject(parent)
{
    m_tick.setSingleShot(true);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        emit nowChanged();
        if (stopwatchRunning())
            emit stopwatchChanged();
        planTick();
    });
    planTick();
}

ClockController::~ClockController()
{
    delete m_search;
}

QObject *ClockController::store() const
{
    return m_store;
}

void ClockController::setStore(QObject *store)
{
    auto *localStore = qobject_cast<LocalStore *>(store);
    if (localStore == m_store)
        return;
    if (m_store)
        m_store->disconnect(this);
    if (m_services) {
        m_services->alarms()->disconnect(this);
        m_services->timers()->disconnect(this);
    }
    for (const char *name : {"worldClocks", "alarms", "timers"}) {
        if (Collection *old = collection(name))
            old->disconnect(this);
    }
    m_store = localStore;
    m_services = ClockServices::forStore(localStore);
    m_finishedTimers.clear();
    connectServices();
    refreshWorldClocks();
    refreshAlarms();
    refreshTimers();
    emit storeChanged();
    emit ringingChanged();
    emit stopwatchChanged();
    emit finishedTimersChanged();
}

void ClockController::connectServices()
{
    if (Collection *worlds = collection("worldClocks"))
        connect(worlds, &Collection::changed, this, &ClockController::refreshWorldClocks);
    if (Collection *alarms = collection("alarms"))
        connect(alarms, &Collection::changed, this, &ClockController::refreshAlarms);
    if (Collection *timers = collection("timers"))
        connect(timers, &Collection::changed, this, &ClockController::refreshTimers);
    if (!m_services)
        return;
    ClockSound::attachTo(m_services);
    AlarmService *alarms = m_services->alarms();
    connect(alarms, &AlarmService::ringingChanged, this, &ClockController::ringingChanged);
    connect(alarms, &AlarmService::ringing, this,
            [this](const QString &id, const QString &label) { emit alarmRang(id, label); });
    connect(m_services->timers(), &TimerService::timerFinished, this,
            [this](const QString &id, const QString &label) {
                m_finishedTimers.append(FinishedTimer{id, label});
                emit finishedTimersChanged();
            });
}

void ClockController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    refreshAlarms(); // their day texts
    emit languageChanged();
}

Collection *ClockController::collection(const char *name) const
{
    return m_store ? m_store->collection(QStringLiteral("clock"), QString::fromLatin1(name))
                   : nullptr;
}

bool ClockController::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcClock) << message;
    emit errorOccurred(message);
    return false;
}

QDateTime ClockController::now() const
{
    return m_services ? m_services->timers()->now() : QDateTime::currentDateTimeUtc();
}

void ClockController::planTick()
{
    bool timerRunning = false;
    for (const TimerEntry &timer : std::as_const(m_timers))
        timerRunning |= timer.status == TimerState::Running;
    // Hundredths on the stopwatch want ~25 frames a second; a timer's
    // seconds a few ticks per second so none is skipped; otherwise the
    // next full second.
    int interval = 1000 - int(QDateTime::currentMSecsSinceEpoch() % 1000) + 5;
    if (stopwatchRunning())
        interval = 40;
    else if (timerRunning)
        interval = std::min(interval, 250);
    m_tick.start(interval);
}

QString ClockController::localTimeText() const
{
    return now().toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString ClockController::localZoneText() const
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    QString city =
        m_language == QLatin1String("de") ? TimeZoneSearch::germanCityName(id) : QString();
    if (city.isEmpty())
        city = TimeZoneSearch::cityOfZone(id);
    if (city.isEmpty()) // "Etc/UTC": the zone has no city
        city = QString::fromLatin1(id.mid(id.lastIndexOf('/') + 1));
    return city;
}

void ClockController::refreshWorldClocks()
{
    Collection *worlds = collection("worldClocks");
    QList<QJsonObject> records;
    if (worlds) {
        Query query;
        query.sort = {sortBy(QStringLiteral("sortOrder")), sortBy(QStringLiteral("createdAt"))};
        records = worlds->query(query);
    }
    m_worldClocks.clear();
    for (const QJsonObject &record : std::as_const(records))
        m_worldClocks.append({record.value(QLatin1String("id")).toString(),
                              record.value(QLatin1String("timezone")).toString(),
                              record.value(QLatin1String("cityName")).toString(),
                              record.value(QLatin1String("sortOrder")).toDouble()});
    emit worldClocksChanged();
}

void ClockController::refreshAlarms()
{
    Collection *alarms = collection("alarms");
    QList<QJsonObject> records;
    if (alarms) {
        Query query;
        query.sort = {sortBy(QStringLiteral("time")), sortBy(QStringLiteral("createdAt"))};
        records = alarms->query(query);
    }
    m_alarms.clear();
    m_alarmRecords.clear();
    for (const QJsonObject &record : std::as_const(records)) {
        const AlarmRule rule = AlarmRule::fromRecord(record);
        AlarmEntry alarm;
        alarm.id = record.value(QLatin1String("id")).toString();
        alarm.time = record.value(QLatin1String("time")).toString();
        alarm.label = record.value(QLatin1String("label")).toString();
        alarm.enabled = record.value(QLatin1String("enabled")).toBool(true);
        alarm.repeatDays = rule.repeatDays;
        alarm.snoozeMinutes = record.value(QLatin1String("snoozeMinutes")).toInt(10);
        alarm.daysText = daysText(rule.repeatDays);
        m_alarmRecords.insert(alarm.id, record);
        m_alarms.append(alarm);
    }
    emit alarmsChanged();
}

void ClockController::refreshTimers()
{
    Collection *timers = collection("timers");
    QList<QJsonObject> records;
    if (timers) {
        Query query;
        query.sort = {sortBy(QStringLiteral("createdAt"))};
        records = timers->query(query);
    }
    m_timers.clear();
    m_timerRecords.clear();
    for (const QJsonObject &record : std::as_const(records)) {
        TimerEntry timer;
        timer.id = record.value(QLatin1String("id")).toString();
        timer.label = record.value(QLatin1String("label")).toString();
        timer.durationSeconds = record.value(QLatin1String("durationSeconds")).toInt();
        timer.status = timerStateOf(record);
        m_timerRecords.insert(timer.id, record);
        m_timers.append(timer);
    }
    emit timersChanged();
    planTick();
}

WorldClockDisplay ClockController::worldClockInfo(const QString &timezone,
                                                  const QDateTime &now) const
{
    const WorldClockInfo info =
        describeWorldClock(timezone.toUtf8(), now, QTimeZone::systemTimeZone());
    if (!info.valid)
        return {};
    WorldClockDisplay display;
    display.valid = true;
    display.time = info.localTime.toString(QStringLiteral("HH:mm"));
    display.dayText = dayText(info.dayDifference, m_language);
    display.offsetText = offsetText(info.offsetSeconds, m_language);
    display.isDay = info.isDay;
    display.isDst = info.isDst;
    return display;
}

QList<ZoneMatch> ClockController::searchZones(const QString &text) const
{
    if (!m_search)
        m_search = new TimeZoneSearch;
    QList<ZoneMatch> result;
    for (const TimeZoneMatch &match : m_search->search(text, m_language, 30))
        result.append({QString::fromLatin1(match.zoneId), match.city, match.country});
    return result;
}

QString ClockController::addWorldClock(const QString &zoneId, const QString &cityName)
{
    Collection *worlds = collection("worldClocks");
    if (!worlds)
        return fail(tr("The clock data is not available.")), QString();
    if (!QTimeZone(zoneId.toUtf8()).isValid())
        return fail(tr("“%1” is not a time zone this computer knows.").arg(zoneId)), QString();
    double last = -1;
    for (const WorldClockEntry &clock : std::as_const(m_worldClocks))
        last = std::max(last, clock.sortOrder);
    const WriteResult result = worlds->insert({{QStringLiteral("timezone"), zoneId},
                                               {QStringLiteral("cityName"), cityName},
                                               {QStringLiteral("sortOrder"), last + 1}});
    if (!result)
        return fail(storeErrorText(result.failure)), QString();
    return result.id;
}

bool ClockController::moveWorldClock(const QString &id, int step)
{
    Collection *worlds = collection("worldClocks");
    int index = -1;
    for (int i = 0; i < m_worldClocks.size(); ++i) {
        if (m_worldClocks.at(i).id == id)
            index = i;
    }
    const int target = index + (step < 0 ? -1 : 1);
    if (!worlds || index < 0 || target < 0 || target >= m_worldClocks.size())
        return false;
    // Renumber all: the seeds and old records may share sortOrder values.
    QStringList order;
    for (const WorldClockEntry &clock : std::as_const(m_worldClocks))
        order.append(clock.id);
    order.swapItemsAt(index, target);
    QString error;
    StoreErrorInfo refused; // the write that failed, if one did
    const bool written = m_store->writeGroup(
        [&](QString *groupError) {
            for (int i = 0; i < order.size(); ++i) {
                const WriteResult result =
                    worlds->update(order.at(i), {{QStringLiteral("sortOrder"), double(i)}});
                if (!result) {
                    *groupError = result.error;
                    refused = result.failure;
                    return false;
                }
            }
            return true;
        },
        &error);
    if (written)
        return true;
    qCWarning(lcClock) << "world clock order not saved:" << error;
    if (!refused.isError())
        refused = {m_store->writeErrorOf(error), {}, {}, {}, error};
    return fail(storeErrorText(refused));
}

QString ClockController::durationText(int seconds) const
{
    return timerstate::formatRemaining(qint64(seconds) * 1000);
}

QString ClockController::ringDistanceText(const QDateTime &now, const QDateTime &next) const
{
    // Within a day the hours and minutes count; further out the day says
    // more than "in 135 h 6 min" (alarms are at most a week ahead).
    const qint64 seconds = now.secsTo(next);
    const qint64 minutes = (seconds + 59) / 60;
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    if (hours < 24) {
        if (hours == 0)
            return tr("in %1 min").arg(rest);
        if (rest == 0)
            return tr("in %1 h").arg(hours);
        return tr("in %1 h %2 min").arg(hours).arg(rest);
    }
    const QDate today = now.toLocalTime().date();
    const QDate day = next.toLocalTime().date();
    const qint64 days = today.daysTo(day);
    if (days <= 1)
        return tr("tomorrow");
    const QLocale locale(m_language == QLatin1String("de") ? QLocale::German : QLocale::English);
    const QString dayName = locale.dayName(day.dayOfWeek(), QLocale::LongFormat);
    return days < 7 ? tr("on %1").arg(dayName) : tr("next %1").arg(dayName);
}

} // namespace mana::clock
