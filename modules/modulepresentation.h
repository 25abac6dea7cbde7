// The display texts of a module: what the generic list, detail and form
// views show instead of wire names. Read from the presentation keys of
// module.json ("description"; per collection "title", "itemName",
// "itemGender", "empty"; per field "label", "unit", "min", "max", "choices",
// "title", "subtitle"), which the store's parser ignores. The format is
// documented in docs/modules.md.
#pragma once

#include "collectionspec.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace mana {

// "de" is German; every other language gets English.
bool isGermanLanguage(const QString &language);

// A text in the UI's two languages; both are set or neither.
struct LocalizedText
{
    QString en;
    QString de;

    bool isEmpty() const { return en.isEmpty(); }
    QString text(const QString &language) const { return isGermanLanguage(language) ? de : en; }
};

// The German article of an item name: "Neue Aufgabe", "Neuer Termin",
// "Neues Foto".
enum class GrammaticalGender { Unknown, Feminine, Masculine, Neuter };

struct FieldPresentation
{
    LocalizedText label;
    LocalizedText unit;                    // number and integer fields only
    std::optional<double> minimum;         // number and integer fields only
    std::optional<double> maximum;         // at least `minimum`
    QHash<QString, LocalizedText> choices; // enum fields: a label per allowed value
};

struct CollectionPresentation
{
    LocalizedText title;    // plural, for tabs: "Tasks" / "Aufgaben"
    LocalizedText itemName; // singular: "task" / "Aufgabe"
    GrammaticalGender itemGender = GrammaticalGender::Unknown;
    LocalizedText empty;   // the empty state of the collection's list
    QString titleField;    // the field shown as a record's title; empty when none
    QString subtitleField; // the field shown under it; empty when none
    QHash<QString, FieldPresentation> fields;
};

struct ModulePresentation
{
    LocalizedText description; // what the app is for and how to start
    QString firstCollection;   // the app's main list (Ctrl+N adds to it)
    // "ManaTodo/TodoView": the app's own page, a QML type of its own QML
    // module (manifest "page"); empty for apps on the generic views.
    QString page;
    QHash<QString, CollectionPresentation> collections;

    // Reads the presentation keys of `manifest`, whose `spec` has parsed.
    // A malformed entry is left out (its accessor falls back) and reported
    // in *problems with a sentence naming the module, collection and field.
    static ModulePresentation fromJson(const QJsonObject &manifest, const ModuleSpec &spec,
                                       QStringList *problems);

    // The accessors take a UI language ("de" German, anything else English)
    // and never return an empty label: without a manifest text they derive
    // one from the wire name ("taskLabels" -> "Task labels").
    QString descriptionText(const QString &language) const;
    QString collectionTitle(const QString &collection, const QString &language) const;
    QString itemName(const QString &collection, const QString &language) const;
    QString newItemText(const QString &collection, const QString &language) const;
    QString emptyText(const QString &collection, const QString &language) const;
    QString fieldLabel(const QString &collection, const QString &field,
                       const QString &language) const;
    QString choiceLabel(const QString &collection, const QString &field, const QString &value,
                        const QString &language) const;
    // qrc:/ManaTodo/TodoView.qml for page "ManaTodo/TodoView" (where a
    // static QML module of Qt 6.4 keeps its files); empty without a page.
    QString pageUrl() const;
    // Empty when the manifest gives none.
    QString fieldUnit(const QString &collection, const QString &field,
                      const QString &language) const;
    std::optional<double> fieldMinimum(const QString &collection, const QString &field) const;
    std::optional<double> fieldMaximum(const QString &collection, const QString &field) const;
    QString titleField(const QString &collection) const;
    QString subtitleField(const QString &collection) const;

private:
    const FieldPresentation *fieldPresentation(const QString &collection,
                                               const QString &field) const;
};

// "estimatedDuration" -> "Estimated duration", "needs_attention" -> "Needs
// attention", "shortId" -> "Short ID".
QString labelFromWireName(QStringView name);

} // namespace mana
