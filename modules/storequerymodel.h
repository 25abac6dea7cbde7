// A LiveQueryModel over the profile's LocalStore, which QML hands over as
// `store` (ShellContext.storeObject): the property every app's list model
// shares. Setting another store (or none, when the profile closes) calls
// storeReplaced(), where a subclass unhooks from the old store's collections,
// hooks to the new one's and queries again.
#pragma once

#include "livequerymodel.h"

#include <QPointer>

namespace mana {

class LocalStore;

class StoreQueryModel : public LiveQueryModel
{
    Q_OBJECT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)

public:
    using LiveQueryModel::LiveQueryModel;

    QObject *store() const;
    // Anything but a LocalStore counts as none.
    void setStore(QObject *store);

signals:
    void storeChanged();

protected:
    LocalStore *localStore() const;
    // After the store changed and before storeChanged(): `previous` is the
    // store before (nullptr: none), to disconnect from.
    virtual void storeReplaced(LocalStore *previous) = 0;

private:
    QPointer<LocalStore> m_store;
};

} // namespace mana
