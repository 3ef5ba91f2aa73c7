#include "Api.h"

#include "ApiProblems.h"
#include "Checks.h"
#include "ColumnChange.h"
#include "ContentScan.h"
#include "Deadline.h"
#include "DomainJson.h"
#include "Limits.h"
#include "Metrics.h"
#include "Organization.h"
#include "PortalSender.h"
#include "ServerLogging.h"
#include "Sha256.h"
#include "SiteRenderer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

constexpr auto kPrefix = "/api/v1/"_L1;
// How often an action is judged again when another server changed its item meanwhile (PostgreSQL).
constexpr int kActionAttempts = 5;

QJsonObject parseBody(const http::Request &request, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

QByteArray bearerToken(const http::Request &request)
{
    const QByteArray value = request.header("Authorization");
    if (!value.startsWith("Bearer "))
        return {};
    return value.mid(7).trimmed();
}

QJsonObject personJson(const Person &p)
{
    QJsonObject o = json::toJson(p);
    return o;
}

int statusFor(Refusal r)
{
    switch (r) {
    case Refusal::StaleRevision:
    case Refusal::WrongState:
    case Refusal::AlreadyDecided:
        return 409;
    case Refusal::ReasonRequired:
    case Refusal::ContentRequired:
    case Refusal::AttestationRequired:
    case Refusal::InterpretationMissing:
    case Refusal::ChecksFailed:
    case Refusal::EditNotMinor:
    case Refusal::LivePageKept:
    case Refusal::UnknownAttachment:
        return 422;
    case Refusal::None:
        return 200;
    default:
        return 403;
    }
}

// A queue entry: what a reviewer's list shows without the whole item.
QJsonObject queueEntry(const Item &item, const RouteEngine &engine, const Deadline &deadline,
                       const QDateTime &now, const QDate &today)
{
    const Revision *r = item.latest();
    QJsonObject o;
    o.insert("id"_L1, item.id);
    o.insert("kind"_L1, toString(item.kind));
    o.insert("unit_id"_L1, item.unitId);
    o.insert("author_id"_L1, item.authorId);
    o.insert("proposal"_L1, toString(item.proposal));
    o.insert("stage_id"_L1, item.stageId);
    if (const std::optional<Stage> s = engine.currentStage(item))
        o.insert("stage_name"_L1, s->name);
    o.insert("revision"_L1, item.latestNumber());
    if (r) {
        o.insert("title"_L1, r->content.title);
        o.insert("column_id"_L1, r->content.columnId);
        o.insert("urgent"_L1, r->content.urgent);
        if (const QDate from = r->content.deadlineFrom(); from.isValid()) {
            o.insert("info_date"_L1, r->content.infoDate.toString(Qt::ISODate));
            o.insert("target_date"_L1, deadline.targetDate(from).toString(Qt::ISODate));
            o.insert("limit_date"_L1, deadline.limitDate(from).toString(Qt::ISODate));
            o.insert("deadline_state"_L1, toString(deadline.state(from, today)));
        }
        // Art. 9: an urgent item is due in hours from its submission.
        if (r->content.urgent && item.submittedAt.isValid()) {
            o.insert("due_at"_L1, deadline.urgentDue(item.submittedAt).toString(Qt::ISODateWithMs));
            o.insert("deadline_state"_L1, toString(deadline.urgentState(item.submittedAt, now)));
        }
    }
    return o;
}

// Whether a step from `before` to `after` puts a revision on the site (first publication or an
// approved change).
bool publishes(const Item &before, const Item &after)
{
    return after.state == WorkflowState::Published &&
           (before.state != WorkflowState::Published || before.liveRevision != after.liveRevision);
}

QJsonArray findingsJson(const QList<Finding> &findings)
{
    QJsonArray out;
    for (const Finding &f : findings) {
        out.append(QJsonObject{{"check"_L1, f.key()},
                               {"severity"_L1, toString(f.severity)},
                               {"message"_L1, f.message},
                               {"field"_L1, f.field},
                               {"overridable"_L1, f.overridable}});
    }
    return out;
}

} // namespace

Api::Api(ServerStore &store, Accounts &accounts, const RouteEngine &engine, const BlobConfig &blobs)
    : m_store(store)
    , m_accounts(accounts)
    , m_engine(engine)
    , m_uploads(store, blobs, engine)
{}

http::Response Api::problem(const http::Request &request, int status, const QString &title,
                            const QString &detail, const QJsonObject &extra) const
{
    return http::Response::problem(status, title, detail, request.requestId, extra);
}

http::Response Api::storeFailure(const http::Request &request) const
{
    return server::storeFailure(request, m_store);
}

http::Response Api::handle(const http::Request &request)
{
    // The store's cache versions are read once in it (ServerStore::cacheVersions()).
    const ServerStore::RequestScope scope(m_store);
    http::Response response = route(request);
    // An action judged on guesses that did not hold (ServerStore::expectAction()) wrote nothing:
    // answered again, reading what it guessed. An answer given before the action's call checked
    // them (a refusal, a bad request) is checked here, so that none leaves on a guess.
    m_store.settleGuesses();
    if (m_store.takeRestart())
        response = route(request);
    const bool hasCacheControl =
        std::any_of(response.headers.cbegin(), response.headers.cend(),
                    [](const auto &h) { return h.first.compare("Cache-Control", Qt::CaseInsensitive) == 0; });
    if (!hasCacheControl)
        response.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    return response;
}

http::Response Api::route(const http::Request &request)
{
    const QString path = QString::fromUtf8(request.path);
    if (path == "/metrics"_L1 && (request.method == "GET" || request.method == "HEAD"))
        return metrics(request);
    if (!path.startsWith(kPrefix))
        return problem(request, 404, tr("Not found"), tr("There is nothing at %1.").arg(path));
    const QStringList parts = path.mid(kPrefix.size()).split(u'/', Qt::SkipEmptyParts);
    const QByteArray method = request.method;
    if (parts.isEmpty())
        return problem(request, 404, tr("Not found"), tr("There is nothing at %1.").arg(path));

    // Unauthenticated endpoints.
    if (parts == QStringList{u"health"_s} && method == "GET") {
        // Degraded (503) after a store failure, until a write succeeds again.
        const bool degraded = m_store.isDegraded();
        // The public site's render queue: a render failing (retried) leaves the site behind.
        const RenderQueueStatus rendering = m_store.renderQueueStatus();
        QJsonObject queue{{"queued"_L1, rendering.queued}, {"failing"_L1, rendering.failing}};
        if (rendering.oldest.isValid())
            queue.insert("oldest_seconds"_L1, rendering.oldest.secsTo(QDateTime::currentDateTimeUtc()));
        if (rendering.nextAttempt.isValid())
            queue.insert("next_attempt_at"_L1, rendering.nextAttempt.toString(Qt::ISODateWithMs));
        // The municipal portal's outbox (Art. 14): items waiting to be sent, sent and awaiting the
        // platform's decision, and failing (retried by themselves).
        const PortalQueueStatus portal = m_store.portalQueueStatus();
        QJsonObject portalQueue{
            {"queued"_L1, portal.queued}, {"waiting"_L1, portal.waiting}, {"failing"_L1, portal.failing}};
        if (portal.nextAttempt.isValid())
            portalQueue.insert("next_attempt_at"_L1, portal.nextAttempt.toString(Qt::ISODateWithMs));
        QJsonObject o{{"status"_L1, degraded || rendering.failing > 0 ? u"degraded"_s : u"ok"_s},
                      {"server_id"_L1, m_store.serverId()},
                      {"render_queue"_L1, queue},
                      {"portal_queue"_L1, portalQueue}};
        if (rendering.failing > 0)
            // Counts only: the error itself (it may name folders) is for the operator — the log and
            // `baosong-server render-queue` — not for anyone who can reach this unauthenticated answer.
            o.insert("site_detail"_L1,
                     tr("The public site could not be updated for %n item(s); it is tried "
                        "again by itself. The server's log and `baosong-server render-queue` "
                        "say why.",
                        nullptr, rendering.failing));
        if (degraded)
            o.insert("detail"_L1, tr("The server could not read or write its store lately."));
        // The inspection's counts (docs/design.md §5): counts only, no column names.
        if (const std::optional<SiteHealth> health = cachedSiteHealth()) {
            o.insert("columns"_L1, QJsonObject{{"stale"_L1, health->stale.count},
                                               {"long_unupdated"_L1, health->longUnupdated.count},
                                               {"empty"_L1, health->empty.count},
                                               {"linked_empty"_L1, int(health->linkedEmpty.size())},
                                               {"warning"_L1, health->warning()},
                                               {"failing"_L1, health->failing()}});
        }
        // Why it is not simply "ok", one entry per cause (monitors show them; counts only, as above).
        QJsonArray reasons;
        if (degraded)
            reasons.append(QJsonObject{{"code"_L1, u"store"_s}, {"message"_L1, o.value("detail"_L1)}});
        if (rendering.failing > 0)
            reasons.append(
                QJsonObject{{"code"_L1, u"render_queue"_s}, {"message"_L1, o.value("site_detail"_L1)}});
        if (portal.failing > 0)
            reasons.append(QJsonObject{
                {"code"_L1, u"portal_queue"_s},
                {"message"_L1, tr("%n item(s) for the municipal platform could not be sent lately; they are "
                                  "tried again by themselves (`baosong-server portal-queue`).",
                                  nullptr, portal.failing)}});
        if (const QJsonObject columns = o.value("columns"_L1).toObject();
            columns.value("failing"_L1).toBool())
            reasons.append(QJsonObject{
                {"code"_L1, u"columns"_s},
                {"message"_L1, tr("An inspection would fail the site now: too many columns are stale, long "
                                  "unupdated or empty (`baosong-server column-health`).")}});
        o.insert("reasons"_L1, reasons);
        http::Response r = http::Response::json(degraded ? 503 : 200, o);
        if (degraded)
            r.headers.append(
                qMakePair(QByteArray("Retry-After"), QByteArray::number(kStoreRetryAfterSeconds)));
        return r;
    }
    if (parts == QStringList{u"session"_s} && method == "POST")
        return login(request);

    // Everything else needs a valid session.
    const QByteArray token = bearerToken(request);
    // An action, the busiest request: what it reads first is read with the versions the session is
    // checked against, in one statement (ServerStore::expectAction()), and used only once signed in.
    std::optional<QJsonObject> actionBody;
    if (parts == QStringList{u"actions"_s} && method == "POST" && !token.isEmpty()) {
        bool ok = false;
        actionBody = parseBody(request, &ok);
        if (!ok)
            actionBody.reset();
        else if (const QString actionId = actionBody->value("action_id"_L1).toString(),
                 itemId = actionBody->value("item_id"_L1).toString();
                 limits::isUuid(actionId) && limits::isUuid(itemId))
            m_store.expectAction(actionId, itemId,
                                 actionFromString(actionBody->value("action"_L1).toString()) ==
                                     Action::Create);
    }
    const std::optional<Person> person =
        token.isEmpty() ? std::nullopt : m_accounts.authenticate(token, now());
    if (!person) {
        http::Response r = problem(request, 401, tr("Sign in required"),
                                   tr("Your session is missing, has expired or was ended. Sign in again."));
        r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        return r;
    }
    Context ctx{request, *person};

    if (parts[0] == "uploads"_L1 || parts[0] == "blobs"_L1)
        return m_uploads.handle(request, *person, parts, now());
    if (parts == QStringList{u"session"_s} && method == "DELETE")
        return logout(request);
    if (parts == QStringList{u"password"_s} && method == "POST")
        return changePassword(ctx);
    if (parts == QStringList{u"me"_s} && method == "GET")
        return me(ctx);
    if (parts == QStringList{u"organization"_s} && method == "GET")
        return organization(ctx);
    if (parts == QStringList{u"queue"_s} && method == "GET")
        return queue(ctx);
    if (parts == QStringList{u"columns"_s, u"health"_s} && method == "GET")
        return columnHealth(ctx);
    if (parts == QStringList{u"statistics"_s} && method == "GET")
        return statistics(ctx);
    if (parts == QStringList{u"audit"_s} && method == "GET")
        return auditLog(ctx);
    if (parts == QStringList{u"register"_s} && method == "GET")
        return accountabilityRegister(ctx);
    if (parts == QStringList{u"register"_s, u"notices"_s} && method == "POST")
        return saveNotice(ctx, {});
    if (parts.size() == 3 && parts[0] == "register"_L1 && parts[1] == "notices"_L1 && method == "PUT")
        return saveNotice(ctx, parts[2]);
    if (parts == QStringList{u"changes"_s} && method == "GET")
        return changes(ctx);
    if (parts == QStringList{u"actions"_s} && method == "POST")
        return action(ctx, actionBody);
    if (parts == QStringList{u"events"_s} && method == "GET")
        return events(ctx);
    if (parts == QStringList{u"word-lists"_s} && method == "GET")
        return wordLists(ctx);
    if (parts == QStringList{u"word-lists"_s} && method == "PUT")
        return saveWordLists(ctx);
    if (parts.size() == 2 && parts[0] == "columns"_L1 && parts[1] != "health"_L1 && method == "PUT")
        return saveColumn(ctx, parts[1]);
    if (parts.size() == 2 && parts[0] == "items"_L1 && method == "GET")
        return item(ctx, parts[1]);
    if (parts.size() == 3 && parts[0] == "items"_L1 && parts[2] == "history"_L1 && method == "GET")
        return history(ctx, parts[1]);
    return problem(request, 404, tr("Not found"), tr("There is nothing at %1.").arg(path));
}

