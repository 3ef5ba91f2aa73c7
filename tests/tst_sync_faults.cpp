// The offline promises proved (issue #20, items 5 and 6): a signed-in client session (client/ClientSession:
// its sync engine and attachment transfers) against the real server over loopback HTTPS, with faults
// injected between them — by the fault-injecting network access manager (tests/support/
// FaultyNetworkAccessManager.h: the actions, the small upload requests) and by the server harness
// itself (ServerHarness::setFault: a server that answers a chunk otherwise, or takes a request and
// never answers; the chunks go over curl, not through the manager). Each test checks that nothing was
// lost, sent twice or changed: the outbox against what the client was told, the server's store, its
// blobs and its audit log.

#include "ClientTestSupport.h"
#include "Measure.h"
#include "SampleContent.h"

#include "DomainJson.h"
#include "ServerBlobStore.h"
#include "Transfers.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kChunk = 64 * 1024;
const QString kAuthor = u"he.xiaoyu"_s; // a correspondent of the office

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

// A new draft of the author's unit that passes the server's checks, with these attachments.
Item draftWith(const QString &title, const QList<Attachment> &attachments = {})
{
    Item item;
    item.id = test::uuid();
    item.kind = ItemKind::News;
    item.unitId = u"office"_s;
    item.state = WorkflowState::Draft;
    Revision r;
    r.number = 1;
    r.content = test::submittableContent(ItemKind::News, item.unitId, title);
    r.content.attachments = attachments;
    item.revisions = {r};
    return item;
}

Item withAttachments(Item item, const QList<Attachment> &attachments)
{
    item.revisions.last().content.attachments = attachments;
    return item;
}

bool isAction(const QByteArray &method, const QUrl &url)
{
    return method == "POST" && url.path() == "/api/v1/actions"_L1;
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

bool isUploadStart(const QByteArray &method, const QUrl &url)
{
    return method == "POST" && url.path() == "/api/v1/uploads"_L1;
}

bool isChunk(const http::Request &r)
{
    return r.method == "PATCH" && r.path.startsWith("/api/v1/uploads/");
}

qint64 chunkOffset(const http::Request &r)
{
    return r.header("Upload-Offset").toLongLong();
}

// The server's audit events of `type` on the item.
int auditCount(ServerHarness &h, const QString &itemId, const QString &type)
{
    int n = 0;
    for (const AuditEvent &e : h.store().auditEventsFor(itemId))
        n += e.type == type;
    return n;
}

// Stored on the server, with exactly the announced content.
bool serverHasBlob(ServerHarness &h, const QByteArray &sha256)
{
    const server::BlobStore blobs(h.blobs().folder);
    const QByteArray hex = sha256.toHex();
    return blobs.hasBlob(hex) && server::BlobStore::sha256OfFile(blobs.blobPath(hex)) == hex;
}

QStringList serverUploadFiles(ServerHarness &h)
{
    return QDir(h.blobs().folder + u"/uploads"_s).entryList(QDir::Files | QDir::Hidden);
}

// The attachments' hashes of the item as the server has it (its latest revision).
QList<QByteArray> serverAttachments(ServerHarness &h, const QString &itemId)
{
    QList<QByteArray> out;
    if (const std::optional<Item> item = h.store().item(itemId)) {
        for (const Attachment &a : item->revisions.constLast().content.attachments)
            out.append(a.sha256);
    }
    return out;
}

qint64 msUntil(const QDateTime &at)
{
    return QDateTime::currentDateTimeUtc().msecsTo(at);
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void fileRemovedDuringUpload();
    void draftSavedDuringUploadSendsNewText();
    void lostAnswerToLastChunk();
    void hangingServerWhileTakingAnAction();
    void hangingServerWhileTakingAChunk();
    void sessionEndsDuringARun();
    void retryAfterIsWaited();
    void refusedActionKeptWithServerWords_data();
    void refusedActionKeptWithServerWords();
    void fileTooLargeRefusedNotRetried();
    void quotaFullBacksOffOthersGoOn();

private:
    struct Desk
    {
        std::unique_ptr<ServerHarness> h;
        QTemporaryDir profile;
        FaultyFactory faults;
        std::unique_ptr<ClientSession> session;
        FaultyNetworkAccessManager &nam() { return *faults.last; }
        SyncEngine &sync() { return session->sync(); }
        LocalStore &store() { return session->store(); }
        QUrl serverUrl() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(h->port())); }
        // Requests give up after `ms` without a byte moving (the engine's and the transfers').
        void setTimeout(int ms)
        {
            ServerEndpoint e = session->sync().endpoint();
            e.timeoutMs = ms;
            session->sync().setEndpoint(e);
            session->transfers().setEndpoint(e);
        }
        std::optional<Attachment> attach(const QByteArray &bytes, const QString &name)
        {
            QString error;
            std::optional<Attachment> a = session->blobs().importBytes(bytes, name, &error);
            if (!a)
                qWarning() << error;
            return a;
        }
        bool signInAgain()
        {
            QSignalSpy done(session.get(), &ClientSession::signInFinished);
            session->signIn(serverUrl(), kAuthor, ServerHarness::password(kAuthor));
            return done.wait(20000) && done.first().at(0).toBool();
        }
    };
    std::unique_ptr<Desk> desk(server::BlobConfig blobs = {});

    Organization m_org;
};

