// Helper of tst_server_sync's crash test: saves new drafts and edits of earlier ones through the sync
// engine while it syncs continuously. After each save has returned (the item and its outbox entry are
// committed), it prints "saved <item id> <round> <save number>" (the title it saved says the same) and
// flushes. The test kills it with SIGKILL at random points
// and checks that every reported draft reaches the server exactly once, with its last text.
//
// Usage: sync_crash_child <store path> <server base url> <certificate file> <token> <round>

#include "LocalStore.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: sync_crash_child <store> <url> <cert> <token> <round>\n");
        return 2;
    }
    LocalStore store(args.at(1));
    if (!store.open().ok()) {
        std::fprintf(stderr, "store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    ServerEndpoint endpoint;
    endpoint.baseUrl = QUrl(args.at(2));
    endpoint.token = args.at(4).toLatin1();
    endpoint.ssl = QSslConfiguration::defaultConfiguration();
    endpoint.ssl.setCaCertificates(QSslCertificate::fromPath(args.at(3)));
    QNetworkAccessManager network;
    SyncEngine engine(store, &network);
    engine.setEndpoint(endpoint);
    const int round = args.at(5).toInt();
    QRandomGenerator random(quint32(round) * 7919u + 17u);
    int n = 0;

    QTimer saver;
    QObject::connect(&saver, &QTimer::timeout, &app, [&] {
        QString error;
        Item item;
        // Every third save edits an earlier draft of this round, the others make a new one.
        const std::optional<Item> earlier =
            n % 3 == 2 ? store.item(store.summaries(0, 1).value(0).id) : std::nullopt;
        if (earlier &&
            (earlier->state == WorkflowState::Draft || earlier->state == WorkflowState::Returned)) {
            item = *earlier;
            item.revisions.last().content.title = u"第%1轮 第%2次保存 改稿"_s.arg(round).arg(n);
        } else {
            item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            item.kind = ItemKind::News;
            item.unitId = u"office"_s;
            Revision r;
            r.number = 1;
            r.content.title = u"第%1轮 第%2次保存"_s.arg(round).arg(n);
            r.content.bodyHtml = u"<p>正文 %1</p>"_s.arg(random.generate());
            item.revisions = {r};
        }
        ++n;
        if (!engine.saveDraft(item, &error)) {
            std::fprintf(stderr, "save: %s\n", qPrintable(error));
            return;
        }
        std::printf("saved %s %d %d\n", qPrintable(item.id), round, n - 1);
        std::fflush(stdout);
    });
    saver.start(15);
    QObject::connect(&engine, &SyncEngine::runFinished, &app,
                     [&] { QTimer::singleShot(random.bounded(20), &engine, &SyncEngine::syncNow); });
    engine.syncNow();
    return app.exec();
}
