#include "modulepresentation.h"

#include <QRegularExpression>

#include <QJsonArray>
#include <cmath>

namespace mana {

namespace {

// Reports problems with the module, collection and field they belong to.
struct Reporter
{
    QStringList *problems;
    QString module;
    QString collection;
    QString field;

    void operator()(const QString &problem) const
    {
        if (!problems)
            return;
        QString where = QStringLiteral("Module \"%1\"").arg(module);
        if (!collection.isEmpty())
            where += QStringLiteral(", collection \"%1\"").arg(collection);
        if (!field.isEmpty())
            where += QStringLiteral(", field \"%1\"").arg(field);
        problems->append(where + QStringLiteral(": ") + problem);
    }
};

// {"en": "…", "de": "…"}, both non-empty strings; other languages are
// ignored (for later).
LocalizedText readText(const QJsonObject &object, QLatin1String key, const Reporter &report)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    const QJsonObject texts = value.toObject();
    const QString en = texts.value(QLatin1String("en")).toString().trimmed();
    const QString de = texts.value(QLatin1String("de")).toString().trimmed();
    if (!value.isObject() || en.isEmpty() || de.isEmpty()) {
        report(QStringLiteral("\"%1\" must be an object with non-empty \"en\" and \"de\" texts.")
                   .arg(key));
        return {};
    }
    return {en, de};
}

bool isNumeric(const FieldSpec &field)
{
    return field.type == FieldType::Number || field.type == FieldType::Integer;
}

std::optional<double> readBound(const QJsonObject &object, QLatin1String key,
                                const FieldSpec &field, const Reporter &report)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!isNumeric(field)) {
        report(QStringLiteral("\"%1\" is only for number and integer fields.").arg(key));
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) ||
        (field.type == FieldType::Integer && number != std::floor(number))) {
        report(QStringLiteral("\"%1\" must be a %2.")
                   .arg(key, field.type == FieldType::Integer ? QStringLiteral("whole number")
                                                              : QStringLiteral("number")));
        return std::nullopt;
    }
    return number;
}

// "choices": {"en": {value: label, …}, "de": {…}}, each naming exactly the
// field's enum values.
QHash<QString, LocalizedText> readChoices(const QJsonObject &object, const FieldSpec &field,
                                          const Reporter &report)
{
    const QJsonValue value = object.value(QLatin1String("choices"));
    if (value.isUndefined())
        return {};
    if (field.type != FieldType::Enum) {
        report(QStringLiteral("\"choices\" is only for enum fields."));
        return {};
    }
    if (!value.isObject()) {
        report(QStringLiteral("\"choices\" must be an object with \"en\" and \"de\" objects."));
        return {};
    }
    QHash<QString, LocalizedText> choices;
    bool valid = true;
    for (const QLatin1String language : {QLatin1String("en"), QLatin1String("de")}) {
        const QJsonValue labels = value.toObject().value(language);
        if (!labels.isObject()) {
            report(QStringLiteral("\"choices\" has no \"%1\" object.").arg(language));
            valid = false;
            continue;
        }
        const QJsonObject labelObject = labels.toObject();
        for (auto it = labelObject.begin(); it != labelObject.end(); ++it) {
            if (!field.enumValues.contains(it.key())) {
                report(QStringLiteral("\"choices\" in \"%1\" names \"%2\", which is not one of "
                                      "the field's values (%3).")
                           .arg(language, it.key(), field.enumValues.join(u'|')));
                valid = false;
            }
        }
        for (const QString &enumValue : field.enumValues) {
            const QString label = labelObject.value(enumValue).toString().trimmed();
            if (label.isEmpty()) {
                report(QStringLiteral("\"choices\" in \"%1\" has no text for the value \"%2\".")
                           .arg(language, enumValue));
                valid = false;
            } else if (language == QLatin1String("en")) {
                choices[enumValue].en = label;
            } else {
                choices[enumValue].de = label;
            }
        }
    }
    return valid ? choices : QHash<QString, LocalizedText>();
}