void TestSyncFaults::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    m_org = Organization::demo();
}

std::unique_ptr<TestSyncFaults::Desk> TestSyncFaults::desk(server::BlobConfig blobs)
{
    auto d = std::make_unique<Desk>();
    if (blobs.chunkSize == server::BlobConfig().chunkSize)
        blobs.chunkSize = kChunk;
    d->h = std::make_unique<ServerHarness>(u"sqlite"_s, ServerHarness::fastPolicy(), blobs);
    // The organization, with a password for the author only (each hash takes argon2id's time).
    QString error;
    server::ServerStore &store = d->h->store();
    bool ok = d->h->ok() && store.saveOrganizationInfo(m_org);
    for (const Unit &u : m_org.units)
        ok = ok && store.saveUnit(u);
    for (const Column &c : m_org.columns)
        ok = ok && store.saveColumn(c);
    for (const Person &p : m_org.people)
        ok = ok && store.savePerson(p);
    ok = ok && d->h->accounts().setPassword(u"test"_s, kAuthor, ServerHarness::password(kAuthor),
                                            QDateTime::currentDateTimeUtc(), &error);
    if (!ok) {
        qWarning() << d->h->error() << store.lastError() << error;
        return nullptr;
    }
    d->session = signedInSession(*d->h, d->profile.path(), kAuthor, &d->faults);
    // These faults are those of the chunked upload (a file in one request is tested in
    // tst_server_transfers::smallFileInOneRequest).
    if (d->session)
        d->session->transfers().setWholeUploadBytes(0);
    if (!d->session || !d->faults.last)
        return nullptr;
    return d;
}

// 5a. An attachment's file is removed from the attachment folder after some of its chunks were sent:
// the user is told so, the draft and its action are kept (nothing sent for it), its other attachment
// and the other items go on; with the file back the next attempt sends it; a draft whose file went the
// same way goes once the file is removed from it.
void TestSyncFaults::fileRemovedDuringUpload()
{
    auto d = desk();
    QVERIFY(d);
    QString error;
    const QByteArray bigBytes = randomBytes(5 * kChunk + 1000, 1);
    const QByteArray smallBytes = randomBytes(3000, 2);
    const std::optional<Attachment> big = d->attach(bigBytes, u"规划图.pdf"_s);
    const std::optional<Attachment> small = d->attach(smallBytes, u"说明.txt"_s);
    QVERIFY(big && small);
    const Item withFiles = draftWith(u"附件被删除的稿件"_s, {*big, *small});
    const Item other = draftWith(u"同时发送的另一稿件"_s);
    const std::optional<QString> createId = d->sync().saveDraft(withFiles, &error);
    QVERIFY2(createId, qPrintable(error));
    QVERIFY(d->sync().saveDraft(other, &error));

    // The big file goes from the folder once two of its chunks are on their way.
    const QString bigPath = d->session->blobs().pathOf(big->sha256);
    QList<qint64> offsets;
    d->session->transfers().setPatchHookForTests([&](QByteArray &body, qint64 &offset) {
        if (body.size() == smallBytes.size())
            return; // the other file's one chunk
        offsets.append(offset);
        if (offset == kChunk)
            QFile::remove(bigPath);
    });
    QStringList actionsSent;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u))
            actionsSent.append(jsonOf(body).value("item_id"_L1).toString());
        return std::nullopt;
    });
    QSignalSpy uploadFailed(d->session.get(), &ClientSession::uploadFailed);
    QVERIFY(runSync(*d->session));

    // Told: the file's name, and that it was removed.
    QCOMPARE(uploadFailed.count(), 1);
    QCOMPARE(uploadFailed.first().at(0).toByteArray(), big->sha256);
    const QString told = uploadFailed.first().at(1).toString();
    QVERIFY2(told.contains(u"规划图.pdf"_s) && told.contains(u"removed from the attachment folder"_s),
             qPrintable(told));
    // Nothing of it sent; kept, waiting, with that message.
    QCOMPARE(actionsSent, QStringList{other.id});
    QVERIFY(!d->h->store().item(withFiles.id));
    const std::optional<OutboxEntry> kept = d->store().outboxEntry(*createId);
    QVERIFY(kept);
    QCOMPARE(kept->state, OutboxEntry::State::Pending);
    QCOMPARE(kept->attempts, 0); // never sent
    QCOMPARE(kept->lastError, told);
    QVERIFY(kept->nextAttemptAt.isValid());
    QCOMPARE(d->store().item(withFiles.id)->revisions.last().content.attachments.size(), 2);
    QCOMPARE(SyncEngine::sendStates(d->store().outbox()).value(withFiles.id), SendState::Failed);
    // The others went on: the other item, and the other file; the stale partial upload is cancelled.
    QVERIFY(d->h->store().item(other.id));
    QCOMPARE(auditCount(*d->h, other.id, u"action.create"_s), 1);
    QVERIFY(serverHasBlob(*d->h, small->sha256));
    QVERIFY(!serverHasBlob(*d->h, big->sha256));
    QTRY_COMPARE(serverUploadFiles(*d->h), QStringList());
    QCOMPARE(offsets, (QList<qint64>{0, kChunk})); // no chunk after the file went

    // The file is back (attached again: the same content): the next attempt sends it and the item.
    QVERIFY(d->attach(bigBytes, u"规划图.pdf"_s));
    offsets.clear();
    d->session->transfers().setPatchHookForTests(
        [&](QByteArray &, qint64 &offset) { offsets.append(offset); });
    d->sync().retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(d->store().outboxCount(), 0, 30000);
    QTRY_VERIFY(!d->sync().isRunning());
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(offsets, (QList<qint64>{0, kChunk, 2 * kChunk, 3 * kChunk, 4 * kChunk, 5 * kChunk}));
    QVERIFY(serverHasBlob(*d->h, big->sha256));
    QCOMPARE(serverAttachments(*d->h, withFiles.id), (QList<QByteArray>{big->sha256, small->sha256}));
    QCOMPARE(auditCount(*d->h, withFiles.id, u"action.create"_s), 1);
    QCOMPARE(actionsSent.count(withFiles.id), 1);

    // Another draft's file removed during its upload, and the author removes it from the draft: the
    // draft (never sent) takes the new text at once and goes without it.
    const QByteArray lostBytes = randomBytes(4 * kChunk, 3);
    const std::optional<Attachment> lost = d->attach(lostBytes, u"照片.jpg"_s);
    QVERIFY(lost);
    const Item second = draftWith(u"附件被删除后去掉附件"_s, {*lost});
    QVERIFY(d->sync().saveDraft(second, &error));
    const QString lostPath = d->session->blobs().pathOf(lost->sha256);
    d->session->transfers().setPatchHookForTests([&](QByteArray &, qint64 &offset) {
        if (offset == kChunk)
            QFile::remove(lostPath);
    });
    QVERIFY(runSync(*d->session));
    QVERIFY(!d->h->store().item(second.id));
    QCOMPARE(d->store().outboxOf(second.id).size(), 1);
    QVERIFY(d->store().outboxOf(second.id).first().nextAttemptAt.isValid());
    QVERIFY(d->sync().saveDraft(withAttachments(second, {}), &error));
    QCOMPARE(d->store().outboxOf(second.id).size(), 1); // the same action, new text
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->store().outboxCount(), 0);
    QVERIFY(d->h->store().item(second.id));
    QCOMPARE(serverAttachments(*d->h, second.id), QList<QByteArray>());
    QCOMPARE(auditCount(*d->h, second.id, u"action.create"_s), 1);
    QVERIFY(!serverHasBlob(*d->h, lost->sha256));
}

