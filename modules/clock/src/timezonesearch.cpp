#include "timezonesearch.h"

#include <QLocale>
#include <QSet>
#include <QTimeZone>
#include <algorithm>

namespace mana::clock {

namespace {

struct GermanName
{
    const char *zoneId;
    const char *name;
};

// German exonyms of zone cities a German user would type. Peking is not a
// zone of its own: China's one zone is named after Shanghai.
constexpr GermanName kGermanNames[] = {
    {"Asia/Tokyo", "Tokio"},
    {"Europe/Vienna", "Wien"},
    {"Europe/Rome", "Rom"},
    {"Europe/Copenhagen", "Kopenhagen"},
    {"Europe/Moscow", "Moskau"},
    {"Asia/Shanghai", "Peking"},
    {"Europe/Lisbon", "Lissabon"},
    {"Europe/Warsaw", "Warschau"},
    {"Europe/Prague", "Prag"},
    {"Europe/Brussels", "Brüssel"},
    {"Europe/Zurich", "Zürich"},
    {"Europe/Athens", "Athen"},
    {"Europe/Belgrade", "Belgrad"},
    {"Europe/Bucharest", "Bukarest"},
    {"Europe/Kiev", "Kiew"},
    {"Europe/Kyiv", "Kiew"},
    {"Europe/Luxembourg", "Luxemburg"},
    {"Europe/Istanbul", "Istanbul"},
    {"Africa/Cairo", "Kairo"},
    {"America/Mexico_City", "Mexiko-Stadt"},
    {"America/Havana", "Havanna"},
    {"Asia/Singapore", "Singapur"},
    {"Atlantic/Canary", "Kanarische Inseln"},
};

// Backward-compatible links and abbreviations of the tz database, which
// would show a city twice or not be a city at all.
bool isCityZone(const QByteArray &id)
{
    static const char *const kSkippedPrefixes[] = {"Etc/",    "SystemV/", "US/",   "Canada/",
                                                   "Mexico/", "Brazil/",  "Chile/"};
    if (!id.contains('/'))
        return false;
    for (const char *prefix : kSkippedPrefixes) {
        if (id.startsWith(prefix))
            return false;
    }
    return true;
}

enum Rank { Prefix = 0, WordPrefix = 1, Contains = 2, CountryMatch = 3, NoMatch = 4 };

Rank rankName(const QString &folded, const QString &text)
{
    if (folded.isEmpty())
        return NoMatch;
    if (folded.startsWith(text))
        return Prefix;
    const int at = folded.indexOf(text);
    if (at < 0)
        return NoMatch;
    for (int i = at; i >= 0; i = folded.indexOf(text, i + 1)) {
        const QChar before = folded.at(i - 1);
        if (before == QLatin1Char(' ') || before == QLatin1Char('-'))
            return WordPrefix;
    }
    return Contains;
}

} // namespace

QString TimeZoneSearch::cityOfZone(const QByteArray &zoneId)
{
    if (!isCityZone(zoneId))
        return {};
    QString city = QString::fromLatin1(zoneId.mid(zoneId.lastIndexOf('/') + 1));
    city.replace(QLatin1Char('_'), QLatin1Char(' '));
    return city;
}

QString TimeZoneSearch::germanCityName(const QByteArray &zoneId)
{
    for (const GermanName &name : kGermanNames) {
        if (zoneId == name.zoneId)
            return QString::fromUtf8(name.name);
    }
    return {};
}

QString TimeZoneSearch::fold(const QString &text)
{
    QString folded;
    const QString decomposed = text.toLower().normalized(QString::NormalizationForm_KD);
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x00DF)) // ß
            folded += QStringLiteral("ss");
        else
            folded += c;
    }
    return folded.simplified();
}

TimeZoneSearch::TimeZoneSearch()
{
    QSet<QString> seen;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        const QString city = cityOfZone(id);
        if (city.isEmpty())
            continue;
        const QTimeZone zone(id);
        const QString country = zone.territory() == QLocale::AnyTerritory
                                    ? QString()
                                    : QLocale::territoryToString(zone.territory());
        // The tz database keeps old names as links (Asia/Calcutta next to
        // Asia/Kolkata); one entry per city and country is enough.
        if (!seen.contains(city + QLatin1Char('|') + country)) {
            seen.insert(city + QLatin1Char('|') + country);
            const QString german = germanCityName(id);
            m_entries.append({id, city, german, country, fold(city), fold(german), fold(country)});
        }
    }
}

QList<TimeZoneMatch> TimeZoneSearch::search(const QString &text, const QString &language,
                                            int limit) const
{
    const QString query = fold(text);
    if (query.isEmpty() || limit <= 0)
        return {};
    const bool german = language == QLatin1String("de");

    struct Scored
    {
        Rank rank;
        QString name; // what the user sees
        const Entry *entry;
    };
    QList<Scored> scored;
    for (const Entry &entry : m_entries) {
        const Rank byCity = rankName(entry.foldedCity, query);
        const Rank byGerman = rankName(entry.foldedGermanCity, query);
        Rank rank = std::min(byCity, byGerman);
        if (rank == NoMatch && rankName(entry.foldedCountry, query) <= WordPrefix)
            rank = CountryMatch;
        if (rank == NoMatch)
            continue;
        // The German name where the German one matched or the UI is German.
        const bool showGerman = !entry.germanCity.isEmpty() && (german || byGerman < byCity);
        scored.append({rank, showGerman ? entry.germanCity : entry.city, &entry});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.name.size() != b.name.size())
            return a.name.size() < b.name.size();
        return a.name.localeAwareCompare(b.name) < 0;
    });

    QList<TimeZoneMatch> matches;
    for (const Scored &item : std::as_const(scored)) {
        if (matches.size() >= limit)
            break;
        matches.append({item.entry->zoneId, item.name, item.entry->country});
    }
    return matches;
}

} // namespace mana::clock
