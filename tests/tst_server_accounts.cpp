// Accounts and sessions (server/Accounts, docs/design.md §8) against a real ServerStore: on SQLite in a
// temporary directory and on PostgreSQL (BAOSONG_TEST_PG, set by scripts/test.sh). Argon2id hashes,
// tokens stored only as their SHA-256, expiry and logout, slowing and lockout after failed sign-ins,
// password change, disabled people; every outcome is the expected audit event, the audit chain
// verifies, and no password or token reaches an audit event or a log line.
//
// Times are passed explicitly (`now`), so slowing and lockout are tested without sleeping.

#include "Accounts.h"
#include "ServerHarness.h"
#include "ServerStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;
using namespace baosong;
using namespace baosong::server;
using namespace baosong::test;

namespace {

const QString kPersonId = u"correspondent.li"_s;
const QString kAdminId = u"admin.zhao"_s;
const QString kPassword = u"Plum blossom 梅花 in March"_s;
const QString kWrongPassword = u"plum blossom 梅花 in march"_s;
const QString kRemote = u"192.0.2.17"_s;
// The PostgreSQL schema this test works in: its own (per process), so that it can run beside the other
// store tests and beside another run of itself. Dropped at the end.
QString pgSchema()
{
    static const QString name = u"baosong_test_accounts_%1"_s.arg(QCoreApplication::applicationPid());
    return name;
}

const QDateTime kT0(QDate(2025, 3, 3), QTime(9, 0), Qt::UTC);

Accounts::Policy testPolicy()
{
    Accounts::Policy policy;
    policy.sessionMinutes = 30;
    policy.slowAfterFailures = 2;
    policy.slowSeconds = 1;
    policy.lockAfterFailures = 5;
    policy.lockMinutes = 5;
    policy.minPasswordLength = 10;
    return policy;
}

// Every message logged while the tests run, from any category and thread.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void hashAndVerify();
    void tokenHashIsSha256Hex();
    void loginStoresOnlyTheTokenHash();
    void wrongPasswordIsCounted();
    void unknownPersonLooksLikeWrongPassword();
    void personWithoutPasswordCannotSignIn();
    void slowingAfterFailures();
    void lockoutAfterFailures();
    void successResetsTheCounter();
    void disabledPersonIsRefusedAndSignedOut();
    void authenticateRefusesBadTokens();
    void logoutRevokes();
    void sessionCacheSeesOtherWriters();
    void changePassword();
    void setPasswordByAdministrator();

private:
    // Signs in with the right password and remembers the token as a secret.
    Accounts::LoginResult loginOk(const QString &personId, const QString &password, const QDateTime &now);
    Accounts::LoginResult login(const QString &personId, const QString &password, const QDateTime &now);
    // The audit events appended since the last call (or since init()).
    QList<AuditEvent> newAuditEvents();
    static QStringList types(const QList<AuditEvent> &events);
    Account account(const QString &personId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Accounts> m_accounts;
    QStringList m_secrets; // passwords and tokens: never in an audit event or a log line
    qint64 m_auditMark = 0;
};

void TestAccounts::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgres") << u"postgres"_s;
}

void TestAccounts::initTestCase()
{
    // libpq reads PGOPTIONS when a connection is made: the store's tables land in this test's schema.
    qputenv("PGOPTIONS", QStringLiteral("-c search_path=%1").arg(pgSchema()).toUtf8());
    g_previousHandler = qInstallMessageHandler(captureMessages);
}

void TestAccounts::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
    const QString conninfo = qEnvironmentVariable("BAOSONG_TEST_PG");
    if (!conninfo.isEmpty()) {
        QString error;
        StoreConfig config;
        QVERIFY2(postgresConfig(&config, &error), qPrintable(error));
        QVERIFY2(runOnPostgres(config, {u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(pgSchema())}, &error),
                 qPrintable(error));
    }
}

