// The fixed-shape values the shell's C++ hands to its QML (issue 14): small
// value types (Q_GADGET, QML_VALUE_TYPE in ManaShellCore) instead of maps,
// so a misspelt field is an error and the types say what each holds. QML
// reads them like objects (`spec.label`); a list of them is a JS sequence
// (`length`, `[i]`, `map`, a Repeater's `modelData`). Array.prototype.concat
// does not spread a sequence: `[first].concat(Array.from(list))`.
//
// What stays a map: a record's own values (RecordForm.values, the record of
// RecordListModel::get and RecordRole, RecordListModel.filters keyed by
// field). Their keys and value types are the collection's fields, declared
// by each module's manifest and known only at run time
// (docs/architecture.md, "Typed values at the QML edge").
//
// As in Todo and Clock: an enum-typed property of a value type is declared
// as int (Qt 6.4's compiled bindings read an enum property of a value type
// as 0); the member keeps the enum.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace mana {

// Which control the generic form shows for a field (FieldEditor.qml), the
// same values as EditorKind (fieldeditorvalue.h).
namespace FieldKind {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    Line,
    MultiLine,
    Number,
    Integer,
    Toggle,
    Choice,
    Date,
    DateTime,
    Reference,
    Json,
    Blob
};
Q_ENUM_NS(Value)
} // namespace FieldKind

// One allowed value of an enum field (its label in the UI language), or
// Yes/No of a boolean filter. `value` is the stored value: text for an
// enum, true/false for a boolean.
struct FieldChoice
{
    Q_GADGET
    QML_VALUE_TYPE(fieldChoice)
    Q_PROPERTY(QVariant value MEMBER value)
    Q_PROPERTY(QString label MEMBER label)

public:
    QVariant value;
    QString label;

    bool operator==(const FieldChoice &) const = default;
};

// One field of the generic form and details (RecordForm.fields), in
// manifest order.
struct FormField
{
    Q_GADGET
    QML_VALUE_TYPE(formField)
    Q_PROPERTY(QString name MEMBER name)                   // the wire name
    Q_PROPERTY(QString label MEMBER label)                 // in the UI language
    Q_PROPERTY(int kind READ kindValue WRITE setKindValue) // FieldKind
    Q_PROPERTY(bool optional MEMBER optional)
    Q_PROPERTY(QList<mana::FieldChoice> choices MEMBER choices) // Choice: the enum's values
    // Number and integer fields: the range the form offers, when the
    // manifest gives one.
    Q_PROPERTY(bool hasMinimum MEMBER hasMinimum)
    Q_PROPERTY(double minimum MEMBER minimum)
    Q_PROPERTY(bool hasMaximum MEMBER hasMaximum)
    Q_PROPERTY(double maximum MEMBER maximum)
    Q_PROPERTY(QString unit MEMBER unit) // "min"; "" for none
    // Reference: the referenced collection's wire name.
    Q_PROPERTY(QString referenceCollection MEMBER referenceCollection)

public:
    int kindValue() const { return kind; }
    void setKindValue(int value) { kind = FieldKind::Value(value); }

    QString name;
    QString label;
    FieldKind::Value kind = FieldKind::Line;
    bool optional = false;
    QList<FieldChoice> choices;
    bool hasMinimum = false;
    double minimum = 0;
    bool hasMaximum = false;
    double maximum = 0;
    QString unit;
    QString referenceCollection;

    bool operator==(const FormField &) const = default;
};

// A record a reference field may point to (RecordForm::referenceChoices).
struct ReferenceChoice
{
    Q_GADGET
    QML_VALUE_TYPE(referenceChoice)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString title MEMBER title)

public:
    QString id;
    QString title;

    bool operator==(const ReferenceChoice &) const = default;
};

// A field the generic list filters by (RecordListModel.filterOptions):
// enum and boolean fields with their choices.
struct FilterOption
{
    Q_GADGET
    QML_VALUE_TYPE(filterOption)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(QList<mana::FieldChoice> choices MEMBER choices)

public:
    QString name;
    QString label;
    QList<FieldChoice> choices;

    bool operator==(const FilterOption &) const = default;
};

// A field the generic list sorts by (RecordListModel.sortOptions).
struct SortOption
{
    Q_GADGET
    QML_VALUE_TYPE(sortOption)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString label MEMBER label)

public:
    QString name;
    QString label;

    bool operator==(const SortOption &) const = default;
};

// One app of the navigation (ModuleListModel::get and search).
struct ModuleEntry
{
    Q_GADGET
    QML_VALUE_TYPE(moduleEntry)
    Q_PROPERTY(QString moduleId MEMBER moduleId)
    Q_PROPERTY(QString appId MEMBER appId)
    Q_PROPERTY(QString name MEMBER name) // in the UI language
    Q_PROPERTY(QString iconUrl MEMBER iconUrl)
    Q_PROPERTY(QString color MEMBER color)
    Q_PROPERTY(QStringList collections MEMBER collections) // wire names, manifest order
    Q_PROPERTY(QString pageUrl MEMBER pageUrl) // the app's own page; "": the generic views
    Q_PROPERTY(int row MEMBER row)             // -1: no such app

public:
    QString moduleId;
    QString appId;
    QString name;
    QString iconUrl;
    QString color;
    QStringList collections;
    QString pageUrl;
    int row = -1;

    bool operator==(const ModuleEntry &) const = default;
};

// A record found by the quick switcher (ShellContext::searchRecords).
struct RecordSearchResult
{
    Q_GADGET
    QML_VALUE_TYPE(recordSearchResult)
    Q_PROPERTY(QString moduleId MEMBER moduleId)
    Q_PROPERTY(QString appId MEMBER appId)
    Q_PROPERTY(QString collection MEMBER collection) // wire name
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString title MEMBER title)
    Q_PROPERTY(QString moduleName MEMBER moduleName) // in the UI language
    Q_PROPERTY(QString color MEMBER color)           // the app's

public:
    QString moduleId;
    QString appId;
    QString collection;
    QString id;
    QString title;
    QString moduleName;
    QString color;

    bool operator==(const RecordSearchResult &) const = default;
};

} // namespace mana
