#include "ServerCli.h"

#include "ColumnChange.h"

#include "Accounts.h"
#include "Api.h"
#include "Certificate.h"
#include "ChangeRelay.h"
#include "DomainJson.h"
#include "HttpServer.h"
#include "Metrics.h"
#include "Organization.h"
#include "PortalSender.h"
#include "RouteEngine.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SiteRenderer.h"
#include "SiteServer.h"
#include "Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <sodium.h>

#include <csignal>
#include <cstdio>
#include <limits>
#include <memory>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

const QString kCliActor = u"admin-cli"_s;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message)
{
    err() << message << Qt::endl;
    return 1;
}

// The translation context of the command line's messages.
struct ServerCli
{
    Q_DECLARE_TR_FUNCTIONS(ServerCli)
};

// A password from a file (first line), or asked on the terminal without echo.
bool readPassword(const QString &file, const QString &prompt, QString *password, QString *error)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = ServerCli::tr("The password file %1 cannot be read: %2").arg(file, f.errorString());
            return false;
        }
        *password = QString::fromUtf8(f.readLine()).trimmed();
        return true;
    }
    err() << prompt << Qt::flush;
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    *password = in.readLine().trimmed();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err() << Qt::endl;
    }
    return true;
}

// A random password of 16 letters and digits (for imported people and the first administrator).
QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString p;
    for (int i = 0; i < 16; ++i)
        p.append(QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]));
    return p;
}

bool writePrivateFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = ServerCli::tr("%1 cannot be written: %2").arg(path, f.errorString());
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(content);
    return f.flush();
}

bool audit(ServerStore &store, const QString &type, const QString &subject, const QJsonObject &details)
{
    AuditEvent e;
    e.at = QDateTime::currentDateTimeUtc();
    e.actorId = kCliActor;
    e.type = type;
    e.subjectId = subject;
    e.details = details;
    return store.appendAudit(e);
}

bool importOrganization(ServerStore &store, Accounts &accounts, const Organization &org,
                        const QString &passwordsOut, QString *error)
{
    {
        ServerStore::Transaction tx(store);
        if (!store.saveOrganizationInfo(org)) {
            *error = store.lastError();
            return false;
        }
        for (const Unit &u : org.units) {
            if (!store.saveUnit(u)) {
                *error = store.lastError();
                return false;
            }
        }
        for (const Column &c : org.columns) {
            if (!store.saveColumn(c)) {
                *error = store.lastError();
                return false;
            }
        }
        for (const Person &p : org.people) {
            if (!store.savePerson(p)) {
                *error = store.lastError();
                return false;
            }
        }
        if (!audit(store, u"admin.import"_s, org.name,
                   {{"units"_L1, int(org.units.size())},
                    {"people"_L1, int(org.people.size())},
                    {"columns"_L1, int(org.columns.size())},
                    {"example_data"_L1, org.exampleData}}) ||
            !tx.commit()) {
            *error = store.lastError();
            return false;
        }
    }
    if (passwordsOut.isEmpty())
        return true;
    // People without a password get a random one, written (only) to the passwords file.
    QByteArray lines = "# login\tpassword\tname\troles (example data: change them before real use)\n";
    for (const Person &p : org.people) {
        const std::optional<Account> account = store.account(p.id);
        if (account && !account->passwordHash.isEmpty())
            continue;
        const QString password = randomPassword();
        if (!accounts.setPassword(kCliActor, p.id, password, QDateTime::currentDateTimeUtc(), error))
            return false;
        QStringList roles;
        for (const RoleGrant &g : p.grants)
            roles.append(toString(g.role));
        lines += (p.id + u'\t' + password + u'\t' + p.name + u'\t' + roles.join(u',') + u'\n').toUtf8();
    }
    return writePrivateFile(passwordsOut, lines, error);
}

std::optional<RoleGrant> parseGrant(const QString &text, QString *error)
{
    // role[:unit,unit] or role:* (bureau-wide)
    const qsizetype colon = text.indexOf(u':');
    const QString roleName = colon < 0 ? text : text.left(colon);
    const std::optional<Role> role = roleFromString(roleName);
    if (!role) {
        *error = ServerCli::tr("Unknown role \"%1\".").arg(roleName);
        return std::nullopt;
    }
    RoleGrant g;
    g.role = *role;
    const QString scope = colon < 0 ? QString() : text.mid(colon + 1);
    if (scope == "*"_L1 || scope.isEmpty())
        g.bureauWide = true;
    else
        g.unitIds = scope.split(u',', Qt::SkipEmptyParts);
    return g;
}

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int)
{
    g_stop = 1;
}

