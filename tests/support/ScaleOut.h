#pragma once

// Several real baosong-server processes sharing one PostgreSQL database, one blob store and one site
// folder, with Debian's nginx in front on loopback sending requests to them in turn: what the
// scale-out test (tst_server_scaleout) and benchmark (bench_scaleout) run. Loopback only.

#include "ServerProcess.h"

#include <QList>
#include <QProcess>
#include <QString>

namespace baosong::test {

// A TCP port free on 127.0.0.1 at the time of asking.
quint16 freePort();

// Makes `count` server folders under `work` (a/, b/, …) for servers sharing the PostgreSQL database
// `database` of the test cluster (BAOSONG_TEST_PG), which is dropped and made anew, and the folders
// <work>/shared/{site,attachments,blobs}. The first is initialized and imports the demo organization;
// the others get its configuration, certificate and audit key (the store is there already). False
// with *error on failure.
bool prepareSharedServers(const QString &work, const QString &database, int count, QList<ServerFolder> *out,
                          QString *error);

// Debian's nginx on 127.0.0.1 terminating TLS with the servers' certificate (from `certificateDir`)
// and proxying to `upstreams` in turn, WebSocket upgrades included; stopped by the destructor.
class NginxProxy
{
public:
    ~NginxProxy();
    // Writes the configuration in `folder` and starts nginx; the front port, or 0 with *error.
    quint16 start(const QString &folder, const QList<quint16> &upstreams, const QString &certificateDir,
                  QString *error);
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
};

} // namespace baosong::test
