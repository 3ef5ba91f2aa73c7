// The Debian packages (issue #19 point 1; packaging/): cpack builds them from this build; their
// contents are listed and checked (binaries, the systemd unit, configuration, the nginx sample, the
// desktop entry and icon), the server's dependencies name no Widgets or GUI library, both install with
// dpkg into a throwaway root (maintainer scripts chrootless: they change nothing outside that root),
// and the installed server initializes a data folder answering in Chinese (its translations are in the
// binary). The client's package exists only in a build with the client.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPackages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverPackage();
    void clientPackage();
    void installIntoThrowawayRoot();
    void nginxSampleParses();

private:
    // Runs `program args`; its standard output (and error, merged) and exit code.
    static QString run(const QString &program, const QStringList &args, int *exitCode,
                       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
            *exitCode = -1;
            return QString::fromUtf8(p.readAll());
        }
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return QString::fromUtf8(p.readAll());
    }
    QStringList contents(const QString &deb)
    {
        int code = 0;
        const QString out = run(u"dpkg-deb"_s, {u"-c"_s, deb}, &code);
        QStringList paths;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            paths << line.section(u' ', -1);
        return paths;
    }
    QString field(const QString &deb, const QString &name)
    {
        int code = 0;
        return run(u"dpkg-deb"_s, {u"-f"_s, deb, name}, &code).trimmed();
    }

    QTemporaryDir m_dir;
    QString m_server;
    QString m_client;
};

void TestPackages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cpack = QStandardPaths::findExecutable(u"cpack"_s);
    QVERIFY2(!cpack.isEmpty(), "cpack (cmake) is needed");
    QVERIFY2(!QStandardPaths::findExecutable(u"dpkg-shlibdeps"_s).isEmpty(),
             "dpkg-dev is needed (scripts/setup-deps.sh installs it)");
    int code = 0;
    const QString out =
        run(cpack,
            {u"--config"_s, QStringLiteral(BAOSONG_BINARY_DIR "/CPackConfig.cmake"), u"-B"_s, m_dir.path()},
            &code);
    QVERIFY2(code == 0, qPrintable(out));
    for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList({u"*.deb"_s}, QDir::Files)) {
        if (f.fileName().startsWith(u"baosong-server_"_s))
            m_server = f.filePath();
        else if (f.fileName().startsWith(u"baosong_"_s))
            m_client = f.filePath();
    }
    QVERIFY2(!m_server.isEmpty(), qPrintable(out));
}

void TestPackages::serverPackage()
{
    const QStringList files = contents(m_server);
    for (const QString &expected :
         {u"./usr/bin/baosong-server"_s, u"./lib/systemd/system/baosong-server.service"_s,
          u"./etc/baosong/baosong-server.ini"_s, u"./etc/nginx/sites-available/baosong"_s,
          u"./usr/share/doc/baosong-server/README.Debian"_s})
        QVERIFY2(files.contains(expected), qPrintable(expected + u" missing from "_s + files.join(u' ')));
    // Nothing of the client, no test or benchmark.
    for (const QString &f : files)
        QVERIFY2(!f.contains(u"/tst_"_s) && !f.contains(u"bench_"_s) && f != u"./usr/bin/baosong"_s,
                 qPrintable(f));
    QCOMPARE(field(m_server, u"Package"_s), u"baosong-server"_s);
    const QString depends = field(m_server, u"Depends"_s);
    QVERIFY2(depends.contains(u"libqt6core6"_s) && depends.contains(u"libqt6sql6-sqlite"_s) &&
                 depends.contains(u"adduser"_s),
             qPrintable(depends));
    for (const QString &gui :
         {u"libqt6widgets"_s, u"libqt6gui"_s, u"libqt6charts"_s, u"libcurl"_s, u"keychain"_s})
        QVERIFY2(!depends.contains(gui), qPrintable(gui + u" in "_s + depends));

    // The unit: its own user, the packaged binary and paths, logs to the journal (no log file).
    QTemporaryDir x;
    int code = 0;
    QVERIFY(run(u"dpkg-deb"_s, {u"-x"_s, m_server, x.path()}, &code).isEmpty() || code == 0);
    QCOMPARE(code, 0);
    QFile unit(x.filePath(u"lib/systemd/system/baosong-server.service"_s));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(unit.readAll());
    QVERIFY(text.contains(u"\nUser=baosong\n"_s));
    const QRegularExpressionMatch exec = QRegularExpression(u"\nExecStart=(\\S+) (.*)\n"_s).match(text);
    QVERIFY(exec.hasMatch());
    QVERIFY2(QFileInfo(x.filePath(exec.captured(1).mid(1))).isExecutable(), qPrintable(exec.captured(1)));
    QVERIFY(exec.captured(2).contains(u"--config /etc/baosong/baosong-server.ini"_s));
    QVERIFY(exec.captured(2).contains(u"--data /var/lib/baosong"_s));
    QVERIFY(exec.captured(2).endsWith(u"serve"_s));
    QVERIFY(!text.contains(u"StandardOutput=file"_s));
    QVERIFY(text.contains(u"WantedBy=multi-user.target"_s));
    // Configuration files the administrator edits are conffiles; the maintainer scripts are there.
    QTemporaryDir control;
    run(u"dpkg-deb"_s, {u"-e"_s, m_server, control.path()}, &code);
    QCOMPARE(code, 0);
    QFile conffiles(control.filePath(u"conffiles"_s));
    QVERIFY(conffiles.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(conffiles.readAll()).split(u'\n', Qt::SkipEmptyParts),
             (QStringList{u"/etc/baosong/baosong-server.ini"_s, u"/etc/nginx/sites-available/baosong"_s}));
    for (const QString &script : {u"postinst"_s, u"prerm"_s, u"postrm"_s})
        QVERIFY2(QFileInfo(control.filePath(script)).isExecutable(), qPrintable(script));
}

