// The session token and the system keychain (client/Credentials). This test runs without any secret
// service: the session bus address points to nothing (set in main), so QtKeychain fails and the
// fallback is what is proved: memory only by default (nothing on disk, nothing after a "restart"),
// the 0600 file only when chosen, removal, and calls that return.
//
// A child of this executable also runs under a private session bus (dbus-run-session). Where
// gnome-keyring is installed (scripts/setup-deps.sh installs it), a new login keyring is made and
// unlocked on that bus first, in a home folder of the test's own, and the token must go into that
// real keychain through QtKeychain (libsecret), be read back by a fresh object, leave nothing on disk
// and be removed. Without it, the calls return and the outcome is consistent either way.

#include "Credentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>
#include <optional>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

const CredentialKey kKey{u"default"_s, u"https://127.0.0.1:8443"_s, u"zhangwei"_s};
const QByteArray kToken = "c2Vzc2lvbi10b2tlbi1mb3ItdGVzdHM.0123456789abcdef";

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// The calls answer later (Credentials never waits on its thread); a test waits for the answer.
template <typename T, typename Start> T waitFor(Start start, T otherwise)
{
    auto result = std::make_shared<std::optional<T>>();
    start([result](T value) { *result = value; });
    (void)QTest::qWaitFor([&] { return result->has_value(); }, 60000);
    return result->value_or(otherwise);
}

template <typename C> Credentials::Storage storeNow(C &&c, const CredentialKey &key, const QByteArray &token)
{
    return waitFor<Credentials::Storage>([&](auto done) { c.storeToken(key, token, done); },
                                         Credentials::Storage::None);
}

template <typename C> QByteArray loadNow(C &&c, const CredentialKey &key)
{
    return waitFor<QByteArray>([&](auto done) { c.loadToken(key, done); }, QByteArray("(no answer)"));
}

template <typename C> bool removeNow(C &&c, const CredentialKey &key)
{
    return waitFor<bool>([&](auto done) { c.removeToken(key, done); }, false);
}

// Child mode (under dbus-run-session): store, load in a fresh object, remove; prints one line:
// "result: <storage> <reloaded token or -> <file count> <removed>".
int busChild(const QString &folder)
{
    Credentials credentials(folder);
    credentials.setTimeoutMs(10000);
    const Credentials::Storage storage = storeNow(credentials, kKey, kToken);
    Credentials fresh(folder);
    fresh.setTimeoutMs(10000);
    const QByteArray reloaded = loadNow(fresh, kKey);
    const qsizetype files = filesIn(folder).size();
    const bool removed = removeNow(fresh, kKey);
    Credentials afterRemoval(folder);
    afterRemoval.setTimeoutMs(10000);
    const bool gone = loadNow(afterRemoval, kKey).isEmpty();
    const char *name = storage == Credentials::Storage::Keychain ? "keychain"
                       : storage == Credentials::Storage::Memory ? "memory"
                                                                 : "other";
    std::printf("result: %s %s %lld %d %d\n", name, reloaded.isEmpty() ? "-" : reloaded.constData(),
                static_cast<long long>(files), removed ? 1 : 0, gone ? 1 : 0);
    std::fflush(stdout);
    return 0;
}

} // namespace

class TstCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryOnlyByDefault()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Credentials credentials(dir.path());
        QCOMPARE(credentials.fallback(), Credentials::Fallback::MemoryOnly);

        // The call returns (no secret service: QtKeychain fails fast, or the timeout ends it).
        QCOMPARE(storeNow(credentials, kKey, kToken), Credentials::Storage::Memory);
        QVERIFY(!credentials.keychainAvailable());
        QCOMPARE(credentials.lastStorage(), Credentials::Storage::Memory);
        QVERIFY(!credentials.notice().isEmpty());
        QVERIFY(!credentials.notice().contains(QString::fromLatin1(kToken)));
        QCOMPARE(loadNow(credentials, kKey), kToken);

        // Nothing on disk, and a "restarted" client has no token.
        QVERIFY2(filesIn(dir.path()).isEmpty(), qPrintable(filesIn(dir.path()).join(u", "_s)));
        QVERIFY(!QFile::exists(credentials.fallbackFilePath()));
        Credentials restarted(dir.path());
        QVERIFY(loadNow(restarted, kKey).isEmpty());
        QCOMPARE(restarted.lastStorage(), Credentials::Storage::None);

        // Another account of the same profile and server is another token.
        const CredentialKey other{kKey.profile, kKey.server, u"lina"_s};
        QVERIFY(loadNow(credentials, other).isEmpty());

        QVERIFY(removeNow(credentials, kKey));
        QVERIFY(loadNow(credentials, kKey).isEmpty());
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void userFileWhenChosen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString profile = dir.filePath(u"profile"_s); // not there yet
        Credentials credentials(profile, Credentials::Fallback::UserFile);
        QCOMPARE(storeNow(credentials, kKey, kToken), Credentials::Storage::UserFile);
        QVERIFY(credentials.notice().contains(QDir::toNativeSeparators(credentials.fallbackFilePath())));
        const CredentialKey second{kKey.profile, kKey.server, u"lina"_s};
        QCOMPARE(storeNow(credentials, second, "second-token"), Credentials::Storage::UserFile);

        // The only file, readable and writable by the user alone.
        QCOMPARE(filesIn(profile), QStringList{QFileInfo(credentials.fallbackFilePath()).fileName()});
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(credentials.fallbackFilePath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);

        // A restarted client (any fallback setting) finds both tokens there.
        Credentials restarted(profile);
        QCOMPARE(loadNow(restarted, kKey), kToken);
        QCOMPARE(restarted.lastStorage(), Credentials::Storage::UserFile);
        QCOMPARE(loadNow(restarted, second), QByteArray("second-token"));

        // Removing one keeps the other; removing the last removes the file.
        QVERIFY(removeNow(restarted, kKey));
        QVERIFY(QFile::exists(credentials.fallbackFilePath()));
        QCOMPARE(::stat(QFile::encodeName(credentials.fallbackFilePath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(loadNow(Credentials(profile), kKey).isEmpty());
        QVERIFY(removeNow(restarted, second));
        QVERIFY(!QFile::exists(credentials.fallbackFilePath()));
        QVERIFY(filesIn(profile).isEmpty());
        QVERIFY(loadNow(Credentials(profile), second).isEmpty());
    }

    void callsReturnBeforeTheKeychainAnswers()
    {
        // Nothing waits on the caller's thread: each call returns at once and its answer comes from
        // the event loop, in the order the calls were made (no nested event loop runs inside them).
        QTemporaryDir dir;
        Credentials credentials(dir.path(), Credentials::Fallback::UserFile);
        QStringList answers;
        credentials.storeToken(kKey, kToken, [&](Credentials::Storage) { answers << u"stored"_s; });
        credentials.loadToken(kKey, [&](const QByteArray &token) { answers << QString::fromLatin1(token); });
        credentials.removeToken(kKey, [&](bool) { answers << u"removed"_s; });
        QVERIFY(answers.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 60000);
        QCOMPARE(answers, (QStringList{u"stored"_s, QString::fromLatin1(kToken), u"removed"_s}));
    }

    void replacingATokenOverwritesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Credentials credentials(dir.path(), Credentials::Fallback::UserFile);
        storeNow(credentials, kKey, "old-token");
        storeNow(credentials, kKey, kToken);
        QCOMPARE(loadNow(Credentials(dir.path()), kKey), kToken);
        QFile file(credentials.fallbackFilePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(QByteArray("old-token").toBase64()));
    }

    void underASessionBus()
    {
        const QString runner = QStandardPaths::findExecutable(u"dbus-run-session"_s);
        // scripts/setup-deps.sh installs it (dbus-daemon).
        QVERIFY2(!runner.isEmpty(), "dbus-run-session is not installed: run scripts/setup-deps.sh");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        // A real keychain where the machine has one to start (scripts/setup-deps.sh installs
        // gnome-keyring): its daemon on the private bus, with a new login keyring unlocked by a
        // password on its standard input, in a home folder of this test's own.
        const QString keyring = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QStringList arguments{u"--"_s};
        if (!keyring.isEmpty()) {
            // sh -c SCRIPT KEYRING EXE --bus-child DIR: $0 is the daemon, "$@" the child.
            arguments += {u"sh"_s, u"-c"_s,
                          u"printf %s baosong-test | \"$0\" --unlock --components=secrets >/dev/null && "
                          u"exec \"$@\""_s,
                          keyring};
        }
        arguments += {QCoreApplication::applicationFilePath(), u"--bus-child"_s, dir.path()};
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(runner, arguments);
        QVERIFY(child.waitForStarted(30000));
        // A bound on a hang, not a measurement: the child's own keychain timeout is 10 s per call.
        QVERIFY2(child.waitForFinished(120000), "the credentials calls did not return under a session bus");
        QCOMPARE(child.exitCode(), 0);
        // The line the child prints; a keyring daemon started on the bus may print its own lines
        // (gnome-keyring-daemon prints GNOME_KEYRING_CONTROL=… when D-Bus activates it).
        QByteArray line;
        for (const QByteArray &l : child.readAllStandardOutput().split('\n')) {
            if (l.startsWith("result: "))
                line = l.mid(8).trimmed();
        }
        const QList<QByteArray> fields = line.split(' ');
        QCOMPARE(fields.size(), 5);
        if (!keyring.isEmpty()) {
            // The token went into the keychain, a fresh object read it back, nothing on disk.
            QCOMPARE(fields.at(0), QByteArray("keychain"));
            QCOMPARE(fields.at(1), kToken);
            QCOMPARE(fields.at(2), QByteArray("0"));
        } else if (fields.at(0) == "memory") {
            QCOMPARE(fields.at(1), QByteArray("-")); // a fresh object finds nothing
            QCOMPARE(fields.at(2), QByteArray("0")); // nothing on disk
        } else {
            QCOMPARE(fields.at(0), QByteArray("keychain"));
            QCOMPARE(fields.at(1), kToken); // a fresh object reads it from the keychain
            QCOMPARE(fields.at(2), QByteArray("0"));
        }
        QCOMPARE(fields.at(3), QByteArray("1")); // removed
        QCOMPARE(fields.at(4), QByteArray("1")); // and gone
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--bus-child") == 0) {
        QCoreApplication app(argc, argv);
        return busChild(QString::fromLocal8Bit(argv[2]));
    }
    // No secret service for this process: a session bus address where nothing listens.
    QTemporaryDir nowhere;
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(nowhere.filePath(u"no-bus"_s)));
    QCoreApplication app(argc, argv);
    TstCredentials test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentials.moc"
