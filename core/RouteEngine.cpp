#include "RouteEngine.h"

#include "HtmlText.h"
#include "ItemDiff.h"
#include "Logging.h"
#include "Organization.h"

#include <QFile>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

constexpr auto kEndPublish = "publish"_L1;
constexpr auto kEndMunicipal = "municipal_platform"_L1;

const QList<std::pair<Action, QString>> &actionNames()
{
    static const QList<std::pair<Action, QString>> names{
        {Action::Create, u"create"_s},
        {Action::Edit, u"edit"_s},
        {Action::Submit, u"submit"_s},
        {Action::Approve, u"approve"_s},
        {Action::Return, u"return"_s},
        {Action::Comment, u"comment"_s},
        {Action::Withdraw, u"withdraw"_s},
        {Action::ProposeChange, u"propose_change"_s},
        {Action::ProposeRetraction, u"propose_retraction"_s},
        {Action::Delete, u"delete"_s},
    };
    return names;
}

Verdict refuse(Refusal r, const QString &reason)
{
    return Verdict{r, reason};
}

bool isReviewRole(Role r)
{
    return r == Role::UnitHead || r == Role::LeaderInCharge || r == Role::OfficeDirector ||
           r == Role::SiteAdministrator;
}

} // namespace

QString Stage::displayName() const
{
    return QLocale().language() == QLocale::Chinese || nameEn.isEmpty() ? name : nameEn;
}

QString keys::toString(Action a)
{
    for (const auto &[action, name] : actionNames()) {
        if (action == a)
            return name;
    }
    return {};
}

std::optional<Action> keys::actionFromString(const QString &s)
{
    for (const auto &[action, name] : actionNames()) {
        if (name == s)
            return action;
    }
    return std::nullopt;
}

QString displayName(Action a)
{
    switch (a) {
    case Action::Create:
        return RouteEngine::tr("Create");
    case Action::Edit:
        return RouteEngine::tr("Edit");
    case Action::Submit:
        return RouteEngine::tr("Submit");
    case Action::Approve:
        return RouteEngine::tr("Approve");
    case Action::Return:
        return RouteEngine::tr("Return");
    case Action::Comment:
        return RouteEngine::tr("Comment");
    case Action::Withdraw:
        return RouteEngine::tr("Withdraw");
    case Action::ProposeChange:
        return RouteEngine::tr("Propose a change");
    case Action::ProposeRetraction:
        return RouteEngine::tr("Propose retraction");
    case Action::Delete:
        return RouteEngine::tr("Delete draft");
    }
    return {};
}

QString keys::toString(Refusal r)
{
    switch (r) {
    case Refusal::None:
        return u"none"_s;
    case Refusal::PersonDisabled:
        return u"person_disabled"_s;
    case Refusal::NotPermitted:
        return u"not_permitted"_s;
    case Refusal::OutOfScope:
        return u"out_of_scope"_s;
    case Refusal::WrongState:
        return u"wrong_state"_s;
    case Refusal::SkippingLevels:
        return u"skipping_levels"_s;
    case Refusal::StagesMissing:
        return u"stages_missing"_s;
    case Refusal::OwnRevision:
        return u"own_revision"_s;
    case Refusal::NotAuthor:
        return u"not_author"_s;
    case Refusal::ReasonRequired:
        return u"reason_required"_s;
    case Refusal::ContentRequired:
        return u"content_required"_s;
    case Refusal::AttestationRequired:
        return u"attestation_required"_s;
    case Refusal::InterpretationMissing:
        return u"interpretation_missing"_s;
    case Refusal::StaleRevision:
        return u"stale_revision"_s;
    case Refusal::AlreadyDecided:
        return u"already_decided"_s;
    case Refusal::ChecksFailed:
        return u"checks_failed"_s;
    case Refusal::EditNotMinor:
        return u"edit_not_minor"_s;
    case Refusal::LivePageKept:
        return u"live_page_kept"_s;
    case Refusal::DecidedOtherStage:
        return u"decided_other_stage"_s;
    case Refusal::UnknownAttachment:
        return u"unknown_attachment"_s;
    }
    return {};
}

// ---- loading ------------------------------------------------------------------------------------

