// Route engine: every kind × every stage × every role (in and out of scope) × approve, return,
// comment, withdraw — allowed or refused as the regulation (Art. 13, 14, 10) says — plus the rules
// the table cannot show: four-eyes, skipping levels, reasons, attestation, stale revisions, changes
// and retractions of published items, the municipal portal, Art. 10.

#include "Disclosure.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

// The regulation, written down independently of resources/routes.json: the stages of each kind's
// route and who decides each one. `bureau` stages are decided by the bureau-wide holder of the role.
struct ExpectedStage
{
    Role role;
    bool bureau;
};

QList<ExpectedStage> expectedRoute(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Disclosure: // 第十三条1: 科室(单位)负责人审核 → 分管领导审签
        return {{Role::UnitHead, false}, {Role::LeaderInCharge, false}};
    case ItemKind::CollectiveDecision: // 第十三条2: 科室(单位)负责人审核
        return {{Role::UnitHead, false}};
    case ItemKind::News: // 第十三条3: 科室(单位)负责人审核 → 办公室主任审签
        return {{Role::UnitHead, false}, {Role::OfficeDirector, true}};
    case ItemKind::Repost: // 第十三条4: 网站管理人员严格把关
        return {{Role::SiteAdministrator, true}};
    }
    return {};
}

// 第十四条: 局办公室审核 → 政务网站管理者审查 → 市政府网站集约化平台
const QList<ExpectedStage> kMunicipal{{Role::OfficeDirector, true}, {Role::SiteAdministrator, true}};

const QString kUnitA = u"unit_a"_s;
const QString kUnitB = u"unit_b"_s;

Person person(const QString &id, Role role, const QString &unit)
{
    Person p;
    p.id = id;
    p.name = id;
    p.unitId = unit;
    p.grants.append(RoleGrant{role, {unit}, false});
    return p;
}

Person author()
{
    return person(u"author"_s, Role::Correspondent, kUnitA);
}

// A person holding `role` for unit A (in scope) or only for unit B (out of scope).
Person persona(Role role, bool inScope)
{
    return person(toString(role) + (inScope ? u"_in"_s : u"_out"_s), role, inScope ? kUnitA : kUnitB);
}

RevisionContent content(const QString &title, bool municipal = false)
{
    RevisionContent c;
    c.title = title;
    c.bodyHtml = u"<p>正文</p>"_s;
    c.infoDate = QDate(2026, 11, 20);
    c.toMunicipalPortal = municipal;
    return c;
}

const QDateTime kNow(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

ActionRequest req(Action a, const QString &reason = {})
{
    ActionRequest r;
    r.action = a;
    r.reason = reason;
    r.confidentialityAttested = true;
    return r;
}

// An item of `kind` created and submitted by the author.
Item submitted(ItemKind kind, bool municipal = false)
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item;
    item.id = u"item-1"_s;
    item.kind = kind;
    item.unitId = kUnitA;
    ActionRequest create = req(Action::Create);
    create.content = content(u"关于开展国土空间规划公众意见征询的通知"_s, municipal);
    [&] { QVERIFY(e.apply(author(), item, create, kNow)); }();
    [&] { QVERIFY(e.apply(author(), item, req(Action::Submit), kNow)); }();
    return item;
}

// The decider of stage `s` of `route`: a person of their own for each stage (one person, one stage).
Person decider(const QList<ExpectedStage> &route, int s)
{
    return person(toString(route[s].role) + u"_stage%1"_s.arg(s), route[s].role, kUnitA);
}

} // namespace

class TestRouteEngine : public QObject
{
    Q_OBJECT

private slots:
    void builtinMatchesRegulation();
    void mayEditAndMayTake();
    void stageMatrix_data();
    void stageMatrix();
    void wholeRouteForEveryKind_data();
    void wholeRouteForEveryKind();
    void selfApprovalRefused();
    void reviewerEditsThenCannotApproveOwnRevision();
    void skippingLevelsRefused();
    void earlierStageMissingRefused();
    void returnNeedsReason_data();
    void returnNeedsReason();
    void returnedItemRevisedAndResubmitted();
    void savesReplaceTheWorkingVersion();
    void attestationAtLastStage();
    void staleRevisionRefused();
    void changeOfPublishedItemKeepsLiveVersion();
    void retractionOfPublishedItem();
    void proposalsNeedPublishedItemAndScope();
    void municipalPortal();
    void minorEditsStayMinor();
    void liveChangeNeverUnpublishesSilently();
    void majorPolicyNeedsInterpretation();
    void interpretationNotNeededWhereNothingIsPublished();
    void progressStageByStage();
    void draftsArePrivate();
    void disabledPersonRefused();
    void authorActions();
    void actionNamesRoundTrip();
    void visibility();
    void waitingFor();
    void deleteDraft();
    void queueReach();
    void laterStagesOfTheRoute();
    void escalationWhereNobodyIsEligible();
    void indexNumber();
};

void TestRouteEngine::builtinMatchesRegulation()
{
    const RouteEngine &e = RouteEngine::builtin();
    for (ItemKind kind : allItemKinds()) {
        const QList<Stage> stages = e.stages(kind);
        const QList<ExpectedStage> expected = expectedRoute(kind);
        QCOMPARE(stages.size(), expected.size());
        for (int i = 0; i < stages.size(); ++i) {
            QCOMPARE(stages[i].role, expected[i].role);
            QCOMPARE(stages[i].scope == StageScope::Bureau, expected[i].bureau);
            QVERIFY(!stages[i].name.isEmpty());
        }
        QVERIFY(stages.last().end.has_value());
        QCOMPARE(*stages.last().end, RouteEnd::Publish);
        const QList<Stage> withPortal = e.stages(kind, true);
        QCOMPARE(withPortal.size(), expected.size() + kMunicipal.size());
        QCOMPARE(*withPortal.last().end, RouteEnd::MunicipalPlatform);
        for (int i = 0; i < kMunicipal.size(); ++i)
            QCOMPARE(withPortal[expected.size() + i].role, kMunicipal[i].role);
    }
}

