// Helper of tst_localstore's crash test: saves drafts to a local store as fast as it can and, after
// each save has returned true (committed), prints "<id> <version> <sha256 of the item's JSON>" on one
// line and flushes. The test kills it with SIGKILL at random points and checks that every reported
// save is in the store.
//
// Usage: store_crash_child <store path> <id prefix> <seed>

#include "DomainJson.h"
#include "LocalStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

const QStringList kWords{
    u"自然资源"_s, u"国土空间"_s, u"规划"_s,     u"土地"_s, u"不动产登记"_s, u"确权"_s, u"耕地保护"_s,
    u"用途管制"_s, u"测绘"_s,     u"地质灾害"_s, u"矿产"_s, u"生态修复"_s,   u"公示"_s, u"审批"_s,
    u"，"_s,       u"。"_s,       u"“"_s,        u"”"_s,    u"drafts"_s,     u" "_s,
};

Item draft(const QString &id, int version, QRandomGenerator &random)
{
    Item item;
    item.id = id;
    item.kind = ItemKind::News;
    item.unitId = u"planning"_s;
    item.authorId = u"zhangwei"_s;
    Revision r;
    r.number = 1;
    r.authorId = item.authorId;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.content.title = u"%1 第%2稿 %3"_s.arg(id).arg(version).arg(kWords.at(random.bounded(14)));
    QString body = u"<p>"_s;
    const int words = 20 + random.bounded(200);
    for (int i = 0; i < words; ++i)
        body += kWords.at(random.bounded(kWords.size()));
    body += u"</p>"_s;
    r.content.bodyHtml = body;
    r.content.infoDate = QDate(2024, 1, 1).addDays(random.bounded(365));
    r.content.urgent = random.bounded(10) == 0;
    item.revisions = {r};
    return item;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fputs("usage: store_crash_child <store path> <id prefix> <seed>\n", stderr);
        return 2;
    }
    QRandomGenerator random(args.at(3).toUInt());

    LocalStore store(args.at(1));
    const LocalStore::OpenResult opened = store.open();
    if (!opened.ok()) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.message));
        return 1;
    }

    // Mostly new drafts; every third save overwrites an earlier draft of this run with a new version,
    // as autosave does.
    QHash<QString, int> versions;
    QStringList ids;
    for (int n = 0; n < 100000; ++n) {
        QString id;
        if (n % 3 == 2 && !ids.isEmpty()) {
            id = ids.at(random.bounded(ids.size()));
        } else {
            id = u"%1-%2"_s.arg(args.at(2)).arg(n);
            ids.append(id);
        }
        const int version = versions.value(id) + 1;
        const Item item = draft(id, version, random);
        if (!store.saveItem(item)) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(store.lastError()));
            return 1;
        }
        versions.insert(id, version);
        const QByteArray json = QJsonDocument(json::toJson(item)).toJson(QJsonDocument::Compact);
        const QByteArray line = id.toUtf8() + ' ' + QByteArray::number(version) + ' ' +
                                QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
    }
    return 0;
}