// ---- monitoring -------------------------------------------------------------------------------------

http::Response Api::metrics(const http::Request &request)
{
    const QHostAddress peer(request.remoteAddress);
    const bool forwarded = !request.header("X-Forwarded-For").isNull() ||
                           !request.header("Forwarded").isNull() || !request.header("X-Real-IP").isNull();
    if (!m_metrics || (!m_metricsAllowRemote && (!peer.isLoopback() || forwarded)))
        return problem(request, 404, tr("Not found"), tr("There is nothing at %1.").arg(u"/metrics"_s));
    using Gauge = Metrics::Gauge;
    QList<Gauge> gauges;
    const RenderQueueStatus rendering = m_store.renderQueueStatus();
    gauges << Gauge{"baosong_render_queue_jobs", "Public site pages waiting to be written, by state.",
                    "state=\"queued\"", double(rendering.queued)}
           << Gauge{"baosong_render_queue_jobs", {}, "state=\"failing\"", double(rendering.failing)};
    gauges << Gauge{"baosong_render_queue_oldest_seconds",
                    "Age of the oldest render job (0: none).",
                    {},
                    rendering.oldest.isValid() ? double(rendering.oldest.secsTo(now())) : 0.0};
    const PortalQueueStatus portal = m_store.portalQueueStatus();
    gauges << Gauge{"baosong_portal_queue_jobs", "Items for the municipal platform (Art. 14), by state.",
                    "state=\"queued\"", double(portal.queued)}
           << Gauge{"baosong_portal_queue_jobs", {}, "state=\"waiting\"", double(portal.waiting)}
           << Gauge{"baosong_portal_queue_jobs", {}, "state=\"failing\"", double(portal.failing)};
    // Items in review and how many are past their deadline (Art. 9, 15), read at most every 30 s.
    const ReviewFigures review = cachedReviewFigures();
    gauges << Gauge{"baosong_items_in_review",
                    "Items waiting in an approval queue.",
                    {},
                    double(review.inReview)}
           << Gauge{"baosong_items_overdue",
                    "Items in review past their deadline: the 5-day target or the "
                    "15-day limit (urgent items: their hours).",
                    "deadline=\"target\"", double(review.pastTarget)}
           << Gauge{"baosong_items_overdue", {}, "deadline=\"limit\"", double(review.pastLimit)};
    if (const std::optional<SiteHealth> health = cachedSiteHealth()) {
        gauges << Gauge{"baosong_columns", "Columns by the inspection's counts (docs/design.md §5).",
                        "state=\"stale\"", double(health->stale.count)}
               << Gauge{"baosong_columns",
                        {},
                        "state=\"long_unupdated\"",
                        double(health->longUnupdated.count)}
               << Gauge{"baosong_columns", {}, "state=\"empty\"", double(health->empty.count)}
               // Columns the site links although nothing is published in them (#21.1).
               << Gauge{"baosong_columns", {}, "state=\"linked_empty\"", double(health->linkedEmpty.size())};
    }
    // Counters, in truth (they only grow): how long this process held the writers' lock. Their rate
    // against the actions' bounds what servers sharing one database can write together.
    gauges << Gauge{"baosong_store_write_lock_held_seconds",
                    "Time this process's transactions held the store's writers' lock, in all.",
                    {},
                    m_store.writeLockHeldSeconds()}
           << Gauge{"baosong_store_write_lock_holds",
                    "Transactions that held the store's writers' lock.",
                    {},
                    double(m_store.writeLockHeldCount())}
           // PostgreSQL: actions written in one statement on what the server knew, and requests
           // answered again because what it guessed had changed (ServerStore::expectAction()).
           << Gauge{"baosong_store_guessed_actions",
                    "Actions written in one statement, judged on what this process knew (PostgreSQL).",
                    {},
                    double(m_store.guessedActions())}
           << Gauge{"baosong_store_restarted_requests",
                    "Requests answered again because what they guessed had changed meanwhile.",
                    {},
                    double(m_store.restartedRequests())};
    gauges << Gauge{"baosong_store_degraded",
                    "1 after a store failure, until a write succeeds again.",
                    {},
                    m_store.isDegraded() ? 1.0 : 0.0};
    http::Response r;
    r.status = 200;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = m_metrics->text(gauges);
    return r;
}

Api::ReviewFigures Api::cachedReviewFigures()
{
    QMutexLocker lock(&m_healthMutex);
    const QDateTime at = now();
    if (m_reviewAt.isValid() && m_reviewAt.msecsTo(at) < 30000)
        return m_review;
    ReviewFigures f;
    QStringList roles;
    for (const Role r : {Role::Correspondent, Role::UnitHead, Role::LeaderInCharge, Role::OfficeDirector,
                         Role::SiteAdministrator, Role::Auditor, Role::Administrator})
        roles << toString(r);
    const QDate today = chinaDate(at);
    for (const Item &item : m_store.itemsInReview(roles)) {
        ++f.inReview;
        const Revision *r = item.latest();
        if (!r)
            continue;
        if (r->content.urgent && item.submittedAt.isValid()) {
            if (m_deadline.urgentState(item.submittedAt, at) == DeadlineState::Breached) {
                ++f.pastTarget;
                ++f.pastLimit;
            }
            continue;
        }
        const QDate from = r->content.deadlineFrom();
        if (!from.isValid())
            continue;
        const DeadlineState state = m_deadline.state(from, today);
        if (state == DeadlineState::Breached) {
            ++f.pastTarget;
            ++f.pastLimit;
        } else if (state == DeadlineState::Overdue) {
            ++f.pastTarget;
        }
    }
    m_review = f;
    m_reviewAt = at;
    return f;
}

// ---- notices ----------------------------------------------------------------------------------------

