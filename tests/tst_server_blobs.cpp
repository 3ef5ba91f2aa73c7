// Attachments against the real server over loopback HTTPS, on SQLite and on PostgreSQL (docs/api.md
// "Attachments", docs/design.md §7, §9.6): chunked uploads verified end to end, wrong offsets, corrupted
// chunks, resuming with a new client and after the server process went away, a whole-file hash
// mismatch, dedup, expiry, uploads of another person, downloads through an item one may see (Range,
// ETag), and user file names that never become paths.

#include "SampleContent.h"
#include "ServerBlobStore.h"
#include "ServerHarness.h"

#include "Limits.h"

#include "DomainJson.h"
#include "ServerConfig.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kChunk = 256 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QList<quint32> words((size + 3) / 4);
    QRandomGenerator(seed).fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), size);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray checksumHeader(const QByteArray &chunk)
{
    return "sha256 " + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Every regular file under `folder` (relative paths).
QStringList filesUnder(const QString &folder)
{
    QStringList out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(folder).relativeFilePath(it.next()));
    out.sort();
    return out;
}

// Every file and folder under `folder` (relative paths).
QStringList entriesUnder(const QString &folder)
{
    QStringList out;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(folder).relativeFilePath(it.next()));
    return out;
}

} // namespace

class TestServerBlobs : public QObject
{
    Q_OBJECT

private slots:
    // Every case runs on SQLite and on PostgreSQL (QFETCH_GLOBAL(QString, backend)).
    void initTestCase_data() { backends(); }
    void initTestCase();

    void chunkedUploadCompletes();
    void wholeFileInOneRequest();
    void storeWholeAnySizeAndFileSystem();
    void wrongOffsetAnswered409();
    void corruptedChunkDiscarded();
    void resumeWithNewClient();
    void resumeAfterServerKilled();
    void wholeHashMismatchResets();
    void dedup();
    void limitsAndQuota();
    void expiryFreesSpace();
    void uploadsBelongToTheirCreator();
    void downloadThroughVisibleItem();
    void attachmentsNamedOnlyBySenderOrSeer();
    void userNamesStayMetadata();
    void configuration();

private:
    void backends()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : serverBackends())
            QTest::newRow(qPrintable(b)) << b;
    }
    std::unique_ptr<ServerHarness> start(const QString &backend, server::BlobConfig blobs = {});
    HttpResult create(ServerHarness &h, const QByteArray &token, const QByteArray &data,
                      const QString &name = u"报告.pdf"_s);
    HttpResult patch(ServerHarness &h, const QByteArray &token, const QString &id, qint64 offset,
                     const QByteArray &chunk, const QByteArray &checksum = {});
    // Sends `data` from `from` in chunks until the upload completes; the last answer. *sent counts
    // the body bytes sent.
    HttpResult sendFrom(ServerHarness &h, const QByteArray &token, const QString &id, const QByteArray &data,
                        qint64 from, qint64 *sent = nullptr);

    Organization m_org;
    QString m_person;      // a correspondent
    QString m_otherPerson; // a correspondent of another unit
};

void TestServerBlobs::initTestCase()
{
    m_org = Organization::demo();
    std::tie(m_person, m_otherPerson) = correspondentsOfTwoUnits(m_org);
    QVERIFY(!m_person.isEmpty());
    QVERIFY(!m_otherPerson.isEmpty());
    // The PostgreSQL halves use a database of their own (other test programs empty the shared one).
    QString error;
    QVERIFY2(usePostgresDatabaseOfOwn(u"baosong_blobs_test"_s, &error), qPrintable(error));
}

std::unique_ptr<ServerHarness> TestServerBlobs::start(const QString &backend, server::BlobConfig blobs)
{
    if (blobs.chunkSize == server::BlobConfig().chunkSize)
        blobs.chunkSize = kChunk;
    auto h = std::make_unique<ServerHarness>(backend, ServerHarness::fastPolicy(), blobs);
    if (!h->ok()) {
        qWarning("server did not start: %s", qPrintable(h->error()));
        return nullptr;
    }
    QString error;
    if (!h->importOrganization(m_org, &error)) {
        qWarning("import failed: %s", qPrintable(error));
        return nullptr;
    }
    return h;
}

HttpResult TestServerBlobs::create(ServerHarness &h, const QByteArray &token, const QByteArray &data,
                                   const QString &name)
{
    return h.post(u"/api/v1/uploads"_s, token,
                  {{"sha256"_L1, QString::fromLatin1(sha256Hex(data))},
                   {"size"_L1, double(data.size())},
                   {"name"_L1, name}});
}

HttpResult TestServerBlobs::patch(ServerHarness &h, const QByteArray &token, const QString &id, qint64 offset,
                                  const QByteArray &chunk, const QByteArray &checksum)
{
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Content-Type", "application/offset+octet-stream"},
        {"Upload-Offset", QByteArray::number(offset)},
        {"Upload-Checksum", checksum.isEmpty() ? checksumHeader(chunk) : checksum}};
    return h.raw("PATCH", u"/api/v1/uploads/"_s + id, token, chunk, headers);
}

HttpResult TestServerBlobs::sendFrom(ServerHarness &h, const QByteArray &token, const QString &id,
                                     const QByteArray &data, qint64 from, qint64 *sent)
{
    HttpResult r;
    qint64 offset = from;
    while (offset < data.size()) {
        const QByteArray chunk = data.mid(offset, kChunk);
        r = patch(h, token, id, offset, chunk);
        if (sent)
            *sent += chunk.size();
        if (r.status != 204)
            return r;
        offset = r.header("Upload-Offset").toLongLong();
    }
    return r;
}

