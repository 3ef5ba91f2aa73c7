// The client with 100,000 items in its local store (docs/design.md §10, issue #8): open the profile and
// the "Waiting for me" queue to its first painted rows (target ≤ 150 ms), search as you type with
// Chinese queries (median per keystroke, target ≤ 30 ms), and the client's RSS (target ≤ 200 MB).
// Real widgets (MainWindow) on the offscreen platform; prints figures, asserts nothing.
//
// Usage: bench_client [item count]   (default 100000; the store is built once in a temporary folder)

#include "ClientSession.h"
#include "DomainJson.h"
#include "ItemListModel.h"
#include "ItemViews.h"
#include "MainWindow.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "Settings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

const QStringList kWords{
    u"自然资源"_s, u"国土空间"_s, u"总体规划"_s,     u"详细规划"_s, u"土地"_s,     u"不动产登记"_s,
    u"确权颁证"_s, u"耕地保护"_s, u"永久基本农田"_s, u"用途管制"_s, u"建设用地"_s, u"使用权"_s,
    u"挂牌出让"_s, u"征收"_s,     u"补偿安置"_s,     u"地质灾害"_s, u"防治"_s,     u"矿产资源"_s,
    u"生态修复"_s, u"执法监察"_s, u"批前公示"_s,     u"规划许可"_s, u"村庄规划"_s, u"历史文化"_s,
    u"供应计划"_s, u"节约集约"_s, u"政务公开"_s,     u"便民服务"_s,
};

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0
                       : v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

long rssKb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

