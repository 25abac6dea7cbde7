// The values ManaDeck's controller hands to QML: value types (Q_GADGET,
// QML_VALUE_TYPE in ManaCards) and enums (docs/architecture.md "Typed
// values at the QML edge"). Enum-typed members are declared int (Qt 6.4).
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace mana::cards {

// What the page shows (CardsController::view).
namespace CardsView {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    Decks,   // the deck list with due counts
    Study,   // a card of the session
    Summary, // the session's summary
    Cards,   // one deck's cards
};
Q_ENUM_NS(Value)
} // namespace CardsView

// The kind of a card (CardKind in studysession.h), for QML.
namespace StudyKind {
Q_NAMESPACE
QML_ELEMENT
enum Value { New, Learning, Review };
Q_ENUM_NS(Value)
} // namespace StudyKind

// The card a session shows, with what each button would give.
struct StudyCard
{
    Q_GADGET
    QML_VALUE_TYPE(studyCard)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString front MEMBER front)
    Q_PROPERTY(QString back MEMBER back)
    Q_PROPERTY(int kind MEMBER kind) // StudyKind
    // Days each button gives, Again to Easy (Again: 0, it comes back in
    // minutes).
    Q_PROPERTY(QList<int> intervals MEMBER intervals)

public:
    QString id;
    QString front;
    QString back;
    int kind = 0;
    QList<int> intervals;

    bool operator==(const StudyCard &) const = default;
};

// A session's summary.
struct StudySummary
{
    Q_GADGET
    QML_VALUE_TYPE(studySummary)
    Q_PROPERTY(int studied MEMBER studied)
    Q_PROPERTY(int again MEMBER again)
    Q_PROPERTY(int seconds MEMBER seconds)

public:
    int studied = 0;
    int again = 0;
    int seconds = 0;

    bool operator==(const StudySummary &) const = default;
};

} // namespace mana::cards