void TestRouteEngine::stageMatrix_data()
{
    QTest::addColumn<ItemKind>("kind");
    QTest::addColumn<bool>("municipal");
    QTest::addColumn<int>("stageIndex");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("inScope");
    QTest::addColumn<Action>("action");
    QTest::addColumn<bool>("allowed");

    const QList<Action> actions{Action::Approve, Action::Return, Action::Comment, Action::Withdraw};
    for (ItemKind kind : allItemKinds()) {
        for (bool municipal : {false, true}) {
            QList<ExpectedStage> route = expectedRoute(kind);
            if (municipal)
                route += kMunicipal;
            for (int s = 0; s < route.size(); ++s) {
                for (Role role : allRoles()) {
                    for (bool inScope : {true, false}) {
                        const bool decides = role == route[s].role && (inScope || route[s].bureau);
                        bool onRoute = false;
                        for (const ExpectedStage &st : route)
                            onRoute = onRoute || (role == st.role && (inScope || st.bureau));
                        for (Action a : actions) {
                            bool allowed = false;
                            if (a == Action::Approve || a == Action::Return)
                                allowed = decides;
                            else if (a == Action::Comment)
                                allowed = onRoute;
                            // Withdraw: only the author, never a reviewer.
                            QTest::addRow("%s%s/stage%d/%s/%s/%s", qPrintable(toString(kind)),
                                          municipal ? "+portal" : "", s, qPrintable(toString(role)),
                                          inScope ? "in" : "out", qPrintable(toString(a)))
                                << kind << municipal << s << role << inScope << a << allowed;
                        }
                    }
                }
            }
        }
    }
}

void TestRouteEngine::stageMatrix()
{
    QFETCH(ItemKind, kind);
    QFETCH(bool, municipal);
    QFETCH(int, stageIndex);
    QFETCH(Role, role);
    QFETCH(bool, inScope);
    QFETCH(Action, action);
    QFETCH(bool, allowed);

    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(kind, municipal);
    QList<ExpectedStage> route = expectedRoute(kind);
    if (municipal)
        route += kMunicipal;
    // Bring the item to stage `stageIndex` through the proper deciders.
    for (int s = 0; s < stageIndex; ++s)
        QVERIFY(e.apply(decider(route, s), item, req(Action::Approve), kNow));
    QCOMPARE(item.state, WorkflowState::InReview);
    QCOMPARE(e.currentStage(item)->role, route[stageIndex].role);

    const Person actor = persona(role, inScope);
    const Verdict v = e.check(actor, item, req(action, u"请补充依据"_s));
    QVERIFY2(v.allowed() == allowed, qPrintable(v.reason));
    if (!allowed) {
        QVERIFY(!v.reason.isEmpty());
        if (action == Action::Withdraw)
            QCOMPARE(v.refusal, Refusal::NotAuthor);
        else if ((action == Action::Approve || action == Action::Return) && role == route[stageIndex].role)
            QCOMPARE(v.refusal, Refusal::OutOfScope);
        else
            QCOMPARE(v.refusal, Refusal::NotPermitted);
    }
    // apply agrees with check and leaves a refused item unchanged.
    const Item before = item;
    const Verdict applied = e.apply(actor, item, req(action, u"请补充依据"_s), kNow);
    QCOMPARE(applied.allowed(), allowed);
    if (!allowed)
        QCOMPARE(item, before);
}

void TestRouteEngine::wholeRouteForEveryKind_data()
{
    QTest::addColumn<ItemKind>("kind");
    QTest::addColumn<bool>("municipal");
    for (ItemKind kind : allItemKinds()) {
        QTest::addRow("%s", qPrintable(toString(kind))) << kind << false;
        QTest::addRow("%s+portal", qPrintable(toString(kind))) << kind << true;
    }
}

void TestRouteEngine::wholeRouteForEveryKind()
{
    QFETCH(ItemKind, kind);
    QFETCH(bool, municipal);
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(kind, municipal);
    QList<ExpectedStage> route = expectedRoute(kind);
    if (municipal)
        route += kMunicipal;
    for (int s = 0; s < route.size(); ++s) {
        QCOMPARE(item.state, WorkflowState::InReview);
        QVERIFY(!item.isLive());
        QVERIFY(e.apply(decider(route, s), item, req(Action::Approve), kNow));
    }
    QCOMPARE(item.state, WorkflowState::Published);
    QCOMPARE(item.liveRevision, 1);
    QCOMPARE(item.publishedAt, kNow);
    QVERIFY(item.isLive());
    // Every stage of the route is recorded, in order, in this cycle.
    QCOMPARE(item.decisions.size(), route.size());
    const QList<Stage> stages = e.stages(item);
    for (int s = 0; s < route.size(); ++s) {
        QCOMPARE(item.decisions[s].stageId, stages[s].id);
        QCOMPARE(item.decisions[s].cycle, 1);
        QCOMPARE(item.decisions[s].type, DecisionType::Approve);
    }
    QVERIFY(item.decisions.last().confidentialityAttested);
    // Nothing more to decide.
    QCOMPARE(e.check(decider(route, int(route.size()) - 1), item, req(Action::Approve)).refusal,
             Refusal::WrongState);
}

void TestRouteEngine::selfApprovalRefused()
{
    const RouteEngine &e = RouteEngine::builtin();
    // The head of unit A is also its correspondent, and drafts an item herself.
    Person head = person(u"head"_s, Role::Correspondent, kUnitA);
    head.grants.append(RoleGrant{Role::UnitHead, {kUnitA}, false});
    Item item;
    item.kind = ItemKind::News;
    item.unitId = kUnitA;
    ActionRequest create = req(Action::Create);
    create.content = content(u"局内动态"_s);
    QVERIFY(e.apply(head, item, create, kNow));
    QVERIFY(e.apply(head, item, req(Action::Submit), kNow));
    const Verdict v = e.check(head, item, req(Action::Approve));
    QCOMPARE(v.refusal, Refusal::OwnRevision);
    QCOMPARE(e.check(head, item, req(Action::Return, u"自己退回"_s)).refusal, Refusal::OwnRevision);
    // Another head of the unit may.
    QVERIFY(e.check(persona(Role::UnitHead, true), item, req(Action::Approve)));
}

void TestRouteEngine::reviewerEditsThenCannotApproveOwnRevision()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    // The office director also holds unit head for A: approves the first stage with minor edits...
    Person both = persona(Role::UnitHead, true);
    both.grants.append(RoleGrant{Role::OfficeDirector, {}, true});
    ActionRequest edit = req(Action::Approve);
    edit.content = item.latest()->content;
    edit.content->title = u"关于开展国土空间规划公众意见征询的公告"_s;
    QVERIFY(e.apply(both, item, edit, kNow));
    QCOMPARE(item.latestNumber(), 2);
    QCOMPARE(item.latest()->authorId, both.id);
    QCOMPARE(item.decisions.last().revision, 2);
    // ...and may not sign off the revision they wrote.
    QCOMPARE(e.check(both, item, req(Action::Approve)).refusal, Refusal::OwnRevision);
    QVERIFY(e.check(persona(Role::OfficeDirector, true), item, req(Action::Approve)));
}

