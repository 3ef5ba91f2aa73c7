#pragma once

// The route engine (docs/design.md §2; regulation Art. 13, 14, 10): which stages an item passes through,
// and for a person, an item and an action, whether the action is allowed and why not. Routes are
// data (resources/routes.json); the engine validates the file at load. Both the client (for comfort)
// and the server (the authority) ask the same engine.

#include "Domain.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace baosong {

class Organization;

enum class StageScope
{
    ItemUnit, // the role must be held for the item's unit (unit head: own units; leader: overseen units)
    Bureau,   // the role held anywhere in the bureau (office director, site administrator)
};

enum class RouteEnd
{
    Publish,           // published on the bureau site
    MunicipalPlatform, // sent to the municipal platform (Art. 14); the reviewer decides on the bureau site
};

// Who decides a stage: a role, held in a scope.
struct StageDecider
{
    Role role = Role::UnitHead;
    StageScope scope = StageScope::ItemUnit;
    bool operator==(const StageDecider &) const = default;
};

struct Stage
{
    QString id;
    QString name;   // Chinese name, as in the regulation
    QString nameEn; // English name
    Role role = Role::UnitHead;
    StageScope scope = StageScope::ItemUnit;
    QString next; // next stage id, or empty when this stage ends the route (see `end`)
    std::optional<RouteEnd> end;
    // Where nobody eligible holds `role` (every holder is the author, made the latest revision or
    // decided another stage of the cycle; or there is none), the first of these with someone eligible
    // decides instead (the route file's "escalation", e.g. the leader in charge, then the office
    // director).
    QList<StageDecider> escalation;

    StageDecider decider() const { return {role, scope}; }

    // The name in the UI language.
    QString displayName() const;
};

enum class Action
{
    Create,            // a correspondent creates a draft for a unit
    Edit,              // the author saves a new revision of a draft or returned item
    Submit,            // the author sends the draft into review
    Approve,           // a reviewer passes the current stage (optionally with minor edits)
    Return,            // a reviewer returns the item to its author, with a reason
    Comment,           // anyone on the item's route, or its author, comments
    Withdraw,          // the author takes an item in review back
    ProposeChange,     // a correspondent of the unit proposes a change to a published item
    ProposeRetraction, // a correspondent of the unit proposes retracting a published item
    Delete,            // the author deletes a draft that was never published
};

namespace keys {
QString toString(Action a);
std::optional<Action> actionFromString(const QString &s);
} // namespace keys
QString displayName(Action a);

struct ActionRequest
{
    Action action = Action::Comment;
    // The revision the person saw when acting (docs/design.md §7); -1: not given (local checks only).
    int baseRevision = -1;
    // The stage the reviewer means to act on; empty means "the current one".
    QString stageId;
    // Mandatory for Return and ProposeRetraction; the text for Comment.
    QString reason;
    // The new content for Create, Edit, ProposeChange, and Approve with minor edits.
    std::optional<RevisionContent> content;
    // Approve at the last stage: the reviewer attests 保密审查 (docs/design.md §4).
    bool confidentialityAttested = false;
    // Approve at the end of the municipal-portal route: also publish on the bureau site (Art. 14).
    bool publishOnBureauSite = true;
    // A recorded reason that overrides a blocking rule which allows overriding (Art. 10).
    QString overrideReason;
    // Submit: the keys of the client's blocking checks the author overrode with that reason (core/Checks).
    QStringList overriddenChecks;
};

enum class Refusal
{
    None,
    PersonDisabled,
    NotPermitted,          // the person doesn't hold the role the action needs
    OutOfScope,            // the person holds the role, but not for this item's unit
    WrongState,            // the action doesn't apply to the item's state
    SkippingLevels,        // acting on a stage other than the current one (Art. 14: 绝不可越级)
    StagesMissing,         // an earlier stage of the route has no approval in this cycle
    OwnRevision,           // four-eyes: nobody approves their own item or revision
    NotAuthor,             // only the author may do this
    ReasonRequired,        // return / retraction without a reason
    ContentRequired,       // create / edit / change without content
    AttestationRequired,   // last stage without the confidentiality attestation
    InterpretationMissing, // a major policy document without its interpretation (Art. 10)
    StaleRevision,         // acted on a revision other than the latest (docs/design.md §7)
    AlreadyDecided,        // the stage acted on was decided by someone else meanwhile (a conflict)
    ChecksFailed,          // the content checks (core/Checks) stop the step (the server's judgement)
    EditNotMinor,          // "approve with minor edits" changes what decides the route or rules, or too much
    LivePageKept,          // a step would take a live page off the site without the retraction route
    DecidedOtherStage,     // the person decided another stage of this cycle: one person, one stage
    UnknownAttachment,     // the content names a file the server does not have for this person (the server's)
};

