#include "SyncEngine.h"

#include "DomainJson.h"
#include "Logging.h"
#include "Problem.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QSslError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong {

Q_LOGGING_CATEGORY(lcSync, "baosong.sync", QtInfoMsg)

namespace {

const QString kServerIdKey = u"server_id"_s;
const QString kPersonIdKey = u"person_id"_s;
const QString kCursorKey = u"cursor"_s;
// "1" from a "resync" answer until the full fetch from cursor 0 has read its last page.
const QString kResyncKey = u"resyncing"_s;
// The server's epoch (GET /me) as last seen; another one means the server was put back from a backup.
const QString kEpochKey = u"server_epoch"_s;
const QString kColumnHealthKey = u"column_health"_s;
// The organization's version (GET /me) the stored organization was fetched at.
const QString kOrganizationVersionKey = u"organization_version"_s;
// "1" while a restored server's full fetch has not finished; the person's items as they were before
// it (JSON array of items), kept until what the server lacks has been queued again.
const QString kRestoreKey = u"restoring"_s;
const QString kRestoreItemsKey = u"restore_items"_s;
// SyncEngine's default page size (m_pageSize), and the page asked for ahead while it is the default:
// the server's cap.
constexpr int kDefaultPageSize = 500;
constexpr int kLargePageSize = 2000;

bool carriesContent(Action action)
{
    return action == Action::Create || action == Action::Edit;
}

QString newActionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

namespace keys {
QString toString(SyncEngine::State state)
{
    switch (state) {
    case SyncEngine::State::Idle:
        return u"idle"_s;
    case SyncEngine::State::Syncing:
        return u"syncing"_s;
    case SyncEngine::State::Offline:
        return u"offline"_s;
    case SyncEngine::State::SignInNeeded:
        return u"sign_in_needed"_s;
    case SyncEngine::State::Stopped:
        return u"stopped"_s;
    }
    return {};
}
} // namespace keys

SyncEngine::SyncEngine(LocalStore &store, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_network(network)
{
    m_interval.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_interval, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &SyncEngine::syncNow);
}

SyncEngine::~SyncEngine()
{
    m_writer.reset(); // waits for a page being written; nothing is posted to this engine after it
    abortRequests();
}

void SyncEngine::setEndpoint(const ServerEndpoint &endpoint)
{
    m_endpoint = endpoint;
}

void SyncEngine::setMassDeletionLimit(int minimumItems, double share)
{
    m_deletionGuard.minimumItems = std::max(0, minimumItems);
    m_deletionGuard.share = std::clamp(share, 0.0, 1.0);
}

void SyncEngine::decideHeldDeletions(bool apply)
{
    m_deletionGuard.choice = apply ? DeletionGuard::Choice::Apply : DeletionGuard::Choice::Keep;
    retryNow();
}

bool SyncEngine::waiting(const OutboxEntry &entry, const QDateTime &now) const
{
    if (!entry.nextAttemptAt.isValid() || entry.nextAttemptAt <= now)
        return false;
    // The longest wait the engine sets: its backoff cap, or a server's Retry-After (capped at a day).
    constexpr qint64 kLongestRetryAfterMs = 24LL * 3600 * 1000;
    return now.msecsTo(entry.nextAttemptAt) <= std::max(m_backoffMaxMs, kLongestRetryAfterMs);
}

void SyncEngine::setBackoff(qint64 initialMs, qint64 maxMs)
{
    m_backoffInitialMs = std::max<qint64>(1, initialMs);
    m_backoffMaxMs = std::max(m_backoffInitialMs, maxMs);
}

// ---- identity ----------------------------------------------------------------------------------------

QString SyncEngine::serverId()
{
    return m_store.syncValue(kServerIdKey);
}

QString SyncEngine::personId()
{
    return m_store.syncValue(kPersonIdKey);
}

bool SyncEngine::bindIdentity(const QString &serverId, const QString &personId, QString *error)
{
    const QString boundServer = m_store.syncValue(kServerIdKey);
    const QString boundPerson = m_store.syncValue(kPersonIdKey);
    if (!boundServer.isEmpty() && boundServer != serverId) {
        if (error)
            *error = tr("This profile belongs to another server (%1); the server answering now is %2. "
                        "Nothing was changed. Use a new profile for this server.")
                         .arg(boundServer, serverId);
        return false;
    }
    if (!boundPerson.isEmpty() && boundPerson != personId) {
        if (error)
            *error = tr("This profile belongs to the account \"%1\", not \"%2\". Nothing was changed. "
                        "Use a new profile for another account.")
                         .arg(boundPerson, personId);
        return false;
    }
    if (boundServer.isEmpty() || boundPerson.isEmpty()) {
        if (!m_store.beginTransaction() || !m_store.setSyncValue(kServerIdKey, serverId) ||
            !m_store.setSyncValue(kPersonIdKey, personId) || !m_store.commit()) {
            m_store.rollback();
            if (error)
                *error = m_store.lastError();
            return false;
        }
    }
    return true;
}

std::optional<Person> SyncEngine::me()
{
    const QString id = personId();
    const std::optional<Organization> org = m_store.organization();
    if (!org || id.isEmpty())
        return std::nullopt;
    for (const Person &p : org->people) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

// ---- local actions -----------------------------------------------------------------------------------

QJsonObject SyncEngine::actionJson(const QString &actionId, const Item &item, const ActionRequest &request)
{
    QJsonObject o{
        {"action_id"_L1, actionId}, {"action"_L1, keys::toString(request.action)}, {"item_id"_L1, item.id}};
    if (request.action == Action::Create) {
        o.insert("kind"_L1, keys::toString(item.kind));
        o.insert("unit_id"_L1, item.unitId);
    } else {
        o.insert("base_revision"_L1, request.baseRevision >= 0 ? request.baseRevision : item.latestNumber());
    }
    if (request.content)
        o.insert("content"_L1, json::toJson(*request.content));
    if (!request.stageId.isEmpty())
        o.insert("stage_id"_L1, request.stageId);
    if (!request.reason.isEmpty())
        o.insert("reason"_L1, request.reason);
    if (request.confidentialityAttested)
        o.insert("confidentiality_attested"_L1, true);
    if (!request.publishOnBureauSite)
        o.insert("publish_on_bureau_site"_L1, false);
    if (!request.overrideReason.isEmpty())
        o.insert("override_reason"_L1, request.overrideReason);
    if (!request.overriddenChecks.isEmpty())
        o.insert("overridden_checks"_L1, QJsonArray::fromStringList(request.overriddenChecks));
    return o;
}

std::optional<QString> SyncEngine::saveDraft(const Item &draft, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QString> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (draft.id.isEmpty() || draft.revisions.isEmpty())
        return fail(tr("A draft needs an id and its text."));
    if (draft.state != WorkflowState::Draft && draft.state != WorkflowState::Returned)
        return fail(tr("Only a draft or a returned item can be edited; a published item is changed by "
                       "proposing a change."));
    const QString me = personId();
    const RevisionContent content = draft.revisions.constLast().content;
    const QDateTime now = this->now();

    // A refused action never strands the draft (issue #15): the next save rewrites it.
    QString renewedId;
    switch (rewriteRefused(draft.id, content, now, &renewedId, error)) {
    case Rewrite::Failed:
        return std::nullopt;
    case Rewrite::Rewritten:
        return renewedId;
    case Rewrite::Nothing:
        break;
    }

    const std::optional<Item> local = m_store.item(draft.id);
    const QList<OutboxEntry> entries = m_store.outboxOf(draft.id);
    std::optional<OutboxEntry> last;
    if (!entries.isEmpty())
        last = entries.constLast();

    Item item = local ? *local : draft;
    OutboxEntry entry;
    bool update = false;
    if (last && carriesContent(last->action) && last->state == OutboxEntry::State::Pending &&
        last->attempts == 0 && local && !local->revisions.isEmpty() &&
        local->latestNumber() == last->revision) {
        // Never sent: the unsent entry takes the new text in place, to be tried at once (a wait was
        // for an upload of the old text's files, e.g. one removed from the draft now).
        entry = *last;
        update = true;
        entry.nextAttemptAt = {};
        item.revisions.last().content = content;
        item.revisions.last().createdAt = now;
        QJsonObject request = entry.request;
        request.insert("content"_L1, json::toJson(content));
        entry.request = request;
    } else if (!local || local->revisions.isEmpty()) {
        item = draft;
        item.state = WorkflowState::Draft;
        if (!me.isEmpty())
            item.authorId = me;
        item.revisions.clear();
        item.recordEdit(item.authorId, content, now);
        ActionRequest request;
        request.action = Action::Create;
        request.content = content;
        entry.actionId = newActionId();
        entry.request = actionJson(entry.actionId, item, request);
        entry.action = Action::Create;
        entry.revision = 1;
    } else {
        const int base = local->latestNumber();
        // As the server does (Item::recordEdit): the unsent working version is replaced, no 第N稿 added.
        item.recordEdit(me.isEmpty() ? local->authorId : me, content, now);
        ActionRequest request;
        request.action = Action::Edit;
        request.baseRevision = base;
        request.content = content;
        entry.actionId = newActionId();
        entry.request = actionJson(entry.actionId, item, request);
        entry.action = Action::Edit;
        entry.revision = base + 1;
    }
    entry.itemId = item.id;

    if (!m_store.beginTransaction())
        return fail(m_store.lastError());
    const bool ok = m_store.writeItemsInTransaction({item}) &&
                    (update ? m_store.updateOutboxEntry(entry) : m_store.insertOutboxEntry(entry)) &&
                    m_store.commit();
    if (!ok) {
        const QString message = m_store.lastError();
        m_store.rollback();
        return fail(message);
    }
    emit itemsChanged({item.id});
    if (m_interval.isActive())
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    return entry.actionId;
}

SyncEngine::Rewrite SyncEngine::rewriteRefused(const QString &itemId, const RevisionContent &content,
                                               const QDateTime &now, QString *renewedId, QString *error)
{
    const QList<OutboxEntry> entries = m_store.outboxOf(itemId);
    const auto refused = std::find_if(entries.cbegin(), entries.cend(), [](const OutboxEntry &e) {
        return e.state == OutboxEntry::State::Refused;
    });
    if (refused == entries.cend())
        return Rewrite::Nothing;
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        m_store.rollback();
        return Rewrite::Failed;
    };
    std::optional<Item> local = m_store.item(itemId);
    if (!m_store.beginTransaction())
        return fail(m_store.lastError());
    if (!carriesContent(refused->action)) {
        // A refused submit (or other step) of a draft being edited again: dropped; the author
        // submits the new text. The item's other refused steps go with it.
        for (auto e = refused; e != entries.cend(); ++e) {
            if (e->state == OutboxEntry::State::Refused && !carriesContent(e->action) &&
                !m_store.removeOutboxEntry(e->actionId))
                return fail(m_store.lastError());
        }
        if (!m_store.commit())
            return fail(m_store.lastError());
        emit conflictsChanged();
        return Rewrite::Nothing;
    }
    // A refused create or edit takes the new text, under a new action id (the server keeps its answer
    // to the old one), in its place in the order. The item's later texts (never sent: they waited
    // behind it) fold into it, later refusals are dropped, and later steps are based on it.
    OutboxEntry renewed = *refused;
    renewed.actionId = newActionId();
    renewed.state = OutboxEntry::State::Pending;
    renewed.attempts = 0;
    renewed.nextAttemptAt = {};
    renewed.lastStatus = 0;
    renewed.lastError.clear();
    renewed.lastRequestId.clear();
    renewed.answer = {};
    renewed.request.insert("action_id"_L1, renewed.actionId);
    renewed.request.insert("content"_L1, json::toJson(content));
    if (!m_store.renewOutboxEntry(refused->actionId, renewed))
        return fail(m_store.lastError());
    *renewedId = renewed.actionId;
    for (auto e = refused + 1; e != entries.cend(); ++e) {
        if (carriesContent(e->action) || e->state == OutboxEntry::State::Refused) {
            if (!m_store.removeOutboxEntry(e->actionId))
                return fail(m_store.lastError());
        } else if (e->request.contains("base_revision"_L1)) {
            OutboxEntry later = *e;
            later.request.insert("base_revision"_L1, renewed.revision);
            if (!m_store.updateOutboxEntry(later))
                return fail(m_store.lastError());
        }
    }
    if (local) {
        Item item = *local;
        while (!item.revisions.isEmpty() && item.revisions.constLast().number > renewed.revision)
            item.revisions.removeLast();
        if (!item.revisions.isEmpty()) {
            item.revisions.last().content = content;
            item.revisions.last().createdAt = now;
        }
        if (!m_store.writeItemsInTransaction({item}))
            return fail(m_store.lastError());
    }
    if (!m_store.commit())
        return fail(m_store.lastError());
    emit conflictsChanged();
    emit itemsChanged({itemId});
    if (m_interval.isActive())
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    return Rewrite::Rewritten;
}

std::optional<QString> SyncEngine::queueAction(const QString &itemId, const ActionRequest &request,
                                               QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QString> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (request.action == Action::Create || request.action == Action::Edit)
        return fail(tr("Drafts are saved with saveDraft()."));
    const std::optional<Item> item = m_store.item(itemId);
    if (!item)
        return fail(m_store.lastError().isEmpty() ? tr("There is no item %1 in the local store.").arg(itemId)
                                                  : m_store.lastError());

    // Deleting a draft the server never saw needs no server: it goes, with its unsent entries.
    if (request.action == Action::Delete) {
        const QList<OutboxEntry> entries = m_store.outboxOf(itemId);
        const bool neverSent = !entries.isEmpty() && entries.constFirst().action == Action::Create &&
                               std::all_of(entries.cbegin(), entries.cend(), [](const OutboxEntry &e) {
                                   return e.attempts == 0 && e.state == OutboxEntry::State::Pending;
                               });
        if (neverSent) {
            if (!m_store.beginTransaction())
                return fail(m_store.lastError());
            bool ok = m_store.removeItemInTransaction(itemId);
            for (const OutboxEntry &e : entries)
                ok = ok && m_store.removeOutboxEntry(e.actionId);
            if (!ok || !m_store.commit()) {
                const QString message = m_store.lastError();
                m_store.rollback();
                return fail(message);
            }
            emit itemsChanged({itemId});
            return entries.constFirst().actionId;
        }
    }

    OutboxEntry entry;
    entry.actionId = newActionId();
    entry.itemId = itemId;
    ActionRequest r = request;
    if (r.baseRevision < 0)
        r.baseRevision = item->latestNumber();
    entry.request = actionJson(entry.actionId, *item, r);
    entry.action = request.action;
    // The same step asked again after the server refused it (a submit refused for its content, sent
    // again once it is fixed): the refused one is dropped, so that the new one does not wait behind
    // it — in the transaction that queues the new one.
    if (!m_store.beginTransaction())
        return fail(m_store.lastError());
    bool ok = true;
    for (const OutboxEntry &e : m_store.outboxOf(itemId)) {
        if (ok && e.state == OutboxEntry::State::Refused && e.action == request.action)
            ok = m_store.removeOutboxEntry(e.actionId);
    }
    if (!ok || !m_store.insertOutboxEntry(entry) || !m_store.commit()) {
        const QString message = m_store.lastError();
        m_store.rollback();
        return fail(message);
    }
    if (m_interval.isActive())
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    return entry.actionId;
}

// ---- what waits to be sent -----------------------------------------------------------------------------

QHash<QString, SendState> SyncEngine::sendStates(const QList<OutboxEntry> &outbox)
{
    auto stateOf = [](const OutboxEntry &e) {
        switch (e.state) {
        case OutboxEntry::State::Conflict:
            return SendState::Conflict;
        case OutboxEntry::State::Refused:
            return SendState::Refused;
        case OutboxEntry::State::Pending:
            break;
        }
        // A failed try leaves its error (backOff); no answer at all (offline) leaves none.
        return e.lastError.isEmpty() ? SendState::Waiting : SendState::Failed;
    };
    QHash<QString, SendState> out;
    for (const OutboxEntry &e : outbox) {
        const SendState state = stateOf(e);
        auto it = out.find(e.itemId);
        if (it == out.end())
            out.insert(e.itemId, state);
        else if (int(state) > int(*it))
            *it = state;
    }
    return out;
}

QString SyncEngine::sendStateName(SendState state)
{
    switch (state) {
    case SendState::Waiting:
        return tr("Waiting to be sent");
    case SendState::Failed:
        return tr("Sending failed, will retry");
    case SendState::Conflict:
        return tr("Conflict: your decision");
    case SendState::Refused:
        return tr("Refused by the server");
    }
    return {};
}

// ---- conflicts -----------------------------------------------------------------------------------------

QList<OutboxEntry> SyncEngine::conflicts()
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : m_store.outbox()) {
        if (e.state == OutboxEntry::State::Conflict)
            out.append(e);
    }
    return out;
}

