#pragma once

// Benchmark support: a folder for the real baosong-server binary (BAOSONG_SERVER_BIN) with its
// configuration (an unused port, English, no public site), `init` and `import` of the demo
// organization done, and the demo accounts' passwords read back.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

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

} // namespace baosong::bench
