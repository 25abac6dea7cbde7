// The calendars of the side bar: name, colour, shown or hidden, the default
// for new events. Re-read whenever the `calendars` collection changes.
#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
} // namespace mana

namespace mana::calendar {

class CalendarListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CalendarController owns the calendar list")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, ColorRole, VisibleRole, DefaultRole };

    explicit CalendarListModel(QObject *parent = nullptr);

    void setStore(LocalStore *store);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // For lists in QML that are not views (a combo box's choices).
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString nameAt(int row) const;

    // Ordered by name; the records as stored.
    const QList<QJsonObject> &records() const { return m_records; }
    // The calendar new events go to: the one marked default, else the
    // first; empty when there is none.
    QString defaultCalendarId() const;

signals:
    void countChanged();
    void calendarsChanged();

private:
    void reload();

    QPointer<LocalStore> m_store;
    QList<QJsonObject> m_records;
    QMetaObject::Connection m_changed;
};

} // namespace mana::calendar