void TestAccounts::init()
{
    QFETCH_GLOBAL(QString, backend);
    {
        QMutexLocker locker(&g_logMutex);
        g_log.clear();
    }
    m_secrets = {kPassword, kWrongPassword};
    m_auditMark = 0;

    StoreConfig config;
    if (backend == "postgres"_L1) {
        const QString conninfo = qEnvironmentVariable("BAOSONG_TEST_PG");
        if (conninfo.isEmpty()) {
            QFAIL("BAOSONG_TEST_PG is not set, so the PostgreSQL half of this test can't run. Run the tests "
                  "with scripts/test.sh: it starts a throwaway PostgreSQL cluster and sets BAOSONG_TEST_PG.");
        }
        QString error;
        QVERIFY2(postgresConfig(&config, &error), qPrintable(error));
        // Every case starts from an empty schema; the store's connections find it through PGOPTIONS.
        QVERIFY2(runOnPostgres(config,
                               {u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(pgSchema()),
                                u"CREATE SCHEMA %1"_s.arg(pgSchema())},
                               &error),
                 qPrintable(error));
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        config.driver = u"QSQLITE"_s;
        config.sqlitePath = m_dir->filePath(u"server.sqlite"_s);
    }

    m_store = std::make_unique<ServerStore>(config);
    QString error;
    QVERIFY2(m_store->open(&error), qPrintable(error));
    m_accounts = std::make_unique<Accounts>(*m_store, testPolicy());

    QVERIFY(m_store->saveUnit(Unit{u"planning"_s, u"规划科"_s, UnitType::Section, u"GH"_s}));
    QVERIFY(m_store->saveUnit(Unit{u"infocentre"_s, u"信息中心"_s, UnitType::InformationCentre, u"XX"_s}));
    Person li;
    li.id = kPersonId;
    li.name = u"李明"_s;
    li.title = u"科员"_s;
    li.unitId = u"planning"_s;
    li.grants = {RoleGrant{Role::Correspondent, {u"planning"_s}, false}};
    QVERIFY(m_store->savePerson(li));
    Person zhao;
    zhao.id = kAdminId;
    zhao.name = u"赵强"_s;
    zhao.title = u"工程师"_s;
    zhao.unitId = u"infocentre"_s;
    zhao.grants = {RoleGrant{Role::Administrator, {}, true}};
    QVERIFY(m_store->savePerson(zhao));
    QVERIFY2(m_accounts->setPassword(kAdminId, kPersonId, kPassword, kT0.addDays(-1), &error),
             qPrintable(error));

    const QList<AuditEvent> setup = newAuditEvents();
    QCOMPARE(types(setup), QStringList{u"admin.password_set"_s});
}

void TestAccounts::cleanup()
{
    if (m_store) {
        const AuditVerification verification = m_store->verifyAudit();
        QVERIFY2(verification.ok, qPrintable(verification.problem));

        const QList<AuditEvent> events = m_store->auditEvents(0, 1000000);
        QCOMPARE(verification.eventsChecked, qint64(events.size()));
        for (const AuditEvent &event : events) {
            const QString text = QString::fromUtf8(QJsonDocument(event.details).toJson()) + event.actorId +
                                 event.subjectId + event.type;
            for (const QString &secret : std::as_const(m_secrets)) {
                QVERIFY2(!text.contains(secret),
                         qPrintable(
                             u"audit event %1 (%2) contains a secret"_s.arg(event.sequence).arg(event.type)));
            }
        }
        QMutexLocker locker(&g_logMutex);
        for (const QString &line : std::as_const(g_log)) {
            for (const QString &secret : std::as_const(m_secrets))
                QVERIFY2(!line.contains(secret), "a log line contains a password or token");
        }
    }
    m_accounts.reset();
    m_store.reset();
    m_dir.reset();
}

Accounts::LoginResult TestAccounts::login(const QString &personId, const QString &password,
                                          const QDateTime &now)
{
    Accounts::LoginResult result = m_accounts->login(personId, password, now, kRemote);
    if (!result.token.isEmpty())
        m_secrets.append(QString::fromLatin1(result.token));
    return result;
}

Accounts::LoginResult TestAccounts::loginOk(const QString &personId, const QString &password,
                                            const QDateTime &now)
{
    Accounts::LoginResult result = login(personId, password, now);
    if (result.status != Accounts::LoginResult::Status::Ok)
        qWarning("sign-in of %s refused: %s", qPrintable(personId), qPrintable(result.message));
    return result;
}

QList<AuditEvent> TestAccounts::newAuditEvents()
{
    QList<AuditEvent> events = m_store->auditEvents(0, 1000000);
    events.removeIf([this](const AuditEvent &e) { return e.sequence <= m_auditMark; });
    for (const AuditEvent &event : std::as_const(events))
        m_auditMark = std::max(m_auditMark, event.sequence);
    return events;
}

QStringList TestAccounts::types(const QList<AuditEvent> &events)
{
    QStringList result;
    for (const AuditEvent &event : events)
        result.append(event.type);
    return result;
}

Account TestAccounts::account(const QString &personId)
{
    const std::optional<Account> account = m_store->account(personId);
    if (!account)
        qWarning("no account %s", qPrintable(personId));
    return account.value_or(Account{});
}

// ---- hashes and tokens -----------------------------------------------------------------------------

