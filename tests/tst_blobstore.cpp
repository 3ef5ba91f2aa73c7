// The client's blob store (client/BlobStore, core/Sha256): SHA-256 against known vectors and Qt's,
// content-addressed atomic imports, deduplication, verification, garbage collection by reference and
// safe file names (docs/design.md §7, §8, §9).

#include "BlobStore.h"
#include "Sha256.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

QByteArray qtSha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(random.bounded(256));
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file below `folder`, hidden ones included, relative to it.
QStringList filesUnder(const QString &folder)
{
    QStringList result;
    const QDir dir(folder);
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        result.append(dir.relativeFilePath(it.next()));
    result.sort();
    return result;
}

// A minimal PNG: the signature and an IHDR chunk header, as QMimeDatabase's magic sees it.
QByteArray pngBytes()
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") +
           QByteArray(64, '\0');
}

QByteArray pdfBytes()
{
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

void makeOld(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3), QFileDevice::FileModificationTime));
}

} // namespace

class TestBlobStore : public QObject
{
    Q_OBJECT

private slots:
    void sha256KnownVectors_data();
    void sha256KnownVectors();
    void sha256MatchesQt_data();
    void sha256MatchesQt();
    void sha256OfFileReportsProgress();
    void sha256OfFileCancelAndMissing();
    void importKeepsContentAndMetadata_data();
    void importKeepsContentAndMetadata();
    void importBytes();
    void importFailuresLeaveNothing();
    void largeFileIsStoredOnce();
    void verifyDetectsCorruption();
    void garbageCollectionKeepsReferencedBlobs();
    void garbageCollectionRemovesCrashLeftovers();
    void reimportRenewsGracePeriod();
    void safeFileName_data();
    void safeFileName();
    void nothingIsCreatedOutsideTheRoot();
};

void TestBlobStore::sha256KnownVectors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QByteArray(
                                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("million a") << QByteArray(1000000, 'a')
                               << QByteArray(
                                      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    QTest::newRow("1 MiB a") << QByteArray(1024 * 1024, 'a')
                             << QByteArray(
                                    "9bc1b2a288b26af7257a36277ae3816a7d4f16e89c1e7e77d0a5c48bad62b360");
}

void TestBlobStore::sha256KnownVectors()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, hex);
    QCOMPARE(Sha256::hash(message).toHex(), hex);

    // Fed in uneven pieces, and read midway without disturbing the running message.
    Sha256 sha;
    qsizetype at = 0;
    for (qsizetype piece = 1; at < message.size(); piece = piece * 3 + 1) {
        sha.add(QByteArrayView(message).sliced(at, std::min(piece, message.size() - at)));
        at += piece;
        QCOMPARE(sha.result(), qtSha256(message.left(at)));
    }
    QCOMPARE(sha.result().toHex(), hex);
    QCOMPARE(sha.result().size(), qsizetype(Sha256::kSize));

    sha.reset();
    sha.add(message);
    QCOMPARE(sha.result().toHex(), hex);
}

void TestBlobStore::sha256MatchesQt_data()
{
    QTest::addColumn<int>("size");
    for (int size : {1, 55, 56, 63, 64, 65, 127, 128, 4096, 1024 * 1024 + 3, 5 * 1024 * 1024 + 17})
        QTest::newRow(QByteArray::number(size).constData()) << size;
}

void TestBlobStore::sha256MatchesQt()
{
    QFETCH(int, size);
    const QByteArray data = randomBytes(size, quint32(size));
    QCOMPARE(Sha256::hash(data), qtSha256(data));

    QRandomGenerator random(quint32(size) * 7u);
    Sha256 sha;
    for (qsizetype at = 0; at < data.size();) {
        const qsizetype piece = random.bounded(1, 100000);
        sha.add(QByteArrayView(data).sliced(at, std::min(piece, data.size() - at)));
        at += piece;
    }
    QCOMPARE(sha.result(), qtSha256(data));
}