// The author saves the draft again while its attachment uploads (its create, never sent, takes the new
// text in place): what goes to the server is the new text, once — not the text the upload began with.
void TestSyncFaults::draftSavedDuringUploadSendsNewText()
{
    auto d = desk();
    QVERIFY(d);
    QString error;
    const std::optional<Attachment> file = d->attach(randomBytes(3 * kChunk, 11), u"图.png"_s);
    QVERIFY(file);
    const Item draft = draftWith(u"上传时的标题"_s, {*file});
    const std::optional<QString> createId = d->sync().saveDraft(draft, &error);
    QVERIFY(createId);
    Item renamed = draft;
    renamed.revisions.last().content.title = u"上传期间改过的标题"_s;
    bool saved = false;
    d->session->transfers().setPatchHookForTests([&](QByteArray &, qint64 &offset) {
        if (offset == kChunk && !saved) {
            QString e;
            saved = d->sync().saveDraft(renamed, &e) == createId; // in place: never sent
        }
    });
    QStringList titlesSent;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u))
            titlesSent.append(jsonOf(body).value("content"_L1).toObject().value("title"_L1).toString());
        return std::nullopt;
    });
    QVERIFY(runSync(*d->session));
    QTRY_VERIFY(!d->sync().isRunning());
    QVERIFY(saved);
    QCOMPARE(titlesSent, QStringList{u"上传期间改过的标题"_s});
    QCOMPARE(d->store().outboxCount(), 0);
    QCOMPARE(d->h->store().item(draft.id)->revisions.last().content.title, u"上传期间改过的标题"_s);
    QCOMPARE(d->store().item(draft.id)->revisions.last().content.title, u"上传期间改过的标题"_s);
    QCOMPARE(auditCount(*d->h, draft.id, u"action.create"_s), 1);
    QCOMPARE(serverAttachments(*d->h, draft.id), QList<QByteArray>{file->sha256});
}