void TestServerBlobs::chunkedUploadCompletes()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(3 * kChunk + 1000, 1);
    const HttpResult created = create(*h, token, data);
    QCOMPARE(created.status, 201);
    const QString id = created.body.value("upload_id"_L1).toString();
    QCOMPARE(id.size(), 32);
    QCOMPARE(created.body.value("offset"_L1).toInteger(), 0);
    QCOMPARE(created.body.value("size"_L1).toInteger(), data.size());
    QCOMPARE(created.body.value("chunk_size"_L1).toInteger(), kChunk);
    QVERIFY(
        QDateTime::fromString(created.body.value("expires_at"_L1).toString(), Qt::ISODateWithMs).isValid());

    // Chunk by chunk; the offset grows, and only the last answer says complete.
    qint64 offset = 0;
    int chunks = 0;
    while (offset < data.size()) {
        const QByteArray chunk = data.mid(offset, kChunk);
        const HttpResult r = patch(*h, token, id, offset, chunk);
        QCOMPARE(r.status, 204);
        offset += chunk.size();
        QCOMPARE(r.header("Upload-Offset").toLongLong(), offset);
        QCOMPARE(r.header("Upload-Complete") == "1", offset == data.size());
        if (offset < data.size()) {
            const HttpResult status = h->get(u"/api/v1/uploads/"_s + id, token);
            QCOMPARE(status.status, 200);
            QCOMPARE(status.body.value("offset"_L1).toInteger(), offset);
        }
        ++chunks;
    }
    QCOMPARE(chunks, 4);

    // The blob is stored under its hash, with exactly the bytes sent; the upload is gone.
    const QByteArray hex = sha256Hex(data);
    QFile blob(h->blobs().folder + u"/%1/%2/%3"_s.arg(QString::fromLatin1(hex.left(2)),
                                                      QString::fromLatin1(hex.mid(2, 2)),
                                                      QString::fromLatin1(hex)));
    QVERIFY(blob.open(QIODevice::ReadOnly));
    QCOMPARE(sha256Hex(blob.readAll()), hex);
    QCOMPARE(filesUnder(h->blobs().folder + u"/uploads"_s), QStringList());
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, token).status, 404);
    QVERIFY(!h->store().upload(id));
}

// A file of at most one chunk in one request (issue #16): stored under its hash only when the bytes
// have the SHA-256 announced, owned by its sender; larger ones, bad hashes and bad names are refused.
void TestServerBlobs::wholeFileInOneRequest()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QList<QPair<QByteArray, QByteArray>> octets{{"Content-Type", "application/octet-stream"}};
    const auto send = [&](const QByteArray &data, const QByteArray &hex,
                          const QString &name = u"规划图.pdf"_s) {
        return h->raw("POST",
                      u"/api/v1/uploads?sha256="_s + QString::fromLatin1(hex) + u"&name="_s +
                          QString::fromLatin1(QUrl::toPercentEncoding(name)),
                      token, data, octets);
    };
    const QByteArray data = randomBytes(kChunk - 10, 7);
    const QByteArray hex = sha256Hex(data);
    HttpResult r = send(data, hex);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.value("complete"_L1).toBool());
    QCOMPARE(r.body.value("sha256"_L1).toString(), QString::fromLatin1(hex));
    QFile blob(h->blobs().folder + u"/%1/%2/%3"_s.arg(QString::fromLatin1(hex.left(2)),
                                                      QString::fromLatin1(hex.mid(2, 2)),
                                                      QString::fromLatin1(hex)));
    QVERIFY(blob.open(QIODevice::ReadOnly));
    QCOMPARE(blob.readAll(), data);
    QCOMPARE(h->store().ownsBlob(hex, m_person), std::optional<bool>(true));
    QCOMPARE(filesUnder(h->blobs().folder + u"/uploads"_s), QStringList());
    QCOMPARE(h->store().uploadBytesOf(m_person), 0);

    // Bytes that are not what the hash says: nothing stored.
    const QByteArray other = randomBytes(1000, 8);
    r = send(other, sha256Hex(randomBytes(1000, 9)));
    QCOMPARE(r.status, 422);
    QVERIFY(!QFileInfo::exists(h->blobs().folder + u"/"_s + QString::fromLatin1(sha256Hex(other).left(2))));
    // More than one chunk: 413 with the chunk size (the client then starts an upload).
    const QByteArray big = randomBytes(kChunk + 1, 10);
    r = send(big, sha256Hex(big));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.body.value("chunk_size"_L1).toInteger(), kChunk);
    // A malformed hash, a name with a path in it.
    QCOMPARE(send(other, "xyz").status, 400);
    QCOMPARE(send(other, sha256Hex(other), u"../../etc/passwd"_s).status, 422);
    // The same content again by someone else who may not know it: sent and stored as new (no leak).
    const QByteArray otherToken = h->login(m_otherPerson);
    r = h->raw("POST", u"/api/v1/uploads?sha256="_s + QString::fromLatin1(hex), otherToken, data, octets);
    QCOMPARE(r.status, 200);
    QCOMPARE(h->store().ownsBlob(hex, m_otherPerson), std::optional<bool>(true));
}