void TestAccounts::hashAndVerify()
{
    const QByteArray hash = Accounts::hashPassword(kPassword);
    QVERIFY2(hash.startsWith("$argon2id$"), hash.constData());
    QVERIFY(!hash.contains(kPassword.toUtf8()));
    QVERIFY(Accounts::verifyPassword(hash, kPassword));
    QVERIFY(!Accounts::verifyPassword(hash, kWrongPassword));
    QVERIFY(!Accounts::verifyPassword(hash, kPassword + u' '));
    QVERIFY(!Accounts::verifyPassword(hash, QString()));

    // Salted: the same password hashes differently each time, and both verify.
    const QByteArray again = Accounts::hashPassword(kPassword);
    QVERIFY(again != hash);
    QVERIFY(Accounts::verifyPassword(again, kPassword));

    // Not a hash: never verifies.
    QVERIFY(!Accounts::verifyPassword(QByteArray(), kPassword));
    QVERIFY(!Accounts::verifyPassword("not a hash", kPassword));
    QVERIFY(!Accounts::verifyPassword(hash.left(hash.size() - 4), kPassword));

    // The hash set through the store is Argon2id too and verifies the password.
    const Account li = account(kPersonId);
    QVERIFY(li.passwordHash.startsWith("$argon2id$"));
    QVERIFY(Accounts::verifyPassword(li.passwordHash, kPassword));
    QVERIFY(!Accounts::verifyPassword(li.passwordHash, kWrongPassword));
}

void TestAccounts::tokenHashIsSha256Hex()
{
    QCOMPARE(Accounts::tokenHash("abc"),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(Accounts::tokenHash("x").size(), qsizetype(64));
}

// ---- signing in ------------------------------------------------------------------------------------

void TestAccounts::loginStoresOnlyTheTokenHash()
{
    const Accounts::LoginResult result = loginOk(kPersonId, kPassword, kT0);
    QCOMPARE(result.status, Accounts::LoginResult::Status::Ok);
    const QByteArray token = result.token;
    // 32 random bytes, base64url without padding.
    QCOMPARE(token.size(), qsizetype(43));
    const auto decoded = QByteArray::fromBase64Encoding(token, QByteArray::Base64UrlEncoding |
                                                                   QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), qsizetype(32));
    const QByteArray hash = Accounts::tokenHash(token);
    QCOMPARE(result.session.tokenHash, hash);
    QCOMPARE(result.session.personId, kPersonId);
    QCOMPARE(result.session.createdAt, kT0);
    QCOMPARE(result.session.expiresAt, kT0.addSecs(30 * 60));

    const std::optional<Session> stored = m_store->session(hash);
    QVERIFY(stored);
    QCOMPARE(stored->personId, kPersonId);
    QVERIFY(!stored->revoked);
    QCOMPARE(stored->expiresAt, kT0.addSecs(30 * 60));

    // The sessions table holds the hash and nothing that contains the token.
    QSqlQuery query(m_store->database());
    QVERIFY2(query.exec(u"SELECT * FROM sessions"_s), qPrintable(query.lastError().text()));
    int rows = 0;
    bool hashFound = false;
    while (query.next()) {
        ++rows;
        for (int i = 0; i < query.record().count(); ++i) {
            const QByteArray value = query.value(i).toByteArray();
            QVERIFY2(!value.contains(token), "the token itself is stored");
            QVERIFY2(!value.contains(decoded.decoded), "the token's bytes are stored");
            if (value == hash || value.toLower() == hash || value == QByteArray::fromHex(hash))
                hashFound = true;
        }
    }
    QCOMPARE(rows, 1);
    QVERIFY(hashFound);

    // Nowhere in the database file (nor its write-ahead log) is the token.
    if (!m_store->config().isPostgres()) {
        const QString path = m_store->config().sqlitePath;
        const QByteArray bytes =
            fileBytes(path) + fileBytes(path + u"-wal"_s) + fileBytes(path + u"-journal"_s);
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(bytes.contains(hash) || bytes.contains(QByteArray::fromHex(hash)),
                 "the token hash isn't in the files searched: the search proves nothing");
        QVERIFY(!bytes.contains(token));
        QVERIFY(!bytes.contains(decoded.decoded));
    }

    QCOMPARE(m_accounts->authenticate(token, kT0.addSecs(60)).value_or(Person{}).id, kPersonId);

    // Another sign-in gets another token.
    const Accounts::LoginResult second = loginOk(kPersonId, kPassword, kT0.addSecs(5));
    QCOMPARE(second.status, Accounts::LoginResult::Status::Ok);
    QVERIFY(second.token != token);

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), (QStringList{u"login"_s, u"login"_s}));
    QCOMPARE(events.first().actorId, kPersonId);
    QCOMPARE(events.first().subjectId, kPersonId);
    QCOMPARE(events.first().at, kT0);
    QCOMPARE(events.first().details.value("remote"_L1).toString(), kRemote);
}