int serve(const ServerConfig &config)
{
    ServerStore store(config.store);
    QString error;
    if (!store.open(&error))
        return fail(error);
    RouteEngine custom;
    if (!config.routesFile.isEmpty() && !RouteEngine::loadFile(config.routesFile, &custom, &error))
        return fail(error);
    const RouteEngine &engine = config.routesFile.isEmpty() ? RouteEngine::builtin() : custom;
    Accounts accounts(store, config.accounts);
    Api api(store, accounts, engine, config.blobs);
    api.setDeadline(Deadline(config.deadline));
    api.setScoring(config.scoring);
    api.setOrgans(config.site.organs);
    // The public site: publications render into the folder (built once now if it is new).
    SiteRenderer site(config.site, store);
    {
        // A new folder, or a store whose site index was never built (or its search index lost).
        const SiteRenderer::Report report =
            QFileInfo::exists(QDir(config.site.folder).filePath(u"index.html"_s)) ? site.ensureIndexed()
                                                                                  : site.republishAll();
        if (!report.ok())
            return fail(report.error);
    }
    SiteRenderer::attach(&store, &site);
    // The municipal portal's outbox (Art. 14): worked from now on, first what a killed server left.
    PortalSender portal(config.municipal, store);
    PortalSender::attach(&store, &portal);
    const SiteServer siteHandler(config.site);
    std::unique_ptr<http::HttpsServer> siteServer;
    if (config.site.serve) {
        http::ServerConfig siteConfig = config.http;
        siteConfig.address = config.site.address;
        siteConfig.port = config.site.port;
        siteServer = std::make_unique<http::HttpsServer>(
            siteConfig, [&siteHandler](const http::Request &r) { return siteHandler.handle(r); });
        if (!siteServer->start(&error)) {
            PortalSender::detach(&store);
            SiteRenderer::detach(&store);
            return fail(error);
        }
    }
    // GET /metrics (docs/server.md "Monitoring"): every answer of the API port counted.
    Metrics metrics;
    api.setMetrics(&metrics, config.metricsAllowRemote);
    http::ServerConfig apiConfig = config.http;
    apiConfig.observer = [&metrics](QByteArrayView method, QByteArrayView path, int status, double seconds) {
        metrics.recordRequest(method, path, status, seconds);
    };
    // An upload chunk may be larger than other bodies (docs/api.md "Attachments").
    apiConfig.limits.bodyLimitFor = [blobs = config.blobs](const QByteArray &method, const QByteArray &path) {
        return UploadApi::bodyLimitFor(blobs, method, path);
    };
    http::HttpsServer server(apiConfig, [&api](const http::Request &r) { return api.handle(r); });
    // Several servers on one PostgreSQL database: a change on any of them reaches the clients of all.
    std::unique_ptr<ChangeRelay> relay;
    if (config.store.isPostgres())
        relay = std::make_unique<ChangeRelay>(
            config.store, [&server] { server.broadcast(Api::changedNotice()); }, &store);
    if (relay)
        store.setActionNotice(QString::fromLatin1(ChangeRelay::kChannel), relay->instanceId());
    api.setChangeListener([&server, &store, relay = relay.get()](bool othersTold) {
        server.broadcast(Api::changedNotice());
        if (relay && !othersTold)
            relay->announce(store);
    });
    if (!server.start(&error)) {
        PortalSender::detach(&store);
        SiteRenderer::detach(&store);
        return fail(error);
    }
    const QByteArray fingerprint = http::Certificate::sha256Fingerprint(config.http.certificateFile, &error);
    out() << ServerCli::tr("baosong-server %1 serving https://%2:%3/api/v1/ (store: %4)")
                 .arg(QCoreApplication::applicationVersion(), config.http.address)
                 .arg(server.port())
                 .arg(config.store.isPostgres() ? config.store.database : config.store.sqlitePath)
          << Qt::endl;
    out() << ServerCli::tr("certificate SHA-256 fingerprint: %1").arg(QString::fromLatin1(fingerprint))
          << Qt::endl;
    if (siteServer)
        out() << ServerCli::tr("public site: https://%1:%2/ (folder %3)")
                     .arg(config.site.address)
                     .arg(siteServer->port())
                     .arg(config.site.folder)
              << Qt::endl;
    else
        out() << ServerCli::tr("public site: written to %1 (served by the bureau's web server)")
                     .arg(config.site.folder)
              << Qt::endl;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &poll, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    poll.start(200);
    const int rc = QCoreApplication::exec();
    server.stop();
    if (siteServer)
        siteServer->stop();
    PortalSender::detach(&store);
    SiteRenderer::detach(&store);
    out() << ServerCli::tr("baosong-server stopped") << Qt::endl;
    return rc;
}