// BlobStore::storeWhole writes whole 4 KiB blocks around the page cache (O_DIRECT) and the tail
// through it, or all through the cache where O_DIRECT is refused (tmpfs): every size comes back
// byte for byte, in the folder of a disk and in /dev/shm. A file left by a crash part-way is
// removed once older than the given time, and a fresh one is not.
void TestServerBlobs::storeWholeAnySizeAndFileSystem()
{
    QTemporaryDir disk;
    QVERIFY(disk.isValid());
    QStringList roots{disk.filePath(u"blobs"_s)};
    std::optional<QTemporaryDir> shm;
    if (QFileInfo(u"/dev/shm"_s).isWritable()) {
        shm.emplace(u"/dev/shm/baosong-test-XXXXXX"_s);
        if (shm->isValid())
            roots << shm->filePath(u"blobs"_s);
    }
    for (const QString &root : std::as_const(roots)) {
        const server::BlobStore blobs(root);
        quint32 seed = 30;
        for (const qint64 size : {qint64(0), qint64(1), qint64(4095), qint64(4096), qint64(4097),
                                  qint64(3 * 4096), qint64(1024 * 1024 + 17)}) {
            const QByteArray data = randomBytes(size, ++seed);
            const QByteArray hex = sha256Hex(data);
            QString error;
            QVERIFY2(blobs.storeWhole(hex, data, &error), qPrintable(error));
            QCOMPARE(blobs.readBlob(hex, size + 1), std::optional<QByteArray>(data));
        }
        QCOMPARE(filesUnder(root + u"/uploads"_s), QStringList());
        // Content that is not what its name says is not stored, small or large, and leaves nothing.
        for (const qint64 size : {qint64(10), qint64(1024 * 1024)}) {
            const QByteArray data = randomBytes(size, ++seed);
            const QByteArray other = sha256Hex(data + "x");
            QString error;
            bool mismatch = false;
            QVERIFY(!blobs.storeWhole(other, data, &error, &mismatch));
            QVERIFY(mismatch);
            QVERIFY(!error.isEmpty());
            QVERIFY(!blobs.readBlob(other, size + 1));
            QCOMPARE(filesUnder(root + u"/uploads"_s), QStringList());
        }

        // What a crash between the write and the rename leaves.
        const QString old = root + u"/uploads/whole-"_s + server::BlobStore::newUploadId();
        const QString fresh = root + u"/uploads/whole-"_s + server::BlobStore::newUploadId();
        for (const QString &path : {old, fresh}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("partial");
        }
        QFile oldFile(old);
        QVERIFY(oldFile.open(QIODevice::ReadWrite));
        QVERIFY(
            oldFile.setFileTime(QDateTime::currentDateTime().addDays(-2), QFileDevice::FileModificationTime));
        oldFile.close();
        QCOMPARE(blobs.removeStaleWholes(QDateTime::currentDateTime().addDays(-1)), 1);
        QVERIFY(!QFileInfo::exists(old));
        QVERIFY(QFileInfo::exists(fresh));
    }
}

void TestServerBlobs::wrongOffsetAnswered409()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(2 * kChunk + 10, 2);
    const QString id = create(*h, token, data).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(patch(*h, token, id, 0, data.left(kChunk)).status, 204);

    // Ahead of the server and behind it (a repeat of the first chunk): 409 with the server's offset.
    for (const qint64 wrong : {2 * kChunk, qint64(0), kChunk - 1}) {
        const HttpResult r = patch(*h, token, id, wrong, data.mid(wrong, kChunk));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.body.value("offset"_L1).toInteger(), kChunk);
        QCOMPARE(r.header("Upload-Offset").toLongLong(), kChunk);
        QVERIFY(!r.body.value("request_id"_L1).toString().isEmpty());
    }
    // Recovery: continue from the offset the server gave.
    const HttpResult done = sendFrom(*h, token, id, data, kChunk);
    QCOMPARE(done.status, 204);
    QCOMPARE(done.header("Upload-Complete"), "1"_ba);
    QVERIFY(QFile::exists(h->blobs().folder + u"/"_s + QString::fromLatin1(sha256Hex(data).left(2))));
}

void TestServerBlobs::corruptedChunkDiscarded()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(2 * kChunk, 3);
    const QString id = create(*h, token, data).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());

    // The chunk is damaged on the way: its checksum (of what was meant) does not match what arrives.
    QByteArray damaged = data.left(kChunk);
    damaged[1000] = char(damaged[1000] ^ 0x40);
    const HttpResult r = patch(*h, token, id, 0, damaged, checksumHeader(data.left(kChunk)));
    QCOMPARE(r.status, 460);
    QCOMPARE(r.body.value("offset"_L1).toInteger(), 0);
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, token).body.value("offset"_L1).toInteger(), 0);
    QCOMPARE(QFileInfo(h->blobs().folder + u"/uploads/"_s + id).size(), 0);

    // A malformed checksum header is refused too; then the chunk is sent again and the upload ends.
    QCOMPARE(patch(*h, token, id, 0, data.left(kChunk), "md5 AAAA").status, 400);
    const HttpResult done = sendFrom(*h, token, id, data, 0);
    QCOMPARE(done.status, 204);
    QCOMPARE(done.header("Upload-Complete"), "1"_ba);
}

