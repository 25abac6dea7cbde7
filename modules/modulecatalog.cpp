#include "modulecatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <climits>

namespace mana {

namespace {

// Resource paths (":/…") become qrc: URLs, so QML Image can load them.
QUrl fileUrl(const QString &path)
{
    if (path.startsWith(u':'))
        return QUrl(QStringLiteral("qrc") + path);
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
}

std::optional<QJsonObject> readJsonObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("is not a JSON object: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    return document.object();
}

} // namespace

QString ModuleInfo::name(const QString &language) const
{
    if (language == QLatin1String("de") && !spec.nameDe.isEmpty())
        return spec.nameDe;
    return spec.nameEn;
}

const ModuleInfo *ModuleCatalog::info(QStringView id) const
{
    for (const ModuleInfo &candidate : infos) {
        if (candidate.spec.id == id)
            return &candidate;
    }
    return nullptr;
}

ModuleCatalog ModuleCatalog::load(const QString &resourceRoot)
{
    ModuleCatalog catalog;
    const QDir root(resourceRoot);
    const QStringList ids = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        const QString directory = root.filePath(id);
        const QString path = directory + QStringLiteral("/module.json");
        if (!QFile::exists(path))
            continue;
        QString error;
        const auto json = readJsonObject(path, &error);
        const auto spec = json ? ModuleSpec::fromJson(*json, &error) : std::nullopt;
        if (!spec) {
            catalog.errors.append(QStringLiteral("%1: %2").arg(path, error));
            continue;
        }
        ModuleInfo info;
        info.spec = *spec;
        info.directory = directory;
        QStringList problems;
        info.presentation = ModulePresentation::fromJson(*json, info.spec, &problems);
        for (const QString &problem : std::as_const(problems))
            catalog.errors.append(QStringLiteral("%1: %2").arg(path, problem));
        const QJsonValue order = json->value(QLatin1String("order"));
        if (!order.isUndefined()) {
            if (order.isDouble() && order.toDouble() >= 1 && order.toDouble() <= 1000 &&
                order.toDouble() == double(order.toInt()))
                info.order = order.toInt();
            else
                catalog.errors.append(
                    QStringLiteral("%1: \"order\" must be a whole number from 1 to 1000.")
                        .arg(path));
        }
        const QString iconPath = directory + QStringLiteral("/icon.svg");
        if (QFile::exists(iconPath))
            info.iconUrl = fileUrl(iconPath);
        else
            catalog.errors.append(QStringLiteral("%1: the module has no icon.svg.").arg(directory));

        const QString seedPath = directory + QStringLiteral("/seed.json");
        if (QFile::exists(seedPath)) {
            if (auto seeds = ModuleSeeds::fromFile(seedPath, info.spec, directory, &error))
                info.seeds = *seeds;
            else
                catalog.errors.append(QStringLiteral("%1: %2").arg(seedPath, error));
        }
        catalog.infos.append(info);
    }

    // Modules without an order go last, so a new module never pushes the
    // others around by accident.
    std::stable_sort(catalog.infos.begin(), catalog.infos.end(),
                     [](const ModuleInfo &a, const ModuleInfo &b) {
                         const int orderA = a.order > 0 ? a.order : INT_MAX;
                         const int orderB = b.order > 0 ? b.order : INT_MAX;
                         return orderA < orderB;
                     });
    for (const ModuleInfo &info : std::as_const(catalog.infos))
        catalog.modules.append(info.spec);
    for (const QString &error : std::as_const(catalog.errors))
        qCWarning(lcModules).noquote() << error;
    return catalog;
}

} // namespace mana