// ---- the commands ----------------------------------------------------------------------------------

// Every option of every command (QCommandLineParser knows no sub-commands): which command reads which
// is said in its help line.
struct Options
{
    QCommandLineOption config{
        u"config"_s,
        ServerCli::tr("The configuration file (default: baosong-server.ini in the data folder)."), u"file"_s};
    QCommandLineOption data{
        u"data"_s, ServerCli::tr("The data folder (default: ~/.local/share/Baosong/server)."), u"folder"_s};
    QCommandLineOption admin{u"admin"_s, ServerCli::tr("init: the administrator's login (default: admin)."),
                             u"id"_s, u"admin"_s};
    QCommandLineOption passwordFile{u"password-file"_s, ServerCli::tr("Read the password from this file."),
                                    u"file"_s};
    QCommandLineOption passwordsOut{
        u"passwords-out"_s,
        ServerCli::tr("import: give people without a password a random one, written to this file."),
        u"file"_s};
    QCommandLineOption name{u"name"_s, ServerCli::tr("The name."), u"name"_s};
    QCommandLineOption unit{u"unit"_s, ServerCli::tr("The person's unit."), u"unit"_s};
    QCommandLineOption title{u"title"_s, ServerCli::tr("The person's job title."), u"title"_s};
    QCommandLineOption grant{u"grant"_s, ServerCli::tr("A role: ROLE:UNIT,UNIT or ROLE:* (bureau-wide)."),
                             u"grant"_s};
    QCommandLineOption type{u"type"_s, ServerCli::tr("Unit or column type."), u"type"_s};
    QCommandLineOption code{u"code"_s, ServerCli::tr("The unit's code for index numbers."), u"code"_s};
    QCommandLineOption parent{u"parent"_s, ServerCli::tr("The parent column."), u"column"_s};
    QCommandLineOption units{u"units"_s, ServerCli::tr("Responsible units, comma-separated."), u"units"_s};
    QCommandLineOption interval{u"interval"_s, ServerCli::tr("Expected update interval in days."), u"days"_s};
    QCommandLineOption from{u"from"_s, ServerCli::tr("audit list: the first sequence number."), u"n"_s,
                            u"1"_s};

    QList<QCommandLineOption> all() const
    {
        return {config, data, admin, passwordFile, passwordsOut, name,     unit, title,
                grant,  type, code,  parent,       units,        interval, from};
    }
};

// What a command runs with: the parsed command line, the configuration and, for every command but
// serve, the open store and the accounts.
struct Context
{
    const QCommandLineParser &parser;
    const Options &options;
    const QStringList &args; // args[0] is the command
    const ServerConfig &config;
    ServerStore *store = nullptr;
    Accounts *accounts = nullptr;
    QDateTime now{};

    QString value(const QCommandLineOption &o) const { return parser.value(o); }
};