void TestBlobStore::sha256OfFileReportsProgress()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray data = randomBytes(3 * Sha256::kBlockSize + 12345, 42);
    const QString path = dir.filePath(u"data.bin"_s);
    QVERIFY(writeFile(path, data));

    QList<QPair<qint64, qint64>> calls;
    QString error;
    const QByteArray digest = Sha256::ofFile(path, &error, [&](qint64 done, qint64 total) {
        calls.append({done, total});
        return true;
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(digest, qtSha256(data));
    QCOMPARE(calls.size(), 4);
    for (int i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls[i].second, qint64(data.size()));
        QCOMPARE(calls[i].first, std::min(qint64(i + 1) * Sha256::kBlockSize, qint64(data.size())));
    }
    QCOMPARE(Sha256::ofFile(path, nullptr), qtSha256(data));
}

void TestBlobStore::sha256OfFileCancelAndMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"data.bin"_s);
    QVERIFY(writeFile(path, randomBytes(2 * Sha256::kBlockSize + 1, 7)));

    QString error;
    int calls = 0;
    QVERIFY(Sha256::ofFile(path, &error, [&](qint64, qint64) { return ++calls < 2; }).isEmpty());
    QCOMPARE(calls, 2);
    QVERIFY(error.contains(u"cancelled"_s));

    error.clear();
    QVERIFY(Sha256::ofFile(dir.filePath(u"missing.bin"_s), &error).isEmpty());
    QVERIFY(error.contains(u"missing.bin"_s));
}

void TestBlobStore::importKeepsContentAndMetadata_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("png") << u"现场照片.png"_s << pngBytes() << u"image/png"_s;
    QTest::newRow("png without extension") << u"scan"_s << pngBytes() << u"image/png"_s;
    QTest::newRow("pdf") << u"报送材料（定稿）.pdf"_s << pdfBytes() << u"application/pdf"_s;
    QTest::newRow("text") << u"说明.txt"_s << QByteArray("关于报送材料的说明\n") << u"text/plain"_s;
    QTest::newRow("empty text") << u"empty.txt"_s << QByteArray() << u"text/plain"_s;
}

void TestBlobStore::importKeepsContentAndMetadata()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, mimeType);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"source"_s));
    const QString source = dir.filePath(u"source/"_s + fileName);
    QVERIFY(writeFile(source, content));

    BlobStore store(dir.filePath(u"blobs"_s));
    QString error;
    const std::optional<Attachment> a = store.importFile(source, &error);
    QVERIFY2(a, qPrintable(error));

    const QByteArray digest = qtSha256(content);
    const QString hex = QString::fromLatin1(digest.toHex());
    QCOMPARE(a->sha256, digest);
    QCOMPARE(a->size, qint64(content.size()));
    QCOMPARE(a->fileName, fileName);
    QCOMPARE(a->mimeType, mimeType);
    QVERIFY(!QUuid::fromString(a->id).isNull());

    const QString path = store.pathOf(digest);
    QCOMPARE(path, dir.filePath(u"blobs/"_s + hex.left(2) + u'/' + hex.mid(2, 2) + u'/' + hex));
    QCOMPARE(readFile(path), content);
    QVERIFY(store.contains(digest));
    QVERIFY(store.verify(digest, &error));
    QCOMPARE(store.blobs(), QList<QByteArray>{digest});
    // Atomic: the blob and nothing else (no temporary file left).
    QCOMPARE(filesUnder(store.rootFolder()), QStringList{hex.left(2) + u'/' + hex.mid(2, 2) + u'/' + hex});

    // Each import is a new attachment, even of the same content.
    const std::optional<Attachment> again = store.importFile(source, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(again->id != a->id);
    QCOMPARE(again->sha256, a->sha256);
    QCOMPARE(filesUnder(store.rootFolder()).size(), 1);
}

void TestBlobStore::importBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.filePath(u"blobs"_s));
    QString error;
    const std::optional<Attachment> a = store.importBytes(pdfBytes(), u"../会议纪要.pdf"_s, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->fileName, u".._会议纪要.pdf"_s);
    QCOMPARE(a->mimeType, u"application/pdf"_s);
    QCOMPARE(a->size, qint64(pdfBytes().size()));
    QCOMPARE(readFile(store.pathOf(a->sha256)), pdfBytes());
    QCOMPARE(filesUnder(dir.path()).size(), 1);
}