QList<OutboxEntry> SyncEngine::refusals()
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : m_store.outbox()) {
        if (e.state == OutboxEntry::State::Refused)
            out.append(e);
    }
    return out;
}

bool SyncEngine::discard(const QString &actionId, QString *error)
{
    const std::optional<OutboxEntry> entry = m_store.outboxEntry(actionId);
    if (!entry || entry->state == OutboxEntry::State::Pending) {
        if (error)
            *error = tr("Only a refused or conflicting action can be dropped.");
        return false;
    }
    return resolve(actionId, Resolution::TakeTheirs, error);
}

bool SyncEngine::resolve(const QString &actionId, Resolution resolution, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        m_store.rollback();
        return false;
    };
    const std::optional<OutboxEntry> found = m_store.outboxEntry(actionId);
    if (!found || found->state == OutboxEntry::State::Pending) {
        if (error)
            *error = tr("There is no conflict to resolve for this action.");
        return false;
    }
    OutboxEntry entry = *found;
    const std::optional<Item> local = m_store.item(entry.itemId);
    Item theirs;
    QString parseError;
    const bool haveTheirs = entry.answer.contains("item"_L1) &&
                            json::fromJson(entry.answer.value("item"_L1).toObject(), &theirs, &parseError);
    const bool content = carriesContent(entry.action);
    std::optional<RevisionContent> mine;
    if (entry.request.contains("content"_L1)) {
        RevisionContent c;
        if (json::fromJson(entry.request.value("content"_L1).toObject(), &c, &parseError))
            mine = c;
    }

    if (!m_store.beginTransaction()) {
        if (error)
            *error = m_store.lastError();
        return false;
    }
    switch (resolution) {
    case Resolution::TakeTheirs:
        if (!m_store.removeOutboxEntry(actionId))
            return fail(m_store.lastError());
        if (haveTheirs && !m_store.writeItemsInTransaction({theirs}))
            return fail(m_store.lastError());
        break;
    case Resolution::KeepMine: {
        if (!haveTheirs)
            return fail(tr("The server's current version is not known; sync again first."));
        // A decision on a stage someone else has decided meanwhile is not needed any more: sending it
        // again would decide another stage than the one the reviewer meant.
        const QString stage = entry.request.value("stage_id"_L1).toString();
        if (!stage.isEmpty() && theirs.stageId != stage) {
            const std::optional<Stage> now = RouteEngine::builtin().stage(theirs, theirs.stageId);
            return fail(tr("The stage you decided has been decided meanwhile (the item is now: %1). Your "
                           "decision is not needed any more: take the server's version.")
                            .arg(now ? now->displayName() : displayName(theirs.state)));
        }
        OutboxEntry again = entry;
        again.actionId = newActionId();
        again.state = OutboxEntry::State::Pending;
        again.attempts = 0;
        again.nextAttemptAt = {};
        again.answer = {};
        again.lastError.clear();
        again.lastStatus = 0;
        QJsonObject request = entry.request;
        request.insert("action_id"_L1, again.actionId);
        request.insert("base_revision"_L1, theirs.latestNumber());
        Item item = theirs;
        if (content && mine) {
            if (entry.action == Action::Create)
                return fail(tr("This draft already exists on the server; keep both versions instead."));
            request.insert("action"_L1, u"edit"_s);
            again.action = Action::Edit;
            again.revision = item.recordEdit(personId(), *mine, now());
        }
        again.request = request;
        if (!m_store.removeOutboxEntry(actionId) || !m_store.insertOutboxEntry(again) ||
            !m_store.writeItemsInTransaction({item}))
            return fail(m_store.lastError());
        break;
    }
    case Resolution::KeepBoth: {
        if (!content || !mine || !local)
            return fail(tr("Only a draft's text can be kept as a separate draft."));
        Item copy = *local;
        copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        OutboxEntry create = asNewDraft(copy, personId(), *mine, now());
        if (!m_store.removeOutboxEntry(actionId) || !m_store.insertOutboxEntry(create) ||
            !m_store.writeItemsInTransaction(haveTheirs ? QList<Item>{theirs, copy} : QList<Item>{copy}))
            return fail(m_store.lastError());
        break;
    }
    }
    if (!m_store.commit())
        return fail(m_store.lastError());
    emit conflictsChanged();
    emit itemsChanged({entry.itemId});
    return true;
}

