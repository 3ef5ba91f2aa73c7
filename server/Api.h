#pragma once

// API v1 of baosong-server (docs/api.md): sessions, who am I, the organization, items and their
// history, the action endpoint (idempotent by client-made action id, refused on a stale revision),
// the change feed by cursor, the queue of what waits for the signed-in person, the word lists and
// detector settings of the content checks, and attachments (UploadApi). Every request is authorized here
// against the route engine of core/ — the client's own checks are only for comfort.

#include "Accounts.h"
#include "Checks.h"
#include "ColumnHealth.h"
#include "Deadline.h"
#include "Disclosure.h"
#include "HttpServer.h"
#include "Register.h"
#include "RouteEngine.h"
#include "ServerStore.h"
#include "Statistics.h"
#include "UploadApi.h"

#include <QCoreApplication>
#include <QMutex>

#include <functional>
#include <memory>

namespace baosong::server {

class Metrics;

class Api
{
    Q_DECLARE_TR_FUNCTIONS(Api)

public:
    static constexpr int kDefaultFeedPage = 500;
    static constexpr int kMaxFeedPage = 2000;
    // A feed page stops once its items pass this many bytes (at least one item is always sent).
    static constexpr qint64 kMaxFeedPageBytes = 8 * 1024 * 1024;

    // `blobs`: attachments (docs/api.md "Attachments"); without a folder they are unavailable (503).
    Api(ServerStore &store, Accounts &accounts, const RouteEngine &engine, const BlobConfig &blobs = {});

    http::Response handle(const http::Request &request);

    // Called (on a worker thread) after every applied action, once committed: the server tells the
    // open notice channels to pull (HttpsServer::broadcast; docs/api.md "Notices"). `othersTold`:
    // the other servers were told at commit already (ServerStore::setActionNotice).
    void setChangeListener(std::function<void(bool othersTold)> listener) { m_changed = std::move(listener); }
    // For tests: runs in an action after it was judged and before the writers' lock is taken, where
    // that lock is deferred (PostgreSQL; ServerStore::LockMode), as another server's write would.
    void setBeforeWriteLock(std::function<void()> hook) { m_beforeWriteLock = std::move(hook); }
    // The text frame a notice channel receives when something changed.
    static QByteArray changedNotice() { return QByteArrayLiteral("{\"type\":\"changed\"}"); }

    // The figures of GET /metrics (server/Metrics; docs/server.md "Monitoring"); none: 404. Only
    // loopback peers without a forwarding proxy's headers are answered unless `allowRemote`.
    void setMetrics(Metrics *metrics, bool allowRemote = false)
    {
        m_metrics = metrics;
        m_metricsAllowRemote = allowRemote;
    }
    // Tests: the clock the server stamps with (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Column health (core/ColumnHealth) from the site's index: each column's newest publication,
    // judged on `today` (GET /api/v1/columns/health, `column-health`, /health). Nullopt when the store
    // fails.
    static std::optional<SiteHealth> siteHealth(ServerStore &store, QDate today);
    // siteHealth() of today, kept for 30 seconds (the counts in /health).
    std::optional<SiteHealth> cachedSiteHealth();
    // The deadline rules (Art. 9, 15): [deadline] of the configuration; default: 5 and 15 days, 24 hours.
    void setDeadline(const Deadline &deadline) { m_deadline = deadline; }
    // The statistics' scoring table ([scoring] of the configuration).
    void setScoring(const ScoringTable &scoring) { m_scoring = scoring; }
    // The organs and codes of disclosure index numbers ([site] organ_code…; core disclosure::Organs).
    void setOrgans(const disclosure::Organs &organs) { m_organs = organs; }

private:
    struct Context
    {
        const http::Request &request;
        Person person; // the signed-in person (empty id when not signed in)
    };

    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    http::Response route(const http::Request &request);
    http::Response login(const http::Request &request);
    http::Response logout(const http::Request &request);
    http::Response changePassword(Context &ctx);
    http::Response columnHealth(Context &ctx);
    http::Response statistics(Context &ctx);
    http::Response auditLog(Context &ctx);
    // GET /api/v1/register (the accountability register) and POST / PUT of its inspection notices
    // (docs/api.md "Accountability register"); `id` empty: a new notice.
    http::Response accountabilityRegister(Context &ctx);
    http::Response saveNotice(Context &ctx, const QString &id);
    // 400 for a period not given as quarter=YYYY-Q or from&to (the statistics, the register).
    http::Response badPeriod(const http::Request &request) const;
    http::Response me(Context &ctx);
    http::Response organization(Context &ctx);
    http::Response item(Context &ctx, const QString &id);
    http::Response history(Context &ctx, const QString &id);
    http::Response queue(Context &ctx);
    http::Response changes(Context &ctx);
    // POST /api/v1/actions; `parsed`: its body if route() parsed it already (else parsed here).
    http::Response action(Context &ctx, const std::optional<QJsonObject> &parsed);
    http::Response events(Context &ctx);
    // GET and PUT /api/v1/word-lists (docs/api.md "Word lists").
    http::Response wordLists(Context &ctx);
    http::Response saveWordLists(Context &ctx);
    http::Response saveColumn(Context &ctx, const QString &columnId);
    // The checks of the word lists stored now: built once per version (one read of the version per
    // call), kept for the next steps.
    std::shared_ptr<const Checks> currentChecks();
    // The content checks before a step (core/Checks::judge): `after` is the item as the step leaves it.
    // `organization`: read from the store when still empty, and kept for the rest of the action.
    // The approval that ends a municipal-portal route (Art. 14): the item goes to the platform.
    bool sendsToPortal(const Item &before, const Item &after, const ActionRequest &request) const;
    Checks::Judgement judgeStep(const Person &person, const Item &before, const Item &after,
                                const ActionRequest &request, const QDateTime &at,
                                std::optional<Organization> &organization);
    // Units, people and columns as the store has them now: kept in memory while the store's
    // organization version is unchanged.
    Organization currentOrganization();

    http::Response problem(const http::Request &request, int status, const QString &title,
                           const QString &detail, const QJsonObject &extra = {}) const;
    http::Response storeFailure(const http::Request &request) const; // see ApiProblems.h

    ServerStore &m_store;
    Accounts &m_accounts;
    const RouteEngine &m_engine;
    std::function<QDateTime()> m_clock;
    ScoringTable m_scoring;
    disclosure::Organs m_organs;
    struct ReviewFigures
    {
        int inReview = 0;
        int pastTarget = 0; // past the 5-day target (or an urgent item's hours)
        int pastLimit = 0;  // past the 15-day limit
    };
    ReviewFigures cachedReviewFigures(); // read at most every 30 seconds (GET /metrics)
    ReviewFigures m_review;
    QDateTime m_reviewAt;
    Metrics *m_metrics = nullptr;
    bool m_metricsAllowRemote = false;
    http::Response metrics(const http::Request &request);
    QMutex m_healthMutex; // guards m_health, m_healthAt (the HTTP workers share the Api)
    std::optional<SiteHealth> m_health;
    QDateTime m_healthAt;
    Deadline m_deadline;
    std::function<void(bool)> m_changed;
    std::function<void()> m_beforeWriteLock;
    UploadApi m_uploads;
    QMutex m_checksMutex;
    qint64 m_checksVersion = -1;
    std::shared_ptr<const Checks> m_checks;
    QMutex m_organizationMutex; // guards m_organization, m_organizationVersion
    qint64 m_organizationVersion = -1;
    std::shared_ptr<const Organization> m_organization;
};

} // namespace baosong::server