// 5b. The server stores the last chunk (the blob exists) but its answer never reaches the client: the
// run ends Offline with the action kept; the next run finds the upload complete and sends no byte
// again, and the action applies once.
void TestSyncFaults::lostAnswerToLastChunk()
{
    auto d = desk();
    QVERIFY(d);
    d->setTimeout(1500);
    QString error;
    const QByteArray bytes = randomBytes(3 * kChunk + 5000, 4);
    const std::optional<Attachment> file = d->attach(bytes, u"会议纪要.pdf"_s);
    QVERIFY(file);
    const Item draft = draftWith(u"最后一块的回答丢失"_s, {*file});
    const std::optional<QString> createId = d->sync().saveDraft(draft, &error);
    QVERIFY(createId);
    const qint64 size = bytes.size();
    d->h->setFault([size](const http::Request &r) -> std::optional<ServerFault> {
        if (isChunk(r) && chunkOffset(r) + r.body.size() == size)
            return ServerFault::hold(ServerFault::Kind::HoldAfterHandling);
        return std::nullopt;
    });
    qint64 bytesSent = 0;
    d->session->transfers().setPatchHookForTests(
        [&](QByteArray &body, qint64 &) { bytesSent += body.size(); });
    QStringList actionIds;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u))
            actionIds.append(jsonOf(body).value("action_id"_L1).toString());
        return std::nullopt;
    });
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runSync(*d->session, 20000));
    QVERIFY2(timer.elapsed() < 12000, qPrintable(QString::number(timer.elapsed()))); // the 1.5 s timeout
    QCOMPARE(d->h->heldCount(), 1);
    QCOMPARE(d->sync().state(), SyncEngine::State::Offline);
    QCOMPARE(bytesSent, size);
    QVERIFY(serverHasBlob(*d->h, file->sha256)); // stored
    QVERIFY(actionIds.isEmpty());
    QCOMPARE(d->store().outboxCount(), 1);
    QCOMPARE(d->store().outboxEntry(*createId)->state, OutboxEntry::State::Pending);
    QVERIFY(!d->h->store().item(draft.id));

    d->h->releaseHeld();
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(bytesSent, size); // nothing uploaded twice
    QCOMPARE(actionIds, QStringList{*createId});
    QCOMPARE(d->store().outboxCount(), 0);
    QVERIFY(serverHasBlob(*d->h, file->sha256));
    QCOMPARE(serverUploadFiles(*d->h), QStringList());
    QCOMPARE(serverAttachments(*d->h, draft.id), QList<QByteArray>{file->sha256});
    QCOMPARE(auditCount(*d->h, draft.id, u"action.create"_s), 1);
    QCOMPARE(d->store().item(draft.id)->revisions.last().content.attachments.first().sha256, file->sha256);
}

// 5c. POST /api/v1/actions is taken (and applied) by a server that then never answers: the client
// gives up after its timeout, stays Offline with the action kept, and sends it again with the same
// action id: it applies once.
void TestSyncFaults::hangingServerWhileTakingAnAction()
{
    auto d = desk();
    QVERIFY(d);
    d->setTimeout(1500);
    QString error;
    const Item draft = draftWith(u"服务器收下后不回答"_s);
    const std::optional<QString> createId = d->sync().saveDraft(draft, &error);
    QVERIFY(createId);
    d->h->setFault([](const http::Request &r) -> std::optional<ServerFault> {
        if (r.method == "POST" && r.path == "/api/v1/actions")
            return ServerFault::hold(ServerFault::Kind::HoldAfterHandling);
        return std::nullopt;
    });
    QStringList actionIds;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u))
            actionIds.append(jsonOf(body).value("action_id"_L1).toString());
        return std::nullopt;
    });
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runSync(*d->session, 20000));
    QVERIFY2(timer.elapsed() >= 1400 && timer.elapsed() < 12000,
             qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(d->sync().state(), SyncEngine::State::Offline);
    QCOMPARE(d->h->heldCount(), 1);
    QVERIFY(d->h->store().item(draft.id)); // the server applied it
    QCOMPARE(d->store().outboxCount(), 1); // the client never heard: kept
    QCOMPARE(d->store().outboxEntry(*createId)->attempts, 1);
    QVERIFY(d->sync().lastError().message.contains(SyncEngine::tr("The server did not answer in time.")));

    // While the server still hangs, another run times out again and keeps it.
    QVERIFY(runSync(*d->session, 20000));
    QCOMPARE(d->sync().state(), SyncEngine::State::Offline);
    QCOMPARE(d->store().outboxCount(), 1);

    d->h->releaseHeld();
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(d->store().outboxCount(), 0);
    QCOMPARE(actionIds, QStringList(3, *createId)); // always the same action id
    QCOMPARE(auditCount(*d->h, draft.id, u"action.create"_s), 1);
    QCOMPARE(d->h->store().item(draft.id)->revisions.size(), 1);
    QCOMPARE(d->store().item(draft.id)->revisions.last().content.title, u"服务器收下后不回答"_s);
}