void TestServerBlobs::resumeWithNewClient()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray data = randomBytes(4 * kChunk + 77, 4);
    QString id;
    {
        const QByteArray token = h->login(m_person);
        id = create(*h, token, data).body.value("upload_id"_L1).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(patch(*h, token, id, 0, data.left(kChunk)).status, 204);
        QCOMPARE(patch(*h, token, id, kChunk, data.mid(kChunk, kChunk)).status, 204);
    }
    // The client went away; a new one (a new session) asks where the server is and sends the rest.
    const QByteArray token = h->login(m_person);
    const HttpResult status = h->get(u"/api/v1/uploads/"_s + id, token);
    QCOMPARE(status.status, 200);
    const qint64 offset = status.body.value("offset"_L1).toInteger();
    QCOMPARE(offset, 2 * kChunk);
    QCOMPARE(status.body.value("size"_L1).toInteger(), data.size());
    qint64 sent = 0;
    const HttpResult done = sendFrom(*h, token, id, data, offset, &sent);
    QCOMPARE(done.status, 204);
    QCOMPARE(done.header("Upload-Complete"), "1"_ba);
    // Nothing acknowledged was sent again.
    QCOMPARE(sent, data.size() - 2 * kChunk);
}

void TestServerBlobs::resumeAfterServerKilled()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray data = randomBytes(6 * kChunk + 5, 5);
    QByteArray token = h->login(m_person);
    const QString id = create(*h, token, data).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    qint64 sent = 0;
    for (qint64 offset = 0; offset < 2 * kChunk; offset += kChunk) {
        QCOMPARE(patch(*h, token, id, offset, data.mid(offset, kChunk)).status, 204);
        sent += kChunk;
    }
    QCOMPARE(sent, 2 * kChunk);

    // The server process goes away at one third (its store dropped with it); a new one starts on the
    // same database and folder.
    QVERIFY2(h->restart(), qPrintable(h->error()));
    token = h->login(m_person); // sessions are in the store: the old token would do too
    QVERIFY(!token.isEmpty());
    const HttpResult status = h->get(u"/api/v1/uploads/"_s + id, token);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.body.value("offset"_L1).toInteger(), 2 * kChunk);
    const HttpResult done = sendFrom(*h, token, id, data, 2 * kChunk, &sent);
    QCOMPARE(done.status, 204);
    QCOMPARE(done.header("Upload-Complete"), "1"_ba);
    QCOMPARE(sent, data.size());
    const QByteArray hex = sha256Hex(data);
    QCOMPARE(server::BlobStore(h->blobs().folder).blobSize(hex), data.size());
    QCOMPARE(server::BlobStore::sha256OfFile(server::BlobStore(h->blobs().folder).blobPath(hex)), hex);
}

void TestServerBlobs::wholeHashMismatchResets()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray announced = randomBytes(kChunk + 500, 6);
    QByteArray other = announced;
    other[kChunk + 10] = char(other[kChunk + 10] ^ 1);
    const QString id = create(*h, token, announced).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    // Every chunk is intact on its own (its checksum matches), but the file is not the one announced.
    QCOMPARE(patch(*h, token, id, 0, other.left(kChunk)).status, 204);
    const HttpResult last = patch(*h, token, id, kChunk, other.mid(kChunk));
    QCOMPARE(last.status, 422);
    QCOMPARE(last.body.value("offset"_L1).toInteger(), 0);
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, token).body.value("offset"_L1).toInteger(), 0);
    QVERIFY(!server::BlobStore(h->blobs().folder).hasBlob(sha256Hex(announced)));
    QVERIFY(!server::BlobStore(h->blobs().folder).hasBlob(sha256Hex(other)));
    QCOMPARE(filesUnder(h->blobs().folder), QStringList{u"uploads/"_s + id});

    // Sent again, right this time: complete.
    const HttpResult done = sendFrom(*h, token, id, announced, 0);
    QCOMPARE(done.status, 204);
    QVERIFY(server::BlobStore(h->blobs().folder).hasBlob(sha256Hex(announced)));
}

void TestServerBlobs::dedup()
{
    QFETCH_GLOBAL(QString, backend);
    constexpr qint64 chunk = 2 * 1024 * 1024;
    auto h = start(backend, server::BlobConfig{{}, chunk, qint64(1) << 31, qint64(1) << 32, 3600});
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(12 * 1024 * 1024 + 3, 7);
    const QString id = create(*h, token, data).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    for (qint64 offset = 0; offset < data.size(); offset += chunk)
        QCOMPARE(patch(*h, token, id, offset, data.mid(offset, chunk)).status, 204);

    // The same content again by its sender: complete at once, nothing to send.
    const HttpResult again = create(*h, token, data, u"copy.bin"_s);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body.value("complete"_L1).toBool(), true);
    QCOMPARE(again.body.value("sha256"_L1).toString(), QString::fromLatin1(sha256Hex(data)));
    QVERIFY(!again.body.contains("upload_id"_L1));
    // Someone else, who sees no item naming it, learns nothing: they send the bytes as for a new
    // file (and may then name it).
    const QByteArray other = h->login(m_otherPerson);
    const HttpResult theirs = create(*h, other, data, u"copy.bin"_s);
    QCOMPARE(theirs.status, 201);
    const QString theirId = theirs.body.value("upload_id"_L1).toString();
    for (qint64 offset = 0; offset < data.size(); offset += chunk)
        QCOMPARE(patch(*h, other, theirId, offset, data.mid(offset, chunk)).status, 204);
    QCOMPARE(create(*h, other, data, u"copy.bin"_s).status, 200);
    // Stored once.
    const QByteArray hex = sha256Hex(data);
    QCOMPARE(filesUnder(h->blobs().folder),
             QStringList{u"%1/%2/%3"_s.arg(QString::fromLatin1(hex.left(2)),
                                           QString::fromLatin1(hex.mid(2, 2)), QString::fromLatin1(hex))});
}

