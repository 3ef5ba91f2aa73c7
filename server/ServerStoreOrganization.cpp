// The server store's organization (units, columns, people), accounts and sessions.
#include "ServerStoreInternal.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace baosong::server {

// ---- organization ------------------------------------------------------------------------------

bool ServerStore::setMeta(const QString &key, const QString &value)
{
    clearError();
    return write([&] {
        Query q(*this);
        if (!run(
                q,
                u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                {text(key), text(value)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving %1").arg(key), q.lastError());
        return true;
    });
}

QString ServerStore::meta(const QString &key)
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT value FROM meta WHERE key = ?"_s, {key}) || !q.next())
        return {};
    return q.value(0).toString();
}

bool ServerStore::saveOrganizationInfo(const Organization &org)
{
    return write([&] {
        return setMeta(u"organization_name"_s, org.name) &&
               setMeta(u"organization_short_name"_s, org.shortName) &&
               setMeta(u"organization_example_data"_s, org.exampleData ? u"1"_s : u"0"_s);
    });
}

bool ServerStore::saveUnit(const Unit &unit)
{
    clearError();
    return write([&] {
        Query q(*this);
        if (!run(
                q,
                u"INSERT INTO units (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data"_s,
                {text(unit.id), sql::compactJson(json::toJson(unit))}))
            return failed(QCoreApplication::translate("ServerStore", "Saving unit %1").arg(unit.id),
                          q.lastError());
        return bumpOrganizationVersion();
    });
}

bool ServerStore::saveColumn(const Column &column)
{
    clearError();
    return write([&] {
        return writeOne(u"INSERT INTO site_columns (id, data) VALUES (?, ?) "
                        u"ON CONFLICT (id) DO UPDATE SET data = excluded.data"_s,
                        {text(column.id), sql::compactJson(json::toJson(column))},
                        QCoreApplication::translate("ServerStore", "Saving column %1").arg(column.id)) &&
               bumpOrganizationVersion();
    });
}

void ServerStore::notifyOthers(const QString &channel, const QString &payload)
{
    if (!m_config.isPostgres())
        return;
    Query q(*this);
    if (!run(q, u"SELECT pg_notify(?, ?)"_s, {channel, payload}))
        qCWarning(lcServerStore) << "telling the other servers failed:" << q.lastError().text();
}

qint64 ServerStore::organizationVersion()
{
    return meta(u"organization_version"_s).toLongLong();
}

bool ServerStore::bumpOrganizationVersion()
{
    threadState().versions.reset(); // read again by this thread's next cacheVersions()
    forgetGuesses();
    // Writers are serialized (BEGIN IMMEDIATE, PostgreSQL's advisory lock): read and write are one step.
    return write(
        [&] { return setMeta(u"organization_version"_s, QString::number(organizationVersion() + 1)); });
}

bool ServerStore::savePerson(const Person &person)
{
    clearError();
    return write([&] {
        return writeOne(
                   u"INSERT INTO people (id, data, disabled) VALUES (?, ?, ?) "
                   u"ON CONFLICT (id) DO UPDATE SET data = excluded.data, disabled = excluded.disabled"_s,
                   {text(person.id), sql::compactJson(json::toJson(person)), person.disabled ? 1 : 0},
                   QCoreApplication::translate("ServerStore", "Saving person %1").arg(person.id)) &&
               bumpAuthGeneration() && bumpOrganizationVersion();
    });
}

QList<Unit> ServerStore::units()
{
    return readAll<Unit>(u"SELECT id, data FROM units ORDER BY id"_s,
                         QCoreApplication::translate("ServerStore", "Reading units"),
                         QCoreApplication::translate("ServerStore", "Unit %1 can't be read: %2"));
}

QList<Column> ServerStore::columns()
{
    return readAll<Column>(u"SELECT id, data FROM site_columns ORDER BY id"_s,
                           QCoreApplication::translate("ServerStore", "Reading columns"),
                           QCoreApplication::translate("ServerStore", "Column %1 can't be read: %2"));
}

QList<Person> ServerStore::people()
{
    return readAll<Person>(u"SELECT id, data, disabled FROM people ORDER BY id"_s,
                           QCoreApplication::translate("ServerStore", "Reading people"),
                           QCoreApplication::translate("ServerStore", "Person %1 can't be read: %2"),
                           [](Person &p, const QSqlQuery &row) { p.disabled = row.value(2).toInt() != 0; });
}

std::optional<Person> ServerStore::person(const QString &id)
{
    const std::optional<Account> a = account(id);
    if (!a)
        return std::nullopt;
    return a->person;
}

// ---- accounts ----------------------------------------------------------------------------------

std::optional<Account> ServerStore::account(const QString &personId)
{
    clearError();
    Query q(*this);
    if (!run(q,
             u"SELECT data, password_hash, disabled, failed_logins, last_failed_at, locked_until "
             u"FROM people WHERE id = ?"_s,
             {text(personId)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading person %1").arg(personId), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QString error;
    std::optional<Person> person = parseData<Person>(q.value(0).toString(), &error);
    if (!person) {
        qCWarning(lcServerStore) << "unreadable person" << personId << error;
        setError(
            QCoreApplication::translate("ServerStore", "Person %1 can't be read: %2").arg(personId, error));
        return std::nullopt;
    }
    Account a;
    a.person = *person;
    a.person.disabled = q.value(2).toInt() != 0;
    a.passwordHash = q.value(1).toString().toUtf8();
    a.failedLogins = q.value(3).toInt();
    a.lastFailedAt = parseTime(q.value(4));
    a.lockedUntil = parseTime(q.value(5));
    return a;
}

bool ServerStore::setPasswordHash(const QString &personId, const QByteArray &hash)
{
    clearError();
    return write([&] {
        return writeOne(
                   u"UPDATE people SET password_hash = ? WHERE id = ?"_s,
                   {QString::fromUtf8(hash), text(personId)},
                   QCoreApplication::translate("ServerStore", "Setting the password of %1").arg(personId),
                   QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId)) &&
               bumpAuthGeneration();
    });
}

bool ServerStore::setDisabled(const QString &personId, bool disabled)
{
    clearError();
    return write([&] {
        Query q(*this);
        if (!run(q, u"SELECT data FROM people WHERE id = ?"_s, {text(personId)}))
            return failed(QCoreApplication::translate("ServerStore", "Reading person %1").arg(personId),
                          q.lastError());
        if (!q.next()) {
            setError(QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
            return false;
        }
        // The JSON keeps the flag too, so that every reader sees the same.
        QString error;
        std::optional<QJsonObject> data = parseObject(q.value(0).toString(), &error);
        if (!data) {
            setError(QCoreApplication::translate("ServerStore", "Person %1 can't be read: %2")
                         .arg(personId, error));
            return false;
        }
        data->insert(u"disabled"_s, disabled);
        q.finish();
        if (!run(q, u"UPDATE people SET disabled = ?, data = ? WHERE id = ?"_s,
                 {disabled ? 1 : 0, sql::compactJson(*data), text(personId)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving person %1").arg(personId),
                          q.lastError());
        return bumpAuthGeneration() && bumpOrganizationVersion();
    });
}

bool ServerStore::recordLoginFailure(const QString &personId, const QDateTime &at,
                                     const QDateTime &lockedUntil)
{
    clearError();
    return writeOne(
        u"UPDATE people SET failed_logins = failed_logins + 1, last_failed_at = ?, locked_until = ? "
        u"WHERE id = ?"_s,
        {optionalTime(at), optionalTime(lockedUntil), text(personId)},
        QCoreApplication::translate("ServerStore", "Recording a failed login of %1").arg(personId),
        QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
}

bool ServerStore::recordLoginSuccess(const QString &personId)
{
    clearError();
    return writeOne(u"UPDATE people SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL "
                    u"WHERE id = ?"_s,
                    {text(personId)},
                    QCoreApplication::translate("ServerStore", "Recording a login of %1").arg(personId),
                    QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
}

// ---- sessions ----------------------------------------------------------------------------------

bool ServerStore::insertSession(const Session &session)
{
    clearError();
    return write([&] {
        Query q(*this);
        // DO NOTHING rather than a failing statement (see insertAction()); the token hash stays out of
        // the logs.
        if (!run(q,
                 u"INSERT INTO sessions (token_hash, person_id, created_at, expires_at, revoked) "
                 u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING"_s,
                 {QString::fromLatin1(session.tokenHash), text(session.personId), isoUtc(session.createdAt),
                  isoUtc(session.expiresAt), session.revoked ? 1 : 0}))
            return failed(
                QCoreApplication::translate("ServerStore", "Saving a session of %1").arg(session.personId),
                q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "The session already exists."));
            return false;
        }
        return true;
    });
}

std::optional<Session> ServerStore::session(const QByteArray &tokenHash)
{
    clearError();
    Query q(*this);
    if (!run(q,
             u"SELECT token_hash, person_id, created_at, expires_at, revoked FROM sessions "
             u"WHERE token_hash = ?"_s,
             {QString::fromLatin1(tokenHash)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading a session"), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Session s;
    s.tokenHash = q.value(0).toString().toLatin1();
    s.personId = q.value(1).toString();
    s.createdAt = parseTime(q.value(2));
    s.expiresAt = parseTime(q.value(3));
    s.revoked = q.value(4).toInt() != 0;
    return s;
}

bool ServerStore::revokeSession(const QByteArray &tokenHash)
{
    clearError();
    return write([&] {
        return writeOne(u"UPDATE sessions SET revoked = 1 WHERE token_hash = ?"_s,
                        {QString::fromLatin1(tokenHash)},
                        QCoreApplication::translate("ServerStore", "Ending a session"),
                        QCoreApplication::translate("ServerStore", "There is no such session.")) &&
               bumpAuthGeneration();
    });
}

bool ServerStore::revokeSessionsOf(const QString &personId)
{
    clearError();
    return write([&] {
        return writeOne(
                   u"UPDATE sessions SET revoked = 1 WHERE person_id = ? AND revoked = 0"_s, {text(personId)},
                   QCoreApplication::translate("ServerStore", "Ending the sessions of %1").arg(personId)) &&
               bumpAuthGeneration();
    });
}

bool ServerStore::bumpAuthGeneration()
{
    threadState().versions.reset(); // read again by this thread's next cacheVersions()
    forgetGuesses();
    QSqlError error;
    if (!bumpCounter(kAuthCounter, &error))
        return failed(QCoreApplication::translate("ServerStore", "Recording a change of accounts"), error);
    return true;
}

namespace {

// The fourth kind of row after actionOrItemStatement()'s (kind 3): the auth counter where its
// sequence is, the organization's version in the record's response, the word lists' in its time.
const QString &versionsStatement()
{
    static const QString statement =
        u"SELECT 3, NULL, NULL, NULL, (SELECT value FROM counters WHERE name = '%1'), "
        u"(SELECT value FROM meta WHERE key = 'organization_version'), "
        u"(SELECT CAST(version AS TEXT) FROM word_lists WHERE id = 1), NULL"_s.arg(kAuthCounter);
    return statement;
}

// The versions and, before them, what actionOrItem() reads for an action (binds its two ids).
const QString &versionsAndActionStatement()
{
    static const QString statement = actionOrItemStatement(true) + u" UNION ALL "_s + versionsStatement();
    return statement;
}

// The versions of a kind-3 row (its auth counter checked present by the caller).
ServerStore::CacheVersions versionsOfRow(const QVariantList &row)
{
    return {row.value(4).toLongLong(), row.value(5).toLongLong(),
            row.value(6).isNull() ? -1 : row.value(6).toLongLong()};
}

} // namespace

std::optional<ServerStore::CacheVersions> ServerStore::cacheVersions()
{
    clearError();
    ThreadState &state = threadState();
    if (state.requestScopes > 0 && state.versions)
        return state.versions;
    ThreadState::ExpectedAction *expected =
        state.requestScopes > 0 && state.expectedAction && !state.expectedAction->read && !state.inTransaction
            ? &*state.expectedAction
            : nullptr;
    // Guessed rather than read (expectAction()): confirmed by the action's call, or by the first
    // other statement of the request.
    if (expected && !state.noGuesses && !state.restart) {
        QMutexLocker lock(&m_guessMutex);
        const auto known = m_knownItems.constFind(expected->itemId);
        if (m_knownVersions && (known != m_knownItems.cend() || expected->creates)) {
            expected->read = true;
            expected->guessed = true;
            if (known != m_knownItems.cend())
                expected->known = *known;
            state.guess = ThreadState::Guess{*m_knownVersions, expected->actionId, expected->itemId,
                                             expected->known ? std::optional<qint64>(expected->known->second)
                                                             : std::nullopt};
            state.versions = m_knownVersions;
            return state.versions;
        }
    }
    const QString &statement = expected ? versionsAndActionStatement() : versionsStatement();
    const QVariantList values =
        expected ? QVariantList{text(expected->actionId), text(expected->itemId)} : QVariantList{};
    const QString what = QCoreApplication::translate("ServerStore", "Reading the accounts' generation");
    std::optional<Query> query;
    for (int attempt = 0;; ++attempt) {
        query.emplace(*this);
        if (run(*query, statement, values))
            break;
        // Nothing begun: a connection lost (a restart of PostgreSQL) is opened again, once.
        if (attempt > 0 || state.inTransaction || !m_config.isPostgres() || state.restart ||
            !connectionLost()) {
            failed(what, query->lastError());
            return std::nullopt;
        }
    }
    Query &q = *query;
    std::optional<CacheVersions> versions;
    QList<QVariantList> rows;
    while (q.next()) {
        QVariantList row = rowValues(q, 8);
        if (row.value(0).toInt() != 3) {
            rows.append(std::move(row));
            continue;
        }
        if (row.value(4).isNull()) {
            failed(what, counterMissing(kAuthCounter));
            return std::nullopt;
        }
        versions = versionsOfRow(row);
    }
    if (!versions) {
        failed(what, q.lastError());
        return std::nullopt;
    }
    if (expected) {
        expected->read = true;
        expected->rows = std::move(rows);
    }
    if (state.requestScopes > 0)
        state.versions = versions;
    if (m_config.isPostgres()) {
        QMutexLocker lock(&m_guessMutex);
        m_knownVersions = versions;
    }
    return versions;
}

bool ServerStore::confirmGuesses()
{
    ThreadState &state = threadState();
    const ThreadState::Guess guess = *state.guess;
    state.guess.reset(); // the read below is not guessed
    Query q(*this);
    bool held = run(q, versionsAndActionStatement(), {text(guess.actionId), text(guess.itemId)});
    if (!held) {
        failed(QCoreApplication::translate("ServerStore", "Reading action %1").arg(guess.actionId),
               q.lastError());
        return false;
    }
    std::optional<qint64> itemSeq;
    while (q.next()) {
        const QVariantList row = rowValues(q, 8);
        switch (row.value(0).toInt()) {
        case 0: // recorded meanwhile
            held = false;
            break;
        case 1:
            itemSeq = row.value(4).toLongLong();
            break;
        case 2:
            if (state.auditGuess)
                state.auditGuess = ThreadState::AuditEnd::of(row.value(4), row.value(1));
            break;
        case 3:
            held = held && versionsOfRow(row) == guess.versions;
            break;
        }
    }
    held = held && itemSeq == guess.itemSeq;
    if (!held)
        guessFailed(guess.itemId);
    return held;
}

void ServerStore::guessFailed(const QString &itemId)
{
    ThreadState &state = threadState();
    state.guess.reset();
    state.restart = true;
    ++m_guessesMissed;
    setError(QCoreApplication::translate("ServerStore",
                                         "What the request guessed has changed; it is answered again."));
    QMutexLocker lock(&m_guessMutex);
    m_knownVersions.reset();
    m_knownItems.remove(itemId);
}

void ServerStore::rememberItem(const Item &item, qint64 seq, qsizetype size)
{
    if (!m_config.isPostgres())
        return;
    QMutexLocker lock(&m_guessMutex);
    if (size > kRememberedChars / 8) { // a very large one is read when needed
        m_knownItems.remove(item.id);
        return;
    }
    if ((m_knownItems.size() >= kRememberedItems && !m_knownItems.contains(item.id)) ||
        m_knownItemsChars + size > kRememberedChars) {
        // Simple and bounded: the busy items come back at their next action.
        m_knownItems.clear();
        m_knownItemsChars = 0;
    }
    m_knownItems.insert(item.id, {item, seq});
    m_knownItemsChars += size;
}

void ServerStore::forgetGuesses()
{
    QMutexLocker lock(&m_guessMutex);
    m_knownVersions.reset();
}

void ServerStore::settleGuesses()
{
    if (threadState().guess)
        confirmGuesses();
}

bool ServerStore::restartRequested() const
{
    return threadState().restart;
}

bool ServerStore::takeRestart()
{
    ThreadState &state = threadState();
    if (!state.restart)
        return false;
    state.resetRequest();
    state.noGuesses = true;
    return true;
}

ServerStore::RequestScope::RequestScope(ServerStore &store)
    : m_store(store)
{
    ThreadState &state = m_store.threadState();
    if (state.requestScopes++ == 0)
        state.resetRequest();
}

ServerStore::RequestScope::~RequestScope()
{
    ThreadState &state = m_store.threadState();
    if (--state.requestScopes == 0)
        state.resetRequest();
}

void ServerStore::ThreadState::resetRequest()
{
    versions.reset();
    expectedAction.reset();
    guess.reset();
    restart = false;
    noGuesses = false;
}

void ServerStore::expectAction(const QString &actionId, const QString &itemId, bool creates)
{
    ThreadState &state = threadState();
    if (!m_config.isPostgres() || state.requestScopes == 0 || state.versions)
        return;
    state.expectedAction = ThreadState::ExpectedAction{actionId, itemId, creates, false, {}, false, {}};
}

} // namespace baosong::server

namespace baosong::server {

// ---- word lists and detector settings (schema 8) --------------------------------------------------

std::optional<ContentRules> ServerStore::wordLists()
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT version, sensitive, misused, settings FROM word_lists WHERE id = 1"_s)) {
        failed(QCoreApplication::translate("ServerStore", "Reading the word lists"), q.lastError());
        return std::nullopt;
    }
    if (!q.next()) {
        setError(QCoreApplication::translate("ServerStore", "The word lists are missing from the store."));
        return std::nullopt;
    }
    ContentRules rules;
    rules.version = q.value(0).toLongLong();
    rules.sensitiveText = q.value(1).toString();
    rules.misusedText = q.value(2).toString();
    QString error;
    const std::optional<QJsonObject> settings = parseObject(q.value(3).toString(), &error);
    const std::optional<ContentSettings> read =
        settings ? ContentSettings::fromJson(*settings, &error) : std::nullopt;
    if (!read) {
        setError(QCoreApplication::translate("ServerStore", "The stored detector settings cannot be read: %1")
                     .arg(error));
        return std::nullopt;
    }
    rules.settings = *read;
    return rules;
}

qint64 ServerStore::wordListsVersion()
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT version FROM word_lists WHERE id = 1"_s)) {
        failed(QCoreApplication::translate("ServerStore", "Reading the word lists"), q.lastError());
        return -1;
    }
    return q.next() ? q.value(0).toLongLong() : -1;
}

bool ServerStore::saveWordLists(const ContentRules &rules, qint64 baseVersion, const QString &personId,
                                const QDateTime &at, bool *stale)
{
    clearError();
    if (stale)
        *stale = false;
    threadState().versions.reset(); // read again by this thread's next cacheVersions()
    forgetGuesses();
    return write([&] {
        Query q(*this);
        if (!run(q, u"SELECT version FROM word_lists WHERE id = 1"_s))
            return failed(QCoreApplication::translate("ServerStore", "Reading the word lists"),
                          q.lastError());
        if (!q.next() || q.value(0).toLongLong() != baseVersion) {
            if (stale)
                *stale = true;
            return true;
        }
        q.finish();
        const QString settings =
            QString::fromUtf8(QJsonDocument(rules.settings.toJson()).toJson(QJsonDocument::Compact));
        if (!run(q,
                 u"UPDATE word_lists SET version = ?, sensitive = ?, misused = ?, settings = ?, "
                 u"changed_at = ?, changed_by = ? WHERE id = 1"_s,
                 {rules.version, text(rules.sensitiveText), text(rules.misusedText), settings, isoUtc(at),
                  text(personId)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving the word lists"), q.lastError());
        return true;
    });
}

} // namespace baosong::server
