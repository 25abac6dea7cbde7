// Finding a time zone by city: every id of QTimeZone::availableTimeZoneIds()
// that names a city ("America/New_York" → "New York", with its country), plus
// German names of cities whose zone carries the English one (Wien → Vienna,
// Tokio → Tokyo, Peking → Shanghai's zone), so German users find them.
// Cities that are not a zone (München) are not found; their zone is their
// capital's (Berlin), which the user picks instead.
//
// Ranking: a name that starts with the text, then one with a word that does
// ("york" → New York), then one that contains it, then a country match; within
// each, shorter names first, then alphabetically. Case and accents are
// ignored ("zurich" finds Zürich, "sao" São Paulo).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mana::clock {

struct TimeZoneMatch
{
    QByteArray zoneId; // "Europe/Vienna"
    QString city;      // in the asked language where known: "Wien"
    QString country;   // English territory name: "Austria"
};

class TimeZoneSearch
{
public:
    // Builds the index of the system's zones once (a few hundred entries).
    TimeZoneSearch();

    QList<TimeZoneMatch> search(const QString &text, const QString &language, int limit = 20) const;

    // "America/Argentina/Buenos_Aires" → "Buenos Aires"; empty for ids that
    // are no city ("UTC", "Etc/GMT+5", "EST5EDT").
    static QString cityOfZone(const QByteArray &zoneId);
    // The German name of a zone's city, or empty.
    static QString germanCityName(const QByteArray &zoneId);
    // Lower case, accents and ß folded: "Zürich" → "zurich".
    static QString fold(const QString &text);

private:
    struct Entry
    {
        QByteArray zoneId;
        QString city;
        QString germanCity; // empty: same as city
        QString country;
        QString foldedCity;
        QString foldedGermanCity;
        QString foldedCountry;
    };
    QList<Entry> m_entries;
};

} // namespace mana::clock
