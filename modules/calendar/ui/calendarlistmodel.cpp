#include "calendarlistmodel.h"

#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"
#include "query.h"

namespace mana::calendar {

CalendarListModel::CalendarListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void CalendarListModel::setStore(LocalStore *store)
{
    disconnect(m_changed);
    m_store = store;
    if (store) {
        if (Collection *calendars = store->collection(QStringView(kAppId).toString(),
                                                      QStringView(kCalendarsCollection).toString()))
            m_changed = connect(calendars, &Collection::changed, this, &CalendarListModel::reload);
    }
    reload();
}

void CalendarListModel::reload()
{
    QList<QJsonObject> records;
    if (m_store) {
        if (Collection *calendars = m_store->collection(
                QStringView(kAppId).toString(), QStringView(kCalendarsCollection).toString())) {
            Query query;
            query.orderBy(QStringLiteral("name"));
            records = calendars->query(query);
        }
    }
    const bool countChanges = records.size() != m_records.size();
    beginResetModel();
    m_records = records;
    endResetModel();
    if (countChanges)
        emit countChanged();
    emit calendarsChanged();
}

int CalendarListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant CalendarListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = m_records.at(index.row());
    switch (role) {
    case IdRole:
        return record.value(QLatin1String("id")).toString();
    case Qt::DisplayRole:
    case NameRole:
        return record.value(QLatin1String("name")).toString();
    case ColorRole: {
        const QString color = record.value(QLatin1String("color")).toString();
        return color.isEmpty() ? QStringLiteral("#3B82F6") : color;
    }
    case VisibleRole:
        return record.value(QLatin1String("isVisible")).toBool(true);
    case DefaultRole:
        return record.value(QLatin1String("id")).toString() == defaultCalendarId();
    }
    return {};
}

QHash<int, QByteArray> CalendarListModel::roleNames() const
{
    return {{IdRole, "calendarId"},
            {NameRole, "name"},
            {ColorRole, "color"},
            {VisibleRole, "isVisible"},
            {DefaultRole, "isDefault"}};
}

QString CalendarListModel::idAt(int row) const
{
    return data(index(row), IdRole).toString();
}

QString CalendarListModel::nameAt(int row) const
{
    return data(index(row), NameRole).toString();
}

QString CalendarListModel::defaultCalendarId() const
{
    for (const QJsonObject &record : m_records) {
        if (record.value(QLatin1String("isDefault")).toBool())
            return record.value(QLatin1String("id")).toString();
    }
    return m_records.isEmpty() ? QString()
                               : m_records.first().value(QLatin1String("id")).toString();
}

} // namespace mana::calendar