// 5c. The server takes the head of a chunk and never answers: the transfer times out, the run ends
// Offline with the action kept; the next run continues the upload at the server's offset (the chunk
// never stored is sent again, the ones before it are not) and the action applies once.
void TestSyncFaults::hangingServerWhileTakingAChunk()
{
    auto d = desk();
    QVERIFY(d);
    d->setTimeout(1500);
    QString error;
    const QByteArray bytes = randomBytes(3 * kChunk, 5);
    const std::optional<Attachment> file = d->attach(bytes, u"现场照片.jpg"_s);
    QVERIFY(file);
    const Item draft = draftWith(u"服务器在接收分块时无响应"_s, {*file});
    const std::optional<QString> createId = d->sync().saveDraft(draft, &error);
    QVERIFY(createId);
    d->h->setFault([](const http::Request &r) -> std::optional<ServerFault> {
        if (isChunk(r) && chunkOffset(r) == kChunk)
            return ServerFault::hold(ServerFault::Kind::HoldBeforeHandling);
        return std::nullopt;
    });
    QList<qint64> offsets;
    d->session->transfers().setPatchHookForTests(
        [&](QByteArray &, qint64 &offset) { offsets.append(offset); });
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runSync(*d->session, 20000));
    QVERIFY2(timer.elapsed() < 12000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(d->sync().state(), SyncEngine::State::Offline);
    QCOMPARE(d->h->heldCount(), 1);
    QCOMPARE(offsets, (QList<qint64>{0, kChunk}));
    QCOMPARE(d->store().outboxCount(), 1);
    QCOMPARE(d->store().outboxEntry(*createId)->attempts, 0);
    QVERIFY(!d->h->store().item(draft.id));

    d->h->releaseHeld();
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(offsets, (QList<qint64>{0, kChunk, kChunk, 2 * kChunk}));
    QCOMPARE(d->store().outboxCount(), 0);
    QVERIFY(serverHasBlob(*d->h, file->sha256));
    QCOMPARE(serverAttachments(*d->h, draft.id), QList<QByteArray>{file->sha256});
    QCOMPARE(auditCount(*d->h, draft.id, u"action.create"_s), 1);
}

// 5d. The session ends on the server in the middle of a run (after GET /me answered), once while an
// action is sent and once while an attachment is uploaded: SignInNeeded, nothing leaves the outbox;
// after signing in again everything goes through once.
void TestSyncFaults::sessionEndsDuringARun()
{
    auto d = desk();
    QVERIFY(d);
    QString error;
    const Item first = draftWith(u"会话中途失效一"_s);
    const Item second = draftWith(u"会话中途失效二"_s);
    QVERIFY(d->sync().saveDraft(first, &error));
    QVERIFY(d->sync().saveDraft(second, &error));
    const QList<OutboxEntry> before = d->store().outbox();
    QCOMPARE(before.size(), 2);

    // An action: the token is revoked just before the first action reaches the server.
    bool revoke = true;
    auto revokeFirst = [&](bool when) {
        if (when && revoke) {
            revoke = false;
            QVERIFY(d->h->accounts().logout(d->sync().endpoint().token, QDateTime::currentDateTimeUtc()));
        }
    };
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        revokeFirst(isAction(m, u));
        return std::nullopt;
    });
    QVERIFY(runSync(*d->session));
    QVERIFY(!revoke);
    QCOMPARE(d->sync().state(), SyncEngine::State::SignInNeeded);
    QCOMPARE(d->sync().lastError().status, 401);
    QList<OutboxEntry> after = d->store().outbox();
    QCOMPARE(after.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(after.at(i).actionId, before.at(i).actionId);
        QCOMPARE(after.at(i).request, before.at(i).request);
        QCOMPARE(after.at(i).state, OutboxEntry::State::Pending);
    }
    QVERIFY(!d->h->store().item(first.id) && !d->h->store().item(second.id));
    QVERIFY(runSync(*d->session)); // waits for the user: nothing is tried
    QCOMPARE(d->sync().state(), SyncEngine::State::SignInNeeded);

    QVERIFY(d->signInAgain());
    QTRY_COMPARE_WITH_TIMEOUT(d->store().outboxCount(), 0, 30000);
    QTRY_VERIFY(!d->sync().isRunning());
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(auditCount(*d->h, first.id, u"action.create"_s), 1);
    QCOMPARE(auditCount(*d->h, second.id, u"action.create"_s), 1);

    // An upload: the token is revoked just before the upload starts.
    const QByteArray bytes = randomBytes(2 * kChunk + 10, 6);
    const std::optional<Attachment> file = d->attach(bytes, u"附件.pdf"_s);
    QVERIFY(file);
    const Item third = draftWith(u"上传时会话失效"_s, {*file});
    const std::optional<QString> createId = d->sync().saveDraft(third, &error);
    QVERIFY(createId);
    revoke = true;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        revokeFirst(isUploadStart(m, u));
        return std::nullopt;
    });
    QVERIFY(runSync(*d->session));
    QVERIFY(!revoke);
    QCOMPARE(d->sync().state(), SyncEngine::State::SignInNeeded);
    QCOMPARE(d->store().outboxCount(), 1);
    QCOMPARE(d->store().outboxEntry(*createId)->state, OutboxEntry::State::Pending);
    // An ended session is not the item's fault: it does not wait out a backoff.
    QVERIFY(!d->store().outboxEntry(*createId)->nextAttemptAt.isValid());
    QCOMPARE(d->sync().lastError().status, 401);
    QVERIFY(!d->h->store().item(third.id));
    QVERIFY(d->signInAgain());
    QTRY_COMPARE_WITH_TIMEOUT(d->store().outboxCount(), 0, 30000);
    QTRY_VERIFY(!d->sync().isRunning());
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QVERIFY(serverHasBlob(*d->h, file->sha256));
    QCOMPARE(serverAttachments(*d->h, third.id), QList<QByteArray>{file->sha256});
    QCOMPARE(auditCount(*d->h, third.id, u"action.create"_s), 1);
}

