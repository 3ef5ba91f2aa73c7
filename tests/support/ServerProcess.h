#pragma once

// The real baosong-server binary in a child process, for benchmarks and tests that need the server's
// memory apart from their own: a folder with its configuration (an unused port, English, no public
// site), `init` and `import` of the demo organization done, and the demo accounts' passwords read back.

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace baosong::test {

// The baosong-server executable this build made.
QString serverBinary();

struct ServerFolder
{
    QString dir;                       // the server's data folder
    QString ini;                       // its configuration file
    QHash<QString, QString> passwords; // login → password of the demo accounts

    // Runs a baosong-server command on this folder; false (its output on stderr) when it fails.
    bool run(const QStringList &args) const;
};

// Makes the folder `dir`, writes the configuration (with `extraIni` appended: more keys or sections),
// runs init and import. False on failure.
bool prepareServerFolder(const QString &dir, ServerFolder *out, const QByteArray &extraIni = {});

// Starts `serve` on the folder in `server` (its log in <dir>/serve.log: a pipe nobody reads would stall
// it) and waits for the API's address in the log; the port, or 0 (the log on stderr) when it did not
// start.
quint16 startServer(const ServerFolder &folder, QProcess &server);

} // namespace baosong::test
