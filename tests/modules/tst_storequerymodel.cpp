// StoreQueryModel, the `store` property the app lists share: a subclass
// hears of every change of store once, with the store before it, and QML
// sees the property on every subclass.
#include "localstore.h"
#include "storequerymodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace mana;

namespace {

// Records what the base tells it.
class RecordingModel : public StoreQueryModel
{
public:
    QList<LocalStore *> previousStores;
    QList<LocalStore *> storesSeen;

private:
    void storeReplaced(LocalStore *previous) override
    {
        previousStores.append(previous);
        storesSeen.append(localStore()); // already the new one
    }
};

} // namespace

class TestStoreQueryModel : public QObject
{
    Q_OBJECT

private slots:
    void replacingTheStoreTellsTheSubclassOnce();
    void anythingButALocalStoreIsNone();
    void aDestroyedStoreIsNone();
    void thePropertyIsWhatQmlSets();
};

void TestStoreQueryModel::replacingTheStoreTellsTheSubclassOnce()
{
    LocalStore first;
    LocalStore second;
    RecordingModel model;
    QSignalSpy changed(&model, &StoreQueryModel::storeChanged);

    model.setStore(&first);
    model.setStore(&first); // the same: nothing
    model.setStore(&second);
    model.setStore(nullptr);

    QCOMPARE(changed.size(), 3);
    QCOMPARE(model.previousStores, (QList<LocalStore *>{nullptr, &first, &second}));
    QCOMPARE(model.storesSeen, (QList<LocalStore *>{&first, &second, nullptr}));
    QCOMPARE(model.store(), nullptr);
}

void TestStoreQueryModel::anythingButALocalStoreIsNone()
{
    LocalStore store;
    QObject notAStore;
    RecordingModel model;
    model.setStore(&store);
    model.setStore(&notAStore);
    QCOMPARE(model.store(), nullptr);
    QCOMPARE(model.previousStores, (QList<LocalStore *>{nullptr, &store}));
    model.setStore(&notAStore); // still none: nothing
    QCOMPARE(model.previousStores.size(), 2);
}

void TestStoreQueryModel::aDestroyedStoreIsNone()
{
    RecordingModel model;
    {
        LocalStore store;
        model.setStore(&store);
        QCOMPARE(model.store(), &store);
    }
    QCOMPARE(model.store(), nullptr);
    model.setStore(nullptr); // already none: nothing
    QCOMPARE(model.previousStores.size(), 1);
}

void TestStoreQueryModel::thePropertyIsWhatQmlSets()
{
    LocalStore store;
    RecordingModel model;
    QVERIFY(model.setProperty("store", QVariant::fromValue<QObject *>(&store)));
    QCOMPARE(model.property("store").value<QObject *>(), &store);
    QCOMPARE(model.storesSeen, (QList<LocalStore *>{&store}));
}

QTEST_GUILESS_MAIN(TestStoreQueryModel)
#include "tst_storequerymodel.moc"