void TestServerBlobs::limitsAndQuota()
{
    QFETCH_GLOBAL(QString, backend);
    server::BlobConfig blobs;
    blobs.maxUploadBytes = 3 * kChunk;
    blobs.quotaBytes = 4 * kChunk;
    auto h = start(backend, blobs);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);

    const HttpResult tooLarge = create(*h, token, randomBytes(3 * kChunk + 1, 8));
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.body.value("max_upload_bytes"_L1).toInteger(), 3 * kChunk);

    const HttpResult first = create(*h, token, randomBytes(3 * kChunk, 9));
    QCOMPARE(first.status, 201);
    const HttpResult overQuota = create(*h, token, randomBytes(2 * kChunk, 10));
    QCOMPARE(overQuota.status, 422);
    QCOMPARE(overQuota.body.value("quota_bytes"_L1).toInteger(), 4 * kChunk);
    QCOMPARE(overQuota.body.value("used_bytes"_L1).toInteger(), 3 * kChunk);
    // The quota is per person.
    QCOMPARE(create(*h, h->login(m_otherPerson), randomBytes(2 * kChunk, 10)).status, 201);

    // A chunk larger than the chunk size is refused, and so is one past the announced size.
    const QString id = first.body.value("upload_id"_L1).toString();
    const QByteArray big = randomBytes(kChunk + 1, 11);
    QCOMPARE(patch(*h, token, id, 0, big).status, 413);
    QCOMPARE(h->raw("PATCH", u"/api/v1/uploads/"_s + id, token, big.left(10),
                    {{"Content-Type", "application/json"}, {"Upload-Offset", "0"}})
                 .status,
             415);
    QCOMPARE(h->raw("PATCH", u"/api/v1/uploads/"_s + id, token, big.left(10),
                    {{"Content-Type", "application/offset+octet-stream"}})
                 .status,
             400);

    // Cancelling frees the quota and the space.
    QCOMPARE(h->request("DELETE", u"/api/v1/uploads/"_s + id, token).status, 204);
    QVERIFY(!QFile::exists(h->blobs().folder + u"/uploads/"_s + id));
    QCOMPARE(create(*h, token, randomBytes(2 * kChunk, 10)).status, 201);
    QCOMPARE(h->post(u"/api/v1/uploads"_s, token, {{"sha256"_L1, u"xyz"_s}, {"size"_L1, 1}}).status, 400);
    QCOMPARE(h->post(u"/api/v1/uploads"_s, token,
                     {{"sha256"_L1, QString::fromLatin1(sha256Hex("x"))}, {"size"_L1, 1.5}})
                 .status,
             400);

    // An empty file has nothing to send: it is checked and stored at once.
    const HttpResult empty = create(*h, token, QByteArray());
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.body.value("complete"_L1).toBool(), true);
    QVERIFY(server::BlobStore(h->blobs().folder).hasBlob(sha256Hex(QByteArray())));
    QCOMPARE(h->post(u"/api/v1/uploads"_s, token,
                     {{"sha256"_L1, QString::fromLatin1(sha256Hex("x"))}, {"size"_L1, 0}})
                 .status,
             422);
}

void TestServerBlobs::expiryFreesSpace()
{
    QFETCH_GLOBAL(QString, backend);
    server::BlobConfig blobs;
    blobs.uploadExpirySeconds = 1;
    blobs.quotaBytes = 2 * kChunk;
    auto h = start(backend, blobs);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(2 * kChunk, 12);
    const QString id = create(*h, token, data).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(patch(*h, token, id, 0, data.left(kChunk)).status, 204);
    QCOMPARE(QFileInfo(h->blobs().folder + u"/uploads/"_s + id).size(), kChunk);
    QCOMPARE(create(*h, token, randomBytes(kChunk, 13)).status, 422); // the quota is used up

    QThread::msleep(1200);
    // The next upload request removes it: its file, its row and its share of the quota.
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, token).status, 404);
    QVERIFY(!QFile::exists(h->blobs().folder + u"/uploads/"_s + id));
    QVERIFY(!h->store().upload(id));
    QCOMPARE(h->store().uploadBytesOf(m_person), 0);
    QCOMPARE(patch(*h, token, id, kChunk, data.mid(kChunk)).status, 404);
    QCOMPARE(create(*h, token, data).status, 201);
}

void TestServerBlobs::uploadsBelongToTheirCreator()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(kChunk + 1, 14);
    const QString id = create(*h, token, data).body.value("upload_id"_L1).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(patch(*h, token, id, 0, data.left(kChunk)).status, 204);

    const QByteArray other = h->login(m_otherPerson);
    QVERIFY(!other.isEmpty());
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, other).status, 404);
    QCOMPARE(patch(*h, other, id, kChunk, data.mid(kChunk)).status, 404);
    QCOMPARE(h->request("DELETE", u"/api/v1/uploads/"_s + id, other).status, 404);
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, {}).status, 401);
    // Nothing of it changed.
    QCOMPARE(h->get(u"/api/v1/uploads/"_s + id, token).body.value("offset"_L1).toInteger(), kChunk);
    // Ids that are not the server's are not found either (and never reach the file system).
    QCOMPARE(h->get(u"/api/v1/uploads/..%2F..%2Fserver.sqlite"_s, token).status, 404);
    QCOMPARE(patch(*h, token, id, kChunk, data.mid(kChunk)).status, 204);
}

