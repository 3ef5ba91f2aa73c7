// Art. 14, the municipal portal (issue #17 point 6): an item marked for the municipal portal travels,
// after its route, from the bureau's server to the municipal platform — here a second baosong-server
// configured as the platform — through the bureau server's portal outbox (server/PortalSender), and
// the platform's decision (采用 / 退回) comes back to the bureau's item and its author.
//
// Both servers are real `serve` processes on loopback HTTPS; the platform is killed with SIGKILL
// mid-transfer and restarted on the same port. Nothing here asserts a time: every wait is a
// generous QTRY_VERIFY_WITH_TIMEOUT.

#include "DomainJson.h"
#include "Measure.h"
#include "ServerHarness.h"
#include "ServerProcess.h"
#include "SiteRenderer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 120000;

// One server process and what the test needs to talk to it.
struct Node
{
    ServerFolder folder;
    QProcess process;
    quint16 port = 0;
    QSslConfiguration ssl;
    QNetworkAccessManager network;
    QHash<QString, QByteArray> tokens;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &token,
                    const QByteArray &body = {}, const QByteArray &contentType = "application/json",
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        request.setSslConfiguration(ssl);
        request.setTransferTimeout(30000);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return waitForReply(network.sendCustomRequest(request, method, body));
    }
    HttpResult json(const QByteArray &method, const QString &path, const QByteArray &token,
                    const QJsonObject &o)
    {
        return call(method, path, token, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    QByteArray tokenOf(const QString &login)
    {
        if (!tokens.contains(login)) {
            const HttpResult r = json("POST", u"/api/v1/session"_s, {},
                                      {{"login"_L1, login}, {"password"_L1, folder.passwords.value(login)}});
            tokens.insert(login, r.body.value("token"_L1).toString().toLatin1());
        }
        return tokens.value(login);
    }
    HttpResult act(const QString &login, const QJsonObject &body)
    {
        QJsonObject b = body;
        b.insert("action_id"_L1, uuid());
        return json("POST", u"/api/v1/actions"_s, tokenOf(login), b);
    }
    std::optional<Item> item(const QString &login, const QString &id)
    {
        const HttpResult r = call("GET", u"/api/v1/items/"_s + id, tokenOf(login));
        Item item;
        QString error;
        if (r.status != 200 || !json::fromJson(r.body.value("item"_L1).toObject(), &item, &error)) {
            qWarning("GET item %s as %s: %d %s %s", qPrintable(id), qPrintable(login), r.status,
                     r.raw.constData(), qPrintable(error));
            return std::nullopt;
        }
        return item;
    }
    // Every item of the change feed from 0 that `login` sees, by id (the last entry of each).
    QHash<QString, Item> feed(const QString &login)
    {
        QHash<QString, Item> out;
        QString cursor = u"0"_s;
        for (int page = 0; page < 100; ++page) {
            const HttpResult r =
                call("GET", u"/api/v1/changes?cursor=%1&limit=2000"_s.arg(cursor), tokenOf(login));
            if (r.status != 200)
                return out;
            for (const QJsonValue &v : r.body.value("changes"_L1).toArray()) {
                Item item;
                QString error;
                if (json::fromJson(v.toObject().value("item"_L1).toObject(), &item, &error))
                    out.insert(item.id, item);
            }
            cursor = r.body.value("cursor"_L1).toString();
            if (!r.body.value("more"_L1).toBool())
                break;
        }
        return out;
    }
};

} // namespace

class TestServerPortal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void travelsAndAppearsUpstream();
    void upstreamKilledMidTransferEndsWithOneCopy();
    void bureauKilledMidTransferResumes();
    void upstreamReturnReachesTheAuthor();
    void upstreamAdoptionComesBack();
    void upstreamRefusalIsFinal();
    void bureauSiteChoiceObeyed();