void TestAccounts::wrongPasswordIsCounted()
{
    const Accounts::LoginResult result = login(kPersonId, kWrongPassword, kT0);
    QCOMPARE(result.status, Accounts::LoginResult::Status::BadCredentials);
    QVERIFY(result.token.isEmpty());
    QVERIFY(!result.message.isEmpty());
    QCOMPARE(account(kPersonId).failedLogins, 1);
    QCOMPARE(account(kPersonId).lastFailedAt, kT0);

    QCOMPARE(login(kPersonId, kWrongPassword, kT0.addSecs(10)).status,
             Accounts::LoginResult::Status::BadCredentials);
    QCOMPARE(account(kPersonId).failedLogins, 2);
    QCOMPARE(account(kPersonId).lastFailedAt, kT0.addSecs(10));

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), (QStringList{u"login.failed"_s, u"login.failed"_s}));
    for (const AuditEvent &event : events) {
        QCOMPARE(event.actorId, kPersonId);
        QCOMPARE(event.subjectId, kPersonId);
        QCOMPARE(event.details.value("reason"_L1).toString(), u"bad_password"_s);
        QCOMPARE(event.details.value("remote"_L1).toString(), kRemote);
    }
    QCOMPARE(events.first().at, kT0);
}

void TestAccounts::unknownPersonLooksLikeWrongPassword()
{
    const Accounts::LoginResult wrong = login(kPersonId, kWrongPassword, kT0);
    const Accounts::LoginResult unknown = login(u"nobody.here"_s, kPassword, kT0);
    QCOMPARE(unknown.status, Accounts::LoginResult::Status::BadCredentials);
    QCOMPARE(unknown.message, wrong.message);
    QCOMPARE(unknown.retryAfterSeconds, 0);
    QVERIFY(unknown.token.isEmpty());
    QCOMPARE(login(QString(), kPassword, kT0).status, Accounts::LoginResult::Status::BadCredentials);

    // An unknown id still costs one Argon2id verification, so timing doesn't tell which ids exist.
    const QByteArray hash = account(kPersonId).passwordHash;
    qint64 verifyNs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!Accounts::verifyPassword(hash, kWrongPassword));
        verifyNs = std::min(verifyNs, timer.nsecsElapsed());
    }
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(login(u"nobody.else"_s, kPassword, kT0).status, Accounts::LoginResult::Status::BadCredentials);
    const qint64 unknownNs = timer.nsecsElapsed();
    QVERIFY2(unknownNs * 2 >= verifyNs,
             qPrintable(u"unknown id answered in %1 ms, a verification takes %2 ms"_s.arg(unknownNs / 1e6)
                            .arg(verifyNs / 1e6)));

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), QStringList(4, u"login.failed"_s));
    QCOMPARE(events.at(1).actorId, QString());
    QCOMPARE(events.at(1).details.value("attemptedId"_L1).toString(), u"nobody.here"_s);
    QCOMPARE(events.at(1).details.value("reason"_L1).toString(), u"unknown_person"_s);
    QCOMPARE(events.at(1).details.value("remote"_L1).toString(), kRemote);
}

void TestAccounts::personWithoutPasswordCannotSignIn()
{
    Person wang;
    wang.id = u"correspondent.wang"_s;
    wang.name = u"王芳"_s;
    wang.unitId = u"planning"_s;
    wang.grants = {RoleGrant{Role::Correspondent, {u"planning"_s}, false}};
    QVERIFY(m_store->savePerson(wang));
    QVERIFY(account(wang.id).passwordHash.isEmpty());

    for (const QString &password : {kPassword, QString()}) {
        const Accounts::LoginResult result = login(wang.id, password, kT0);
        QCOMPARE(result.status, Accounts::LoginResult::Status::BadCredentials);
        QVERIFY(result.token.isEmpty());
    }
    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), QStringList(2, u"login.failed"_s));
    QCOMPARE(events.first().details.value("reason"_L1).toString(), u"no_password"_s);
}