http::Response Api::events(Context &ctx)
{
    // Signed in (checked above): the channel carries only "pull now", never an item, so every account
    // may hold one; what the pull then returns is filtered as always.
    if (ctx.request.webSocketUpgrade)
        return http::Response::webSocket();
    http::Response r = problem(ctx.request, 426, tr("Upgrade required"),
                               tr("This address is a WebSocket: open it with Upgrade: websocket."));
    r.headers.append(qMakePair(QByteArray("Upgrade"), QByteArray("websocket")));
    return r;
}

// ---- sessions ---------------------------------------------------------------------------------------

http::Response Api::login(const http::Request &request)
{
    bool ok = false;
    const QJsonObject body = parseBody(request, &ok);
    const QString login = body.value("login"_L1).toString();
    const QString password = body.value("password"_L1).toString();
    if (!ok || login.isEmpty() || password.isEmpty())
        return problem(request, 400, tr("Bad request"),
                       tr("Send a JSON object with \"login\" and \"password\"."));
    const Accounts::LoginResult result = m_accounts.login(login, password, now(), request.remoteAddress);
    switch (result.status) {
    case Accounts::LoginResult::Status::Ok: {
        const std::optional<Person> p = m_store.person(result.session.personId);
        QJsonObject o{{"token"_L1, QString::fromLatin1(result.token)},
                      {"expires_at"_L1, result.session.expiresAt.toString(Qt::ISODateWithMs)},
                      {"server_id"_L1, m_store.serverId()}};
        if (p)
            o.insert("person"_L1, personJson(*p));
        return http::Response::json(200, o);
    }
    case Accounts::LoginResult::Status::TooSoon:
    case Accounts::LoginResult::Status::Locked: {
        http::Response r = problem(request, 429, tr("Too many attempts"), result.message,
                                   {{"retry_after"_L1, result.retryAfterSeconds}});
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(result.retryAfterSeconds)));
        return r;
    }
    case Accounts::LoginResult::Status::Disabled:
        return problem(request, 403, tr("Account disabled"), result.message);
    case Accounts::LoginResult::Status::Unavailable:
        return problem(request, 503, tr("Try again"), result.message);
    case Accounts::LoginResult::Status::BadCredentials:
        break;
    }
    if (m_metrics)
        m_metrics->recordSignInFailure();
    return problem(request, 401, tr("Sign-in failed"), result.message);
}

http::Response Api::logout(const http::Request &request)
{
    if (!m_accounts.logout(bearerToken(request), now()))
        return storeFailure(request);
    return http::Response::json(200, {{"status"_L1, u"signed_out"_s}});
}

http::Response Api::changePassword(Context &ctx)
{
    bool ok = false;
    const QJsonObject body = parseBody(ctx.request, &ok);
    if (!ok)
        return problem(ctx.request, 400, tr("Bad request"),
                       tr("Send a JSON object with \"old_password\" and \"new_password\"."));
    QString error;
    int retryAfter = 0;
    if (!m_accounts.changePassword(ctx.person.id, body.value("old_password"_L1).toString(),
                                   body.value("new_password"_L1).toString(), now(), &error, &retryAfter)) {
        if (retryAfter > 0) {
            http::Response r =
                problem(ctx.request, 429, tr("Too many attempts"), error, {{"retry_after"_L1, retryAfter}});
            r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfter)));
            return r;
        }
        return problem(ctx.request, 422, tr("Password not changed"), error);
    }
    return http::Response::json(200, {{"status"_L1, u"changed"_s}});
}

// ---- reading ----------------------------------------------------------------------------------------

http::Response Api::me(Context &ctx)
{
    QJsonObject o{{"person"_L1, personJson(ctx.person)},
                  {"server_id"_L1, m_store.serverId()},
                  {"epoch"_L1, m_store.epoch()},
                  // The feed's last change: a client whose cursor is past it talks to a restored copy.
                  {"feed_head"_L1, QString::number(m_store.latestSequence())},
                  // The word lists' version: a client that has another one fetches them.
                  {"word_lists_version"_L1, m_store.wordListsVersion()},
                  // The organization's version: a client that has another one fetches it again.
                  {"organization_version"_L1, m_store.organizationVersion()}};
    QJsonArray roles;
    for (const RoleGrant &g : ctx.person.grants) {
        roles.append(QJsonObject{{"role"_L1, toString(g.role)},
                                 {"name"_L1, displayName(g.role)},
                                 {"unit_ids"_L1, QJsonArray::fromStringList(g.unitIds)},
                                 {"bureau_wide"_L1, g.bureauWide}});
    }
    o.insert("roles"_L1, roles);
    // What the client checks before it uploads (a file over the limit is refused at once).
    ServerLimits limits;
    limits.maxUploadBytes = m_uploads.config().maxUploadBytes;
    limits.chunkSize = m_uploads.config().chunkSize;
    o.insert("limits"_L1, json::toJson(limits));
    return http::Response::json(200, o);
}

http::Response Api::organization(Context &)
{
    QJsonArray units, people, columns;
    for (const Unit &u : m_store.units())
        units.append(json::toJson(u));
    for (const Person &p : m_store.people())
        people.append(personJson(p));
    for (const Column &c : m_store.columns())
        columns.append(json::toJson(c));
    // The organization's name as imported; a store made before names were kept answers its id.
    QString name = m_store.meta(u"organization_name"_s);
    if (name.isEmpty())
        name = tr("Baosong server %1").arg(m_store.serverId().left(8));
    return http::Response::json(200,
                                {{"name"_L1, name},
                                 {"short_name"_L1, m_store.meta(u"organization_short_name"_s)},
                                 {"example_data"_L1, m_store.meta(u"organization_example_data"_s) == "1"_L1},
                                 {"units"_L1, units},
                                 {"people"_L1, people},
                                 {"columns"_L1, columns},
                                 {"server_id"_L1, m_store.serverId()}});
}

http::Response Api::item(Context &ctx, const QString &id)
{
    const std::optional<Item> found = m_store.item(id);
    // An item the person may not see is answered like one that does not exist.
    if (!found || !RouteEngine::canSee(ctx.person, *found))
        return problem(ctx.request, 404, tr("No such item"),
                       tr("There is no item %1 that you may see.").arg(id));
    // Another unit sees the live revision alone (docs/design.md §8).
    return http::Response::json(200, {{"item"_L1, json::toJson(RouteEngine::viewFor(ctx.person, *found))}});
}

http::Response Api::history(Context &ctx, const QString &id)
{
    const std::optional<Item> found = m_store.item(id);
    if (!found || !RouteEngine::canSee(ctx.person, *found))
        return problem(ctx.request, 404, tr("No such item"),
                       tr("There is no item %1 that you may see.").arg(id));
    // Another unit, which sees only the live revision, learns only when revisions were published.
    const bool whole = RouteEngine::seesWhole(ctx.person, *found);
    QJsonArray events;
    for (const AuditEvent &e : m_store.auditEventsFor(id)) {
        if (!whole && e.type != "publish"_L1)
            continue;
        events.append(QJsonObject{{"sequence"_L1, QString::number(e.sequence)},
                                  {"at"_L1, e.at.toUTC().toString(Qt::ISODateWithMs)},
                                  {"actor_id"_L1, e.actorId},
                                  {"type"_L1, e.type},
                                  {"details"_L1, e.details}});
    }
    return http::Response::json(200, {{"item_id"_L1, id}, {"events"_L1, events}});
}

http::Response Api::queue(Context &ctx)
{
    // Only the items at a stage of one of the person's roles, in the units that role covers (or
    // anywhere, for a role that decides bureau-wide), are read; the engine has the last word.
    // Stages escalate (a sole unit head's own item goes to the unit's leader in charge), so a role
    // reaches the stages it may come to decide; the engine, knowing the people, has the last word.
    QList<ServerStore::ReviewScope> scopes;
    for (const RoleGrant &g : ctx.person.grants) {
        for (const RouteEngine::QueueReach &reach : m_engine.queueReach(g.role))
            scopes.append(ServerStore::ReviewScope{toString(reach.stageRole), g.unitIds,
                                                   g.bureauWide || reach.anyUnit});
    }
    QList<Item> waiting;
    const QList<Item> candidates = m_store.itemsInReview(scopes);
    if (!candidates.isEmpty()) {
        const Organization organization = currentOrganization(); // the people decide escalation
        for (const Item &item : candidates) {
            if (m_engine.isWaitingFor(ctx.person, item, &organization))
                waiting.append(item);
        }
    }
    // Urgent first (Art. 9), the one due first first; then by the remaining time to the deadline,
    // oldest information first.
    std::stable_sort(waiting.begin(), waiting.end(), [](const Item &a, const Item &b) {
        const bool ua = a.latest() && a.latest()->content.urgent;
        const bool ub = b.latest() && b.latest()->content.urgent;
        if (ua != ub)
            return ua;
        if (ua && a.submittedAt != b.submittedAt)
            return a.submittedAt.isValid() && (!b.submittedAt.isValid() || a.submittedAt < b.submittedAt);
        const QDate da = a.latest() ? a.latest()->content.deadlineFrom() : QDate();
        const QDate db = b.latest() ? b.latest()->content.deadlineFrom() : QDate();
        if (da.isValid() != db.isValid())
            return da.isValid();
        return da < db;
    });
    const QDate today = chinaDate(now());
    QJsonArray out;
    for (const Item &item : std::as_const(waiting))
        out.append(queueEntry(item, m_engine, m_deadline, now(), today));
    return http::Response::json(200, {{"items"_L1, out}, {"count"_L1, int(out.size())}});
}