private:
    // Creates a news item of the bureau's office with `attachment` (uploaded by its author, in
    // chunks), submits it and approves every stage; the last with `publishOnBureauSite`. Its id.
    QString sendThroughRoute(const QString &title, const QByteArray &attachment, bool publishOnBureauSite);
    bool upload(Node &node, const QString &login, const QByteArray &bytes);
    // Decides every stage of `itemId` on `node` (approve, or return at the first stage with `reason`).
    bool decideAll(Node &node, const QString &itemId, bool publishOnBureauSite,
                   const QString &returnReason = {});
    bool startUpstream();
    QList<Item> upstreamItemsTitled(const QString &title);

    QTemporaryDir m_dir;
    Node m_upstream;
    Node m_bureau;
    QString m_author = u"he.xiaoyu"_s;   // a correspondent of the office (on both servers)
    QString m_account = u"luo.yiming"_s; // the bureau's account on the platform
};

bool TestServerPortal::startUpstream()
{
    m_upstream.port = startServer(m_upstream.folder, m_upstream.process);
    m_upstream.network.clearConnectionCache();
    return m_upstream.port != 0;
}

void TestServerPortal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
    qInfo("folder %s", qPrintable(m_dir.path()));
    // The municipal platform: small chunks, so that a transfer takes many requests; attachments up to
    // 24 MiB (upstreamRefusalIsFinal sends a larger one).
    QVERIFY(prepareServerFolder(m_dir.filePath(u"upstream"_s), &m_upstream.folder,
                                "[blobs]\nchunk_size=65536\nmax_upload_bytes=25165824\n"));
    m_upstream.ssl = QSslConfiguration::defaultConfiguration();
    m_upstream.ssl.setCaCertificates(QSslCertificate::fromPath(m_upstream.folder.dir + u"/server.crt"_s));
    QVERIFY(startUpstream());
    // Its port kept for the restarts (the bureau's configuration names it).
    {
        QFile ini(m_upstream.folder.ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QByteArray text = ini.readAll();
        ini.close();
        text.replace("port=0\n", "port=" + QByteArray::number(m_upstream.port) + '\n');
        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write(text);
    }

    // The bureau: its [municipal] section names the platform, the account and its certificate.
    const QString bureauDir = m_dir.filePath(u"bureau"_s);
    QVERIFY(QDir().mkpath(bureauDir));
    QFile password(bureauDir + u"/municipal-password"_s);
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write(m_upstream.folder.passwords.value(m_account).toUtf8() + '\n');
    password.close();
    QVERIFY(!m_upstream.folder.passwords.value(m_account).isEmpty());
    const QByteArray municipal =
        "[municipal]\nurl=https://127.0.0.1:" + QByteArray::number(m_upstream.port) +
        "\nlogin=" + m_account.toUtf8() +
        "\npassword_file=municipal-password\nca_file=" + (m_upstream.folder.dir + u"/server.crt"_s).toUtf8() +
        "\npoll_seconds=1\n";
    QVERIFY(prepareServerFolder(bureauDir, &m_bureau.folder, municipal));
    m_bureau.ssl = QSslConfiguration::defaultConfiguration();
    m_bureau.ssl.setCaCertificates(QSslCertificate::fromPath(m_bureau.folder.dir + u"/server.crt"_s));
    m_bureau.port = startServer(m_bureau.folder, m_bureau.process);
    QVERIFY(m_bureau.port != 0);
}

void TestServerPortal::cleanupTestCase()
{
    for (QProcess *p : {&m_bureau.process, &m_upstream.process}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(20000))
                p->kill();
            p->waitForFinished(5000);
        }
    }
}

