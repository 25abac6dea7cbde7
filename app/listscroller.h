// --scroll-to-end <list>: drives a list of the window the way a person
// holding End (or dragging the scroll bar down) does, frame by frame, until
// it has no more rows to load, then prints what it took and quits. For the
// app-level benchmark of long lists (bench/app): with the event-loop
// watchdog on it also prints the longest block while scrolling.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QQuickItem;
class QQuickWindow;

namespace mana {

class BlockWindow;

class ListScroller : public QObject
{
    Q_OBJECT
public:
    // `objectName`: the ListView's objectName ("taskList", "recordList").
    // Starts once the window has shown its first frame.
    ListScroller(QQuickWindow *window, QString objectName, QString screenshotPath,
                 QObject *parent = nullptr);

private:
    void begin();
    void step();
    void finish();

    QQuickWindow *m_window;
    QString m_objectName;
    QString m_screenshotPath;
    QPointer<QQuickItem> m_list;
    QTimer m_ticks;
    QElapsedTimer m_elapsed;
    std::shared_ptr<const BlockWindow> m_blocks;
    int m_lastCount = -1;
    int m_stableTicks = 0;
    int m_waitedTicks = 0;
};

} // namespace mana