void TestPackages::clientPackage()
{
#ifndef BAOSONG_PACKAGES_CLIENT
    QVERIFY2(m_client.isEmpty(), "a server-only build makes no client package");
    QSKIP("a server-only build (BAOSONG_BUILD_CLIENT=OFF) has no client package");
#else
    QVERIFY(!m_client.isEmpty());
    const QStringList files = contents(m_client);
    for (const QString &expected : {u"./usr/bin/baosong"_s, u"./usr/share/applications/baosong.desktop"_s,
                                    u"./usr/share/icons/hicolor/scalable/apps/baosong.svg"_s})
        QVERIFY2(files.contains(expected), qPrintable(expected));
    QVERIFY(!files.contains(u"./usr/bin/baosong-server"_s));
    const QString depends = field(m_client, u"Depends"_s);
    QVERIFY2(depends.contains(u"libqt6widgets6"_s) && depends.contains(u"qt6-qpa-plugins"_s),
             qPrintable(depends));
    QTemporaryDir x;
    int code = 0;
    run(u"dpkg-deb"_s, {u"-x"_s, m_client, x.path()}, &code);
    QCOMPARE(code, 0);
    QFile desktop(x.filePath(u"usr/share/applications/baosong.desktop"_s));
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    const QString entry = QString::fromUtf8(desktop.readAll());
    QVERIFY(entry.contains(u"\nExec=baosong"_s) && entry.contains(u"\nIcon=baosong\n"_s) &&
            entry.contains(u"Name[zh_CN]=报送"_s));
    // The packaged program answers --help (offscreen: no display needed).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const QString help = run(x.filePath(u"usr/bin/baosong"_s), {u"--help"_s}, &code, env);
    QCOMPARE(code, 0);
    QVERIFY2(help.contains(u"--server"_s) && help.contains(u"--profile"_s), qPrintable(help));
#endif
}