bool TestServerPortal::upload(Node &node, const QString &login, const QByteArray &bytes)
{
    const QByteArray hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    const HttpResult started = node.json(
        "POST", u"/api/v1/uploads"_s, node.tokenOf(login),
        {{"sha256"_L1, QString::fromLatin1(hex)}, {"size"_L1, bytes.size()}, {"name"_L1, u"附件.bin"_s}});
    if (started.status == 200)
        return started.body.value("complete"_L1).toBool();
    if (started.status != 201)
        return false;
    const QString id = started.body.value("upload_id"_L1).toString();
    const qint64 chunk = started.body.value("chunk_size"_L1).toInteger();
    qint64 offset = 0;
    while (offset < bytes.size()) {
        const HttpResult r =
            node.call("PATCH", u"/api/v1/uploads/"_s + id, node.tokenOf(login), bytes.mid(offset, chunk),
                      "application/offset+octet-stream", {{"Upload-Offset", QByteArray::number(offset)}});
        if (r.status != 204)
            return false;
        offset = r.header("Upload-Offset").toLongLong();
    }
    return true;
}

bool TestServerPortal::decideAll(Node &node, const QString &itemId, bool publishOnBureauSite,
                                 const QString &returnReason)
{
    // Whoever may decide the stage: the route engine refuses the others (403), who are passed over.
    const QStringList deciders{u"zhou.min"_s,  u"xie.bo"_s,     u"lin.fang"_s,  u"ma.lingyun"_s,
                               u"jiang.wei"_s, u"tang.haibo"_s, u"li.jianhua"_s};
    for (int stage = 0; stage < 10; ++stage) {
        // Its author sees it whole.
        const std::optional<Item> item = node.item(&node == &m_bureau ? m_author : m_account, itemId);
        if (!item) {
            qWarning("the item %s is not there", qPrintable(itemId));
            return false;
        }
        if (item->state != WorkflowState::InReview)
            return true;
        bool decided = false;
        for (const QString &who : deciders) {
            QJsonObject body{{"action"_L1, returnReason.isEmpty() ? u"approve"_s : u"return"_s},
                             {"item_id"_L1, itemId},
                             {"base_revision"_L1, item->latestNumber()},
                             {"stage_id"_L1, item->stageId}};
            if (returnReason.isEmpty()) {
                body.insert("confidentiality_attested"_L1, true);
                body.insert("publish_on_bureau_site"_L1, publishOnBureauSite);
            } else {
                body.insert("reason"_L1, returnReason);
            }
            const HttpResult r = node.act(who, body);
            if (r.status == 200) {
                decided = true;
                break;
            }
            if (r.status != 403 && r.status != 404) {
                qWarning("%s could not decide: %d %s", qPrintable(who), r.status, r.raw.constData());
                return false;
            }
        }
        if (!decided) {
            qWarning("nobody could decide stage %s", qPrintable(item->stageId));
            return false;
        }
    }
    return false;
}

QString TestServerPortal::sendThroughRoute(const QString &title, const QByteArray &attachment,
                                           bool publishOnBureauSite)
{
    RevisionContent c;
    c.title = title;
    c.bodyHtml = u"<p>为进一步做好国土空间规划工作，现将有关事项报送如下。</p>"_s;
    c.columnId = u"bureau_news"_s;
    c.infoDate = chinaToday().addDays(-1);
    c.toMunicipalPortal = true;
    if (!attachment.isEmpty()) {
        if (!upload(m_bureau, m_author, attachment)) {
            qWarning("the attachment was not uploaded to the bureau");
            return {};
        }
        Attachment a;
        a.id = uuid();
        a.fileName = u"附件.bin"_s;
        a.mimeType = u"application/octet-stream"_s;
        a.size = attachment.size();
        a.sha256 = QCryptographicHash::hash(attachment, QCryptographicHash::Sha256);
        c.attachments.append(a);
    }
    const QString id = uuid();
    HttpResult r = m_bureau.act(m_author, {{"action"_L1, u"create"_s},
                                           {"item_id"_L1, id},
                                           {"kind"_L1, u"news"_s},
                                           {"unit_id"_L1, u"office"_s},
                                           {"content"_L1, json::toJson(c)}});
    if (r.status != 200) {
        qWarning("create: %d %s", r.status, r.raw.constData());
        return {};
    }
    Item created;
    QString error;
    json::fromJson(r.body.value("item"_L1).toObject(), &created, &error);
    r = m_bureau.act(
        m_author,
        {{"action"_L1, u"submit"_s}, {"item_id"_L1, id}, {"base_revision"_L1, created.latestNumber()}});
    if (r.status != 200) {
        qWarning("submit: %d %s", r.status, r.raw.constData());
        return {};
    }
    if (!decideAll(m_bureau, id, publishOnBureauSite))
        return {};
    return id;
}

