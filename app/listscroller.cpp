#include "listscroller.h"

#include "windowscreenshot.h"

#include "eventloopwatchdog.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQuickItem>
#include <QQuickWindow>
#include <cstdio>

Q_LOGGING_CATEGORY(lcScroll, "mana.app.scroll")

namespace mana {

namespace {

// One step per frame of a 60 Hz display.
constexpr int kTickMs = 16;
// The list is at its end when its row count has not grown for this many
// frames (a page loads within one: ListView asks the model for more when it
// creates the last rows).
constexpr int kStableTicks = 30;
// Giving up on a list that is not there (a page still loading).
constexpr int kMaxWaitTicks = 300;

QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName && root->isVisible())
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

} // namespace

ListScroller::ListScroller(QQuickWindow *window, QString objectName, QString screenshotPath,
                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_objectName(std::move(objectName))
    , m_screenshotPath(std::move(screenshotPath))
{
    m_ticks.setInterval(kTickMs);
    connect(&m_ticks, &QTimer::timeout, this, &ListScroller::step);
    connect(window, &QQuickWindow::frameSwapped, this, &ListScroller::begin,
            Qt::SingleShotConnection);
}

void ListScroller::begin()
{
    m_elapsed.start();
    if (EventLoopWatchdog *watchdog = EventLoopWatchdog::instance())
        m_blocks = watchdog->openWindow();
    m_ticks.start();
}

void ListScroller::step()
{
    if (!m_list) {
        m_list = findItem(m_window->contentItem(), m_objectName);
        if (!m_list) {
            if (++m_waitedTicks > kMaxWaitTicks) {
                std::fprintf(stderr, "manacore: there is no list “%s” in the window.\n",
                             qPrintable(m_objectName));
                QCoreApplication::exit(1);
            }
            return;
        }
        m_elapsed.start(); // from the moment the list is there
    }
    QMetaObject::invokeMethod(m_list, "positionViewAtEnd");
    const int count = m_list->property("count").toInt();
    if (count != m_lastCount) {
        m_lastCount = count;
        m_stableTicks = 0;
        return;
    }
    if (++m_stableTicks >= kStableTicks)
        finish();
}

void ListScroller::finish()
{
    m_ticks.stop();
    // The last frames waited for more rows that never came.
    const qint64 ms = m_elapsed.elapsed() - qint64(kStableTicks) * kTickMs;
    std::printf("scroll_rows=%d\nscroll_ms=%lld\n", m_lastCount, static_cast<long long>(ms));
    if (m_blocks)
        std::printf("scroll_longest_block_ms=%lld\nscroll_blocks_over_50ms=%d\n",
                    static_cast<long long>(m_blocks->longestBlockMs()), m_blocks->blocksOver50Ms());
    std::fflush(stdout);
    qCInfo(lcScroll) << "scrolled" << m_objectName << "to row" << m_lastCount << "in" << ms << "ms";
    // --screenshot: the picture of the end, saved (and the app quit) the way
    // every screenshot is.
    if (!m_screenshotPath.isEmpty())
        new WindowScreenshot(m_window, m_screenshotPath, 0, this);
    else
        QCoreApplication::exit(0);
}

} // namespace mana