void TestAccounts::slowingAfterFailures()
{
    using Status = Accounts::LoginResult::Status;
    // Two failures in the same second: no wait before the second (slowing starts at 2 failures).
    QCOMPARE(login(kPersonId, kWrongPassword, kT0).status, Status::BadCredentials);
    QCOMPARE(login(kPersonId, kWrongPassword, kT0).status, Status::BadCredentials);
    QCOMPARE(account(kPersonId).failedLogins, 2);

    // Now the next attempt waits 1 s (slowSeconds); before that even the right password is refused,
    // unchecked and uncounted.
    Accounts::LoginResult result = login(kPersonId, kPassword, kT0);
    QCOMPARE(result.status, Status::TooSoon);
    QCOMPARE(result.retryAfterSeconds, 1);
    QVERIFY(result.token.isEmpty());
    QVERIFY(result.message.contains(u'1'));
    QCOMPARE(account(kPersonId).failedLogins, 2);

    // After the wait, an attempt is checked: wrong again, and the wait doubles to 2 s.
    QCOMPARE(login(kPersonId, kWrongPassword, kT0.addSecs(1)).status, Status::BadCredentials);
    QCOMPARE(account(kPersonId).failedLogins, 3);
    result = login(kPersonId, kPassword, kT0.addSecs(1));
    QCOMPARE(result.status, Status::TooSoon);
    QCOMPARE(result.retryAfterSeconds, 2);
    result = login(kPersonId, kPassword, kT0.addSecs(2));
    QCOMPARE(result.status, Status::TooSoon);
    QCOMPARE(result.retryAfterSeconds, 1);
    QCOMPARE(account(kPersonId).failedLogins, 3);

    // Allowed once the wait is over.
    result = loginOk(kPersonId, kPassword, kT0.addSecs(3));
    QCOMPARE(result.status, Status::Ok);
    QCOMPARE(account(kPersonId).failedLogins, 0);

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events),
             (QStringList{u"login.failed"_s, u"login.failed"_s, u"login.failed"_s, u"login.failed"_s,
                          u"login.failed"_s, u"login.failed"_s, u"login"_s}));
    QCOMPARE(events.at(2).details.value("reason"_L1).toString(), u"too_soon"_s);
    QCOMPARE(events.at(2).details.value("retryAfterSeconds"_L1).toInt(), 1);
    QCOMPARE(events.at(3).details.value("reason"_L1).toString(), u"bad_password"_s);
    QCOMPARE(events.at(4).details.value("reason"_L1).toString(), u"too_soon"_s);
}

void TestAccounts::lockoutAfterFailures()
{
    using Status = Accounts::LoginResult::Status;
    // Five failures, each after its wait (at most 4 s here): the fifth locks the account for 5 minutes.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(kPersonId, kWrongPassword, kT0.addSecs(10 * i)).status, Status::BadCredentials);
    const QDateTime fifth = kT0.addSecs(40);
    Accounts::LoginResult result = login(kPersonId, kWrongPassword, fifth);
    QCOMPARE(result.status, Status::Locked);
    QCOMPARE(result.retryAfterSeconds, 5 * 60);
    QVERIFY(!result.message.isEmpty());
    const QDateTime lockedUntil = fifth.addSecs(5 * 60);
    QCOMPARE(account(kPersonId).lockedUntil, lockedUntil);
    QCOMPARE(account(kPersonId).failedLogins, 5);

    // Locked even with the right password, without counting.
    result = login(kPersonId, kPassword, fifth.addSecs(60));
    QCOMPARE(result.status, Status::Locked);
    QCOMPARE(result.retryAfterSeconds, 4 * 60);
    QVERIFY(result.token.isEmpty());
    result = login(kPersonId, kPassword, lockedUntil.addSecs(-1));
    QCOMPARE(result.status, Status::Locked);
    QCOMPARE(result.retryAfterSeconds, 1);
    QCOMPARE(account(kPersonId).failedLogins, 5);

    // When the lock ends, one more failure locks it again at once ...
    result = login(kPersonId, kWrongPassword, lockedUntil);
    QCOMPARE(result.status, Status::Locked);
    const QDateTime lockedAgainUntil = lockedUntil.addSecs(5 * 60);
    QCOMPARE(account(kPersonId).lockedUntil, lockedAgainUntil);

    // ... and the right password after that lock works.
    result = loginOk(kPersonId, kPassword, lockedAgainUntil);
    QCOMPARE(result.status, Status::Ok);
    QCOMPARE(account(kPersonId).failedLogins, 0);
    QVERIFY(!account(kPersonId).lockedUntil.isValid() || account(kPersonId).lockedUntil <= lockedAgainUntil);

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), (QStringList{u"login.failed"_s, u"login.failed"_s, u"login.failed"_s,
                                         u"login.failed"_s, u"login.locked"_s, u"login.failed"_s,
                                         u"login.failed"_s, u"login.locked"_s, u"login"_s}));
    QCOMPARE(events.at(4).details.value("failures"_L1).toInt(), 5);
    QCOMPARE(
        QDateTime::fromString(events.at(4).details.value("lockedUntil"_L1).toString(), Qt::ISODateWithMs),
        lockedUntil);
    QCOMPARE(events.at(5).details.value("reason"_L1).toString(), u"locked"_s);
}

