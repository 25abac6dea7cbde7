// The values Questions' controller hands to QML (Q_GADGET value types,
// QML_VALUE_TYPE in ManaQuestions) and the list's sort order.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace mana::questions {

// How the list view sorts (QuestionSort in questionfilter.h).
namespace QuestionOrder {
Q_NAMESPACE
QML_ELEMENT
enum Value { Priority, Updated, Created, Status };
Q_ENUM_NS(Value)
} // namespace QuestionOrder

// A collection in the left column, with its questions counted.
struct QuestionCollection
{
    Q_GADGET
    QML_VALUE_TYPE(questionCollection)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString color MEMBER color)
    Q_PROPERTY(int count MEMBER count)

public:
    QString id;
    QString name;
    QString color;
    int count = 0;
    bool operator==(const QuestionCollection &) const = default;
};

struct CitationItem
{
    Q_GADGET
    QML_VALUE_TYPE(citationItem)
    Q_PROPERTY(QString url MEMBER url)
    Q_PROPERTY(QString title MEMBER title)

public:
    QString url;
    QString title;
    bool operator==(const CitationItem &) const = default;
};

// One answer as the question's detail shows it.
struct AnswerItem
{
    Q_GADGET
    QML_VALUE_TYPE(answerItem)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString content MEMBER content)
    Q_PROPERTY(QList<mana::questions::CitationItem> citations MEMBER citations)
    // The stored citations were not a list of {url, title}: shown as none.
    Q_PROPERTY(bool citationsDamaged MEMBER citationsDamaged)
    Q_PROPERTY(int rating MEMBER rating) // 0: none
    Q_PROPERTY(bool accepted MEMBER accepted)
    Q_PROPERTY(QString created MEMBER created)

public:
    QString id;
    QString content;
    QList<CitationItem> citations;
    bool citationsDamaged = false;
    int rating = 0;
    bool accepted = false;
    QString created;
    bool operator==(const AnswerItem &) const = default;
};

// The question the detail shows (id empty: none, or it is gone).
struct QuestionItem
{
    Q_GADGET
    QML_VALUE_TYPE(questionItem)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString title MEMBER title)
    Q_PROPERTY(QString description MEMBER description)
    Q_PROPERTY(QString status MEMBER status)
    Q_PROPERTY(QString priority MEMBER priority)
    Q_PROPERTY(QStringList tags MEMBER tags)
    Q_PROPERTY(QString collectionId MEMBER collectionId)
    Q_PROPERTY(QString created MEMBER created)

public:
    QString id;
    QString title;
    QString description;
    QString status;
    QString priority;
    QStringList tags;
    QString collectionId;
    QString created;
    bool operator==(const QuestionItem &) const = default;
};

} // namespace mana::questions
