#include "ScaleOut.h"

#include "ServerHarness.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::StringLiterals;

namespace baosong::test {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool prepareSharedServers(const QString &work, const QString &database, int count, QList<ServerFolder> *out,
                          QString *error)
{
    server::StoreConfig pg;
    if (!postgresConfig(&pg, error) ||
        !runOnPostgres(pg,
                       {u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database),
                        u"CREATE DATABASE %1"_s.arg(database)},
                       error))
        return false;
    const QString shared = work + u"/shared"_s;
    QFile password(work + u"/pg-password"_s);
    if (!QDir().mkpath(shared) || !password.open(QIODevice::WriteOnly)) {
        *error = u"cannot write in %1"_s.arg(work);
        return false;
    }
    password.write(pg.password.toUtf8() + '\n');
    password.close();
    // Continues prepareServerFolder's [site] section: one site, one blob store for all.
    const QByteArray extra =
        u"folder=%1/site\nattachments=%1/attachments\nsearch_index=%1/site-search.sqlite\n"
        u"[blobs]\nfolder=%1/blobs\n"
        u"[store]\ndriver=QPSQL\nhost=%2\nport=%3\ndatabase=%4\nuser=%5\npassword_file=%6\n"_s
            .arg(shared, pg.host)
            .arg(pg.port)
            .arg(database, pg.user, password.fileName())
            .toUtf8();
    out->clear();
    ServerFolder first;
    if (!prepareServerFolder(work + u"/a"_s, &first, extra)) {
        *error = u"the first server's folder could not be prepared (its output is above)"_s;
        return false;
    }
    out->append(first);
    for (int i = 1; i < count; ++i) {
        const QString dir = work + u'/' + QChar(u'a' + i);
        ServerFolder next{dir, dir + u"/baosong-server.ini"_s, first.passwords};
        if (!QDir().mkpath(dir)) {
            *error = u"cannot make %1"_s.arg(dir);
            return false;
        }
        for (const QString &f : {u"baosong-server.ini"_s, u"server.crt"_s, u"server.key"_s, u"audit.key"_s}) {
            if (!QFile::copy(first.dir + u'/' + f, dir + u'/' + f)) {
                *error = u"cannot copy %1 to %2"_s.arg(f, dir);
                return false;
            }
        }
        for (const QString &f : {u"server.key"_s, u"audit.key"_s})
            QFile(dir + u'/' + f).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        out->append(next);
    }
    return true;
}

NginxProxy::~NginxProxy()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
}

quint16 NginxProxy::start(const QString &folder, const QList<quint16> &upstreams,
                          const QString &certificateDir, QString *error)
{
    const QString nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
    if (nginx.isEmpty()) {
        *error = u"Debian's nginx is needed (scripts/setup-deps.sh installs it)"_s;
        return 0;
    }
    QString servers;
    for (const quint16 port : upstreams)
        servers += u"server 127.0.0.1:%1; "_s.arg(port);
    const quint16 front = freePort();
    QFile conf(folder + u"/nginx.conf"_s);
    if (!QDir().mkpath(folder + u"/temp"_s) || !conf.open(QIODevice::WriteOnly)) {
        *error = u"cannot write nginx's configuration in %1"_s.arg(folder);
        return 0;
    }
    // Keep-alive to the upstreams, as a production site would (docs/server.md's sample does too).
    conf.write(uR"(pid %1/nginx.pid;
error_log %1/error.log warn;
worker_processes 1;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %1/temp/body;
    proxy_temp_path %1/temp/proxy;
    fastcgi_temp_path %1/temp/fastcgi;
    uwsgi_temp_path %1/temp/uwsgi;
    scgi_temp_path %1/temp/scgi;
    upstream baosong { %2 keepalive 32; }
    map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
    server {
        listen 127.0.0.1:%3 ssl;
        ssl_certificate %4/server.crt;
        ssl_certificate_key %4/server.key;
        client_max_body_size 9m;
        location / {
            proxy_pass https://baosong;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_ssl_trusted_certificate %4/server.crt;
            proxy_ssl_verify on;
            proxy_ssl_name localhost;
            proxy_ssl_session_reuse on;
            proxy_read_timeout 300s;
        }
    }
}
)"_s.arg(folder, servers)
                   .arg(front)
                   .arg(certificateDir)
                   .toUtf8());
    conf.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(nginx, {u"-p"_s, folder, u"-c"_s, conf.fileName()});
    if (!m_process.waitForStarted()) {
        *error = u"nginx did not start: %1"_s.arg(m_process.errorString());
        return 0;
    }
    // Up once it accepts connections.
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, front);
        if (probe.waitForConnected(100))
            return front;
        if (m_process.state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    *error = u"nginx did not answer: %1"_s.arg(QString::fromUtf8(m_process.readAll()));
    return 0;
}

} // namespace baosong::test