// Items of the demo organization in every state; about a third in review at stages of all kinds.
QList<Item> makeItems(const Organization &org, int count)
{
    QRandomGenerator r(20261127);
    const RouteEngine &routes = RouteEngine::builtin();
    QList<Item> items;
    items.reserve(count);
    const QList<ItemKind> kinds{ItemKind::Disclosure, ItemKind::CollectiveDecision, ItemKind::News,
                                ItemKind::Repost};
    for (int n = 0; n < count; ++n) {
        Item item;
        item.id = u"item-%1"_s.arg(n, 6, 10, QLatin1Char('0'));
        item.kind = kinds.at(r.bounded(4));
        const Unit &unit = org.units.at(r.bounded(org.units.size()));
        item.unitId = unit.id;
        item.authorId = u"author-%1"_s.arg(r.bounded(50));
        const int s = r.bounded(10);
        item.state = s < 3   ? WorkflowState::InReview
                     : s < 7 ? WorkflowState::Published
                             : WorkflowState::Draft;
        if (item.state == WorkflowState::InReview) {
            const QList<Stage> stages = routes.stages(item.kind);
            item.stageId = stages.at(r.bounded(stages.size())).id;
        }
        Revision rev;
        rev.number = 1;
        rev.authorId = item.authorId;
        rev.createdAt = QDateTime(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(n) * 600);
        rev.content.title = u"关于%1%2工作的通知（第%3号）"_s
                                .arg(kWords.at(r.bounded(kWords.size())), kWords.at(r.bounded(kWords.size())))
                                .arg(n);
        QString body = u"<p>"_s;
        for (int i = 0; i < 60; ++i)
            body += kWords.at(r.bounded(kWords.size())) + (i % 7 == 6 ? u"。"_s : u"，"_s);
        rev.content.bodyHtml = body + u"</p>"_s;
        rev.content.infoDate = QDate(2025, 1, 1).addDays(n / 150);
        rev.content.urgent = r.bounded(40) == 0;
        item.revisions = {rev};
        items.append(item);
    }
    return items;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const QString profile = dir.filePath(u"profile"_s);
    const Organization org = Organization::demo();
    {
        ClientSession setup(profile);
        QString error;
        if (!setup.open(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer t;
        t.start();
        const QList<Item> items = makeItems(org, count);
        if (!setup.store().saveOrganization(org) || !setup.store().saveItems(items) ||
            !setup.sync().bindIdentity(u"bench-server"_s, u"zhou.min"_s, &error)) {
            std::fprintf(stderr, "%s %s\n", qPrintable(setup.store().lastError()), qPrintable(error));
            return 1;
        }
        // The search index as the background indexer leaves it (the measurements are of a settled
        // client, not of the minutes after a first sync).
        if (LocalStore::catchUpSearchIndex(setup.store().path(), {}, &error) < 0) {
            std::fprintf(stderr, "search index: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("store: %d items written and indexed in %.0f ms (%.0f MB)\n", count, ms(t),
                    double(QFile(profile + u"/local.sqlite"_s).size()) / 1e6);
    }
    const long rssBefore = rssKb();

    // Open the profile and show the queue, to its first painted rows.
    QElapsedTimer total;
    total.start();
    QElapsedTimer t;
    t.start();
    ClientSession session(profile);
    const double sessionMs = ms(t);
    QString error;
    if (!session.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const double openMs = ms(t);
    t.restart();
    Settings settings(profile);
    const Organization stored = *session.store().organization();
    const double orgMs = ms(t);
    MainWindow window(&session.store(), &stored, &settings);
    const double ctorMs = ms(t);
    window.attachSession(&session);
    const double attachMs = ms(t);
    window.showView(ItemView::WaitingForMe);
    const double windowMs = ms(t);
    std::printf(
        "  (session object %.1f ms, organization %.1f ms, window %.1f ms, attach %.1f ms, view %.1f ms)\n",
        sessionMs, orgMs, ctorMs - orgMs, attachMs - ctorMs, windowMs - attachMs);
    t.restart();
    auto *table = window.findChild<QTableView *>(u"itemTable"_s);
    window.show();
    // The first paint of the list's rows: render it as the screen would.
    QImage frame(table->viewport()->size(), QImage::Format_ARGB32);
    table->viewport()->render(&frame);
    const double paintMs = ms(t);
    const double firstRows = ms(total);
    const int rows = window.itemModel()->rowCount();
    std::printf(
        "queue \"Waiting for me\" of zhou.min: first painted rows after %.1f ms "
        "(open profile and store check %.1f ms, window and query %.1f ms, paint %.1f ms); %d rows fetched, "
        "%d in the view\n",
        firstRows, openMs, windowMs, paintMs, rows,
        session.store().count(ItemViews::filterFor(ItemView::WaitingForMe, *stored.person(u"zhou.min"_s),
                                                   RouteEngine::builtin())));

    // Search as you type: queries of 2 to 6 characters typed one character at a time.
    QRandomGenerator r(7);
    QList<double> perKeystroke;
    QList<double> byLength[7];
    for (int q = 0; q < 40; ++q) {
        const QString word = kWords.at(r.bounded(kWords.size())) + kWords.at(r.bounded(kWords.size()));
        const QString query = word.left(2 + r.bounded(5));
        for (int len = 1; len <= query.size(); ++len) {
            QElapsedTimer k;
            k.start();
            window.itemModel()->setSearchText(query.left(len));
            if (window.itemModel()->canFetchMore({}))
                window.itemModel()->fetchMore({});
            table->viewport()->render(&frame);
            const double took = ms(k);
            perKeystroke.append(took);
            byLength[std::min(len, 6)].append(took);
        }
    }
    std::printf("search as you type (%lld keystrokes): median %.1f ms, p90 %.1f ms, max %.1f ms\n",
                qlonglong(perKeystroke.size()), median(perKeystroke), percentile(perKeystroke, 0.9),
                percentile(perKeystroke, 1.0));
    for (int len = 1; len <= 6; ++len)
        std::printf("  %d character(s): median %.1f ms over %lld\n", len, median(byLength[len]),
                    qlonglong(byLength[len].size()));
    std::printf("client RSS: %.0f MB (%.0f MB before opening the profile)\n", double(rssKb()) / 1024,
                double(rssBefore) / 1024);
    std::printf("targets (docs/design.md §10): first rows <= 150 ms, <= 30 ms per keystroke, <= 200 MB\n");
    return 0;
}
