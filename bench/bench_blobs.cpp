// Blob store benchmark (docs/design.md §6, §10): SHA-256 throughput of OpenSSL (core/Sha256) against
// QCryptographicHash over 256 MiB in memory, and BlobStore::importFile of a 500 MB file: throughput
// and peak memory growth (VmHWM), which must stay far below the file's size (the report's bound: 64 MB,
// that of §10 for an attachment's upload). Prints figures; asserts nothing about time.
//
// Usage: bench_blobs [folder for the 500 MB file and the store]   (default: a temporary folder)

#include "BenchFigure.h"
#include "BlobStore.h"
#include "Measure.h"
#include "Sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

QByteArray randomBlock(qint64 size)
{
    QByteArray block(size, Qt::Uninitialized);
    QRandomGenerator random(2024);
    random.fillRange(reinterpret_cast<quint32 *>(block.data()), size / 4);
    return block;
}

double mbPerSecond(qint64 bytes, qint64 ns)
{
    return ns > 0 ? (double(bytes) / 1e6) / (double(ns) / 1e9) : 0.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::unique_ptr<QTemporaryDir> temporary;
    QString folder;
    if (argc > 1) {
        folder = QString::fromLocal8Bit(argv[1]);
        QDir().mkpath(folder);
    } else {
        temporary = std::make_unique<QTemporaryDir>();
        folder = temporary->path();
    }

    // --- importFile of a 500 MB file, first, so that the in-memory hashing below does not raise the
    // peak resident set before it is measured.
    const qint64 fileSize = 500 * 1000 * 1000;
    const QString source = folder + u"/source.bin"_s;
    {
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(source));
            return 1;
        }
        QByteArray block = randomBlock(kMiB);
        for (qint64 written = 0; written < fileSize;) {
            const qint64 n = std::min<qint64>(block.size(), fileSize - written);
            block[0] = char(written / kMiB); // blocks differ
            file.write(block.constData(), n);
            written += n;
        }
    }
    BlobStore store(folder + u"/blobs"_s);
    const qint64 hwmBefore = test::statusKb("VmHWM");
    const qint64 rssBefore = test::statusKb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    QString error;
    const std::optional<Attachment> attachment = store.importFile(source, &error);
    const qint64 importNs = timer.nsecsElapsed();
    const qint64 hwmAfter = test::statusKb("VmHWM");
    if (!attachment) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("importFile, 500 MB file (hash + copy + fsync + rename): %.2f s, %.0f MB/s\n", importNs / 1e9,
                mbPerSecond(fileSize, importNs));
    std::printf("  peak RSS (VmHWM) before %lld kB, after %lld kB: growth %lld kB (RSS before %lld kB)\n",
                hwmBefore, hwmAfter, hwmAfter - hwmBefore, rssBefore);
    bench::figure(
        "bench_blobs", "import_peak_rss_growth_mb",
        "BlobStore::importFile of a 500 MB file: peak RSS growth (the 64 MB bound of an attachment)",
        double(hwmAfter - hwmBefore) / 1024, "MB", "<=", 64);

    timer.restart();
    const std::optional<Attachment> again = store.importFile(source, &error);
    const qint64 dedupNs = timer.nsecsElapsed();
    std::printf("importFile again (deduplicated): %.2f s, %.0f MB/s, blobs stored: %lld\n", dedupNs / 1e9,
                mbPerSecond(fileSize, dedupNs), qint64(store.blobs().size()));

    timer.restart();
    const bool verified = store.verify(attachment->sha256, &error);
    const qint64 verifyNs = timer.nsecsElapsed();
    std::printf("verify (rehash from disk): %s, %.0f MB/s\n", verified ? "ok" : "FAILED",
                mbPerSecond(fileSize, verifyNs));
    QFile::remove(source);
    store.collectGarbage({}, &error, 0);

    // --- SHA-256 over 256 MiB in memory, 1 MiB at a time.
    const qint64 total = 256 * kMiB;
    const QByteArray data = randomBlock(total);
    for (int round = 0; round < 2; ++round) {
        timer.restart();
        Sha256 sha;
        for (qint64 at = 0; at < total; at += kMiB)
            sha.add(QByteArrayView(data).sliced(at, kMiB));
        const QByteArray openssl = sha.result();
        const qint64 opensslNs = timer.nsecsElapsed();

        timer.restart();
        QCryptographicHash qt(QCryptographicHash::Sha256);
        for (qint64 at = 0; at < total; at += kMiB)
            qt.addData(QByteArrayView(data).sliced(at, kMiB));
        const QByteArray qtDigest = qt.result();
        const qint64 qtNs = timer.nsecsElapsed();

        std::printf(
            "SHA-256 of 256 MiB in memory (round %d): OpenSSL %.0f MB/s, QCryptographicHash %.0f MB/s, "
            "ratio %.1f×, digests %s\n",
            round + 1, mbPerSecond(total, opensslNs), mbPerSecond(total, qtNs),
            qtNs > 0 && opensslNs > 0 ? double(qtNs) / double(opensslNs) : 0.0,
            openssl == qtDigest ? "equal" : "DIFFERENT");
    }
    return 0;
}