void TestBlobStore::importFailuresLeaveNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.filePath(u"blobs"_s));

    QString error;
    QVERIFY(!store.importFile(dir.filePath(u"missing.docx"_s), &error));
    QVERIFY(error.contains(u"missing.docx"_s));

    error.clear();
    QVERIFY(QDir(dir.path()).mkpath(u"folder"_s));
    QVERIFY(!store.importFile(dir.filePath(u"folder"_s), &error));
    QVERIFY(!error.isEmpty());

    // Cancelled halfway: the partial copy is removed.
    const QString big = dir.filePath(u"big.bin"_s);
    QVERIFY(writeFile(big, randomBytes(3 * Sha256::kBlockSize, 3)));
    error.clear();
    int calls = 0;
    QVERIFY(!store.importFile(big, &error, [&](qint64, qint64) { return ++calls < 2; }));
    QVERIFY(error.contains(u"cancelled"_s));
    QCOMPARE(filesUnder(store.rootFolder()), QStringList());
    QVERIFY(store.blobs().isEmpty());

    QVERIFY(store.pathOf(QByteArray("short")).isEmpty());
    QVERIFY(!store.contains(QByteArray("short")));
    QVERIFY(!store.verify(QByteArray("short"), &error));
}

void TestBlobStore::largeFileIsStoredOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // 50 MB: a 1 MiB random pattern with a counter in every block, so blocks differ.
    const QString source = dir.filePath(u"测绘成果.zip"_s);
    {
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block = randomBytes(Sha256::kBlockSize, 50);
        for (int i = 0; i < 50; ++i) {
            block.replace(0, 4, QByteArray::number(i).rightJustified(4, '0'));
            QCOMPARE(file.write(block), qint64(block.size()));
        }
    }
    const QString copy = dir.filePath(u"副本.zip"_s);
    QVERIFY(QFile::copy(source, copy));
    const qint64 size = QFileInfo(source).size();
    QString error;
    const QByteArray expected = Sha256::ofFile(source, &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));

    BlobStore store(dir.filePath(u"blobs"_s));
    qint64 lastDone = 0;
    const std::optional<Attachment> first = store.importFile(source, &error, [&](qint64 done, qint64 total) {
        lastDone = done;
        return total == size;
    });
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(lastDone, size);
    const std::optional<Attachment> second = store.importFile(copy, &error);
    QVERIFY2(second, qPrintable(error));

    QCOMPARE(first->sha256, expected);
    QCOMPARE(second->sha256, expected);
    QVERIFY(first->id != second->id);
    QCOMPARE(first->fileName, u"测绘成果.zip"_s);
    QCOMPARE(second->fileName, u"副本.zip"_s);
    QCOMPARE(first->size, size);
    QCOMPARE(second->size, size);
    QCOMPARE(store.pathOf(first->sha256), store.pathOf(second->sha256));
    QCOMPARE(filesUnder(store.rootFolder()).size(), 1);
    QCOMPARE(store.blobs().size(), 1);
    QCOMPARE(QFileInfo(store.pathOf(expected)).size(), size);
    QVERIFY2(store.verify(expected, &error), qPrintable(error));
}

void TestBlobStore::verifyDetectsCorruption()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.filePath(u"blobs"_s));
    QString error;
    const QByteArray content = randomBytes(100000, 9);
    const std::optional<Attachment> a = store.importBytes(content, u"a.bin"_s, &error);
    QVERIFY2(a, qPrintable(error));
    QVERIFY2(store.verify(a->sha256, &error), qPrintable(error));

    // One bit flipped in the middle.
    QByteArray damaged = content;
    damaged[50000] = char(damaged[50000] ^ 0x01);
    QVERIFY(writeFile(store.pathOf(a->sha256), damaged));
    error.clear();
    QVERIFY(!store.verify(a->sha256, &error));
    QVERIFY(error.contains(QString::fromLatin1(a->sha256.toHex())));

    // Truncated.
    QVERIFY(writeFile(store.pathOf(a->sha256), content.left(99999)));
    QVERIFY(!store.verify(a->sha256, &error));

    // Missing.
    QVERIFY(QFile::remove(store.pathOf(a->sha256)));
    error.clear();
    QVERIFY(!store.contains(a->sha256));
    QVERIFY(!store.verify(a->sha256, &error));
    QVERIFY(error.contains(u"missing"_s));
}

