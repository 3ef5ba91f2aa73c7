// The backup and restore drill (issue #19 point 3; docs/server.md "Backup and restore"), with the real
// server binary, on SQLite and on PostgreSQL: two clients keep saving and syncing while the store is
// backed up (`baosong-server backup`, or pg_dump -Fc), more work is acknowledged after the backup and
// one draft is written while the server is away; the backup is restored into a fresh data folder (or a
// fresh database with pg_restore and `restored`) with the configuration, certificate and audit key kept
// apart from the database; the restored server's audit chain verifies against its keyed checkpoint;
// the clients reconnect, lose nothing they held, delete nothing, and the server gets back every item
// it lost, once; the chain still verifies afterwards.

#include "ClientEndpoint.h"
#include "FaultyNetworkAccessManager.h"
#include "SampleContent.h"
#include "ServerHarness.h"
#include "ServerProcess.h"

#include "LocalStore.h"
#include "SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace baosong;
using namespace baosong::test;

namespace {

struct Client
{
    explicit Client(const ServerEndpoint &endpoint)
        : store(dir.filePath(u"local.sqlite"_s))
    {
        opened = store.open().ok();
        engine = std::make_unique<SyncEngine>(store, &nam);
        engine->setEndpoint(endpoint);
    }
    bool sync(int timeoutMs = 60000)
    {
        QSignalSpy done(engine.get(), &SyncEngine::runFinished);
        engine->syncNow();
        return done.count() > 0 || done.wait(timeoutMs);
    }
    QHash<QString, QString> titles()
    {
        QHash<QString, QString> out;
        for (const ItemSummary &s : store.summaries(0, 100000))
            out.insert(s.id, s.title);
        return out;
    }
    QTemporaryDir dir;
    LocalStore store;
    FaultyNetworkAccessManager nam;
    std::unique_ptr<SyncEngine> engine;
    bool opened = false;
};

Item draft(const QString &title, const QString &unitId)
{
    Item item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = ItemKind::News;
    item.unitId = unitId;
    Revision r;
    r.number = 1;
    r.content.title = title;
    r.content.bodyHtml = u"<p>关于国土空间规划的正文。</p>"_s;
    r.content.infoDate = QDate::currentDate().addDays(-1);
    r.content.columnId = allowedColumn(ItemKind::News, unitId);
    item.revisions = {r};
    return item;
}

// A baosong-server command on a folder: its output, and whether it succeeded.
bool cli(const QString &ini, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(serverBinary(), QStringList{u"--config"_s, ini} + args);
    p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// pg_dump, pg_restore: found on PATH or in Debian's versioned folder.
QString pgTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        const QStringList versions =
            QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &v : versions) {
            const QString candidate = u"/usr/lib/postgresql/%1/bin/%2"_s.arg(v, name);
            if (QFileInfo(candidate).isExecutable())
                path = candidate;
        }
    }
    return path;
}

QStringList pgConnection(const server::StoreConfig &c, const QString &database)
{
    QStringList args{u"-h"_s, c.host, u"-p"_s, QString::number(c.port), u"-U"_s, c.user};
    args << u"-d"_s << database;
    return args;
}

// The [store] section of a server on `database`; its password in `passwordFile` (written here).
QByteArray storeSection(const server::StoreConfig &c, const QString &database, const QString &passwordFile)
{
    QFile f(passwordFile);
    if (f.open(QIODevice::WriteOnly))
        f.write(c.password.toUtf8() + '\n');
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return u"[store]\ndriver=QPSQL\nhost=%1\nport=%2\ndatabase=%3\nuser=%4\npassword_file=%5\n"_s.arg(c.host)
        .arg(c.port)
        .arg(database, c.user, passwordFile)
        .toUtf8();
}

// PostgreSQL's tools read the password from the environment.
QProcessEnvironment pgEnvironment(const server::StoreConfig &c)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, c.password);
    return env;
}

} // namespace

class TestServerBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void drill_data();
    void drill();
};

void TestServerBackup::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.*.info=false"_s);
}

void TestServerBackup::drill_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &b : serverBackends())
        QTest::newRow(qPrintable(b)) << b;
}

