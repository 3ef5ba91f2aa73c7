#include "ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>
#include <QUrl>

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
    c.blobs.folder = dir.filePath(u"blobs"_s);
    c.site.folder = dir.filePath(u"site"_s);
    c.site.attachmentsFolder = dir.filePath(u"attachments"_s);
    c.site.searchIndex = dir.filePath(u"site-search.sqlite"_s);

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
        if (!readInt(s, u"deadline/urgent_hours"_s, &c.deadline.urgentHours, 1, 24 * 30, error) ||
            !readInt(s, u"deadline/urgent_due_soon_hours"_s, &c.deadline.urgentDueSoonHours, 0, 24 * 30,
                     error))
            return false;
        if (QString problem; !c.deadline.isValid(&problem)) {
            *error = problem;
            return false;
        }
        {
            // [scoring]: numbers over the defaults (core/Statistics).
            QJsonObject scoring;
            s.beginGroup(u"scoring"_s);
            for (const QString &key : s.childKeys()) {
                bool ok = false;
                const double value = s.value(key).toString().toDouble(&ok);
                scoring.insert(key, ok ? QJsonValue(value) : QJsonValue(s.value(key).toString()));
            }
            s.endGroup();
            QString problem;
            if (!ScoringTable::fromJson(scoring, &c.scoring, &problem)) {
                *error = tr("[scoring]: %1").arg(problem);
                return false;
            }
        }
        if (s.contains("blobs/folder"_L1))
            c.blobs.folder = dir.absoluteFilePath(s.value("blobs/folder"_L1).toString());
        int expiryHours = int(c.blobs.uploadExpirySeconds / 3600);
        if (!readInt64(s, u"blobs/chunk_size"_s, &c.blobs.chunkSize, 64 * 1024, error) ||
            !readInt64(s, u"blobs/max_upload_bytes"_s, &c.blobs.maxUploadBytes, 1, error) ||
            !readInt64(s, u"blobs/quota_bytes"_s, &c.blobs.quotaBytes, 1, error) ||
            !readInt(s, u"blobs/upload_expiry_hours"_s, &expiryHours, 1, 24 * 365, error))
            return false;
        c.blobs.uploadExpirySeconds = qint64(expiryHours) * 3600;
        if (c.blobs.chunkSize > 256 * 1024 * 1024) {
            *error = tr("The setting blobs/chunk_size must be at most %1 bytes (it is %2).")
                         .arg(256 * 1024 * 1024)
                         .arg(c.blobs.chunkSize);
            return false;
        }
        c.store.auditKeyFile = dir.absoluteFilePath(s.value("audit/key_file"_L1, u"audit.key"_s).toString());
        if (s.contains("routes/file"_L1))
            c.routesFile = dir.absoluteFilePath(s.value("routes/file"_L1).toString());

        if (s.contains("site/folder"_L1))
            c.site.folder = dir.absoluteFilePath(s.value("site/folder"_L1).toString());
        if (s.contains("site/attachments"_L1))
            c.site.attachmentsFolder = dir.absoluteFilePath(s.value("site/attachments"_L1).toString());
        if (s.contains("site/search_index"_L1))
            c.site.searchIndex = dir.absoluteFilePath(s.value("site/search_index"_L1).toString());
        if (s.contains("site/templates"_L1))
            c.site.templatesFolder = dir.absoluteFilePath(s.value("site/templates"_L1).toString());
        if (s.contains("site/badge"_L1))
            c.site.badgeFile = dir.absoluteFilePath(s.value("site/badge"_L1).toString());
        c.site.serve = s.value("site/serve"_L1, true).toBool();
        c.metricsAllowRemote = s.value("metrics/allow_remote"_L1, false).toBool();
        c.site.address = s.value("site/address"_L1, c.site.address).toString();
        int sitePort = c.site.port;
        if (!readInt(s, u"site/port"_s, &sitePort, 0, 65535, error) ||
            !readInt(s, u"site/page_size"_s, &c.site.pageSize, 1, 1000, error) ||
            !readInt(s, u"site/home_items"_s, &c.site.homeItems, 1, 100, error) ||
            !readInt(s, u"site/feed_items"_s, &c.site.feedItems, 1, 1000, error) ||
            !readInt(s, u"site/sitemap_urls"_s, &c.site.sitemapUrls, 1, 50000, error))
            return false;
        c.site.port = quint16(sitePort);
        // Text settings are read as UTF-8 (Chinese names and filing numbers); QSettings splits a value
        // with commas into a list, which is joined again.
        const auto text = [&s](const QString &key) {
            const QVariant v = s.value(key);
            return (v.typeId() == QMetaType::QStringList ? v.toStringList().join(u", "_s) : v.toString())
                .trimmed();
        };
        // The municipal platform (Art. 14): another baosong-server the bureau's account signs in to.
        c.municipal.url = text(u"municipal/url"_s);
        if (!c.municipal.url.isEmpty()) {
            const QUrl url(c.municipal.url);
            if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty()) {
                *error = tr("The setting municipal/url must be the municipal platform's https address (it is "
                            "\"%1\").")
                             .arg(c.municipal.url);
                return false;
            }
            c.municipal.login = text(u"municipal/login"_s);
            QFile f(dir.absoluteFilePath(s.value("municipal/password_file"_L1).toString()));
            if (c.municipal.login.isEmpty() || !s.contains("municipal/password_file"_L1) ||
                !f.open(QIODevice::ReadOnly)) {
                *error =
                    tr("The municipal platform needs municipal/login and a readable municipal/password_file "
                       "(%1).")
                        .arg(f.errorString());
                return false;
            }
            c.municipal.password = QString::fromUtf8(f.readAll()).trimmed();
            if (s.contains("municipal/ca_file"_L1))
                c.municipal.caFile = dir.absoluteFilePath(s.value("municipal/ca_file"_L1).toString());
            c.municipal.unitId = text(u"municipal/unit"_s);
            c.municipal.columnId = text(u"municipal/column"_s);
            if (!readInt(s, u"municipal/poll_seconds"_s, &c.municipal.pollSeconds, 1, 24 * 3600, error))
                return false;
        }
        c.site.name = text(u"site/name"_s);
        c.site.url = text(u"site/url"_s);
        c.site.siteCode = text(u"site/site_code"_s);
        c.site.organizer = text(u"site/organizer"_s);
        c.site.contact = text(u"site/contact"_s);
        c.site.icp = text(u"site/icp"_s);
        c.site.publicSecurity = text(u"site/public_security"_s);
        c.site.badgeLink = text(u"site/badge_link"_s);
        c.site.reportErrorUrl = text(u"site/report_error_url"_s);
        c.site.contactAddress = text(u"site/contact_address"_s);
        c.site.contactPostcode = text(u"site/contact_postcode"_s);
        c.site.contactPhone = text(u"site/contact_phone"_s);
        c.site.contactEmail = text(u"site/contact_email"_s);
        c.site.officeHours = text(u"site/office_hours"_s);
        c.site.organs.name = text(u"site/organ"_s);
        c.site.organs.code = text(u"site/organ_code"_s);
        for (const auto &[group, map] : {std::pair{u"organs"_s, &c.site.organs.unitNames},
                                         std::pair{u"organ_codes"_s, &c.site.organs.unitCodes}}) {
            s.beginGroup(group);
            for (const QString &unit : s.childKeys())
                map->insert(unit, s.value(unit).toString().trimmed());
            s.endGroup();
        }
        if (!c.site.url.isEmpty()) {
            const QUrl url(c.site.url);
            if (!url.isValid() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1) ||
                url.host().isEmpty()) {
                *error = tr("The setting site/url must be the site's public http or https address (it is "
                            "\"%1\").")
                             .arg(c.site.url);
                return false;
            }
        }
    }
    c.site.blobFolder = c.blobs.folder;
    c.municipal.blobFolder = c.blobs.folder;
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