void TestRouteEngine::skippingLevelsRefused()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::Disclosure);
    // The leader in charge tries to sign before the unit head reviewed.
    ActionRequest jump = req(Action::Approve);
    jump.stageId = u"leader_signoff"_s;
    const Verdict v = e.check(persona(Role::LeaderInCharge, true), item, jump);
    QCOMPARE(v.refusal, Refusal::SkippingLevels);
    QVERIFY(!v.reason.isEmpty());
    // Without naming a stage, the leader is simply not the decider of the current one.
    QCOMPARE(e.check(persona(Role::LeaderInCharge, true), item, req(Action::Approve)).refusal,
             Refusal::NotPermitted);
    // A stage that is not on the route at all is no way round either.
    ActionRequest unknown = req(Action::Approve);
    unknown.stageId = u"mayor_signoff"_s;
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, unknown).refusal, Refusal::SkippingLevels);
    // Acting on a stage someone else already decided is a conflict, not a skip.
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    ActionRequest back = req(Action::Approve);
    back.stageId = u"unit_review"_s;
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, back).refusal, Refusal::AlreadyDecided);
}

void TestRouteEngine::earlierStageMissingRefused()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::Disclosure);
    // A store tampered into the second stage without the first one's approval in this cycle.
    item.stageId = u"leader_signoff"_s;
    const Verdict v = e.check(persona(Role::LeaderInCharge, true), item, req(Action::Approve));
    QCOMPARE(v.refusal, Refusal::StagesMissing);
    // An approval from an earlier cycle does not count either.
    item.decisions.append(
        Decision{u"unit_review"_s, u"unit_head_in"_s, DecisionType::Approve, 1, {}, false, {}, 0, kNow});
    QCOMPARE(e.check(persona(Role::LeaderInCharge, true), item, req(Action::Approve)).refusal,
             Refusal::StagesMissing);
}

void TestRouteEngine::returnNeedsReason_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << u"  \n\t "_s << false;
    QTest::newRow("ideographic space") << u"\u3000"_s << false;
    QTest::newRow("given") << u"数据需核实"_s << true;
}

void TestRouteEngine::returnNeedsReason()
{
    QFETCH(QString, reason);
    QFETCH(bool, allowed);
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    const Verdict v = e.check(persona(Role::UnitHead, true), item, req(Action::Return, reason));
    QCOMPARE(v.allowed(), allowed);
    if (!allowed)
        QCOMPARE(v.refusal, Refusal::ReasonRequired);
}

void TestRouteEngine::returnedItemRevisedAndResubmitted()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::Disclosure);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::LeaderInCharge, true), item, req(Action::Return, u"文号有误"_s), kNow));
    QCOMPARE(item.state, WorkflowState::Returned);
    QCOMPARE(item.decisions.last().reason, u"文号有误"_s);
    QCOMPARE(e.check(persona(Role::LeaderInCharge, true), item, req(Action::Approve)).refusal,
             Refusal::WrongState);

    ActionRequest edit = req(Action::Edit);
    edit.content = item.latest()->content;
    edit.content->documentNumber = u"巴自然资规〔2026〕12号"_s;
    QVERIFY(e.apply(author(), item, edit, kNow));
    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    QCOMPARE(item.cycle, 2);
    // The route starts again from the first stage; the earlier approval does not carry over.
    QCOMPARE(item.stageId, u"unit_review"_s);
    QCOMPARE(e.check(persona(Role::LeaderInCharge, true), item, req(Action::Approve)).refusal,
             Refusal::NotPermitted);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::LeaderInCharge, true), item, req(Action::Approve), kNow));
    QCOMPARE(item.state, WorkflowState::Published);
    QCOMPARE(item.liveRevision, 2);
}

// Issue #15 point 6: a 第N稿 is a version sent round. The author's saves replace their working version
// in place (under a new number, so a stale step is still refused); submitting sends it round; after a
// return the next save starts a new version; a reviewer's edits are a version of their own.
void TestRouteEngine::savesReplaceTheWorkingVersion()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item;
    item.id = u"item-1"_s;
    item.kind = ItemKind::News;
    item.unitId = kUnitA;
    ActionRequest create = req(Action::Create);
    create.content = content(u"初稿"_s);
    QVERIFY(e.apply(author(), item, create, kNow));
    QCOMPARE(item.revisions.size(), 1);
    QVERIFY(!item.latest()->sent);
    for (int i = 1; i <= 10; ++i) { // two minutes of autosaves
        ActionRequest edit = req(Action::Edit);
        edit.baseRevision = item.latestNumber();
        edit.content = content(u"初稿，第%1次保存"_s.arg(i));
        QVERIFY(e.apply(author(), item, edit, kNow.addSecs(12 * i)));
    }
    QCOMPARE(item.revisions.size(), 1); // still 第1稿
    QCOMPARE(item.latestNumber(), 11);
    QCOMPARE(item.versionOrdinal(item.latestNumber()), 1);
    QCOMPARE(item.latest()->content.title, u"初稿，第10次保存"_s);
    QCOMPARE(item.latest()->createdAt, kNow.addSecs(120));
    // A save made on a number since replaced is stale, as before.
    ActionRequest stale = req(Action::Edit);
    stale.baseRevision = 5;
    stale.content = content(u"另一台电脑上的旧稿"_s);
    QCOMPARE(e.check(author(), item, stale).refusal, Refusal::StaleRevision);

    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    QVERIFY(item.latest()->sent);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Return, u"请补充时间"_s), kNow));
    QCOMPARE(item.decisions.last().revision, 11);
    for (int i = 0; i < 3; ++i) {
        ActionRequest edit = req(Action::Edit);
        edit.baseRevision = item.latestNumber();
        edit.content = content(u"第二稿 %1"_s.arg(i));
        QVERIFY(e.apply(author(), item, edit, kNow));
    }
    QCOMPARE(item.revisions.size(), 2); // the returned version stays; 第2稿 is the working one
    QCOMPARE(item.revisions.first().content.title, u"初稿，第10次保存"_s);
    QCOMPARE(item.versionOrdinal(item.latestNumber()), 2);
    QCOMPARE(item.versionOrdinal(11), 1);
    QCOMPARE(item.versionOrdinal(13), 2); // a save since replaced counts as the version that replaced it

    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    ActionRequest minor = req(Action::Approve);
    minor.content = item.latest()->content;
    minor.content->title = u"第二稿（审核人修改）"_s;
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, minor, kNow));
    QCOMPARE(item.revisions.size(), 3); // the reviewer's edits are 第3稿, sent
    QVERIFY(item.latest()->sent);
    QCOMPARE(item.versionOrdinal(item.latestNumber()), 3);

    // Withdrawn after submitting: the version was sent round, so the next save starts a new one.
    Item other = submitted(ItemKind::News);
    QVERIFY(e.apply(author(), other, req(Action::Withdraw), kNow));
    ActionRequest edit = req(Action::Edit);
    edit.baseRevision = other.latestNumber();
    edit.content = content(u"撤回后修改"_s);
    QVERIFY(e.apply(author(), other, edit, kNow));
    QCOMPARE(other.revisions.size(), 2);
}

