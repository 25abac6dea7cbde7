#include "moduleiconprovider.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcModuleIcons, "mana.shell.icons")

namespace mana {

ModuleIconProvider::ModuleIconProvider(QString resourceRoot)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_resourceRoot(std::move(resourceRoot))
{}

QImage ModuleIconProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QString moduleId = id.section(QLatin1Char('/'), 0, 0);
    const QString tint = QLatin1Char('#') + id.section(QLatin1Char('/'), 1, 1);
    const QSize target = requestedSize.isValid() ? requestedSize : QSize(48, 48);
    if (size)
        *size = target;

    static const QRegularExpression safeId(QStringLiteral("^[a-z][a-z0-9-]{0,31}$"));
    static const QRegularExpression safeColor(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    QFile file(QStringLiteral("%1/%2/icon.svg").arg(m_resourceRoot, moduleId));
    if (!safeId.match(moduleId).hasMatch() || !safeColor.match(tint).hasMatch() ||
        !file.open(QIODevice::ReadOnly)) {
        qCDebug(lcModuleIcons) << "no icon for" << id;
        return {};
    }
    QString svg = QString::fromUtf8(file.readAll());
    static const QRegularExpression paint(QStringLiteral("\\b(stroke|fill)=\"(?!none\")[^\"]*\""));
    svg.replace(paint, QStringLiteral("\\1=\"%1\"").arg(tint));

    // Rendered at the requested size, not scaled from the 24 px viewBox, so
    // icons stay sharp on high-DPI screens.
    QByteArray bytes = svg.toUtf8();
    QBuffer buffer(&bytes);
    QImageReader reader(&buffer, "svg");
    reader.setScaledSize(target);
    const QImage rendered = reader.read();
    if (rendered.isNull())
        qCWarning(lcModuleIcons) << "could not render the icon of" << moduleId
                                 << reader.errorString();
    return rendered;
}

} // namespace mana