bool RouteEngine::parseRoute(const QJsonObject &o, const QString &label, bool municipal, Route *out,
                             QString *error)
{
    const QJsonArray stages = o.value("stages"_L1).toArray();
    if (stages.isEmpty()) {
        *error = tr("Route \"%1\" has no stages.").arg(label);
        return false;
    }
    QHash<QString, int> index;
    Route route;
    for (const QJsonValue &v : stages) {
        const QJsonObject so = v.toObject();
        Stage s;
        s.id = so.value("id"_L1).toString();
        s.name = so.value("name"_L1).toString(s.id);
        s.nameEn = so.value("name_en"_L1).toString();
        if (s.id.isEmpty()) {
            *error = tr("Route \"%1\": a stage has no id.").arg(label);
            return false;
        }
        if (index.contains(s.id)) {
            *error = tr("Route \"%1\": stage \"%2\" is defined twice.").arg(label, s.id);
            return false;
        }
        // A role and scope, of the stage or of one of its escalations.
        auto parseDecider = [&](const QJsonObject &d, StageDecider *decider) {
            const QString roleName = d.value("role"_L1).toString();
            const std::optional<Role> role = roleFromString(roleName);
            if (!role) {
                *error = tr("Route \"%1\", stage \"%2\": unknown role \"%3\".").arg(label, s.id, roleName);
                return false;
            }
            if (!isReviewRole(*role)) {
                *error = tr("Route \"%1\", stage \"%2\": the role \"%3\" approves nothing and cannot hold a "
                            "stage.")
                             .arg(label, s.id, roleName);
                return false;
            }
            decider->role = *role;
            const QString scope = d.value("scope"_L1).toString();
            if (scope == "item_unit"_L1) {
                decider->scope = StageScope::ItemUnit;
            } else if (scope == "bureau"_L1) {
                decider->scope = StageScope::Bureau;
            } else {
                *error = tr("Route \"%1\", stage \"%2\": unknown scope \"%3\" (use item_unit or bureau).")
                             .arg(label, s.id, scope);
                return false;
            }
            return true;
        };
        StageDecider own;
        if (!parseDecider(so, &own))
            return false;
        s.role = own.role;
        s.scope = own.scope;
        const QJsonValue escalation = so.value("escalation"_L1);
        if (!escalation.isUndefined() && !escalation.isArray()) {
            *error = tr("Route \"%1\", stage \"%2\": \"escalation\" must be a list of roles with their "
                        "scopes.")
                         .arg(label, s.id);
            return false;
        }
        for (const QJsonValue &e : escalation.toArray()) {
            StageDecider d;
            if (!parseDecider(e.toObject(), &d))
                return false;
            if (d == own || s.escalation.contains(d)) {
                *error =
                    tr("Route \"%1\", stage \"%2\": the escalation names a role twice.").arg(label, s.id);
                return false;
            }
            s.escalation.append(d);
        }
        s.next = so.value("next"_L1).toString();
        if (s.next.isEmpty()) {
            *error = tr("Route \"%1\", stage \"%2\" says nothing about what comes next.").arg(label, s.id);
            return false;
        }
        index.insert(s.id, int(route.stages.size()));
        route.stages.append(s);
    }
    for (Stage &s : route.stages) {
        if (s.next == kEndPublish) {
            s.end = RouteEnd::Publish;
        } else if (s.next == kEndMunicipal && municipal) {
            s.end = RouteEnd::MunicipalPlatform;
        } else if (!index.contains(s.next)) {
            *error = tr("Route \"%1\", stage \"%2\": the next stage \"%3\" does not exist.")
                         .arg(label, s.id, s.next);
            return false;
        }
        if (s.end)
            s.next.clear();
    }
    route.first = o.value("first"_L1).toString();
    if (!index.contains(route.first)) {
        *error = tr("Route \"%1\": its first stage \"%2\" does not exist.").arg(label, route.first);
        return false;
    }
    // Walk the route from its first stage: every stage must be reached once, and the walk must end
    // at a publishing end.
    QList<Stage> ordered;
    QSet<QString> seen;
    QString at = route.first;
    bool ended = false;
    while (!ended) {
        if (seen.contains(at)) {
            *error =
                tr("Route \"%1\" loops back to stage \"%2\" and never reaches publication.").arg(label, at);
            return false;
        }
        seen.insert(at);
        const Stage &s = route.stages.at(index.value(at));
        ordered.append(s);
        if (s.end)
            ended = true;
        else
            at = s.next;
    }
    for (const Stage &s : route.stages) {
        if (!seen.contains(s.id)) {
            *error =
                tr("Route \"%1\": stage \"%2\" can never be reached from the first stage.").arg(label, s.id);
            return false;
        }
    }
    route.stages = ordered;
    *out = route;
    return true;
}

