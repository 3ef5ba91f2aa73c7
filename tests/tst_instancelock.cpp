// One client per profile (client/InstanceLock): a second lock on the same profile is refused, in this
// process and from another process, with the holder named; the lock of a SIGKILLed holder is taken over.
//
// The other process is this test executable itself, started with "--hold-lock <folder>": it takes
// the lock, prints "locked <pid>" and waits to be killed.

#include "InstanceLock.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

class TstInstanceLock : public QObject
{
    Q_OBJECT

private:
    // Starts the holder and waits for its "locked <pid>" line; returns its pid, or 0.
    static qint64 startHolder(QProcess &holder, const QString &folder)
    {
        holder.setProgram(QCoreApplication::applicationFilePath());
        holder.setArguments({u"--hold-lock"_s, folder});
        holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        holder.start();
        if (!holder.waitForStarted(30000))
            return 0;
        QByteArray line;
        while (!line.endsWith('\n')) {
            if (!holder.waitForReadyRead(30000))
                return 0;
            line += holder.readAll();
        }
        if (!line.startsWith("locked "))
            return 0;
        return line.mid(7).trimmed().toLongLong();
    }

private Q_SLOTS:
    void secondLockInSameProcessIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString profile = dir.filePath(u"profile"_s); // created by tryLock
        InstanceLock first(profile);
        QVERIFY2(first.tryLock(), qPrintable(first.errorString()));
        QVERIFY(first.isLocked());
        QVERIFY(QFile::exists(first.path()));

        InstanceLock second(profile);
        QVERIFY(!second.tryLock(50));
        QVERIFY(!second.isLocked());
        QCOMPARE(second.holderPid(), QCoreApplication::applicationPid());
        QCOMPARE(second.holderHost(), QSysInfo::machineHostName());
        QVERIFY(second.errorString().contains(QString::number(QCoreApplication::applicationPid())));
        QVERIFY(second.errorString().contains(QSysInfo::machineHostName()));

        // Released: the next one gets it, and the first one's message is gone from it.
        first.unlock();
        QVERIFY(!QFile::exists(first.path()));
        QVERIFY2(second.tryLock(), qPrintable(second.errorString()));
        QVERIFY(second.errorString().isEmpty());
    }

    void lockOfAnotherProcessIsRefusedThenTakenOverAfterKill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess holder;
        const qint64 pid = startHolder(holder, dir.path());
        QVERIFY2(pid > 0, "the holder process did not report its lock");
        QCOMPARE(pid, holder.processId());

        InstanceLock lock(dir.path());
        QVERIFY(!lock.tryLock(100));
        QCOMPARE(lock.holderPid(), pid);
        QCOMPARE(lock.holderHost(), QSysInfo::machineHostName());
        QVERIFY2(lock.errorString().contains(QString::number(pid)), qPrintable(lock.errorString()));

        // SIGKILL: the holder cannot remove its lock file, so it stays behind, stale.
        holder.kill();
        QVERIFY(holder.waitForFinished(30000));
        QCOMPARE(holder.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFile::exists(lock.path()));

        QVERIFY2(lock.tryLock(), qPrintable(lock.errorString()));
        QVERIFY(lock.isLocked());
        QCOMPARE(lock.holderPid(), 0);

        // And it is ours now: another instance is refused with our pid.
        InstanceLock other(dir.path());
        QVERIFY(!other.tryLock(50));
        QCOMPARE(other.holderPid(), QCoreApplication::applicationPid());
    }

    void lockIsReleasedOnDestruction()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            InstanceLock lock(dir.path());
            QVERIFY(lock.tryLock());
        }
        InstanceLock again(dir.path());
        QVERIFY2(again.tryLock(0), qPrintable(again.errorString()));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--hold-lock") == 0) {
        QCoreApplication app(argc, argv);
        InstanceLock lock(QString::fromLocal8Bit(argv[2]));
        if (!lock.tryLock(1000)) {
            std::fprintf(stderr, "%s\n", qPrintable(lock.errorString()));
            return 2;
        }
        std::printf("locked %lld\n", static_cast<long long>(QCoreApplication::applicationPid()));
        std::fflush(stdout);
        return app.exec(); // until killed
    }
    QCoreApplication app(argc, argv);
    TstInstanceLock test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_instancelock.moc"