// "title": true / "subtitle": true on a field.
bool readFlag(const QJsonObject &object, QLatin1String key, const FieldSpec &field,
              const Reporter &report)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return false;
    if (!value.isBool()) {
        report(QStringLiteral("\"%1\" must be true or false.").arg(key));
        return false;
    }
    if (value.toBool() && field.type == FieldType::Json) {
        report(QStringLiteral("a JSON field cannot be the record's %1.").arg(key));
        return false;
    }
    return value.toBool();
}

FieldPresentation readField(const QJsonObject &object, const FieldSpec &field,
                            const Reporter &report)
{
    FieldPresentation presentation;
    presentation.label = readText(object, QLatin1String("label"), report);
    if (object.contains(QLatin1String("unit")) && !isNumeric(field))
        report(QStringLiteral("\"unit\" is only for number and integer fields."));
    else
        presentation.unit = readText(object, QLatin1String("unit"), report);
    presentation.minimum = readBound(object, QLatin1String("min"), field, report);
    presentation.maximum = readBound(object, QLatin1String("max"), field, report);
    if (presentation.minimum && presentation.maximum &&
        *presentation.minimum > *presentation.maximum) {
        report(QStringLiteral("\"min\" (%1) is greater than \"max\" (%2).")
                   .arg(*presentation.minimum)
                   .arg(*presentation.maximum));
        presentation.minimum.reset();
        presentation.maximum.reset();
    }
    if (field.defaultValue.isDouble()) {
        const double defaultValue = field.defaultValue.toDouble();
        if ((presentation.minimum && defaultValue < *presentation.minimum) ||
            (presentation.maximum && defaultValue > *presentation.maximum))
            report(QStringLiteral("the default %1 lies outside \"min\" and \"max\".")
                       .arg(defaultValue));
    }
    presentation.choices = readChoices(object, field, report);
    return presentation;
}

CollectionPresentation readCollection(const QJsonObject &object, const CollectionSpec &spec,
                                      Reporter report)
{
    CollectionPresentation presentation;
    presentation.title = readText(object, QLatin1String("title"), report);
    presentation.itemName = readText(object, QLatin1String("itemName"), report);
    presentation.empty = readText(object, QLatin1String("empty"), report);

    const QJsonValue gender = object.value(QLatin1String("itemGender"));
    const QString genderText = gender.isString() ? gender.toString() : QString();
    if (genderText == QLatin1String("f"))
        presentation.itemGender = GrammaticalGender::Feminine;
    else if (genderText == QLatin1String("m"))
        presentation.itemGender = GrammaticalGender::Masculine;
    else if (genderText == QLatin1String("n"))
        presentation.itemGender = GrammaticalGender::Neuter;
    else if (!gender.isUndefined())
        report(QStringLiteral("\"itemGender\" must be \"f\", \"m\" or \"n\"."));
    else if (!presentation.itemName.isEmpty())
        report(QStringLiteral("\"itemName\" needs \"itemGender\" (\"f\", \"m\" or \"n\") for the "
                              "German article."));

    QStringList titles, subtitles;
    for (const QJsonValue &entry : object.value(QLatin1String("fields")).toArray()) {
        const QJsonObject fieldObject = entry.toObject();
        const FieldSpec *field = spec.field(fieldObject.value(QLatin1String("name")).toString());
        if (!field)
            continue; // the spec parser refused it already
        Reporter fieldReport = report;
        fieldReport.field = field->name;
        presentation.fields.insert(field->name, readField(fieldObject, *field, fieldReport));
        const bool isTitle = readFlag(fieldObject, QLatin1String("title"), *field, fieldReport);
        const bool isSubtitle =
            readFlag(fieldObject, QLatin1String("subtitle"), *field, fieldReport);
        if (isTitle && isSubtitle)
            fieldReport(QStringLiteral("a field cannot be both title and subtitle."));
        else if (isTitle)
            titles.append(field->name);
        else if (isSubtitle)
            subtitles.append(field->name);
    }
    if (titles.size() > 1)
        report(QStringLiteral("%1 fields are marked as the title (%2); at most one may be.")
                   .arg(titles.size())
                   .arg(titles.join(QStringLiteral(", "))));
    else if (titles.size() == 1)
        presentation.titleField = titles.first();
    if (subtitles.size() > 1)
        report(QStringLiteral("%1 fields are marked as the subtitle (%2); at most one may be.")
                   .arg(subtitles.size())
                   .arg(subtitles.join(QStringLiteral(", "))));
    else if (subtitles.size() == 1)
        presentation.subtitleField = subtitles.first();
    return presentation;
}