void TestRouteEngine::attestationAtLastStage()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    ActionRequest noAttest = req(Action::Approve);
    noAttest.confidentialityAttested = false;
    // Not needed at the first stage...
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, noAttest, kNow));
    // ...required at the last.
    QCOMPARE(e.check(persona(Role::OfficeDirector, true), item, noAttest).refusal,
             Refusal::AttestationRequired);
    QVERIFY(e.check(persona(Role::OfficeDirector, true), item, req(Action::Approve)));
    // A return needs no attestation.
    QVERIFY(e.check(persona(Role::OfficeDirector, true), item, req(Action::Return, u"配图不清"_s)));
}

void TestRouteEngine::staleRevisionRefused()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    ActionRequest r = req(Action::Approve);
    r.baseRevision = 1;
    QVERIFY(e.check(persona(Role::UnitHead, true), item, r));
    r.baseRevision = 0;
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, r).refusal, Refusal::StaleRevision);
    r.baseRevision = 2;
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, r).refusal, Refusal::StaleRevision);
}

void TestRouteEngine::changeOfPublishedItemKeepsLiveVersion()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::Disclosure);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::LeaderInCharge, true), item, req(Action::Approve), kNow));
    const QDateTime firstPublished = item.publishedAt;

    // A correspondent of the unit (not the original author) proposes a change.
    const Person other = person(u"other"_s, Role::Correspondent, kUnitA);
    ActionRequest change = req(Action::ProposeChange);
    change.content = item.latest()->content;
    change.content->bodyHtml = u"<p>修改后的正文</p>"_s;
    QVERIFY(e.apply(other, item, change, kNow.addDays(1)));
    QCOMPARE(item.state, WorkflowState::InReview);
    QCOMPARE(item.proposal, Proposal::Change);
    QCOMPARE(item.authorId, other.id);
    QCOMPARE(item.revisions.first().authorId, u"author"_s);
    // The change takes the kind's route; revision 1 stays live throughout.
    QCOMPARE(item.stageId, u"unit_review"_s);
    QVERIFY(item.isLive());
    QCOMPARE(item.liveRevision, 1);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Return, u"请说明修改原因"_s), kNow));
    QVERIFY(item.isLive());
    QCOMPARE(item.liveRevision, 1);
    QVERIFY(e.apply(other, item, req(Action::Submit), kNow));
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(item.isLive());
    QCOMPARE(item.liveRevision, 1);
    QVERIFY(e.apply(persona(Role::LeaderInCharge, true), item, req(Action::Approve), kNow.addDays(2)));
    QCOMPARE(item.state, WorkflowState::Published);
    QCOMPARE(item.liveRevision, 2);
    // The publication date is a fact: an approved change does not move it.
    QCOMPARE(item.publishedAt, firstPublished);
    QCOMPARE(item.revision(2)->createdAt, kNow.addDays(1));
}

void TestRouteEngine::retractionOfPublishedItem()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow));
    QCOMPARE(e.check(author(), item, req(Action::ProposeRetraction)).refusal, Refusal::ReasonRequired);
    QVERIFY(e.apply(author(), item, req(Action::ProposeRetraction, u"信息已过时"_s), kNow));
    QCOMPARE(item.proposal, Proposal::Retraction);
    QVERIFY(item.isLive());
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(item.isLive());
    QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow));
    QCOMPARE(item.state, WorkflowState::Retracted);
    QVERIFY(!item.isLive());
    QCOMPARE(item.comments.last().text, u"信息已过时"_s);
}

void TestRouteEngine::proposalsNeedPublishedItemAndScope()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    ActionRequest change = req(Action::ProposeChange);
    change.content = item.latest()->content;
    QCOMPARE(e.check(author(), item, change).refusal, Refusal::WrongState);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow));
    QVERIFY(e.check(author(), item, change));
    QCOMPARE(e.check(persona(Role::Correspondent, false), item, change).refusal, Refusal::OutOfScope);
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, change).refusal, Refusal::NotPermitted);
    ActionRequest empty = req(Action::ProposeChange);
    QCOMPARE(e.check(author(), item, empty).refusal, Refusal::ContentRequired);
    // One proposal at a time.
    QVERIFY(e.apply(author(), item, change, kNow));
    QCOMPARE(e.check(author(), item, req(Action::ProposeRetraction, u"重复"_s)).refusal, Refusal::WrongState);
}

void TestRouteEngine::municipalPortal()
{
    const RouteEngine &e = RouteEngine::builtin();
    for (bool alsoPublish : {false, true}) {
        Item item = submitted(ItemKind::News, true);
        QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
        QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow));
        QCOMPARE(item.stageId, u"office_review"_s);
        QCOMPARE(item.state, WorkflowState::InReview);
        // Another office director: one person decides one stage.
        QCOMPARE(e.check(persona(Role::OfficeDirector, true), item, req(Action::Approve)).refusal,
                 Refusal::DecidedOtherStage);
        QVERIFY(!e.isWaitingFor(persona(Role::OfficeDirector, true), item));
        QVERIFY(e.isWaitingFor(persona(Role::OfficeDirector, false), item));
        QVERIFY(e.apply(persona(Role::OfficeDirector, false), item, req(Action::Approve), kNow));
        QCOMPARE(item.stageId, u"site_manager_review"_s);
        ActionRequest last = req(Action::Approve);
        last.publishOnBureauSite = alsoPublish;
        QVERIFY(e.apply(persona(Role::SiteAdministrator, true), item, last, kNow));
        QCOMPARE(item.state, alsoPublish ? WorkflowState::Published : WorkflowState::SentToMunicipal);
        QCOMPARE(item.isLive(), alsoPublish);
    }
}