void TestServerBackup::drill()
{
    QFETCH(QString, backend);
    const bool postgres = backend == "postgres"_L1;
    server::StoreConfig pg;
    QString error;
    if (postgres) {
        QVERIFY2(postgresConfig(&pg, &error), qPrintable(error));
        QVERIFY2(!pgTool(u"pg_dump"_s).isEmpty() && !pgTool(u"pg_restore"_s).isEmpty(),
                 "PostgreSQL's client tools");
        QVERIFY2(runOnPostgres(pg,
                               {u"DROP DATABASE IF EXISTS baosong_drill_live WITH (FORCE)"_s,
                                u"DROP DATABASE IF EXISTS baosong_drill_restored WITH (FORCE)"_s,
                                u"CREATE DATABASE baosong_drill_live"_s,
                                u"CREATE DATABASE baosong_drill_restored"_s},
                               &error),
                 qPrintable(error));
    }
    QTemporaryDir work;
    ServerFolder live;
    QVERIFY(prepareServerFolder(
        work.filePath(u"live"_s), &live,
        postgres ? storeSection(pg, u"baosong_drill_live"_s, work.filePath(u"pg-password"_s))
                 : QByteArray()));
    QProcess liveServer;
    const quint16 livePort = startServer(live, liveServer);
    QVERIFY(livePort);

    // Sign in over HTTPS as the clients would, trusting exactly the server's certificate.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(live.dir + u"/server.crt"_s));
    QNetworkAccessManager nam;
    const auto signIn = [&](quint16 port, const QString &login) {
        QNetworkRequest req(QUrl(u"https://127.0.0.1:%1/api/v1/session"_s.arg(port)));
        req.setSslConfiguration(ssl);
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = nam.post(
            req, QJsonDocument(QJsonObject{{"login"_L1, login}, {"password"_L1, live.passwords.value(login)}})
                     .toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(20000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object().value("token"_L1).toString().toLatin1();
    };
    const auto endpoint = [&](quint16 port, const QByteArray &token) {
        ServerEndpoint e;
        e.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
        e.token = token;
        e.ssl = ssl;
        e.timeoutMs = 20000;
        return e;
    };
    const QByteArray officeToken = signIn(livePort, u"he.xiaoyu"_s);
    const QByteArray districtToken = signIn(livePort, u"mou.xiaolin"_s);
    QVERIFY(!officeToken.isEmpty() && !districtToken.isEmpty());
    Client office(endpoint(livePort, officeToken));
    Client district(endpoint(livePort, districtToken));
    QVERIFY(office.opened && district.opened);
    QVERIFY(office.sync() && district.sync());

    // The backup runs while both clients keep saving and syncing.
    const QString backup = work.filePath(postgres ? u"baosong.dump"_s : u"baosong-backup.sqlite"_s);
    QProcess backupProcess;
    backupProcess.setProcessChannelMode(QProcess::MergedChannels);
    backupProcess.setProcessEnvironment(pgEnvironment(pg));
    if (postgres)
        backupProcess.start(pgTool(u"pg_dump"_s), QStringList{u"-Fc"_s, u"-f"_s, backup} +
                                                      pgConnection(pg, u"baosong_drill_live"_s));
    else
        backupProcess.start(serverBinary(), {u"--config"_s, live.ini, u"backup"_s, backup});
    int round = 0;
    do {
        QVERIFY(office.engine->saveDraft(draft(u"备份期间的稿件%1"_s.arg(round), u"office"_s), &error));
        QVERIFY(district.engine->saveDraft(draft(u"区县备份期间的稿件%1"_s.arg(round), u"bazhou"_s), &error));
        QVERIFY(office.sync() && district.sync());
        ++round;
    } while (backupProcess.state() != QProcess::NotRunning || round < 3);
    backupProcess.waitForFinished();
    QVERIFY2(backupProcess.exitCode() == 0, backupProcess.readAll().constData());

    // After the backup: acknowledged work (an edit and new drafts), then a draft while the server is away.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(office.engine->saveDraft(draft(u"备份后确认的稿件%1"_s.arg(i), u"office"_s), &error));
        QVERIFY(district.engine->saveDraft(draft(u"区县备份后确认的稿件%1"_s.arg(i), u"bazhou"_s), &error));
    }
    QVERIFY(office.sync() && district.sync());
    QCOMPARE(office.store.outboxCount(), 0);
    liveServer.kill();
    liveServer.waitForFinished();
    const Item unsent = draft(u"服务器恢复期间写的稿件"_s, u"office"_s);
    QVERIFY(office.engine->saveDraft(unsent, &error));
    const QHash<QString, QString> officeBefore = office.titles();
    const QHash<QString, QString> districtBefore = district.titles();
    QVERIFY(officeBefore.size() >= 7 && districtBefore.size() >= 6);

    // Restore into a fresh folder: the configuration, certificate and audit key come from their own
    // backup (copied here); the store from the snapshot.
    const QString restoredDir = work.filePath(u"restored"_s);
    QVERIFY(QDir().mkpath(restoredDir));
    for (const QString &f : {u"server.crt"_s, u"server.key"_s, u"audit.key"_s})
        QVERIFY2(QFile::copy(live.dir + u'/' + f, restoredDir + u'/' + f), qPrintable(f));
    for (const QString &f : {u"server.key"_s, u"audit.key"_s})
        QFile(restoredDir + u'/' + f).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile liveIni(live.ini);
    QVERIFY(liveIni.open(QIODevice::ReadOnly));
    QByteArray ini = liveIni.readAll();
    if (postgres)
        ini.replace("database=baosong_drill_live", "database=baosong_drill_restored");
    ServerFolder restored{restoredDir, restoredDir + u"/baosong-server.ini"_s, live.passwords};
    QFile restoredIni(restored.ini);
    QVERIFY(restoredIni.open(QIODevice::WriteOnly));
    restoredIni.write(ini);
    restoredIni.close();
    QString out;
    if (postgres) {
        QProcess restore;
        restore.setProcessChannelMode(QProcess::MergedChannels);
        restore.setProcessEnvironment(pgEnvironment(pg));
        restore.start(pgTool(u"pg_restore"_s),
                      QStringList{u"--no-owner"_s} + pgConnection(pg, u"baosong_drill_restored"_s) << backup);
        QVERIFY(restore.waitForFinished(120000));
        QVERIFY2(restore.exitCode() == 0, restore.readAll().constData());
        // A copy put back by other tools than `backup`: a new epoch, so clients send what it lacks.
        QVERIFY2(cli(restored.ini, {u"restored"_s}, &out), qPrintable(out));
    } else {
        QVERIFY(QFile::copy(backup, restoredDir + u"/baosong.sqlite"_s));
    }
    QVERIFY2(cli(restored.ini, {u"audit"_s, u"verify"_s}, &out), qPrintable(out));
    QVERIFY2(out.contains(u"matching the keyed"_s), qPrintable(out));

    QProcess restoredServer;
    const quint16 restoredPort = startServer(restored, restoredServer);
    QVERIFY(restoredPort);
    QSignalSpy officeRestored(office.engine.get(), &SyncEngine::serverRestored);
    QSignalSpy districtRestored(district.engine.get(), &SyncEngine::serverRestored);
    office.engine->setEndpoint(endpoint(restoredPort, officeToken)); // the session is in the backup
    district.engine->setEndpoint(endpoint(restoredPort, districtToken));
    for (int i = 0; i < 3; ++i)
        QVERIFY(office.sync() && district.sync());
    QCOMPARE(officeRestored.size(), 1);
    QCOMPARE(districtRestored.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(office.store.outboxCount() == 0 && district.store.outboxCount() == 0, 30000);

    // Nothing lost or deleted on the clients: every item, each with its latest text.
    QCOMPARE(office.titles(), officeBefore);
    QCOMPARE(district.titles(), districtBefore);
    // The server has every item again, once: a fresh client of each account sees them all.
    for (const auto &[token, before] :
         {std::pair{officeToken, officeBefore}, std::pair{districtToken, districtBefore}}) {
        Client fresh(endpoint(restoredPort, token));
        QVERIFY(fresh.sync());
        QCOMPARE(fresh.titles(), before);
    }
    // The chain holds after the clients sent their work again.
    restoredServer.terminate();
    restoredServer.waitForFinished();
    QVERIFY2(cli(restored.ini, {u"audit"_s, u"verify"_s}, &out), qPrintable(out));
    QVERIFY2(out.contains(u"audit chain intact"_s), qPrintable(out));
}

QTEST_MAIN(TestServerBackup)
#include "tst_server_backup.moc"