// ---- running -------------------------------------------------------------------------------------------

void SyncEngine::start(int intervalMs)
{
    if (intervalMs > 0)
        m_interval.start(intervalMs);
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        if (QNetworkInformation *info = QNetworkInformation::instance()) {
            connect(info, &QNetworkInformation::reachabilityChanged, this,
                    [this](QNetworkInformation::Reachability r) {
                        if (r == QNetworkInformation::Reachability::Online ||
                            r == QNetworkInformation::Reachability::Site)
                            retryNow();
                    });
        }
    }
    syncNow();
}

void SyncEngine::stop()
{
    m_interval.stop();
    m_wake.stop();
}

void SyncEngine::abortRequests()
{
    abortPrefetch();
    const QSet<QNetworkReply *> replies = m_inFlight;
    m_inFlight.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SyncEngine::stopForDamage(const QString &message)
{
    if (m_damaged)
        return;
    m_damaged = true;
    qCCritical(lcSync) << "sync stopped: the local store is damaged:" << message;
    stop();
    const bool wasRunning = m_running;
    abortRequests();
    m_running = false;
    m_again = false;
    ++m_run; // a page being written for the run is ignored when it is done
    m_lastError = {};
    m_lastError.message = message;
    m_lastError.at = QDateTime::currentDateTimeUtc();
    setState(State::Stopped);
    emit errorOccurred(message, {}, {});
    emit storeDamaged(message);
    if (wasRunning)
        emit runFinished(m_reachedServer);
}

bool SyncEngine::checkDamage()
{
    if (!m_damaged && m_store.isDamaged()) {
        stopForDamage(tr("The local store of this profile is damaged. Sync has stopped so that nothing "
                         "more is written into the damaged file. Choose “Rebuild from server” where the "
                         "sync status is shown: the damaged file is kept aside, the work not yet sent is "
                         "copied from it into a new local store, and everything else is fetched again "
                         "from the server."));
    }
    return m_damaged;
}

void SyncEngine::detachStore()
{
    stop();
    abortRequests();
    m_running = false;
    m_again = false;
    ++m_run;
    m_writing = false;
    m_prefetched.reset();
    m_writer.reset(); // waits for a page being written, then closes its connection to the old file
}

void SyncEngine::storeRebuilt()
{
    m_damaged = false;
    m_organizationFetched = false;
    m_lastError = {};
    setState(State::Idle);
}

qint64 SyncEngine::organizationVersion()
{
    bool ok = false;
    const qint64 version = m_store.syncValue(kOrganizationVersionKey).toLongLong(&ok);
    return ok ? version : -1;
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    beginRun();
}

void SyncEngine::retryNow()
{
    if (checkDamage()) {
        syncNow(); // does not start: says so with runFinished(false)
        return;
    }
    QList<OutboxEntry> entries = m_store.outbox();
    for (OutboxEntry &e : entries) {
        if (e.state == OutboxEntry::State::Pending && e.nextAttemptAt.isValid()) {
            e.nextAttemptAt = {};
            m_store.updateOutboxEntry(e);
        }
    }
    if (m_state == State::Stopped || m_state == State::SignInNeeded)
        setState(State::Idle);
    syncNow();
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::beginRun()
{
    if (checkDamage() || m_state == State::Stopped || m_state == State::SignInNeeded) {
        emit runFinished(false);
        return; // waits for the user: retryNow() or a new endpoint/sign-in
    }
    if (m_endpoint.token.isEmpty() || !m_endpoint.baseUrl.isValid()) {
        setState(State::SignInNeeded);
        emit runFinished(false);
        return;
    }
    m_running = true;
    ++m_run;
    m_reachedServer = false;
    m_blockedThisRun.clear();
    m_restoreRun = false;
    m_restoreSeen.clear();
    m_deletionGuard.removedThisRun = 0;
    m_actionsDone = 0;
    m_actionsTotal = 0;
    m_itemsReceived = 0;
    setState(State::Syncing);
    send("GET", u"/api/v1/me"_s, {}, [this](const Reply &r) { onMe(r); });
}

void SyncEngine::finishRun(State state)
{
    if (checkDamage())
        return; // stopForDamage() ended the run
    abortPrefetch();
    m_running = false;
    setState(state);
    emit runFinished(m_reachedServer);
    scheduleNextWake();
    if (m_again && state != State::Stopped && state != State::SignInNeeded) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    }
    m_again = false;
}

void SyncEngine::scheduleNextWake()
{
    if (!m_interval.isActive())
        return;
    QDateTime earliest;
    const QDateTime at = now();
    for (const OutboxEntry &e : m_store.outbox()) {
        if (e.state != OutboxEntry::State::Pending || !e.nextAttemptAt.isValid())
            continue;
        const QDateTime due = waiting(e, at) ? e.nextAttemptAt : at;
        if (!earliest.isValid() || due < earliest)
            earliest = due;
    }
    if (!earliest.isValid())
        return;
    const qint64 ms = std::max<qint64>(0, at.msecsTo(earliest));
    if (ms < m_interval.remainingTime() || m_interval.remainingTime() < 0)
        m_wake.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
}

QNetworkReply *SyncEngine::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                                std::function<void(const Reply &)> handler)
{
    QNetworkRequest request = m_endpoint.request(path);
    QByteArray payload;
    if (method != "GET") {
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, payload);
    m_inFlight.insert(reply);
    auto timedOut = std::make_shared<bool>(false);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    auto tlsMessage = std::make_shared<QString>();
    // Our own deadline as well as the request's transfer timeout: a reply that never starts (a
    // server that accepts and says nothing) is aborted too.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(m_endpoint.timeoutMs);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply, sslErrors, tlsMessage](const QList<QSslError> &errors) {
                *sslErrors = errors; // recorded, never ignored
                if (m_tlsExplainer)
                    *tlsMessage = m_tlsExplainer(reply, errors);
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler, timedOut, sslErrors, tlsMessage] {
        if (!m_inFlight.remove(reply))
            return;
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.requestId = reply->rawHeader("X-Request-Id");
        r.json = QJsonDocument::fromJson(r.body).object();
        r.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        if (r.status == 0) {
            r.networkFailure = true;
            r.tlsFailure = !sslErrors->isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError;
            if (*timedOut || reply->error() == QNetworkReply::OperationCanceledError)
                r.networkError = tr("The server did not answer in time.");
            else if (r.tlsFailure && !tlsMessage->isEmpty())
                r.networkError = *tlsMessage;
            else if (r.tlsFailure)
                r.networkError =
                    sslErrors->isEmpty() ? reply->errorString() : sslErrors->constFirst().errorString();
            else
                r.networkError = reply->errorString();
        }
        reply->deleteLater();
        handler(r);
    });
    return reply;
}