void TestRouteEngine::minorEditsStayMinor()
{
    const RouteEngine &e = RouteEngine::builtin();
    QCOMPARE(e.minorEditLimitPercent(), 30);
    Item item = submitted(ItemKind::News);
    item.revisions[0].content.bodyHtml =
        u"<p>为进一步做好国土空间规划工作，广泛听取社会公众意见，现将有关事项公告如下。</p>"
        u"<p>一、征询时间：2026年11月20日至12月20日。</p><p>二、征询方式：来信、来电或网上留言。</p>"_s;
    const Person head = persona(Role::UnitHead, true);
    const auto approveWith = [&](const std::function<void(RevisionContent &)> &edit) {
        ActionRequest r = req(Action::Approve);
        r.content = item.latest()->content;
        edit(*r.content);
        return e.check(head, item, r);
    };
    // A corrected typo or title passes.
    QVERIFY(approveWith([](RevisionContent &c) { c.title = u"关于开展国土空间规划公众意见征询的公告"_s; }));
    QVERIFY(approveWith([](RevisionContent &c) { c.bodyHtml.replace(u"来电"_s, u"电话"_s); }));
    // What decides the route or the rules may not change (Art. 10, 14, 15), nor may most of the text.
    const QList<std::function<void(RevisionContent &)>> locked{
        [](RevisionContent &c) { c.toMunicipalPortal = true; },
        [](RevisionContent &c) { c.majorPolicy = true; },
        [](RevisionContent &c) { c.interpretationItemId = u"item-9"_s; },
        [](RevisionContent &c) { c.columnId = u"other"_s; },
        [](RevisionContent &c) { c.infoDate = c.infoDate.addDays(3); },
        [](RevisionContent &c) { c.meeting = u"局长办公会"_s; },
        [](RevisionContent &c) {
            c.attachments.append(
                Attachment{u"a"_s, u"x.pdf"_s, u"application/pdf"_s, 1, QByteArray(32, 'a')});
        },
        [](RevisionContent &c) {
            c.bodyHtml = u"<p>全文改写：本局决定自即日起暂停受理全部规划许可申请，恢复时间另行通知。"
                         u"各有关单位和个人请相互转告，由此带来的不便敬请谅解。</p>"_s;
        },
    };
    for (const auto &edit : locked) {
        const Verdict v = approveWith(edit);
        QCOMPARE(v.refusal, Refusal::EditNotMinor);
        QVERIFY(!v.reason.isEmpty());
    }
    // The limit is the route file's.
    QFile f(u":/baosong/routes.json"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject routes = QJsonDocument::fromJson(f.readAll()).object();
    routes.insert(u"minor_edit_limit_percent"_s, 90);
    RouteEngine lenient;
    QString error;
    QVERIFY2(RouteEngine::load(QJsonDocument(routes).toJson(), &lenient, &error), qPrintable(error));
    QCOMPARE(lenient.minorEditLimitPercent(), 90);
    routes.insert(u"minor_edit_limit_percent"_s, 150);
    QVERIFY(!RouteEngine::load(QJsonDocument(routes).toJson(), &lenient, &error));
    QVERIFY(error.contains(u"minor_edit_limit_percent"_s));
}

void TestRouteEngine::liveChangeNeverUnpublishesSilently()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow));
    QVERIFY(item.isLive());
    // A change that also goes to the municipal portal...
    ActionRequest change = req(Action::ProposeChange);
    change.content = content(u"更正后的标题"_s, true);
    QVERIFY(e.apply(author(), item, change, kNow));
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::OfficeDirector, false), item, req(Action::Approve), kNow));
    // ...cannot end with "not on the bureau site": the live page would vanish without a retraction.
    ActionRequest only = req(Action::Approve);
    only.publishOnBureauSite = false;
    const Verdict v = e.check(persona(Role::SiteAdministrator, true), item, only);
    QCOMPARE(v.refusal, Refusal::LivePageKept);
    QVERIFY(!v.reason.isEmpty());
    QVERIFY(e.apply(persona(Role::SiteAdministrator, true), item, req(Action::Approve), kNow));
    QCOMPARE(item.state, WorkflowState::Published);
    QCOMPARE(item.liveRevision, 2);
}

void TestRouteEngine::majorPolicyNeedsInterpretation()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::Disclosure);
    ActionRequest edit = req(Action::Edit);
    QVERIFY(e.apply(author(), item, req(Action::Withdraw), kNow));
    edit.content = item.latest()->content;
    edit.content->majorPolicy = true;
    QVERIFY(e.apply(author(), item, edit, kNow));
    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    // The first stage is not blocked: the interpretation may still be in preparation.
    QVERIFY(!e.publishesWithoutInterpretation(item, item.stageId, item.latest()->content, true));
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    const Person leader = persona(Role::LeaderInCharge, true);
    // The one rule the decision dialog asks (to show the override field) and the check applies.
    QVERIFY(e.publishesWithoutInterpretation(item, item.stageId, item.latest()->content, true));
    QCOMPARE(e.check(leader, item, req(Action::Approve)).refusal, Refusal::InterpretationMissing);
    // A reviewer's minor edit may not link one (nor clear the flag): the author does, after a return.
    ActionRequest link = req(Action::Approve);
    link.content = item.latest()->content;
    link.content->interpretationItemId = u"item-2"_s;
    QCOMPARE(e.check(leader, item, link).refusal, Refusal::EditNotMinor);
    link.content = item.latest()->content;
    link.content->majorPolicy = false;
    QCOMPARE(e.check(leader, item, link).refusal, Refusal::EditNotMinor);
    // Or an override with a recorded reason.
    ActionRequest over = req(Action::Approve);
    over.overrideReason = u"解读材料随后三日内发布"_s;
    QVERIFY(e.apply(leader, item, over, kNow));
    QCOMPARE(item.state, WorkflowState::Published);
    QCOMPARE(item.decisions.last().overrideReason, u"解读材料随后三日内发布"_s);
}

void TestRouteEngine::interpretationNotNeededWhereNothingIsPublished()
{
    // The end of the municipal-portal route publishes on the bureau site only if the reviewer says so
    // (Art. 14): without that, Art. 10 asks nothing there (the dialog once asked regardless).
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News, true);
    QVERIFY(e.apply(author(), item, req(Action::Withdraw), kNow));
    ActionRequest edit = req(Action::Edit);
    edit.content = item.latest()->content;
    edit.content->majorPolicy = true;
    QVERIFY(e.apply(author(), item, edit, kNow));
    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    while (!e.isLastStage(item, item.stageId)) {
        const std::optional<Stage> s = e.currentStage(item);
        QVERIFY(s);
        QVERIFY(!e.publishesWithoutInterpretation(item, item.stageId, item.latest()->content, true));
        // A person of their own for each stage (one person, one stage).
        QVERIFY(e.apply(person(s->id, s->role, kUnitA), item, req(Action::Approve), kNow));
    }
    const std::optional<Stage> last = e.currentStage(item);
    QVERIFY(last && last->end && *last->end == RouteEnd::MunicipalPlatform);
    const Person reviewer = persona(last->role, true);
    QVERIFY(e.publishesWithoutInterpretation(item, item.stageId, item.latest()->content, true));
    QVERIFY(!e.publishesWithoutInterpretation(item, item.stageId, item.latest()->content, false));
    ActionRequest onlyPortal = req(Action::Approve);
    onlyPortal.publishOnBureauSite = false;
    QVERIFY(e.check(reviewer, item, onlyPortal));
    ActionRequest alsoSite = req(Action::Approve);
    alsoSite.publishOnBureauSite = true;
    QCOMPARE(e.check(reviewer, item, alsoSite).refusal, Refusal::InterpretationMissing);
}