// 5e. 429 with Retry-After on an action and on an upload's chunk: the item's next attempt is not
// before Retry-After (longer than the engine's backoff here), it is not sent meanwhile, and the
// other items go on.
void TestSyncFaults::retryAfterIsWaited()
{
    auto d = desk();
    QVERIFY(d);
    d->sync().setBackoff(1000, 60000);
    QString error;
    const Item slowed = draftWith(u"被要求稍后再试的稿件"_s);
    const Item other = draftWith(u"照常发送的稿件"_s);
    const std::optional<QString> slowedId = d->sync().saveDraft(slowed, &error);
    QVERIFY(slowedId);
    QVERIFY(d->sync().saveDraft(other, &error));
    int slowedSends = 0;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u) && jsonOf(body).value("item_id"_L1).toString() == slowed.id) {
            ++slowedSends;
            Fault f = Fault::canned(429, {{"title"_L1, u"Too many requests"_s}, {"status"_L1, 429}});
            f.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("120")));
            return f;
        }
        return std::nullopt;
    });
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QVERIFY(d->h->store().item(other.id));
    QVERIFY(!d->h->store().item(slowed.id));
    std::optional<OutboxEntry> e = d->store().outboxEntry(*slowedId);
    QCOMPARE(e->state, OutboxEntry::State::Pending);
    QCOMPARE(e->lastStatus, 429);
    QVERIFY2(msUntil(e->nextAttemptAt) > 115000 && msUntil(e->nextAttemptAt) <= 120000,
             qPrintable(QString::number(msUntil(e->nextAttemptAt))));
    QVERIFY(runSync(*d->session));
    QCOMPARE(slowedSends, 1); // not before its time

    // A chunk answered 429: the upload fails, the item waits at least 90 s, the others go on.
    const QByteArray bytes = randomBytes(2 * kChunk + 77, 7);
    const std::optional<Attachment> file = d->attach(bytes, u"附件.pdf"_s);
    QVERIFY(file);
    const Item withFile = draftWith(u"分块被要求稍后再试"_s, {*file});
    const Item third = draftWith(u"另一份照常发送的稿件"_s);
    const std::optional<QString> withFileId = d->sync().saveDraft(withFile, &error);
    QVERIFY(withFileId);
    QVERIFY(d->sync().saveDraft(third, &error));
    std::atomic<int> chunks429{0};
    d->h->setFault([&chunks429](const http::Request &r) -> std::optional<ServerFault> {
        if (isChunk(r) && chunkOffset(r) == kChunk) {
            ++chunks429;
            return ServerFault::answer(429, {{"title"_L1, u"Too many requests"_s}, {"status"_L1, 429}},
                                       {{"Retry-After", "90"}});
        }
        return std::nullopt;
    });
    QVERIFY(runSync(*d->session));
    QCOMPARE(chunks429.load(), 1);
    QVERIFY(d->h->store().item(third.id));
    QVERIFY(!d->h->store().item(withFile.id));
    e = d->store().outboxEntry(*withFileId);
    QCOMPARE(e->state, OutboxEntry::State::Pending);
    QCOMPARE(e->lastStatus, 429);
    QCOMPARE(e->attempts, 0);
    QVERIFY2(msUntil(e->nextAttemptAt) > 85000 && msUntil(e->nextAttemptAt) <= 90000,
             qPrintable(QString::number(msUntil(e->nextAttemptAt))));
    QVERIFY(runSync(*d->session));
    QCOMPARE(chunks429.load(), 1); // not before its time

    // When the time has come (retryNow stands for it) both go, once.
    d->h->clearFault();
    d->nam().clearRule();
    d->sync().retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(d->store().outboxCount(), 0, 30000);
    QTRY_VERIFY(!d->sync().isRunning());
    QCOMPARE(auditCount(*d->h, slowed.id, u"action.create"_s), 1);
    QCOMPARE(auditCount(*d->h, withFile.id, u"action.create"_s), 1);
    QVERIFY(serverHasBlob(*d->h, file->sha256));
}

// 5f. Another 4xx answer to an action (docs/api.md: 400 malformed, 403 not yours, 404 no such item,
// 413 too large, 422 something missing): refused, kept with the server's words (not sent again)
// until the user drops it; the other items go on. 403 and 422 come from the real server.
void TestSyncFaults::refusedActionKeptWithServerWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("fromServer");
    QTest::newRow("400 malformed") << 400 << false;
    QTest::newRow("403 not yours (real server)") << 403 << true;
    QTest::newRow("404 no such item") << 404 << false;
    QTest::newRow("413 too large") << 413 << false;
    QTest::newRow("422 something missing (real server)") << 422 << true;
}