void TestServerBlobs::downloadThroughVisibleItem()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = m_org.person(m_person);
    QVERIFY(author);
    const QByteArray token = h->login(m_person);
    const QByteArray data = randomBytes(kChunk + 4321, 15);
    const QByteArray hex = sha256Hex(data);
    const QString upload = create(*h, token, data).body.value("upload_id"_L1).toString();
    QCOMPARE(sendFrom(*h, token, upload, data, 0).header("Upload-Complete"), "1"_ba);

    // A draft with the attachment: only its author may see it.
    RevisionContent content = test::submittableContent(ItemKind::Disclosure, author->unitId, u"附件测试"_s);
    content.attachments.append(
        Attachment{uuid(), u"规划图.pdf"_s, u"application/pdf"_s, data.size(), QByteArray::fromHex(hex)});
    const QString itemId = uuid();
    const HttpResult created = h->post(u"/api/v1/actions"_s, token,
                                       {{"action_id"_L1, uuid()},
                                        {"action"_L1, u"create"_s},
                                        {"item_id"_L1, itemId},
                                        {"kind"_L1, toString(ItemKind::Disclosure)},
                                        {"unit_id"_L1, author->unitId},
                                        {"content"_L1, json::toJson(content)}});
    QCOMPARE(created.status, 200);

    const QString path = u"/api/v1/blobs/%1?item=%2"_s.arg(QString::fromLatin1(hex), itemId);
    const HttpResult whole = h->get(path, token);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.raw, data);
    QCOMPARE(whole.header("ETag"), '"' + hex + '"');
    QCOMPARE(whole.header("Accept-Ranges"), "bytes"_ba);
    QCOMPARE(whole.header("Content-Type"), "application/octet-stream"_ba);

    // Ranges.
    const HttpResult part = h->raw("GET", path, token, {}, {{"Range", "bytes=100-1099"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.raw, data.mid(100, 1000));
    QCOMPARE(part.header("Content-Range"), "bytes 100-1099/" + QByteArray::number(data.size()));
    const HttpResult tail = h->raw("GET", path, token, {}, {{"Range", "bytes=-10"}});
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.raw, data.right(10));
    const HttpResult open =
        h->raw("GET", path, token, {}, {{"Range", "bytes=" + QByteArray::number(kChunk) + '-'}});
    QCOMPARE(open.status, 206);
    QCOMPARE(open.raw, data.mid(kChunk));
    for (const QByteArray &bad : {"bytes=" + QByteArray::number(data.size()) + '-', "bytes=5-2"_ba,
                                  "bytes=0-1,5-6"_ba, "items=0-1"_ba}) {
        const HttpResult refused = h->raw("GET", path, token, {}, {{"Range", bad}});
        QCOMPARE(refused.status, 416);
        QCOMPARE(refused.header("Content-Range"), "bytes */" + QByteArray::number(data.size()));
    }
    QCOMPARE(h->raw("GET", path, token, {}, {{"If-None-Match", '"' + hex + '"'}}).status, 304);

    // Someone who may not see the item, a blob the item doesn't have, no item: all 404.
    const QByteArray other = h->login(m_otherPerson);
    Item item = *h->store().item(itemId);
    QVERIFY(!RouteEngine::canSee(*m_org.person(m_otherPerson), item));
    QCOMPARE(h->get(path, other).status, 404);
    const QByteArray stranger = randomBytes(100, 16);
    QCOMPARE(create(*h, token, stranger).status, 201);
    QCOMPARE(
        h->get(u"/api/v1/blobs/%1?item=%2"_s.arg(QString::fromLatin1(sha256Hex(stranger)), itemId), token)
            .status,
        404);
    QCOMPARE(h->get(u"/api/v1/blobs/"_s + QString::fromLatin1(hex), token).status, 404);
    QCOMPARE(h->get(path, {}).status, 401);

    // Submitted, it is seen by the unit's reviewers: they may fetch it.
    const HttpResult submitted = h->post(u"/api/v1/actions"_s, token,
                                         {{"action_id"_L1, uuid()},
                                          {"action"_L1, u"submit"_s},
                                          {"item_id"_L1, itemId},
                                          {"base_revision"_L1, 1}});
    QCOMPARE(submitted.status, 200);
    item = *h->store().item(itemId);
    int reviewers = 0;
    for (const Person &p : m_org.people) {
        if (p.id == m_person || !p.holds(Role::UnitHead, author->unitId))
            continue;
        QVERIFY(RouteEngine::canSee(p, item));
        const HttpResult fetched = h->get(path, h->login(p.id));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.raw, data);
        ++reviewers;
    }
    QVERIFY(reviewers > 0);
}