http::Response Api::changes(Context &ctx)
{
    const QUrlQuery query(QString::fromUtf8(ctx.request.query));
    bool ok = true;
    const QString cursorText = query.queryItemValue(u"cursor"_s);
    const qint64 cursor = cursorText.isEmpty() ? 0 : cursorText.toLongLong(&ok);
    if (!ok || cursor < 0)
        return problem(ctx.request, 400, tr("Bad request"),
                       tr("The cursor must be a whole number of 0 or more."));
    int limit = kDefaultFeedPage;
    if (query.hasQueryItem(u"limit"_s)) {
        limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1)
            return problem(ctx.request, 400, tr("Bad request"),
                           tr("The limit must be a whole number of 1 or more."));
        limit = std::min(limit, kMaxFeedPage);
    }
    // Tombstones older than the oldest valid cursor were pruned: such a client must start again. A
    // client already reading everything again from 0 says so (full=1): it pages on, since it learns
    // of deletions by what it reads and never deletes by absence.
    const bool full = query.queryItemValue(u"full"_s) == "1"_L1;
    if (!full && cursor > 0 && cursor < m_store.oldestValidCursor())
        return http::Response::json(
            200,
            {{"resync"_L1, true}, {"server_id"_L1, m_store.serverId()}, {"cursor"_L1, QString::number(0)}});
    // A cursor past the last change: this server is behind the client — put back from an older copy
    // without a new epoch. The client starts again from 0 and sends what the server lost.
    if (cursor > 0 && cursor > m_store.latestSequence() && m_store.lastError().isEmpty())
        return http::Response::json(200, {{"resync"_L1, true},
                                          {"restored"_L1, true},
                                          {"server_id"_L1, m_store.serverId()},
                                          {"cursor"_L1, QString::number(0)}});

    bool cut = false;
    const QList<Change> page = m_store.changesSince(cursor, limit, kMaxFeedPageBytes, &cut);
    if (!m_store.lastError().isEmpty())
        return storeFailure(ctx.request);
    // The body is written here rather than through QJsonObject: each item goes out as stored (the
    // compact JSON of json::toJson), so a page of thousands of items is not read into Items and
    // written again (bench_sync). An item is read only where its author, unit and state leave open
    // whether the person may see it.
    QByteArray body;
    qsizetype size = 256;
    for (const Change &c : page)
        size += c.json.size() + 64;
    body.reserve(size);
    body += "{\"changes\":[";
    bool first = true;
    const auto append = [&](const QByteArray &entry) {
        if (!first)
            body += ',';
        first = false;
        body += entry;
    };
    qint64 last = cursor;
    for (const Change &c : page) {
        last = c.sequence;
        if (c.deleted) {
            // Only those who could have seen the item learn that it is gone.
            if (RouteEngine::mayLearnOfDeletion(ctx.person, c.authorId, c.unitId))
                append(QJsonDocument(QJsonObject{{"sequence"_L1, QString::number(c.sequence)},
                                                 {"item_id"_L1, c.itemId},
                                                 {"deleted"_L1, true}})
                           .toJson(QJsonDocument::Compact));
            continue;
        }
        std::optional<bool> visible = RouteEngine::canSee(ctx.person, c.authorId, c.unitId, c.state);
        std::optional<bool> whole = RouteEngine::seesWhole(ctx.person, c.authorId, c.unitId, c.state);
        const bool stored = c.json.startsWith('{') && c.json.endsWith('}');
        QByteArray itemJson = c.json;
        if (visible != false && (!visible || !whole || !stored)) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(c.json, &parseError);
            Item item;
            QString error = parseError.errorString();
            if (!doc.isObject() || !json::fromJson(doc.object(), &item, &error)) {
                qCWarning(lcApi) << "item" << c.itemId << "can't be read:" << error;
                continue;
            }
            visible = RouteEngine::canSee(ctx.person, item);
            // Another unit's live item: its public view only (docs/design.md §8).
            if (*visible && !RouteEngine::seesWhole(ctx.person, item))
                itemJson =
                    QJsonDocument(json::toJson(RouteEngine::publicView(item))).toJson(QJsonDocument::Compact);
        }
        if (*visible) {
            append("{\"item\":"_ba + itemJson + ",\"sequence\":\""_ba + QByteArray::number(c.sequence) +
                   "\"}"_ba);
        }
    }
    const bool more = page.size() == limit || cut;
    body += "],\"cursor\":\""_ba + QByteArray::number(last) + "\",\"more\":"_ba +
            (more ? "true"_ba : "false"_ba) + ",\"server_id\":"_ba;
    const QByteArray serverId = QJsonDocument(QJsonArray{m_store.serverId()}).toJson(QJsonDocument::Compact);
    body += serverId.mid(1, serverId.size() - 2) + '}';
    http::Response response;
    response.status = 200;
    response.body = std::move(body);
    return response;
}

// ---- actions ----------------------------------------------------------------------------------------

std::optional<SiteHealth> Api::siteHealth(ServerStore &store, QDate today)
{
    Organization organization;
    organization.columns = store.columns();
    if (!store.lastError().isEmpty())
        return std::nullopt;
    QHash<QString, QDateTime> last;
    for (const Column &c : std::as_const(organization.columns)) {
        // The newest of its listing (its own and its sub-columns' items): one indexed row.
        const QList<SiteEntry> newest = store.siteNewest(c.id, 1);
        if (!store.lastError().isEmpty())
            return std::nullopt;
        if (!newest.isEmpty())
            last.insert(c.id, newest.constFirst().publishedAt);
    }
    return ColumnHealthRules().judge(organization, last, today);
}

std::optional<SiteHealth> Api::cachedSiteHealth()
{
    // /health is polled (monitors, proxies) and answers anyone: its column counts are read at most
    // every half minute, not a query per column on every poll.
    const QDateTime at = now();
    QMutexLocker lock(&m_healthMutex);
    if (!m_health || !m_healthAt.isValid() || m_healthAt.secsTo(at) >= 30 || at < m_healthAt) {
        m_health = siteHealth(m_store, chinaDate(at));
        m_healthAt = at;
    }
    return m_health;
}

http::Response Api::columnHealth(Context &ctx)
{
    const std::optional<SiteHealth> health = siteHealth(m_store, chinaDate(now()));
    if (!health)
        return storeFailure(ctx.request);
    QJsonObject o = toJson(*health);
    QJsonArray messages;
    for (const QString &m : health->messages())
        messages.append(m);
    o.insert("messages"_L1, messages);
    return http::Response::json(200, o);
}

namespace {

// ?quarter=2026-4, or ?from=2026-10-01&to=2026-12-31 (days of the bureau's calendar, included), at most
// three years: the statistics' and the register's period. Nullopt when not given so.
std::optional<StatisticsPeriod> periodOf(const http::Request &request)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    StatisticsPeriod period;
    if (query.hasQueryItem(u"quarter"_s)) {
        const QStringList parts = query.queryItemValue(u"quarter"_s).split(u'-');
        bool yearOk = false;
        bool quarterOk = false;
        const int year = parts.value(0).toInt(&yearOk);
        const int q = parts.value(1).toInt(&quarterOk);
        if (parts.size() == 2 && yearOk && quarterOk && q >= 1 && q <= 4 && year >= 2000 && year <= 9999)
            period = StatisticsPeriod::quarter(year, q);
    } else {
        period = {QDate::fromString(query.queryItemValue(u"from"_s), Qt::ISODate),
                  QDate::fromString(query.queryItemValue(u"to"_s), Qt::ISODate)};
    }
    // At most three years at once: the cost follows the period.
    if (!period.isValid() || period.from.daysTo(period.to) > 3 * 366)
        return std::nullopt;
    return period;
}

} // namespace

http::Response Api::badPeriod(const http::Request &request) const
{
    return problem(request, 400, tr("Bad request"),
                   tr("Give the period as quarter=YYYY-Q (e.g. 2026-4) or as from=YYYY-MM-DD and "
                      "to=YYYY-MM-DD, the first not after the second, at most three years apart."));
}

http::Response Api::statistics(Context &ctx)
{
    const std::optional<StatisticsPeriod> given = periodOf(ctx.request);
    if (!given)
        return badPeriod(ctx.request);
    const StatisticsPeriod period = *given;
    const Organization organization = currentOrganization();
    // Everything that happened in the period changed its item then: older items are not read.
    const QList<Item> items = m_store.itemsChangedSince(QDateTime(period.from, QTime(0, 0)).addDays(-1));
    if (!m_store.lastError().isEmpty())
        return storeFailure(ctx.request);
    Statistics s = StatisticsCalculator::compute(organization, items, period, m_deadline, m_scoring);
    if (const std::optional<QStringList> units = StatisticsCalculator::visibleUnits(ctx.person))
        s = StatisticsCalculator::restrictedTo(s, *units, organization);
    QJsonObject o = toJson(s);
    o.insert("scoring"_L1, m_scoring.toJson());
    return http::Response::json(200, o);
}

