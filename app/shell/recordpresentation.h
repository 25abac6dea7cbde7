// How a generic list shows a record of any collection: which field is its
// title, which its subtitle, and in which order records come. Derived from
// the collection spec so every module works before it has its own views.
#pragma once

#include "collectionspec.h"

#include <QJsonObject>
#include <QString>

namespace mana {

class RecordPresentation
{
public:
    explicit RecordPresentation(const CollectionSpec &spec);

    QString titleField() const { return m_titleField; }
    QString subtitleField() const { return m_subtitleField; }
    QString sortField() const { return m_sortField; }
    bool sortDescending() const { return m_sortDescending; }

    QString title(const QJsonObject &record) const;
    QString subtitle(const QJsonObject &record) const;
    // True when `a` comes before `b` in the list.
    bool lessThan(const QJsonObject &a, const QJsonObject &b) const;

private:
    QString m_titleField;
    // People are named by two fields: "Ada Lovelace", not "Ada".
    bool m_personName = false;
    QString m_subtitleField;
    QString m_sortField;
    bool m_sortDescending = false;
    CollectionSpec m_spec;
};

} // namespace mana