[audit]
# The key of the audit log's checkpoint, kept outside the database (made with mode 0600 when missing;
# refused if others may read it). Keep a copy with the backups of this folder, not with the database's.
key_file=audit.key

[site]
# The public site: pages are written into this folder on every publication; any web server can serve
# it. `serve` also serves it over HTTPS (the server's certificate) on site/address and site/port.
folder=site
attachments=attachments
serve=true
address=127.0.0.1
port=8444
# Every page's footer and meta tags (docs/design.md §13). Fill these in before the site goes public.
# name=巴中市自然资源和规划局
# url=https://zrzyj.example.gov.cn/
# site_code=5119000001
# organizer=巴中市自然资源和规划局
# contact=电话：0827-0000000　地址：
# icp=蜀ICP备00000000号
# public_security=川公网安备 51190202000000号
# badge=badge.png
# badge_link=
# report_error_url=
# 联系我们 (contact.html): the address, phone and office hours an inspection looks for.
# contact_address=巴中市巴州区……
# contact_postcode=636000
# contact_phone=0827-0000000
# contact_email=
# office_hours=工作日 上午9:00—12:00，下午14:30—17:30
# The issuing organ (发布机构) of the disclosure catalogue and its code, the prefix of every index
# number (索引号), e.g. its 统一社会信用代码. A unit that is an organ of its own gets its name and code
# in [organs] and [organ_codes] (<unit id>=…).
# organ=巴中市自然资源和规划局
# organ_code=11511900MB0000000X
# templates=site-templates

[blobs]
# Attachments, named by their SHA-256 (for SQLite and PostgreSQL alike). Unfinished uploads count
# against each person's quota and are removed after upload_expiry_hours.
folder=blobs
chunk_size=4194304
max_upload_bytes=2147483648
quota_bytes=4294967296
upload_expiry_hours=24

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