http::Response Api::auditLog(Context &ctx)
{
    // The audit reader (issue #18 point 7): the auditor and the administrators only; read-only.
    if (!ctx.person.hasRole(Role::Auditor) && !ctx.person.hasRole(Role::Administrator))
        return problem(ctx.request, 403, tr("Not permitted"),
                       tr("Only the auditor and the administrators may read the audit log."));
    const QUrlQuery query(QString::fromUtf8(ctx.request.query));
    bool ok = true;
    const qint64 after =
        query.hasQueryItem(u"after"_s) ? query.queryItemValue(u"after"_s).toLongLong(&ok) : 0;
    bool limitOk = true;
    const int limit = query.hasQueryItem(u"limit"_s) ? query.queryItemValue(u"limit"_s).toInt(&limitOk) : 200;
    const auto date = [&](const QString &key) {
        return query.hasQueryItem(key) ? QDate::fromString(query.queryItemValue(key), Qt::ISODate) : QDate();
    };
    const QDate from = date(u"from"_s);
    const QDate to = date(u"to"_s);
    if (!ok || after < 0 || !limitOk || limit < 1 || limit > 500 ||
        (query.hasQueryItem(u"from"_s) && !from.isValid()) || (query.hasQueryItem(u"to"_s) && !to.isValid()))
        return problem(
            ctx.request, 400, tr("Bad request"),
            tr("after must be a sequence number, limit 1 to 500, from and to dates (YYYY-MM-DD)."));
    const QString actor = query.queryItemValue(u"actor"_s);
    const QString item = query.queryItemValue(u"item"_s);
    const QString type = query.queryItemValue(u"type"_s);
    const QString unit = query.queryItemValue(u"unit"_s);
    const auto matches = [&](const AuditEvent &e) {
        const QDate day = chinaDate(e.at);
        return (actor.isEmpty() || e.actorId == actor) && (item.isEmpty() || e.subjectId == item) &&
               (type.isEmpty() || e.type == type || e.type.startsWith(type + u'.')) &&
               (unit.isEmpty() || e.details.value("unit_id"_L1).toString() == unit) &&
               (!from.isValid() || day >= from) && (!to.isValid() || day <= to);
    };
    // A bounded scan from `after` on, the chain checked over what was read: each event's hash, and
    // its link to the one before.
    constexpr int kBatch = 1000;
    constexpr int kScanned = 20000;
    QJsonArray events;
    qint64 next = after;
    int scanned = 0;
    bool chainOk = true;
    qint64 brokenAt = 0;
    QByteArray previous;
    bool more = true;
    while (more && scanned < kScanned && events.size() < limit) {
        const QList<AuditEvent> batch = m_store.auditEvents(next + 1, kBatch);
        if (!m_store.lastError().isEmpty())
            return storeFailure(ctx.request);
        more = batch.size() == kBatch;
        for (const AuditEvent &e : batch) {
            ++scanned;
            next = e.sequence;
            if (chainOk &&
                (e.computeHash() != e.hash || (!previous.isEmpty() && e.previousHash != previous))) {
                chainOk = false;
                brokenAt = e.sequence;
            }
            previous = e.hash;
            if (matches(e)) {
                events.append(QJsonObject{{"seq"_L1, e.sequence},
                                          {"at"_L1, e.at.toString(Qt::ISODateWithMs)},
                                          {"actor"_L1, e.actorId},
                                          {"type"_L1, e.type},
                                          {"subject"_L1, e.subjectId},
                                          {"details"_L1, e.details},
                                          {"hash"_L1, QString::fromLatin1(e.hash)}});
                if (events.size() >= limit) {
                    more = more || &e != &batch.constLast();
                    break;
                }
            }
        }
    }
    QJsonObject o{{"events"_L1, events},
                  {"next"_L1, next},
                  {"more"_L1, more},
                  {"scanned"_L1, scanned},
                  {"chain_ok"_L1, chainOk}};
    if (!chainOk)
        o.insert("broken_at"_L1, brokenAt);
    return http::Response::json(200, o);
}

// ---- the accountability register --------------------------------------------------------------------

http::Response Api::accountabilityRegister(Context &ctx)
{
    // Issue #18 point 6 (Art. 23): per unit, for the period; whose units, as the statistics (point 8).
    const std::optional<StatisticsPeriod> given = periodOf(ctx.request);
    if (!given)
        return badPeriod(ctx.request);
    const StatisticsPeriod period = *given;
    const Organization organization = currentOrganization();
    const QDateTime start(period.from, QTime(0, 0));
    const QDateTime end(period.to.addDays(1), QTime(0, 0));
    RegisterInput input;
    // A day's margin either side: the calculator keeps what falls on the period's days (Beijing time).
    input.events = m_store.auditEventsOfTypes({u"publish"_s, u"retract"_s, u"override"_s}, start.addDays(-1),
                                              end.addDays(1));
    if (!m_store.lastError().isEmpty())
        return storeFailure(ctx.request);
    // Everything that happened in the period changed its item then (as for the statistics).
    input.items = m_store.itemsChangedSince(start.addDays(-1));
    if (!m_store.lastError().isEmpty())
        return storeFailure(ctx.request);
    QSet<QString> read;
    for (const Item &item : std::as_const(input.items))
        read.insert(item.id);
    QStringList named;
    for (const AuditEvent &e : std::as_const(input.events)) {
        if (!read.contains(e.subjectId) && !named.contains(e.subjectId))
            named << e.subjectId;
    }
    if (!named.isEmpty()) {
        input.items += m_store.items(named);
        if (!m_store.lastError().isEmpty())
            return storeFailure(ctx.request);
    }
    input.publishedBefore = m_store.siteLastPublishedBefore(start);
    if (!m_store.lastError().isEmpty())
        return storeFailure(ctx.request);
    input.notices = m_store.inspectionNotices();
    if (!m_store.lastError().isEmpty())
        return storeFailure(ctx.request);
    AccountabilityRegister r =
        RegisterCalculator::compute(organization, input, period, m_deadline, m_engine, chinaDate(now()));
    if (const std::optional<QStringList> units = StatisticsCalculator::visibleUnits(ctx.person))
        r = RegisterCalculator::restrictedTo(r, *units);
    QJsonObject o = toJson(r);
    o.insert("may_write_notices"_L1, InspectionNotices::mayWrite(ctx.person));
    return http::Response::json(200, o);
}

http::Response Api::saveNotice(Context &ctx, const QString &id)
{
    const http::Request &request = ctx.request;
    if (!InspectionNotices::mayWrite(ctx.person))
        return problem(request, 403, tr("Not permitted"),
                       tr("Only a site administrator (%1) or an administrator may record inspection notices.")
                           .arg(displayName(Role::SiteAdministrator)),
                       {{"refusal"_L1, u"not_permitted"_s}});
    bool ok = false;
    const QJsonObject body = parseBody(request, &ok);
    if (!ok)
        return problem(request, 400, tr("Bad request"),
                       tr("Send the notice as a JSON object: \"date\", \"source\", \"finding\", \"unit_id\", "
                          "\"follow_up\", \"closed\", \"closed_on\" (and, for a change, the \"version\" you "
                          "edited)."));
    InspectionNotice n;
    QString error;
    if (!fromJson(body, &n, &error))
        return problem(request, 422, tr("Notice not saved"), error,
                       {{"refusal"_L1, u"notice_invalid"_s}, {"errors"_L1, QJsonArray{error}}});
    n.source = n.source.trimmed();
    n.finding = n.finding.trimmed();
    n.followUp = n.followUp.trimmed();
    n.unitId = n.unitId.trimmed();
    // A change of a notice that does not exist: 404 before anything else is said about it.
    if (!id.isEmpty() && (!limits::isUuid(id) || !m_store.inspectionNotice(id))) {
        if (!m_store.lastError().isEmpty())
            return storeFailure(request);
        return problem(request, 404, tr("No such notice"),
                       tr("There is no inspection notice %1.").arg(id.left(limits::kIdChars)));
    }
    Organization organization;
    organization.units = m_store.units();
    if (!m_store.lastError().isEmpty())
        return storeFailure(request);
    const QDateTime at = now();
    const QStringList problems = InspectionNotices::problems(n, organization, chinaDate(at));
    if (!problems.isEmpty())
        return problem(
            request, 422, tr("Notice not saved"), problems.join(u'\n'),
            {{"refusal"_L1, u"notice_invalid"_s}, {"errors"_L1, QJsonArray::fromStringList(problems)}});

    ServerStore::Transaction tx(m_store);
    if (!tx.ok())
        return storeFailure(request);
    AuditEvent event;
    event.at = at;
    event.actorId = ctx.person.id;
    InspectionNotice before;
    if (id.isEmpty()) {
        n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        n.version = 1;
        n.createdBy = ctx.person.id;
        n.createdAt = at;
        n.updatedBy.clear();
        n.updatedAt = QDateTime();
        event.type = u"inspection_notice.create"_s;
    } else {
        const std::optional<InspectionNotice> stored = m_store.inspectionNotice(id);
        if (!stored) {
            if (!m_store.lastError().isEmpty())
                return storeFailure(request);
            return problem(request, 404, tr("No such notice"),
                           tr("There is no inspection notice %1.").arg(id));
        }
        if (!body.value("version"_L1).isDouble() || n.version != stored->version)
            return problem(request, 409, tr("The notice changed meanwhile"),
                           tr("Someone changed this notice after you opened it (version %1 now, yours %2). "
                              "Open it again and make your change there.")
                               .arg(stored->version)
                               .arg(n.version),
                           {{"refusal"_L1, u"stale_version"_s}, {"notice"_L1, toJson(*stored)}});
        before = *stored;
        n.id = stored->id;
        n.createdBy = stored->createdBy;
        n.createdAt = stored->createdAt;
        if (InspectionNotices::changes(before, n).isEmpty())
            return http::Response::json(200, {{"notice"_L1, toJson(*stored)}, {"changed"_L1, false}});
        n.version = stored->version + 1;
        n.updatedBy = ctx.person.id;
        n.updatedAt = at;
        event.type = !before.closed && n.closed   ? u"inspection_notice.close"_s
                     : before.closed && !n.closed ? u"inspection_notice.reopen"_s
                                                  : u"inspection_notice.update"_s;
    }
    event.subjectId = n.id;
    event.details = QJsonObject{{"unit_id"_L1, n.unitId},
                                {"version"_L1, n.version},
                                {"changes"_L1, InspectionNotices::changes(before, n)},
                                {"request_id"_L1, QString::fromLatin1(request.requestId)}};
    if (!m_store.saveInspectionNotice(n) || !m_store.appendAudit(event) || !tx.commit())
        return storeFailure(request);
    qCInfo(lcApi) << request.requestId << ctx.person.id << event.type << n.id;
    return http::Response::json(id.isEmpty() ? 201 : 200, {{"notice"_L1, toJson(n)}, {"changed"_L1, true}});
}