void TestBlobStore::garbageCollectionKeepsReferencedBlobs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.filePath(u"blobs"_s));
    QString error;
    QList<Attachment> stored;
    for (int i = 0; i < 6; ++i) {
        const std::optional<Attachment> a =
            store.importBytes(randomBytes(1000 + i, quint32(100 + i)), u"f%1.bin"_s.arg(i), &error);
        QVERIFY2(a, qPrintable(error));
        stored.append(*a);
    }
    // A published item with two revisions (the first revision's attachment is still needed: it is
    // the live one while the change is reviewed) and a draft.
    Item published;
    published.id = u"item-1"_s;
    Revision r1;
    r1.number = 1;
    r1.content.attachments = {stored[0], stored[1]};
    Revision r2;
    r2.number = 2;
    r2.content.attachments = {stored[1], stored[2]};
    published.revisions = {r1, r2};
    Item draft;
    draft.id = u"item-2"_s;
    Revision d1;
    d1.number = 1;
    d1.content.attachments = {stored[3]};
    draft.revisions = {d1};
    Item bare; // no revisions, and an attachment without digest elsewhere
    bare.id = u"item-3"_s;

    QSet<QByteArray> referenced = BlobStore::referencedBy({published, draft, bare});
    QCOMPARE(referenced,
             (QSet<QByteArray>{stored[0].sha256, stored[1].sha256, stored[2].sha256, stored[3].sha256}));
    // What an outbox entry refers to (added by the sync engine).
    referenced.insert(stored[4].sha256);

    // Within the grace period nothing unreferenced is removed: a fresh import is not yet saved.
    BlobStore::GarbageReport report = store.collectGarbage(referenced, &error);
    QVERIFY(report.ok);
    QCOMPARE(report.blobsRemoved, 0);
    QCOMPARE(store.blobs().size(), 6);

    report = store.collectGarbage(referenced, &error, 0);
    QVERIFY2(report.ok, qPrintable(error));
    QCOMPARE(report.blobsRemoved, 1);
    QCOMPARE(report.blobBytesRemoved, qint64(1005));
    QCOMPARE(report.removedBlobs, QList<QByteArray>{stored[5].sha256});
    QCOMPARE(report.tempFilesRemoved, 0);
    QVERIFY(!store.contains(stored[5].sha256));
    for (int i = 0; i < 5; ++i)
        QVERIFY2(store.verify(stored[i].sha256, &error), qPrintable(error));
    // Its emptied folders went with it.
    const QString hex = QString::fromLatin1(stored[5].sha256.toHex());
    const bool sharesFolder = std::any_of(stored.cbegin(), stored.cbegin() + 5, [&](const Attachment &a) {
        return a.sha256.toHex().startsWith(hex.left(2).toLatin1());
    });
    QCOMPARE(QFileInfo::exists(store.rootFolder() + u'/' + hex.left(2)), sharesFolder);

    // Nothing referenced any more: everything goes; files that are not blobs are left alone.
    const QString foreign = store.rootFolder() + u"/notes.txt"_s;
    QVERIFY(writeFile(foreign, "not a blob"));
    makeOld(foreign);
    report = store.collectGarbage({}, &error, 0);
    QVERIFY(report.ok);
    QCOMPARE(report.blobsRemoved, 5);
    QVERIFY(store.blobs().isEmpty());
    QCOMPARE(filesUnder(store.rootFolder()), QStringList{u"notes.txt"_s});
    QCOMPARE(QDir(store.rootFolder()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
}

void TestBlobStore::garbageCollectionRemovesCrashLeftovers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.filePath(u"blobs"_s));
    QString error;
    const std::optional<Attachment> a = store.importBytes("kept", u"kept.txt"_s, &error);
    QVERIFY2(a, qPrintable(error));

    // A crash in the middle of an import leaves a partial temporary file (named as documented).
    const QString stale = store.rootFolder() + u"/.import-0123456789abcdef0123456789abcdef.part"_s;
    QVERIFY(writeFile(stale, randomBytes(4096, 1)));
    makeOld(stale);
    // One being written right now is not stale.
    const QString fresh = store.rootFolder() + u"/.import-fedcba9876543210fedcba9876543210.part"_s;
    QVERIFY(writeFile(fresh, randomBytes(100, 2)));

    const BlobStore::GarbageReport report = store.collectGarbage({a->sha256}, &error);
    QVERIFY2(report.ok, qPrintable(error));
    QCOMPARE(report.tempFilesRemoved, 1);
    QCOMPARE(report.tempBytesRemoved, qint64(4096));
    QCOMPARE(report.blobsRemoved, 0);
    QVERIFY(!QFileInfo::exists(stale));
    QVERIFY(QFileInfo::exists(fresh));
    QVERIFY(store.verify(a->sha256, &error));
}