bool RouteEngine::load(const QByteArray &json, RouteEngine *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("The route definition is not valid JSON: %1 (at byte %2).")
                     .arg(pe.errorString())
                     .arg(pe.offset);
        return false;
    }
    const QJsonObject root = doc.object();
    RouteEngine engine;
    const QJsonArray routes = root.value("routes"_L1).toArray();
    for (const QJsonValue &v : routes) {
        const QJsonObject ro = v.toObject();
        const QString kindName = ro.value("kind"_L1).toString();
        const std::optional<ItemKind> kind = itemKindFromString(kindName);
        if (!kind) {
            *error = tr("The route definition names an unknown item kind \"%1\".").arg(kindName);
            return false;
        }
        if (engine.m_routes.contains(*kind)) {
            *error = tr("The route of kind \"%1\" is defined twice.").arg(kindName);
            return false;
        }
        Route route;
        if (!parseRoute(ro, kindName, false, &route, error))
            return false;
        engine.m_routes.insert(*kind, route);
    }
    for (ItemKind kind : allItemKinds()) {
        if (!engine.m_routes.contains(kind)) {
            *error = tr("The route definition has no route for items of kind \"%1\".").arg(toString(kind));
            return false;
        }
    }
    const QJsonValue limit = root.value("minor_edit_limit_percent"_L1);
    if (!limit.isUndefined()) {
        const int percent = limit.toInt(-1);
        if (!limit.isDouble() || percent < 0 || percent > 100) {
            *error = tr("The route definition's \"minor_edit_limit_percent\" must be a whole number from 0 "
                        "to 100.");
            return false;
        }
        engine.m_minorEditLimitPercent = percent;
    }
    const QJsonValue municipal = root.value("municipal_portal"_L1);
    if (!municipal.isUndefined()) {
        if (!parseRoute(municipal.toObject(), u"municipal_portal"_s, true, &engine.m_municipal, error))
            return false;
        for (const Stage &s : std::as_const(engine.m_municipal.stages)) {
            for (const Route &r : std::as_const(engine.m_routes)) {
                for (const Stage &k : r.stages) {
                    if (k.id == s.id) {
                        *error = tr("Route \"municipal_portal\": stage \"%1\" has the same id as a stage of "
                                    "a kind's route.")
                                     .arg(s.id);
                        return false;
                    }
                }
            }
        }
    }
    *out = engine;
    return true;
}

bool RouteEngine::loadFile(const QString &path, RouteEngine *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the route definition %1: %2").arg(path, f.errorString());
        return false;
    }
    return load(f.readAll(), out, error);
}

const RouteEngine &RouteEngine::builtin()
{
    static const RouteEngine engine = [] {
        RouteEngine e;
        QString error;
        if (!loadFile(u":/baosong/routes.json"_s, &e, &error))
            qFatal("The shipped route definition is invalid: %s", qPrintable(error));
        return e;
    }();
    return engine;
}

// ---- queries --------------------------------------------------------------------------------------

QList<Stage> RouteEngine::stages(ItemKind kind, bool toMunicipalPortal) const
{
    QList<Stage> out = m_routes.value(kind).stages;
    if (toMunicipalPortal && !m_municipal.stages.isEmpty() && !out.isEmpty()) {
        out.last().next = m_municipal.first;
        out.last().end.reset();
        out.append(m_municipal.stages);
    }
    return out;
}

QList<Stage> RouteEngine::stages(const Item &item) const
{
    const Revision *r = item.latest();
    return stages(item.kind, r && r->content.toMunicipalPortal);
}

std::optional<Stage> RouteEngine::stage(const Item &item, const QString &stageId) const
{
    for (const Stage &s : stages(item)) {
        if (s.id == stageId)
            return s;
    }
    return std::nullopt;
}

std::optional<Stage> RouteEngine::currentStage(const Item &item) const
{
    if (item.state != WorkflowState::InReview)
        return std::nullopt;
    return stage(item, item.stageId);
}

bool RouteEngine::isLastStage(const Item &item, const QString &stageId) const
{
    const QList<Stage> all = stages(item);
    return !all.isEmpty() && all.last().id == stageId;
}

bool RouteEngine::decidesAnyStage(const Person &person) const
{
    return std::any_of(person.grants.cbegin(), person.grants.cend(),
                       [this](const RoleGrant &g) { return !queueReach(g.role).isEmpty(); });
}

QList<RouteEngine::QueueReach> RouteEngine::queueReach(Role role) const
{
    QList<QueueReach> out;
    auto add = [&](const Stage &s) {
        QList<StageDecider> deciders{s.decider()};
        deciders += s.escalation;
        for (const StageDecider &d : std::as_const(deciders)) {
            if (d.role != role)
                continue;
            const bool anyUnit = d.scope == StageScope::Bureau;
            bool merged = false;
            for (QueueReach &r : out) {
                if (r.stageRole == s.role) {
                    r.anyUnit = r.anyUnit || anyUnit;
                    merged = true;
                }
            }
            if (!merged)
                out.append(QueueReach{s.role, anyUnit});
        }
    };
    for (const Route &r : m_routes)
        std::for_each(r.stages.cbegin(), r.stages.cend(), add);
    std::for_each(m_municipal.stages.cbegin(), m_municipal.stages.cend(), add);
    return out;
}