Organization Api::currentOrganization()
{
    // Every change of a unit, person or column bumps the organization's version in the same
    // transaction (ServerStore::bumpOrganizationVersion), also on another server sharing the database:
    // one read of the version decides whether the copy kept here is still the store's.
    const std::optional<ServerStore::CacheVersions> versions = m_store.cacheVersions();
    const bool known = versions.has_value();
    const qint64 version = known ? versions->organization : 0;
    {
        QMutexLocker lock(&m_organizationMutex);
        if (known && m_organization && version == m_organizationVersion)
            return *m_organization;
    }
    // Read after the version: what is read is at least as new as the version it is kept under.
    Organization organization;
    organization.units = m_store.units();
    organization.people = m_store.people();
    organization.columns = m_store.columns();
    if (known && m_store.lastError().isEmpty()) {
        QMutexLocker lock(&m_organizationMutex);
        m_organization = std::make_shared<const Organization>(organization);
        m_organizationVersion = version;
    }
    return organization;
}

bool Api::sendsToPortal(const Item &before, const Item &after, const ActionRequest &request) const
{
    if (request.action != Action::Approve || before.proposal == Proposal::Retraction ||
        after.state == WorkflowState::InReview || after.state == WorkflowState::Returned)
        return false;
    const std::optional<Stage> stage = m_engine.currentStage(before);
    return stage && stage->end && *stage->end == RouteEnd::MunicipalPlatform;
}

Checks::Judgement Api::judgeStep(const Person &person, const Item &before, const Item &after,
                                 const ActionRequest &request, const QDateTime &at,
                                 std::optional<Organization> &organization)
{
    // Steps that move an item on or publish it; the others (drafting, comments, returns, withdrawal)
    // change nothing the site shows.
    const bool submits = request.action == Action::Submit || request.action == Action::ProposeChange;
    if (!submits && request.action != Action::Approve)
        return {};
    const bool lastStage = request.action == Action::Approve && after.state != WorkflowState::InReview;
    if (!organization)
        organization = currentOrganization();
    CheckContext context{after,        CheckContext::contentOf(after), *organization, m_engine, m_deadline,
                         chinaDate(at)};
    context.publishing = publishes(before, after);
    // A link counts if whoever made the revision may see the linked item (a reviewer need not see
    // the author's draft of the interpretation; publication waits for it to be live in any case).
    const Person *linker = after.latest() ? organization->person(after.latest()->authorId) : &person;
    context.findItem = [&](const QString &id) -> std::optional<Item> {
        std::optional<Item> found = m_store.item(id);
        if (!found || !linker || !RouteEngine::canSee(*linker, *found))
            return std::nullopt;
        return found;
    };
    // The attachments' content from the blob store (they are there: see UploadApi::unnameable).
    context.attachmentBytes = [this](const Attachment &a) {
        return m_uploads.blobs().readBlob(a.sha256.toHex(), ContentScanner::kMaxTextBytes);
    };
    const std::shared_ptr<const Checks> checks = currentChecks();
    return Checks::judge(checks->run(context), submits || lastStage, request.overrideReason);
}

std::shared_ptr<const Checks> Api::currentChecks()
{
    const std::optional<ServerStore::CacheVersions> versions = m_store.cacheVersions();
    const qint64 version = versions ? versions->wordLists : -1;
    QMutexLocker lock(&m_checksMutex);
    if (m_checks && (version == m_checksVersion || version < 0))
        return m_checks; // unchanged, or the version unreadable: the last ones known
    std::optional<ContentRules> rules = version < 0 ? std::nullopt : m_store.wordLists();
    if (!rules) {
        qCWarning(lcApi) << "the word lists could not be read, the shipped ones are used:"
                         << m_store.lastError();
        rules = ContentRules::builtin();
        rules->version = -1;
    }
    m_checks = std::make_shared<const Checks>(rules->checks());
    m_checksVersion = rules->version;
    return m_checks;
}

// ---- word lists -------------------------------------------------------------------------------------

namespace {

// What a change of the lists did, for its audit event: entries added, removed and changed per list
// (a sensitive word by the word, a misused word by its wrong form).
QJsonObject listChanges(const WordLists &before, const WordLists &after)
{
    auto count = [](const auto &oldList, const auto &newList, auto key) {
        QHash<QString, qsizetype> oldAt;
        for (qsizetype i = 0; i < oldList.size(); ++i)
            oldAt.insert(key(oldList.at(i)), i);
        int added = 0, changed = 0, kept = 0;
        for (const auto &entry : newList) {
            const auto it = oldAt.constFind(key(entry));
            if (it == oldAt.cend()) {
                ++added;
                continue;
            }
            ++kept;
            if (!(oldList.at(*it) == entry))
                ++changed;
        }
        return QJsonObject{{"added"_L1, added},
                           {"removed"_L1, int(oldList.size()) - kept},
                           {"changed"_L1, changed},
                           {"entries"_L1, int(newList.size())}};
    };
    return QJsonObject{
        {"sensitive"_L1,
         count(before.sensitive, after.sensitive,
               [](const WordLists::Sensitive &e) { return ContentScanner::compact(e.word).text; })},
        {"misused"_L1,
         count(before.misused, after.misused,
               [](const WordLists::Misused &e) { return ContentScanner::compact(e.wrong).text; })},
    };
}

} // namespace

http::Response Api::wordLists(Context &ctx)
{
    // Every signed-in person: clients run the same checks for comfort, offline too.
    const std::optional<ContentRules> rules = m_store.wordLists();
    if (!rules)
        return storeFailure(ctx.request);
    return http::Response::json(200, rules->toJson());
}

http::Response Api::saveWordLists(Context &ctx)
{
    const http::Request &request = ctx.request;
    const bool administrator =
        std::any_of(ctx.person.grants.cbegin(), ctx.person.grants.cend(),
                    [](const RoleGrant &g) { return g.role == Role::SiteAdministrator; });
    if (!administrator)
        return problem(
            request, 403, tr("Not permitted"),
            tr("Only a site administrator (%1) may change the word lists and the detector settings.")
                .arg(displayName(Role::SiteAdministrator)),
            {{"refusal"_L1, u"not_permitted"_s}});
    if (request.body.size() > limits::kWordListsBytes)
        return problem(request, 413, tr("Too large"),
                       tr("The word lists may take at most %1 MB together.")
                           .arg(limits::kWordListsBytes / (1024 * 1024)),
                       {{"refusal"_L1, u"too_large"_s}});
    bool ok = false;
    const QJsonObject body = parseBody(request, &ok);
    if (!ok || !body.value("base_version"_L1).isDouble() || !body.value("sensitive"_L1).isString() ||
        !body.value("misused"_L1).isString())
        return problem(
            request, 400, tr("Bad request"),
            tr("Send a JSON object with \"base_version\" (the version you edited), \"sensitive\" and "
               "\"misused\" (the lists' text) and, optionally, \"settings\"."));
    const std::optional<ContentRules> current = m_store.wordLists();
    if (!current)
        return storeFailure(request);

    ContentRules rules;
    rules.sensitiveText = body.value("sensitive"_L1).toString();
    rules.misusedText = body.value("misused"_L1).toString();
    rules.settings = current->settings;
    if (body.contains("settings"_L1)) {
        QString error;
        const std::optional<ContentSettings> settings =
            body.value("settings"_L1).isObject()
                ? ContentSettings::fromJson(body.value("settings"_L1).toObject(), &error)
                : std::nullopt;
        if (!settings)
            return problem(request, 422, tr("Word lists not saved"),
                           error.isEmpty() ? tr("\"settings\" must be an object.") : error,
                           {{"refusal"_L1, u"settings_invalid"_s}});
        rules.settings = *settings;
    }
    for (const auto &[field, text] :
         {std::pair{u"sensitive"_s, &rules.sensitiveText}, std::pair{u"misused"_s, &rules.misusedText}}) {
        if (const QString why = limits::textProblem(field, *text, limits::kWordListChars); !why.isEmpty())
            return problem(request, 422, tr("Word lists not saved"), why,
                           {{"refusal"_L1, u"word_lists_invalid"_s}, {"errors"_L1, QJsonArray{why}}});
    }
    QStringList errors;
    const WordLists lists = rules.lists(&errors);
    if (!errors.isEmpty())
        return problem(
            request, 422, tr("Word lists not saved"), errors.join(u'\n'),
            {{"refusal"_L1, u"word_lists_invalid"_s}, {"errors"_L1, QJsonArray::fromStringList(errors)}});

    const qint64 baseVersion = body.value("base_version"_L1).toInteger();
    auto stale = [&](qint64 version) {
        return problem(
            request, 409, tr("The word lists changed meanwhile"),
            tr("Someone saved the word lists after you loaded them (version %1 now, yours %2). Load "
               "them again and make your change there.")
                .arg(version)
                .arg(baseVersion),
            {{"refusal"_L1, u"stale_version"_s}, {"current_version"_L1, version}});
    };
    if (baseVersion != current->version)
        return stale(current->version);
    rules.version = current->version + 1;

    const QDateTime at = now();
    AuditEvent event;
    event.at = at;
    event.actorId = ctx.person.id;
    event.type = u"word_lists.change"_s;
    event.subjectId = u"word_lists"_s;
    event.details = listChanges(current->lists(), lists);
    event.details.insert("version"_L1, rules.version);
    event.details.insert("base_version"_L1, baseVersion);
    event.details.insert("detectors_off"_L1, [&] {
        QStringList off(rules.settings.disabled.cbegin(), rules.settings.disabled.cend());
        off.sort();
        return QJsonArray::fromStringList(off);
    }());
    event.details.insert("request_id"_L1, QString::fromLatin1(request.requestId));
    {
        ServerStore::Transaction tx(m_store);
        if (!tx.ok())
            return storeFailure(request);
        bool wasStale = false;
        if (!m_store.saveWordLists(rules, baseVersion, ctx.person.id, at, &wasStale))
            return storeFailure(request);
        if (wasStale) {
            const qint64 version = m_store.wordListsVersion();
            return stale(version);
        }
        if (!m_store.appendAudit(event) || !tx.commit())
            return storeFailure(request);
    }
    qCInfo(lcApi) << request.requestId << ctx.person.id << "word lists version" << rules.version;
    // Clients fetch the new lists at their next run (GET /me's word_lists_version); open ones pull now.
    if (m_changed)
        m_changed(false);
    return http::Response::json(200, rules.toJson());
}