namespace keys {
QString toString(Refusal r);
} // namespace keys

struct Verdict
{
    Refusal refusal = Refusal::None;
    QString reason; // translated, says what to do

    bool allowed() const { return refusal == Refusal::None; }
    explicit operator bool() const { return allowed(); }
    static Verdict allow() { return {}; }
};

// An item's route as it stands (the review pane and the approval slip show it): each stage of the
// current cycle with its decision, if any, and whether it waits now; then the decisions of earlier
// cycles (the rounds that ended in a return), in order.
struct StageProgress
{
    Stage stage;
    std::optional<Decision> decision; // the last decision on this stage in the current cycle
    bool waiting = false;             // the stage the item waits at now (in review)
};

struct RouteProgress
{
    QList<StageProgress> stages;
    QList<Decision> earlierRounds;
};

class RouteEngine
{
    Q_DECLARE_TR_FUNCTIONS(RouteEngine)

public:
    // Parses and validates a route definition. On failure returns false and sets *error to a
    // translated message naming the route and stage at fault.
    static bool load(const QByteArray &json, RouteEngine *out, QString *error);
    static bool loadFile(const QString &path, RouteEngine *out, QString *error);
    // The definition shipped in resources (":/baosong/routes.json").
    static const RouteEngine &builtin();

    // The stages an item of `kind` passes through, in order; with `toMunicipalPortal` the kind's own
    // route continues into the municipal-portal stages (Art. 14).
    QList<Stage> stages(ItemKind kind, bool toMunicipalPortal = false) const;
    QList<Stage> stages(const Item &item) const;
    std::optional<Stage> stage(const Item &item, const QString &stageId) const;
    std::optional<Stage> currentStage(const Item &item) const;
    bool isLastStage(const Item &item, const QString &stageId) const;
    // Where `item` stands on its route, stage by stage (see RouteProgress).
    RouteProgress progress(const Item &item) const;
    // Art. 10: whether approving `item` at stage `stageId` with `content` would publish a major policy
    // document with no interpretation linked — the approval then needs a recorded override reason.
    // `publishOnBureauSite`: the reviewer's choice at the end of the municipal-portal route.
    bool publishesWithoutInterpretation(const Item &item, const QString &stageId,
                                        const RevisionContent &content, bool publishOnBureauSite) const;
    // Which stages a holder of `role` may come to decide, for reading a queue: the stages' own
    // roles (the items' stored stage role) with `role` among their deciders, escalations included,
    // and whether in any unit (a bureau-wide decider) or only in the units the holder's grant covers.
    struct QueueReach
    {
        Role stageRole = Role::UnitHead;
        bool anyUnit = false;
    };
    QList<QueueReach> queueReach(Role role) const;
    // For a list of what waits for `person` read without the items (the client's "Waiting for me"):
    // the stages of `kind`'s routes that escalate to them in a unit as far as `organization` tells —
    // where each holder in the unit of every earlier decider of the stage (its own role, then the
    // escalations before the person's) is disabled, missing or the item's author; then only that
    // author's items (authorId; empty: anyone's). Where the cycle's decisions or the latest revision
    // make the difference, the item itself tells (isWaitingFor()).
    struct EscalatedStage
    {
        QString stageId;
        QString unitId;
        QString authorId;
    };
    QList<EscalatedStage> escalatedTo(const Person &person, ItemKind kind,
                                      const Organization &organization) const;
    // Whether any of the person's roles may come to decide a stage (a reviewer, not only a
    // correspondent): what the client offers decisions to.
    bool decidesAnyStage(const Person &person) const;
    // Who decides `stage` of `item` now: the stage's own role, unless nobody in `organization` is
    // eligible for it (a holder in scope who is not the author, did not make the latest revision
    // and decided no other stage of this cycle); then the first escalation that has someone. Without
    // an organization, or with nobody eligible anywhere, the stage's own role.
    StageDecider deciderOf(const Item &item, const Stage &stage, const Organization *organization) const;
    // "Approve with minor edits" (docs/design.md §2): a reviewer may correct the title and the body, but
    // not change what decides the route or the rules — the column, the information date, the major-
    // policy flag, the interpretation link, the municipal-portal flag, the meeting, the attachments —
    // nor rewrite more than minorEditLimitPercent() of the text (at least 20 characters are always
    // allowed). Returns why not (translated, saying to return the item instead), or empty.
    QString minorEditProblem(const RevisionContent &before, const RevisionContent &after) const;
    // The route file's "minor_edit_limit_percent" (default 30).
    int minorEditLimitPercent() const { return m_minorEditLimitPercent; }