QList<RouteEngine::EscalatedStage> RouteEngine::escalatedTo(const Person &person, ItemKind kind,
                                                            const Organization &organization) const
{
    QList<EscalatedStage> out;
    if (person.disabled)
        return out;
    // Who holds a decider, by unit (as holds() says for an item of that unit): read once per decider.
    struct Holders
    {
        QStringList everywhere; // bureau-wide
        QHash<QString, QStringList> byUnit;
        QStringList in(const QString &unitId) const { return everywhere + byUnit.value(unitId); }
    };
    QHash<QString, Holders> holdersOf; // by role and scope
    const auto holders = [&](const StageDecider &d) -> const Holders & {
        const QString key = toString(d.role) + (d.scope == StageScope::Bureau ? u"/bureau"_s : u"/unit"_s);
        if (const auto it = holdersOf.constFind(key); it != holdersOf.cend())
            return *it;
        Holders h;
        for (const Person &p : organization.people) {
            if (p.disabled)
                continue;
            for (const RoleGrant &g : p.grants) {
                if (g.role != d.role)
                    continue;
                if (d.scope == StageScope::Bureau || g.bureauWide)
                    h.everywhere.append(p.id);
                else
                    for (const QString &u : g.unitIds)
                        h.byUnit[u].append(p.id);
            }
        }
        h.everywhere.removeDuplicates();
        return *holdersOf.insert(key, h);
    };
    QSet<QString> seen;
    for (const Stage &stage : stages(kind, true)) {
        if (stage.escalation.isEmpty() || seen.contains(stage.id))
            continue;
        seen.insert(stage.id);
        QList<StageDecider> chain{stage.decider()};
        chain += stage.escalation;
        for (qsizetype k = 1; k < chain.size(); ++k) {
            if (!person.hasRole(chain[k].role))
                continue;
            for (const Unit &unit : organization.units) {
                if (!holders(chain[k]).in(unit.id).contains(person.id))
                    continue;
                // Every earlier decider: nobody, or only the one author (who can't decide their own item).
                std::optional<QString> author;
                bool reaches = true;
                for (qsizetype j = 0; j < k && reaches; ++j) {
                    for (const QString &id : holders(chain[j]).in(unit.id)) {
                        if (id == person.id || (author && *author != id)) {
                            reaches = false; // the person decides there already, or two others could
                            break;
                        }
                        author = id;
                    }
                }
                if (reaches)
                    out.append(EscalatedStage{stage.id, unit.id, author.value_or(QString())});
            }
        }
    }
    return out;
}

bool RouteEngine::holds(const Person &person, const StageDecider &decider, const Item &item)
{
    if (decider.scope == StageScope::Bureau)
        return !person.disabled && person.hasRole(decider.role);
    return person.holds(decider.role, item.unitId);
}

bool RouteEngine::onRoute(const Person &person, const Item &item, const Organization *organization) const
{
    for (const Stage &s : stages(item)) {
        if (holds(person, s.decider(), item))
            return true;
    }
    // And whoever decides the current stage where it escalated.
    const std::optional<Stage> current = currentStage(item);
    return current && organization && holds(person, deciderOf(item, *current, organization), item);
}

bool RouteEngine::canSee(const Person &person, const Item &item)
{
    return !person.disabled && (item.isLive() || seesWhole(person, item));
}

std::optional<bool> RouteEngine::canSee(const Person &person, const QString &authorId, const QString &unitId,
                                        std::optional<WorkflowState> state)
{
    if (person.disabled)
        return false;
    // Publication sets the live revision (apply()), so a published item is live.
    if (state == WorkflowState::Published)
        return true;
    return seesWhole(person, authorId, unitId, state);
}

bool RouteEngine::seesWhole(const Person &person, const Item &item)
{
    if (person.disabled)
        return false;
    if (person.id == item.authorId ||
        (!item.revisions.isEmpty() && item.revisions.first().authorId == person.id))
        return true;
    if (item.state == WorkflowState::Draft)
        return false;
    for (const RoleGrant &g : person.grants) {
        if (g.covers(item.unitId))
            return true;
    }
    return false;
}

std::optional<bool> RouteEngine::seesWhole(const Person &person, const QString &authorId,
                                           const QString &unitId, std::optional<WorkflowState> state)
{
    if (person.disabled)
        return false;
    if (person.id == authorId)
        return true;
    if (!state || *state == WorkflowState::Draft)
        return std::nullopt;
    for (const RoleGrant &g : person.grants) {
        if (g.covers(unitId))
            return true;
    }
    return std::nullopt; // perhaps its creator: only the whole item tells
}

Item RouteEngine::publicView(const Item &item)
{
    Item view;
    view.id = item.id;
    view.kind = item.kind;
    view.unitId = item.unitId;
    view.indexNumber = item.indexNumber;
    view.publishedAt = item.publishedAt;
    view.liveRevision = item.liveRevision;
    view.state = item.isLive() ? WorkflowState::Published : item.state;
    view.proposal = Proposal::New;
    if (const Revision *live = item.revision(item.liveRevision)) {
        view.revisions = {*live};
        view.authorId = item.revisions.constFirst().authorId;
    }
    return view;
}