void TestAccounts::successResetsTheCounter()
{
    using Status = Accounts::LoginResult::Status;
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(kPersonId, kWrongPassword, kT0.addSecs(10 * i)).status, Status::BadCredentials);
    QCOMPARE(account(kPersonId).failedLogins, 4);
    const QDateTime later = kT0.addSecs(60);
    QCOMPARE(loginOk(kPersonId, kPassword, later).status, Status::Ok);
    QCOMPARE(account(kPersonId).failedLogins, 0);

    // Four more failures don't lock (five would, had the counter not been reset), and the first two
    // come without a wait.
    QCOMPARE(login(kPersonId, kWrongPassword, later).status, Status::BadCredentials);
    QCOMPARE(login(kPersonId, kWrongPassword, later).status, Status::BadCredentials);
    QCOMPARE(login(kPersonId, kWrongPassword, later.addSecs(10)).status, Status::BadCredentials);
    QCOMPARE(login(kPersonId, kWrongPassword, later.addSecs(20)).status, Status::BadCredentials);
    QCOMPARE(account(kPersonId).failedLogins, 4);
    QCOMPARE(loginOk(kPersonId, kPassword, later.addSecs(60)).status, Status::Ok);

    QCOMPARE(types(newAuditEvents()),
             (QStringList{u"login.failed"_s, u"login.failed"_s, u"login.failed"_s, u"login.failed"_s,
                          u"login"_s, u"login.failed"_s, u"login.failed"_s, u"login.failed"_s,
                          u"login.failed"_s, u"login"_s}));
}

void TestAccounts::disabledPersonIsRefusedAndSignedOut()
{
    using Status = Accounts::LoginResult::Status;
    const QByteArray first = loginOk(kPersonId, kPassword, kT0).token;
    const QByteArray second = loginOk(kPersonId, kPassword, kT0.addSecs(1)).token;
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    QString error;
    QVERIFY2(m_accounts->setDisabled(kAdminId, kPersonId, true, kT0.addSecs(60), &error), qPrintable(error));
    QVERIFY(account(kPersonId).person.disabled);
    // Every session is revoked and refused.
    for (const QByteArray &token : {first, second}) {
        QVERIFY(!m_accounts->authenticate(token, kT0.addSecs(61)));
        QVERIFY(m_store->session(Accounts::tokenHash(token)).value_or(Session{}).revoked);
    }

    // The right password is told the account is disabled; a wrong one learns nothing.
    Accounts::LoginResult result = login(kPersonId, kPassword, kT0.addSecs(120));
    QCOMPARE(result.status, Status::Disabled);
    QVERIFY(result.token.isEmpty());
    QVERIFY(!result.message.isEmpty());
    result = login(kPersonId, kWrongPassword, kT0.addSecs(130));
    QCOMPARE(result.status, Status::BadCredentials);

    // Enabled again: signing in works, the old sessions stay revoked.
    QVERIFY2(m_accounts->setDisabled(kAdminId, kPersonId, false, kT0.addSecs(180), &error),
             qPrintable(error));
    QVERIFY(!account(kPersonId).person.disabled);
    QCOMPARE(loginOk(kPersonId, kPassword, kT0.addSecs(200)).status, Status::Ok);
    QVERIFY(!m_accounts->authenticate(first, kT0.addSecs(201)));

    // An unknown person can't be disabled.
    error.clear();
    QVERIFY(!m_accounts->setDisabled(kAdminId, u"nobody.here"_s, true, kT0.addSecs(300), &error));
    QVERIFY(error.contains(u"nobody.here"_s));

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events),
             (QStringList{u"login"_s, u"login"_s, u"admin.person_disabled"_s, u"login.failed"_s,
                          u"login.failed"_s, u"admin.person_enabled"_s, u"login"_s}));
    QCOMPARE(events.at(2).actorId, kAdminId);
    QCOMPARE(events.at(2).subjectId, kPersonId);
    QCOMPARE(events.at(3).details.value("reason"_L1).toString(), u"disabled"_s);
    QCOMPARE(events.at(4).details.value("reason"_L1).toString(), u"bad_password"_s);
    QCOMPARE(events.at(5).actorId, kAdminId);
}

// ---- sessions --------------------------------------------------------------------------------------

void TestAccounts::authenticateRefusesBadTokens()
{
    const QByteArray token = loginOk(kPersonId, kPassword, kT0).token;
    QVERIFY(!token.isEmpty());

    // Valid until just before it expires; refused from the expiry on.
    QCOMPARE(m_accounts->authenticate(token, kT0.addSecs(30 * 60 - 1)).value_or(Person{}).id, kPersonId);
    QVERIFY(!m_accounts->authenticate(token, kT0.addSecs(30 * 60)));
    QVERIFY(!m_accounts->authenticate(token, kT0.addDays(1)));

    // Unknown tokens: empty, altered by one character, and a well-formed one never issued.
    QVERIFY(!m_accounts->authenticate(QByteArray(), kT0));
    QByteArray altered = token;
    altered[0] = altered.at(0) == 'A' ? 'B' : 'A';
    QVERIFY(!m_accounts->authenticate(altered, kT0));
    QVERIFY(!m_accounts->authenticate(QByteArray(43, 'x'), kT0));
    // Its hash is not a token either.
    QVERIFY(!m_accounts->authenticate(Accounts::tokenHash(token), kT0));

    // Revoked.
    const QByteArray other = loginOk(kPersonId, kPassword, kT0.addSecs(10)).token;
    QVERIFY(m_accounts->authenticate(other, kT0.addSecs(11)));
    QVERIFY(m_store->revokeSession(Accounts::tokenHash(other)));
    QVERIFY(!m_accounts->authenticate(other, kT0.addSecs(12)));

    // The person disabled behind an unrevoked session.
    const QByteArray third = loginOk(kPersonId, kPassword, kT0.addSecs(20)).token;
    QVERIFY(m_accounts->authenticate(third, kT0.addSecs(21)));
    QVERIFY(m_store->setDisabled(kPersonId, true));
    QVERIFY(!m_store->session(Accounts::tokenHash(third)).value_or(Session{}).revoked);
    QVERIFY(!m_accounts->authenticate(third, kT0.addSecs(22)));

    QCOMPARE(types(newAuditEvents()), (QStringList{u"login"_s, u"login"_s, u"login"_s}));
}