    // Whether `person` may see `item` at all (docs/design.md §8: the server shows a person only what their
    // roles allow): its author; anyone, once it is live on the public site; otherwise, when it is not
    // a private draft, holders of a role for its unit and bureau-wide roles.
    static bool canSee(const Person &person, const Item &item);
    // canSee() from an item's author, unit and state alone where they settle it (the change feed
    // reads no item it need not): true or false, or nullopt where only the whole item can tell (a
    // draft's first revision, whether an item not published is still live).
    static std::optional<bool> canSee(const Person &person, const QString &authorId, const QString &unitId,
                                      std::optional<WorkflowState> state);
    // Whether `person` sees all of `item` (docs/design.md §8): its author or creator, or, once it is out
    // of the draft, holders of a role for its unit and bureau-wide roles. Anyone else who may see it
    // (a live item) sees only publicView().
    static bool seesWhole(const Person &person, const Item &item);
    // The same from the change feed's columns where they settle it (true), nullopt otherwise.
    static std::optional<bool> seesWhole(const Person &person, const QString &authorId, const QString &unitId,
                                         std::optional<WorkflowState> state);
    // What the public site shows of a live item, and all that other units see of it: the live revision
    // alone, as published — no change or retraction in review, no earlier or returned revisions, no
    // decisions, reasons or comments.
    static Item publicView(const Item &item);
    // `item` as `person` may see it: whole, or its public view (call only where canSee() is true).
    static Item viewFor(const Person &person, const Item &item);
    // Whether `person` may learn that a deleted item is gone (the feed's tombstones): its author, and
    // holders of a role for its unit or bureau-wide.
    static bool mayLearnOfDeletion(const Person &person, const QString &authorId, const QString &unitId);
    // Whether `item` waits for `person`'s decision: in review at a stage whose role the person holds
    // in scope, not their own item or revision, and no other stage of this cycle decided by them (one
    // person decides at most one stage: their queue, "Waiting for me").
    // `organization` (the people) decides escalation (Stage::escalation); without it, none.
    bool isWaitingFor(const Person &person, const Item &item,
                      const Organization *organization = nullptr) const;
    // Art. 9: whether `person` will decide a stage of `item`'s route after the one it is at (eligible
    // as isWaitingFor() would be there): whom an urgent item notifies at once, before it reaches them.
    bool decidesLaterStage(const Person &person, const Item &item,
                           const Organization *organization = nullptr) const;

    // Whether `person` may open `item` for editing: a draft or returned item of theirs, in a unit they
    // are still a correspondent of (the checks of Edit and Submit without the content).
    bool mayEdit(const Person &person, const Item &item) const;
    // Whether `person` may take `action` (one needing no content or reason: Withdraw, Delete) on `item`.
    bool mayTake(const Person &person, const Item &item, Action action) const;

    // Whether `person` may take `request` on `item`, and why not. `organization` (the people) decides
    // who decides a stage where the route escalates (see deciderOf()); the server always passes it.
    Verdict check(const Person &person, const Item &item, const ActionRequest &request,
                  const Organization *organization = nullptr) const;

    // Checks, then applies the action to `item` (state, stage, revisions, decisions, comments).
    // `now` stamps revisions and decisions; publication time is set once, at first publication.
    // On refusal `item` is left unchanged.
    Verdict apply(const Person &person, Item &item, const ActionRequest &request, const QDateTime &now,
                  const Organization *organization = nullptr) const;

private:
    struct Route
    {
        QString first;
        QList<Stage> stages; // in route order
    };
    QHash<ItemKind, Route> m_routes;
    Route m_municipal;
    int m_minorEditLimitPercent = 30;

    static bool parseRoute(const QJsonObject &o, const QString &label, bool municipal, Route *out,
                           QString *error);
    Verdict checkReview(const Person &person, const Item &item, const ActionRequest &request,
                        const Organization *organization) const;
    Verdict checkAuthor(const Person &person, const Item &item) const;
    bool onRoute(const Person &person, const Item &item, const Organization *organization) const;
    // Another stage of the item's current cycle that `person` decided, if any.
    std::optional<Stage> otherStageDecidedBy(const Person &person, const Item &item) const;
    static bool holds(const Person &person, const StageDecider &decider, const Item &item);
    // Whether `person` could decide the current stage of `item` as `decider`: holds it in scope, is
    // not the author, made not the latest revision and decided no other stage of the cycle.
    bool eligible(const Person &person, const StageDecider &decider, const Item &item) const;
};

} // namespace baosong
