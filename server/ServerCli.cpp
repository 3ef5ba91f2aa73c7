#include "ServerCli.h"

#include "Accounts.h"
#include "Api.h"
#include "Certificate.h"
#include "DomainJson.h"
#include "HttpServer.h"
#include "Organization.h"
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
    // The public site: publications render into the folder (built once now if it is new).
    SiteRenderer site(config.site, store);
    if (!QFileInfo::exists(QDir(config.site.folder).filePath(u"index.html"_s))) {
        const SiteRenderer::Report report = site.republishAll();
        if (!report.ok())
            return fail(report.error);
    }
    SiteRenderer::attach(&store, &site);
    const SiteServer siteHandler(config.site);
    std::unique_ptr<http::HttpsServer> siteServer;
    if (config.site.serve) {
        http::ServerConfig siteConfig = config.http;
        siteConfig.address = config.site.address;
        siteConfig.port = config.site.port;
        siteServer = std::make_unique<http::HttpsServer>(
            siteConfig, [&siteHandler](const http::Request &r) { return siteHandler.handle(r); });
        if (!siteServer->start(&error)) {
            SiteRenderer::detach(&store);
            return fail(error);
        }
    }
    http::ServerConfig apiConfig = config.http;
    // An upload chunk may be larger than other bodies (docs/api.md "Attachments").
    apiConfig.limits.bodyLimitFor = [blobs = config.blobs](const QByteArray &method, const QByteArray &path) {
        return UploadApi::bodyLimitFor(blobs, method, path);
    };
    http::HttpsServer server(apiConfig, [&api](const http::Request &r) { return api.handle(r); });
    if (!server.start(&error)) {
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
    SiteRenderer::detach(&store);
    out() << ServerCli::tr("baosong-server stopped") << Qt::endl;
    return rc;
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

    QCommandLineParser parser;
    parser.setApplicationDescription(ServerCli::tr(
        "Baosong site server.\n\nCommands:\n"
        "  init [--admin ID] [--password-file F]   create config, store, administrator, certificate\n"
        "  serve                                    serve the HTTPS API\n"
        "  import FILE [--passwords-out F]          load an organization file\n"
        "  user list | add ID --name N [--unit U] [--title T] --grant ROLE[:UNITS|:*] ...\n"
        "       | passwd ID [--password-file F] | disable ID | enable ID\n"
        "  unit list | add ID --name N --type T [--code C]\n"
        "  column list | add ID --name N [--parent P] [--type T] [--units U,V] [--interval DAYS]\n"
        "  backup PATH                              consistent snapshot while serving (SQLite)\n"
        "  republish                                rebuild the public site from the store\n"
        "  audit verify | list [--from N]           check or print the audit chain"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        u"config"_s,
        ServerCli::tr("The configuration file (default: baosong-server.ini in the data folder)."), u"file"_s);
    const QCommandLineOption dataOption(
        u"data"_s, ServerCli::tr("The data folder (default: ~/.local/share/Baosong/server)."), u"folder"_s);
    const QCommandLineOption adminOption(
        u"admin"_s, ServerCli::tr("init: the administrator's login (default: admin)."), u"id"_s, u"admin"_s);
    const QCommandLineOption passwordFileOption(
        u"password-file"_s, ServerCli::tr("Read the password from this file."), u"file"_s);
    const QCommandLineOption passwordsOutOption(
        u"passwords-out"_s,
        ServerCli::tr("import: give people without a password a random one, written to this file."),
        u"file"_s);
    const QCommandLineOption nameOption(u"name"_s, ServerCli::tr("The name."), u"name"_s);
    const QCommandLineOption unitOption(u"unit"_s, ServerCli::tr("The person's unit."), u"unit"_s);
    const QCommandLineOption titleOption(u"title"_s, ServerCli::tr("The person's job title."), u"title"_s);
    const QCommandLineOption grantOption(
        u"grant"_s, ServerCli::tr("A role: ROLE:UNIT,UNIT or ROLE:* (bureau-wide)."), u"grant"_s);
    const QCommandLineOption typeOption(u"type"_s, ServerCli::tr("Unit or column type."), u"type"_s);
    const QCommandLineOption codeOption(u"code"_s, ServerCli::tr("The unit's code for index numbers."),
                                        u"code"_s);
    const QCommandLineOption parentOption(u"parent"_s, ServerCli::tr("The parent column."), u"column"_s);
    const QCommandLineOption unitsOption(u"units"_s, ServerCli::tr("Responsible units, comma-separated."),
                                         u"units"_s);
    const QCommandLineOption intervalOption(u"interval"_s, ServerCli::tr("Expected update interval in days."),
                                            u"days"_s);
    const QCommandLineOption fromOption(u"from"_s, ServerCli::tr("audit list: the first sequence number."),
                                        u"n"_s, u"1"_s);
    parser.addOptions({configOption, dataOption, adminOption, passwordFileOption, passwordsOutOption,
                       nameOption, unitOption, titleOption, grantOption, typeOption, codeOption, parentOption,
                       unitsOption, intervalOption, fromOption});
    parser.addPositionalArgument(
        u"command"_s, ServerCli::tr("init, serve, import, user, unit, column, backup, republish or audit"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(ServerCli::tr("Say what to do: init, serve, import, user, unit, column, backup, "
                                  "republish or audit (see --help)."));
    const QString command = args.first();

    const QString dataDir = parser.isSet(dataOption)
                                ? parser.value(dataOption)
                                : QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                                      .filePath(u"Baosong/server"_s);
    const QString configPath = parser.isSet(configOption) ? parser.value(configOption)
                                                          : QDir(dataDir).filePath(u"baosong-server.ini"_s);
    QString error;
    if (command == "init"_L1 && !QFileInfo::exists(configPath) &&
        !ServerConfig::writeDefault(configPath, &error))
        return fail(error);
    ServerConfig config;
    if (!ServerConfig::load(configPath, &config, &error))
        return fail(error);
    installTranslations(&app, chooseLanguage(config.language));

    if (command == "serve"_L1)
        return serve(config);

    ServerStore store(config.store);
    if (!store.open(&error))
        return fail(error);
    Accounts accounts(store, config.accounts);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (command == "init"_L1) {
        if (!QFileInfo::exists(config.http.certificateFile)) {
            if (!http::Certificate::generateSelfSigned(config.http.certificateFile, config.http.keyFile,
                                                       {u"localhost"_s}, {u"127.0.0.1"_s, u"::1"_s}, 825,
                                                       &error))
                return fail(error);
            out() << ServerCli::tr("made a self-signed certificate: %1 (key %2, readable only by you)")
                         .arg(config.http.certificateFile, config.http.keyFile)
                  << Qt::endl;
        }
        const QString adminId = parser.value(adminOption);
        if (!store.account(adminId)) {
            Person admin;
            admin.id = adminId;
            admin.name = ServerCli::tr("Administrator");
            admin.grants.append(RoleGrant{Role::Administrator, {}, true});
            QString password;
            if (parser.isSet(passwordFileOption)) {
                if (!readPassword(parser.value(passwordFileOption), {}, &password, &error))
                    return fail(error);
            } else if (!readPassword({}, ServerCli::tr("Password for %1: ").arg(adminId), &password,
                                     &error)) {
                return fail(error);
            }
            {
                ServerStore::Transaction tx(store);
                if (!store.savePerson(admin) || !audit(store, u"admin.person_added"_s, adminId, {}) ||
                    !tx.commit())
                    return fail(store.lastError());
            }
            if (!accounts.setPassword(kCliActor, adminId, password, now, &error))
                return fail(error);
            out() << ServerCli::tr("administrator %1 created").arg(adminId) << Qt::endl;
        }
        const QByteArray fingerprint =
            http::Certificate::sha256Fingerprint(config.http.certificateFile, &error);
        out() << ServerCli::tr("store: %1")
                     .arg(config.store.isPostgres() ? config.store.database : config.store.sqlitePath)
              << Qt::endl;
        out() << ServerCli::tr("certificate SHA-256 fingerprint: %1").arg(QString::fromLatin1(fingerprint))
              << Qt::endl;
        return 0;
    }

    if (command == "import"_L1) {
        if (args.size() < 2)
            return fail(ServerCli::tr("import needs the organization file."));
        Organization org;
        if (!Organization::fromFile(args[1], &org, &error))
            return fail(error);
        if (!importOrganization(store, accounts, org, parser.value(passwordsOutOption), &error))
            return fail(error);
        out() << ServerCli::tr("imported %1: %2 units, %3 people, %4 columns")
                     .arg(org.name)
                     .arg(org.units.size())
                     .arg(org.people.size())
                     .arg(org.columns.size())
              << Qt::endl;
        if (parser.isSet(passwordsOutOption))
            out() << ServerCli::tr("passwords of new accounts: %1 (readable only by you)")
                         .arg(parser.value(passwordsOutOption))
                  << Qt::endl;
        return 0;
    }

    if (command == "user"_L1) {
        const QString sub = args.value(1);
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
        const QString id = args.value(2);
        if (id.isEmpty())
            return fail(ServerCli::tr("user %1 needs the person's login.").arg(sub));
        if (sub == "add"_L1) {
            Person p;
            p.id = id;
            p.name = parser.value(nameOption);
            p.title = parser.value(titleOption);
            p.unitId = parser.value(unitOption);
            for (const QString &g : parser.values(grantOption)) {
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
            out() << ServerCli::tr("person %1 saved; set a password with: user passwd %1").arg(id)
                  << Qt::endl;
            return 0;
        }
        if (sub == "passwd"_L1) {
            QString password;
            if (!readPassword(parser.value(passwordFileOption),
                              ServerCli::tr("New password for %1: ").arg(id), &password, &error))
                return fail(error);
            if (!accounts.setPassword(kCliActor, id, password, now, &error))
                return fail(error);
            out() << ServerCli::tr("password of %1 set").arg(id) << Qt::endl;
            return 0;
        }
        if (sub == "disable"_L1 || sub == "enable"_L1) {
            if (!accounts.setDisabled(kCliActor, id, sub == "disable"_L1, now, &error))
                return fail(error);
            out() << (sub == "disable"_L1 ? ServerCli::tr("%1 disabled; their sessions are ended").arg(id)
                                          : ServerCli::tr("%1 enabled").arg(id))
                  << Qt::endl;
            return 0;
        }
        return fail(ServerCli::tr("user: say list, add, passwd, disable or enable."));
    }

    if (command == "unit"_L1) {
        const QString sub = args.value(1);
        if (sub == "list"_L1) {
            for (const Unit &u : store.units())
                out() << u.id << '\t' << u.code << '\t' << toString(u.type) << '\t' << u.name << Qt::endl;
            return 0;
        }
        if (sub == "add"_L1 && !args.value(2).isEmpty()) {
            Unit u;
            u.id = args[2];
            u.name = parser.value(nameOption);
            u.code = parser.value(codeOption);
            const std::optional<UnitType> type = unitTypeFromString(parser.value(typeOption));
            if (u.name.isEmpty() || !type)
                return fail(
                    ServerCli::tr("unit add needs --name and --type (office, section, district_bureau, "
                                  "affiliated_unit, information_centre)."));
            u.type = *type;
            ServerStore::Transaction tx(store);
            if (!store.saveUnit(u) || !audit(store, u"admin.unit_saved"_s, u.id, json::toJson(u)) ||
                !tx.commit())
                return fail(store.lastError());
            out() << ServerCli::tr("unit %1 saved").arg(u.id) << Qt::endl;
            return 0;
        }
        return fail(ServerCli::tr("unit: say list, or add ID --name N --type T."));
    }

    if (command == "column"_L1) {
        const QString sub = args.value(1);
        if (sub == "list"_L1) {
            for (const Column &c : store.columns())
                out() << c.id << '\t' << c.parentId << '\t' << toString(c.type) << '\t' << c.name << '\t'
                      << c.responsibleUnitIds.join(u',') << '\t' << c.updateIntervalDays << Qt::endl;
            return 0;
        }
        if (sub == "add"_L1 && !args.value(2).isEmpty()) {
            Column c;
            c.id = args[2];
            c.name = parser.value(nameOption);
            c.parentId = parser.value(parentOption);
            c.responsibleUnitIds = parser.value(unitsOption).split(u',', Qt::SkipEmptyParts);
            c.updateIntervalDays = parser.value(intervalOption).toInt();
            if (parser.isSet(typeOption)) {
                const std::optional<ColumnType> type = columnTypeFromString(parser.value(typeOption));
                if (!type)
                    return fail(ServerCli::tr("Unknown column type \"%1\" (dynamic, notice, policy, static).")
                                    .arg(parser.value(typeOption)));
                c.type = *type;
            }
            if (c.name.isEmpty())
                return fail(ServerCli::tr("column add needs --name."));
            ServerStore::Transaction tx(store);
            if (!store.saveColumn(c) || !audit(store, u"admin.column_saved"_s, c.id, json::toJson(c)) ||
                !tx.commit())
                return fail(store.lastError());
            out() << ServerCli::tr("column %1 saved").arg(c.id) << Qt::endl;
            return 0;
        }
        return fail(ServerCli::tr("column: say list, or add ID --name N."));
    }

    if (command == "backup"_L1) {
        if (args.size() < 2)
            return fail(ServerCli::tr("backup needs the path of the snapshot to write."));
        if (!store.backup(args[1], &error))
            return fail(error);
        ServerStore::Transaction tx(store);
        if (!audit(store, u"backup"_s, args[1], {}) || !tx.commit())
            return fail(store.lastError());
        out() << ServerCli::tr("backup written to %1").arg(args[1]) << Qt::endl;
        return 0;
    }

    if (command == "republish"_L1) {
        SiteRenderer site(config.site, store);
        const SiteRenderer::Report report = site.republishAll();
        for (const QString &file : report.written)
            out() << ServerCli::tr("wrote %1").arg(file) << Qt::endl;
        for (const QString &file : report.removed)
            out() << ServerCli::tr("removed %1").arg(file) << Qt::endl;
        if (!report.ok())
            return fail(report.error);
        ServerStore::Transaction tx(store);
        if (!audit(store, u"site.republish"_s, config.site.folder,
                   {{"written"_L1, int(report.written.size())},
                    {"unchanged"_L1, report.unchanged},
                    {"removed"_L1, int(report.removed.size())}}) ||
            !tx.commit())
            return fail(store.lastError());
        out() << ServerCli::tr("site %1 republished: %2 files written, %3 unchanged, %4 removed")
                     .arg(config.site.folder)
                     .arg(report.written.size())
                     .arg(report.unchanged)
                     .arg(report.removed.size())
              << Qt::endl;
        return 0;
    }

    if (command == "audit"_L1) {
        const QString sub = args.value(1);
        if (sub == "verify"_L1) {
            const AuditVerification v = store.verifyAudit();
            if (!v.ok) {
                err() << ServerCli::tr("audit chain BROKEN at event %1: %2")
                             .arg(v.firstBadSequence)
                             .arg(v.problem)
                      << Qt::endl;
                return 2;
            }
            out() << ServerCli::tr("audit chain intact: %1 events").arg(v.eventsChecked) << Qt::endl;
            return 0;
        }
        if (sub == "list"_L1) {
            for (const AuditEvent &e : store.auditEvents(parser.value(fromOption).toLongLong(), 1000))
                out() << e.sequence << '\t' << e.at.toString(Qt::ISODate) << '\t' << e.actorId << '\t'
                      << e.type << '\t' << e.subjectId << '\t'
                      << QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))
                      << Qt::endl;
            return 0;
        }
        return fail(ServerCli::tr("audit: say verify or list."));
    }

    return fail(ServerCli::tr("Unknown command \"%1\" (see --help).").arg(command));
}

} // namespace baosong::server