http::Response Api::saveColumn(Context &ctx, const QString &columnId)
{
    const http::Request &request = ctx.request;
    if (!ColumnChange::mayManage(ctx.person))
        return problem(request, 403, tr("Not permitted"),
                       tr("Only the office director (%1), a site administrator (%2) or an administrator (%3) "
                          "may change the columns.")
                           .arg(displayName(Role::OfficeDirector), displayName(Role::SiteAdministrator),
                                displayName(Role::Administrator)),
                       {{"refusal"_L1, u"not_permitted"_s}});
    bool ok = false;
    const QJsonObject body = parseBody(request, &ok);
    Column after;
    QString error;
    if (!ok || !body.value("base_version"_L1).isDouble() || !body.value("column"_L1).isObject())
        return problem(request, 400, tr("Bad request"),
                       tr("Send a JSON object with \"base_version\" (the organization's version you edited) "
                          "and \"column\" (the column as GET /api/v1/organization lists it)."));
    QJsonObject columnJson = body.value("column"_L1).toObject();
    if (columnJson.value("id"_L1).toString() != columnId)
        return problem(request, 422, tr("Column not saved"),
                       tr("The column's id (%1) is not the one of the address (%2).")
                           .arg(columnJson.value("id"_L1).toString(), columnId),
                       {{"refusal"_L1, u"column_invalid"_s}});
    if (!json::fromJson(columnJson, &after, &error))
        return problem(request, 422, tr("Column not saved"), error, {{"refusal"_L1, u"column_invalid"_s}});

    const QDateTime at = now();
    const qint64 baseVersion = body.value("base_version"_L1).toInteger();
    bool created = false;
    qint64 version = 0;
    {
        ServerStore::Transaction tx(m_store);
        if (!tx.ok())
            return storeFailure(request);
        // Read inside the transaction (writers take turns): the version and the tree judged are current.
        Organization org;
        org.units = m_store.units();
        org.columns = m_store.columns();
        const qint64 current = m_store.organizationVersion();
        if (!m_store.lastError().isEmpty())
            return storeFailure(request);
        if (baseVersion != current)
            return problem(request, 409, tr("The columns changed meanwhile"),
                           tr("Someone changed the organization after you loaded it (version %1 now, yours "
                              "%2). Your client fetches it again; make your change there.")
                               .arg(current)
                               .arg(baseVersion),
                           {{"refusal"_L1, u"stale_version"_s}, {"current_version"_L1, current}});
        if (const QString why = ColumnChange::problem(org, after); !why.isEmpty())
            return problem(request, 422, tr("Column not saved"), why, {{"refusal"_L1, u"column_invalid"_s}});
        const Column *before = org.column(after.id);
        created = before == nullptr;
        if (before && *before == after)
            return http::Response::json(
                200, {{"column"_L1, json::toJson(after)}, {"organization_version"_L1, current}});
        AuditEvent event;
        event.at = at;
        event.actorId = ctx.person.id;
        event.type = created                             ? u"column.add"_s
                     : after.retired && !before->retired ? u"column.retire"_s
                     : !after.retired && before->retired ? u"column.restore"_s
                                                         : u"column.change"_s;
        event.subjectId = after.id;
        event.details = QJsonObject{{"changes"_L1, ColumnChange::changes(before, after)},
                                    {"name"_L1, after.name},
                                    {"request_id"_L1, QString::fromLatin1(request.requestId)}};
        if (!m_store.saveColumn(after) ||
            !SiteRenderer::queueColumnChange(m_store, org.columns, before, after) ||
            !m_store.appendAudit(event))
            return storeFailure(request);
        version = m_store.organizationVersion();
        if (!tx.commit())
            return storeFailure(request);
    }
    qCInfo(lcApi) << request.requestId << ctx.person.id << (created ? "added" : "changed") << "column"
                  << after.id << "organization version" << version;
    SiteRenderer::notify(m_store);
    // Open clients pull now and see the new organization version.
    if (m_changed)
        m_changed(false);
    return http::Response::json(created ? 201 : 200,
                                {{"column"_L1, json::toJson(after)}, {"organization_version"_L1, version}});
}