bool SyncEngine::failOnNetwork(const Reply &reply)
{
    if (!reply.networkFailure && reply.status != 401)
        return false;
    if (reply.tlsFailure) {
        recordError(tr("Sync stopped: the server's certificate is not trusted. %1").arg(reply.networkError),
                    reply, {}, {});
        finishRun(State::Stopped);
    } else if (reply.status == 401) {
        m_reachedServer = true;
        recordError(tr("The server no longer accepts this session. Sign in again."), reply, {}, {});
        finishRun(State::SignInNeeded);
    } else {
        recordError(tr("The server can't be reached (%1). Your work is kept and will be sent later.")
                        .arg(reply.networkError),
                    reply, {}, {});
        finishRun(State::Offline);
    }
    return true;
}

QString SyncEngine::problemMessage(const Reply &reply) const
{
    return Problem::fromAnswer(reply.status, reply.body, reply.requestId).text();
}

void SyncEngine::recordError(const QString &message, const Reply &reply, const QString &itemId,
                             const QString &actionId)
{
    m_lastError.message = message;
    m_lastError.requestId = reply.requestId;
    m_lastError.itemId = itemId;
    m_lastError.actionId = actionId;
    m_lastError.status = reply.status;
    m_lastError.at = now();
    qCInfo(lcSync) << "sync error" << reply.status << reply.requestId << itemId << message;
    emit errorOccurred(message, reply.requestId, itemId);
}

void SyncEngine::onMe(const Reply &reply)
{
    if (failOnNetwork(reply))
        return;
    m_reachedServer = true;
    if (reply.status != 200) {
        recordError(problemMessage(reply), reply, {}, {});
        finishRun(State::Offline);
        return;
    }
    const QString server = reply.json.value("server_id"_L1).toString();
    const QString person = reply.json.value("person"_L1).toObject().value("id"_L1).toString();
    QString error;
    if (server.isEmpty() || person.isEmpty()) {
        recordError(tr("The server's answer is not one of a Baosong server. Sync stopped."), reply, {}, {});
        finishRun(State::Stopped);
        return;
    }
    if (!bindIdentity(server, person, &error)) {
        recordError(error, reply, {}, {});
        finishRun(State::Stopped);
        return;
    }
    // The server's upload limit, for the editor to refuse a file at once (docs/api.md "Who am I").
    const ServerLimits limits = json::serverLimitsFromJson(reply.json.value("limits"_L1).toObject());
    if (limits.maxUploadBytes > 0 && limits != m_store.serverLimits())
        m_store.setServerLimits(limits);
    // Put back from a backup since the last run? (docs/architecture.md "A restored server")
    const QString epoch = reply.json.value("epoch"_L1).toString();
    const QString knownEpoch = m_store.syncValue(kEpochKey);
    if (!epoch.isEmpty() && knownEpoch.isEmpty()) {
        m_store.setSyncValue(kEpochKey, epoch);
    } else if (!epoch.isEmpty() && epoch != knownEpoch) {
        qCInfo(lcSync) << "the server's epoch changed: restored from a backup";
        if (!beginRestore(reply, epoch))
            return;
    } else if (const QString head = reply.json.value("feed_head"_L1).toString();
               !head.isEmpty() && m_store.syncValue(kCursorKey).toLongLong() > head.toLongLong()) {
        // Past the server's last change: a copy put back without a new epoch.
        qCInfo(lcSync) << "the server is behind this client's cursor: restored from a backup";
        if (!beginRestore(reply, knownEpoch))
            return;
    }
    if (m_store.syncValue(kRestoreKey) == "1"_L1) {
        // The full fetch (again, when an earlier run was cut short) before anything is sent.
        m_restoreRun = true;
        if (!restartFeed(reply))
            return;
    }
    m_wordListsVersion = reply.json.value("word_lists_version"_L1).toInteger(-1);
    // The office changed a column (or the administrator a unit or person): the organization again.
    m_organizationVersion = reply.json.value("organization_version"_L1).toInteger(-1);
    if (m_organizationVersion >= 0 &&
        m_store.syncValue(kOrganizationVersionKey) != QString::number(m_organizationVersion))
        m_organizationFetched = false;
    fetchWordLists();
}