int initCommand(Context &c)
{
    QString error;
    const ServerConfig &config = c.config;
    ServerStore &store = *c.store;
    if (!QFileInfo::exists(config.http.certificateFile)) {
        if (!http::Certificate::generateSelfSigned(config.http.certificateFile, config.http.keyFile,
                                                   {u"localhost"_s}, {u"127.0.0.1"_s, u"::1"_s}, 825, &error))
            return fail(error);
        out() << ServerCli::tr("made a self-signed certificate: %1 (key %2, readable only by you)")
                     .arg(config.http.certificateFile, config.http.keyFile)
              << Qt::endl;
    }
    const QString adminId = c.value(c.options.admin);
    if (!store.account(adminId)) {
        Person admin;
        admin.id = adminId;
        admin.name = ServerCli::tr("Administrator");
        admin.grants.append(RoleGrant{Role::Administrator, {}, true});
        QString password;
        if (c.parser.isSet(c.options.passwordFile)) {
            if (!readPassword(c.value(c.options.passwordFile), {}, &password, &error))
                return fail(error);
        } else if (!readPassword({}, ServerCli::tr("Password for %1: ").arg(adminId), &password, &error)) {
            return fail(error);
        }
        {
            ServerStore::Transaction tx(store);
            if (!store.savePerson(admin) || !audit(store, u"admin.person_added"_s, adminId, {}) ||
                !tx.commit())
                return fail(store.lastError());
        }
        if (!c.accounts->setPassword(kCliActor, adminId, password, c.now, &error))
            return fail(error);
        out() << ServerCli::tr("administrator %1 created").arg(adminId) << Qt::endl;
    }
    const QByteArray fingerprint = http::Certificate::sha256Fingerprint(config.http.certificateFile, &error);
    out() << ServerCli::tr("store: %1")
                 .arg(config.store.isPostgres() ? config.store.database : config.store.sqlitePath)
          << Qt::endl;
    out() << ServerCli::tr("certificate SHA-256 fingerprint: %1").arg(QString::fromLatin1(fingerprint))
          << Qt::endl;
    return 0;
}

int importCommand(Context &c)
{
    if (c.args.size() < 2)
        return fail(ServerCli::tr("import needs the organization file."));
    QString error;
    Organization org;
    if (!Organization::fromFile(c.args[1], &org, &error))
        return fail(error);
    if (!importOrganization(*c.store, *c.accounts, org, c.value(c.options.passwordsOut), &error))
        return fail(error);
    out() << ServerCli::tr("imported %1: %2 units, %3 people, %4 columns")
                 .arg(org.name)
                 .arg(org.units.size())
                 .arg(org.people.size())
                 .arg(org.columns.size())
          << Qt::endl;
    if (c.parser.isSet(c.options.passwordsOut))
        out() << ServerCli::tr("passwords of new accounts: %1 (readable only by you)")
                     .arg(c.value(c.options.passwordsOut))
              << Qt::endl;
    return 0;
}

int userCommand(Context &c)
{
    ServerStore &store = *c.store;
    const QString sub = c.args.value(1);
    if (sub == "list"_L1) {
        for (const Person &p : store.people()) {
            QStringList roles;
            for (const RoleGrant &g : p.grants)
                roles.append(toString(g.role) + u':' + (g.bureauWide ? u"*"_s : g.unitIds.join(u',')));
            out() << p.id << '\t' << p.name << '\t' << p.unitId << '\t' << roles.join(u' ')
                  << (p.disabled ? ServerCli::tr("\t(disabled)") : QString()) << Qt::endl;
        }
        return 0;
    }
    const QString id = c.args.value(2);
    if (id.isEmpty())
        return fail(ServerCli::tr("user %1 needs the person's login.").arg(sub));
    QString error;
    if (sub == "add"_L1) {
        Person p;
        p.id = id;
        p.name = c.value(c.options.name);
        p.title = c.value(c.options.title);
        p.unitId = c.value(c.options.unit);
        for (const QString &g : c.parser.values(c.options.grant)) {
            const std::optional<RoleGrant> grant = parseGrant(g, &error);
            if (!grant)
                return fail(error);
            p.grants.append(*grant);
        }
        if (p.name.isEmpty())
            return fail(ServerCli::tr("user add needs --name."));
        ServerStore::Transaction tx(store);
        if (!store.savePerson(p) || !audit(store, u"admin.person_added"_s, id, json::toJson(p)) ||
            !tx.commit())
            return fail(store.lastError());
        out() << ServerCli::tr("person %1 saved; set a password with: user passwd %1").arg(id) << Qt::endl;
        return 0;
    }
    if (sub == "passwd"_L1) {
        QString password;
        if (!readPassword(c.value(c.options.passwordFile), ServerCli::tr("New password for %1: ").arg(id),
                          &password, &error))
            return fail(error);
        if (!c.accounts->setPassword(kCliActor, id, password, c.now, &error))
            return fail(error);
        out() << ServerCli::tr("password of %1 set").arg(id) << Qt::endl;
        return 0;
    }
    if (sub == "disable"_L1 || sub == "enable"_L1) {
        if (!c.accounts->setDisabled(kCliActor, id, sub == "disable"_L1, c.now, &error))
            return fail(error);
        out() << (sub == "disable"_L1 ? ServerCli::tr("%1 disabled; their sessions are ended").arg(id)
                                      : ServerCli::tr("%1 enabled").arg(id))
              << Qt::endl;
        return 0;
    }
    return fail(ServerCli::tr("user: say list, add, passwd, disable or enable."));
}