http::Response Api::action(Context &ctx, const std::optional<QJsonObject> &parsed)
{
    const http::Request &request = ctx.request;
    bool ok = parsed.has_value();
    const QJsonObject body = parsed ? *parsed : parseBody(request, &ok);
    if (!ok)
        return problem(request, 400, tr("Bad request"), tr("The action must be a JSON object."));
    const QString actionId = body.value("action_id"_L1).toString();
    const QString itemId = body.value("item_id"_L1).toString();
    const std::optional<Action> kind = actionFromString(body.value("action"_L1).toString());
    if (!limits::isUuid(actionId))
        return problem(request, 400, tr("Bad request"),
                       tr("Every action needs an \"action_id\" (a UUID made by the client)."));
    if (!limits::isUuid(itemId))
        return problem(request, 400, tr("Bad request"),
                       tr("Every action needs an \"item_id\" (the item's UUID, made by the client that "
                          "created it)."));
    if (!kind)
        return problem(request, 400, tr("Bad request"),
                       tr("Unknown action \"%1\".").arg(body.value("action"_L1).toString()));

    ActionRequest ar;
    ar.action = *kind;
    ar.baseRevision = body.value("base_revision"_L1).toInt(-1);
    ar.stageId = body.value("stage_id"_L1).toString();
    ar.reason = body.value("reason"_L1).toString();
    ar.confidentialityAttested = body.value("confidentiality_attested"_L1).toBool();
    ar.publishOnBureauSite = body.value("publish_on_bureau_site"_L1).toBool(true);
    ar.overrideReason = body.value("override_reason"_L1).toString();
    if (body.contains("content"_L1)) {
        RevisionContent content;
        QString error;
        if (!json::fromJson(body.value("content"_L1).toObject(), &content, &error))
            return problem(request, 400, tr("Bad request"), error);
        ar.content = content;
    }
    // Every field within its limit, no control characters (core/Limits, docs/api.md "Limits").
    QString inputProblem = ar.content ? limits::contentProblem(*ar.content) : QString();
    if (inputProblem.isEmpty())
        inputProblem = limits::textProblem(tr("The reason"), ar.reason, limits::kReasonChars);
    if (inputProblem.isEmpty())
        inputProblem =
            limits::textProblem(tr("The override reason"), ar.overrideReason, limits::kReasonChars);
    if (inputProblem.isEmpty() && ar.stageId.size() > limits::kIdChars)
        inputProblem = tr("The stage id is longer than %1 characters.").arg(limits::kIdChars);
    if (inputProblem.isEmpty() && kind == Action::Create)
        inputProblem =
            limits::textProblem(tr("The unit"), body.value("unit_id"_L1).toString(), limits::kIdChars);
    if (!inputProblem.isEmpty())
        return problem(request, 422, tr("Not accepted"), inputProblem);
    // What this request asks, whole, by whom: a reuse of its action id for anything else is refused.
    const QByteArray requestHash =
        Sha256::hash(ctx.person.id.toUtf8() + '\n' + QJsonDocument(body).toJson(QJsonDocument::Compact))
            .toHex();
    if (ar.action != Action::Create && ar.baseRevision < 0)
        return problem(request, 400, tr("Bad request"),
                       tr("Say which revision the action was made on (\"base_revision\")."));

    // PostgreSQL: the writers' lock is taken just before the writes (ServerStore::LockMode), so that
    // servers sharing the database read and judge at the same time. What was judged must still be
    // what is stored then, or the action is judged again on what is.
    for (int attempt = 1;; ++attempt) {
        ServerStore::Transaction tx(m_store, ServerStore::LockMode::AtFirstWrite);
        if (!tx.ok())
            return storeFailure(request);
        const bool deferred = m_store.writeLockDeferred();

        // One read: the action's record, else the item (and its place in the feed).
        std::optional<ActionRecord> done;
        std::optional<Item> stored;
        qint64 seq = 0;
        if (!m_store.actionOrItem(actionId, itemId, &done, &stored, &seq))
            return storeFailure(request);
        // A repeat of an action answers as the first time and changes nothing (docs/design.md §7).
        if (done) {
            if (done->personId != ctx.person.id || done->itemId != itemId ||
                (!done->requestHash.isEmpty() && done->requestHash != requestHash))
                return problem(request, 422, tr("Action id reused"),
                               tr("This action id was already used for another action. Make a new one."));
            http::Response r;
            r.status = done->status;
            r.contentType = done->status < 400 ? "application/json" : "application/problem+json";
            r.body = done->response;
            r.headers.append(qMakePair(QByteArray("X-Baosong-Replay"), QByteArray("1")));
            return r;
        }

        const QDateTime at = now();
        // The action's audit event: applied or refused, it is recorded with what was asked.
        AuditEvent event;
        event.at = at;
        event.actorId = ctx.person.id;
        event.subjectId = itemId;
        event.details = QJsonObject{{"action"_L1, toString(ar.action)},
                                    {"action_id"_L1, actionId},
                                    {"base_revision"_L1, ar.baseRevision},
                                    {"request_id"_L1, QString::fromLatin1(request.requestId)}};
        const std::optional<qint64> storedSeq = stored ? std::optional<qint64>(seq) : std::nullopt;
        Item item;
        if (ar.action == Action::Create) {
            if (stored)
                return problem(request, 409, tr("Item exists"),
                               tr("An item with the id %1 already exists.").arg(itemId));
            item.id = itemId;
            const std::optional<ItemKind> itemKind = itemKindFromString(body.value("kind"_L1).toString());
            if (!itemKind)
                return problem(request, 400, tr("Bad request"), tr("A new item needs a known \"kind\"."));
            item.kind = *itemKind;
            item.unitId = body.value("unit_id"_L1).toString();
        } else {
            if (!stored || !RouteEngine::canSee(ctx.person, *stored)) {
                // Audited (not visible to the person: the answer is the same 404 whether the item exists
                // or not), so that someone probing other units' items shows in the log.
                event.type = u"action.refused"_s;
                event.details.insert("refusal"_L1, u"not_visible"_s);
                if (!m_store.appendAudit(event) || !tx.commit())
                    return storeFailure(request);
                return problem(request, 404, tr("No such item"),
                               tr("There is no item %1 that you may see.").arg(itemId));
            }
            item = *stored;
        }
        const Item before = item;
        std::optional<Organization> organization; // read once, by the first part of the step that needs it
        // Who decides the stage depends on the people (the route's escalation where nobody is eligible).
        std::optional<StageDecider> escalatedTo;
        if (ar.action == Action::Approve || ar.action == Action::Return) {
            organization = currentOrganization();
            if (const std::optional<Stage> stage = m_engine.currentStage(item)) {
                if (const StageDecider d = m_engine.deciderOf(item, *stage, &*organization);
                    d != stage->decider())
                    escalatedTo = d;
            }
        }
        Verdict verdict = m_engine.apply(ctx.person, item, ar, at, organization ? &*organization : nullptr);
        // The content checks (core/Checks) on the item as the step leaves it: the server's judgement.
        Checks::Judgement judgement;
        // The files the content names: already in the item, or sent by this person, or named by an item
        // they see (knowing a file's SHA-256 is not enough to attach it).
        if (verdict && ar.content) {
            bool failed = false;
            const std::optional<Attachment> unknown =
                m_uploads.unnameable(ctx.person, before, *ar.content, &failed);
            if (failed)
                return storeFailure(request);
            if (unknown) {
                item = before;
                verdict =
                    Verdict{Refusal::UnknownAttachment,
                            tr("The attachment \"%1\" is not on the server for you: attach the file from "
                               "your computer again so that it is sent.")
                                .arg(unknown->fileName)};
            }
        }
        if (verdict) {
            judgement = judgeStep(ctx.person, before, item, ar, at, organization);
            if (!judgement.allowed()) {
                item = before;
                verdict = Verdict{Refusal::ChecksFailed, judgement.message()};
            }
        }

        // A deletion or a disclosure's first publication (its index serial) writes before the action's
        // other writes, so the lock is taken and what was read checked first; any other action is
        // checked when it is written (ServerStore::writeActionIfStill: on PostgreSQL one call).
        const bool published = verdict && publishes(before, item);
        const bool needsIndexSerial =
            published && item.kind == ItemKind::Disclosure && item.indexNumber.isEmpty();
        const bool writesFirst = verdict && (ar.action == Action::Delete || needsIndexSerial);
        const auto changedMeanwhile = [&] {
            return problem(request, 503, tr("Server busy"),
                           tr("The item kept changing while the action was judged. Try again."));
        };
        if (deferred && m_beforeWriteLock)
            m_beforeWriteLock();
        if (deferred && writesFirst) {
            const std::optional<bool> same = m_store.lockWritesIfStill(itemId, storedSeq, actionId);
            if (!same)
                return storeFailure(request);
            if (!*same) {
                // Another server wrote the item (or this very action) meanwhile.
                if (attempt < kActionAttempts)
                    continue;
                return changedMeanwhile();
            }
        }

        // What the action writes, written in one step (ServerStore::writeAction).
        ServerStore::ActionWrites writes;
        http::Response response;
        if (!verdict) {
            QJsonObject extra{{"refusal"_L1, toString(verdict.refusal)}, {"action_id"_L1, actionId}};
            if (!judgement.stopping.isEmpty())
                extra.insert("findings"_L1, findingsJson(judgement.stopping));
            if (statusFor(verdict.refusal) == 409) {
                extra.insert("current_revision"_L1, before.latestNumber());
                extra.insert("item"_L1, json::toJson(before));
            }
            response =
                problem(request, statusFor(verdict.refusal), tr("Action refused"), verdict.reason, extra);
            event.type = u"action.refused"_s;
            event.details.insert("refusal"_L1, toString(verdict.refusal));
            writes.events.append(event);
        } else {
            if (needsIndexSerial) {
                if (!organization)
                    organization = currentOrganization();
                const Unit *unit = organization->unit(item.unitId);
                // The issuing organ's code from the configuration (#21.5); the unit's own code on a
                // server not configured yet. The year is Beijing time's.
                const QString code =
                    m_organs.codeFor(item.unitId, unit && !unit->code.isEmpty() ? unit->code : item.unitId);
                const int year = disclosure::indexYear(at);
                item.indexNumber = disclosureIndexNumber(code, year, m_store.nextIndexSerial(code, year));
            }
            // The end of the municipal-portal route (Art. 14): the reviewer's choice on the bureau site is
            // recorded, and the item's cycle queued for the municipal platform (server/PortalSender).
            if (sendsToPortal(before, item, ar)) {
                item.municipal = MunicipalRecord{MunicipalStatus::Queued,
                                                 item.cycle,
                                                 item.latestNumber(),
                                                 item.state == WorkflowState::Published,
                                                 {},
                                                 {},
                                                 at};
                event.details.insert("publish_on_bureau_site"_L1, item.municipal.bureauSite);
            }
            if (ar.action == Action::Delete) {
                if (!m_store.deleteItem(itemId))
                    return storeFailure(request);
            } else {
                const std::optional<Stage> stage = m_engine.currentStage(item);
                writes.item = item;
                writes.stageRole = stage ? toString(stage->role) : QString();
                writes.known = stored.has_value();
            }
            event.type = u"action."_s + toString(ar.action);
            event.details.insert("revision"_L1, item.latestNumber());
            event.details.insert("state"_L1, toString(item.state));
            if (!ar.reason.isEmpty())
                event.details.insert("reason"_L1, ar.reason);
            if (!before.stageId.isEmpty())
                event.details.insert("stage_id"_L1, before.stageId);
            if (escalatedTo)
                event.details.insert("escalated_to"_L1, toString(escalatedTo->role));
            writes.events.append(event);
            auto extraEvent = [&](const QString &type, const QJsonObject &details) {
                AuditEvent e;
                e.at = at;
                e.actorId = ctx.person.id;
                e.subjectId = itemId;
                e.type = type;
                e.details = details;
                writes.events.append(e);
            };
            // What the actor passed with a reason: the checks the server found and overrode (never what
            // the client claims), at submission, a proposed change or publication.
            if (!judgement.overridden.isEmpty()) {
                QStringList keys;
                for (const Finding &f : std::as_const(judgement.overridden))
                    keys << f.key();
                keys.removeDuplicates();
                extraEvent(u"override"_s, {{"rule"_L1, u"checks"_s},
                                           {"reason"_L1, ar.overrideReason.trimmed()},
                                           {"checks"_L1, QJsonArray::fromStringList(keys)},
                                           {"unit_id"_L1, item.unitId}});
            }
            if (published)
                extraEvent(u"publish"_s,
                           {{"revision"_L1, item.liveRevision}, {"index_number"_L1, item.indexNumber}});
            if (item.state == WorkflowState::Retracted && before.state != WorkflowState::Retracted)
                extraEvent(u"retract"_s, {{"revision"_L1, item.liveRevision}});
            QJsonObject o{{"status"_L1, u"applied"_s}, {"action_id"_L1, actionId}};
            if (ar.action != Action::Delete)
                o.insert("item"_L1, json::toJson(item));
            response = http::Response::json(200, o);
        }

        ActionRecord &record = writes.record;
        record.actionId = actionId;
        record.personId = ctx.person.id;
        record.itemId = itemId;
        record.requestHash = requestHash;
        record.status = response.status;
        record.response = response.body;
        record.at = at;
        // Publication, an approved change or a retraction: its pages are queued with the action, so that
        // they are written however the process ends (the renderer works after the commit; issue #16).
        const bool render = verdict && ar.action != Action::Delete && SiteRenderer::affectsSite(before, item);
        if (render) {
            const QString column = SiteRenderer::liveColumn(before);
            writes.render = RenderJob{item.id, column.isEmpty() ? QStringList() : QStringList{column}, {}, 0};
        }
        const bool portal = verdict && sendsToPortal(before, item, ar);
        if (portal) {
            PortalJob job;
            job.itemId = item.id;
            job.cycle = item.municipal.cycle;
            job.revision = item.municipal.revision;
            writes.portal = job;
        }
        writes.notify = bool(verdict);
        const std::optional<bool> written = m_store.writeActionIfStill(writes, itemId, storedSeq);
        if (!written)
            return storeFailure(request);
        if (!*written) {
            // Another server wrote the item (or this very action) meanwhile.
            if (attempt < kActionAttempts)
                continue;
            return changedMeanwhile();
        }
        if (!tx.commit())
            return storeFailure(request);
        if (render)
            SiteRenderer::notify(m_store);
        if (portal)
            PortalSender::notify(m_store);
        // Open clients pull now rather than at their next poll (docs/api.md "Notices").
        if (verdict && m_changed)
            m_changed(m_store.noticesActions());
        qCInfo(lcApi) << request.requestId << ctx.person.id << toString(ar.action) << itemId
                      << response.status;
        return response;
    }
}

} // namespace baosong::server
