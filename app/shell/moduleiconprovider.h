// image://moduleicon/<moduleId>/<RRGGBB>: a module's SVG icon with its
// strokes and fills in the given colour, so one monochrome icon reads well
// on its coloured tile in light and dark themes (Qt 6.4 has no MultiEffect
// colourisation, and Qt5Compat is not a dependency we want for one tint).
#pragma once

#include <QQuickImageProvider>

namespace mana {

class ModuleIconProvider : public QQuickImageProvider
{
public:
    explicit ModuleIconProvider(QString resourceRoot = QStringLiteral(":/modules"));
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    QString m_resourceRoot;
};

} // namespace mana