int unitCommand(Context &c)
{
    ServerStore &store = *c.store;
    const QString sub = c.args.value(1);
    if (sub == "list"_L1) {
        for (const Unit &u : store.units())
            out() << u.id << '\t' << u.code << '\t' << toString(u.type) << '\t' << u.name << Qt::endl;
        return 0;
    }
    if (sub == "add"_L1 && !c.args.value(2).isEmpty()) {
        Unit u;
        u.id = c.args[2];
        u.name = c.value(c.options.name);
        u.code = c.value(c.options.code);
        const std::optional<UnitType> type = unitTypeFromString(c.value(c.options.type));
        if (u.name.isEmpty() || !type)
            return fail(ServerCli::tr("unit add needs --name and --type (office, section, district_bureau, "
                                      "affiliated_unit, information_centre)."));
        u.type = *type;
        ServerStore::Transaction tx(store);
        if (!store.saveUnit(u) || !audit(store, u"admin.unit_saved"_s, u.id, json::toJson(u)) || !tx.commit())
            return fail(store.lastError());
        out() << ServerCli::tr("unit %1 saved").arg(u.id) << Qt::endl;
        return 0;
    }
    return fail(ServerCli::tr("unit: say list, or add ID --name N --type T."));
}

int columnCommand(Context &c)
{
    ServerStore &store = *c.store;
    const QString sub = c.args.value(1);
    if (sub == "list"_L1) {
        for (const Column &col : store.columns())
            out() << col.id << '\t' << col.parentId << '\t' << toString(col.type) << '\t' << col.name << '\t'
                  << col.responsibleUnitIds.join(u',') << '\t' << col.updateIntervalDays << Qt::endl;
        return 0;
    }
    if (sub == "add"_L1 && !c.args.value(2).isEmpty()) {
        Column col;
        col.id = c.args[2];
        col.name = c.value(c.options.name);
        col.parentId = c.value(c.options.parent);
        col.responsibleUnitIds = c.value(c.options.units).split(u',', Qt::SkipEmptyParts);
        col.updateIntervalDays = c.value(c.options.interval).toInt();
        if (c.parser.isSet(c.options.type)) {
            const std::optional<ColumnType> type = columnTypeFromString(c.value(c.options.type));
            if (!type)
                return fail(ServerCli::tr("Unknown column type \"%1\" (dynamic, notice, policy, static).")
                                .arg(c.value(c.options.type)));
            col.type = *type;
        }
        if (col.name.isEmpty())
            return fail(ServerCli::tr("column add needs --name."));
        ServerStore::Transaction tx(store);
        Organization org;
        org.units = store.units();
        org.columns = store.columns();
        const Column *before = org.column(col.id);
        if (before) {
            // `column add` of a known id changes what the options name and keeps the rest.
            Column changed = *before;
            changed.name = col.name;
            if (c.parser.isSet(c.options.parent))
                changed.parentId = col.parentId;
            if (c.parser.isSet(c.options.units))
                changed.responsibleUnitIds = col.responsibleUnitIds;
            if (c.parser.isSet(c.options.interval))
                changed.updateIntervalDays = col.updateIntervalDays;
            if (c.parser.isSet(c.options.type))
                changed.type = col.type;
            col = changed;
        }
        if (const QString why = ColumnChange::problem(org, col); !why.isEmpty())
            return fail(why);
        if (!store.saveColumn(col) || !audit(store, u"admin.column_saved"_s, col.id, json::toJson(col)) ||
            !SiteRenderer::queueColumnChange(store, org.columns, before, col) || !tx.commit())
            return fail(store.lastError());
        out() << ServerCli::tr("column %1 saved").arg(col.id) << Qt::endl;
        if (!c.config.site.folder.isEmpty()) {
            // The site follows now (a serving process would also find the jobs at its next render).
            SiteRenderer site(c.config.site, store);
            if (QString error; !site.drainQueue(&error))
                return fail(ServerCli::tr("the site could not be updated: %1").arg(error));
        }
        return 0;
    }
    return fail(ServerCli::tr("column: say list, or add ID --name N."));
}

