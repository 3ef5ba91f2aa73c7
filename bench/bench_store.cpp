// Local store benchmark (docs/design.md §10: search as you type over 100,000 items, Chinese, 1–6
// characters, with hits or none, ≤ 30 ms p99 per keystroke). Prints figures; asserts nothing about time.
//
// Usage: bench_store [item count] [store path]   (defaults: 100000, a temporary file)

#include "BenchFigure.h"
#include "DomainJson.h"
#include "HtmlText.h"
#include "LocalStore.h"
#include "Measure.h"
#include "SampleText.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

Item makeItem(int n, QRandomGenerator &r)
{
    Item item;
    item.id = u"item-%1"_s.arg(n, 6, 10, QLatin1Char('0'));
    item.kind = ItemKind(r.bounded(4));
    item.unitId = u"unit-%1"_s.arg(r.bounded(20));
    item.authorId = u"person-%1"_s.arg(r.bounded(200));
    item.state = WorkflowState(r.bounded(6));
    Revision rev;
    rev.number = 1;
    rev.authorId = item.authorId;
    rev.createdAt = QDateTime(QDate(2020, 1, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(n) * 1800);
    RevisionContent &c = rev.content;
    c.title = test::sampleTitle(r);
    c.columnId = u"column-%1"_s.arg(r.bounded(40));
    c.infoDate = QDate(2020, 1, 1).addDays(n / 60);
    c.urgent = r.bounded(50) == 0;
    c.bodyHtml = test::sampleBody(r, 300 + r.bounded(701));
    item.revisions = {rev};
    return item;
}

// A query of `length` characters taken from a random item's text, never spanning punctuation.
QString sampleQuery(const QList<Item> &items, int length, QRandomGenerator &r)
{
    static const QString stops = u"，、。《》 "_s;
    for (;;) {
        const Item &item = items.at(r.bounded(items.size()));
        const QString text = r.bounded(3) == 0 ? item.latest()->content.title
                                               : HtmlText::plainText(item.latest()->content.bodyHtml);
        if (text.size() <= length)
            continue;
        const QString q = text.mid(r.bounded(int(text.size()) - length), length);
        if (std::none_of(q.cbegin(), q.cend(), [](QChar ch) { return stops.contains(ch); }))
            return q;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    QTemporaryDir dir;
    const QString path = args.size() > 2 ? args.at(2) : dir.filePath(u"bench-store.db"_s);
    QFile::remove(path);

    QRandomGenerator random(20240501);
    QElapsedTimer t;
    t.start();
    QList<Item> items;
    items.reserve(count);
    for (int n = 0; n < count; ++n)
        items.append(makeItem(n, random));
    qint64 bodyChars = 0;
    for (const Item &item : std::as_const(items))
        bodyChars += HtmlText::plainText(item.latest()->content.bodyHtml).size();
    std::printf("generated %d items in %.0f ms (body text: %.0f characters on average)\n", count, test::ms(t),
                double(bodyChars) / count);
    t.restart();
    qint64 jsonBytes = 0;
    for (const Item &item : std::as_const(items)) {
        jsonBytes += QJsonDocument(json::toJson(item)).toJson(QJsonDocument::Compact).size();
        bodyChars += HtmlText::plainText(item.latest()->content.bodyHtml).size();
    }
    std::printf(
        "JSON and plain text of every item (part of each save): %.0f ms (JSON %.0f bytes on average)\n",
        test::ms(t), double(jsonBytes) / count);

    {
        LocalStore store(path);
        const LocalStore::OpenResult opened = store.open();
        if (!opened.ok()) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(opened.message));
            return 1;
        }
        t.restart();
        if (!store.saveItems(items)) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(store.lastError()));
            return 1;
        }
        const double insertMs = test::ms(t);
        std::printf("insert %d items, one transaction: %.0f ms (%.0f items/s)\n", count, insertMs,
                    count / (insertMs / 1000.0));
        // The client does this in the background (client/SearchIndexer); here it is timed on its own.
        t.restart();
        QString error;
        const int indexed = LocalStore::catchUpSearchIndex(path, {}, &error);
        if (indexed < 0) {
            std::fprintf(stderr, "search index: %s\n", qUtf8Printable(error));
            return 1;
        }
        std::printf("search index caught up with %d rows (background work in the client): %.0f ms\n", indexed,
                    test::ms(t));
        t.restart();
        QList<Item> hundred = items.mid(0, 100);
        for (Item &item : hundred)
            item.revisions[0].content.title += u"（修订）"_s;
        for (const Item &item : std::as_const(hundred))
            store.saveItem(item);
        std::printf("save one item (durable, own transaction), 100 times: %.2f ms each\n", test::ms(t) / 100);
    }

    LocalStore store(path);
    t.restart();
    const LocalStore::OpenResult reopened = store.open();
    std::printf("reopen with quick_check: %.0f ms (%s)\n", test::ms(t), reopened.ok() ? "ok" : "failed");
    std::printf("file size: %.1f MB\n", double(QFileInfo(path).size()) / (1024.0 * 1024.0));
    t.restart();
    const QList<ItemSummary> page = store.summaries(0, 100);
    std::printf("first page of 100 summaries in queue order: %.2f ms\n", test::ms(t));
    t.restart();
    const std::optional<Item> one = store.item(items.at(count / 2).id);
    std::printf("load one item by id: %.3f ms (%s)\n", test::ms(t), one ? "found" : "missing");

    // Search as you type, 1 to 6 characters, queries with hits (taken from the items' text) and
    // without (characters of the text in an order it never has, or for one character, a Han character
    // it lacks): both kinds are one lookup in an index (the character index below 3 characters).
    const int limit = 100; // a screenful of results per keystroke
    const int perLength = 200;
    std::printf("\nsearch, %d results at most, warm cache, %d queries per row: median / p99 / max ms\n",
                limit, perLength);
    std::vector<double> allTimes;   // every query of 1–6 characters, hits or none
    std::vector<double> shortTimes; // 1–2 characters, hits or none
    for (const bool hits : {true, false}) {
        std::printf("  %s\n", hits ? "with hits (results returned: median)" : "with no hit");
        for (int length = 1; length <= 6; ++length) {
            QStringList queries;
            int tries = 0;
            while (queries.size() < perLength && ++tries < 100 * perLength) {
                QString q;
                if (hits) {
                    q = sampleQuery(items, length, random);
                } else if (length == 1) {
                    q = QString(QChar(char16_t(0x4e00 + random.bounded(0x9fa5 - 0x4e00))));
                } else {
                    const QString from = sampleQuery(items, 2 * length, random);
                    for (int i = 0; i < length; ++i)
                        q += from.at(random.bounded(int(from.size())));
                }
                if (!hits && !store.search(q, 1).isEmpty())
                    continue;
                queries.append(q);
            }
            for (const QString &q : std::as_const(queries)) // warm up
                store.search(q, limit);
            std::vector<double> times;
            std::vector<double> returned;
            for (const QString &q : std::as_const(queries)) {
                t.restart();
                const QStringList found = store.search(q, limit);
                times.push_back(test::ms(t));
                allTimes.push_back(times.back());
                if (length <= 2)
                    shortTimes.push_back(times.back());
                returned.push_back(double(found.size()));
            }
            std::printf("    %d character%s (e.g. %s): %.2f / %.2f / %.2f ms", length, length == 1 ? "" : "s",
                        qUtf8Printable(queries.mid(0, 3).join(u" "_s)), test::percentile(times, 0.5),
                        test::percentile(times, 0.99), test::percentile(times, 1.0));
            if (hits)
                std::printf(", %.0f returned", test::percentile(returned, 0.5));
            std::printf("\n");
        }
    }
    bench::figure("bench_store", "search_p99_ms",
                  "LocalStore::search, 100 results, 1–6 characters, hits or none: p99 per query",
                  test::percentile(allTimes, 0.99), "ms", "<=", 30);
    bench::figure("bench_store", "search_1_2_chars_p99_ms",
                  "LocalStore::search, 100 results, 1–2 characters, hits or none: p99 per query",
                  test::percentile(shortTimes, 0.99), "ms", "<=", 30);
    // A store of schema 5 upgraded: the character index (schema 6) filled with every row in the upgrade.
    store.close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench.raw"_s);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        const bool downgraded = db.open() && q.exec(u"DROP TRIGGER items_chars_insert"_s) &&
                                q.exec(u"DROP TRIGGER items_chars_delete"_s) &&
                                q.exec(u"DROP TRIGGER items_chars_update"_s) &&
                                q.exec(u"DROP TABLE items_chars"_s) && q.exec(u"PRAGMA user_version = 5"_s);
        if (!downgraded)
            std::fprintf(stderr, "schema 5: %s\n", qUtf8Printable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bench.raw"_s);
    t.restart();
    const LocalStore::OpenResult upgraded = store.open();
    std::printf(
        "\nopen with the upgrade from schema 5 (quick_check, character index of %d items): %.0f ms (%s)\n",
        count, test::ms(t), upgraded.status == LocalStore::OpenStatus::Upgraded ? "upgraded" : "failed");
    return page.isEmpty() ? 1 : 0;
}