void SyncEngine::fetchWordLists()
{
    const std::optional<ContentRules> known = m_store.wordLists();
    if (m_wordListsVersion <= 0 || (known && known->version == m_wordListsVersion)) {
        afterWordLists();
        return;
    }
    send("GET", u"/api/v1/word-lists"_s, {}, [this](const Reply &reply) {
        if (failOnNetwork(reply))
            return;
        QString error;
        const std::optional<ContentRules> rules =
            reply.status == 200 ? ContentRules::fromJson(reply.json, &error) : std::nullopt;
        if (rules) {
            if (!m_store.setWordLists(*rules)) {
                recordError(m_store.lastError(), reply, {}, {});
                finishRun(State::Offline);
                return;
            }
            qCInfo(lcSync) << "word lists version" << rules->version;
            emit wordListsChanged();
        } else {
            // The checks go on with the lists known; the next run asks again.
            recordError(reply.status == 200 ? error : problemMessage(reply), reply, {}, {});
        }
        afterWordLists();
    });
}

void SyncEngine::afterWordLists()
{
    if (!m_organizationFetched || !m_store.organization())
        fetchOrganization();
    else
        pushNext();
}

void SyncEngine::fetchOrganization()
{
    send("GET", u"/api/v1/organization"_s, {}, [this](const Reply &reply) {
        if (failOnNetwork(reply))
            return;
        Organization org;
        QString error;
        if (reply.status == 200 && Organization::fromJson(reply.json, &org, &error)) {
            const std::optional<Organization> known = m_store.organization();
            if (!m_store.saveOrganization(org) ||
                (m_organizationVersion >= 0 &&
                 !m_store.setSyncValue(kOrganizationVersionKey, QString::number(m_organizationVersion)))) {
                // The store can't be written (the disk full or failing): said, and the run stops here.
                recordError(m_store.lastError(), reply, {}, {});
                finishRun(State::Offline);
                return;
            }
            m_organizationFetched = true;
            if (known && !(*known == org))
                emit organizationChanged();
        } else {
            recordError(reply.status == 200 ? error : problemMessage(reply), reply, {}, {});
        }
        pushNext();
    });
}

// ---- push ----------------------------------------------------------------------------------------------

void SyncEngine::pushNext()
{
    if (m_restoreRun) {
        pull(); // a restored server: what to send is known after the full fetch (the next run sends)
        return;
    }
    const QList<OutboxEntry> entries = m_store.outbox();
    const QDateTime now = this->now();
    if (m_actionsTotal == 0)
        m_actionsTotal = int(entries.size());
    for (const OutboxEntry &e : entries) {
        if (m_blockedThisRun.contains(e.itemId))
            continue;
        if (e.state != OutboxEntry::State::Pending || waiting(e, now) || !sendable(e)) {
            m_blockedThisRun.insert(e.itemId); // its later actions wait for it, others go on
            continue;
        }
        sendEntry(e);
        return;
    }
    pull();
}

bool SyncEngine::sendable(const OutboxEntry &entry)
{
    // A draft with no title yet (an autosave of a body typed first) stays on this computer: the
    // server refuses it (an item needs at least a title). Never sent, the next save updates it in place.
    if (!carriesContent(entry.action) || entry.attempts > 0)
        return true;
    return !entry.request.value("content"_L1).toObject().value("title"_L1).toString().trimmed().isEmpty();
}

void SyncEngine::sendEntry(OutboxEntry entry)
{
    auto go = [this, entry]() mutable {
        // The user may have saved the draft again while its attachments were uploading (an entry never
        // sent takes a new text in place): then the new text goes, after its own uploads.
        const std::optional<OutboxEntry> now = m_store.outboxEntry(entry.actionId);
        if (!now || now->request != entry.request || now->state != OutboxEntry::State::Pending) {
            pushNext();
            return;
        }
        m_uploadFailures.remove(entry.actionId);
        // Durably counted as sent before it is: a save after this makes a new edit instead of
        // changing what the server may already have applied.
        ++entry.attempts;
        if (!m_store.updateOutboxEntry(entry)) {
            Reply none;
            recordError(m_store.lastError(), none, entry.itemId, entry.actionId);
            finishRun(State::Offline);
            return;
        }
        send("POST", u"/api/v1/actions"_s, entry.request,
             [this, entry](const Reply &reply) { onActionAnswer(entry, reply); });
    };
    if (m_uploader && entry.request.contains("content"_L1)) {
        RevisionContent content;
        QString error;
        json::fromJson(entry.request.value("content"_L1).toObject(), &content, &error);
        if (!content.attachments.isEmpty()) {
            QPointer<SyncEngine> self(this);
            m_uploader(entry.itemId, content.attachments,
                       [self, entry, go](const UploadOutcome &outcome) mutable {
                           if (!self)
                               return;
                           if (outcome.ok)
                               go();
                           else
                               self->onUploadFailed(entry, outcome);
                       });
            return;
        }
    }
    go();
}

void SyncEngine::onUploadFailed(OutboxEntry entry, const UploadOutcome &outcome)
{
    // Nothing was sent: the entry keeps its attempts (a never-sent draft still takes a new text in
    // place, e.g. without the file that failed), and its state, unless the server refused the file.
    Reply reply;
    reply.status = outcome.status;
    reply.networkFailure = outcome.networkFailure;
    reply.networkError = outcome.error;
    reply.retryAfterSeconds = outcome.retryAfterSeconds;
    reply.requestId = outcome.requestId;
    if (const std::optional<OutboxEntry> now = m_store.outboxEntry(entry.actionId))
        entry = *now; // as saved meanwhile
    if (outcome.status == 401) {
        m_reachedServer = true;
        recordError(tr("The server no longer accepts this session. Sign in again."), reply, entry.itemId,
                    entry.actionId);
        finishRun(State::SignInNeeded);
        return;
    }
    if (outcome.networkFailure) {
        recordError(tr("The server can't be reached (%1). Your work is kept and will be sent later.")
                        .arg(outcome.error),
                    reply, entry.itemId, entry.actionId);
        finishRun(State::Offline);
        return;
    }
    m_reachedServer = m_reachedServer || outcome.status != 0;
    if (outcome.status == 413) {
        // A file larger than the server takes will never go: the user removes it (saving the draft
        // again rewrites the refused action) or drops the action.
        entry.state = OutboxEntry::State::Refused;
        entry.answer = {};
        entry.lastStatus = outcome.status;
        entry.lastError = outcome.error;
        entry.lastRequestId = outcome.requestId;
        m_store.updateOutboxEntry(entry);
        m_blockedThisRun.insert(entry.itemId);
        recordError(entry.lastError, reply, entry.itemId, entry.actionId);
        emit conflictsChanged();
        emit actionSettled(entry.actionId, entry.itemId, false, entry.lastError);
        pushNext();
        return;
    }
    const int failures = ++m_uploadFailures[entry.actionId];
    backOff(entry, reply, outcome.error, failures);
    pushNext();
}

void SyncEngine::backOff(OutboxEntry &entry, const Reply &reply, const QString &message, int extraFailures)
{
    // Failures so far: attempts counts sends (an answered send failed); extraFailures the failed
    // uploads before a send.
    const int failures = std::max(1, entry.attempts + extraFailures);
    qint64 delay = m_backoffInitialMs;
    for (int i = 1; i < failures && delay < m_backoffMaxMs; ++i)
        delay *= 2;
    delay = std::min(delay, m_backoffMaxMs);
    if (reply.retryAfterSeconds > 0)
        delay = std::max<qint64>(delay, qint64(reply.retryAfterSeconds) * 1000);
    entry.nextAttemptAt = now().addMSecs(delay);
    entry.lastStatus = reply.status;
    entry.lastError = message;
    entry.lastRequestId = reply.requestId;
    m_store.updateOutboxEntry(entry);
    m_blockedThisRun.insert(entry.itemId);
    recordError(message, reply, entry.itemId, entry.actionId);
}