void TestServerBlobs::attachmentsNamedOnlyBySenderOrSeer()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = m_org.person(m_person);
    const Person *outsider = m_org.person(m_otherPerson);
    QVERIFY(author && outsider);
    const QByteArray token = h->login(m_person);
    const QByteArray other = h->login(m_otherPerson);
    const QByteArray data = randomBytes(kChunk + 99, 21);
    const QByteArray hex = sha256Hex(data);
    QCOMPARE(sendFrom(*h, token, create(*h, token, data).body.value("upload_id"_L1).toString(), data, 0)
                 .header("Upload-Complete"),
             "1"_ba);
    const Attachment attachment{uuid(), u"规划图.pdf"_s, u"application/pdf"_s, data.size(),
                                QByteArray::fromHex(hex)};
    auto createWith = [&](const QByteArray &who, const Person &person, const QList<Attachment> &files,
                          QString *itemId = nullptr) {
        RevisionContent content = test::submittableContent(ItemKind::Disclosure, person.unitId, u"附件"_s);
        content.attachments = files;
        const QString id = uuid();
        if (itemId)
            *itemId = id;
        return h->post(u"/api/v1/actions"_s, who,
                       {{"action_id"_L1, uuid()},
                        {"action"_L1, u"create"_s},
                        {"item_id"_L1, id},
                        {"kind"_L1, toString(ItemKind::Disclosure)},
                        {"unit_id"_L1, person.unitId},
                        {"content"_L1, json::toJson(content)}});
    };
    QString itemId;
    QCOMPARE(createWith(token, *author, {attachment}, &itemId).status, 200);

    // Another unit's correspondent who knows the SHA-256 cannot attach it (and then download it),
    // nor a file the server does not have at all; both refusals are audited.
    HttpResult refused = createWith(other, *outsider, {attachment});
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.body.value("refusal"_L1).toString(), u"unknown_attachment"_s);
    QVERIFY(refused.body.value("detail"_L1).toString().contains(u"规划图.pdf"_s));
    Attachment missing = attachment;
    missing.sha256 = QByteArray::fromHex(sha256Hex("never sent"));
    QCOMPARE(createWith(token, *author, {missing}).status, 422);
    int audited = 0;
    for (const AuditEvent &e : h->store().auditEvents(0, 10000)) {
        if (e.type == "action.refused"_L1 &&
            e.details.value("refusal"_L1).toString() == "unknown_attachment"_L1)
            ++audited;
    }
    QCOMPARE(audited, 2);
    // Nor does asking to upload it tell them the server has it.
    const HttpResult asked = create(*h, other, data);
    QCOMPARE(asked.status, 201);
    QVERIFY(!asked.body.value("complete"_L1).toBool());

    // Its author keeps it in a new revision, without sending it again.
    RevisionContent edited = test::submittableContent(ItemKind::Disclosure, author->unitId, u"附件（改）"_s);
    edited.attachments = {attachment};
    const HttpResult edit = h->post(u"/api/v1/actions"_s, token,
                                    {{"action_id"_L1, uuid()},
                                     {"action"_L1, u"edit"_s},
                                     {"item_id"_L1, itemId},
                                     {"base_revision"_L1, 1},
                                     {"content"_L1, json::toJson(edited)}});
    QCOMPARE(edit.status, 200);
    // Once the item is in review, its unit's head sees it, so may name its file (and learns at once
    // that the server has it).
    QCOMPARE(h->post(u"/api/v1/actions"_s, token,
                     {{"action_id"_L1, uuid()},
                      {"action"_L1, u"submit"_s},
                      {"item_id"_L1, itemId},
                      {"base_revision"_L1, 2}})
                 .status,
             200);
    const Person *head = nullptr;
    for (const Person &p : m_org.people) {
        if (p.holds(Role::UnitHead, author->unitId) && p.id != author->id)
            head = &p;
    }
    QVERIFY(head);
    const HttpResult known = create(*h, h->login(head->id), data);
    QCOMPARE(known.status, 200);
    QCOMPARE(known.body.value("complete"_L1).toBool(), true);
    // The outsider who sends the bytes may name the file.
    QCOMPARE(
        sendFrom(*h, other, asked.body.value("upload_id"_L1).toString(), data, 0).header("Upload-Complete"),
        "1"_ba);
    QCOMPARE(createWith(other, *outsider, {attachment}).status, 200);
}

void TestServerBlobs::userNamesStayMetadata()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_person);
    const QString folder = h->blobs().folder;
    const QString escape = u"../../etc/passwd"_s;
    const QStringList before = entriesUnder(h->folder());
    const QByteArray data = randomBytes(1000, 17);
    // A name with path separators, control or direction characters is refused with its safe form in
    // the message (core/Limits); the safe form is kept, as metadata only.
    const HttpResult refused = create(*h, token, data, escape);
    QCOMPARE(refused.status, 422);
    QVERIFY2(refused.body.value("detail"_L1).toString().contains(limits::safeFileName(escape)),
             refused.raw.constData());
    QCOMPARE(create(*h, token, data, u"invoice\u202Efdp.exe"_s).status, 422);
    QCOMPARE(create(*h, token, data, u"报告\u0000.pdf"_s).status, 422);
    const HttpResult created = create(*h, token, data, limits::safeFileName(escape));
    QCOMPARE(created.status, 201);
    const QString id = created.body.value("upload_id"_L1).toString();
    QCOMPARE(h->store().upload(id)->name, limits::safeFileName(escape));
    QCOMPARE(patch(*h, token, id, 0, data).header("Upload-Complete"), "1"_ba);
    QCOMPARE(create(*h, token, randomBytes(10, 18), u"/tmp/baosong-evil"_s).status, 422);

    // Only content-addressed blobs and server-made upload ids exist in the folder; nothing named
    // after the user's file appeared anywhere in the harness's folder or above the blob folder.
    const QRegularExpression allowed(
        u"^(uploads(/[0-9a-f]{32})?|[0-9a-f]{2}(/[0-9a-f]{2}(/[0-9a-f]{64})?)?)$"_s);
    const QStringList entries = entriesUnder(folder);
    QVERIFY(!entries.isEmpty());
    for (const QString &entry : entries)
        QVERIFY2(allowed.match(entry).hasMatch(), qPrintable(entry));
    QStringList added;
    for (const QString &entry : entriesUnder(h->folder())) {
        if (!before.contains(entry) && !entry.startsWith("blobs"_L1))
            added.append(entry);
    }
    QCOMPARE(added.filter(u"passwd"_s), QStringList());
    QCOMPARE(added.filter(u"evil"_s), QStringList());
    QVERIFY(!QFile::exists(u"/tmp/baosong-evil"_s));
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(escape)));
}