// The route's progress, computed once for the review pane and the approval slip.
void TestRouteEngine::progressStageByStage()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    RouteProgress p = e.progress(item);
    QCOMPARE(p.stages.size(), 2);
    QVERIFY(p.stages[0].waiting && !p.stages[0].decision);
    QVERIFY(!p.stages[1].waiting && !p.stages[1].decision);
    QVERIFY(p.earlierRounds.isEmpty());

    const Person head = persona(Role::UnitHead, true);
    QVERIFY(e.apply(head, item, req(Action::Return, u"补充数据"_s), kNow));
    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow.addSecs(60)));
    QVERIFY(e.apply(head, item, req(Action::Approve), kNow.addSecs(120)));
    p = e.progress(item);
    QVERIFY(p.stages[0].decision && !p.stages[0].waiting);
    QCOMPARE(p.stages[0].decision->type, DecisionType::Approve);
    QCOMPARE(p.stages[0].decision->personId, head.id);
    QVERIFY(p.stages[1].waiting && !p.stages[1].decision);
    QCOMPARE(p.earlierRounds.size(), 1);
    QCOMPARE(p.earlierRounds[0].type, DecisionType::Return);
    QCOMPARE(p.earlierRounds[0].reason, u"补充数据"_s);

    QVERIFY(e.apply(persona(Role::OfficeDirector, true), item, req(Action::Approve), kNow.addSecs(180)));
    p = e.progress(item);
    QVERIFY(p.stages[1].decision && !p.stages[1].waiting);
    QVERIFY(std::none_of(p.stages.begin(), p.stages.end(), [](const StageProgress &s) { return s.waiting; }));
}

void TestRouteEngine::draftsArePrivate()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item;
    item.kind = ItemKind::News;
    item.unitId = kUnitA;
    ActionRequest create = req(Action::Create);
    create.content = content(u"草稿"_s);
    QVERIFY(e.apply(author(), item, create, kNow));
    QVERIFY(e.check(author(), item, req(Action::Comment, u"备忘"_s)));
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, req(Action::Comment, u"看看"_s)).refusal,
             Refusal::NotAuthor);
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, req(Action::Approve)).refusal, Refusal::WrongState);
    QCOMPARE(e.check(author(), item, req(Action::Comment)).refusal, Refusal::ReasonRequired);
}

void TestRouteEngine::disabledPersonRefused()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    Person head = persona(Role::UnitHead, true);
    head.disabled = true;
    QCOMPARE(e.check(head, item, req(Action::Approve)).refusal, Refusal::PersonDisabled);
}

void TestRouteEngine::authorActions()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item;
    item.kind = ItemKind::Repost;
    item.unitId = kUnitA;
    ActionRequest create = req(Action::Create);
    create.content = content(u"转载：自然资源部发布通知"_s);
    QCOMPARE(e.check(persona(Role::Correspondent, false), item, create).refusal, Refusal::OutOfScope);
    QCOMPARE(e.check(persona(Role::UnitHead, true), item, create).refusal, Refusal::NotPermitted);
    ActionRequest untitled = create;
    untitled.content->title = u"   "_s;
    QCOMPARE(e.check(author(), item, untitled).refusal, Refusal::ContentRequired);
    QVERIFY(e.apply(author(), item, create, kNow));
    QCOMPARE(e.check(author(), item, req(Action::Withdraw)).refusal, Refusal::WrongState);
    // Another correspondent of the same unit cannot submit someone else's draft.
    QCOMPARE(e.check(person(u"colleague"_s, Role::Correspondent, kUnitA), item, req(Action::Submit)).refusal,
             Refusal::NotAuthor);
    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    QCOMPARE(e.check(author(), item, req(Action::Submit)).refusal, Refusal::WrongState);
    QCOMPARE(e.check(author(), item, req(Action::Edit)).refusal, Refusal::WrongState);
    QVERIFY(e.apply(author(), item, req(Action::Withdraw), kNow));
    QCOMPARE(item.state, WorkflowState::Draft);
    QVERIFY(item.stageId.isEmpty());
}

void TestRouteEngine::actionNamesRoundTrip()
{
    for (Action a :
         {Action::Create, Action::Edit, Action::Submit, Action::Approve, Action::Return, Action::Comment,
          Action::Withdraw, Action::ProposeChange, Action::ProposeRetraction, Action::Delete}) {
        QVERIFY(actionFromString(toString(a)).has_value());
        QCOMPARE(*actionFromString(toString(a)), a);
        QVERIFY(!displayName(a).isEmpty());
    }
    QVERIFY(!actionFromString(u"publish_now"_s));
}

void TestRouteEngine::visibility()
{
    const RouteEngine &e = RouteEngine::builtin();
    // Each answer also from the item's author, unit and state alone (what the change feed reads
    // first): where that form decides, it agrees with the whole item's.
    int decided = 0;
    int disagreed = 0;
    const auto sees = [&](const Person &p, const Item &item) {
        const bool whole = RouteEngine::canSee(p, item);
        if (const std::optional<bool> quick =
                RouteEngine::canSee(p, item.authorId, item.unitId, item.state)) {
            ++decided;
            disagreed += *quick != whole;
        }
        return whole;
    };
    Item item;
    item.kind = ItemKind::Disclosure;
    item.unitId = kUnitA;
    ActionRequest create = req(Action::Create);
    create.content = content(u"草稿"_s);
    QVERIFY(e.apply(author(), item, create, kNow));
    // A draft: its author only.
    QVERIFY(sees(author(), item));
    QVERIFY(!sees(persona(Role::UnitHead, true), item));
    QVERIFY(!sees(person(u"colleague"_s, Role::Correspondent, kUnitA), item));
    QVERIFY(e.apply(author(), item, req(Action::Submit), kNow));
    // In review: roles of its unit and bureau-wide roles, not other units.
    QVERIFY(sees(persona(Role::UnitHead, true), item));
    QVERIFY(sees(persona(Role::LeaderInCharge, true), item));
    QVERIFY(sees(person(u"colleague"_s, Role::Correspondent, kUnitA), item));
    QVERIFY(!sees(persona(Role::UnitHead, false), item));
    QVERIFY(!sees(persona(Role::Correspondent, false), item));
    Person auditor = persona(Role::Auditor, false);
    auditor.grants.first().bureauWide = true;
    QVERIFY(sees(auditor, item));
    Person disabled = persona(Role::UnitHead, true);
    disabled.disabled = true;
    QVERIFY(!sees(disabled, item));
    // Published: everyone.
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(e.apply(persona(Role::LeaderInCharge, true), item, req(Action::Approve), kNow));
    QVERIFY(sees(persona(Role::Correspondent, false), item));
    QCOMPARE(disagreed, 0);
    // Decided: the author, four holders of a role for its unit while in review, the disabled person,
    // and anyone once it is published.
    QCOMPARE(decided, 7);
}