void TestBlobStore::reimportRenewsGracePeriod()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.filePath(u"blobs"_s));
    QString error;
    const std::optional<Attachment> old = store.importBytes("content", u"old.txt"_s, &error);
    QVERIFY2(old, qPrintable(error));
    const std::optional<Attachment> other = store.importBytes("other", u"other.txt"_s, &error);
    QVERIFY2(other, qPrintable(error));
    makeOld(store.pathOf(old->sha256));
    makeOld(store.pathOf(other->sha256));

    // Attached again (not yet saved in a draft): the stored blob is fresh again and survives.
    const std::optional<Attachment> again = store.importBytes("content", u"again.txt"_s, &error);
    QVERIFY2(again, qPrintable(error));
    const BlobStore::GarbageReport report = store.collectGarbage({}, &error);
    QVERIFY2(report.ok, qPrintable(error));
    QCOMPARE(report.removedBlobs, QList<QByteArray>{other->sha256});
    QVERIFY(store.verify(again->sha256, &error));
}

void TestBlobStore::safeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("chinese kept") << u"报送材料（定稿）.docx"_s << u"报送材料（定稿）.docx"_s;
    QTest::newRow("plain") << u"report 2024.pdf"_s << u"report 2024.pdf"_s;
    QTest::newRow("traversal") << u"../../etc/passwd"_s << u".._.._etc_passwd"_s;
    QTest::newRow("dot dot") << u".."_s << u"attachment"_s;
    QTest::newRow("dot") << u"."_s << u"attachment"_s;
    QTest::newRow("empty") << QString() << u"attachment"_s;
    QTest::newRow("spaces") << u"   "_s << u"attachment"_s;
    QTest::newRow("separators") << u"a/b\\c"_s << u"a_b_c"_s;
    QTest::newRow("absolute") << u"/etc/passwd"_s << u"_etc_passwd"_s;
    QTest::newRow("windows drive") << u"C:\\Windows\\win.ini"_s << u"C__Windows_win.ini"_s;
    QTest::newRow("windows forbidden") << u"a<b>c\"d|e?f*g.txt"_s << u"a_b_c_d_e_f_g.txt"_s;
    QTest::newRow("controls") << u"a\u0001b\tc\nd\u007fe\u0085.txt"_s << u"abcde.txt"_s;
    QTest::newRow("nul inside") << u"ab"_s + QChar(0) + u"c.txt"_s << u"abc.txt"_s;
    QTest::newRow("bidi override") << u"invoice\u202Etxt.exe"_s << u"invoicetxt.exe"_s;
    QTest::newRow("trailing dots") << u"notice. . ."_s << u"notice"_s;
    QTest::newRow("CON") << u"CON"_s << u"_CON"_s;
    QTest::newRow("con.txt") << u"con.txt"_s << u"_con.txt"_s;
    QTest::newRow("Nul.tar.gz") << u"Nul.tar.gz"_s << u"_Nul.tar.gz"_s;
    QTest::newRow("PRN") << u"PRN"_s << u"_PRN"_s;
    QTest::newRow("aux") << u"aux"_s << u"_aux"_s;
    QTest::newRow("COM1") << u"COM1"_s << u"_COM1"_s;
    QTest::newRow("com9.log") << u"com9.log"_s << u"_com9.log"_s;
    QTest::newRow("LPT1") << u"LPT1"_s << u"_LPT1"_s;
    QTest::newRow("LPT0 is not reserved") << u"LPT0"_s << u"LPT0"_s;
    QTest::newRow("CONSOLE is not reserved") << u"CONSOLE.txt"_s << u"CONSOLE.txt"_s;
    QTest::newRow("300 characters") << QString(296, u'x') + u".pdf"_s
                                    << QString(BlobStore::kMaxFileNameLength - 4, u'x') + u".pdf"_s;
    QTest::newRow("300 Chinese characters")
        << QString(300, QChar(0x5B57)) << QString(BlobStore::kMaxFileNameLength, QChar(0x5B57));
    QTest::newRow("long with supplementary characters")
        << u"𠀀"_s.repeated(200) + u".txt"_s
        << u"𠀀"_s.repeated(BlobStore::kMaxFileNameLength - 4) + u".txt"_s;
}

