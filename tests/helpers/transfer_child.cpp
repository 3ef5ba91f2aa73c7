// Helper of tst_server_transfers: uploads one blob of a local BlobStore with client/Transfers and, after
// every chunk the server acknowledged, prints "acked <offset> <size>" on one line and flushes. The
// test kills it with SIGKILL at about one third; a new process (the test) then resumes the upload from
// the state file the engine keeps in the store's folder.
//
// Usage: transfer_child <base url> <CA certificate> <token> <blob folder> <sha256 hex>
// Exit: 0 when the upload completed, 1 when it failed (the message on stderr), 2 on bad arguments.

#include "BlobStore.h"
#include "ServerEndpoint.h"
#include "Transfers.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fputs("usage: transfer_child <base url> <CA certificate> <token> <blob folder> <sha256 hex>\n",
                   stderr);
        return 2;
    }
    ServerEndpoint endpoint;
    endpoint.baseUrl = QUrl(args.at(1));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(args.at(2)));
    endpoint.ssl = ssl;
    endpoint.token = args.at(3).toLatin1();
    BlobStore store(args.at(4));
    const QByteArray sha256 = QByteArray::fromHex(args.at(5).toLatin1());

    QNetworkAccessManager network;
    Transfers transfers(&network, &store, endpoint);
    Transfer *upload = transfers.upload(sha256, u"child.bin"_s);
    QObject::connect(upload, &Transfer::progress, &app, [](qint64 done, qint64 total) {
        std::printf("acked %lld %lld\n", done, total);
        std::fflush(stdout);
    });
    QObject::connect(upload, &Transfer::finished, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(upload, &Transfer::failed, &app, [](const QString &message, const QByteArray &) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    if (upload->state() == Transfer::State::Done)
        return 0;
    if (upload->state() == Transfer::State::Failed)
        return 1;
    return app.exec();
}