// Repeated requests of a session are answered from the cache (no session or person read), and a
// change made through another store on the same database — another server process, the CLI — is
// seen by the next request: a revoked session, changed roles, a disabled person.
void TestAccounts::sessionCacheSeesOtherWriters()
{
    ServerStore other(m_store->config());
    QString error;
    QVERIFY2(other.open(&error), qPrintable(error));

    const QByteArray token = loginOk(kPersonId, kPassword, kT0).token;
    QVERIFY(m_accounts->authenticate(token, kT0.addSecs(1)));
    const qint64 hits = m_accounts->cachedAuthentications();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_accounts->authenticate(token, kT0.addSecs(2)).value_or(Person{}).id, kPersonId);
    QCOMPARE(m_accounts->cachedAuthentications(), hits + 5);

    // Roles changed elsewhere: the next request has them.
    Person changed = other.person(kPersonId).value_or(Person{});
    changed.grants = {RoleGrant{Role::UnitHead, {u"planning"_s}, false}};
    QVERIFY(other.savePerson(changed));
    QCOMPARE(m_accounts->authenticate(token, kT0.addSecs(3)).value_or(Person{}).grants, changed.grants);

    // Revoked elsewhere.
    QVERIFY(other.revokeSession(Accounts::tokenHash(token)));
    QVERIFY(!m_accounts->authenticate(token, kT0.addSecs(4)));

    // Disabled elsewhere behind a live, cached session.
    const QByteArray second = loginOk(kPersonId, kPassword, kT0.addSecs(10)).token;
    QVERIFY(m_accounts->authenticate(second, kT0.addSecs(11)));
    QVERIFY(m_accounts->authenticate(second, kT0.addSecs(12)));
    QVERIFY(other.setDisabled(kPersonId, true));
    QVERIFY(!m_accounts->authenticate(second, kT0.addSecs(13)));
    QVERIFY(other.setDisabled(kPersonId, false));

    // A cached session still expires on time.
    const QByteArray third = loginOk(kPersonId, kPassword, kT0.addSecs(20)).token;
    QVERIFY(m_accounts->authenticate(third, kT0.addSecs(21)));
    QVERIFY(!m_accounts->authenticate(third, kT0.addSecs(20 + 30 * 60)));
}

void TestAccounts::logoutRevokes()
{
    const QByteArray token = loginOk(kPersonId, kPassword, kT0).token;
    const QByteArray other = loginOk(kPersonId, kPassword, kT0.addSecs(1)).token;
    QVERIFY(!token.isEmpty() && !other.isEmpty());

    QVERIFY(m_accounts->logout(token, kT0.addSecs(60)));
    QVERIFY(m_store->session(Accounts::tokenHash(token)).value_or(Session{}).revoked);
    QVERIFY(!m_accounts->authenticate(token, kT0.addSecs(61)));
    // Only that session: the other one still works.
    QVERIFY(m_accounts->authenticate(other, kT0.addSecs(61)));

    // Signing out again, or with a token never issued, is done already and records nothing.
    QVERIFY(m_accounts->logout(token, kT0.addSecs(70)));
    QVERIFY(m_accounts->logout(QByteArray(43, 'x'), kT0.addSecs(70)));
    QVERIFY(m_accounts->logout(QByteArray(), kT0.addSecs(70)));

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), (QStringList{u"login"_s, u"login"_s, u"logout"_s}));
    QCOMPARE(events.last().actorId, kPersonId);
    QCOMPARE(events.last().subjectId, kPersonId);
    QCOMPARE(events.last().at, kT0.addSecs(60));
}

// ---- passwords -------------------------------------------------------------------------------------