QList<Item> TestServerPortal::upstreamItemsTitled(const QString &title)
{
    QList<Item> out;
    const QHash<QString, Item> items = m_upstream.feed(m_account); // the bureau's account on the platform
    for (const Item &item : items) {
        if (item.latest() && item.latest()->content.title == title)
            out.append(item);
    }
    return out;
}

void TestServerPortal::travelsAndAppearsUpstream()
{
    const QString title = u"市级平台报送：春季国土绿化行动"_s;
    const QByteArray attachment(100 * 1024, 'a');
    const QString id = sendThroughRoute(title, attachment, true);
    QVERIFY(!id.isEmpty());
    const std::optional<Item> approved = m_bureau.item(m_author, id);
    QVERIFY(approved);
    QCOMPARE(approved->state, WorkflowState::Published);
    // The bureau's item goes out and says so; the platform has it, submitted, with its attachment.
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, id)->municipal.status == MunicipalStatus::Sent, kWaitMs);
    const Item sent = *m_bureau.item(m_author, id);
    QVERIFY(!sent.municipal.upstreamItemId.isEmpty());
    const std::optional<Item> there = m_upstream.item(m_account, sent.municipal.upstreamItemId);
    QVERIFY(there);
    QCOMPARE(there->state, WorkflowState::InReview);
    QCOMPARE(there->latest()->content.title, title);
    QCOMPARE(there->latest()->content.attachments.size(), 1);
    QCOMPARE(there->latest()->content.attachments.first().sha256,
             QCryptographicHash::hash(attachment, QCryptographicHash::Sha256));
    QVERIFY(!there->latest()->content.toMunicipalPortal);
    QCOMPARE(upstreamItemsTitled(title).size(), 1);
    // The platform's copy of the attachment is the bureau's bytes.
    const HttpResult blob = m_upstream.call(
        "GET",
        u"/api/v1/blobs/%1?item=%2"_s.arg(
            QString::fromLatin1(there->latest()->content.attachments.first().sha256.toHex()), there->id),
        m_upstream.tokenOf(m_account));
    QCOMPARE(blob.status, 200);
    QCOMPARE(blob.raw, attachment);
    // The outbox: nothing waiting to be sent; the item waits for the platform's decision.
    const HttpResult health = m_bureau.call("GET", u"/api/v1/health"_s, {});
    QCOMPARE(health.body.value("portal_queue"_L1).toObject().value("queued"_L1).toInt(), 0);
    QVERIFY(health.body.value("portal_queue"_L1).toObject().value("waiting"_L1).toInt() >= 1);
}

