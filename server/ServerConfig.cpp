#include "ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

bool readInt(const QSettings &s, const QString &key, int *value, int min, int max, QString *error)
{
    if (!s.contains(key))
        return true;
    bool ok = false;
    const int v = s.value(key).toString().toInt(&ok);
    if (!ok || v < min || v > max) {
        *error = ServerConfig::tr("The setting %1 must be a whole number from %2 to %3 (it is \"%4\").")
                     .arg(key)
                     .arg(min)
                     .arg(max)
                     .arg(s.value(key).toString());
        return false;
    }
    *value = v;
    return true;
}

bool readInt64(const QSettings &s, const QString &key, qint64 *value, qint64 min, QString *error)
{
    if (!s.contains(key))
        return true;
    bool ok = false;
    const qint64 v = s.value(key).toString().toLongLong(&ok);
    if (!ok || v < min) {
        *error = ServerConfig::tr("The setting %1 must be a whole number of at least %2 (it is \"%3\").")
                     .arg(key)
                     .arg(min)
                     .arg(s.value(key).toString());
        return false;
    }
    *value = v;
    return true;
}

} // namespace

bool ServerConfig::load(const QString &path, ServerConfig *out, QString *error)
{
    ServerConfig c;
    const QFileInfo info(path);
    c.dataDir = info.absolutePath();
    const QDir dir(c.dataDir);
    c.http.certificateFile = dir.filePath(u"server.crt"_s);
    c.http.keyFile = dir.filePath(u"server.key"_s);
    c.http.port = 8443;
    c.store.sqlitePath = dir.filePath(u"baosong.sqlite"_s);

    if (info.exists()) {
        QSettings s(path, QSettings::IniFormat);
        if (s.status() != QSettings::NoError) {
            *error = tr("The configuration file %1 cannot be read.").arg(path);
            return false;
        }
        c.http.address = s.value("server/address"_L1, c.http.address).toString();
        c.language = s.value("server/language"_L1).toString();
        if (!c.language.isEmpty() && c.language != "zh_CN"_L1 && c.language != "en"_L1) {
            *error = tr("The setting server/language must be zh_CN or en (it is \"%1\").").arg(c.language);
            return false;
        }
        int port = c.http.port;
        if (!readInt(s, u"server/port"_s, &port, 0, 65535, error))
            return false;
        c.http.port = quint16(port);
        if (s.contains("server/certificate"_L1))
            c.http.certificateFile = dir.absoluteFilePath(s.value("server/certificate"_L1).toString());
        if (s.contains("server/key"_L1))
            c.http.keyFile = dir.absoluteFilePath(s.value("server/key"_L1).toString());
        if (!readInt(s, u"server/io_threads"_s, &c.http.ioThreads, 1, 64, error) ||
            !readInt(s, u"server/worker_threads"_s, &c.http.workerThreads, 1, 256, error) ||
            !readInt64(s, u"limits/max_header_bytes"_s, &c.http.limits.maxHeaderBytes, 1024, error) ||
            !readInt64(s, u"limits/max_body_bytes"_s, &c.http.limits.maxBodyBytes, 1024, error) ||
            !readInt(s, u"limits/handshake_timeout_ms"_s, &c.http.limits.handshakeTimeoutMs, 100, 3600000,
                     error) ||
            !readInt(s, u"limits/header_timeout_ms"_s, &c.http.limits.headerTimeoutMs, 100, 3600000, error) ||
            !readInt(s, u"limits/body_timeout_ms"_s, &c.http.limits.bodyTimeoutMs, 100, 3600000, error) ||
            !readInt(s, u"limits/idle_timeout_ms"_s, &c.http.limits.idleTimeoutMs, 100, 3600000, error) ||
            !readInt(s, u"limits/write_timeout_ms"_s, &c.http.limits.writeTimeoutMs, 100, 3600000, error) ||
            !readInt(s, u"limits/max_connections"_s, &c.http.limits.maxConnections, 1, 1000000, error))
            return false;

        c.store.driver = s.value("store/driver"_L1, c.store.driver).toString();
        if (c.store.driver != "QSQLITE"_L1 && c.store.driver != "QPSQL"_L1) {
            *error =
                tr("The setting store/driver must be QSQLITE or QPSQL (it is \"%1\").").arg(c.store.driver);
            return false;
        }
        if (s.contains("store/path"_L1))
            c.store.sqlitePath = dir.absoluteFilePath(s.value("store/path"_L1).toString());
        c.store.host = s.value("store/host"_L1, c.store.host).toString();
        if (!readInt(s, u"store/port"_s, &c.store.port, 1, 65535, error))
            return false;
        c.store.database = s.value("store/database"_L1).toString();
        c.store.user = s.value("store/user"_L1).toString();
        if (s.contains("store/password_file"_L1)) {
            QFile f(dir.absoluteFilePath(s.value("store/password_file"_L1).toString()));
            if (!f.open(QIODevice::ReadOnly)) {
                *error =
                    tr("The database password file %1 cannot be read: %2").arg(f.fileName(), f.errorString());
                return false;
            }
            c.store.password = QString::fromUtf8(f.readAll()).trimmed();
        }

        if (!readInt(s, u"accounts/session_minutes"_s, &c.accounts.sessionMinutes, 1, 60 * 24 * 90, error) ||
            !readInt(s, u"accounts/slow_after_failures"_s, &c.accounts.slowAfterFailures, 1, 1000, error) ||
            !readInt(s, u"accounts/slow_seconds"_s, &c.accounts.slowSeconds, 0, 3600, error) ||
            !readInt(s, u"accounts/lock_after_failures"_s, &c.accounts.lockAfterFailures, 1, 1000, error) ||
            !readInt(s, u"accounts/lock_minutes"_s, &c.accounts.lockMinutes, 1, 60 * 24 * 30, error) ||
            !readInt(s, u"accounts/min_password_length"_s, &c.accounts.minPasswordLength, 8, 1024, error))
            return false;
        if (s.contains("routes/file"_L1))
            c.routesFile = dir.absoluteFilePath(s.value("routes/file"_L1).toString());
    }
    *out = c;
    return true;
}

bool ServerConfig::writeDefault(const QString &path, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("The folder of %1 cannot be created.").arg(path);
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = tr("%1 cannot be written: %2").arg(path, f.errorString());
        return false;
    }
    f.write(R"(# baosong-server configuration (docs/server.md lists every key).
# Relative paths are relative to this file's folder.

[server]
# Listen on loopback only by default; use the server's address to serve a network.
address=127.0.0.1
port=8443
certificate=server.crt
key=server.key
io_threads=1
worker_threads=4
# The language of messages in answers and on the command line: zh_CN or en (default: the system's).
# language=zh_CN

[limits]
max_header_bytes=16384
max_body_bytes=8388608
header_timeout_ms=10000
body_timeout_ms=60000
idle_timeout_ms=30000

[store]
# QSQLITE (the embedded default) or QPSQL (PostgreSQL: host, port, database, user, password_file)
driver=QSQLITE
path=baosong.sqlite

[accounts]
session_minutes=720
slow_after_failures=3
slow_seconds=2
lock_after_failures=10
lock_minutes=15
min_password_length=10
)");
    return f.flush();
}

} // namespace baosong::server