void TestAccounts::changePassword()
{
    using Status = Accounts::LoginResult::Status;
    const QString newPassword = u"Osmanthus 桂花 in autumn"_s;
    m_secrets.append(newPassword);
    const QByteArray first = loginOk(kPersonId, kPassword, kT0).token;
    const QByteArray second = loginOk(kPersonId, kPassword, kT0.addSecs(1)).token;
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    // The wrong current password: refused and counted like a failed sign-in.
    QString error;
    QVERIFY(!m_accounts->changePassword(kPersonId, kWrongPassword, newPassword, kT0.addSecs(10), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(account(kPersonId).failedLogins, 1);

    // Too short (the message says how long), the user name, the current password: refused.
    error.clear();
    QVERIFY(!m_accounts->changePassword(kPersonId, kPassword, u"short 短"_s, kT0.addSecs(20), &error));
    QVERIFY2(error.contains(u"10"_s), qPrintable(error));
    error.clear();
    QVERIFY(!m_accounts->changePassword(kPersonId, kPassword, kPersonId.toUpper(), kT0.addSecs(20), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!m_accounts->changePassword(kPersonId, kPassword, kPassword, kT0.addSecs(20), &error));
    QVERIFY(!error.isEmpty());
    // None of these changed anything.
    QVERIFY(Accounts::verifyPassword(account(kPersonId).passwordHash, kPassword));
    QVERIFY(m_accounts->authenticate(first, kT0.addSecs(21)));

    // Success: every session ends, the old password no longer works, the new one does.
    error.clear();
    QVERIFY2(m_accounts->changePassword(kPersonId, kPassword, newPassword, kT0.addSecs(30), &error),
             qPrintable(error));
    QVERIFY(!m_accounts->authenticate(first, kT0.addSecs(31)));
    QVERIFY(!m_accounts->authenticate(second, kT0.addSecs(31)));
    QCOMPARE(account(kPersonId).failedLogins, 0);
    QCOMPARE(login(kPersonId, kPassword, kT0.addSecs(40)).status, Status::BadCredentials);
    const Accounts::LoginResult result = loginOk(kPersonId, newPassword, kT0.addSecs(50));
    QCOMPARE(result.status, Status::Ok);
    QCOMPARE(m_accounts->authenticate(result.token, kT0.addSecs(51)).value_or(Person{}).id, kPersonId);

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), (QStringList{u"login"_s, u"login"_s, u"account.password_change_failed"_s,
                                         u"account.password_changed"_s, u"login.failed"_s, u"login"_s}));
    QCOMPARE(events.at(3).actorId, kPersonId);
    QCOMPARE(events.at(3).subjectId, kPersonId);
    QCOMPARE(events.at(3).at, kT0.addSecs(30));
}

void TestAccounts::setPasswordByAdministrator()
{
    using Status = Accounts::LoginResult::Status;
    const QString newPassword = u"Peony 牡丹 in May"_s;
    m_secrets.append(newPassword);
    const QByteArray token = loginOk(kPersonId, kPassword, kT0).token;
    QVERIFY(!token.isEmpty());

    // Locked out by failures ...
    for (int i = 0; i < 5; ++i)
        login(kPersonId, kWrongPassword, kT0.addSecs(10 + 10 * i));
    QCOMPARE(login(kPersonId, kPassword, kT0.addSecs(100)).status, Status::Locked);

    // ... the policy applies to an administrator too ...
    QString error;
    QVERIFY(!m_accounts->setPassword(kAdminId, kPersonId, u"too short"_s, kT0.addSecs(110), &error));
    QVERIFY2(error.contains(u"10"_s), qPrintable(error));
    QVERIFY(!m_accounts->setPassword(kAdminId, u"nobody.here"_s, newPassword, kT0.addSecs(110), &error));
    QVERIFY(error.contains(u"nobody.here"_s));

    // ... and a new password lifts the lock and ends the sessions made with the old one.
    error.clear();
    QVERIFY2(m_accounts->setPassword(kAdminId, kPersonId, newPassword, kT0.addSecs(120), &error),
             qPrintable(error));
    QVERIFY(!m_accounts->authenticate(token, kT0.addSecs(121)));
    QCOMPARE(login(kPersonId, kPassword, kT0.addSecs(130)).status, Status::BadCredentials);
    QCOMPARE(loginOk(kPersonId, newPassword, kT0.addSecs(140)).status, Status::Ok);

    const QList<AuditEvent> events = newAuditEvents();
    QCOMPARE(types(events), (QStringList{u"login"_s, u"login.failed"_s, u"login.failed"_s, u"login.failed"_s,
                                         u"login.failed"_s, u"login.locked"_s, u"login.failed"_s,
                                         u"admin.password_set"_s, u"login.failed"_s, u"login"_s}));
    QCOMPARE(events.at(7).actorId, kAdminId);
    QCOMPARE(events.at(7).subjectId, kPersonId);
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_server_accounts.moc"