Item RouteEngine::viewFor(const Person &person, const Item &item)
{
    return seesWhole(person, item) ? item : publicView(item);
}

bool RouteEngine::mayLearnOfDeletion(const Person &person, const QString &authorId, const QString &unitId)
{
    if (person.id == authorId)
        return true;
    for (const RoleGrant &g : person.grants) {
        if (g.covers(unitId))
            return true;
    }
    return false;
}

bool RouteEngine::isWaitingFor(const Person &person, const Item &item, const Organization *organization) const
{
    const std::optional<Stage> current = currentStage(item);
    return current && eligible(person, deciderOf(item, *current, organization), item);
}

bool RouteEngine::decidesLaterStage(const Person &person, const Item &item,
                                    const Organization *organization) const
{
    const std::optional<Stage> current = currentStage(item);
    if (!current)
        return false;
    bool after = false;
    for (const Stage &s : stages(item)) {
        if (after && eligible(person, deciderOf(item, s, organization), item))
            return true;
        after = after || s.id == current->id;
    }
    return false;
}

bool RouteEngine::eligible(const Person &person, const StageDecider &decider, const Item &item) const
{
    if (!holds(person, decider, item))
        return false;
    const Revision *latest = item.latest();
    return person.id != item.authorId && !(latest && latest->authorId == person.id) &&
           !otherStageDecidedBy(person, item);
}

StageDecider RouteEngine::deciderOf(const Item &item, const Stage &stage,
                                    const Organization *organization) const
{
    if (!organization || stage.escalation.isEmpty())
        return stage.decider();
    auto someone = [&](const StageDecider &decider) {
        return std::any_of(organization->people.cbegin(), organization->people.cend(),
                           [&](const Person &p) { return eligible(p, decider, item); });
    };
    if (someone(stage.decider()))
        return stage.decider();
    for (const StageDecider &d : stage.escalation) {
        if (someone(d))
            return d;
    }
    return stage.decider(); // nobody at all: the stage waits for its own role (the organization must change)
}

std::optional<Stage> RouteEngine::otherStageDecidedBy(const Person &person, const Item &item) const
{
    for (const Decision &d : item.decisions) {
        if (d.cycle == item.cycle && d.personId == person.id && d.stageId != item.stageId) {
            if (std::optional<Stage> s = stage(item, d.stageId))
                return s;
            Stage unknown;
            unknown.id = unknown.name = d.stageId;
            return unknown;
        }
    }
    return std::nullopt;
}

// ---- checks ---------------------------------------------------------------------------------------

Verdict RouteEngine::checkAuthor(const Person &person, const Item &item) const
{
    if (person.id != item.authorId)
        return refuse(Refusal::NotAuthor, tr("Only the author of this item can do that."));
    if (!person.holds(Role::Correspondent, item.unitId))
        return refuse(
            Refusal::OutOfScope,
            tr("You are no longer a correspondent of this item's unit; ask your unit to assign it."));
    return Verdict::allow();
}

