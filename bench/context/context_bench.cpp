// Context benchmarks over 100,000 documents of about 60 words each in ten
// spaces, printed as `name=… value=… unit=…` (medians of the runs):
// - context_search_rare / _common / _two_common: searchDocuments (FTS5,
//   50 newest matches with their snippets) for a word one document has,
//   a word every document has, and two such words;
// - context_search_cross_fields_common / _rare: a short id's word and a
//   word of the text (the fields differ), for 10,000 and ~1,000 matches;
// - context_list_first_page_space / _all: a DocumentListModel's first
//   page (pinned first, then the last changed) of one space (10,000) and
//   of every document;
// - context_next_short_id: the next short id of a space of 10,000;
// - context_save: a saved edit (content, metadata, the sync's change);
// - context_count_100kb / _1mb: words, characters and tokens of a
//   Markdown text of that size (what the status line costs).
#include "collection.h"
#include "contextmodels.h"
#include "documentstore.h"
#include "localstore.h"
#include "markdowntext.h"
#include "modulecatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mana;
using namespace mana::context;
using namespace Qt::StringLiterals;

namespace {

void print(const char *name, double value, const char *unit = "ms")
{
    std::printf("name=%s value=%.3f unit=%s\n", name, value, unit);
    std::fflush(stdout);
}

template<typename F> double medianMs(int runs, F &&run)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        run(i);
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

const QStringList kWords = {u"context"_s,  u"model"_s,   u"prompt"_s,  u"notes"_s, u"Übung"_s,
                            u"project"_s,  u"meeting"_s, u"summary"_s, u"token"_s, u"research"_s,
                            u"draft"_s,    u"review"_s,  u"plan"_s,    u"idea"_s,  u"Straße"_s,
                            u"markdown"_s, u"list"_s,    u"heading"_s, u"link"_s,  u"garden"_s};

QString paragraph(QRandomGenerator &random, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out.append(kWords.at(random.bounded(kWords.size())));
    return out.join(u' ');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    LocalStore store;
    QString error;
    if (!store.open(dir.filePath(u"bench.sqlite"_s), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const ModuleCatalog catalog = ModuleCatalog::load();
    if (!store.addModule(catalog.info(u"context"_s)->spec, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    Collection *spaces = store.collection(u"context"_s, u"spaces"_s);
    Collection *docs = store.collection(u"context"_s, u"documents"_s);
    constexpr int kSpaces = 10;
    constexpr int kDocuments = 100000;
    for (int s = 0; s < kSpaces; ++s)
        spaces->insert({{u"id"_s, u"space%1"_s.arg(s)},
                        {u"name"_s, u"Space %1"_s.arg(s)},
                        {u"prefix"_s, u"S%1"_s.arg(s)}});
    QRandomGenerator random(7);
    QElapsedTimer fillTimer;
    fillTimer.start();
    for (int chunk = 0; chunk < kDocuments / 1000; ++chunk) {
        QList<QJsonObject> rows;
        for (int i = chunk * 1000; i < (chunk + 1) * 1000; ++i) {
            const QString content = u"# Note %1\n\n"_s.arg(i) + paragraph(random, 30) +
                                    u" unique%1 "_s.arg(i) + u"\n\n- "_s + paragraph(random, 28);
            rows.append({{u"spaceId"_s, u"space%1"_s.arg(i % kSpaces)},
                         {u"title"_s, u"Note %1"_s.arg(i)},
                         {u"content"_s, content},
                         {u"type"_s, u"text"_s},
                         {u"shortId"_s, u"S%1-%2"_s.arg(i % kSpaces).arg(i / kSpaces + 1)},
                         {u"pinned"_s, i % 500 == 0},
                         {u"metadata"_s, metadataFor({}, content)}});
        }
        if (docs->insertMany(rows, &error).isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    print("context_fill_100000", fillTimer.elapsed(), "ms");
    // The index catches up at the first search; not what a person waits
    // for at every search.
    searchDocuments(&store, u"unique1"_s);

    print("context_search_rare",
          medianMs(15, [&](int i) { searchDocuments(&store, u"unique%1"_s.arg(i * 997)); }));
    print("context_search_common", medianMs(9, [&](int) { searchDocuments(&store, u"garden"_s); }));
    print("context_search_two_common",
          medianMs(9, [&](int) { searchDocuments(&store, u"markdown ubung"_s); }));
    // Words in different fields: a short id's word (10,000 documents of
    // one space) with a word every text has, and a few short ids with it.
    print("context_search_cross_fields_common",
          medianMs(9, [&](int) { searchDocuments(&store, u"s3 garden"_s); }));
    print("context_search_cross_fields_rare",
          medianMs(9, [&](int i) { searchDocuments(&store, u"s7-%1 markdown"_s.arg(i + 5)); }));
    print("context_search_prefix_one_letter",
          medianMs(9, [&](int) { searchDocuments(&store, u"m"_s); }));

    print("context_list_first_page_space", medianMs(9, [&](int i) {
              DocumentListModel model;
              model.setStore(&store);
              model.setSpaceId(u"space%1"_s.arg(i % kSpaces));
              if (model.rowCount() == 0)
                  std::abort();
          }));
    print("context_list_first_page_all", medianMs(9, [&](int) {
              DocumentListModel model;
              model.setStore(&store);
              if (model.rowCount() == 0)
                  std::abort();
          }));
    print("context_next_short_id",
          medianMs(15, [&](int i) { nextShortId(&store, u"space%1"_s.arg(i % kSpaces), u"S"_s); }));

    const QList<QJsonObject> some = docs->query([] {
        Query q;
        q.limit = 20;
        return q;
    }());
    print("context_save", medianMs(20, [&](int i) {
              const QString id = some.at(i % some.size()).value(u"id"_s).toString();
              saveDocument(&store, id,
                           {{u"content"_s, u"Edited %1 "_s.arg(i) + paragraph(random, 60)}});
          }));

    QString big;
    while (big.size() < 100 * 1024)
        big += u"## Section\n\n"_s + paragraph(random, 40) +
               u" [a link](https://example.com) **bold**\n\n"_s;
    print("context_count_100kb", medianMs(9, [&](int) { countText(big); }));
    QString huge = big.repeated(10);
    print("context_count_1mb", medianMs(5, [&](int) { countText(huge); }));
    return 0;
}
