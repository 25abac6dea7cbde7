// SM-2 (SuperMemo 2, P. A. Wozniak 1990) with Anki's four answer buttons:
// what one answer does to a card's ease, interval and next review. Pure
// functions of the card and the moment of the answer (no clock, no store);
// the variant and its constants are written down in docs/cards.md.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>

namespace mana::cards {

// The four buttons (keys 1–4), in Anki's order.
enum class Answer { Again = 1, Hard = 2, Good = 3, Easy = 4 };

namespace sm2 {

// SM-2's constants (docs/cards.md, "Scheduling").
inline constexpr double StartingEase = 2.5; // EF of a new card
inline constexpr double MinimumEase = 1.3;  // EF never drops below
inline constexpr int FirstInterval = 1;     // I(1), days
inline constexpr int SecondInterval = 6;    // I(2), days
// Anki's adaptation of the buttons around SM-2's Good.
inline constexpr double HardFactor = 1.2;     // Hard: interval × 1.2 (at least +1 day)
inline constexpr double EasyBonus = 1.3;      // Easy: Good's interval × 1.3 (at least +1 day)
inline constexpr int EasyFirstInterval = 4;   // Easy on a new card, days (Anki's default)
inline constexpr int AgainMinutes = 10;       // Again: back in this session after 10 min
inline constexpr int MaximumInterval = 36500; // days (Anki's default)

// The SM-2 quality grade q (0–5) a button stands for:
// Again 2, Hard 3, Good 4, Easy 5.
int qualityOf(Answer answer);

// SM-2's E-Factor update: EF' = EF + (0.1 − (5 − q)·(0.08 + (5 − q)·0.02)),
// never below 1.3.
double nextEase(double ease, int quality);

} // namespace sm2

// What scheduling needs of a card. intervalDays 0 is a new card or one
// answered Again (learning): the next success starts at I(1).
struct CardSchedule
{
    double ease = sm2::StartingEase;
    int intervalDays = 0;
    int reviewCount = 0; // answers so far, of any button
};

struct ScheduleResult
{
    CardSchedule card;     // the card after the answer
    QDateTime nextReview;  // when it is due (local start of day, or now + 10 min for Again)
    bool learning = false; // Again: comes back in this session
};

// The interval in days a button would give (0 for Again: minutes, not
// days); what the study view shows on the buttons.
int intervalFor(const CardSchedule &card, Answer answer);

// The card after `answer` at `now`. A review due in N days is due at the
// start of the local day today + N (a card due "tomorrow" is due at
// midnight), so every card of a day is due from that day's start.
ScheduleResult answer(const CardSchedule &card, Answer answer, const QDateTime &now);

// The local start of `date` (the first valid local time of that day, for
// zones that skip midnight).
QDateTime startOfLocalDay(const QDate &date);

} // namespace mana::cards