Verdict RouteEngine::checkReview(const Person &person, const Item &item, const ActionRequest &request,
                                 const Organization *organization) const
{
    if (item.state != WorkflowState::InReview)
        return refuse(Refusal::WrongState,
                      tr("This item is not waiting for review (it is: %1).").arg(displayName(item.state)));
    const std::optional<Stage> current = currentStage(item);
    if (!current)
        return refuse(Refusal::WrongState, tr("This item is at a stage its route does not know."));
    if (!request.stageId.isEmpty() && request.stageId != current->id) {
        const QList<Stage> route = stages(item);
        const auto position = [&](const QString &id) {
            for (int i = 0; i < route.size(); ++i) {
                if (route[i].id == id)
                    return i;
            }
            return -1;
        };
        const int asked = position(request.stageId);
        if (asked >= 0 && asked < position(current->id))
            return refuse(
                Refusal::AlreadyDecided,
                tr("Stage \"%1\" was decided meanwhile; the item is now at \"%2\". Look at it again.")
                    .arg(route[asked].displayName(), current->displayName()));
        return refuse(
            Refusal::SkippingLevels,
            tr("The item is at \"%1\"; it cannot be decided at \"%2\": no stage may be skipped.")
                .arg(current->displayName(), asked >= 0 ? route[asked].displayName() : request.stageId));
    }
    const StageDecider decider = deciderOf(item, *current, organization);
    if (!holds(person, decider, item)) {
        if (person.hasRole(decider.role))
            return refuse(Refusal::OutOfScope,
                          tr("Stage \"%1\" of this unit's items is not yours: your role as "
                             "%2 covers other units.")
                              .arg(current->displayName(), displayName(decider.role)));
        return refuse(
            Refusal::NotPermitted,
            tr("Stage \"%1\" is decided by a %2.").arg(current->displayName(), displayName(decider.role)));
    }
    const Revision *latest = item.latest();
    if (person.id == item.authorId || (latest && latest->authorId == person.id))
        return refuse(Refusal::OwnRevision,
                      tr("Nobody may decide on their own item or revision; another %1 must decide.")
                          .arg(displayName(decider.role)));
    if (const std::optional<Stage> other = otherStageDecidedBy(person, item))
        return refuse(Refusal::DecidedOtherStage,
                      tr("You decided the stage \"%1\" of this item already; each stage is decided by "
                         "another person. Another %2 decides \"%3\".")
                          .arg(other->displayName(), displayName(decider.role), current->displayName()));
    if (request.action == Action::Return) {
        if (request.reason.trimmed().isEmpty())
            return refuse(Refusal::ReasonRequired,
                          tr("Say why the item is returned, so its author can revise it."));
        return Verdict::allow();
    }
    // Approve: every earlier stage must be approved in this cycle (no skipping levels).
    for (const Stage &s : stages(item)) {
        if (s.id == current->id)
            break;
        bool approved = false;
        for (const Decision &d : item.decisions) {
            if (d.cycle == item.cycle && d.stageId == s.id && d.type == DecisionType::Approve)
                approved = true;
        }
        if (!approved)
            return refuse(Refusal::StagesMissing,
                          tr("Stage \"%1\" has not approved this item; it cannot pass \"%2\".")
                              .arg(s.displayName(), current->displayName()));
    }
    if (request.content && latest && *request.content != latest->content) {
        if (const QString problem = minorEditProblem(latest->content, *request.content); !problem.isEmpty())
            return refuse(Refusal::EditNotMinor, problem);
    }
    if (isLastStage(item, current->id)) {
        // A change of a live item ending at the municipal platform alone would take the page off the
        // bureau site; only the retraction route (with its withdrawn notice) does that.
        if (current->end && *current->end == RouteEnd::MunicipalPlatform && !request.publishOnBureauSite &&
            item.isLive() && item.proposal == Proposal::Change)
            return refuse(Refusal::LivePageKept,
                          tr("This item is live on the bureau site: its change is published there too. To "
                             "take the page off the site, its unit proposes a retraction."));
        if (!request.confidentialityAttested)
            return refuse(Refusal::AttestationRequired,
                          tr("The last stage must attest the confidentiality review (保密审查): confirm that "
                             "the item contains nothing classified."));
        const RevisionContent &content = request.content ? *request.content : latest->content;
        if (publishesWithoutInterpretation(item, current->id, content, request.publishOnBureauSite) &&
            request.overrideReason.trimmed().isEmpty())
            return refuse(
                Refusal::InterpretationMissing,
                tr("A major policy document is published with its interpretation (Art. 10): link the "
                   "interpretation item, or give a reason to override, which is recorded."));
    }
    return Verdict::allow();
}

QString RouteEngine::minorEditProblem(const RevisionContent &before, const RevisionContent &after) const
{
    QStringList locked;
    if (after.columnId != before.columnId)
        locked << tr("the column");
    if (after.infoDate != before.infoDate)
        locked << tr("the information date");
    if (after.majorPolicy != before.majorPolicy)
        locked << tr("the major-policy flag");
    if (after.interpretationItemId != before.interpretationItemId)
        locked << tr("the interpretation link");
    if (after.toMunicipalPortal != before.toMunicipalPortal)
        locked << tr("the municipal-portal flag");
    if (after.meeting != before.meeting || after.meetingDate != before.meetingDate)
        locked << tr("the meeting");
    if (after.attachments != before.attachments)
        locked << tr("the attachments");
    if (after.validity != before.validity || after.validityDate != before.validityDate ||
        after.replacedByItemId != before.replacedByItemId)
        locked << tr("the validity");
    if (after.otherChannel != before.otherChannel || after.otherChannelDate != before.otherChannelDate)
        locked << tr("the other channel's release");
    if (!locked.isEmpty())
        return tr("Minor edits may not change %1: return the item to its author, who changes it and "
                  "submits it again.")
            .arg(QLocale().createSeparatedList(locked));
    const QString textBefore = before.title + u'\n' + HtmlText::plainText(before.bodyHtml);
    const QString textAfter = after.title + u'\n' + HtmlText::plainText(after.bodyHtml);
    const qsizetype changed = ItemDiff::changedCharacters(textBefore, textAfter);
    const qsizetype allowed = std::max<qsizetype>(20, textBefore.size() * m_minorEditLimitPercent / 100);
    if (changed > allowed)
        return tr("These edits change about %1 of %2 characters; more than %3% is not a minor edit. Return "
                  "the item to its author instead.")
            .arg(changed)
            .arg(textBefore.size())
            .arg(m_minorEditLimitPercent);
    return {};
}

