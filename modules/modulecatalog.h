// The modules built into the binary: reads every :/modules/<id>/module.json,
// its icon and its seeds, and hands them out in navigation order.
#pragma once

#include "collectionspec.h"
#include "modulepresentation.h"
#include "moduleseeds.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace mana {

// What the shell shows of an app besides its data: the manifest plus its
// place in the navigation, its icon file and its onboarding records.
struct ModuleInfo
{
    ModuleSpec spec;   // id, appId, names, icon name, colour, collections
    int order = 0;     // navigation position, 1-based; 0 when the manifest has none
    QUrl iconUrl;      // qrc:/modules/<id>/icon.svg; empty when the module has no icon
    QString directory; // ":/modules/<id>": where seed "$blob" files are found
    ModuleSeeds seeds; // empty when the module has none (or they failed to load)
    // The display texts of the manifest (description, titles, labels,
    // ranges, choices), parsed and checked once at load.
    ModulePresentation presentation;

    QString id() const { return spec.id; }
    QString appId() const { return spec.appId; }
    QString color() const { return spec.color; }
    // "de" gives the German name, anything else English.
    QString name(const QString &language) const;

    // Display texts for the generic views; `language` as for name(). Where
    // the manifest has no text they fall back to one derived from the wire
    // name ("taskLabels" -> "Task labels"; German item names to "Eintrag").
    //
    // What the app is for and how to add the first record: the empty state
    // of the main list (the first collection).
    QString description(const QString &language) const
    {
        return presentation.descriptionText(language);
    }
    // Plural, for tabs: "Tasks" / "Aufgaben".
    QString collectionTitle(const QString &collection, const QString &language) const
    {
        return presentation.collectionTitle(collection, language);
    }
    // Singular: "task" / "Aufgabe".
    QString itemName(const QString &collection, const QString &language) const
    {
        return presentation.itemName(collection, language);
    }
    // "New task" / "Neue Aufgabe", "Neuer Termin", "Neues Foto".
    QString newItemText(const QString &collection, const QString &language) const
    {
        return presentation.newItemText(collection, language);
    }
    // The collection's empty list; for the first collection without an
    // "empty" text the description.
    QString emptyText(const QString &collection, const QString &language) const
    {
        return presentation.emptyText(collection, language);
    }
    QString fieldLabel(const QString &collection, const QString &field,
                       const QString &language) const
    {
        return presentation.fieldLabel(collection, field, language);
    }
    // The label of one value of an enum field ("needs_attention" ->
    // "Braucht Pflege").
    QString choiceLabel(const QString &collection, const QString &field, const QString &value,
                        const QString &language) const
    {
        return presentation.choiceLabel(collection, field, value, language);
    }
    // "min" / "Min."; empty when the field has none.
    QString fieldUnit(const QString &collection, const QString &field,
                      const QString &language) const
    {
        return presentation.fieldUnit(collection, field, language);
    }
    // The range a form should offer for a number or integer field.
    std::optional<double> fieldMinimum(const QString &collection, const QString &field) const
    {
        return presentation.fieldMinimum(collection, field);
    }
    std::optional<double> fieldMaximum(const QString &collection, const QString &field) const
    {
        return presentation.fieldMaximum(collection, field);
    }
    // The field shown as a record's title / under it; empty when the
    // manifest marks none.
    QString titleField(const QString &collection) const
    {
        return presentation.titleField(collection);
    }
    QString subtitleField(const QString &collection) const
    {
        return presentation.subtitleField(collection);
    }
};

struct ModuleCatalog
{
    // In navigation order ("order" in module.json, then id); `modules[i]` is
    // `infos[i].spec`.
    QList<ModuleSpec> modules;
    QList<ModuleInfo> infos;
    // One sentence per manifest, icon or seed file that failed to load, and
    // per malformed display text; a broken manifest is a build-time bug, but
    // the app still starts with the others (a module whose seeds are broken
    // starts without seeds, one with a broken text shows the derived one).
    QStringList errors;

    const ModuleInfo *info(QStringView id) const;

    // Loads the modules under `resourceRoot` (":/modules" in the app).
    static ModuleCatalog load(const QString &resourceRoot = QStringLiteral(":/modules"));
};

} // namespace mana