void TestServerPortal::upstreamKilledMidTransferEndsWithOneCopy()
{
    const QString title = u"市级平台报送：中断后续传"_s;
    // 24 MB in 64 KiB chunks: hundreds of requests, so the kill lands inside the transfer.
    QByteArray attachment(24 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(20261207);
    random.fillRange(reinterpret_cast<quint32 *>(attachment.data()), attachment.size() / 4);
    const QString uploads = m_upstream.folder.dir + u"/blobs/uploads"_s;
    const auto partialSize = [&] {
        qint64 size = 0;
        for (const QFileInfo &f : QDir(uploads).entryInfoList(QDir::Files))
            size = std::max(size, f.size());
        return size;
    };
    const QString id = sendThroughRoute(title, attachment, true);
    QVERIFY(!id.isEmpty());
    // Some of the file is on the platform, not all of it: SIGKILL.
    QTRY_VERIFY_WITH_TIMEOUT(partialSize() > 0, kWaitMs);
    ::kill(pid_t(m_upstream.process.processId()), SIGKILL);
    QVERIFY(m_upstream.process.waitForFinished(20000));
    const qint64 atKill = partialSize();
    QVERIFY(atKill > 0);
    QVERIFY(atKill < attachment.size());
    QCOMPARE(m_bureau.item(m_author, id)->municipal.status, MunicipalStatus::Queued);
    // Meanwhile the outbox says it fails (and is retried by itself); the API stays up.
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.call("GET", u"/api/v1/health"_s, {})
                                     .body.value("portal_queue"_L1)
                                     .toObject()
                                     .value("failing"_L1)
                                     .toInt() >= 1,
                             kWaitMs);
    QVERIFY(m_bureau.folder.run({u"portal-queue"_s}));
    // The platform comes back on the same port; the bureau's outbox carries on by itself.
    QVERIFY(startUpstream());
    m_upstream.tokens.clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, id)->municipal.status == MunicipalStatus::Sent, kWaitMs);
    const QList<Item> copies = upstreamItemsTitled(title);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.first().id, m_bureau.item(m_author, id)->municipal.upstreamItemId);
    QCOMPARE(copies.first().state, WorkflowState::InReview);
    QCOMPARE(copies.first().cycle, 1); // submitted once
    const HttpResult blob = m_upstream.call(
        "GET",
        u"/api/v1/blobs/%1?item=%2"_s.arg(
            QString::fromLatin1(copies.first().latest()->content.attachments.first().sha256.toHex()),
            copies.first().id),
        m_upstream.tokenOf(m_account));
    QCOMPARE(blob.status, 200);
    QVERIFY(blob.raw == attachment);
    // The resumed upload left nothing behind on the platform.
    QCOMPARE(partialSize(), 0);
    // The bureau's own record: one `municipal.sent` in the item's history.
    const HttpResult history =
        m_bureau.call("GET", u"/api/v1/items/%1/history"_s.arg(id), m_bureau.tokenOf(m_author));
    int sentEvents = 0;
    for (const QJsonValue &e : history.body.value("events"_L1).toArray())
        sentEvents += e.toObject().value("type"_L1).toString() == "municipal.sent"_L1;
    QCOMPARE(sentEvents, 1);
}

void TestServerPortal::bureauKilledMidTransferResumes()
{
    const QString title = u"市级平台报送：本局服务器中断后续传"_s;
    QByteArray attachment(24 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(20261208);
    random.fillRange(reinterpret_cast<quint32 *>(attachment.data()), attachment.size() / 4);
    const QString uploads = m_upstream.folder.dir + u"/blobs/uploads"_s;
    const auto partialSize = [&] {
        qint64 size = 0;
        for (const QFileInfo &f : QDir(uploads).entryInfoList(QDir::Files))
            size = std::max(size, f.size());
        return size;
    };
    const auto uploadsStarted = [&] {
        QFile log(m_upstream.folder.dir + u"/serve.log"_s);
        return log.open(QIODevice::ReadOnly) ? int(log.readAll().count("POST /api/v1/uploads ")) : -1;
    };
    const QString id = sendThroughRoute(title, attachment, true);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(partialSize() > 0, kWaitMs);
    const int startedBefore = uploadsStarted();
    QVERIFY(startedBefore > 0); // this one's among them
    // The bureau's server dies mid-transfer; the upload's id was kept in its outbox.
    ::kill(pid_t(m_bureau.process.processId()), SIGKILL);
    QVERIFY(m_bureau.process.waitForFinished(20000));
    const qint64 atKill = partialSize();
    QVERIFY(atKill > 0);
    QVERIFY(atKill < attachment.size());
    m_bureau.port = startServer(m_bureau.folder, m_bureau.process);
    QVERIFY(m_bureau.port != 0);
    m_bureau.network.clearConnectionCache();
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, id)->municipal.status == MunicipalStatus::Sent, kWaitMs);
    // Resumed where the platform was: no new upload started, nothing left half-done, one copy.
    QCOMPARE(uploadsStarted(), startedBefore);
    QCOMPARE(partialSize(), 0);
    const QList<Item> copies = upstreamItemsTitled(title);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.first().cycle, 1);
    const HttpResult blob = m_upstream.call(
        "GET",
        u"/api/v1/blobs/%1?item=%2"_s.arg(
            QString::fromLatin1(copies.first().latest()->content.attachments.first().sha256.toHex()),
            copies.first().id),
        m_upstream.tokenOf(m_account));
    QCOMPARE(blob.status, 200);
    QVERIFY(blob.raw == attachment);
}