// "Board views" -> "board views" (inside an English sentence), "IDs" stays.
QString lowerFirst(const QString &text)
{
    if (text.size() > 1 && text.at(1).isUpper())
        return text;
    return text.left(1).toLower() + text.mid(1);
}

// "taskLabels" -> "task label", "categories" -> "category", "media" -> "media".
QString singularFromWireName(const QString &wireName)
{
    const QString words = lowerFirst(labelFromWireName(wireName));
    if (words.endsWith(QLatin1String("ies")))
        return words.chopped(3) + u'y';
    for (const char *ending : {"sses", "xes", "ches", "shes"}) {
        if (words.endsWith(QLatin1String(ending)))
            return words.chopped(2);
    }
    if (words.endsWith(u's') && !words.endsWith(QLatin1String("ss")))
        return words.chopped(1);
    return words;
}

} // namespace

bool isGermanLanguage(const QString &language)
{
    return language == QLatin1String("de");
}

QString labelFromWireName(QStringView name)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u'_' || c == u'-' || c == u'.' || c == u' ') {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
            continue;
        }
        // A capital starts a word after a small letter or digit, and ends a
        // run of capitals when a small letter follows ("HTMLText").
        const bool startsWord =
            c.isUpper() && !word.isEmpty() &&
            (!word.back().isUpper() || (i + 1 < name.size() && name.at(i + 1).isLower()));
        if (startsWord) {
            words.append(word);
            word.clear();
        }
        word.append(c);
    }
    if (!word.isEmpty())
        words.append(word);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &current = words[i];
        const bool acronym = current.size() > 1 && current == current.toUpper();
        if (current.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
            current = QStringLiteral("ID");
        else if (!acronym)
            current =
                i == 0 ? current.left(1).toUpper() + current.mid(1).toLower() : current.toLower();
    }
    return words.join(u' ');
}

ModulePresentation ModulePresentation::fromJson(const QJsonObject &manifest, const ModuleSpec &spec,
                                                QStringList *problems)
{
    ModulePresentation presentation;
    const Reporter report{problems, spec.id, {}, {}};
    presentation.description = readText(manifest, QLatin1String("description"), report);
    const QJsonValue page = manifest.value(QLatin1String("page"));
    // A QML module name starting with "Mana" and a type name, nothing that
    // could leave the module's folder in the resource URL.
    static const QRegularExpression pagePattern(
        QStringLiteral("^Mana[A-Z][A-Za-z0-9]{0,40}/[A-Z][A-Za-z0-9]{0,60}$"));
    if (page.isString() && pagePattern.match(page.toString()).hasMatch())
        presentation.page = page.toString();
    else if (!page.isUndefined())
        report(QStringLiteral("\"page\" must name a QML type of the app's module, such as "
                              "\"ManaTodo/TodoView\"; the generic views are used."));
    if (!spec.collections.isEmpty())
        presentation.firstCollection = spec.collections.first().wireName;
    for (const QJsonValue &entry : manifest.value(QLatin1String("collections")).toArray()) {
        const QJsonObject object = entry.toObject();
        const CollectionSpec *collection =
            spec.collection(object.value(QLatin1String("name")).toString());
        if (!collection)
            continue;
        Reporter collectionReport = report;
        collectionReport.collection = collection->wireName;
        presentation.collections.insert(collection->wireName,
                                        readCollection(object, *collection, collectionReport));
    }
    return presentation;
}

QString ModulePresentation::pageUrl() const
{
    return page.isEmpty() ? QString() : QStringLiteral("qrc:/%1.qml").arg(page);
}

const FieldPresentation *ModulePresentation::fieldPresentation(const QString &collection,
                                                               const QString &field) const
{
    const auto found = collections.constFind(collection);
    if (found == collections.constEnd())
        return nullptr;
    const auto fieldFound = found->fields.constFind(field);
    return fieldFound == found->fields.constEnd() ? nullptr : &*fieldFound;
}