void SyncEngine::onActionAnswer(OutboxEntry entry, const Reply &reply)
{
    if (failOnNetwork(reply))
        return; // the entry stays; the next run sends it again with the same action id
    m_reachedServer = true;
    if (reply.status == 200) {
        if (!applyAppliedAnswer(entry, reply.json)) {
            recordError(m_store.lastError(), reply, entry.itemId, entry.actionId);
            finishRun(State::Offline);
            return;
        }
        ++m_actionsDone;
        emit progress(m_actionsDone, m_actionsTotal, m_itemsReceived);
        emit actionSettled(entry.actionId, entry.itemId, true, {});
        pushNext();
        return;
    }
    if (reply.status == 409 || reply.status >= 500 || reply.status == 429 || reply.status == 408) {
        if (reply.status == 409) {
            holdForUser(entry, reply, OutboxEntry::State::Conflict);
        } else {
            backOff(entry, reply, problemMessage(reply));
        }
        pushNext();
        return;
    }
    // Refused (403, 404, 422, 400...): kept with the server's words until the user drops it.
    holdForUser(entry, reply, OutboxEntry::State::Refused);
    pushNext();
}

void SyncEngine::holdForUser(OutboxEntry &entry, const Reply &reply, OutboxEntry::State state)
{
    // Kept with the server's answer (for a conflict: the current item) until the user decides; the
    // item's later actions wait for it.
    entry.state = state;
    entry.answer = reply.json;
    entry.lastStatus = reply.status;
    entry.lastError = problemMessage(reply);
    entry.lastRequestId = reply.requestId;
    m_store.updateOutboxEntry(entry);
    m_blockedThisRun.insert(entry.itemId);
    recordError(entry.lastError, reply, entry.itemId, entry.actionId);
    emit conflictsChanged();
    emit actionSettled(entry.actionId, entry.itemId, false, entry.lastError);
}

bool SyncEngine::applyAppliedAnswer(const OutboxEntry &entry, const QJsonObject &answer)
{
    if (!m_store.beginTransaction())
        return false;
    bool ok = m_store.removeOutboxEntry(entry.actionId);
    if (ok && entry.action == Action::Delete) {
        ok = m_store.removeItemInTransaction(entry.itemId);
    } else if (ok && answer.contains("item"_L1)) {
        Item server;
        QString error;
        if (json::fromJson(answer.value("item"_L1).toObject(), &server, &error)) {
            // Later local text not sent yet stays on top of the server's version.
            if (hasUnsentText(entry.itemId)) {
                if (const std::optional<Item> local = m_store.item(entry.itemId)) {
                    for (const Revision &r : local->revisions) {
                        if (r.number <= server.latestNumber())
                            continue;
                        Revision *working = server.revisions.isEmpty() ? nullptr : &server.revisions.last();
                        if (working && !working->sent && !r.sent && working->authorId == r.authorId)
                            *working = r; // the same working version, saved again here since
                        else
                            server.revisions.append(r);
                    }
                }
            }
            ok = m_store.writeItemsInTransaction({server});
        }
    }
    if (!ok || !m_store.commit()) {
        m_store.rollback();
        return false;
    }
    emit itemsChanged({entry.itemId});
    return true;
}

// ---- a restored server --------------------------------------------------------------------------------

OutboxEntry SyncEngine::asNewDraft(Item &item, const QString &authorId, const RevisionContent &content,
                                   const QDateTime &at)
{
    item.state = WorkflowState::Draft;
    item.stageId.clear();
    item.liveRevision = 0;
    item.cycle = 0;
    item.publishedAt = {};
    item.indexNumber.clear();
    item.decisions.clear();
    item.comments.clear();
    item.revisions.clear();
    item.recordEdit(authorId, content, at);
    OutboxEntry create;
    create.actionId = newActionId();
    create.itemId = item.id;
    ActionRequest request;
    request.action = Action::Create;
    request.content = content;
    create.request = actionJson(create.actionId, item, request);
    create.action = Action::Create;
    create.revision = 1;
    return create;
}

bool SyncEngine::restartFeed(const Reply &reply)
{
    if (m_store.beginTransaction() && m_store.setSyncValue(kCursorKey, u"0"_s) &&
        m_store.setSyncValue(kResyncKey, u"1"_s) && m_store.commit())
        return true;
    m_store.rollback();
    recordError(m_store.lastError(), reply, {}, {});
    finishRun(State::Offline);
    return false;
}

bool SyncEngine::beginRestore(const Reply &reply, const QString &epoch)
{
    // The person's own items as this store has them: what the server acknowledged to them, which the
    // restored copy may lack. Kept once: a restore cut short keeps the copy made before it began (the
    // store may since hold some of the server's older versions).
    const bool underWay = m_store.syncValue(kRestoreKey) == "1"_L1;
    QJsonArray mine;
    if (!underWay) {
        ItemFilter filter;
        filter.authorId = personId();
        for (const ItemSummary &s : m_store.summaries(filter, 0, std::numeric_limits<int>::max())) {
            if (const std::optional<Item> item = m_store.item(s.id))
                mine.append(json::toJson(*item));
        }
    }
    const bool ok =
        m_store.beginTransaction() &&
        (underWay || m_store.setSyncValue(kRestoreItemsKey, QString::fromUtf8(QJsonDocument(mine).toJson(
                                                                QJsonDocument::Compact)))) &&
        m_store.setSyncValue(kRestoreKey, u"1"_s) && m_store.setSyncValue(kEpochKey, epoch) &&
        m_store.setSyncValue(kCursorKey, u"0"_s) && m_store.setSyncValue(kResyncKey, u"1"_s) &&
        m_store.commit();
    if (!ok) {
        m_store.rollback();
        recordError(m_store.lastError(), reply, {}, {});
        finishRun(State::Offline);
        return false;
    }
    qCInfo(lcSync) << "restored server: kept" << mine.size() << "items of the person; full fetch";
    return true;
}