RouteProgress RouteEngine::progress(const Item &item) const
{
    RouteProgress p;
    for (const Stage &stage : stages(item)) {
        StageProgress s;
        s.stage = stage;
        for (const Decision &d : item.decisions) {
            if (d.cycle == item.cycle && d.stageId == stage.id)
                s.decision = d;
        }
        s.waiting = !s.decision && item.state == WorkflowState::InReview && item.stageId == stage.id;
        p.stages.append(s);
    }
    for (const Decision &d : item.decisions) {
        if (d.cycle != item.cycle)
            p.earlierRounds.append(d);
    }
    return p;
}

bool RouteEngine::publishesWithoutInterpretation(const Item &item, const QString &stageId,
                                                 const RevisionContent &content,
                                                 bool publishOnBureauSite) const
{
    const std::optional<Stage> s = stage(item, stageId);
    if (!s || !isLastStage(item, stageId) || item.proposal == Proposal::Retraction)
        return false;
    const bool publishes = !s->end || *s->end == RouteEnd::Publish || publishOnBureauSite;
    return publishes && content.majorPolicy && content.interpretationItemId.isEmpty();
}

Verdict RouteEngine::check(const Person &person, const Item &item, const ActionRequest &request,
                           const Organization *organization) const
{
    if (person.disabled)
        return refuse(Refusal::PersonDisabled, tr("This account is disabled."));
    if (request.action != Action::Create && request.baseRevision >= 0 &&
        request.baseRevision != item.latestNumber())
        return refuse(Refusal::StaleRevision,
                      tr("The item changed since you saw it (someone saved or decided it meanwhile). Look at "
                         "the item as it is now, then try again."));

    switch (request.action) {
    case Action::Create:
        if (!item.revisions.isEmpty())
            return refuse(Refusal::WrongState, tr("This item already exists."));
        if (!person.holds(Role::Correspondent, item.unitId))
            return person.hasRole(Role::Correspondent)
                       ? refuse(Refusal::OutOfScope, tr("You can draft items only for your own unit."))
                       : refuse(Refusal::NotPermitted, tr("Only a correspondent can draft items."));
        if (!request.content || request.content->title.trimmed().isEmpty())
            return refuse(Refusal::ContentRequired, tr("An item needs at least a title."));
        return Verdict::allow();

    case Action::Edit:
    case Action::Submit:
    case Action::Withdraw: {
        const bool editable = item.state == WorkflowState::Draft || item.state == WorkflowState::Returned;
        if (request.action == Action::Withdraw ? item.state != WorkflowState::InReview : !editable)
            return refuse(
                Refusal::WrongState,
                request.action == Action::Withdraw
                    ? tr("Only an item in review can be withdrawn.")
                    : tr("This item is %1 and cannot be changed now; a published item is changed by "
                         "proposing a change.")
                          .arg(displayName(item.state)));
        if (Verdict v = checkAuthor(person, item); !v)
            return v;
        if (request.action == Action::Edit &&
            (!request.content || request.content->title.trimmed().isEmpty()))
            return refuse(Refusal::ContentRequired, tr("An item needs at least a title."));
        if (request.action == Action::Submit && item.revisions.isEmpty())
            return refuse(Refusal::ContentRequired, tr("There is nothing to submit yet."));
        return Verdict::allow();
    }

    case Action::Approve:
    case Action::Return:
        return checkReview(person, item, request, organization);

    case Action::Delete:
        if (item.state != WorkflowState::Draft || item.liveRevision > 0)
            return refuse(Refusal::WrongState, tr("Only a draft that was never published can be deleted."));
        if (person.id != item.authorId)
            return refuse(Refusal::NotAuthor, tr("Only the author of this item can do that."));
        return Verdict::allow();

    case Action::Comment:
        if (request.reason.trimmed().isEmpty())
            return refuse(Refusal::ReasonRequired, tr("A comment cannot be empty."));
        if (person.id == item.authorId)
            return Verdict::allow();
        if (item.state == WorkflowState::Draft)
            return refuse(Refusal::NotAuthor, tr("A draft is private to its author."));
        if (!onRoute(person, item, organization))
            return refuse(Refusal::NotPermitted,
                          tr("Only the author and the reviewers of this item can comment."));
        return Verdict::allow();

    case Action::ProposeChange:
    case Action::ProposeRetraction:
        if (item.state != WorkflowState::Published)
            return refuse(Refusal::WrongState,
                          tr("Only a published item with nothing in review can be changed or "
                             "retracted."));
        if (!person.holds(Role::Correspondent, item.unitId))
            return person.hasRole(Role::Correspondent)
                       ? refuse(Refusal::OutOfScope,
                                tr("You can change or retract only your own unit's items."))
                       : refuse(Refusal::NotPermitted,
                                tr("Only a correspondent can propose a change or retraction."));
        if (request.action == Action::ProposeChange &&
            (!request.content || request.content->title.trimmed().isEmpty()))
            return refuse(Refusal::ContentRequired, tr("A change needs the changed item."));
        if (request.action == Action::ProposeRetraction && request.reason.trimmed().isEmpty())
            return refuse(Refusal::ReasonRequired, tr("Say why the item is to be retracted."));
        return Verdict::allow();
    }
    return refuse(Refusal::NotPermitted, tr("Unknown action."));
}

