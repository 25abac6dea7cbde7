// The values Todo's C++ hands to QML and takes back: enums (Q_ENUM_NS,
// `TaskView.Today`, `Recurrence.Weekly`) and small value types (Q_GADGET,
// QML_VALUE_TYPE in ManaTodo) instead of strings and maps.
//
// The picker's enum fields are int properties (the members keep the enums):
// Qt 6.4's compiled bindings read an enum-typed property of a value type as
// 0 and throw "TypeError: Type error" (enum properties of QObjects such as
// TodoTaskModel.view, and enum arguments of invokables, are fine).
//
// Qt 6.4 cannot make a value type from a JS object literal (6.5 can): a
// picker comes from TodoController::ruleToPicker (ruleToPicker("") is a
// fresh one), QML sets its properties in a typed property (`property
// recurrencePicker picker`: bindings on its fields follow) and passes it
// back.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace mana::todo {

// The views of the Todo page (docs/todo.md, "Views"): what TodoTaskModel
// lists and where quick add puts a task.
namespace TaskView {
Q_NAMESPACE
QML_ELEMENT
enum Value { Inbox, Today, Upcoming, Project, Label, Completed, Board };
Q_ENUM_NS(Value)
} // namespace TaskView

// Where an .ics import puts its tasks (TodoController::importFile): each
// into the project the file names (X-MANA-PROJECT, else its list name; made
// when missing, else the Inbox), all into the Inbox, or all into one project.
namespace IcsImportInto {
Q_NAMESPACE
QML_ELEMENT
enum Value { FileProjects, Inbox, Project };
Q_ENUM_NS(Value)
} // namespace IcsImportInto

// The choices of the repetition picker.
namespace Recurrence {
Q_NAMESPACE
QML_ELEMENT
enum Frequency { DoesNotRepeat, Daily, Weekly, Monthly, Yearly };
Q_ENUM_NS(Frequency)
// Monthly: "on day N" (or the last day) or "on the Nth weekday".
enum MonthlyMode { OnMonthDay, OnWeekday };
Q_ENUM_NS(MonthlyMode)
enum End { NeverEnds, EndsAfterCount, EndsOnDate };
Q_ENUM_NS(End)
} // namespace Recurrence

// Open tasks per view, for the navigation's counters.
struct TodoCounts
{
    Q_GADGET
    QML_VALUE_TYPE(todoCounts)
    Q_PROPERTY(int inbox MEMBER inbox)
    Q_PROPERTY(int today MEMBER today) // overdue included
    Q_PROPERTY(int upcoming MEMBER upcoming)
    Q_PROPERTY(int overdue MEMBER overdue)

public:
    int inbox = 0;
    int today = 0;
    int upcoming = 0;
    int overdue = 0;

    bool operator==(const TodoCounts &) const = default;
};

// A repetition as the picker shows it. The fields a frequency does not use
// keep their defaults, so a picker read from a rule compares equal to the
// one that made it.
struct RecurrencePicker
{
    Q_GADGET
    QML_VALUE_TYPE(recurrencePicker)
    Q_PROPERTY(int frequency READ frequencyValue WRITE setFrequencyValue) // Recurrence::Frequency
    Q_PROPERTY(int interval MEMBER interval) // every N days/weeks/…, 1–1000
    // Weekly: Qt::DayOfWeek, 1 = Monday … 7 = Sunday; empty: the due date's.
    Q_PROPERTY(QList<int> weekdays MEMBER weekdays)
    Q_PROPERTY(int monthlyMode READ monthlyModeValue WRITE setMonthlyModeValue) // MonthlyMode
    // OnMonthDay: 1–31, -1 the last day, 0 the due date's day.
    Q_PROPERTY(int monthDay MEMBER monthDay)
    // OnWeekday: 1–4 or -1 (the last) and the weekday (1 = Monday … 7).
    Q_PROPERTY(int weekdayPosition MEMBER weekdayPosition)
    Q_PROPERTY(int weekday MEMBER weekday)
    Q_PROPERTY(int end READ endValue WRITE setEndValue) // Recurrence::End
    Q_PROPERTY(int count MEMBER count)     // EndsAfterCount: occurrences, the first included
    Q_PROPERTY(QString until MEMBER until) // EndsOnDate: the last day, "yyyy-MM-dd"

public:
    int frequencyValue() const { return frequency; }
    void setFrequencyValue(int value) { frequency = Recurrence::Frequency(value); }
    int monthlyModeValue() const { return monthlyMode; }
    void setMonthlyModeValue(int value) { monthlyMode = Recurrence::MonthlyMode(value); }
    int endValue() const { return end; }
    void setEndValue(int value) { end = Recurrence::End(value); }

    Recurrence::Frequency frequency = Recurrence::DoesNotRepeat;
    int interval = 1;
    QList<int> weekdays;
    Recurrence::MonthlyMode monthlyMode = Recurrence::OnMonthDay;
    int monthDay = 0;
    int weekdayPosition = 1;
    int weekday = 1;
    Recurrence::End end = Recurrence::NeverEnds;
    int count = 10;
    QString until;

    bool operator==(const RecurrencePicker &) const = default;
};

// A project in the navigation, in its order (TodoController::projects).
struct TodoProject
{
    Q_GADGET
    QML_VALUE_TYPE(todoProject)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString color MEMBER color) // "#rrggbb", "" for none
    Q_PROPERTY(bool isArchived MEMBER isArchived)
    Q_PROPERTY(int openCount MEMBER openCount) // its tasks not completed

public:
    QString id;
    QString name;
    QString color;
    bool isArchived = false;
    int openCount = 0;

    bool operator==(const TodoProject &) const = default;
};

// A label, by name (TodoController::labels).
struct TodoLabel
{
    Q_GADGET
    QML_VALUE_TYPE(todoLabel)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString color MEMBER color) // "" for none

public:
    QString id;
    QString name;
    QString color;

    bool operator==(const TodoLabel &) const = default;
};

// A board view (`boardViews`) in its order (TodoController::boards). Its
// columns come from TodoController::boardColumns.
struct TodoBoard
{
    Q_GADGET
    QML_VALUE_TYPE(todoBoard)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString icon MEMBER icon) // an icon name, "" for none

public:
    QString id;
    QString name;
    QString icon;

    bool operator==(const TodoBoard &) const = default;
};

// One column of a board, as the board shows it. Which tasks it holds (its
// `match`, field → value) stays in C++: the model's query and a drop's
// fields are made there (taskviews.h, boardColumnQuery, moveToColumn).
struct BoardColumn
{
    Q_GADGET
    QML_VALUE_TYPE(boardColumn)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString title MEMBER title)

public:
    QString id;
    QString title;

    bool operator==(const BoardColumn &) const = default;
};

} // namespace mana::todo