void TestServerBlobs::configuration()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"baosong-server.ini"_s);
    QString error;
    // The written default gives the documented values.
    QVERIFY2(server::ServerConfig::writeDefault(path, &error), qPrintable(error));
    server::ServerConfig config;
    QVERIFY2(server::ServerConfig::load(path, &config, &error), qPrintable(error));
    QCOMPARE(config.blobs.folder, dir.filePath(u"blobs"_s));
    QCOMPARE(config.blobs.chunkSize, qint64(4 * 1024 * 1024));
    QCOMPARE(config.blobs.maxUploadBytes, qint64(2) * 1024 * 1024 * 1024);
    QCOMPARE(config.blobs.quotaBytes, qint64(4) * 1024 * 1024 * 1024);
    QCOMPARE(config.blobs.uploadExpirySeconds, qint64(24 * 3600));

    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("[blobs]\nfolder=/srv/baosong/blobs\nchunk_size=1048576\nmax_upload_bytes=1000\n"
            "quota_bytes=5000\nupload_expiry_hours=2\n");
    f.close();
    QVERIFY2(server::ServerConfig::load(path, &config, &error), qPrintable(error));
    QCOMPARE(config.blobs.folder, u"/srv/baosong/blobs"_s);
    QCOMPARE(config.blobs.chunkSize, qint64(1048576));
    QCOMPARE(config.blobs.maxUploadBytes, qint64(1000));
    QCOMPARE(config.blobs.quotaBytes, qint64(5000));
    QCOMPARE(config.blobs.uploadExpirySeconds, qint64(2 * 3600));

    // [deadline]: the hours of an urgent item (Art. 9), checked. A file each: QSettings keeps what it
    // read of a file changed within the same second.
    const auto configWith = [&](const char *name, const QByteArray &text) {
        const QString other = dir.filePath(QString::fromLatin1(name));
        QFile file(other);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return other;
    };
    QVERIFY2(
        server::ServerConfig::load(
            configWith("a.ini", "[deadline]\nurgent_hours=6\nurgent_due_soon_hours=1\n"), &config, &error),
        qPrintable(error));
    QCOMPARE(config.deadline.urgentHours, 6);
    QCOMPARE(config.deadline.urgentDueSoonHours, 1);
    QVERIFY(!server::ServerConfig::load(
        configWith("b.ini", "[deadline]\nurgent_hours=6\nurgent_due_soon_hours=8\n"), &config, &error));
    error.clear();
    QVERIFY(
        !server::ServerConfig::load(configWith("c.ini", "[deadline]\nurgent_hours=0\n"), &config, &error));
    QVERIFY(error.contains(u"deadline/urgent_hours"_s));
    // #21: 联系我们 and the issuing organs with their codes, per unit where a unit is an organ of its own.
    QVERIFY2(
        server::ServerConfig::load(
            configWith("g.ini",
                       "[site]\ncontact_address=巴中市巴州区江北大道西段88号\ncontact_phone=0827-5261234\n"
                       "office_hours=工作日 9:00—17:30\norgan=巴中市自然资源和规划局\n"
                       "organ_code=11511900MB1520412X\n"
                       "[organs]\nregistration_centre=巴中市不动产登记中心\n"
                       "[organ_codes]\nregistration_centre=12511900MB1599999Y\n"),
            &config, &error),
        qPrintable(error));
    QCOMPARE(config.site.contactAddress, u"巴中市巴州区江北大道西段88号"_s);
    QCOMPARE(config.site.contactPhone, u"0827-5261234"_s);
    QCOMPARE(config.site.officeHours, u"工作日 9:00—17:30"_s);
    QCOMPARE(config.site.organs.name, u"巴中市自然资源和规划局"_s);
    QCOMPARE(config.site.organs.codeFor(u"policy_law"_s, u"BZZG-ZCFG"_s), u"11511900MB1520412X"_s);
    QCOMPARE(config.site.organs.codeFor(u"registration_centre"_s, {}), u"12511900MB1599999Y"_s);
    QCOMPARE(config.site.organs.nameFor(u"registration_centre"_s, {}), u"巴中市不动产登记中心"_s);
    // [scoring]: the statistics' points (core/Statistics), numbers only.
    QVERIFY2(server::ServerConfig::load(configWith("d.ini", "[scoring]\nnews=3\nlate=-2\n"), &config, &error),
             qPrintable(error));
    QCOMPARE(config.scoring.news, 3.0);
    QCOMPARE(config.scoring.late, -2.0);
    QCOMPARE(config.scoring.disclosure, 2.0);
    error.clear();
    QVERIFY(!server::ServerConfig::load(configWith("e.ini", "[scoring]\nbonus=1\n"), &config, &error));
    QVERIFY(error.contains(u"bonus"_s));
    QVERIFY(!server::ServerConfig::load(configWith("f.ini", "[scoring]\nnews=many\n"), &config, &error));
    for (const QByteArray &bad : {"chunk_size=100"_ba, "chunk_size=999999999999"_ba,
                                  "upload_expiry_hours=0"_ba, "quota_bytes=lots"_ba}) {
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[blobs]\n" + bad + '\n');
        f.close();
        error.clear();
        QVERIFY2(!server::ServerConfig::load(path, &config, &error), bad.constData());
        QVERIFY(error.contains(u"blobs/"_s));
    }
}

QTEST_GUILESS_MAIN(TestServerBlobs)
#include "tst_server_blobs.moc"
