// Looking at a --screenshot of the real manacore from a test.
#pragma once

#include <QColor>
#include <QImage>

namespace mana::test {

// True when some pixel is within a small distance of `color` (antialiasing
// and the software renderer blend edges, so exact matches are rare).
inline bool containsColor(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qAbs(qRed(line[x]) - color.red()) < 6 &&
                qAbs(qGreen(line[x]) - color.green()) < 6 &&
                qAbs(qBlue(line[x]) - color.blue()) < 6)
                return true;
        }
    }
    return false;
}

} // namespace mana::test