void TestBlobStore::safeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString safe = BlobStore::safeFileName(name);
    QCOMPARE(safe, expected);
    QVERIFY(safe.toUcs4().size() <= BlobStore::kMaxFileNameLength);
    QVERIFY(!safe.contains(u'/') && !safe.contains(u'\\'));
    QVERIFY(safe != u".."_s && safe != u"."_s && !safe.isEmpty());
    // Idempotent: a safe name stays as it is.
    QCOMPARE(BlobStore::safeFileName(safe), safe);
}

void TestBlobStore::nothingIsCreatedOutsideTheRoot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir top(dir.path());
    QVERIFY(top.mkpath(u"sandbox/source"_s));
    QVERIFY(top.mkpath(u"sandbox/store"_s));
    // Source files with names a POSIX file system allows but that are hostile as names elsewhere.
    const QStringList hostile{u"CON"_s,  u"lpt1.txt"_s, u"a\\..\\..\\b.txt"_s, u"名\u0001字\n.txt"_s,
                              u"...."_s, u" x "_s,      u"..\\passwd"_s,       QString(84, u'长')};
    int n = 0;
    for (const QString &name : hostile)
        QVERIFY(writeFile(top.filePath(u"sandbox/source/"_s + name), QByteArray::number(n++)));
    const QStringList before = filesUnder(dir.path());

    BlobStore store(top.filePath(u"sandbox/store"_s));
    QString error;
    QSet<QByteArray> digests;
    for (const QString &name : hostile) {
        const std::optional<Attachment> a =
            store.importFile(top.filePath(u"sandbox/source/"_s + name), &error);
        QVERIFY2(a, qPrintable(error));
        QCOMPARE(a->fileName, BlobStore::safeFileName(name));
        digests.insert(a->sha256);
    }
    for (const QString &name : {u"../../escape.txt"_s, u"/tmp/escape.txt"_s, u"..\\..\\escape.txt"_s}) {
        const std::optional<Attachment> a = store.importBytes(name.toUtf8(), name, &error);
        QVERIFY2(a, qPrintable(error));
        digests.insert(a->sha256);
    }

    // Outside the store: exactly what was there before.
    QStringList outside;
    QStringList inside;
    for (const QString &file : filesUnder(dir.path()))
        (file.startsWith(u"sandbox/store/"_s) ? inside : outside).append(file);
    QCOMPARE(outside, before);
    // Inside: only blobs, at their content addresses.
    QCOMPARE(inside.size(), digests.size());
    for (const QByteArray &digest : std::as_const(digests))
        QVERIFY(inside.contains(top.relativeFilePath(store.pathOf(digest))));
}

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