int backupCommand(Context &c)
{
    if (c.args.size() < 2)
        return fail(ServerCli::tr("backup needs the path of the snapshot to write."));
    QString error;
    if (!c.store->backup(c.args[1], &error))
        return fail(error);
    ServerStore::Transaction tx(*c.store);
    if (!audit(*c.store, u"backup"_s, c.args[1], {}) || !tx.commit())
        return fail(c.store->lastError());
    out() << ServerCli::tr("backup written to %1").arg(c.args[1]) << Qt::endl;
    return 0;
}

int restoredCommand(Context &c)
{
    // After a store was put back from a backup by any means (pg_restore, a copied file): a new epoch,
    // so that clients send again what this copy lacks (a snapshot of `backup` already has one).
    ServerStore::Transaction tx(*c.store);
    if (!c.store->renewEpoch() || !audit(*c.store, u"store.restored"_s, c.store->epoch(), {}) || !tx.commit())
        return fail(c.store->lastError());
    out()
        << ServerCli::tr("new epoch %1: clients will send again what this store lacks").arg(c.store->epoch())
        << Qt::endl;
    return 0;
}

// The end of a queue's report (render-queue, portal-queue): its oldest entry and, when some fail, why
// and when they are tried again.
void printQueueTail(const QDateTime &oldest, int failing, const QString &lastError,
                    const QDateTime &nextAttempt)
{
    if (oldest.isValid())
        out() << ServerCli::tr("oldest queued at %1").arg(oldest.toString(Qt::ISODate)) << Qt::endl;
    if (failing > 0)
        out() << ServerCli::tr("last error: %1; next try at %2")
                     .arg(lastError, nextAttempt.toString(Qt::ISODate))
              << Qt::endl;
}

int renderQueueCommand(Context &c)
{
    if (c.args.size() > 1 && c.args[1] == "run"_L1) {
        SiteRenderer site(c.config.site, *c.store);
        QString error;
        if (!site.drainQueue(&error))
            return fail(ServerCli::tr("the site could not be updated: %1").arg(error));
    } else if (c.args.size() > 1) {
        return fail(ServerCli::tr("render-queue: say nothing (to see it) or run."));
    }
    const RenderQueueStatus status = c.store->renderQueueStatus();
    if (!c.store->lastError().isEmpty())
        return fail(c.store->lastError());
    out() << ServerCli::tr("%1 item(s) waiting for their pages, %2 failing")
                 .arg(status.queued)
                 .arg(status.failing)
          << Qt::endl;
    printQueueTail(status.oldest, status.failing, status.lastError, status.nextAttempt);
    return 0;
}

// Column health (core/ColumnHealth): every column's state and the site's warnings; exit status 1 when
// an inspection would fail the site, so that a monitoring job can run it.
int columnHealthCommand(Context &c)
{
    const std::optional<SiteHealth> health = Api::siteHealth(*c.store, chinaToday());
    if (!health)
        return fail(c.store->lastError());
    for (const ColumnHealth &h : health->columns) {
        const QString since = h.lastPublished.isValid()
                                  ? ServerCli::tr("last %1 (%n day(s) ago)", nullptr, h.daysSince)
                                        .arg(chinaDate(h.lastPublished).toString(Qt::ISODate))
                                  : ServerCli::tr("nothing published");
        out() << h.columnId << '\t' << displayName(h.state) << '\t' << since
              << (h.longUnupdated ? ServerCli::tr("\tlong unupdated") : QString())
              << (h.retired   ? ServerCli::tr("\tretired")
                  : !h.listed ? ServerCli::tr("\tnot listed on the site")
                              : QString())
              << Qt::endl;
    }
    out() << ServerCli::tr("stale %1 of %2, long unupdated %3 of %4, empty %5 of %6")
                 .arg(health->stale.count)
                 .arg(health->stale.limit)
                 .arg(health->longUnupdated.count)
                 .arg(health->longUnupdated.limit)
                 .arg(health->empty.count)
                 .arg(health->empty.limit)
          << Qt::endl;
    for (const QString &m : health->messages())
        out() << m << Qt::endl;
    return health->failing() ? 1 : 0;
}

