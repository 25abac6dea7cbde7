#include "windowscreenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QQuickWindow>
#include <QTimer>

Q_LOGGING_CATEGORY(lcScreenshot, "mana.app.screenshot")

namespace mana {

WindowScreenshot::WindowScreenshot(QQuickWindow *window, QString filePath, int delayMs,
                                   QObject *parent, int exitCode)
    : QObject(parent)
    , m_window(window)
    , m_filePath(std::move(filePath))
    , m_exitCode(exitCode)
{
    // The delay lets bindings settle and fonts load; a fixed frame count is
    // not enough with the software renderer used offscreen.
    QTimer::singleShot(delayMs, this, &WindowScreenshot::capture);
}

void WindowScreenshot::capture()
{
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(m_filePath, "PNG")) {
        qCCritical(lcScreenshot) << "could not save the screenshot to" << m_filePath;
        QCoreApplication::exit(1);
        return;
    }
    qCInfo(lcScreenshot) << "saved" << m_filePath << image.size();
    QCoreApplication::exit(m_exitCode);
}

} // namespace mana
