#include "ServerProcess.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace baosong::test {

QString serverBinary()
{
    return QStringLiteral(BAOSONG_SERVER_BIN);
}

bool ServerFolder::run(const QStringList &args) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(serverBinary(), QStringList{u"--config"_s, ini} + args);
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s\n", p.readAll().constData());
        return false;
    }
    return true;
}

bool prepareServerFolder(const QString &dir, ServerFolder *out, const QByteArray &extraIni)
{
    QDir().mkpath(dir);
    out->dir = dir;
    out->ini = dir + u"/baosong-server.ini"_s;
    QFile f(out->ini);
    QFile admin(dir + u"/admin-password"_s);
    if (!f.open(QIODevice::WriteOnly) || !admin.open(QIODevice::WriteOnly))
        return false;
    f.write("[server]\nport=0\nlanguage=en\n[site]\nserve=false\n" + extraIni);
    admin.write("a-long-admin-password\n");
    f.close();
    admin.close();
    if (!out->run({u"init"_s, u"--password-file"_s, dir + u"/admin-password"_s}) ||
        !out->run({u"import"_s, QStringLiteral(BAOSONG_SOURCE_DIR "/resources/demo-organization.json"),
                   u"--passwords-out"_s, dir + u"/passwords.tsv"_s}))
        return false;
    QFile tsv(dir + u"/passwords.tsv"_s);
    if (!tsv.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : tsv.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 2 && !line.startsWith('#'))
            out->passwords.insert(QString::fromUtf8(fields[0]), QString::fromUtf8(fields[1]));
    }
    return true;
}

quint16 startServer(const ServerFolder &folder, QProcess &server)
{
    const QString log = folder.dir + u"/serve.log"_s;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.setStandardOutputFile(log);
    server.start(serverBinary(), {u"--config"_s, folder.ini, u"serve"_s});
    static const QRegularExpression address(u"https://127\\.0\\.0\\.1:(\\d+)/api/v1/"_s);
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

} // namespace baosong::test