bool RouteEngine::mayEdit(const Person &person, const Item &item) const
{
    return !person.disabled &&
           (item.state == WorkflowState::Draft || item.state == WorkflowState::Returned) &&
           checkAuthor(person, item).allowed();
}

bool RouteEngine::mayTake(const Person &person, const Item &item, Action action) const
{
    ActionRequest request;
    request.action = action;
    return check(person, item, request).allowed();
}

// ---- applying -------------------------------------------------------------------------------------

Verdict RouteEngine::apply(const Person &person, Item &item, const ActionRequest &request,
                           const QDateTime &now, const Organization *organization) const
{
    const Verdict verdict = check(person, item, request, organization);
    if (!verdict)
        return verdict;

    // A version sent round at once: a proposed change, a reviewer's minor edits.
    auto addSentRevision = [&](const RevisionContent &content) {
        Revision r;
        r.number = item.latestNumber() + 1;
        r.authorId = person.id;
        r.createdAt = now;
        r.content = content;
        r.sent = true;
        item.revisions.append(r);
    };
    auto enterReview = [&] {
        ++item.cycle;
        item.submittedAt = now;
        if (!item.firstSubmittedAt.isValid() && item.proposal == Proposal::New)
            item.firstSubmittedAt = now;
        item.state = WorkflowState::InReview;
        item.stageId = stages(item).constFirst().id;
    };

    switch (request.action) {
    case Action::Create:
        item.authorId = person.id;
        item.state = WorkflowState::Draft;
        item.proposal = Proposal::New;
        item.recordEdit(person.id, *request.content, now);
        break;
    case Action::Edit:
        // The author's working version takes the save in place: no new 第N稿 (issue #15).
        item.recordEdit(person.id, *request.content, now);
        break;
    case Action::Submit:
        item.revisions.last().sent = true;
        enterReview();
        break;
    case Action::Withdraw:
        item.state = WorkflowState::Draft;
        item.stageId.clear();
        break;
    case Action::Comment:
        item.comments.append(Comment{person.id, item.latestNumber(), request.reason.trimmed(), now});
        break;
    case Action::Delete:
        // Nothing changes in the item: the store removes it (and leaves a tombstone in the feed).
        break;
    case Action::ProposeChange:
        item.authorId = person.id;
        item.proposal = Proposal::Change;
        addSentRevision(*request.content);
        enterReview();
        break;
    case Action::ProposeRetraction:
        item.authorId = person.id;
        item.proposal = Proposal::Retraction;
        item.comments.append(Comment{person.id, item.latestNumber(), request.reason.trimmed(), now});
        enterReview();
        break;
    case Action::Return:
    case Action::Approve: {
        const Stage current = *currentStage(item);
        if (request.action == Action::Approve && request.content &&
            *request.content != item.latest()->content)
            addSentRevision(*request.content); // minor edits by the reviewer, shown to the author as a diff
        Decision d;
        d.stageId = current.id;
        d.personId = person.id;
        d.type = request.action == Action::Approve ? DecisionType::Approve : DecisionType::Return;
        d.revision = item.latestNumber();
        d.reason = request.reason.trimmed();
        d.confidentialityAttested = request.confidentialityAttested;
        d.overrideReason = request.overrideReason.trimmed();
        d.cycle = item.cycle;
        d.at = now;
        item.decisions.append(d);
        if (request.action == Action::Return) {
            item.state = WorkflowState::Returned;
            item.stageId.clear();
        } else if (!current.end) {
            item.stageId = current.next;
        } else {
            item.stageId.clear();
            if (item.proposal == Proposal::Retraction) {
                item.state = WorkflowState::Retracted;
            } else if (*current.end == RouteEnd::Publish || request.publishOnBureauSite) {
                item.state = WorkflowState::Published;
                item.liveRevision = item.latestNumber();
                if (!item.publishedAt.isValid())
                    item.publishedAt = now; // set once, never edited (docs/design.md §13: dates are facts)
                item.proposal = Proposal::New;
            } else {
                item.state = WorkflowState::SentToMunicipal;
            }
        }
        break;
    }
    }
    qCDebug(lcRoutes) << "applied" << toString(request.action) << "by" << person.id << "on" << item.id << "->"
                      << toString(item.state) << item.stageId;
    return verdict;
}

} // namespace baosong