void TestServerPortal::upstreamReturnReachesTheAuthor()
{
    const QString title = u"市级平台报送：需退回修改的信息"_s;
    const QString id = sendThroughRoute(title, {}, true);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, id)->municipal.status == MunicipalStatus::Sent, kWaitMs);
    const QString upstreamId = m_bureau.item(m_author, id)->municipal.upstreamItemId;
    // The platform's own reviewer returns it (退回) with a reason.
    const QString reason = u"请补充活动的具体时间和地点。"_s;
    QVERIFY(decideAll(m_upstream, upstreamId, true, reason));
    QCOMPARE(m_upstream.item(m_account, upstreamId)->state, WorkflowState::Returned);
    // It comes back to the bureau's item, and to its author through the change feed.
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.feed(m_author).value(id).municipal.status == MunicipalStatus::Returned,
                             kWaitMs);
    const Item back = m_bureau.feed(m_author).value(id);
    QCOMPARE(back.municipal.reason, reason);
    QVERIFY(back.municipal.at.isValid());
    QCOMPARE(back.state, WorkflowState::Published); // the bureau's own page stays as decided
    const HttpResult history =
        m_bureau.call("GET", u"/api/v1/items/%1/history"_s.arg(id), m_bureau.tokenOf(m_author));
    bool recorded = false;
    for (const QJsonValue &e : history.body.value("events"_L1).toArray()) {
        const QJsonObject o = e.toObject();
        if (o.value("type"_L1).toString() == "municipal.returned"_L1)
            recorded = o.value("details"_L1).toObject().value("reason"_L1).toString() == reason;
    }
    QVERIFY(recorded);
    // Decided: it leaves the outbox.
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.call("GET", u"/api/v1/health"_s, {})
                                     .body.value("portal_queue"_L1)
                                     .toObject()
                                     .value("failing"_L1)
                                     .toInt() == 0,
                             kWaitMs);
}

void TestServerPortal::upstreamAdoptionComesBack()
{
    const QString title = u"市级平台报送：采用的信息"_s;
    const QString id = sendThroughRoute(title, {}, true);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, id)->municipal.status == MunicipalStatus::Sent, kWaitMs);
    const QString upstreamId = m_bureau.item(m_author, id)->municipal.upstreamItemId;
    // The platform's route approves and publishes it (采用).
    QVERIFY(decideAll(m_upstream, upstreamId, true));
    QCOMPARE(m_upstream.item(m_account, upstreamId)->state, WorkflowState::Published);
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.feed(m_author).value(id).municipal.status == MunicipalStatus::Adopted,
                             kWaitMs);
    QVERIFY(m_bureau.item(m_author, id)->municipal.reason.isEmpty());
}

