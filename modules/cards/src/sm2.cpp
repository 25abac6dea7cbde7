#include "sm2.h"

#include <algorithm>
#include <cmath>

namespace mana::cards {

namespace sm2 {

int qualityOf(Answer answer)
{
    switch (answer) {
    case Answer::Again:
        return 2;
    case Answer::Hard:
        return 3;
    case Answer::Good:
        return 4;
    case Answer::Easy:
        return 5;
    }
    return 4;
}

double nextEase(double ease, int quality)
{
    const int q = std::clamp(quality, 0, 5);
    const double lack = 5 - q;
    const double next = ease + (0.1 - lack * (0.08 + lack * 0.02));
    // Rounded to 1/1000 so a stored ease does not drift by float noise.
    return std::max(MinimumEase, std::round(next * 1000.0) / 1000.0);
}

} // namespace sm2

namespace {

int capped(double days)
{
    if (!std::isfinite(days))
        return sm2::MaximumInterval;
    // SM-2: "If interval is a fraction, round it up to the nearest
    // integer" (less a hair of float noise: 6 × 2.5 is 15, not 16).
    const double up = std::ceil(days - 1e-9);
    return int(std::clamp(up, 1.0, double(sm2::MaximumInterval)));
}

double validEase(double ease)
{
    if (!std::isfinite(ease) || ease <= 0)
        return sm2::StartingEase; // unset or nonsense from elsewhere
    return std::max(ease, sm2::MinimumEase);
}

// SM-2's step, read from the interval: 0 → I(1), under I(2) → I(2), from
// I(2) on → I(n−1) × EF (with the EF before this answer).
int goodInterval(const CardSchedule &card)
{
    if (card.intervalDays <= 0)
        return sm2::FirstInterval;
    if (card.intervalDays < sm2::SecondInterval)
        return sm2::SecondInterval;
    return capped(card.intervalDays * validEase(card.ease));
}

// Anki's Hard: interval × 1.2, at least a day more than before, but
// under Good's interval where there is room (Good keeps SM-2's I(n)).
int hardInterval(const CardSchedule &card, int good)
{
    if (card.intervalDays <= 0)
        return sm2::FirstInterval;
    const int longer = std::min(card.intervalDays + 1, sm2::MaximumInterval);
    return std::max(longer, std::min(capped(card.intervalDays * sm2::HardFactor), good - 1));
}

} // namespace

int intervalFor(const CardSchedule &card, Answer answer)
{
    const int good = goodInterval(card);
    switch (answer) {
    case Answer::Again:
        return 0;
    case Answer::Hard:
        return hardInterval(card, good);
    case Answer::Good:
        return good;
    case Answer::Easy:
        // Anki's easy bonus on Good's interval, at least a day more.
        if (card.intervalDays <= 0)
            return sm2::EasyFirstInterval;
        return std::min(std::max(capped(good * sm2::EasyBonus), good + 1), sm2::MaximumInterval);
    }
    return good;
}

QDateTime startOfLocalDay(const QDate &date)
{
    return date.startOfDay();
}

ScheduleResult answer(const CardSchedule &card, Answer button, const QDateTime &now)
{
    ScheduleResult result;
    result.card.ease = sm2::nextEase(validEase(card.ease), sm2::qualityOf(button));
    result.card.reviewCount = std::max(0, card.reviewCount) + 1;
    result.card.intervalDays = intervalFor(card, button);
    if (button == Answer::Again) {
        result.learning = true;
        result.nextReview = now.addSecs(qint64(sm2::AgainMinutes) * 60);
    } else {
        const QDate today = now.toLocalTime().date();
        result.nextReview = startOfLocalDay(today.addDays(result.card.intervalDays));
    }
    return result;
}

} // namespace mana::cards