void TestPackages::installIntoThrowawayRoot()
{
    // dpkg's own database in a throwaway root; maintainer scripts run chrootless with DPKG_ROOT set,
    // and ours then touch nothing outside it (no user is made on this machine).
    QTemporaryDir root;
    for (const QString &d : {u"var/lib/dpkg/info"_s, u"var/lib/dpkg/updates"_s, u"var/lib/dpkg/triggers"_s})
        QVERIFY(QDir().mkpath(root.filePath(d)));
    for (const QString &f : {u"var/lib/dpkg/status"_s, u"var/lib/dpkg/available"_s}) {
        QFile file(root.filePath(f));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    int code = 0;
    const QString usersBefore = run(u"getent"_s, {u"passwd"_s}, &code);
    QStringList debs{m_server};
    if (!m_client.isEmpty())
        debs << m_client;
    const QString out =
        run(u"dpkg"_s,
            QStringList{u"--root="_s + root.path(), u"--force-not-root"_s, u"--force-depends"_s,
                        u"--force-script-chrootless"_s, u"--log=/dev/null"_s, u"-i"_s} +
                debs,
            &code);
    QVERIFY2(code == 0, qPrintable(out));
    const QString listed = run(u"dpkg"_s, {u"--root="_s + root.path(), u"-l"_s}, &code);
    QVERIFY2(listed.contains(QRegularExpression(u"\nii +baosong-server +0\\."_s)), qPrintable(listed));
    if (!m_client.isEmpty())
        QVERIFY2(listed.contains(QRegularExpression(u"\nii +baosong +0\\."_s)), qPrintable(listed));
    QCOMPARE(run(u"getent"_s, {u"passwd"_s}, &code), usersBefore);
    // The postinst made the data folder and kept the configuration from others.
    QVERIFY(QFileInfo(root.filePath(u"var/lib/baosong"_s)).isDir());
    QCOMPARE(QFileInfo(root.filePath(u"etc/baosong/baosong-server.ini"_s)).permissions() &
                 (QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    // The installed server initializes a data folder with the packaged configuration (its paths moved
    // into a temporary folder) and answers in Chinese, as that configuration asks.
    QTemporaryDir data;
    QFile ini(root.filePath(u"etc/baosong/baosong-server.ini"_s));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QString config = QString::fromUtf8(ini.readAll());
    QVERIFY(config.contains(u"language=zh_CN"_s));
    config.replace(u"/var/lib/baosong"_s, data.path());
    QFile moved(data.filePath(u"server.ini"_s));
    QVERIFY(moved.open(QIODevice::WriteOnly));
    moved.write(config.toUtf8());
    moved.close();
    QFile password(data.filePath(u"password"_s));
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write("package-test-password-1\n");
    password.close();
    const QString init = run(root.filePath(u"usr/bin/baosong-server"_s),
                             {u"--config"_s, moved.fileName(), u"--data"_s, data.path(), u"init"_s,
                              u"--password-file"_s, password.fileName()},
                             &code);
    QVERIFY2(code == 0, qPrintable(init));
    QVERIFY2(init.contains(u"已创建管理员 admin"_s), qPrintable(init));
    QVERIFY(QFileInfo::exists(data.filePath(u"baosong.sqlite"_s)));
    const QString verify =
        run(root.filePath(u"usr/bin/baosong-server"_s),
            {u"--config"_s, moved.fileName(), u"--data"_s, data.path(), u"audit"_s, u"verify"_s}, &code);
    QVERIFY2(code == 0, qPrintable(verify));
}

// The sample nginx site the server package ships is one nginx accepts (`nginx -t`), with certificates
// made for the test in place of the snakeoil ones and the server's.
void TestPackages::nginxSampleParses()
{
    const QString nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
    QVERIFY2(!nginx.isEmpty(), "Debian's nginx is needed (scripts/setup-deps.sh installs it)");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    QVERIFY2(!openssl.isEmpty(), "openssl is needed");
    QTemporaryDir dir;
    int code = 0;
    QString out = run(u"dpkg-deb"_s, {u"-x"_s, m_server, dir.filePath(u"root"_s)}, &code);
    QVERIFY2(code == 0, qPrintable(out));
    QFile sample(dir.filePath(u"root/etc/nginx/sites-available/baosong"_s));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QString site = QString::fromUtf8(sample.readAll());
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    out = run(openssl,
              {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s,
               cert, u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=localhost"_s},
              &code);
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY(site.contains(u"/etc/ssl/certs/ssl-cert-snakeoil.pem"_s));
    site.replace(u"/etc/ssl/certs/ssl-cert-snakeoil.pem"_s, cert)
        .replace(u"/etc/ssl/private/ssl-cert-snakeoil.key"_s, key)
        .replace(u"/var/lib/baosong/server.crt"_s, cert)
        .replace(u"listen 443 "_s, u"listen 127.0.0.1:443 "_s);
    QFile conf(dir.filePath(u"nginx.conf"_s));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(u"pid %1/nginx.pid;\nerror_log %1/error.log warn;\nevents {}\nhttp {\n"
               u"client_body_temp_path %1/body; proxy_temp_path %1/proxy; fastcgi_temp_path %1/fastcgi; "
               u"uwsgi_temp_path %1/uwsgi; scgi_temp_path %1/scgi;\n%2\n}\n"_s.arg(dir.path(), site)
                   .toUtf8());
    conf.close();
    out = run(nginx, {u"-t"_s, u"-p"_s, dir.path(), u"-c"_s, conf.fileName()}, &code);
    QVERIFY2(code == 0 && out.contains(u"syntax is ok"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestPackages)
#include "tst_packages.moc"