void TestRouteEngine::waitingFor()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    QVERIFY(e.isWaitingFor(persona(Role::UnitHead, true), item));
    QVERIFY(!e.isWaitingFor(persona(Role::UnitHead, false), item));
    QVERIFY(!e.isWaitingFor(persona(Role::OfficeDirector, true), item));
    QVERIFY(!e.isWaitingFor(author(), item));
    QVERIFY(e.apply(persona(Role::UnitHead, true), item, req(Action::Approve), kNow));
    QVERIFY(!e.isWaitingFor(persona(Role::UnitHead, true), item));
    QVERIFY(e.isWaitingFor(persona(Role::OfficeDirector, false), item)); // bureau-wide stage
    // Not one's own item, even holding the stage's role.
    Person both = author();
    both.grants.append(RoleGrant{Role::OfficeDirector, {}, true});
    QVERIFY(!e.isWaitingFor(both, item));
}

// Art. 9: who an urgent item notifies before it reaches them — the deciders of the later stages.
void TestRouteEngine::laterStagesOfTheRoute()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News); // unit head, then office director
    const Person head = persona(Role::UnitHead, true);
    const Person director = persona(Role::OfficeDirector, false);
    QVERIFY(!e.decidesLaterStage(head, item));    // the current stage is theirs
    QVERIFY(e.decidesLaterStage(director, item)); // the next one
    QVERIFY(!e.decidesLaterStage(author(), item));
    QVERIFY(!e.decidesLaterStage(persona(Role::UnitHead, false), item)); // another unit's head
    QVERIFY(e.apply(head, item, req(Action::Approve), kNow));
    QVERIFY(!e.decidesLaterStage(director, item)); // now waiting for them: nothing later
    QVERIFY(e.isWaitingFor(director, item));
}

void TestRouteEngine::queueReach()
{
    // Who is offered decisions at all: a unit head is, a correspondent is not.
    QVERIFY(RouteEngine::builtin().decidesAnyStage(persona(Role::UnitHead, true)));
    QVERIFY(!RouteEngine::builtin().decidesAnyStage(author()));
    const RouteEngine &e = RouteEngine::builtin();
    auto reach = [&](Role role) {
        QHash<Role, bool> out; // stage role → any unit
        for (const RouteEngine::QueueReach &r : e.queueReach(role))
            out.insert(r.stageRole, r.anyUnit);
        return out;
    };
    // Their own stages, and those that escalate to them (routes.json: a unit head's stage to the
    // leader in charge of the unit, then to the office director; the leader's stage to the office director).
    QCOMPARE(reach(Role::UnitHead), (QHash<Role, bool>{{Role::UnitHead, false}}));
    QCOMPARE(reach(Role::LeaderInCharge),
             (QHash<Role, bool>{{Role::LeaderInCharge, false}, {Role::UnitHead, false}}));
    QCOMPARE(reach(Role::OfficeDirector),
             (QHash<Role, bool>{
                 {Role::OfficeDirector, true}, {Role::UnitHead, true}, {Role::LeaderInCharge, true}}));
    QCOMPARE(reach(Role::SiteAdministrator), (QHash<Role, bool>{{Role::SiteAdministrator, true}}));
    QVERIFY(reach(Role::Correspondent).isEmpty());
    QVERIFY(reach(Role::Auditor).isEmpty());
}

void TestRouteEngine::escalationWhereNobodyIsEligible()
{
    const RouteEngine &e = RouteEngine::builtin();
    // A unit whose only unit head writes the item himself; its leader in charge; another unit's
    // leader; two office directors.
    Person head = author();
    head.grants.append(RoleGrant{Role::UnitHead, {kUnitA}, false});
    const Person leader = person(u"leader_a"_s, Role::LeaderInCharge, kUnitA);
    const Person otherLeader = person(u"leader_b"_s, Role::LeaderInCharge, kUnitB);
    Person director;
    director.id = u"director"_s;
    director.grants.append(RoleGrant{Role::OfficeDirector, {}, true});
    Person director2 = director;
    director2.id = u"director2"_s;
    Organization org;
    org.people = {head, leader, otherLeader, director, director2};

    Item item = submitted(ItemKind::Disclosure);
    item.authorId = head.id;
    item.revisions.first().authorId = head.id;
    const Stage unitReview = *e.currentStage(item);
    QCOMPARE(e.deciderOf(item, unitReview, &org), (StageDecider{Role::LeaderInCharge, StageScope::ItemUnit}));
    // Without the people, the stage's own role (nobody: the author is its only holder).
    QCOMPARE(e.deciderOf(item, unitReview, nullptr), unitReview.decider());
    QVERIFY(!e.isWaitingFor(leader, item));
    QVERIFY(e.isWaitingFor(leader, item, &org));
    QVERIFY(!e.isWaitingFor(head, item, &org));
    QVERIFY(!e.isWaitingFor(otherLeader, item, &org));
    QVERIFY(!e.isWaitingFor(director, item, &org));
    QCOMPARE(e.check(director, item, req(Action::Approve), &org).refusal, Refusal::NotPermitted);
    QCOMPARE(e.check(otherLeader, item, req(Action::Approve), &org).refusal, Refusal::OutOfScope);
    QCOMPARE(e.check(head, item, req(Action::Approve), &org).refusal, Refusal::NotPermitted);
    // The leader passes the unit's review; he cannot sign off too (one person, one stage), so the
    // sign-off escalates to the office director.
    QVERIFY(e.apply(leader, item, req(Action::Approve), kNow, &org));
    QCOMPARE(item.stageId, u"leader_signoff"_s);
    QVERIFY(!e.isWaitingFor(leader, item, &org));
    QVERIFY(e.isWaitingFor(director, item, &org));
    QCOMPARE(e.check(leader, item, req(Action::Approve), &org).refusal, Refusal::NotPermitted);
    QVERIFY(e.apply(director, item, req(Action::Approve), kNow, &org));
    QCOMPARE(item.state, WorkflowState::Published);

    // No leader in charge for the unit at all: straight to the office director.
    Item second = submitted(ItemKind::CollectiveDecision);
    second.authorId = head.id;
    second.revisions.first().authorId = head.id;
    Organization noLeader = org;
    noLeader.people.removeAt(1);
    QVERIFY(e.isWaitingFor(director, second, &noLeader));
    QVERIFY(e.isWaitingFor(director2, second, &noLeader));
    // A disabled unit head is nobody: the same.
    Person otherHead = person(u"head2"_s, Role::UnitHead, kUnitA);
    otherHead.disabled = true;
    noLeader.people.append(otherHead);
    QVERIFY(e.isWaitingFor(director, second, &noLeader));
    // Once the unit has an eligible head again, the stage is theirs alone.
    noLeader.people.last().disabled = false;
    QVERIFY(e.isWaitingFor(noLeader.people.last(), second, &noLeader));
    QVERIFY(!e.isWaitingFor(director, second, &noLeader));
    QCOMPARE(e.check(director, second, req(Action::Approve), &noLeader).refusal, Refusal::NotPermitted);
    // Where the unit head is eligible, no escalation: the leader is not asked.
    Item ordinary = submitted(ItemKind::News);
    Organization full = org;
    full.people.append(person(u"head_a"_s, Role::UnitHead, kUnitA));
    QVERIFY(!e.isWaitingFor(leader, ordinary, &full));
    QCOMPARE(e.check(leader, ordinary, req(Action::Approve), &full).refusal, Refusal::NotPermitted);
}