void TestSyncFaults::refusedActionKeptWithServerWords()
{
    QFETCH(int, status);
    QFETCH(bool, fromServer);
    auto d = desk();
    QVERIFY(d);
    QString error;
    const Item refused = draftWith(u"被拒绝的稿件"_s);
    const Item other = draftWith(u"照常发送的稿件"_s);
    QVERIFY(d->sync().saveDraft(refused, &error));
    QVERIFY(d->sync().saveDraft(other, &error));
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->store().outboxCount(), 0);

    // The step the server refuses: a submit without a column (422 checks_failed), an approval by the
    // author, who holds no reviewer's role (403), or any step whose answer is made here.
    ActionRequest step;
    step.action = Action::Submit;
    const QString detail = u"服务器的原话：%1"_s.arg(status);
    if (status == 422) {
        Item emptied = *d->store().item(refused.id);
        emptied.revisions.last().content.columnId.clear();
        QVERIFY(d->sync().saveDraft(emptied, &error));
    } else if (status == 403) {
        QVERIFY(d->sync().queueAction(refused.id, step, &error));
        step.action = Action::Approve;
    }
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->store().outboxCount(), 0);
    if (status == 403)
        step.stageId = d->store().item(refused.id)->stageId;
    const std::optional<Item> serverBefore = d->h->store().item(refused.id);
    QVERIFY(serverBefore);
    const std::optional<QString> refusedId = d->sync().queueAction(refused.id, step, &error);
    QVERIFY2(refusedId, qPrintable(error));
    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(d->sync().queueAction(other.id, submit, &error));
    int sends = 0;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u) && jsonOf(body).value("item_id"_L1).toString() == refused.id) {
            ++sends;
            if (!fromServer)
                return Fault::canned(
                    status, {{"title"_L1, u"Refused"_s}, {"status"_L1, status}, {"detail"_L1, detail}});
        }
        return std::nullopt;
    });
    QSignalSpy settled(&d->sync(), &SyncEngine::actionSettled);
    QVERIFY(runSync(*d->session));
    QCOMPARE(sends, 1);
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    const std::optional<OutboxEntry> e = d->store().outboxEntry(*refusedId);
    QVERIFY(e);
    QCOMPARE(e->state, OutboxEntry::State::Refused);
    QCOMPARE(e->lastStatus, status);
    QVERIFY(!e->lastError.isEmpty());
    if (!fromServer)
        QCOMPARE(e->lastError, detail); // the server's words
    else
        QVERIFY(e->answer.contains("refusal"_L1)); // the server's problem kept
    QCOMPARE(SyncEngine::sendStates(d->store().outbox()).value(refused.id), SendState::Refused);
    bool told = false;
    for (const QList<QVariant> &s : settled)
        told = told ||
               (s.at(0).toString() == *refusedId && !s.at(2).toBool() && s.at(3).toString() == e->lastError);
    QVERIFY(told);
    // The other item went on; the refused one is as it was on the server, and here.
    QCOMPARE(d->h->store().item(other.id)->state, WorkflowState::InReview);
    QCOMPARE(json::toJson(*d->h->store().item(refused.id)), json::toJson(*serverBefore));
    QCOMPARE(d->store().item(refused.id)->state, serverBefore->state);
    QCOMPARE(d->store().item(refused.id)->revisions.size(), serverBefore->revisions.size());
    // Not sent again, however often sync runs, until the user drops it.
    QVERIFY(runSync(*d->session));
    d->sync().retryNow();
    QTRY_VERIFY(!d->sync().isRunning());
    QCOMPARE(sends, 1);
    QCOMPARE(d->store().outboxEntry(*refusedId)->state, OutboxEntry::State::Refused);
    QVERIFY(d->sync().discard(*refusedId, &error));
    QCOMPARE(d->store().outboxCount(), 0);
    QVERIFY(d->store().item(refused.id)); // the draft stays
}

