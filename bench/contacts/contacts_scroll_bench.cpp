// Issue 16's list figure, measured where a person feels it: the real
// Contacts page (ManaContacts' QML over the real store) in a window
// rendered offscreen, with 20,000 contacts (one in 40 with an inline
// photo, one in 50 a favourite, one in 30 without a name). It times the
// page until its first frame, until the list model has read the 20,000
// records (in pages, in the background) with the longest block meanwhile,
// then scrolls the list from top to bottom in steps of 400 px
// (a fast wheel or a flick), timing each step until its frame is
// rendered, then Ctrl+A over all of them and clearing it, then typing a search letter by letter.
// Output: name=… value=… unit=… lines; the target is no block over 50 ms. MANA_BENCH_SHOT=file.png
// saves the filled list.
#include "../benchlatency.h"
#include "collection.h"
#include "contact.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "profilepreparer.h"
#include "shellcontext.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <numeric>

Q_IMPORT_QML_PLUGIN(ManaShellCorePlugin)
Q_IMPORT_QML_PLUGIN(ManaControlsPlugin)
#include "appuiplugins.h"

namespace {

constexpr int kContacts = 20000;
constexpr qreal kStepPx = 400;

QString photoUri()
{
    // A 96×96 JPEG, about the size address books keep for a contact.
    QImage image(96, 96, QImage::Format_RGB32);
    image.fill(QColor(0x88, 0xaa, 0xcc));
    QPainter painter(&image);
    painter.setBrush(QColor(0xee, 0xcc, 0x99));
    painter.drawEllipse(24, 16, 48, 56);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(bytes.toBase64());
}

bool fillContacts(mana::LocalStore &store, QString *error)
{
    static const char *const first[] = {"Ada",   "Émile", "Grace", "Łukasz", "Noor",  "Olga",
                                        "Pavel", "Quinn", "Ravi",  "Søren",  "Tomás", "Ute",
                                        "Vera",  "Wen",   "Xenia", "Yusuf",  "Zoë",   "Bea"};
    static const char *const last[] = {
        "Adams",   "Berger",  "Chen",     "Dubois",   "Eriksen", "Fischer", "García", "Hopper",
        "Ivanova", "Jones",   "Kowalski", "Lovelace", "Müller",  "Nowak",   "Okafor", "Peters",
        "Rossi",   "Schmidt", "Turing",   "Vogel",    "Weber",   "Yamada",  "Zola",   "Öztürk"};
    mana::Collection *contacts =
        store.collection(QStringLiteral("contacts"), QStringLiteral("contacts"));
    if (!contacts) {
        *error = QStringLiteral("no contacts collection");
        return false;
    }
    const QString photo = photoUri();
    QRandomGenerator random(16);
    QList<QJsonObject> records;
    for (int i = 0; i < kContacts; ++i) {
        mana::contacts::Contact contact;
        if (i % 30 != 0) {
            contact.firstName = QString::fromUtf8(first[random.bounded(int(std::size(first)))]);
            contact.lastName = QString::fromUtf8(last[random.bounded(int(std::size(last)))]) +
                               (i % 7 == 0 ? QStringLiteral("-%1").arg(i) : QString());
        }
        contact.company = QStringLiteral("Company %1").arg(i % 500);
        contact.jobTitle = i % 3 == 0 ? QStringLiteral("Engineer") : QString();
        contact.emails = {{QStringLiteral("work"), QStringLiteral("person%1@example.com").arg(i)},
                          {QStringLiteral("home"), QStringLiteral("p%1@home.example").arg(i)}};
        contact.phones = {{QStringLiteral("cell"), QStringLiteral("+49 170 %1").arg(5550000 + i)}};
        contact.addresses = {
            {QStringLiteral("home"), QStringLiteral("Street %1\n10115 Berlin").arg(i)}};
        contact.birthday = QDate(1950 + i % 50, 1 + i % 12, 1 + i % 28);
        contact.tags = {QStringLiteral("Group %1").arg(i % 20)};
        contact.notes = QStringLiteral("Met at event %1.").arg(i % 300);
        contact.isFavorite = i % 50 == 0;
        if (i % 40 == 0)
            contact.photo = photo;
        records.append(mana::contacts::toRecord(contact));
    }
    const QStringList ids = contacts->insertMany(records, error);
    return ids.size() == records.size();
}

void waitForFrame(QQuickView &view)
{
    bool swapped = false;
    const QMetaObject::Connection connection =
        QObject::connect(&view, &QQuickWindow::frameSwapped, [&] { swapped = true; });
    view.contentItem()->update();
    QElapsedTimer timeout;
    timeout.start();
    while (!swapped && timeout.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QObject::disconnect(connection);
}

// The CPU time this thread used, in ms: a step that took long on the
// clock but little here waited for a core (the machine was busy), which
// the offscreen platform's single-threaded render loop makes visible.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void report(const char *name, double value, const char *unit)
{
    std::printf("name=%s value=%.2f unit=%s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.info=false;*.debug=false;qt.*=false");
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QTemporaryDir dir;
    mana::LocalStore store;
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("guest.sqlite")), &error)) {
        std::fprintf(stderr, "contacts_scroll_bench: %s\n", qPrintable(error));
        return 1;
    }
    const mana::ModuleCatalog catalog = mana::ModuleCatalog::load();
    mana::prepareProfile(store, catalog, true, QStringLiteral("en"), nullptr);
    if (!fillContacts(store, &error)) {
        std::fprintf(stderr, "contacts_scroll_bench: %s\n", qPrintable(error));
        return 1;
    }

    mana::ShellContext shell;
    shell.setStore(&store);
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.engine()->rootContext()->setContextProperty(QStringLiteral("benchShell"), &shell);
    view.resize(1280, 860);
    view.setSource(QUrl(QStringLiteral("data:text/plain,")));
    QQmlComponent component(view.engine());
    component.setData("import QtQuick\nimport ManaContacts\nContactsPage { shell: benchShell }\n",
                      QUrl());
    QElapsedTimer timer;
    timer.start();
    auto *page = qobject_cast<QQuickItem *>(component.create(view.rootContext()));
    if (!page) {
        std::fprintf(stderr, "contacts_scroll_bench: %s\n", qPrintable(component.errorString()));
        return 1;
    }
    page->setParentItem(view.contentItem());
    page->setSize(QSizeF(1280, 860));
    view.show();
    waitForFrame(view);
    report("contacts_page_first_frame_20000", timer.nsecsElapsed() / 1e6, "ms");

    auto *list = page->findChild<QQuickItem *>(QStringLiteral("contactList"));
    if (!list) {
        std::fprintf(stderr, "contacts_scroll_bench: no contactList\n");
        return 1;
    }
    // The list model reads a large profile in pages in the background:
    // until it is filled, and the longest the window was blocked meanwhile
    // (what a click or a frame would wait for).
    QObject *model = list->property("model").value<QObject *>();
    qint64 longest = 0;
    while (model && model->property("loading").toBool() && timer.elapsed() < 60000) {
        const qint64 before = timer.nsecsElapsed();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        longest = qMax(longest, timer.nsecsElapsed() - before);
    }
    waitForFrame(view);
    report("contacts_page_list_filled_20000", timer.nsecsElapsed() / 1e6, "ms");
    report("contacts_page_load_max_block", longest / 1e6, "ms");
    report("contacts_list_rows", list->property("count").toInt(), "count");
    // MANA_BENCH_SHOT=file.png: the filled list as it first shows.
    if (qEnvironmentVariableIsSet("MANA_BENCH_SHOT")) {
        for (int i = 0; i < 10; ++i)
            waitForFrame(view);
        view.grabWindow().save(qEnvironmentVariable("MANA_BENCH_SHOT"));
    }
    // Let the first frame's asynchronous photos settle.
    for (int i = 0; i < 5; ++i)
        waitForFrame(view);

    // Top to bottom: each step until its frame is on screen.
    QList<double> frames;
    QList<double> cpu;
    QElapsedTimer whole;
    whole.start();
    // The list's height is an estimate that grows as rows are made, so
    // the end is taken anew at each step.
    while (!list->property("atYEnd").toBool() && frames.size() < 100000) {
        const qreal current = list->property("contentY").toReal();
        const qreal end = list->property("originY").toReal() +
                          list->property("contentHeight").toReal() -
                          list->property("height").toReal();
        const qreal next = std::min(end, current + kStepPx);
        if (next <= current)
            break;
        QElapsedTimer step;
        step.start();
        const double cpuBefore = threadCpuMs();
        list->setProperty("contentY", next);
        waitForFrame(view);
        frames.append(step.nsecsElapsed() / 1e6);
        cpu.append(threadCpuMs() - cpuBefore);
    }
    const bool atEnd = list->property("atYEnd").toBool();
    // MANA_BENCH_DETAIL=1: the five slowest steps and where they were.
    if (qEnvironmentVariableIsSet("MANA_BENCH_DETAIL")) {
        QList<int> order(frames.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](int a, int b) { return frames.at(a) > frames.at(b); });
        for (int i = 0; i < std::min<qsizetype>(5, order.size()); ++i)
            std::fprintf(stderr, "step %d of %lld: %.1f ms (CPU %.1f ms)\n", order.at(i),
                         qlonglong(frames.size()), frames.at(order.at(i)), cpu.at(order.at(i)));
    }
    report("contacts_scroll_frames", frames.size(), "count");
    report("contacts_scroll_total", whole.nsecsElapsed() / 1e6, "ms");
    report("contacts_scroll_max_frame", mana::bench::percentile(frames, 1.0), "ms");
    mana::bench::reportLatency("contacts_scroll_frame", frames);
    report("contacts_scroll_max_frame_cpu", mana::bench::percentile(cpu, 1.0), "ms");
    if (!atEnd)
        std::fprintf(stderr, "contacts_scroll_bench: the list did not reach its end\n");

    // Ctrl+A over all 20,000 (the page's selectAll, as the key does) and
    // clearing it again, each until its frame: the selection bar shows and
    // every visible row is drawn selected.
    QElapsedTimer selecting;
    selecting.start();
    QMetaObject::invokeMethod(page, "selectAll");
    waitForFrame(view);
    report("contacts_select_all_20000", selecting.nsecsElapsed() / 1e6, "ms");
    report("contacts_selected", model ? model->property("selectedCount").toInt() : -1, "count");
    selecting.restart();
    QMetaObject::invokeMethod(model, "clearSelection");
    waitForFrame(view);
    report("contacts_clear_selection_20000", selecting.nsecsElapsed() / 1e6, "ms");

    // Typing a search, letter by letter, each until its frame.
    QList<double> typing;
    auto *search = page->findChild<QQuickItem *>(QStringLiteral("searchField"));
    const QString word = QStringLiteral("kowal");
    for (int i = 1; i <= word.size(); ++i) {
        QElapsedTimer step;
        step.start();
        search->setProperty("text", word.left(i));
        waitForFrame(view);
        typing.append(step.nsecsElapsed() / 1e6);
    }
    report("contacts_search_keystroke_max", mana::bench::percentile(typing, 1.0), "ms");
    report("contacts_search_rows", list->property("count").toInt(), "count");
    return atEnd ? 0 : 1;
}