int portalQueueCommand(Context &c)
{
    if (c.args.size() > 1 && c.args[1] == "run"_L1) {
        PortalSender sender(c.config.municipal, *c.store);
        QString error;
        if (!sender.drainQueue(&error))
            return fail(ServerCli::tr("the municipal portal's outbox could not be worked: %1").arg(error));
    } else if (c.args.size() > 1) {
        return fail(ServerCli::tr("portal-queue: say nothing (to see it) or run."));
    }
    const PortalQueueStatus status = c.store->portalQueueStatus();
    if (!c.store->lastError().isEmpty())
        return fail(c.store->lastError());
    out() << ServerCli::tr(
                 "%1 item(s) waiting to be sent to the municipal platform, %2 awaiting its decision, "
                 "%3 failing")
                 .arg(status.queued)
                 .arg(status.waiting)
                 .arg(status.failing)
          << Qt::endl;
    printQueueTail(status.oldest, status.failing, status.lastError, status.nextAttempt);
    return 0;
}

int republishCommand(Context &c)
{
    SiteRenderer site(c.config.site, *c.store);
    // What was queued before is in the whole site written now.
    const QList<RenderJob> queued = c.store->dueRenderJobs(std::numeric_limits<int>::max(),
                                                           QDateTime::currentDateTimeUtc().addYears(100));
    const SiteRenderer::Report report = site.republishAll();
    if (report.ok() && !c.store->finishRenderJobs(queued))
        return fail(c.store->lastError());
    for (const QString &file : report.written)
        out() << ServerCli::tr("wrote %1").arg(file) << Qt::endl;
    for (const QString &file : report.removed)
        out() << ServerCli::tr("removed %1").arg(file) << Qt::endl;
    if (!report.ok())
        return fail(report.error);
    ServerStore::Transaction tx(*c.store);
    if (!audit(*c.store, u"site.republish"_s, c.config.site.folder,
               {{"written"_L1, int(report.written.size())},
                {"unchanged"_L1, report.unchanged},
                {"removed"_L1, int(report.removed.size())}}) ||
        !tx.commit())
        return fail(c.store->lastError());
    out() << ServerCli::tr("site %1 republished: %2 files written, %3 unchanged, %4 removed")
                 .arg(c.config.site.folder)
                 .arg(report.written.size())
                 .arg(report.unchanged)
                 .arg(report.removed.size())
          << Qt::endl;
    return 0;
}

int auditCommand(Context &c)
{
    const QString sub = c.args.value(1);
    if (sub == "verify"_L1) {
        const AuditVerification v = c.store->verifyAudit();
        if (!v.ok) {
            err()
                << ServerCli::tr("audit chain BROKEN at event %1: %2").arg(v.firstBadSequence).arg(v.problem)
                << Qt::endl;
            return 2;
        }
        out() << (v.checkpointVerified
                      ? ServerCli::tr("audit chain intact: %1 events, the last one matching the keyed "
                                      "checkpoint")
                            .arg(v.eventsChecked)
                      : ServerCli::tr("audit chain intact: %1 events").arg(v.eventsChecked))
              << Qt::endl;
        return 0;
    }
    if (sub == "checkpoint"_L1) {
        // For an outside witness (a line in a paper register, a mail to the information centre): a
        // later `audit verify` that disagrees with what was witnessed shows a rewritten log.
        const std::optional<ServerStore::AuditCheckpoint> cp = c.store->auditCheckpoint();
        if (!c.store->hasAuditKey() || !cp)
            return fail(
                ServerCli::tr("audit checkpoint: the store has no keyed checkpoint yet (no audit key, "
                              "or no event)."));
        out() << ServerCli::tr("audit checkpoint: event %1, hash %2, key mac %3")
                     .arg(cp->sequence)
                     .arg(QString::fromLatin1(cp->hash), QString::fromLatin1(cp->mac))
              << Qt::endl;
        return 0;
    }
    if (sub == "list"_L1) {
        for (const AuditEvent &e : c.store->auditEvents(c.value(c.options.from).toLongLong(), 1000))
            out() << e.sequence << '\t' << e.at.toString(Qt::ISODate) << '\t' << e.actorId << '\t' << e.type
                  << '\t' << e.subjectId << '\t'
                  << QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)) << Qt::endl;
        return 0;
    }
    return fail(ServerCli::tr("audit: say verify, checkpoint or list."));
}

int serveCommand(Context &c)
{
    return serve(c.config);
}

// The command table: the help text and the dispatch are both made from it.
struct Command
{
    QLatin1StringView name;
    const char *synopsis; // translated in the help (ServerCli context)
    bool opensStore;      // every command but serve works on the open store
    int (*run)(Context &);
    bool writesDefaultConfig = false; // init: a missing configuration file is written first
};