// 5f. A file larger than the server takes (POST /api/v1/uploads answered 413 by the real server): the
// action is refused with the client's words and the limit, never tried again by itself; the other
// items go on; once the user removes the file the draft goes.
void TestSyncFaults::fileTooLargeRefusedNotRetried()
{
    server::BlobConfig blobs;
    blobs.maxUploadBytes = 3 * kChunk;
    auto d = desk(blobs);
    QVERIFY(d);
    QString error;
    const std::optional<Attachment> huge = d->attach(randomBytes(4 * kChunk, 8), u"大文件.zip"_s);
    QVERIFY(huge);
    const Item draft = draftWith(u"附件过大的稿件"_s, {*huge});
    const Item other = draftWith(u"照常发送的稿件"_s);
    const std::optional<QString> createId = d->sync().saveDraft(draft, &error);
    QVERIFY(createId);
    QVERIFY(d->sync().saveDraft(other, &error));
    int uploadStarts = 0;
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        uploadStarts += isUploadStart(m, u);
        return std::nullopt;
    });
    QVERIFY(runSync(*d->session));
    QCOMPARE(uploadStarts, 1);
    QVERIFY(d->h->store().item(other.id));
    QVERIFY(!d->h->store().item(draft.id));
    std::optional<OutboxEntry> e = d->store().outboxEntry(*createId);
    QCOMPARE(e->state, OutboxEntry::State::Refused);
    QCOMPARE(e->lastStatus, 413);
    QVERIFY2(e->lastError.contains(u"大文件.zip"_s) &&
                 e->lastError.contains(u"larger than the server takes"_s) &&
                 e->lastError.contains(u"0.2 MB"_s),
             qPrintable(e->lastError));
    for (int i = 0; i < 3; ++i) {
        d->sync().retryNow();
        QTRY_VERIFY(!d->sync().isRunning());
    }
    QCOMPARE(uploadStarts, 1); // not retried by itself
    QCOMPARE(d->store().outboxEntry(*createId)->state, OutboxEntry::State::Refused);

    // The author removes the file: the refused create takes the new text and goes.
    QVERIFY(d->sync().saveDraft(withAttachments(draft, {}), &error));
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->store().outboxCount(), 0);
    QCOMPARE(uploadStarts, 1);
    QCOMPARE(serverAttachments(*d->h, draft.id), QList<QByteArray>());
    QCOMPARE(auditCount(*d->h, draft.id, u"action.create"_s), 1);
    QVERIFY(!serverHasBlob(*d->h, huge->sha256));
}

// 6. An upload refused for the person's upload quota (blobs/quota_bytes, 422): reported in the
// client's words, the item backs off (doubling, not a tight loop), the item's other attachment and
// the other items reach the server, nothing is lost; without the file the draft goes.
void TestSyncFaults::quotaFullBacksOffOthersGoOn()
{
    server::BlobConfig blobs;
    blobs.quotaBytes = 2 * kChunk;
    auto d = desk(blobs);
    QVERIFY(d);
    d->sync().setBackoff(4000, 60000);
    QString error;
    const std::optional<Attachment> big = d->attach(randomBytes(3 * kChunk, 9), u"超出配额.pdf"_s);
    const std::optional<Attachment> small = d->attach(randomBytes(kChunk / 2, 10), u"小附件.txt"_s);
    QVERIFY(big && small);
    const Item draft = draftWith(u"配额已满的稿件"_s, {*small, *big});
    const Item other = draftWith(u"照常发送的稿件"_s);
    const std::optional<QString> createId = d->sync().saveDraft(draft, &error);
    QVERIFY(createId);
    QVERIFY(d->sync().saveDraft(other, &error));
    QHash<QString, int> uploadStarts; // by hash
    d->nam().setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isUploadStart(m, u))
            ++uploadStarts[jsonOf(body).value("sha256"_L1).toString()];
        return std::nullopt;
    });
    const QString bigHex = QString::fromLatin1(big->sha256.toHex());
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(uploadStarts.value(bigHex), 1);
    QVERIFY(d->h->store().item(other.id));
    QCOMPARE(auditCount(*d->h, other.id, u"action.create"_s), 1);
    QVERIFY(serverHasBlob(*d->h, small->sha256)); // the item's other file went
    QVERIFY(!d->h->store().item(draft.id));
    std::optional<OutboxEntry> e = d->store().outboxEntry(*createId);
    QCOMPARE(e->state, OutboxEntry::State::Pending);
    QCOMPARE(e->lastStatus, 422);
    QVERIFY2(e->lastError.contains(u"超出配额.pdf"_s) &&
                 e->lastError.contains(u"space for unfinished uploads"_s) && e->lastError.contains(u" MB)"_s),
             qPrintable(e->lastError));
    const qint64 firstDelay = msUntil(e->nextAttemptAt);
    QVERIFY2(firstDelay > 3000 && firstDelay <= 4000, qPrintable(QString::number(firstDelay)));
    // Not again while it waits.
    for (int i = 0; i < 3; ++i)
        QVERIFY(runSync(*d->session));
    QCOMPARE(uploadStarts.value(bigHex), 1);
    // Tried again: refused again, and the wait doubles.
    d->sync().retryNow();
    QTRY_VERIFY(!d->sync().isRunning());
    QCOMPARE(uploadStarts.value(bigHex), 2);
    e = d->store().outboxEntry(*createId);
    const qint64 secondDelay = msUntil(e->nextAttemptAt);
    QVERIFY2(secondDelay > 7000 && secondDelay <= 8000, qPrintable(QString::number(secondDelay)));
    QCOMPARE(d->store().item(draft.id)->revisions.last().content.attachments.size(), 2);

    // The author removes the big file: the draft goes with the other one.
    QVERIFY(d->sync().saveDraft(withAttachments(draft, {*small}), &error));
    QVERIFY(runSync(*d->session));
    QCOMPARE(d->store().outboxCount(), 0);
    QCOMPARE(uploadStarts.value(bigHex), 2);
    QCOMPARE(serverAttachments(*d->h, draft.id), QList<QByteArray>{small->sha256});
    QCOMPARE(auditCount(*d->h, draft.id, u"action.create"_s), 1);
    QCOMPARE(serverUploadFiles(*d->h), QStringList());
}

QTEST_MAIN(TestSyncFaults)
#include "tst_sync_faults.moc"
