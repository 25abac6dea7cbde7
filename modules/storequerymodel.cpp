#include "storequerymodel.h"

#include "localstore.h"

namespace mana {

QObject *StoreQueryModel::store() const
{
    return m_store;
}

LocalStore *StoreQueryModel::localStore() const
{
    return m_store;
}

void StoreQueryModel::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    LocalStore *previous = m_store;
    m_store = local;
    storeReplaced(previous);
    emit storeChanged();
}

} // namespace mana