void TestRouteEngine::deleteDraft()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    QCOMPARE(e.check(author(), item, req(Action::Delete)).refusal, Refusal::WrongState);
    QVERIFY(e.apply(author(), item, req(Action::Withdraw), kNow));
    QCOMPARE(e.check(person(u"colleague"_s, Role::Correspondent, kUnitA), item, req(Action::Delete)).refusal,
             Refusal::NotAuthor);
    QVERIFY(e.check(author(), item, req(Action::Delete)));
    // A published item is retracted, never deleted.
    Item published = submitted(ItemKind::Repost);
    QVERIFY(e.apply(persona(Role::SiteAdministrator, true), published, req(Action::Approve), kNow));
    QCOMPARE(e.check(author(), published, req(Action::Delete)).refusal, Refusal::WrongState);
}

void TestRouteEngine::indexNumber()
{
    QCOMPARE(disclosureIndexNumber(u"BZZRZY-GH"_s, 2026, 7), u"BZZRZY-GH/2026-00007"_s);
    QCOMPARE(disclosureIndexNumber(u"X"_s, 2027, 12345), u"X/2027-12345"_s);
    // #21.5: the year is Beijing time's — 1 January 00:00–08:00 there is still 31 December in UTC.
    const auto utc = [](int y, int m, int d, int h, int min) {
        return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
    };
    QCOMPARE(disclosure::indexYear(utc(2025, 12, 31, 15, 59)), 2025); // 23:59 Beijing
    QCOMPARE(disclosure::indexYear(utc(2025, 12, 31, 16, 0)), 2026);  // 00:00 Beijing, 1 January
    QCOMPARE(disclosure::indexYear(utc(2025, 12, 31, 23, 59)), 2026); // 07:59 Beijing
    QCOMPARE(disclosure::indexYear(utc(2026, 1, 1, 0, 0)), 2026);
    QCOMPARE(disclosure::indexYear(QDateTime(QDate(2026, 1, 1), QTime(7, 0), QTimeZone(8 * 3600))), 2026);
    // The prefix: the unit's organ's code, else the bureau's, else the unit's own (unconfigured).
    disclosure::Organs organs;
    QCOMPARE(organs.codeFor(u"policy_law"_s, u"BZZG-ZCFG"_s), u"BZZG-ZCFG"_s);
    QCOMPARE(organs.nameFor(u"policy_law"_s, u"巴中市自然资源和规划局"_s), u"巴中市自然资源和规划局"_s);
    organs.name = u"巴中市自然资源和规划局"_s;
    organs.code = u"11511900MB1520412X"_s;
    organs.unitNames.insert(u"registration_centre"_s, u"巴中市不动产登记中心"_s);
    organs.unitCodes.insert(u"registration_centre"_s, u"12511900MB1599999Y"_s);
    QCOMPARE(organs.codeFor(u"policy_law"_s, u"BZZG-ZCFG"_s), u"11511900MB1520412X"_s);
    QCOMPARE(organs.nameFor(u"policy_law"_s, u"其他"_s), u"巴中市自然资源和规划局"_s);
    QCOMPARE(organs.codeFor(u"registration_centre"_s, u"BZZG-BDCDJ"_s), u"12511900MB1599999Y"_s);
    QCOMPARE(organs.nameFor(u"registration_centre"_s, u"其他"_s), u"巴中市不动产登记中心"_s);
}

// What the client offers (open for editing, withdraw, delete) follows the same rules as check().
void TestRouteEngine::mayEditAndMayTake()
{
    const RouteEngine &e = RouteEngine::builtin();
    Item item = submitted(ItemKind::News);
    const Person other = person(u"other"_s, Role::Correspondent, kUnitA);
    QVERIFY(!e.mayEdit(author(), item)); // in review
    QVERIFY(e.mayTake(author(), item, Action::Withdraw));
    QVERIFY(!e.mayTake(other, item, Action::Withdraw));
    QVERIFY(!e.mayTake(author(), item, Action::Delete));
    QVERIFY(e.apply(author(), item, req(Action::Withdraw), kNow));
    QVERIFY(e.mayEdit(author(), item));
    QVERIFY(!e.mayEdit(other, item));
    QVERIFY(e.mayTake(author(), item, Action::Delete));
    QVERIFY(!e.mayTake(author(), item, Action::Withdraw));
    Person disabled = author();
    disabled.disabled = true;
    QVERIFY(!e.mayEdit(disabled, item));
    // A correspondent moved to another unit may no longer edit the unit's item.
    QVERIFY(!e.mayEdit(person(u"author"_s, Role::Correspondent, kUnitB), item));
}

QTEST_GUILESS_MAIN(TestRouteEngine)
#include "tst_routeengine.moc"
