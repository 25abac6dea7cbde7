// --screenshot: saves the first window to a PNG once it has rendered, then
// quits. Works offscreen (QT_QPA_PLATFORM=offscreen) and under Xvfb, which is
// how CI and developers look at screens without a desktop.
#pragma once

#include <QObject>
#include <QString>

class QQuickWindow;

namespace mana {

class WindowScreenshot : public QObject
{
    Q_OBJECT
public:
    // Quits with `exitCode` once the picture is saved (1 when it cannot be).
    WindowScreenshot(QQuickWindow *window, QString filePath, int delayMs, QObject *parent = nullptr,
                     int exitCode = 0);

private:
    void capture();

    QQuickWindow *m_window;
    QString m_filePath;
    int m_exitCode;
};

} // namespace mana
