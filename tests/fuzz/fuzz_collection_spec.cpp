// The collection-spec reader (syncclient/store/collectionspec.cpp): a
// module.json as ModuleSpec::fromJson reads it. The store also reads specs
// back from the profile (LocalStore keeps each collection's toJson()), and
// every value a record gets passes FieldSpec::validate.
//
// Properties beyond "no crash, no sanitizer report":
// - an accepted collection, written with toJson() and read again, is the
//   same spec (the profile's copy means what the manifest meant);
// - FieldSpec::validate is idempotent: a normalised value is accepted again
//   and stays as it is (values go store -> server -> store);
// - a module the reader accepts can be created in a real profile.
#include "fuzzsupport.h"

#include "collectionspec.h"
#include "localstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace mana;

namespace {

QString json(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

// Every scalar of the document, as candidate field values (at most 64).
void collectScalars(const QJsonValue &value, QList<QJsonValue> *out)
{
    if (out->size() >= 64)
        return;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectScalars(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectScalars(it.value(), out);
    } else {
        out->append(value);
    }
}

void checkValidateIsIdempotent(const FieldSpec &field, const QJsonValue &value)
{
    QJsonValue normalized;
    if (!field.validate(value, &normalized).isEmpty())
        return;
    QJsonValue again;
    const QString problem = field.validate(normalized, &again);
    MANA_FUZZ_CHECK(problem.isEmpty(),
                    QStringLiteral("field %1: %2 normalised to %3, which is refused: %4")
                        .arg(field.name, json(value), json(normalized), problem));
    MANA_FUZZ_CHECK(again == normalized && again.type() == normalized.type(),
                    QStringLiteral("field %1: %2 normalised to %3, then to %4")
                        .arg(field.name, json(value), json(normalized), json(again)));
}

// Each collection's table has only its own fields' columns: a column of a
// sibling's field there means two collections share a table and mix their
// records (SQLite's table names ignore case).
void checkOwnTables(const LocalStore &store, const ModuleSpec &module)
{
    for (const CollectionSpec &collection : module.collections) {
        QSqlQuery columns(store.database());
        MANA_FUZZ_CHECK(
            columns.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(collection.tableName)),
            columns.lastError().text());
        while (columns.next()) {
            const QString column = columns.value(1).toString();
            if (collection.field(column))
                continue;
            for (const CollectionSpec &sibling : module.collections) {
                MANA_FUZZ_CHECK(!sibling.field(column),
                                QStringLiteral("the table of %1 has the column %2 of %3")
                                    .arg(collection.wireName, column, sibling.wireName));
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    QString error;
    const auto module = ModuleSpec::fromJson(document.object(), &error);
    if (!module) {
        MANA_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }

    QList<QJsonValue> values;
    collectScalars(document.object(), &values);
    for (const CollectionSpec &collection : module->collections) {
        const QJsonObject written = collection.toJson();
        const auto reread = CollectionSpec::fromJson(written, module->appId, &error);
        MANA_FUZZ_CHECK(reread.has_value(),
                        QStringLiteral("toJson() of an accepted spec is refused: %1\n%2")
                            .arg(error, QString::fromUtf8(QJsonDocument(written).toJson())));
        MANA_FUZZ_CHECK(reread->toJson() == written,
                        QStringLiteral("%1\nreads back as\n%2")
                            .arg(QString::fromUtf8(QJsonDocument(written).toJson()),
                                 QString::fromUtf8(QJsonDocument(reread->toJson()).toJson())));
        for (const FieldSpec &field : collection.fields) {
            for (const QJsonValue &value : std::as_const(values))
                checkValidateIsIdempotent(field, value);
        }
    }

    // A fresh profile per input: what the module creates must not depend on
    // what an earlier input left.
    const QString path = fuzz::scratchDirectory() + QStringLiteral("/spec.sqlite");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    {
        LocalStore store;
        MANA_FUZZ_CHECK(store.open(path, &error, LocalStore::PageCheck::Skip), error);
        MANA_FUZZ_CHECK(store.addModule(*module, &error),
                        QStringLiteral("an accepted module cannot be created: %1").arg(error));
        checkOwnTables(store, *module);
    }
    return 0;
}
