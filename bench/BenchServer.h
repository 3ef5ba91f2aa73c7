#pragma once

// Benchmark support: a folder for the real baosong-server binary (BAOSONG_SERVER_BIN) with its
// configuration (an unused port, English, no public site), `init` and `import` of the demo
// organization done, and the demo accounts' passwords read back.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QThread>

#include <cstdio>

namespace baosong::bench {

struct ServerFolder
{
    QString dir;                       // the server's data folder
    QString ini;                       // its configuration file
    QHash<QString, QString> passwords; // login → password of the demo accounts

    // Runs a baosong-server command on this folder; false (its output on stderr) when it fails.
    bool run(const QStringList &args) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(BAOSONG_SERVER_BIN), QStringList{QStringLiteral("--config"), ini} + args);
        p.waitForFinished(-1);
        if (p.exitCode() != 0)
            std::fprintf(stderr, "%s\n", p.readAll().constData());
        return p.exitCode() == 0;
    }
};

// Makes the folder `dir`, writes the configuration, runs init and import. False on failure.
inline bool prepareServerFolder(const QString &dir, ServerFolder *out)
{
    QDir().mkpath(dir);
    out->dir = dir;
    out->ini = dir + QStringLiteral("/baosong-server.ini");
    QFile f(out->ini);
    QFile admin(dir + QStringLiteral("/admin-password"));
    if (!f.open(QIODevice::WriteOnly) || !admin.open(QIODevice::WriteOnly))
        return false;
    f.write("[server]\nport=0\nlanguage=en\n[site]\nserve=false\n");
    admin.write("a-long-admin-password\n");
    f.close();
    admin.close();
    if (!out->run({QStringLiteral("init"), QStringLiteral("--password-file"),
                   dir + QStringLiteral("/admin-password")}) ||
        !out->run({QStringLiteral("import"),
                   QStringLiteral(BAOSONG_SOURCE_DIR "/resources/demo-organization.json"),
                   QStringLiteral("--passwords-out"), dir + QStringLiteral("/passwords.tsv")}))
        return false;
    QFile tsv(dir + QStringLiteral("/passwords.tsv"));
    if (!tsv.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : tsv.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 2 && !line.startsWith('#'))
            out->passwords.insert(QString::fromUtf8(fields[0]), QString::fromUtf8(fields[1]));
    }
    return true;
}

// Starts `serve` on the folder in `server` (its log in <dir>/serve.log: a pipe nobody reads would stall
// it) and waits for the API's address in the log; the port, or 0 (the log on stderr) when it did not start.
inline quint16 startServer(const ServerFolder &folder, QProcess &server)
{
    const QString log = folder.dir + QStringLiteral("/serve.log");
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.setStandardOutputFile(log);
    server.start(QStringLiteral(BAOSONG_SERVER_BIN),
                 {QStringLiteral("--config"), folder.ini, QStringLiteral("serve")});
    static const QRegularExpression address(QStringLiteral("https://127\\.0\\.0\\.1:(\\d+)/api/v1/"));
    QByteArray output;
    for (int i = 0; i < 600 && server.state() != QProcess::NotRunning; ++i) {
        QThread::msleep(100);
        QFile f(log);
        if (f.open(QIODevice::ReadOnly))
            output = f.readAll();
        const QRegularExpressionMatch m = address.match(QString::fromUtf8(output));
        if (m.hasMatch())
            return m.captured(1).toUShort();
    }
    std::fprintf(stderr, "server did not start: %s\n", output.constData());
    return 0;
}

} // namespace baosong::bench