bool SyncEngine::finishRestore()
{
    const QJsonArray saved = QJsonDocument::fromJson(m_store.syncValue(kRestoreItemsKey).toUtf8()).array();
    const QString me = personId();
    const QDateTime now = this->now();
    QStringList resent, attention;
    const auto editable = [](WorkflowState s) {
        return s == WorkflowState::Draft || s == WorkflowState::Returned;
    };
    if (!m_store.beginTransaction())
        return false;
    bool ok = true;
    for (const QJsonValue &value : saved) {
        Item mine;
        QString error;
        if (!ok || !json::fromJson(value.toObject(), &mine, &error) || mine.revisions.isEmpty())
            continue;
        const QList<OutboxEntry> entries = m_store.outboxOf(mine.id);
        const bool hasCreate = std::any_of(entries.cbegin(), entries.cend(),
                                           [](const OutboxEntry &e) { return e.action == Action::Create; });
        const bool hasText = std::any_of(entries.cbegin(), entries.cend(),
                                         [](const OutboxEntry &e) { return carriesContent(e.action); });
        const RevisionContent content = mine.revisions.constLast().content;
        if (!m_restoreSeen.contains(mine.id)) {
            if (hasCreate)
                continue; // never reached the server: sent as usual
            // The server no longer has it: created again under its id with its last text, as a draft;
            // the steps queued on it meant the item the server lost and go (the user takes them again).
            for (const OutboxEntry &e : entries)
                ok = ok && m_store.removeOutboxEntry(e.actionId);
            Item again = mine;
            OutboxEntry create = asNewDraft(again, me, content, now);
            ok = ok && m_store.insertOutboxEntry(create) && m_store.writeItemsInTransaction({again});
            resent.append(mine.id);
            if (!editable(mine.state) || entries.size() > 0)
                attention.append(mine.id);
            continue;
        }
        if (hasText)
            continue; // its unsent text goes as usual (in conflict if the server's version moved)
        const std::optional<Item> server = m_store.item(mine.id);
        if (!server)
            continue;
        if (mine.latestNumber() > server->latestNumber()) {
            if (editable(server->state)) {
                // The text it had acknowledged is back, as an edit on the server's version.
                Item item = *server;
                const int base = server->latestNumber();
                OutboxEntry edit;
                edit.actionId = newActionId();
                edit.itemId = item.id;
                edit.revision = item.recordEdit(me, content, now);
                ActionRequest request;
                request.action = Action::Edit;
                request.baseRevision = base;
                request.content = content;
                edit.request = actionJson(edit.actionId, item, request);
                edit.action = Action::Edit;
                ok = ok && m_store.insertOutboxEntry(edit) && m_store.writeItemsInTransaction({item});
                resent.append(mine.id);
            } else {
                attention.append(mine.id);
                continue;
            }
        }
        // A submission the server no longer has: the author submits again.
        if (editable(server->state) && !editable(mine.state) && !attention.contains(mine.id))
            attention.append(mine.id);
    }
    ok = ok && m_store.setSyncValue(kRestoreKey, u"0"_s) && m_store.setSyncValue(kRestoreItemsKey, QString());
    if (!ok || !m_store.commit()) {
        m_store.rollback();
        return false;
    }
    qCInfo(lcSync) << "restored server:" << resent.size() << "items sent again," << attention.size()
                   << "need the person's step";
    m_restoreRun = false;
    if (!resent.isEmpty() || !attention.isEmpty()) {
        QStringList changed = resent;
        for (const QString &id : std::as_const(attention)) {
            if (!changed.contains(id))
                changed.append(id);
        }
        emit itemsChanged(changed);
    }
    emit serverRestored(resent, attention);
    return true;
}

// ---- pull ----------------------------------------------------------------------------------------------

void SyncEngine::pull()
{
    requestPage(m_store.syncValue(kCursorKey), false);
}

void SyncEngine::requestPage(const QString &cursor, bool prefetch)
{
    const bool full = m_store.syncValue(kResyncKey) == "1"_L1;
    // Unless setPageSize() chose a size: a page the engine waits for with nothing else to do (the
    // first of a run) is small, so that its writing starts soon; a page asked for while another is
    // written is as large as the server gives, since each page is one durable transaction and fewer
    // of them write a first sync's items sooner (bench_sync).
    const int pageSize = m_pageSize != kDefaultPageSize ? m_pageSize
                         : prefetch                     ? kLargePageSize
                                                        : kDefaultPageSize;
    QNetworkReply *reply =
        send("GET",
             u"/api/v1/changes?cursor=%1&limit=%2%3"_s.arg(cursor.isEmpty() ? u"0"_s : cursor)
                 .arg(pageSize)
                 .arg(full ? u"&full=1"_s : QString()),
             {}, [this, prefetch](const Reply &r) {
                 if (prefetch)
                     m_prefetch = nullptr;
                 if (prefetch && m_writing)
                     m_prefetched = r; // written after the page before it
                 else
                     onChanges(r);
             });
    if (prefetch)
        m_prefetch = reply;
}