// The platform refuses an item for good (here: an attachment over its size limit, 413). The bureau
// records it as refused with the platform's words, the author learns it through the change feed, the
// history keeps it, and it is not sent again: the outbox has no failing job, the platform no item.
void TestServerPortal::upstreamRefusalIsFinal()
{
    const QString title = u"市级平台报送：附件超过平台的上限"_s;
    const QByteArray attachment(24 * 1024 * 1024 + 4096, 'r');
    const QString id = sendThroughRoute(title, attachment, true);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.feed(m_author).value(id).municipal.status == MunicipalStatus::Refused,
                             kWaitMs);
    const Item back = m_bureau.feed(m_author).value(id);
    QVERIFY2(back.municipal.reason.contains(u"25165824"_s), qPrintable(back.municipal.reason));
    QVERIFY(back.municipal.at.isValid());
    QCOMPARE(back.state, WorkflowState::Published); // the bureau's own page stays as decided
    const HttpResult history =
        m_bureau.call("GET", u"/api/v1/items/%1/history"_s.arg(id), m_bureau.tokenOf(m_author));
    int refusals = 0;
    for (const QJsonValue &e : history.body.value("events"_L1).toArray()) {
        const QJsonObject o = e.toObject();
        if (o.value("type"_L1).toString() == "municipal.refused"_L1) {
            ++refusals;
            QCOMPARE(o.value("details"_L1).toObject().value("status"_L1).toInt(), 413);
        }
    }
    QCOMPARE(refusals, 1);
    const auto failing = [&] {
        return m_bureau.call("GET", u"/api/v1/health"_s, {})
            .body.value("portal_queue"_L1)
            .toObject()
            .value("failing"_L1)
            .toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(failing(), 0, kWaitMs);
    QTest::qWait(3000); // a retry would come after 1 s, then 2 s
    QCOMPARE(failing(), 0);
    QCOMPARE(m_bureau.feed(m_author).value(id).municipal.status, MunicipalStatus::Refused);
    QVERIFY(upstreamItemsTitled(title).isEmpty());
}

void TestServerPortal::bureauSiteChoiceObeyed()
{
    const QString siteItems = m_bureau.folder.dir + u"/site/"_s;
    // Not on the bureau site: the state says so, and no page is written for it.
    const QString offId = sendThroughRoute(u"市级平台报送：只报市级平台"_s, {}, false);
    QVERIFY(!offId.isEmpty());
    const std::optional<Item> off = m_bureau.item(m_author, offId);
    QCOMPARE(off->state, WorkflowState::SentToMunicipal);
    QVERIFY(!off->municipal.bureauSite);
    // Also on the bureau site: published and its page written.
    const QString onId = sendThroughRoute(u"市级平台报送：同时在本局网站发布"_s, {}, true);
    QVERIFY(!onId.isEmpty());
    QCOMPARE(m_bureau.item(m_author, onId)->state, WorkflowState::Published);
    QVERIFY(m_bureau.item(m_author, onId)->municipal.bureauSite);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(siteItems + server::SiteRenderer::itemPath(onId)), kWaitMs);
    // Both go to the platform.
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, offId)->municipal.status == MunicipalStatus::Sent,
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.item(m_author, onId)->municipal.status == MunicipalStatus::Sent,
                             kWaitMs);
    // The site's render queue is empty (the later item's page is written), and the other has none.
    QTRY_VERIFY_WITH_TIMEOUT(m_bureau.call("GET", u"/api/v1/health"_s, {})
                                     .body.value("render_queue"_L1)
                                     .toObject()
                                     .value("queued"_L1)
                                     .toInt() == 0,
                             kWaitMs);
    QVERIFY(!QFile::exists(siteItems + server::SiteRenderer::itemPath(offId)));
    // The choice is recorded with the approval.
    const HttpResult history =
        m_bureau.call("GET", u"/api/v1/items/%1/history"_s.arg(offId), m_bureau.tokenOf(m_author));
    bool recorded = false;
    for (const QJsonValue &e : history.body.value("events"_L1).toArray()) {
        const QJsonObject details = e.toObject().value("details"_L1).toObject();
        if (details.contains("publish_on_bureau_site"_L1))
            recorded = !details.value("publish_on_bureau_site"_L1).toBool();
    }
    QVERIFY(recorded);
}

QTEST_MAIN(TestServerPortal)
#include "tst_server_portal.moc"