const Command kCommands[] = {
    {"init"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "init [--admin ID] [--password-file F]   create config, store, administrator, "
                       "certificate"),
     true, initCommand, true},
    {"serve"_L1,
     QT_TRANSLATE_NOOP("ServerCli", "serve                                    serve the HTTPS API"), false,
     serveCommand},
    {"import"_L1,
     QT_TRANSLATE_NOOP("ServerCli", "import FILE [--passwords-out F]          load an organization file"),
     true, importCommand},
    {"user"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "user list | add ID --name N [--unit U] [--title T] --grant ROLE[:UNITS|:*] "
                       "...\n       | passwd ID [--password-file F] | disable ID | enable ID"),
     true, userCommand},
    {"unit"_L1, QT_TRANSLATE_NOOP("ServerCli", "unit list | add ID --name N --type T [--code C]"), true,
     unitCommand},
    {"column"_L1,
     QT_TRANSLATE_NOOP(
         "ServerCli",
         "column list | add ID --name N [--parent P] [--type T] [--units U,V] [--interval DAYS]"),
     true, columnCommand},
    {"backup"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "backup PATH                              consistent snapshot while serving "
                       "(SQLite)"),
     true, backupCommand},
    {"restored"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "restored                                 after restoring a backup: a new epoch, so "
                       "clients re-send what it lacks"),
     true, restoredCommand},
    {"render-queue"_L1,
     QT_TRANSLATE_NOOP(
         "ServerCli", "render-queue [run]                       the site's pages waiting to be written; run: "
                      "write them now"),
     true, renderQueueCommand},
    {"column-health"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "column-health                            each column's last update and state; "
                       "the inspection's counts (exit 1: failing)"),
     true, columnHealthCommand},
    {"portal-queue"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "portal-queue [run]                       items for the municipal platform (Art. 14); "
                       "run: send and ask now"),
     true, portalQueueCommand},
    {"republish"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "republish                                rebuild the public site from the store"),
     true, republishCommand},
    {"audit"_L1,
     QT_TRANSLATE_NOOP("ServerCli",
                       "audit verify | checkpoint | list [--from N]  check the audit chain, print its "
                       "keyed head, or list it"),
     true, auditCommand},
};

QString commandNames()
{
    QStringList names;
    for (const Command &c : kCommands)
        names.append(QString(c.name));
    return names.join(u", "_s);
}

} // namespace

int runServerCli(int argc, char *argv[])
{
    // Everything the server writes (store, keys, password files, backups) is for its owner only.
    umask(0077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"baosong-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BAOSONG_VERSION));
    if (sodium_init() < 0)
        return fail(ServerCli::tr("libsodium could not be initialised."));

    QString description = ServerCli::tr("Baosong site server.") + u"\n\n"_s + ServerCli::tr("Commands:");
    for (const Command &c : kCommands)
        description += u"\n  "_s + ServerCli::tr(c.synopsis);
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    parser.addOptions(options.all());
    parser.addPositionalArgument(u"command"_s, commandNames());
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(ServerCli::tr("Say what to do: %1 (see --help).").arg(commandNames()));
    const Command *command = nullptr;
    for (const Command &c : kCommands) {
        if (args.first() == c.name)
            command = &c;
    }
    if (!command)
        return fail(ServerCli::tr("Unknown command \"%1\" (see --help).").arg(args.first()));

    const QString dataDir = parser.isSet(options.data)
                                ? parser.value(options.data)
                                : QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                                      .filePath(u"Baosong/server"_s);
    const QString configPath = parser.isSet(options.config) ? parser.value(options.config)
                                                            : QDir(dataDir).filePath(u"baosong-server.ini"_s);
    QString error;
    if (command->writesDefaultConfig && !QFileInfo::exists(configPath) &&
        !ServerConfig::writeDefault(configPath, &error))
        return fail(error);
    ServerConfig config;
    if (!ServerConfig::load(configPath, &config, &error))
        return fail(error);
    installTranslations(&app, chooseLanguage(config.language));

    Context context{parser, options, args, config};
    if (!command->opensStore)
        return command->run(context);
    ServerStore store(config.store);
    if (!store.open(&error))
        return fail(error);
    Accounts accounts(store, config.accounts);
    context.store = &store;
    context.accounts = &accounts;
    context.now = QDateTime::currentDateTimeUtc();
    return command->run(context);
}

} // namespace baosong::server