QString ModulePresentation::descriptionText(const QString &language) const
{
    if (!description.isEmpty())
        return description.text(language);
    // The shell's generic empty state (qml/ModulePage.qml).
    return isGermanLanguage(language)
               ? QStringLiteral("Hier ist noch nichts. Mit Strg+N legst du den ersten Eintrag an.")
               : QStringLiteral("Nothing here yet. Press Ctrl+N to add the first one.");
}

QString ModulePresentation::collectionTitle(const QString &collection,
                                            const QString &language) const
{
    const CollectionPresentation entry = collections.value(collection);
    if (!entry.title.isEmpty())
        return entry.title.text(language);
    return labelFromWireName(collection);
}

QString ModulePresentation::itemName(const QString &collection, const QString &language) const
{
    const CollectionPresentation entry = collections.value(collection);
    if (!entry.itemName.isEmpty())
        return entry.itemName.text(language);
    return isGermanLanguage(language) ? QStringLiteral("Eintrag")
                                      : singularFromWireName(collection);
}

QString ModulePresentation::newItemText(const QString &collection, const QString &language) const
{
    const CollectionPresentation entry = collections.value(collection);
    if (!isGermanLanguage(language))
        return QStringLiteral("New ") + itemName(collection, language);
    if (entry.itemName.isEmpty())
        return QStringLiteral("Neuer Eintrag");
    switch (entry.itemGender) {
    case GrammaticalGender::Feminine:
        return QStringLiteral("Neue ") + entry.itemName.de;
    case GrammaticalGender::Masculine:
        return QStringLiteral("Neuer ") + entry.itemName.de;
    case GrammaticalGender::Neuter:
        return QStringLiteral("Neues ") + entry.itemName.de;
    case GrammaticalGender::Unknown:
        break;
    }
    return QStringLiteral("Neu: ") + entry.itemName.de;
}

QString ModulePresentation::emptyText(const QString &collection, const QString &language) const
{
    const CollectionPresentation entry = collections.value(collection);
    if (!entry.empty.isEmpty())
        return entry.empty.text(language);
    // The main list's empty state is the module's description.
    if (collection == firstCollection)
        return descriptionText(language);
    if (isGermanLanguage(language))
        return entry.title.isEmpty() ? QStringLiteral("Hier ist noch nichts.")
                                     : QStringLiteral("Noch keine %1.").arg(entry.title.de);
    return QStringLiteral("No %1 yet.").arg(lowerFirst(collectionTitle(collection, language)));
}

QString ModulePresentation::fieldLabel(const QString &collection, const QString &field,
                                       const QString &language) const
{
    const FieldPresentation *entry = fieldPresentation(collection, field);
    if (entry && !entry->label.isEmpty())
        return entry->label.text(language);
    return labelFromWireName(field);
}

QString ModulePresentation::choiceLabel(const QString &collection, const QString &field,
                                        const QString &value, const QString &language) const
{
    const FieldPresentation *entry = fieldPresentation(collection, field);
    if (entry) {
        const auto found = entry->choices.constFind(value);
        if (found != entry->choices.constEnd())
            return found->text(language);
    }
    return labelFromWireName(value);
}

QString ModulePresentation::fieldUnit(const QString &collection, const QString &field,
                                      const QString &language) const
{
    const FieldPresentation *entry = fieldPresentation(collection, field);
    return entry ? entry->unit.text(language) : QString();
}

std::optional<double> ModulePresentation::fieldMinimum(const QString &collection,
                                                       const QString &field) const
{
    const FieldPresentation *entry = fieldPresentation(collection, field);
    return entry ? entry->minimum : std::nullopt;
}

std::optional<double> ModulePresentation::fieldMaximum(const QString &collection,
                                                       const QString &field) const
{
    const FieldPresentation *entry = fieldPresentation(collection, field);
    return entry ? entry->maximum : std::nullopt;
}

QString ModulePresentation::titleField(const QString &collection) const
{
    return collections.value(collection).titleField;
}

QString ModulePresentation::subtitleField(const QString &collection) const
{
    return collections.value(collection).subtitleField;
}

} // namespace mana