void SyncEngine::abortPrefetch()
{
    m_prefetched.reset();
    QNetworkReply *reply = std::exchange(m_prefetch, nullptr);
    if (reply && m_inFlight.remove(reply)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

bool SyncEngine::hasUnsentText(const QString &itemId)
{
    const QList<OutboxEntry> entries = m_store.outboxOf(itemId);
    return std::any_of(entries.cbegin(), entries.cend(),
                       [](const OutboxEntry &e) { return carriesContent(e.action); });
}

bool SyncEngine::hasQueuedDecision(const QString &itemId)
{
    const QList<OutboxEntry> entries = m_store.outboxOf(itemId);
    return std::any_of(entries.cbegin(), entries.cend(), [](const OutboxEntry &e) {
        return e.action == Action::Approve || e.action == Action::Return;
    });
}

SyncEngine::OutboxCounts SyncEngine::outboxCounts()
{
    OutboxCounts counts;
    for (const OutboxEntry &e : m_store.outbox()) {
        switch (e.state) {
        case OutboxEntry::State::Pending:
            ++counts.pending;
            counts.failed += e.lastError.isEmpty() ? 0 : 1;
            break;
        case OutboxEntry::State::Conflict:
            ++counts.conflicts;
            break;
        case OutboxEntry::State::Refused:
            ++counts.refused;
            break;
        }
    }
    return counts;
}

void SyncEngine::onChanges(const Reply &reply)
{
    if (failOnNetwork(reply))
        return;
    if (reply.status != 200) {
        recordError(problemMessage(reply), reply, {}, {});
        finishRun(State::Offline);
        return;
    }
    const QString server = reply.json.value("server_id"_L1).toString();
    if (server != serverId()) {
        recordError(tr("The change feed came from another server (%1, expected %2). Sync stopped; "
                       "nothing was changed.")
                        .arg(server, serverId()),
                    reply, {}, {});
        finishRun(State::Stopped);
        return;
    }
    if (reply.json.value("resync"_L1).toBool()) {
        // Absence is not deletion: start again from 0, keeping everything we have.
        qCInfo(lcSync) << "the server asks for a full resync";
        if (reply.json.value("restored"_L1).toBool() && !m_restoreRun) {
            // Behind our cursor: put back from a backup without a new epoch.
            if (!beginRestore(reply, m_store.syncValue(kEpochKey)))
                return;
            m_restoreRun = true;
        }
        if (!restartFeed(reply))
            return;
        pull();
        return;
    }

    const QString cursor = reply.json.value("cursor"_L1).toString();
    const bool more = reply.json.value("more"_L1).toBool();
    // The next page comes while this one is written; it is dropped if this one fails (finishRun).
    // The feed is read in order: the cursor moves with each page's transaction, and a page is
    // applied only after the one before it.
    if (more && !cursor.isEmpty())
        requestPage(cursor, true);
    // The page is written on the feed writer's thread: this thread stays free for the user, and for
    // Qt to send the request above and receive its answer meanwhile (Qt sends a request only from
    // the event loop).
    if (checkDamage())
        return; // stopForDamage() ended the run
    if (!m_writer)
        m_writer = std::make_unique<FeedWriter>(m_store.path());
    m_writing = true;
    const int run = m_run;
    m_writer->post([this, run, reply, cursor, more, person = me(),
                    guard = m_deletionGuard](LocalStore *store, const QString &openError) {
        auto outcome = std::make_shared<PageOutcome>();
        if (store) {
            *outcome = writeFeedPage(*store, reply, cursor, more, person, guard);
        } else {
            outcome->ok = false;
            outcome->error = openError;
        }
        // Delivered on the engine's thread; dropped with the engine (its destructor first stops the
        // writer, so nothing is posted after it).
        QMetaObject::invokeMethod(
            this, [this, run, reply, more, outcome] { onPageWritten(run, reply, more, *outcome); },
            Qt::QueuedConnection);
    });
}

void SyncEngine::onPageWritten(int run, const Reply &reply, bool more, const PageOutcome &outcome)
{
    m_writing = false;
    if (run != m_run)
        return; // of a run that has ended
    if (!outcome.ok) {
        recordError(outcome.error, reply, {}, {});
        finishRun(State::Offline);
        return;
    }
    if (outcome.held > 0) {
        // Nothing of the page was written; the cursor stays before it until the user decides.
        const int count = m_deletionGuard.removedThisRun + outcome.held;
        recordError(tr("The server says %n of the items on this computer were deleted. Nothing was removed "
                       "yet: choose whether to delete them here too or keep them.",
                       nullptr, count),
                    reply, {}, {});
        finishRun(State::Stopped);
        emit deletionsHeld(count, outcome.localItems + m_deletionGuard.removedThisRun);
        return;
    }
    m_deletionGuard.removedThisRun += outcome.removed;
    m_itemsReceived += outcome.written;
    if (m_restoreRun) {
        for (const QString &id : outcome.seen)
            m_restoreSeen.insert(id);
    }
    emit progress(m_actionsDone, m_actionsTotal, m_itemsReceived);
    if (!outcome.changed.isEmpty())
        emit itemsChanged(outcome.changed);
    if (!outcome.arrived.isEmpty())
        emit queueItemsArrived(outcome.arrived);
    if (!outcome.ahead.isEmpty())
        emit urgentItemsAhead(outcome.ahead);
    if (more) {
        if (m_prefetched) // the next page came while this one was written
            onChanges(*std::exchange(m_prefetched, std::nullopt));
        else if (!m_prefetch)
            pull();
        return;
    }
    if (m_restoreRun) {
        if (!finishRestore()) {
            recordError(m_store.lastError(), reply, {}, {});
            finishRun(State::Offline);
            return;
        }
        m_again = true; // the next run sends what was queued again
    }
    m_deletionGuard.choice = DeletionGuard::Choice::Ask; // a decision holds for the run it was made for
    fetchColumnHealth();
}

void SyncEngine::fetchColumnHealth()
{
    // Column health (docs/design.md §5) changes by the day: asked at most once an hour, kept for
    // offline use; a server without it (or failing to answer) ends the run as it was.
    const QDateTime now = this->now();
    if (m_columnHealthAt.isValid() && m_columnHealthAt.secsTo(now) < 3600 && m_columnHealthAt <= now) {
        finishRun(State::Idle);
        return;
    }
    send("GET", u"/api/v1/columns/health"_s, {}, [this, now](const Reply &reply) {
        SiteHealth health;
        if (reply.status == 200 && fromJson(reply.json, &health, nullptr)) {
            m_columnHealthAt = now;
            if (m_store.setSyncValue(kColumnHealthKey, QString::fromUtf8(reply.body)))
                emit columnHealthChanged();
        }
        finishRun(State::Idle);
    });
}

std::optional<SiteHealth> SyncEngine::columnHealth()
{
    const QString json = m_store.syncValue(kColumnHealthKey);
    SiteHealth health;
    if (json.isEmpty() || !fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &health, nullptr))
        return std::nullopt;
    return health;
}

SyncEngine::PageOutcome SyncEngine::writeFeedPage(LocalStore &store, const Reply &reply,
                                                  const QString &cursor, bool more,
                                                  const std::optional<Person> &person,
                                                  const DeletionGuard &guard)
{
    QElapsedTimer convertTimer; // page timings for bench_sync ("baosong.sync" debug messages)
    convertTimer.start();
    PageOutcome outcome;
    const auto failed = [&] {
        outcome.ok = false;
        outcome.error = store.lastError();
        store.rollback();
        return outcome;
    };
    // The write lock first: what the user queues meanwhile (on the engine's thread) waits, so the
    // outbox read here is the one the page is written against.
    if (!store.beginTransaction())
        return failed();
    QSet<QString> withLocalContent;
    for (const OutboxEntry &e : store.outbox()) {
        if (carriesContent(e.action))
            withLocalContent.insert(e.itemId);
    }
    const RouteEngine &routes = RouteEngine::builtin();

    QList<Item> upserts;
    // Each item's text as sent: the store keeps it without writing it again from the Item (which
    // json::toJson would make the same).
    QList<QByteArrayView> upsertJson;
    QStringList removals;
    const QJsonArray changes = reply.json.value("changes"_L1).toArray();
    std::optional<QList<QByteArrayView>> texts = json::memberTexts(reply.body, "changes", "item");
    if (texts && texts->size() != changes.size())
        texts.reset();
    upserts.reserve(changes.size());
    upsertJson.reserve(changes.size());
    for (qsizetype n = 0; n < changes.size(); ++n) {
        const QJsonObject change = changes.at(n).toObject();
        if (change.value("deleted"_L1).toBool()) {
            const QString id = change.value("item_id"_L1).toString();
            outcome.seen.append(id);
            if (!id.isEmpty() && !withLocalContent.contains(id))
                removals.append(id);
            continue;
        }
        Item item;
        QString error;
        const QJsonObject itemJson = change.value("item"_L1).toObject();
        if (!json::fromJson(itemJson, &item, &error)) {
            qCWarning(lcSync) << "unreadable item in the feed:" << error;
            continue;
        }
        outcome.seen.append(item.id);
        if (!withLocalContent.contains(item.id)) {
            upserts.append(std::move(item));
            upsertJson.append(texts ? texts->at(n) : QByteArrayView());
        }
    }

    // Which of them newly wait for me: not waiting before (another state or stage, or unknown).
    if (person) {
        QStringList waitingIds;
        QStringList aheadIds;                     // urgent, coming to me at a later stage (Art. 9)
        std::optional<Organization> organization; // who decides a stage (escalation), read once if needed
        for (const Item &item : std::as_const(upserts)) {
            if (item.state != WorkflowState::InReview)
                continue;
            if (!organization)
                organization = store.organization().value_or(Organization());
            if (routes.isWaitingFor(*person, item, &*organization))
                waitingIds.append(item.id);
            else if (item.latest() && item.latest()->content.urgent &&
                     routes.decidesLaterStage(*person, item, &*organization))
                aheadIds.append(item.id);
        }
        if (!waitingIds.isEmpty() || !aheadIds.isEmpty()) {
            QHash<QString, ItemSummary> before;
            for (const ItemSummary &s : store.summariesOf(waitingIds + aheadIds))
                before.insert(s.id, s);
            for (const Item &item : std::as_const(upserts)) {
                const auto old = before.constFind(item.id);
                if (waitingIds.contains(item.id)) {
                    if (old == before.cend() || old->state != item.state || old->stageId != item.stageId)
                        outcome.arrived.append(item.id);
                } else if (aheadIds.contains(item.id)) {
                    // Told once, when it enters review (not again at each stage before mine).
                    if (old == before.cend() || old->state != WorkflowState::InReview)
                        outcome.ahead.append(item.id);
                }
            }
        }
    }

    // The mass deletion guard: only items this store has count (a tombstone of an unknown item is
    // harmless).
    if (!removals.isEmpty()) {
        QStringList present;
        for (const ItemSummary &s : store.summariesOf(removals))
            present.append(s.id);
        removals = present;
        if (guard.choice == DeletionGuard::Choice::Keep) {
            removals.clear(); // kept on this computer, as the user chose
        } else if (!removals.isEmpty() && guard.choice == DeletionGuard::Choice::Ask) {
            outcome.localItems = store.itemCount();
            const int total = guard.removedThisRun + int(removals.size());
            const int before = outcome.localItems + guard.removedThisRun;
            if (total > guard.minimumItems && double(total) > guard.share * double(before)) {
                outcome.held = int(removals.size());
                store.rollback();
                return outcome;
            }
        }
        outcome.removed = int(removals.size());
    }

    const qint64 convertNs = convertTimer.nsecsElapsed();
    QElapsedTimer storeTimer;
    storeTimer.start();
    bool ok = store.writeItemsInTransaction(upserts, upsertJson);
    for (const QString &id : std::as_const(removals))
        ok = ok && store.removeItemInTransaction(id);
    ok = ok && (cursor.isEmpty() || store.setSyncValue(kCursorKey, cursor));
    ok = ok && (more || store.setSyncValue(kResyncKey, u"0"_s));
    ok = ok && store.commit(); // the checkpoint moves with the page, never before it
    if (!ok)
        return failed();
    qCDebug(lcSync, "pull page: items=%d convert_ms=%.3f store_ms=%.3f", int(upserts.size()),
            double(convertNs) / 1e6, double(storeTimer.nsecsElapsed()) / 1e6);
    outcome.written = int(upserts.size());
    outcome.changed = removals;
    for (const Item &item : std::as_const(upserts))
        outcome.changed.append(item.id);
    return outcome;
}

} // namespace baosong
