// API v1 against the real server over loopback HTTPS, on SQLite and on PostgreSQL: every kind's
// whole route driven by different people, forbidden actions answered 403 with a reason, scope across
// units, idempotent actions, stale revisions, two reviewers at once, sessions (throttling, lockout,
// expiry, revocation), the change feed, the queue, and the audit chain checked by the command line.

#include "Metrics.h"
#include "Register.h"
#include "SampleContent.h"
#include "ServerHarness.h"
#include "Statistics.h"

#include "ApiProblems.h"
#include "ContentScan.h"
#include "Disclosure.h"
#include "DomainJson.h"
#include "Limits.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <ctime>
#include <future>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Content the checks let through for an item of `kind` from `unitId` (tests/support/SampleContent).
QJsonObject contentJson(const QString &title, ItemKind kind = ItemKind::News,
                        const QString &unitId = u"bazhou"_s, bool municipal = false)
{
    return json::toJson(test::submittableContent(kind, unitId, title, municipal));
}

// Who decides `stage` of an item of `unitId` in the demo organization (not the author, nor anyone in
// `decided`: one person decides one stage).
const Person *decider(const Organization &org, const Stage &stage, const QString &unitId,
                      const QString &authorId, const QStringList &decided = {})
{
    for (const Person &p : org.people) {
        const bool holds =
            stage.scope == StageScope::Bureau ? p.hasRole(stage.role) : p.holds(stage.role, unitId);
        if (holds && p.id != authorId && !decided.contains(p.id))
            return &p;
    }
    return nullptr;
}

const Person *correspondentOf(const Organization &org, UnitType type)
{
    for (const Person &p : org.people) {
        const Unit *u = org.unit(p.unitId);
        if (u && u->type == type && p.holds(Role::Correspondent, p.unitId))
            return &p;
    }
    return nullptr;
}

} // namespace

class TestServerApi : public QObject
{
    Q_OBJECT

private slots:
    // Every case runs on SQLite and on PostgreSQL (QFETCH_GLOBAL(QString, backend)).
    void initTestCase_data() { backends(); }
    void metricsAndHealthReasons();
    void initTestCase();

    void wholeRouteForEveryKind_data();
    void wholeRouteForEveryKind();
    void forbiddenActionsAnswered403();
    void contentChecksOnEveryStep();
    void contentFindingsJudgedOnSubmit();
    void wordListsManagedBySiteAdministrator();
    void interpretationLinkChecked();
    void minorEditsAndLivePages();
    void otherUnitsSeeOnlyTheLiveRevision();
    void onePersonDecidesOneStage();
    void escalationWhereNobodyIsEligible();
    void organizationChangeSeenAtOnce();
    void idempotentActions();
    void twoReviewersAtOnce();
    void judgedAgainWhenItemChangedMeanwhile();
    void auditEndMovedMeanwhile();
    void daysAreChinas();
    void sessions();
    void loginThrottlingAndLockout();
    void changeFeed();
    void feedPagesBoundedInBytes();
    void storeUnwritableAnswered503();
    void badRequests();
    void hostileInputRefused();
    void auditVerifyCommand();
    void auditCheckpointAnchorsTheHead();

private slots:
    void statisticsByRole();
    void auditReader();
    void registerByRole();
    void registerNotices();

private:
    void backends()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : serverBackends())
            QTest::newRow(qPrintable(b)) << b;
    }
    // Starts a server with the demo organization (or `organization`) imported.
    std::unique_ptr<ServerHarness> start(const QString &backend, const Organization *organization = nullptr);
    // Creates and submits an item as `author`; returns its id (empty on failure).
    QString createAndSubmit(ServerHarness &h, const QByteArray &token, ItemKind kind, const QString &unitId,
                            bool municipal = false);
    // A section correspondent's news item submitted; the token of the unit head who decides its first
    // stage in *headToken. Returns its id (empty on failure).
    QString submittedNews(ServerHarness &h, QByteArray *headToken);
    QJsonObject act(ServerHarness &h, const QByteArray &token, const QString &itemId, const QString &action,
                    int baseRevision, const QJsonObject &extra = {}, int *status = nullptr);
    // Creates a draft with `content`; returns its id (empty on failure).
    QString create(ServerHarness &h, const QByteArray &token, ItemKind kind, const QString &unitId,
                   const RevisionContent &content);
    // The stopping findings' keys of a refusal by the checks.
    static QStringList stoppingChecks(const QJsonObject &answer);
    // Whether item `id` is in the queue (GET /queue) of the person signed in with `token`.
    static bool inQueue(ServerHarness &h, const QByteArray &token, const QString &id);

    Organization m_org;
};

void TestServerApi::initTestCase()
{
    m_org = Organization::demo();
    QVERIFY(!m_org.people.isEmpty());
}

std::unique_ptr<ServerHarness> TestServerApi::start(const QString &backend, const Organization *organization)
{
    auto h = std::make_unique<ServerHarness>(backend);
    if (!h->ok()) {
        qWarning("server did not start: %s", qPrintable(h->error()));
        return nullptr;
    }
    QString error;
    if (!h->importOrganization(organization ? *organization : m_org, &error)) {
        qWarning("import failed: %s", qPrintable(error));
        return nullptr;
    }
    return h;
}

QJsonObject TestServerApi::act(ServerHarness &h, const QByteArray &token, const QString &itemId,
                               const QString &action, int baseRevision, const QJsonObject &extra, int *status)
{
    QJsonObject body{{"action_id"_L1, uuid()},
                     {"action"_L1, action},
                     {"item_id"_L1, itemId},
                     {"base_revision"_L1, baseRevision}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const HttpResult r = h.post(u"/api/v1/actions"_s, token, body);
    if (status)
        *status = r.status;
    return r.body;
}

QString TestServerApi::createAndSubmit(ServerHarness &h, const QByteArray &token, ItemKind kind,
                                       const QString &unitId, bool municipal)
{
    const QString id = uuid();
    int status = 0;
    act(h, token, id, u"create"_s, -1,
        {{"kind"_L1, toString(kind)},
         {"unit_id"_L1, unitId},
         {"content"_L1, contentJson(u"测试信息"_s, kind, unitId, municipal)}},
        &status);
    if (status != 200)
        return {};
    act(h, token, id, u"submit"_s, 1, {}, &status);
    return status == 200 ? id : QString();
}

QString TestServerApi::submittedNews(ServerHarness &h, QByteArray *headToken)
{
    const Person *author = correspondentOf(m_org, UnitType::Section);
    const QString id = createAndSubmit(h, h.login(author->id), ItemKind::News, author->unitId);
    const Stage first = RouteEngine::builtin().stages(ItemKind::News).first();
    const Person *head = decider(m_org, first, author->unitId, author->id);
    *headToken = h.login(head->id);
    return id;
}

bool TestServerApi::inQueue(ServerHarness &h, const QByteArray &token, const QString &id)
{
    for (const QJsonValue &v : h.get(u"/api/v1/queue"_s, token).body.value("items"_L1).toArray()) {
        if (v.toObject().value("id"_L1).toString() == id)
            return true;
    }
    return false;
}

void TestServerApi::wholeRouteForEveryKind_data()
{
    QTest::addColumn<ItemKind>("kind");
    QTest::addColumn<bool>("municipal");
    for (ItemKind k : allItemKinds()) {
        for (bool m : {false, true})
            QTest::addRow("%s%s", qPrintable(toString(k)), m ? "+portal" : "") << k << m;
    }
}

void TestServerApi::wholeRouteForEveryKind()
{
    QFETCH_GLOBAL(QString, backend);
    QFETCH(ItemKind, kind);
    QFETCH(bool, municipal);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = correspondentOf(m_org, UnitType::DistrictBureau);
    QVERIFY(author);
    const QByteArray authorToken = h->login(author->id);
    QVERIFY(!authorToken.isEmpty());
    const QString id = createAndSubmit(*h, authorToken, kind, author->unitId, municipal);
    QVERIFY(!id.isEmpty());

    const QList<Stage> stages = RouteEngine::builtin().stages(kind, municipal);
    int revision = 1;
    QStringList decided;
    for (int i = 0; i < stages.size(); ++i) {
        const Person *reviewer = decider(m_org, stages[i], author->unitId, author->id, decided);
        QVERIFY(reviewer);
        decided << reviewer->id;
        const QByteArray token = h->login(reviewer->id);
        QVERIFY(!token.isEmpty());
        // The item is in the reviewer's queue...
        const HttpResult queue = h->get(u"/api/v1/queue"_s, token);
        QCOMPARE(queue.status, 200);
        bool queued = false;
        for (const QJsonValue &v : queue.body.value("items"_L1).toArray())
            queued = queued || v.toObject().value("id"_L1).toString() == id;
        QVERIFY2(queued, qPrintable(stages[i].id));
        // ...and approved through the API.
        int status = 0;
        const bool last = i == stages.size() - 1;
        const QJsonObject answer = act(*h, token, id, u"approve"_s, revision,
                                       {{"stage_id"_L1, stages[i].id},
                                        {"confidentiality_attested"_L1, last},
                                        {"publish_on_bureau_site"_L1, true}},
                                       &status);
        QVERIFY2(status == 200, QJsonDocument(answer).toJson().constData());
        revision = answer.value("item"_L1).toObject().value("revisions"_L1).toArray().size();
    }
    const HttpResult item = h->get(u"/api/v1/items/"_s + id, authorToken);
    QCOMPARE(item.status, 200);
    Item published;
    QString error;
    QVERIFY2(json::fromJson(item.body.value("item"_L1).toObject(), &published, &error), qPrintable(error));
    QCOMPARE(published.state, WorkflowState::Published);
    QVERIFY(published.publishedAt.isValid());
    QCOMPARE(published.decisions.size(), stages.size());
    if (kind == ItemKind::Disclosure) {
        // Unconfigured ([site] organ_code unset): the unit's code; the year of Beijing time (#21.5).
        const QString code = m_org.unit(author->unitId)->code;
        QCOMPARE(published.indexNumber,
                 disclosureIndexNumber(code, disclosure::indexYear(published.publishedAt), 1));
    } else {
        QVERIFY(published.indexNumber.isEmpty());
    }
    // The history tells every step, from the server's audit data.
    const HttpResult history = h->get(u"/api/v1/items/"_s + id + u"/history"_s, authorToken);
    QCOMPARE(history.status, 200);
    QStringList types;
    for (const QJsonValue &v : history.body.value("events"_L1).toArray())
        types.append(v.toObject().value("type"_L1).toString());
    QCOMPARE(types.count(u"action.approve"_s), stages.size());
    QVERIFY(types.contains(u"action.create"_s));
    QVERIFY(types.contains(u"action.submit"_s));
    QVERIFY(types.contains(u"publish"_s));
    QVERIFY(h->store().verifyAudit().ok);
}

void TestServerApi::forbiddenActionsAnswered403()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = correspondentOf(m_org, UnitType::Section);
    QVERIFY(author);
    const QByteArray authorToken = h->login(author->id);
    const QString id = createAndSubmit(*h, authorToken, ItemKind::Disclosure, author->unitId);
    QVERIFY(!id.isEmpty());
    const Stage first = RouteEngine::builtin().stages(ItemKind::Disclosure).first();
    const Person *rightful = decider(m_org, first, author->unitId, author->id);
    QVERIFY(rightful);

    // The queue of a unit head of another unit does not hold it; the rightful head's does.
    for (const Person &p : m_org.people) {
        if (p.hasRole(Role::UnitHead) && !p.holds(Role::UnitHead, author->unitId)) {
            const HttpResult other = h->get(u"/api/v1/queue"_s, h->login(p.id));
            QCOMPARE(other.status, 200);
            QCOMPARE(other.body.value("count"_L1).toInt(), 0);
            break;
        }
    }
    const HttpResult mine = h->get(u"/api/v1/queue"_s, h->login(rightful->id));
    QCOMPARE(mine.body.value("count"_L1).toInt(), 1);
    QCOMPARE(mine.body.value("items"_L1).toArray().first().toObject().value("id"_L1).toString(), id);

    int checked = 0;
    for (const Person &p : m_org.people) {
        if (p.id == rightful->id || p.id == author->id)
            continue;
        const QByteArray token = h->login(p.id);
        QVERIFY(!token.isEmpty());
        int status = 0;
        const QJsonObject answer =
            act(*h, token, id, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
        const bool seesIt = RouteEngine::canSee(p, *h->store().item(id));
        // Out of sight: answered as if the item did not exist. In sight but not theirs: 403, with why.
        QCOMPARE(status, seesIt ? 403 : 404);
        QVERIFY(!answer.value("detail"_L1).toString().isEmpty());
        if (seesIt)
            QVERIFY(!answer.value("refusal"_L1).toString().isEmpty());
        else
            QVERIFY(!answer.contains("refusal"_L1)); // nothing tells the item exists
        ++checked;
    }
    QVERIFY(checked > 20);
    // Every refused attempt is in the audit log, those on an item out of sight too ("not_visible").
    int notVisible = 0;
    int refusedEvents = 0;
    for (const AuditEvent &e : h->store().auditEventsFor(id)) {
        if (e.type != "action.refused"_L1)
            continue;
        ++refusedEvents;
        notVisible += e.details.value("refusal"_L1).toString() == "not_visible"_L1 ? 1 : 0;
    }
    QVERIFY(notVisible > 0);
    QCOMPARE(refusedEvents, checked);
    // An id that names no item at all is answered and audited the same way.
    const QString nothing = uuid();
    int nothingStatus = 0;
    act(*h, h->login(m_org.people.first().id), nothing, u"approve"_s, 1, {}, &nothingStatus);
    QCOMPARE(nothingStatus, 404);
    QCOMPARE(h->store().auditEventsFor(nothing).size(), 1);
    // Skipping a level: the leader in charge signs before the unit head reviewed.
    const Stage second = RouteEngine::builtin().stages(ItemKind::Disclosure).at(1);
    const QByteArray leader = h->login(decider(m_org, second, author->unitId, author->id)->id);
    int status = 0;
    const QJsonObject skip =
        act(*h, leader, id, u"approve"_s, 1,
            {{"stage_id"_L1, second.id}, {"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 403);
    QCOMPARE(skip.value("refusal"_L1).toString(), u"skipping_levels"_s);
    // The author may not approve their own item; the right unit head may.
    act(*h, authorToken, id, u"approve"_s, 1, {}, &status);
    QCOMPARE(status, 403);
    act(*h, h->login(rightful->id), id, u"approve"_s, 1, {{"stage_id"_L1, first.id}}, &status);
    QCOMPARE(status, 200);
    // Deciding a stage someone else decided meanwhile is a conflict.
    const QJsonObject late =
        act(*h, h->login(rightful->id), id, u"approve"_s, 1, {{"stage_id"_L1, first.id}}, &status);
    QCOMPARE(status, 409);
    QCOMPARE(late.value("refusal"_L1).toString(), u"already_decided"_s);
    // A return without a reason.
    const QJsonObject noReason = act(*h, leader, id, u"return"_s, 1, {}, &status);
    QCOMPARE(status, 422);
    QCOMPARE(noReason.value("refusal"_L1).toString(), u"reason_required"_s);
    // A leader of other units: out of scope.
    for (const Person &p : m_org.people) {
        if (p.hasRole(Role::LeaderInCharge) && !p.holds(Role::LeaderInCharge, author->unitId)) {
            const QJsonObject out = act(*h, h->login(p.id), id, u"approve"_s, 1,
                                        {{"confidentiality_attested"_L1, true}}, &status);
            QVERIFY(status == 403 || status == 404);
            break;
        }
    }
}

QString TestServerApi::create(ServerHarness &h, const QByteArray &token, ItemKind kind, const QString &unitId,
                              const RevisionContent &content)
{
    const QString id = uuid();
    int status = 0;
    act(h, token, id, u"create"_s, -1,
        {{"kind"_L1, toString(kind)}, {"unit_id"_L1, unitId}, {"content"_L1, json::toJson(content)}},
        &status);
    return status == 200 ? id : QString();
}

QStringList TestServerApi::stoppingChecks(const QJsonObject &answer)
{
    QStringList out;
    for (const QJsonValue &f : answer.value("findings"_L1).toArray())
        out << f.toObject().value("check"_L1).toString();
    return out;
}

void TestServerApi::contentChecksOnEveryStep()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    // 彭璐, correspondent of the policy and law section; its unit head, and its leader in charge.
    const QByteArray author = h->login(u"peng.lu"_s);
    const QString unit = u"policy_law"_s;
    QVERIFY(!author.isEmpty());

    // Each case: content the client refuses, sent straight to the API. Submission answers 422 with the
    // findings, the item stays a draft, and the refusal is audited.
    struct Case
    {
        const char *name;
        ItemKind kind;
        std::function<void(RevisionContent &)> spoil;
        QString check;
    };
    const QList<Case> cases{
        {"decision without meeting", ItemKind::CollectiveDecision,
         [](RevisionContent &c) { c.meeting.clear(); }, u"required_fields/meeting_missing"_s},
        {"repost with ftp source", ItemKind::Repost,
         [](RevisionContent &c) { c.sourceUrl = u"ftp://example.org/a"_s; },
         u"required_fields/source_url_invalid"_s},
        {"empty body", ItemKind::News, [](RevisionContent &c) { c.bodyHtml = u"<p> </p>"_s; },
         u"required_fields/body_missing"_s},
        {"no column", ItemKind::News, [](RevisionContent &c) { c.columnId.clear(); },
         u"required_fields/column_missing"_s},
        {"unknown column", ItemKind::News, [](RevisionContent &c) { c.columnId = u"nowhere"_s; },
         u"required_fields/column_unknown"_s},
        {"news in a policy column", ItemKind::News,
         [](RevisionContent &c) { c.columnId = u"policy_documents"_s; },
         u"required_fields/column_unsuitable"_s},
        // Disclosure passes no office: another unit's column is refused (Art. 7, 12).
        {"another unit's column", ItemKind::Disclosure, [](RevisionContent &c) { c.columnId = u"plans"_s; },
         u"required_fields/column_other_unit"_s},
        {"future information date", ItemKind::News,
         [](RevisionContent &c) { c.infoDate = chinaToday().addDays(3); }, u"deadline/info_date_future"_s},
        {"breached limit without reason", ItemKind::News,
         [](RevisionContent &c) { c.infoDate = chinaToday().addDays(-60); }, u"deadline/breached"_s},
    };
    for (const Case &c : cases) {
        RevisionContent content = test::submittableContent(c.kind, unit, QString::fromUtf8(c.name));
        c.spoil(content);
        const QString id = create(*h, author, c.kind, unit, content);
        QVERIFY2(!id.isEmpty(), c.name);
        int status = 0;
        const QJsonObject answer = act(*h, author, id, u"submit"_s, 1, {}, &status);
        QVERIFY2(status == 422, c.name);
        QCOMPARE(answer.value("refusal"_L1).toString(), u"checks_failed"_s);
        QVERIFY2(stoppingChecks(answer).contains(c.check), qPrintable(stoppingChecks(answer).join(u' ')));
        QVERIFY(!answer.value("detail"_L1).toString().isEmpty());
        QCOMPARE(h->store().item(id)->state, WorkflowState::Draft);
        QCOMPARE(h->store().auditEventsFor(id).last().details.value("refusal"_L1).toString(),
                 u"checks_failed"_s);
    }

    // A breached limit passes with a recorded reason: the server records what it found, not what the
    // client claims to have overridden.
    RevisionContent late = test::submittableContent(ItemKind::News, unit, u"迟报的信息"_s);
    late.infoDate = chinaToday().addDays(-60);
    const QString lateId = create(*h, author, ItemKind::News, unit, late);
    int status = 0;
    act(*h, author, lateId, u"submit"_s, 1,
        {{"override_reason"_L1, u"会议纪要今日才印发"_s}, {"overridden_checks"_L1, QJsonArray{u"x/y"_s}}},
        &status);
    QCOMPARE(status, 200);
    bool recorded = false;
    for (const AuditEvent &e : h->store().auditEventsFor(lateId)) {
        if (e.type == "override"_L1)
            recorded = e.details.value("checks"_L1).toArray() == QJsonArray{u"deadline/breached"_s} &&
                       e.details.value("reason"_L1).toString() == u"会议纪要今日才印发"_s;
    }
    QVERIFY(recorded);

    // Every approval runs the checks too: a unit head's "minor edit" that empties the body is refused,
    // and the item waits where it was.
    const QString good = create(*h, author, ItemKind::News, unit,
                                test::submittableContent(ItemKind::News, unit, u"正常的动态"_s));
    act(*h, author, good, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    RevisionContent emptied = h->store().item(good)->latest()->content;
    emptied.bodyHtml.clear();
    const QByteArray head = h->login(u"xu.wenjing"_s);
    const QJsonObject refused =
        act(*h, head, good, u"approve"_s, 1, {{"content"_L1, json::toJson(emptied)}}, &status);
    QCOMPARE(status, 422);
    QVERIFY(stoppingChecks(refused).contains(u"required_fields/body_missing"_s));
    QCOMPARE(h->store().item(good)->stageId, u"unit_review"_s);
    QCOMPARE(h->store().item(good)->latestNumber(), 1);
    // The late item's overridden limit is decided again at publication: the office director gives his
    // own reason, or it does not go out.
    act(*h, head, lateId, u"approve"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    const QByteArray director = h->login(u"zhou.min"_s);
    const QJsonObject noReason =
        act(*h, director, lateId, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 422);
    QVERIFY(stoppingChecks(noReason).contains(u"deadline/breached"_s));
    act(*h, director, lateId, u"approve"_s, 1,
        {{"confidentiality_attested"_L1, true}, {"override_reason"_L1, u"已向局领导说明迟报原因"_s}},
        &status);
    QCOMPARE(status, 200);
    QCOMPARE(h->store().item(lateId)->state, WorkflowState::Published);
}

void TestServerApi::contentFindingsJudgedOnSubmit()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray author = h->login(u"peng.lu"_s);
    const QString unit = u"policy_law"_s;
    QVERIFY(!author.isEmpty());
    auto draft = [&](const QString &title, const QString &body, const QList<Attachment> &files = {}) {
        RevisionContent c = test::submittableContent(ItemKind::News, unit, title);
        c.bodyHtml = body;
        c.attachments = files;
        return create(*h, author, ItemKind::News, unit, c); // a draft may hold anything
    };
    // Submits `id` straight through the API (no client checked it) and expects the refusal to name
    // `check`, overridable, with where and what in the detail.
    auto refused = [&](const QString &id, const QString &check, const QString &what) {
        int status = 0;
        const QJsonObject answer = act(*h, author, id, u"submit"_s, 1, {}, &status);
        if (status != 422 || answer.value("refusal"_L1).toString() != "checks_failed"_L1 ||
            !stoppingChecks(answer).contains(check) || !answer.value("detail"_L1).toString().contains(what)) {
            qWarning("%d %s", status, QJsonDocument(answer).toJson().constData());
            return false;
        }
        for (const QJsonValue &f : answer.value("findings"_L1).toArray()) {
            if (f.toObject().value("check"_L1).toString() == check &&
                !f.toObject().value("overridable"_L1).toBool())
                return false;
        }
        return h->store().item(id)->state == WorkflowState::Draft;
    };

    // (a) Classification markings.
    for (const QString &marking : {u"【绝密】"_s, u"机密★"_s}) {
        const QString id = draft(u"内部通报"_s, u"<p>%1关于某事项的通报</p>"_s.arg(marking));
        QVERIFY(!id.isEmpty());
        QVERIFY2(
            refused(id, u"content/classification_marking"_s, marking.contains(u'★') ? marking : u"绝密"_s),
            qPrintable(marking));
    }

    // (b) A valid resident ID number.
    const QString withId = draft(u"公示名单"_s, u"<p>申请人：张三，身份证号11010519491231002X。</p>"_s);
    QVERIFY(refused(withId, u"content/resident_id"_s, u"11010519491231002X"_s));

    // (c) The same passes with a reason; the server records what it found and passed, with the unit,
    // the item, the person and the reason.
    int status = 0;
    const QString reason = u"当事人书面同意公开"_s;
    act(*h, author, withId, u"submit"_s, 1,
        {{"override_reason"_L1, reason}, {"overridden_checks"_L1, QJsonArray{u"content/resident_id"_s}}},
        &status);
    QCOMPARE(status, 200);
    QCOMPARE(h->store().item(withId)->state, WorkflowState::InReview);
    bool recorded = false;
    for (const AuditEvent &e : h->store().auditEventsFor(withId)) {
        if (e.type == "override"_L1) {
            QCOMPARE(e.actorId, u"peng.lu"_s);
            QCOMPARE(e.subjectId, withId);
            QCOMPARE(e.details.value("reason"_L1).toString(), reason);
            QCOMPARE(e.details.value("unit_id"_L1).toString(), unit);
            QCOMPARE(e.details.value("checks"_L1).toArray(), QJsonArray{u"content/resident_id"_s});
            recorded = true;
        }
    }
    QVERIFY(recorded);

    // (d) A misused word is a warning: the submission goes through.
    const QString misused = draft(u"国庆活动"_s, u"<p>庆祝中华人名共和国成立。</p>"_s);
    act(*h, author, misused, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);

    // (e) A text attachment with a marking, uploaded as the client does.
    const QByteArray text = "会议纪要\n密级：机密★一年\n"_ba;
    const QByteArray hex = QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex();
    const HttpResult upload = h->post(u"/api/v1/uploads"_s, author,
                                      {{"sha256"_L1, QString::fromLatin1(hex)},
                                       {"size"_L1, double(text.size())},
                                       {"name"_L1, u"纪要.txt"_s}});
    QCOMPARE(upload.status, 201);
    const HttpResult sent =
        h->raw("PATCH", u"/api/v1/uploads/"_s + upload.body.value("upload_id"_L1).toString(), author, text,
               {{"Content-Type", "application/offset+octet-stream"},
                {"Upload-Offset", "0"},
                {"Upload-Checksum",
                 "sha256 " + QCryptographicHash::hash(text, QCryptographicHash::Sha256).toBase64()}});
    QCOMPARE(sent.status, 204);
    QCOMPARE(sent.header("Upload-Complete"), "1"_ba);
    const QString withFile =
        draft(u"会议纪要"_s, u"<p>见附件。</p>"_s,
              {Attachment{uuid(), u"纪要.txt"_s, u"text/plain"_s, text.size(), QByteArray::fromHex(hex)}});
    QVERIFY(!withFile.isEmpty());
    QVERIFY(refused(withFile, u"content/classification_marking"_s, u"纪要.txt"_s));
}

void TestServerApi::wordListsManagedBySiteAdministrator()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QString unit = u"policy_law"_s;
    const QByteArray author = h->login(u"peng.lu"_s);      // correspondent of policy_law
    const QByteArray unitHead = h->login(u"xu.wenjing"_s); // its unit head
    const QByteArray admin = h->login(u"ma.lingyun"_s);    // site administrator
    QVERIFY(!author.isEmpty() && !unitHead.isEmpty() && !admin.isEmpty());
    auto get = [&] { return h->get(u"/api/v1/word-lists"_s, author); };
    auto put = [&](const QByteArray &token, qint64 base, const QString &sensitive, const QString &misused,
                   const QJsonObject &settings = {}) {
        QJsonObject body{{"base_version"_L1, base}, {"sensitive"_L1, sensitive}, {"misused"_L1, misused}};
        if (!settings.isEmpty())
            body.insert("settings"_L1, settings);
        return h->request("PUT", u"/api/v1/word-lists"_s, token, body, true);
    };
    auto events = [&] { return h->store().auditEventsFor(u"word_lists"_s); };

    // Every signed-in person reads them: the shipped lists, version 1, every detector on.
    HttpResult r = get();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value("version"_L1).toInteger(), 1);
    const QString shippedSensitive = WordLists::builtinSensitiveText();
    const QString shippedMisused = WordLists::builtinMisusedText();
    QCOMPARE(r.body.value("sensitive"_L1).toString(), shippedSensitive);
    QCOMPARE(r.body.value("misused"_L1).toString(), shippedMisused);
    QVERIFY(r.body.value("settings"_L1)
                .toObject()
                .value("detectors"_L1)
                .toObject()
                .value("mobile_number"_L1)
                .toBool());
    QCOMPARE(h->get(u"/api/v1/me"_s, author).body.value("word_lists_version"_L1).toInteger(), 1);

    // A word no list has yet, in a draft's body.
    const QString word = u"蓝鲸计划书"_s;
    RevisionContent content = test::submittableContent(ItemKind::News, unit, u"工作动态"_s);
    content.bodyHtml = u"<p>关于%1的说明。</p>"_s.arg(word);
    const QString id = create(*h, author, ItemKind::News, unit, content);
    QVERIFY(!id.isEmpty());
    const QString withWord = shippedSensitive + u"\n%1\tblocking\t测试用词\n"_s.arg(word);

    // Correspondents and unit heads may not change them: 403, nothing changed, nothing audited.
    for (const QByteArray &token : {author, unitHead}) {
        r = put(token, 1, withWord, shippedMisused);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body.value("refusal"_L1).toString(), u"not_permitted"_s);
    }
    QCOMPARE(get().body.value("version"_L1).toInteger(), 1);
    QVERIFY(events().isEmpty());

    // The site administrator adds the word: version 2, one audit event with the counts.
    r = put(admin, 1, withWord, shippedMisused);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value("version"_L1).toInteger(), 2);
    QCOMPARE(get().body.value("sensitive"_L1).toString(), withWord);
    QCOMPARE(h->get(u"/api/v1/me"_s, author).body.value("word_lists_version"_L1).toInteger(), 2);
    QList<AuditEvent> audited = events();
    QCOMPARE(audited.size(), 1);
    QCOMPARE(audited.last().type, u"word_lists.change"_s);
    QCOMPARE(audited.last().actorId, u"ma.lingyun"_s);
    QCOMPARE(audited.last().details.value("version"_L1).toInteger(), 2);
    const QJsonObject sensitiveCounts = audited.last().details.value("sensitive"_L1).toObject();
    QCOMPARE(sensitiveCounts.value("added"_L1).toInt(), 1);
    QCOMPARE(sensitiveCounts.value("removed"_L1).toInt(), 0);
    QCOMPARE(audited.last().details.value("misused"_L1).toObject().value("added"_L1).toInt(), 0);

    // The server judges with the stored lists: the submission (no client checked it) is refused.
    int status = 0;
    QJsonObject answer = act(*h, author, id, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 422);
    QVERIFY2(stoppingChecks(answer).contains(u"content/sensitive_word"_s),
             QJsonDocument(answer).toJson().constData());
    QVERIFY(answer.value("detail"_L1).toString().contains(word));

    // A stale version: 409, nothing changed, nothing audited.
    r = put(admin, 1, shippedSensitive, shippedMisused);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.body.value("refusal"_L1).toString(), u"stale_version"_s);
    QCOMPARE(r.body.value("current_version"_L1).toInteger(), 2);
    // A line that cannot be read: 422 with the line, nothing changed.
    r = put(admin, 2, shippedSensitive, u"# comment\n错字没有更正\n"_s);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body.value("refusal"_L1).toString(), u"word_lists_invalid"_s);
    const QJsonArray lineErrors = r.body.value("errors"_L1).toArray();
    QCOMPARE(lineErrors.size(), 1);
    QVERIFY2(lineErrors.first().toString().contains(u"misused.txt"_s) &&
                 lineErrors.first().toString().contains(u"2"_s),
             qPrintable(lineErrors.first().toString()));
    // An unknown detector: 422.
    r = put(admin, 2, withWord, shippedMisused, {{"detectors"_L1, QJsonObject{{"telepathy"_L1, false}}}});
    QCOMPARE(r.status, 422);
    // Too large: 413.
    r = put(admin, 2, QString(5 * 1024 * 1024, u'a'), shippedMisused);
    QCOMPARE(r.status, 413);
    r = get();
    QCOMPARE(r.body.value("version"_L1).toInteger(), 2);
    QCOMPARE(r.body.value("sensitive"_L1).toString(), withWord);
    QCOMPARE(r.body.value("misused"_L1).toString(), shippedMisused);
    QCOMPARE(events().size(), 1);

    // The word removed, and classification markings turned off: version 3; the word no longer blocks.
    r = put(admin, 2, shippedSensitive, shippedMisused,
            {{"detectors"_L1, QJsonObject{{"classification_marking"_L1, false}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value("version"_L1).toInteger(), 3);
    audited = events();
    QCOMPARE(audited.size(), 2);
    QCOMPARE(audited.last().details.value("sensitive"_L1).toObject().value("removed"_L1).toInt(), 1);
    QCOMPARE(audited.last().details.value("detectors_off"_L1).toArray(),
             QJsonArray{u"classification_marking"_s});
    act(*h, author, id, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(h->store().item(id)->state, WorkflowState::InReview);
    // The server obeys the settings: a marking passes while its detector is off.
    RevisionContent marked = test::submittableContent(ItemKind::News, unit, u"工作动态"_s);
    marked.bodyHtml = u"<p>机密★十年 的说明。</p>"_s;
    const QString markedId = create(*h, author, ItemKind::News, unit, marked);
    QVERIFY(!markedId.isEmpty());
    answer = act(*h, author, markedId, u"submit"_s, 1, {}, &status);
    QVERIFY2(status == 200, QJsonDocument(answer).toJson().constData());
    QVERIFY(h->store().verifyAudit().ok);
}

void TestServerApi::interpretationLinkChecked()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QString unit = u"policy_law"_s;
    const QByteArray author = h->login(u"peng.lu"_s);
    const QByteArray head = h->login(u"xu.wenjing"_s);
    const QByteArray leader = h->login(u"li.jianhua"_s);
    const auto majorPolicy = [&](const QString &interpretationId) {
        RevisionContent c = test::submittableContent(ItemKind::Disclosure, unit, u"关于印发重要政策的通知"_s);
        c.columnId = u"policy_documents"_s;
        c.majorPolicy = true;
        c.interpretationItemId = interpretationId;
        return create(*h, author, ItemKind::Disclosure, unit, c);
    };
    int status = 0;
    // A random id, and the id of another unit's private draft: no item the author may see.
    const QString otherDraft =
        create(*h, h->login(u"yang.shuting"_s), ItemKind::Disclosure, u"spatial_planning"_s,
               test::submittableContent(ItemKind::Disclosure, u"spatial_planning"_s, u"别人的草稿"_s));
    QVERIFY(!otherDraft.isEmpty());
    for (const QString &link : {uuid(), otherDraft}) {
        const QString id = majorPolicy(link);
        const QJsonObject answer = act(*h, author, id, u"submit"_s, 1, {}, &status);
        QCOMPARE(status, 422);
        QVERIFY(stoppingChecks(answer).contains(u"interpretation/interpretation_unknown"_s));
        // Not overridable: a reason does not make a dead link acceptable.
        act(*h, author, id, u"submit"_s, 1, {{"override_reason"_L1, u"随后补上"_s}}, &status);
        QCOMPARE(status, 422);
    }
    // An item of the author's that is not an interpretation (a news item).
    const QString news = create(*h, author, ItemKind::News, unit,
                                test::submittableContent(ItemKind::News, unit, u"一条动态"_s));
    const QJsonObject wrongKind = act(*h, author, majorPolicy(news), u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 422);
    QVERIFY(stoppingChecks(wrongKind).contains(u"interpretation/interpretation_wrong_kind"_s));

    // The interpretation as a draft in the interpretation column: the document may be submitted and
    // pass the unit head, but not be published before its interpretation is live.
    RevisionContent ic = test::submittableContent(ItemKind::Disclosure, unit, u"政策解读"_s);
    ic.columnId = u"policy_interpretation"_s;
    const QString interpretation = create(*h, author, ItemKind::Disclosure, unit, ic);
    const QString document = majorPolicy(interpretation);
    act(*h, author, document, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    act(*h, head, document, u"approve"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    const QJsonObject early =
        act(*h, leader, document, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 422);
    QVERIFY(stoppingChecks(early).contains(u"interpretation/interpretation_not_live"_s));
    QCOMPARE(h->store().item(document)->state, WorkflowState::InReview);
    // Publish the interpretation first; then the document goes out, linked.
    act(*h, author, interpretation, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    act(*h, head, interpretation, u"approve"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    act(*h, leader, interpretation, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    act(*h, leader, document, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(h->store().item(document)->state, WorkflowState::Published);
}

void TestServerApi::minorEditsAndLivePages()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QString unit = u"bazhou"_s;
    const QByteArray author = h->login(u"mou.xiaolin"_s);
    const QByteArray head = h->login(u"gou.zhenhua"_s);
    const QByteArray director = h->login(u"zhou.min"_s);
    int status = 0;
    RevisionContent c = test::submittableContent(ItemKind::News, unit, u"巴州区分局开展执法检查"_s);
    c.bodyHtml = u"<p>近日，巴州区分局组织开展土地执法专项检查，共检查项目十二个。</p>"
                 u"<p>检查中发现的问题已当场交办，限期整改。</p>"_s;
    const QString id = create(*h, author, ItemKind::News, unit, c);
    act(*h, author, id, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    // The route-deciding flags may not change in review: the municipal-portal flag would leave the item
    // at a stage of a route it no longer has; the major-policy flag would skip Art. 10.
    for (const auto &[field, value] :
         {std::pair{"to_municipal_portal", QJsonValue(true)}, std::pair{"major_policy", QJsonValue(true)},
          std::pair{"column_id", QJsonValue(u"superior_news"_s)}}) {
        QJsonObject edited = json::toJson(c);
        edited.insert(QLatin1StringView(field), value);
        const QJsonObject answer = act(*h, head, id, u"approve"_s, 1, {{"content"_L1, edited}}, &status);
        QCOMPARE(status, 422);
        QCOMPARE(answer.value("refusal"_L1).toString(), u"edit_not_minor"_s);
    }
    // A rewrite nobody else saw is not a minor edit either.
    QJsonObject rewrite = json::toJson(c);
    rewrite.insert(
        u"body_html"_s,
        u"<p>经研究，决定暂停全区所有建设项目的规划审批，恢复时间另行通知，请各单位相互转告。</p>"_s);
    QCOMPARE(
        act(*h, head, id, u"approve"_s, 1, {{"content"_L1, rewrite}}, &status).value("refusal"_L1).toString(),
        u"edit_not_minor"_s);
    // The item still waits in the unit head's queue, at its stage.
    QCOMPARE(h->store().item(id)->stageId, u"unit_review"_s);
    QCOMPARE(h->get(u"/api/v1/queue"_s, head).body.value("count"_L1).toInt(), 1);
    // A typo fixed is fine.
    QJsonObject typo = json::toJson(c);
    typo.insert(u"title"_s, u"巴州区分局开展土地执法检查"_s);
    act(*h, head, id, u"approve"_s, 1, {{"content"_L1, typo}}, &status);
    QCOMPARE(status, 200);
    act(*h, director, id, u"approve"_s, 2, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    QVERIFY(h->store().item(id)->isLive());

    // A change of the live item that also goes to the municipal portal: its last stage may not end
    // "not on the bureau site" — that would delete the live page without the retraction route.
    RevisionContent changed = h->store().item(id)->latest()->content;
    changed.title = u"巴州区分局开展土地执法专项检查"_s;
    changed.toMunicipalPortal = true;
    act(*h, author, id, u"propose_change"_s, 2, {{"content"_L1, json::toJson(changed)}}, &status);
    QCOMPARE(status, 200);
    act(*h, head, id, u"approve"_s, 3, {}, &status);
    QCOMPARE(status, 200);
    act(*h, director, id, u"approve"_s, 3, {}, &status); // office sign-off
    QCOMPARE(status, 200);
    // The bureau office review (municipal route) is another office director's: one person, one stage.
    act(*h, director, id, u"approve"_s, 3, {}, &status);
    QCOMPARE(status, 403);
    act(*h, h->login(u"xie.bo"_s), id, u"approve"_s, 3, {}, &status);
    QCOMPARE(status, 200);
    const QByteArray siteManager = h->login(u"ma.lingyun"_s);
    const QJsonObject kept =
        act(*h, siteManager, id, u"approve"_s, 3,
            {{"confidentiality_attested"_L1, true}, {"publish_on_bureau_site"_L1, false}}, &status);
    QCOMPARE(status, 422);
    QCOMPARE(kept.value("refusal"_L1).toString(), u"live_page_kept"_s);
    QVERIFY(h->store().item(id)->isLive());
    act(*h, siteManager, id, u"approve"_s, 3, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(h->store().item(id)->liveRevision, 3);
}

void TestServerApi::onePersonDecidesOneStage()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    // An office news item: 周敏 heads the office and is its director too. Having passed the unit's
    // review, he may not sign it off as director as well; another director does.
    const QByteArray author = h->login(u"he.xiaoyu"_s);
    const QByteArray zhou = h->login(u"zhou.min"_s);
    const QByteArray deputy = h->login(u"xie.bo"_s);
    int status = 0;
    const QString id = create(*h, author, ItemKind::News, u"office"_s,
                              test::submittableContent(ItemKind::News, u"office"_s, u"办公室动态"_s));
    act(*h, author, id, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    act(*h, zhou, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 200);
    const auto queued = [&](const QByteArray &token) { return inQueue(*h, token, id); };
    QVERIFY(!queued(zhou));
    QVERIFY(queued(deputy));
    const QJsonObject refused =
        act(*h, zhou, id, u"approve"_s, 1,
            {{"stage_id"_L1, u"office_signoff"_s}, {"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 403);
    QCOMPARE(refused.value("refusal"_L1).toString(), u"decided_other_stage"_s);
    act(*h, deputy, id, u"approve"_s, 1,
        {{"stage_id"_L1, u"office_signoff"_s}, {"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    const Item published = *h->store().item(id);
    QCOMPARE(published.state, WorkflowState::Published);
    QCOMPARE(published.decisions.at(0).personId, u"zhou.min"_s);
    QCOMPARE(published.decisions.at(1).personId, u"xie.bo"_s);
}

void TestServerApi::escalationWhereNobodyIsEligible()
{
    QFETCH_GLOBAL(QString, backend);
    // 苟振华, Bazhou's only unit head, drafts for his unit himself: nobody eligible holds the unit
    // review, so it escalates (routes.json) to Bazhou's leader in charge, 王志强; he cannot sign
    // off too, so the sign-off escalates to the office directors.
    Organization org = m_org;
    for (Person &p : org.people) {
        if (p.id == "gou.zhenhua"_L1)
            p.grants.append(RoleGrant{Role::Correspondent, {u"bazhou"_s}, false});
    }
    auto h = start(backend, &org);
    QVERIFY(h);
    const QByteArray head = h->login(u"gou.zhenhua"_s);
    const QByteArray leader = h->login(u"wang.zhiqiang"_s);
    const QByteArray otherLeader = h->login(u"li.jianhua"_s);
    const QByteArray director = h->login(u"xie.bo"_s);
    int status = 0;
    const QString id =
        create(*h, head, ItemKind::Disclosure, u"bazhou"_s,
               test::submittableContent(ItemKind::Disclosure, u"bazhou"_s, u"巴州区公开事项"_s));
    QVERIFY(!id.isEmpty());
    act(*h, head, id, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    const auto queued = [&](const QByteArray &token) { return inQueue(*h, token, id); };
    QVERIFY(queued(leader));
    QVERIFY(!queued(head));
    QVERIFY(!queued(otherLeader));
    QVERIFY(!queued(director));
    QJsonObject refused =
        act(*h, director, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 403);
    QCOMPARE(refused.value("refusal"_L1).toString(), u"not_permitted"_s);
    // Another unit's leader does not even see it.
    act(*h, otherLeader, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 404);
    act(*h, leader, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 200);
    // The sign-off: not the leader again; the office directors' queue.
    QVERIFY(!queued(leader));
    QVERIFY(queued(director));
    act(*h, leader, id, u"approve"_s, 1,
        {{"stage_id"_L1, u"leader_signoff"_s}, {"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 403);
    act(*h, director, id, u"approve"_s, 1,
        {{"stage_id"_L1, u"leader_signoff"_s}, {"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    const Item published = *h->store().item(id);
    QCOMPARE(published.state, WorkflowState::Published);
    QCOMPARE(published.decisions.at(0).personId, u"wang.zhiqiang"_s);
    QCOMPARE(published.decisions.at(1).personId, u"xie.bo"_s);
    // The audit says who decided in whose place.
    QStringList escalated;
    for (const AuditEvent &e : h->store().auditEventsFor(id)) {
        if (e.type == "action.approve"_L1)
            escalated << e.details.value("escalated_to"_L1).toString();
    }
    QCOMPARE(escalated, (QStringList{u"leader_in_charge"_s, u"office_director"_s}));

    // An ordinary item of the unit stays with its unit head: no escalation.
    const QByteArray correspondent = h->login(u"mou.xiaolin"_s);
    const QString ordinary = createAndSubmit(*h, correspondent, ItemKind::News, u"bazhou"_s);
    QVERIFY(!ordinary.isEmpty());
    act(*h, leader, ordinary, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 403);
    act(*h, head, ordinary, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 200);
}

void TestServerApi::organizationChangeSeenAtOnce()
{
    QFETCH_GLOBAL(QString, backend);
    // The server keeps the organization in memory while its version is unchanged. A change written
    // to the store by someone else (the command line, another server sharing the database) bumps the
    // version and is seen by the very next request: the queue and the approval both follow it.
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray correspondent = h->login(u"mou.xiaolin"_s);
    const QByteArray head = h->login(u"gou.zhenhua"_s);
    const QByteArray leader = h->login(u"wang.zhiqiang"_s);
    const QString id = createAndSubmit(*h, correspondent, ItemKind::News, u"bazhou"_s);
    QVERIFY(!id.isEmpty());
    QVERIFY(inQueue(*h, head, id)); // the organization is read (and kept) here
    QVERIFY(!inQueue(*h, leader, id));

    // 苟振华 is no longer Bazhou's unit head: nobody eligible holds the unit review, so it escalates
    // to Bazhou's leader in charge at once.
    Person gou = *m_org.person(u"gou.zhenhua"_s);
    gou.grants.removeIf([](const RoleGrant &g) { return g.role == Role::UnitHead; });
    QVERIFY(h->store().savePerson(gou));
    QVERIFY(inQueue(*h, leader, id));
    int status = 0;
    act(*h, leader, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    QCOMPARE(status, 200);
    bool escalated = false;
    for (const AuditEvent &e : h->store().auditEventsFor(id))
        escalated |=
            e.type == "action.approve"_L1 && e.details.value("escalated_to"_L1) == "leader_in_charge"_L1;
    QVERIFY(escalated);
}

void TestServerApi::otherUnitsSeeOnlyTheLiveRevision()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QString unit = u"bazhou"_s;
    const QByteArray author = h->login(u"mou.xiaolin"_s);
    const QByteArray head = h->login(u"gou.zhenhua"_s);
    const QByteArray director = h->login(u"zhou.min"_s);
    const QByteArray outsider = h->login(u"peng.lu"_s); // a correspondent of another unit
    int status = 0;
    const QString id = create(*h, author, ItemKind::News, unit,
                              test::submittableContent(ItemKind::News, unit, u"已发布的动态"_s));
    act(*h, author, id, u"submit"_s, 1, {}, &status);
    act(*h, head, id, u"return"_s, 1, {{"reason"_L1, u"内部意见：数字需核实"_s}}, &status);
    QCOMPARE(status, 200);
    act(*h, author, id, u"submit"_s, 1, {}, &status);
    act(*h, head, id, u"approve"_s, 1, {}, &status);
    act(*h, director, id, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    // A proposed change in review, with a comment.
    RevisionContent changed = test::submittableContent(ItemKind::News, unit, u"尚未审核的修改稿"_s);
    act(*h, author, id, u"propose_change"_s, 1, {{"content"_L1, json::toJson(changed)}}, &status);
    QCOMPARE(status, 200);
    act(*h, head, id, u"comment"_s, 2, {{"reason"_L1, u"内部批注"_s}}, &status);
    QCOMPARE(status, 200);

    // The unit sees it all; another unit only the live revision, as the site shows it.
    const QJsonObject whole = h->get(u"/api/v1/items/"_s + id, head).body.value("item"_L1).toObject();
    QCOMPARE(whole.value("revisions"_L1).toArray().size(), 2);
    const HttpResult seen = h->get(u"/api/v1/items/"_s + id, outsider);
    QCOMPARE(seen.status, 200);
    const QJsonObject view = seen.body.value("item"_L1).toObject();
    const QByteArray text = QJsonDocument(view).toJson();
    QCOMPARE(view.value("revisions"_L1).toArray().size(), 1);
    QVERIFY(!text.contains("尚未审核的修改稿"));
    QVERIFY(!text.contains("内部意见"));
    QVERIFY(!text.contains("内部批注"));
    QCOMPARE(view.value("decisions"_L1).toArray().size(), 0);
    QCOMPARE(view.value("state"_L1).toString(), u"published"_s);
    // Its history: when it was published, nothing of the review.
    const HttpResult history = h->get(u"/api/v1/items/%1/history"_s.arg(id), outsider);
    QCOMPARE(history.status, 200);
    const QJsonArray events = history.body.value("events"_L1).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().toObject().value("type"_L1).toString(), u"publish"_s);
    // The change feed gives the same view.
    const HttpResult feed = h->get(u"/api/v1/changes?cursor=0"_s, outsider);
    QCOMPARE(feed.status, 200);
    bool found = false;
    for (const QJsonValue &v : feed.body.value("changes"_L1).toArray()) {
        const QJsonObject item = v.toObject().value("item"_L1).toObject();
        if (item.value("id"_L1).toString() != id)
            continue;
        found = true;
        QCOMPARE(item.value("revisions"_L1).toArray().size(), 1);
        QVERIFY(!QJsonDocument(item).toJson().contains("尚未审核的修改稿"));
        QVERIFY(!QJsonDocument(item).toJson().contains("内部"));
    }
    QVERIFY(found);
}

void TestServerApi::idempotentActions()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = correspondentOf(m_org, UnitType::Section);
    const QByteArray token = h->login(author->id);
    const QString id = uuid();
    int status = 0;
    act(*h, token, id, u"create"_s, -1,
        {{"kind"_L1, u"news"_s},
         {"unit_id"_L1, author->unitId},
         {"content"_L1, contentJson(u"幂等"_s, ItemKind::News, author->unitId)}},
        &status);
    QCOMPARE(status, 200);

    const QJsonObject submit{
        {"action_id"_L1, uuid()}, {"action"_L1, u"submit"_s}, {"item_id"_L1, id}, {"base_revision"_L1, 1}};
    QByteArray first;
    for (int i = 0; i < 10; ++i) {
        const HttpResult r = h->post(u"/api/v1/actions"_s, token, submit);
        QCOMPARE(r.status, 200);
        if (i == 0)
            first = r.raw;
        QCOMPARE(r.raw, first); // ten identical answers
    }
    // The recorded answer is read with the session's check (ServerStore::expectAction on PostgreSQL)
    // but given only to whoever is signed in as its author: a made-up token, an ended session and
    // another person get nothing of it.
    const HttpResult madeUp = h->post(u"/api/v1/actions"_s, "made-up-token", submit);
    QCOMPARE(madeUp.status, 401);
    QVERIFY(!madeUp.raw.contains("X-Baosong-Replay"));
    const QByteArray ended = h->login(author->id);
    QCOMPARE(h->request("DELETE", u"/api/v1/session"_s, ended).status, 200);
    QCOMPARE(h->post(u"/api/v1/actions"_s, ended, submit).status, 401);
    const auto someoneElse = std::find_if(m_org.people.cbegin(), m_org.people.cend(),
                                          [&](const Person &p) { return p.id != author->id && !p.disabled; });
    QVERIFY(someoneElse != m_org.people.cend());
    const HttpResult byOther = h->post(u"/api/v1/actions"_s, h->login(someoneElse->id), submit);
    QCOMPARE(byOther.status, 422);
    QVERIFY(!byOther.raw.contains("X-Baosong-Replay"));
    const std::optional<Item> item = h->store().item(id);
    QVERIFY(item);
    QCOMPARE(item->state, WorkflowState::InReview);
    QCOMPARE(item->cycle, 1); // one transition
    int submits = 0;
    for (const AuditEvent &e : h->store().auditEventsFor(id))
        submits += e.type == "action.submit"_L1 ? 1 : 0;
    QCOMPARE(submits, 1);

    // The same action id for another item or by another person is refused, not replayed.
    QJsonObject reused = submit;
    reused.insert("item_id"_L1, uuid());
    QCOMPARE(h->post(u"/api/v1/actions"_s, token, reused).status, 422);
    // ... and so is the same id for another action on the same item by the same person: 422, nothing
    // done (the server keeps a hash of the whole request).
    QJsonObject other = submit;
    other.insert("action"_L1, u"withdraw"_s);
    const HttpResult otherAnswer = h->post(u"/api/v1/actions"_s, token, other);
    QCOMPARE(otherAnswer.status, 422);
    QVERIFY(!otherAnswer.raw.contains("X-Baosong-Replay"));
    QCOMPARE(h->store().item(id)->state, WorkflowState::InReview);
    QJsonObject sameButReason = submit;
    sameButReason.insert("reason"_L1, u"改了一个字段"_s);
    QCOMPARE(h->post(u"/api/v1/actions"_s, token, sameButReason).status, 422);
    QCOMPARE(h->post(u"/api/v1/actions"_s, token, submit).raw, first); // the true repeat still replays

    // An action made on an old revision: 409 with the current revision.
    const Stage first0 = RouteEngine::builtin().stages(ItemKind::News).first();
    const QByteArray head = h->login(decider(m_org, first0, author->unitId, author->id)->id);
    const QJsonObject stale = act(*h, head, id, u"approve"_s, 0, {}, &status);
    QCOMPARE(status, 409);
    QCOMPARE(stale.value("refusal"_L1).toString(), u"stale_revision"_s);
    QCOMPARE(stale.value("current_revision"_L1).toInt(), 1);
    QCOMPARE(h->store().item(id)->state, WorkflowState::InReview);
}

void TestServerApi::twoReviewersAtOnce()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = correspondentOf(m_org, UnitType::Section);
    // A second head of the author's unit.
    Person second;
    second.id = u"second.head"_s;
    second.name = u"第二负责人"_s;
    second.unitId = author->unitId;
    second.grants.append(RoleGrant{Role::UnitHead, {author->unitId}, false});
    QVERIFY(h->store().savePerson(second));
    QString error;
    QVERIFY(h->accounts().setPassword(u"test"_s, second.id, ServerHarness::password(second.id),
                                      QDateTime::currentDateTimeUtc(), &error));
    const QByteArray authorToken = h->login(author->id);
    const QString id = createAndSubmit(*h, authorToken, ItemKind::News, author->unitId);
    QVERIFY(!id.isEmpty());
    const Stage first = RouteEngine::builtin().stages(ItemKind::News).first();
    const QByteArray headA = h->login(decider(m_org, first, author->unitId, author->id)->id);
    const QByteArray headB = h->login(second.id);

    // Both send their decision on revision 1 at the same moment (from two threads).
    auto send = [&](const QByteArray &token, const QString &action) {
        ServerHarness *server = h.get();
        return std::async(std::launch::async, [server, token, action, id] {
            QNetworkAccessManager nam;
            QNetworkRequest req(QUrl(u"https://127.0.0.1:%1/api/v1/actions"_s.arg(server->port())));
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(QSslCertificate::fromPath(server->folder() + u"/server.crt"_s));
            req.setSslConfiguration(ssl);
            req.setRawHeader("Authorization", "Bearer " + token);
            req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            const QJsonObject body{{"action_id"_L1, uuid()},
                                   {"action"_L1, action},
                                   {"item_id"_L1, id},
                                   {"base_revision"_L1, 1},
                                   {"stage_id"_L1, u"unit_review"_s},
                                   {"reason"_L1, u"需要补充材料"_s}};
            QNetworkReply *reply = nam.post(req, QJsonDocument(body).toJson());
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            delete reply;
            return status;
        });
    };
    auto a = send(headA, u"approve"_s);
    auto b = send(headB, u"return"_s);
    const int sa = a.get();
    const int sb = b.get();
    // One wins, the other sees a conflict; both are audited.
    QVERIFY2((sa == 200) != (sb == 200), qPrintable(u"%1 %2"_s.arg(sa).arg(sb)));
    QCOMPARE(sa == 200 ? sb : sa, 409);
    QStringList types;
    for (const AuditEvent &e : h->store().auditEventsFor(id))
        types.append(e.type);
    QCOMPARE(types.count(u"action.refused"_s), 1);
    QCOMPARE(types.count(u"action.approve"_s) + types.count(u"action.return"_s), 1);
}

// PostgreSQL: an action reads and judges without the writers' lock (servers sharing the database do
// that at the same time) and takes it only to write. When another server wrote the item meanwhile,
// the action is judged again on what is stored: here the item was returned between the approval's
// judging and its writing, so the approval of revision 1 is refused (409) instead of written over
// the return.
void TestServerApi::judgedAgainWhenItemChangedMeanwhile()
{
    QFETCH_GLOBAL(QString, backend);
    // SQLite takes the writers' lock when the transaction begins: nothing can come between, the hook
    // never runs and the approval is written.
    const bool deferred = backend == "postgres"_L1;
    auto h = start(backend);
    QVERIFY(h);
    QByteArray headToken;
    const QString id = submittedNews(*h, &headToken);
    QVERIFY(!id.isEmpty());

    int hooked = 0;
    h->api().setBeforeWriteLock([&] {
        if (hooked++ > 0)
            return;
        // Another server's write, on a connection of its own (another thread), committed now.
        const bool saved = std::async(std::launch::async, [&] {
                               Item item = *h->store().item(id);
                               item.state = WorkflowState::Returned;
                               item.stageId.clear();
                               return h->store().saveItem(item, QString());
                           }).get();
        QVERIFY(saved);
    });
    int status = 0;
    const QJsonObject answer =
        act(*h, headToken, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    h->api().setBeforeWriteLock({});
    if (!deferred) {
        QCOMPARE(hooked, 0);
        QVERIFY2(status == 200, QJsonDocument(answer).toJson());
        QCOMPARE(h->store().item(id)->decisions.size(), 1);
        return;
    }
    QVERIFY2(hooked >= 2, "the action was not judged again");
    QVERIFY2(status == 409, QJsonDocument(answer).toJson());
    QCOMPARE(h->store().item(id)->state, WorkflowState::Returned);
    QVERIFY(h->store().item(id)->decisions.isEmpty());
}

// PostgreSQL: an action chains its audit events to the log's end it read before the writers' lock
// (one call to write them: ServerStore::writeActionIfStill). When another server appended an event
// meanwhile, it is written under the lock after that event instead: one chain, nothing lost.
void TestServerApi::auditEndMovedMeanwhile()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    QByteArray headToken;
    const QString id = submittedNews(*h, &headToken);
    QVERIFY(!id.isEmpty());

    AuditEvent other;
    int hooked = 0;
    h->api().setBeforeWriteLock([&] {
        if (hooked++ > 0)
            return;
        // Another server's audit event (a failed sign-in, say), committed now on its own connection.
        const bool appended = std::async(std::launch::async, [&] {
                                  other.actorId = u"someone"_s;
                                  other.type = u"login.failed"_s;
                                  return h->store().appendAudit(other);
                              }).get();
        QVERIFY(appended);
    });
    int status = 0;
    const QJsonObject answer =
        act(*h, headToken, id, u"approve"_s, 1, {{"stage_id"_L1, u"unit_review"_s}}, &status);
    h->api().setBeforeWriteLock({});
    QVERIFY2(status == 200, QJsonDocument(answer).toJson());
    QCOMPARE(h->store().item(id)->decisions.size(), 1);
    if (backend == "postgres"_L1)
        QCOMPARE(hooked, 1); // judged once: the item did not change
    else
        QCOMPARE(hooked, 0); // SQLite locks at the start: nothing comes between
    const QList<AuditEvent> events = h->store().auditEventsFor(id);
    QVERIFY(!events.isEmpty());
    const AuditEvent &approval = events.last();
    QCOMPARE(approval.type, u"action.approve"_s);
    if (backend == "postgres"_L1) {
        QCOMPARE(approval.sequence, other.sequence + 1);
        QCOMPARE(approval.previousHash, other.hash);
    }
    const server::AuditVerification v = h->store().verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QVERIFY(v.checkpointVerified);
}

// The regulation's days are China's (UTC+8), whatever zone the server's machine is on (here UTC): at
// 07:30 in Beijing on 3 May, still 2 May in UTC, an information date of 3 May is not "in the future",
// and in the queue an item whose target date was 2 May is overdue, not due today.
void TestServerApi::daysAreChinas()
{
    QFETCH_GLOBAL(QString, backend);
    const QByteArray zoneBefore = qgetenv("TZ");
    const bool hadZone = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "UTC");
    tzset();
    const auto restoreZone = qScopeGuard([&] {
        if (hadZone)
            qputenv("TZ", zoneBefore);
        else
            qunsetenv("TZ");
        tzset();
    });
    QCOMPARE(QDateTime(QDate(2024, 5, 2), QTime(23, 30), Qt::UTC).toLocalTime().date(), QDate(2024, 5, 2));
    auto h = start(backend);
    QVERIFY(h);
    const QDateTime at(QDate(2024, 5, 2), QTime(23, 30), Qt::UTC); // 3 May, 07:30 in Beijing
    h->api().setClock([at] { return at; });
    const Person *author = correspondentOf(m_org, UnitType::Section);
    QVERIFY(author);
    const QByteArray token = h->login(author->id);
    QVERIFY(!token.isEmpty());

    RevisionContent today = test::submittableContent(ItemKind::News, author->unitId, u"今日的信息"_s);
    today.infoDate = QDate(2024, 5, 3);
    const QString fresh = create(*h, token, ItemKind::News, author->unitId, today);
    QVERIFY(!fresh.isEmpty());
    int status = 0;
    QJsonObject answer = act(*h, token, fresh, u"submit"_s, 1, {}, &status);
    QVERIFY2(status == 200, qPrintable(stoppingChecks(answer).join(u' ')));

    RevisionContent due = test::submittableContent(ItemKind::News, author->unitId, u"五天前的信息"_s);
    due.infoDate = QDate(2024, 4, 27); // target 2 May (5 calendar days), limit 12 May
    const QString late = create(*h, token, ItemKind::News, author->unitId, due);
    QVERIFY(!late.isEmpty());
    answer = act(*h, token, late, u"submit"_s, 1, {}, &status);
    QVERIFY2(status == 200, qPrintable(stoppingChecks(answer).join(u' ')));

    const Stage first = RouteEngine::builtin().stages(ItemKind::News).first();
    const Person *head = decider(m_org, first, author->unitId, author->id);
    QVERIFY(head);
    const HttpResult queue = h->get(u"/api/v1/queue"_s, h->login(head->id));
    QCOMPARE(queue.status, 200);
    QHash<QString, QString> states;
    for (const QJsonValue &v : queue.body.value("items"_L1).toArray())
        states.insert(v.toObject().value("id"_L1).toString(),
                      v.toObject().value("deadline_state"_L1).toString());
    QCOMPARE(states.value(late), u"overdue"_s);
    QCOMPARE(states.value(fresh), u"on_time"_s);
}

void TestServerApi::sessions()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person &p = m_org.people.first();
    const QByteArray token = h->login(p.id);
    QVERIFY(!token.isEmpty());
    HttpResult me = h->get(u"/api/v1/me"_s, token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.body.value("person"_L1).toObject().value("id"_L1).toString(), p.id);
    QCOMPARE(me.body.value("server_id"_L1).toString(), h->store().serverId());
    QVERIFY(!me.body.value("roles"_L1).toArray().isEmpty());
    // No token, a made-up token: 401 problem with a request id.
    me = h->get(u"/api/v1/me"_s, {});
    QCOMPARE(me.status, 401);
    QCOMPARE(me.body.value("request_id"_L1).toString(), QString::fromLatin1(me.requestId));
    QCOMPARE(h->get(u"/api/v1/me"_s, "made-up-token").status, 401);
    // Expired: the server's clock moves past the session's end.
    h->api().setClock([] { return QDateTime::currentDateTimeUtc().addDays(2); });
    QCOMPARE(h->get(u"/api/v1/me"_s, token).status, 401);
    h->api().setClock({});
    QCOMPARE(h->get(u"/api/v1/me"_s, token).status, 200);
    // Revoked by signing out.
    QCOMPARE(h->request("DELETE", u"/api/v1/session"_s, token).status, 200);
    QCOMPARE(h->get(u"/api/v1/me"_s, token).status, 401);
    // A disabled person's sessions end at once.
    const QByteArray again = h->login(p.id);
    QString error;
    QVERIFY(h->accounts().setDisabled(u"test"_s, p.id, true, QDateTime::currentDateTimeUtc(), &error));
    QCOMPARE(h->get(u"/api/v1/me"_s, again).status, 401);
    QCOMPARE(h->post(u"/api/v1/session"_s, {},
                     {{"login"_L1, p.id}, {"password"_L1, ServerHarness::password(p.id)}})
                 .status,
             403);
    // The organization is there for a signed-in person.
    const QByteArray other = h->login(m_org.people.last().id);
    const HttpResult org = h->get(u"/api/v1/organization"_s, other);
    QCOMPARE(org.status, 200);
    QCOMPARE(org.body.value("units"_L1).toArray().size(), m_org.units.size());
    QCOMPARE(org.body.value("columns"_L1).toArray().size(), m_org.columns.size());
    QVERIFY(!org.raw.contains("password"));
    // It is a whole organization a client can keep (its name included), as imported.
    Organization fetched;
    QString parseError;
    QVERIFY2(Organization::fromJson(org.body, &fetched, &parseError), qPrintable(parseError));
    QCOMPARE(fetched.name, m_org.name);
    QCOMPARE(fetched.exampleData, m_org.exampleData);
    QCOMPARE(fetched.people.size(), m_org.people.size());
}

void TestServerApi::loginThrottlingAndLockout()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QString id = m_org.people.first().id;
    QDateTime clock = QDateTime::currentDateTimeUtc();
    h->api().setClock([&clock] { return clock; });
    auto attempt = [&](const QString &password) {
        return h->post(u"/api/v1/session"_s, {}, {{"login"_L1, id}, {"password"_L1, password}});
    };
    // Three wrong passwords: 401, said the same way as for an unknown person.
    QString message;
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = attempt(u"wrong"_s);
        QCOMPARE(r.status, 401);
        message = r.body.value("detail"_L1).toString();
    }
    const HttpResult unknown =
        h->post(u"/api/v1/session"_s, {}, {{"login"_L1, u"nobody"_s}, {"password"_L1, u"x"_s}});
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.body.value("detail"_L1).toString(), message);
    // Slowed: the next try right away is refused with Retry-After, even with the right password.
    HttpResult r = attempt(ServerHarness::password(id));
    QCOMPARE(r.status, 429);
    QVERIFY(r.body.value("retry_after"_L1).toInt() >= 1);
    // After the wait, a fourth failure is counted; the fifth locks the account (policy: 5).
    clock = clock.addSecs(60);
    QCOMPARE(attempt(u"wrong"_s).status, 401);
    clock = clock.addSecs(60);
    QCOMPARE(attempt(u"wrong"_s).status, 429);
    // Locked: even the right password is refused until the lock ends.
    clock = clock.addSecs(5);
    r = attempt(ServerHarness::password(id));
    QCOMPARE(r.status, 429);
    // The lock ends; the right password works and resets the count.
    clock = clock.addSecs(3600);
    r = attempt(ServerHarness::password(id));
    QCOMPARE(r.status, 200);
    QVERIFY(h->store().account(id)->failedLogins == 0);
    bool locked = false;
    for (const AuditEvent &e : h->store().auditEvents(1, 1000))
        locked = locked || e.type == "login.locked"_L1;
    QVERIFY(locked);

    // A login that names nobody is slowed and locked exactly like a real one: the answers, statuses and
    // waits, don't tell which logins exist.
    const auto sequence = [&](const QString &login) {
        QStringList out;
        const auto tryIt = [&] {
            const HttpResult r =
                h->post(u"/api/v1/session"_s, {}, {{"login"_L1, login}, {"password"_L1, u"wrong"_s}});
            out << u"%1/%2/%3"_s.arg(r.status)
                       .arg(r.body.value("retry_after"_L1).toInt())
                       .arg(QString::fromLatin1(r.header("Retry-After")));
        };
        for (int i = 0; i < 3; ++i)
            tryIt();
        tryIt(); // slowed
        clock = clock.addSecs(60);
        tryIt();
        clock = clock.addSecs(60);
        tryIt(); // locked
        clock = clock.addSecs(5);
        tryIt();
        return out;
    };
    const QStringList real = sequence(m_org.people.at(1).id);
    const QStringList unknownOne = sequence(u"no.such.person"_s);
    QCOMPARE(unknownOne, real);
    QVERIFY(real.at(3).startsWith(u"429/"_s));
    QVERIFY(real.at(5).startsWith(u"429/"_s));

    // A password change with wrong current passwords is slowed the same way: 429 with Retry-After.
    clock = clock.addSecs(7200);
    const QString person = m_org.people.at(2).id;
    const QByteArray token = h->post(u"/api/v1/session"_s, {},
                                     {{"login"_L1, person}, {"password"_L1, ServerHarness::password(person)}})
                                 .body.value("token"_L1)
                                 .toString()
                                 .toLatin1();
    QVERIFY(!token.isEmpty());
    const auto change = [&] {
        return h->post(
            u"/api/v1/password"_s, token,
            {{"old_password"_L1, u"not-my-password"_s}, {"new_password"_L1, u"a-new-password-99"_s}});
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(change().status, 422);
    const HttpResult slowed = change();
    QCOMPARE(slowed.status, 429);
    QVERIFY(slowed.header("Retry-After").toInt() >= 1);
    QVERIFY(!slowed.body.value("detail"_L1).toString().isEmpty());
}

void TestServerApi::changeFeed()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = correspondentOf(m_org, UnitType::Section);
    const QByteArray token = h->login(author->id);
    // Five items submitted, one draft kept private, one draft deleted.
    QStringList submitted;
    for (int i = 0; i < 5; ++i)
        submitted.append(createAndSubmit(*h, token, ItemKind::News, author->unitId));
    const QString draft = uuid();
    int status = 0;
    act(*h, token, draft, u"create"_s, -1,
        {{"kind"_L1, u"news"_s},
         {"unit_id"_L1, author->unitId},
         {"content"_L1, contentJson(u"草稿"_s, ItemKind::News, author->unitId)}},
        &status);
    QCOMPARE(status, 200);
    const QString deleted = uuid();
    act(*h, token, deleted, u"create"_s, -1,
        {{"kind"_L1, u"news"_s},
         {"unit_id"_L1, author->unitId},
         {"content"_L1, contentJson(u"删除"_s, ItemKind::News, author->unitId)}},
        &status);
    act(*h, token, deleted, u"delete"_s, 1, {}, &status);
    QCOMPARE(status, 200);

    // The author pages through the feed two at a time.
    QSet<QString> seen, tombstones;
    QString cursor = u"0"_s;
    for (int guard = 0; guard < 20; ++guard) {
        const HttpResult r = h->get(u"/api/v1/changes?limit=2&cursor="_s + cursor, token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value("server_id"_L1).toString(), h->store().serverId());
        for (const QJsonValue &v : r.body.value("changes"_L1).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value("deleted"_L1).toBool())
                tombstones.insert(c.value("item_id"_L1).toString());
            else
                seen.insert(c.value("item"_L1).toObject().value("id"_L1).toString());
        }
        cursor = r.body.value("cursor"_L1).toString();
        if (!r.body.value("more"_L1).toBool())
            break;
    }
    for (const QString &id : submitted)
        QVERIFY(seen.contains(id));
    QVERIFY(seen.contains(draft));
    QVERIFY(tombstones.contains(deleted));
    QVERIFY(!seen.contains(deleted));
    // A no-op pull: nothing new.
    const HttpResult noop = h->get(u"/api/v1/changes?cursor="_s + cursor, token);
    QVERIFY(noop.body.value("changes"_L1).toArray().isEmpty());

    // Someone of another unit sees neither the draft nor the items in review.
    const Person *outsider = correspondentOf(m_org, UnitType::DistrictBureau);
    const HttpResult theirs = h->get(u"/api/v1/changes?cursor=0"_s, h->login(outsider->id));
    QVERIFY(theirs.body.value("changes"_L1).toArray().isEmpty());
    QCOMPARE(h->get(u"/api/v1/items/"_s + draft, h->login(outsider->id)).status, 404);

    // Tombstones pruned: an old cursor must resync.
    QVERIFY(h->store().pruneTombstones(h->store().latestSequence()));
    const HttpResult resync = h->get(u"/api/v1/changes?cursor=1"_s, token);
    QCOMPARE(resync.status, 200);
    QVERIFY(resync.body.value("resync"_L1).toBool());
    // A client already fetching everything again from 0 pages on past the pruned tombstones.
    const HttpResult full = h->get(u"/api/v1/changes?cursor=1&full=1"_s, token);
    QCOMPARE(full.status, 200);
    QVERIFY(!full.body.value("resync"_L1).toBool());
    QVERIFY(full.body.contains("changes"_L1));
}

void TestServerApi::feedPagesBoundedInBytes()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(u"peng.lu"_s);
    // Six drafts with bodies near the limit (about 3 MB of UTF-8 each).
    const QString big = u"<p>"_s + QString(limits::kBodyHtmlChars - 8, QChar(0x56FD)) + u"</p>"_s;
    QStringList ids;
    for (int i = 0; i < 6; ++i) {
        RevisionContent c = test::submittableContent(ItemKind::News, u"policy_law"_s, u"大正文%1"_s.arg(i));
        c.bodyHtml = big;
        const QString id = create(*h, token, ItemKind::News, u"policy_law"_s, c);
        QVERIFY(!id.isEmpty());
        ids << id;
    }
    // Each page stays within the byte bound (plus the one item that passes it); paging gets them all.
    QSet<QString> seen;
    QString cursor = u"0"_s;
    int pages = 0;
    for (int guard = 0; guard < 20; ++guard) {
        const HttpResult r = h->get(u"/api/v1/changes?cursor="_s + cursor, token);
        QCOMPARE(r.status, 200);
        ++pages;
        QVERIFY2(r.raw.size() < server::Api::kMaxFeedPageBytes + 4 * 1024 * 1024,
                 QByteArray::number(r.raw.size()));
        const QJsonArray changes = r.body.value("changes"_L1).toArray();
        QVERIFY(changes.size() <= 3); // 3 MB each: the third passes 8 MB
        for (const QJsonValue &v : changes)
            seen.insert(v.toObject().value("item"_L1).toObject().value("id"_L1).toString());
        cursor = r.body.value("cursor"_L1).toString();
        if (!r.body.value("more"_L1).toBool())
            break;
    }
    QVERIFY(pages >= 2);
    for (const QString &id : std::as_const(ids))
        QVERIFY(seen.contains(id));
}

void TestServerApi::storeUnwritableAnswered503()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(u"peng.lu"_s);
    const RevisionContent c = test::submittableContent(ItemKind::News, u"policy_law"_s, u"写不进去"_s);
    QVERIFY(!create(*h, token, ItemKind::News, u"policy_law"_s, c).isEmpty());
    QCOMPARE(h->get(u"/api/v1/health"_s, {}).status, 200);

    // The store refuses every write of an action from now on (as a full disk or a read-only file
    // system would), through a connection of the test's own.
    const auto onStore = [&](const QStringList &statements) { return h->runOnStore(statements); };
    const QStringList refuse =
        backend == "postgres"_L1
            ? QStringList{u"CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS "
                          u"$$BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END$$"_s,
                          u"CREATE TRIGGER test_disk_full BEFORE INSERT ON actions FOR EACH ROW "
                          u"EXECUTE FUNCTION test_disk_full()"_s}
            : QStringList{u"CREATE TRIGGER test_disk_full BEFORE INSERT ON actions BEGIN "
                          u"SELECT RAISE(ABORT, 'database or disk is full'); END"_s};
    QCOMPARE(onStore(refuse), QString());

    int status = 0;
    const QString lost = uuid();
    const QJsonObject answer = act(
        *h, token, lost, u"create"_s, -1,
        {{"kind"_L1, u"news"_s}, {"unit_id"_L1, u"policy_law"_s}, {"content"_L1, json::toJson(c)}}, &status);
    QCOMPARE(status, 503);
    QVERIFY(!answer.value("detail"_L1).toString().isEmpty());
    QCOMPARE(answer.value("retry_after"_L1).toInt(), server::kStoreRetryAfterSeconds);
    QVERIFY(!h->store().item(lost)); // nothing half-done
    const HttpResult health = h->get(u"/api/v1/health"_s, {});
    QCOMPARE(health.status, 503);
    QCOMPARE(health.body.value("status"_L1).toString(), u"degraded"_s);
    QVERIFY(health.header("Retry-After").toInt() > 0);

    // The disk has room again: the retry goes through and the server is healthy.
    QCOMPARE(onStore({u"DROP TRIGGER test_disk_full%1"_s.arg(backend == "postgres"_L1 ? u" ON actions"_s
                                                                                      : QString())}),
             QString());
    act(*h, token, lost, u"create"_s, -1,
        {{"kind"_L1, u"news"_s}, {"unit_id"_L1, u"policy_law"_s}, {"content"_L1, json::toJson(c)}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(h->get(u"/api/v1/health"_s, {}).body.value("status"_L1).toString(), u"ok"_s);
}

void TestServerApi::badRequests()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(m_org.people.first().id);
    HttpResult r = h->request("POST", u"/api/v1/actions"_s, token, {}, true);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body.value("status"_L1).toInt(), 400);
    QVERIFY(!r.body.value("request_id"_L1).toString().isEmpty());
    r = h->post(u"/api/v1/actions"_s, token,
                {{"action_id"_L1, uuid()}, {"action"_L1, u"publish_now"_s}, {"item_id"_L1, uuid()}});
    QCOMPARE(r.status, 400);
    r = h->post(u"/api/v1/actions"_s, token,
                {{"action_id"_L1, uuid()}, {"action"_L1, u"approve"_s}, {"item_id"_L1, uuid()}});
    QCOMPARE(r.status, 400); // no base revision
    QCOMPARE(h->get(u"/api/v1/nothing"_s, token).status, 404);
    QCOMPARE(h->get(u"/api/v1/changes?cursor=-4"_s, token).status, 400);
    QCOMPARE(h->get(u"/api/v1/health"_s, {}).status, 200);
}

void TestServerApi::hostileInputRefused()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const Person *author = correspondentOf(m_org, UnitType::Section);
    const QByteArray token = h->login(author->id);
    auto create = [&](const QJsonObject &content, const QString &itemId = uuid()) {
        return h->post(u"/api/v1/actions"_s, token,
                       {{"action_id"_L1, uuid()},
                        {"action"_L1, u"create"_s},
                        {"item_id"_L1, itemId},
                        {"kind"_L1, u"news"_s},
                        {"unit_id"_L1, author->unitId},
                        {"content"_L1, content}});
    };
    auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject c = contentJson(u"标题"_s);
        c.insert(key, value);
        return c;
    };
    // Ids are UUIDs.
    QCOMPARE(create(contentJson(u"标题"_s), u"item-1"_s).status, 400);
    QCOMPARE(create(contentJson(u"标题"_s), u"../../x"_s).status, 400);
    // A 7 MB title, NUL and other control characters in text: 422 with the field named; nothing stored.
    const HttpResult huge = create(with(u"title"_s, QString(7 * 1000 * 1000 / 3, QChar(0x56FD))));
    QCOMPARE(huge.status, 422);
    QVERIFY2(huge.body.value("detail"_L1).toString().contains(u"200"_s), huge.raw.left(400).constData());
    QCOMPARE(create(with(u"title"_s, u"标题\u0000隐藏"_s)).status, 422);
    QCOMPARE(create(with(u"title"_s, u"响铃\u0007"_s)).status, 422);
    QCOMPARE(create(with(u"body_html"_s, u"<p>正文\u001B[31m</p>"_s)).status, 422);
    QCOMPARE(create(with(u"meeting"_s, QString(201, u'会'))).status, 422);
    QCOMPARE(create(with(u"source_url"_s, u"https://example.org/"_s + QString(3000, u'a'))).status, 422);
    QCOMPARE(create(with(u"interpretation_item_id"_s, u"not-an-id"_s)).status, 422);
    // Line breaks and tabs are text; a title of exactly 200 characters is taken.
    QCOMPARE(create(with(u"body_html"_s, u"<p>第一行\n\t第二行\r\n</p>"_s)).status, 200);
    QCOMPARE(create(with(u"title"_s, QString(200, QChar(0x56FD)))).status, 200);
    // Attachment names: path separators, bidi controls and over-long names are refused.
    auto withAttachment = [&](const QString &name) {
        Attachment a{uuid(), name, u"application/pdf"_s, 10, QByteArray(32, 'x')};
        RevisionContent c;
        c.title = u"附件"_s;
        c.attachments = {a};
        return json::toJson(c);
    };
    QCOMPARE(create(withAttachment(u"invoice\u202Efdp.exe"_s)).status, 422);
    QCOMPARE(create(withAttachment(u"../../etc/passwd"_s)).status, 422);
    QCOMPARE(create(withAttachment(u"a\u2066b.pdf"_s)).status, 422);
    QCOMPARE(create(withAttachment(QString(300, u'名') + u".pdf"_s)).status, 422);
    // Reasons: within their limit, no control characters.
    const QString id = createAndSubmit(*h, token, ItemKind::News, author->unitId);
    QVERIFY(!id.isEmpty());
    int status = 0;
    act(*h, token, id, u"withdraw"_s, 1, {{"reason"_L1, QString(2001, u'因')}}, &status);
    QCOMPARE(status, 422);
    act(*h, token, id, u"withdraw"_s, 1, {{"reason"_L1, u"撤回\u0000"_s}}, &status);
    QCOMPARE(status, 422);
    QCOMPARE(h->store().item(id)->state, WorkflowState::InReview);
    // Nothing refused here reached the store or the site.
    for (const AuditEvent &e : h->store().auditEvents(1, 100000))
        QVERIFY2(!QJsonDocument(e.details).toJson().contains("\\u0000"), qPrintable(e.type));
}

void TestServerApi::auditVerifyCommand()
{
    QFETCH_GLOBAL(QString, backend);
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"baosong-server.ini"_s);
    const QString passwordFile = dir.filePath(u"admin-password"_s);
    {
        QFile f(passwordFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a-long-admin-password\n");
    }
    server::StoreConfig pg;
    if (backend == "postgres"_L1) {
        QString error;
        QVERIFY2(postgresConfig(&pg, &error), qPrintable(error));
        QVERIFY2(resetPostgres(pg, &error), qPrintable(error));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QFile pw(dir.filePath(u"pg-password"_s));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(pg.password.toUtf8());
        f.write(
            u"[store]\ndriver=QPSQL\nhost=%1\nport=%2\ndatabase=%3\nuser=%4\npassword_file=pg-password\n"_s
                .arg(pg.host)
                .arg(pg.port)
                .arg(pg.database, pg.user)
                .toUtf8());
    }
    auto run = [&](const QStringList &args, QString *output) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(BAOSONG_SERVER_BIN), QStringList{u"--config"_s, ini} + args);
        p.waitForFinished(120000);
        *output = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QString output;
    QVERIFY2(run({u"init"_s, u"--password-file"_s, passwordFile}, &output) == 0, qPrintable(output));
    QVERIFY2(output.contains(u"fingerprint"_s), qPrintable(output));
    const QString passwords = dir.filePath(u"passwords.tsv"_s);
    QVERIFY2(run({u"import"_s, QStringLiteral(BAOSONG_SOURCE_DIR "/resources/demo-organization.json"),
                  u"--passwords-out"_s, passwords},
                 &output) == 0,
             qPrintable(output));
    QVERIFY(QFile(passwords).permissions().testFlag(QFileDevice::ReadOwner));
    QVERIFY(!QFile(passwords).permissions().testFlag(QFileDevice::ReadOther));
    QVERIFY2(run({u"audit"_s, u"verify"_s}, &output) == 0, qPrintable(output));
    QVERIFY2(output.contains(u"intact"_s), qPrintable(output));
    // The keyed head, for an outside witness; its key beside the configuration, readable by us alone.
    QVERIFY2(run({u"audit"_s, u"checkpoint"_s}, &output) == 0, qPrintable(output));
    QVERIFY2(output.contains(u"checkpoint"_s) && output.contains(u"mac"_s), qPrintable(output));
    QVERIFY(QFile::exists(dir.filePath(u"audit.key"_s)));
    QVERIFY(!QFile(dir.filePath(u"audit.key"_s)).permissions().testFlag(QFileDevice::ReadOther));

    // Someone with database access changes event 3.
    {
        const QString name = u"tamper"_s;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(backend == "postgres"_L1 ? u"QPSQL"_s : u"QSQLITE"_s, name);
            if (backend == "postgres"_L1) {
                db.setHostName(pg.host);
                db.setPort(pg.port);
                db.setDatabaseName(pg.database);
                db.setUserName(pg.user);
                db.setPassword(pg.password);
            } else {
                db.setDatabaseName(dir.filePath(u"baosong.sqlite"_s));
            }
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Any guard trigger is removed first: tampering is what verify is for.
            if (backend == "postgres"_L1) {
                q.exec(u"ALTER TABLE audit DISABLE TRIGGER ALL"_s);
            } else {
                q.exec(u"SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit'"_s);
                QStringList triggers;
                while (q.next())
                    triggers.append(q.value(0).toString());
                for (const QString &t : triggers)
                    QVERIFY(q.exec(u"DROP TRIGGER "_s + t));
            }
            QVERIFY2(q.exec(u"UPDATE audit SET details = '{\"forged\":true}' WHERE seq = 3"_s),
                     qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QCOMPARE(run({u"audit"_s, u"verify"_s}, &output), 2);
    QVERIFY2(output.contains(u"3"_s), qPrintable(output));
}

// What the database alone can't show (docs/server.md "Audit"): someone with write access to the
// database cuts the log's end (counter included) or replaces the last event with a recomputed hash.
// The keyed checkpoint, whose key is a 0600 file outside the database, shows both.
void TestServerApi::auditCheckpointAnchorsTheHead()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray token = h->login(u"peng.lu"_s);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!create(*h, token, ItemKind::News, u"policy_law"_s,
                        test::submittableContent(ItemKind::News, u"policy_law"_s, u"审计%1"_s.arg(i)))
                     .isEmpty());
    const QString keyFile = h->storeConfig().auditKeyFile;
    QCOMPARE(QFile::permissions(keyFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    server::AuditVerification v = h->store().verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QVERIFY(v.checkpointVerified);
    const std::optional<server::ServerStore::AuditCheckpoint> head = h->store().auditCheckpoint();
    QVERIFY(head && head->sequence == v.eventsChecked);

    // Statements on a connection of the test's own, with the guard triggers out of the way.
    const QStringList unguard = backend == "postgres"_L1
                                    ? QStringList{u"ALTER TABLE audit DISABLE TRIGGER ALL"_s}
                                    : QStringList{u"DROP TRIGGER IF EXISTS audit_no_update"_s,
                                                  u"DROP TRIGGER IF EXISTS audit_no_delete"_s};
    const auto tamper = [&](const QStringList &statements) { return h->runOnStore(unguard + statements); };
    // The last event replaced, its hash recomputed so that the chain holds.
    const AuditEvent last = h->store().auditEvents(head->sequence, 1).first();
    AuditEvent forged = last;
    forged.details = QJsonObject{{"action"_L1, u"nothing happened"_s}};
    forged.hash = forged.computeHash();
    QCOMPARE(tamper({u"UPDATE audit SET details = '%1', hash = '%2' WHERE seq = %3"_s
                         .arg(QString::fromUtf8(QJsonDocument(forged.details).toJson(QJsonDocument::Compact)),
                              QString::fromLatin1(forged.hash))
                         .arg(last.sequence)}),
             QString());
    v = h->store().verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, last.sequence);
    // Put back, then the end cut off, the counter lowered to match.
    QCOMPARE(tamper({u"UPDATE audit SET details = '%1', hash = '%2' WHERE seq = %3"_s
                         .arg(QString::fromUtf8(QJsonDocument(last.details).toJson(QJsonDocument::Compact)),
                              QString::fromLatin1(last.hash))
                         .arg(last.sequence)}),
             QString());
    QVERIFY(h->store().verifyAudit().ok);
    QCOMPARE(tamper({u"DELETE FROM audit WHERE seq >= %1"_s.arg(last.sequence - 1),
                     u"UPDATE counters SET value = %1 WHERE name = 'audit'"_s.arg(last.sequence - 2)}),
             QString());
    v = h->store().verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, last.sequence - 1);
    QVERIFY(!v.problem.isEmpty());
}

// #18 points 3 and 8 through the API: the office sees every unit, a unit head their units, a
// correspondent their own unit; the period is checked.
void TestServerApi::statisticsByRole()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray author = h->login(u"mou.xiaolin"_s); // bazhou
    const QByteArray head = h->login(u"gou.zhenhua"_s);   // bazhou's unit head
    const QByteArray director = h->login(u"zhou.min"_s);  // the office
    const QByteArray office = h->login(u"he.xiaoyu"_s);   // a correspondent of the office
    const QString published = createAndSubmit(*h, author, ItemKind::News, u"bazhou"_s);
    QVERIFY(!createAndSubmit(*h, author, ItemKind::News, u"bazhou"_s).isEmpty());
    QVERIFY(!createAndSubmit(*h, office, ItemKind::News, u"office"_s).isEmpty());
    int status = 0;
    act(*h, head, published, u"approve"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    act(*h, director, published, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);

    const QDate today = chinaToday();
    const QString quarter =
        u"/api/v1/statistics?quarter=%1-%2"_s.arg(today.year()).arg((today.month() - 1) / 3 + 1);
    const auto read = [&](const QByteArray &token) {
        const HttpResult r = h->get(quarter, token);
        Statistics s;
        QString error;
        if (r.status != 200 || !fromJson(r.body, &s, &error))
            qWarning() << r.status << error;
        return s;
    };
    const auto unit = [](const Statistics &s, const QString &id) {
        const auto it = std::find_if(s.units.cbegin(), s.units.cend(),
                                     [&](const UnitFigures &u) { return u.unitId == id; });
        return it == s.units.cend() ? std::optional<UnitFigures>() : std::optional(*it);
    };
    const Statistics all = read(director);
    QCOMPARE(all.units.size(), m_org.units.size());
    QCOMPARE(unit(all, u"bazhou"_s)->figures.submitted, 2);
    QCOMPARE(unit(all, u"bazhou"_s)->figures.published, 1);
    QCOMPARE(unit(all, u"bazhou"_s)->figures.onTime5, 1);
    QCOMPARE(unit(all, u"bazhou"_s)->rank, 1);
    QCOMPARE(unit(all, u"office"_s)->figures.submitted, 1);
    QVERIFY(unit(all, u"policy_law"_s)->nothingSubmitted);
    QCOMPARE(all.total.submitted, 3);

    const Statistics headsView = read(head);
    QCOMPARE(headsView.units.size(), 1);
    QCOMPARE(headsView.units.first().unitId, u"bazhou"_s);
    QCOMPARE(headsView.total.submitted, 2);
    for (const ColumnFigures &c : headsView.columns)
        QCOMPARE(m_org.column(c.columnId)->responsibleUnitIds, QStringList{u"bazhou"_s});
    const Statistics own = read(office);
    QCOMPARE(own.units.size(), 1);
    QCOMPARE(own.units.first().unitId, u"office"_s);
    QCOMPARE(own.total.submitted, 1);

    for (const QString &bad :
         {u"quarter=2026-5"_s, u"quarter=x"_s, u"from=2026-10-01&to=2026-09-01"_s,
          u"from=2020-01-01&to=2026-01-01"_s, u"from=2026-13-01&to=2026-12-31"_s, QString()})
        QCOMPARE(h->get(u"/api/v1/statistics?"_s + bad, director).status, 400);
    QCOMPARE(h->get(quarter, {}).status, 401);
    QCOMPARE(h->get(u"/api/v1/statistics?from=2026-10-01&to=2026-12-31"_s, director).status, 200);
}

// #18 point 7: the audit log read through the API — by the auditor and the administrators only, with
// filters, in pages, the chain checked over what was read.
void TestServerApi::auditReader()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray author = h->login(u"mou.xiaolin"_s);
    const QString first = createAndSubmit(*h, author, ItemKind::News, u"bazhou"_s);
    const QString second = createAndSubmit(*h, author, ItemKind::News, u"bazhou"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    // Not for a correspondent, a unit head or the office director.
    for (const QString &who : {u"mou.xiaolin"_s, u"gou.zhenhua"_s, u"zhou.min"_s})
        QCOMPARE(h->get(u"/api/v1/audit"_s, h->login(who)).status, 403);
    QCOMPARE(h->get(u"/api/v1/audit"_s, {}).status, 401);

    const QByteArray auditor = h->login(u"qin.hao"_s);
    HttpResult r = h->get(u"/api/v1/audit"_s, auditor);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.value("chain_ok"_L1).toBool());
    const QJsonArray all = r.body.value("events"_L1).toArray();
    QVERIFY(all.size() >= 6); // logins, two creates, two submits
    // Filters: by type (a family or one type), by actor, by item; the day.
    r = h->get(u"/api/v1/audit?type=action.submit"_s, auditor);
    QCOMPARE(r.body.value("events"_L1).toArray().size(), 2);
    r = h->get(u"/api/v1/audit?type=action&item="_s + first, auditor);
    QStringList types;
    for (const QJsonValue &v : r.body.value("events"_L1).toArray()) {
        QCOMPARE(v.toObject().value("subject"_L1).toString(), first);
        types << v.toObject().value("type"_L1).toString();
    }
    QCOMPARE(types, (QStringList{u"action.create"_s, u"action.submit"_s}));
    r = h->get(u"/api/v1/audit?actor=mou.xiaolin&type=action"_s, auditor);
    QCOMPARE(r.body.value("events"_L1).toArray().size(), 4);
    const QString today = chinaToday().toString(Qt::ISODate);
    QCOMPARE(h->get(u"/api/v1/audit?from=%1&to=%1&type=action.submit"_s.arg(today), auditor)
                 .body.value("events"_L1)
                 .toArray()
                 .size(),
             2);
    QCOMPARE(h->get(u"/api/v1/audit?to=2000-01-01"_s, auditor).body.value("events"_L1).toArray().size(), 0);
    // Pages: two at a time, continuing after `next`, the same events in the same order.
    QList<qint64> paged;
    qint64 next = 0;
    for (int guard = 0; guard < 100; ++guard) {
        r = h->get(u"/api/v1/audit?limit=2&after=%1"_s.arg(next), auditor);
        for (const QJsonValue &v : r.body.value("events"_L1).toArray())
            paged << v.toObject().value("seq"_L1).toInteger();
        next = r.body.value("next"_L1).toInteger();
        if (!r.body.value("more"_L1).toBool())
            break;
    }
    QList<qint64> whole;
    for (const QJsonValue &v : all)
        whole << v.toObject().value("seq"_L1).toInteger();
    QCOMPARE(paged.mid(0, whole.size()), whole);
    for (const QString &bad : {u"limit=0"_s, u"limit=501"_s, u"after=-1"_s, u"from=yesterday"_s})
        QCOMPARE(h->get(u"/api/v1/audit?"_s + bad, auditor).status, 400);
}

// #18 point 6: the accountability register through the API — its figures from what really happened
// (a publication after the whole route, two corrections each counted, a late item published with an
// override), and whose units each role sees (point 8).
void TestServerApi::registerByRole()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray author = h->login(u"mou.xiaolin"_s); // bazhou
    const QByteArray head = h->login(u"gou.zhenhua"_s);   // bazhou's unit head
    const QByteArray director = h->login(u"zhou.min"_s);  // the office (and its unit head)
    const QByteArray director2 = h->login(u"xie.bo"_s);   // another office director
    const QByteArray office = h->login(u"he.xiaoyu"_s);   // a correspondent of the office
    const QByteArray leader = h->login(u"li.jianhua"_s);  // a leader in charge
    int status = 0;
    // A news item of bazhou, published, then changed twice (each change approved through the route).
    const QString id = createAndSubmit(*h, author, ItemKind::News, u"bazhou"_s);
    QVERIFY(!id.isEmpty());
    act(*h, head, id, u"approve"_s, 1, {}, &status);
    act(*h, director, id, u"approve"_s, 1, {{"confidentiality_attested"_L1, true}}, &status);
    QCOMPARE(status, 200);
    for (int change = 0; change < 2; ++change) {
        const int base = h->get(u"/api/v1/items/"_s + id, author)
                             .body.value("item"_L1)
                             .toObject()
                             .value("revisions"_L1)
                             .toArray()
                             .last()
                             .toObject()
                             .value("number"_L1)
                             .toInt();
        RevisionContent changed =
            test::submittableContent(ItemKind::News, u"bazhou"_s, u"更正后的动态 %1"_s.arg(change + 1));
        act(*h, author, id, u"propose_change"_s, base, {{"content"_L1, json::toJson(changed)}}, &status);
        QCOMPARE(status, 200);
        act(*h, head, id, u"approve"_s, base + 1, {}, &status);
        QCOMPARE(status, 200);
        act(*h, change == 0 ? director : director2, id, u"approve"_s, base + 1,
            {{"confidentiality_attested"_L1, true}}, &status);
        QCOMPARE(status, 200);
    }
    // A late item of the office: its information 20 days old, past the 15-day limit, which blocks
    // unless overridden with a reason (at the submission and at the publication: two overrides).
    RevisionContent old = test::submittableContent(ItemKind::News, u"office"_s, u"补发的会议消息"_s);
    old.infoDate = chinaToday().addDays(-20);
    const QString late = create(*h, office, ItemKind::News, u"office"_s, old);
    QVERIFY(!late.isEmpty());
    act(*h, office, late, u"submit"_s, 1, {{"override_reason"_L1, u"会议纪要印发较晚"_s}}, &status);
    QCOMPARE(status, 200);
    act(*h, director, late, u"approve"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    act(*h, director2, late, u"approve"_s, 1,
        {{"confidentiality_attested"_L1, true}, {"override_reason"_L1, u"经办公室同意补发"_s}}, &status);
    QCOMPARE(status, 200);

    const QDate today = chinaToday();
    const QString quarter =
        u"/api/v1/register?quarter=%1-%2"_s.arg(today.year()).arg((today.month() - 1) / 3 + 1);
    const auto read = [&](const QByteArray &token) {
        const HttpResult r = h->get(quarter, token);
        AccountabilityRegister reg;
        QString error;
        if (r.status != 200 || !fromJson(r.body, &reg, &error))
            qWarning() << r.status << error << r.body;
        return reg;
    };
    const auto unit = [](const AccountabilityRegister &r, const QString &unitId) {
        for (const UnitRegister &u : r.units) {
            if (u.unitId == unitId)
                return u;
        }
        return UnitRegister{};
    };
    const AccountabilityRegister all = read(director);
    QCOMPARE(all.units.size(), m_org.units.size());
    // Checked: the first publication and two changes of one item, and the late item.
    QCOMPARE(all.publicationsChecked, 4);
    QCOMPARE(all.itemsChecked, 2);
    QVERIFY2(all.withoutRoute.isEmpty(), qPrintable(all.withoutRoute.value(0).problem));
    QCOMPARE(unit(all, u"bazhou"_s).corrections, 2);
    QCOMPARE(unit(all, u"bazhou"_s).publicationsChecked, 3);
    QCOMPARE(all.corrections.size(), 2);
    QCOMPARE(all.corrections.constFirst().unitId, u"bazhou"_s);
    QCOMPARE(all.corrections.constLast().title, u"更正后的动态 2"_s);
    QCOMPARE(all.corrections.constLast().personId, u"xie.bo"_s);
    QCOMPARE(unit(all, u"office"_s).late, 1);
    QCOMPARE(all.late.size(), 1);
    QCOMPARE(all.late.constFirst().itemId, late);
    QCOMPARE(all.late.constFirst().days, 20);
    QCOMPARE(unit(all, u"office"_s).overrides, 2);
    QCOMPARE(all.overrides.size(), 2);
    QCOMPARE(all.overrides.constFirst().personId, u"he.xiaoyu"_s);
    QCOMPARE(all.overrides.constFirst().reason, u"会议纪要印发较晚"_s);
    QVERIFY2(all.overrides.constFirst().checks.join(u' ').startsWith(u"deadline"_s),
             qPrintable(all.overrides.constFirst().checks.join(u' ')));
    QCOMPARE(all.overrides.constLast().personId, u"xie.bo"_s);
    QCOMPARE(read(leader).units.size(), m_org.units.size());

    // A unit head: their units alone; a correspondent: their own.
    const AccountabilityRegister heads = read(head);
    QCOMPARE(heads.units.size(), 1);
    QCOMPARE(heads.units.first().unitId, u"bazhou"_s);
    QCOMPARE(heads.publicationsChecked, 3);
    QCOMPARE(heads.corrections.size(), 2);
    QVERIFY(heads.late.isEmpty() && heads.overrides.isEmpty());
    for (const StaleSpell &s : heads.stale)
        QVERIFY(s.unitIds.contains(u"bazhou"_s));
    const AccountabilityRegister own = read(office);
    QCOMPARE(own.units.size(), 1);
    QCOMPARE(own.units.first().unitId, u"office"_s);
    QCOMPARE(own.late.size(), 1);
    QVERIFY(own.corrections.isEmpty());
    QCOMPARE(read(author).units.first().unitId, u"bazhou"_s);

    QCOMPARE(h->get(quarter, {}).status, 401);
    for (const QString &bad : {u"quarter=2026-5"_s, u"from=2026-10-01&to=2026-09-01"_s, QString()})
        QCOMPARE(h->get(u"/api/v1/register?"_s + bad, director).status, 400);
    QCOMPARE(h->get(u"/api/v1/register?from=2026-10-01&to=2026-12-31"_s, director).status, 200);
}

// #18 point 6: inspection notices — written by a site administrator (or an administrator) only,
// validated (422, nothing stored), audited with what changed, changed on the version seen (409),
// read as the register's units.
void TestServerApi::registerNotices()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    const QByteArray admin = h->login(u"ma.lingyun"_s); // a site administrator
    const QByteArray correspondent = h->login(u"mou.xiaolin"_s);
    const QByteArray head = h->login(u"gou.zhenhua"_s);
    const QByteArray director = h->login(u"zhou.min"_s);
    const QByteArray auditor = h->login(u"qin.hao"_s);
    const QDate today = chinaToday();
    const QJsonObject notice{
        {"date"_L1, today.addDays(-3).toString(Qt::ISODate)}, {"source"_L1, u"省政务公开办季度检查"_s},
        {"finding"_L1, u"“区县动态”栏目超过两周未更新"_s},    {"unit_id"_L1, u"bazhou"_s},
        {"follow_up"_L1, u"责成巴州区分局一周内更新"_s},      {"closed"_L1, false}};
    const auto stored = [&] { return h->store().inspectionNotices().size(); };
    const auto events = [&] {
        return h->get(u"/api/v1/audit?type=inspection_notice"_s, auditor).body.value("events"_L1).toArray();
    };

    // Not for a correspondent, a unit head or the office director: 403, nothing stored.
    for (const QByteArray &token : {correspondent, head, director}) {
        const HttpResult r = h->post(u"/api/v1/register/notices"_s, token, notice);
        QCOMPARE(r.status, 403);
    }
    QCOMPARE(stored(), 0);
    // Bad notices: 422 with every problem, nothing stored.
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = notice;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    const QList<QJsonObject> bad{with(u"finding"_s, QJsonValue::Undefined),
                                 with(u"source"_s, u"   "_s),
                                 with(u"unit_id"_s, u"nowhere"_s),
                                 with(u"date"_s, today.addDays(2).toString(Qt::ISODate)),
                                 with(u"date"_s, u"yesterday"_s),
                                 with(u"source"_s, QString(limits::kShortTextChars + 1, u'检')),
                                 with(u"follow_up"_s, QString(limits::kNoticeTextChars + 1, u'改')),
                                 with(u"closed"_s, true),
                                 with(u"closed"_s, u"yes"_s)};
    for (const QJsonObject &b : bad) {
        const HttpResult r = h->post(u"/api/v1/register/notices"_s, admin, b);
        QVERIFY2(r.status == 422, QJsonDocument(b).toJson().left(200));
        QVERIFY(!r.body.value("errors"_L1).toArray().isEmpty());
        QVERIFY(!r.body.value("detail"_L1).toString().isEmpty());
    }
    QCOMPARE(stored(), 0);
    QCOMPARE(events().size(), 0);
    QCOMPARE(h->post(u"/api/v1/register/notices"_s, admin, {}).status, 422); // every field missing
    QCOMPARE(h->request("POST", u"/api/v1/register/notices"_s, admin, {}, false).status, 400); // no JSON

    // Recorded: 201, audited with its fields.
    HttpResult r = h->post(u"/api/v1/register/notices"_s, admin, notice);
    QCOMPARE(r.status, 201);
    const QJsonObject created = r.body.value("notice"_L1).toObject();
    const QString id = created.value("id"_L1).toString();
    QVERIFY(limits::isUuid(id));
    QCOMPARE(created.value("version"_L1).toInt(), 1);
    QCOMPARE(created.value("created_by"_L1).toString(), u"ma.lingyun"_s);
    QCOMPARE(stored(), 1);
    QJsonArray audited = events();
    QCOMPARE(audited.size(), 1);
    QJsonObject e = audited.first().toObject();
    QCOMPARE(e.value("type"_L1).toString(), u"inspection_notice.create"_s);
    QCOMPARE(e.value("actor"_L1).toString(), u"ma.lingyun"_s);
    QCOMPARE(e.value("subject"_L1).toString(), id);
    QCOMPARE(e.value("details"_L1).toObject().value("unit_id"_L1).toString(), u"bazhou"_s);
    QCOMPARE(e.value("details"_L1)
                 .toObject()
                 .value("changes"_L1)
                 .toObject()
                 .value("finding"_L1)
                 .toObject()
                 .value("to"_L1)
                 .toString(),
             notice.value("finding"_L1).toString());

    // Closed: the version seen, a closing date; audited as a close with what changed.
    QJsonObject close = notice;
    close.insert("closed"_L1, true);
    close.insert("closed_on"_L1, today.toString(Qt::ISODate));
    close.insert("follow_up"_L1, u"已更新,整改完毕"_s);
    close.insert("version"_L1, 1);
    r = h->request("PUT", u"/api/v1/register/notices/"_s + id, admin, close, true);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value("notice"_L1).toObject().value("version"_L1).toInt(), 2);
    audited = events();
    QCOMPARE(audited.size(), 2);
    e = audited.last().toObject();
    QCOMPARE(e.value("type"_L1).toString(), u"inspection_notice.close"_s);
    QCOMPARE(e.value("details"_L1).toObject().value("changes"_L1).toObject().keys(),
             (QStringList{u"closed"_s, u"closed_on"_s, u"follow_up"_s}));
    // On an old version: 409, unchanged; a bad change: 422; not permitted: 403; unknown: 404.
    r = h->request("PUT", u"/api/v1/register/notices/"_s + id, admin, close, true);
    QCOMPARE(r.status, 409);
    close.insert("version"_L1, 2);
    close.insert("closed_on"_L1, today.addDays(-10).toString(Qt::ISODate)); // before the notice
    QCOMPARE(h->request("PUT", u"/api/v1/register/notices/"_s + id, admin, close, true).status, 422);
    QCOMPARE(h->request("PUT", u"/api/v1/register/notices/"_s + id, correspondent, close, true).status, 403);
    QCOMPARE(h->request("PUT", u"/api/v1/register/notices/"_s + uuid(), admin, close, true).status, 404);
    QCOMPARE(events().size(), 2);
    QCOMPARE(h->store().inspectionNotice(id)->version, 2);

    // An administrator may record one too; for the office.
    QJsonObject second = notice;
    second.insert("unit_id"_L1, u"office"_s);
    QCOMPARE(h->post(u"/api/v1/register/notices"_s, h->login(u"shi.jun"_s), second).status, 201);

    // Read in the register: all for the office, the unit's own for its head and correspondent.
    const QDate q = today;
    const QString path = u"/api/v1/register?quarter=%1-%2"_s.arg(q.year()).arg((q.month() - 1) / 3 + 1);
    AccountabilityRegister reg;
    QString error;
    r = h->get(path, director);
    QVERIFY(fromJson(r.body, &reg, &error));
    QCOMPARE(reg.notices.size(), 2);
    QVERIFY(!r.body.value("may_write_notices"_L1).toBool());
    r = h->get(path, head);
    QVERIFY(fromJson(r.body, &reg, &error));
    QCOMPARE(reg.notices.size(), 1);
    QCOMPARE(reg.notices.first().unitId, u"bazhou"_s);
    QVERIFY(reg.notices.first().closed);
    QCOMPARE(reg.units.first().notices, 1);
    QCOMPARE(reg.units.first().openNotices, 0);
    r = h->get(path, admin);
    QVERIFY(r.body.value("may_write_notices"_L1).toBool());
}

// Issue #19 point 4: GET /metrics in the Prometheus text format — requests by route template (never a
// raw id), method and status with a latency histogram, failed sign-ins, the queues and the items past
// their deadline — to loopback peers only (not through a forwarding proxy, not from another address);
// /health says why it is not "ok".
void TestServerApi::metricsAndHealthReasons()
{
    QFETCH_GLOBAL(QString, backend);
    auto h = start(backend);
    QVERIFY(h);
    QCOMPARE(
        h->post(u"/api/v1/session"_s, {}, {{"login"_L1, u"he.xiaoyu"_s}, {"password"_L1, u"wrong-one-1"_s}})
            .status,
        401);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    QCOMPARE(h->get(u"/api/v1/me"_s, token).status, 200);
    const QString unknown = uuid();
    QCOMPARE(h->get(u"/api/v1/items/"_s + unknown, token).status, 404);
    QCOMPARE(h->get(u"/api/v1/no/such/thing/here"_s, token).status, 404);
    // Two items in review, one far past its 15-day limit (a reason given for the override).
    const QByteArray author = h->login(u"mou.xiaolin"_s);
    QVERIFY(!createAndSubmit(*h, author, ItemKind::News, u"bazhou"_s).isEmpty());
    RevisionContent late = test::submittableContent(ItemKind::News, u"bazhou"_s, u"迟报的信息"_s);
    late.infoDate = chinaToday().addDays(-40);
    const QString lateId = create(*h, author, ItemKind::News, u"bazhou"_s, late);
    int status = 0;
    act(*h, author, lateId, u"submit"_s, 1, {{"override_reason"_L1, u"会议纪要今日才印发"_s}}, &status);
    QCOMPARE(status, 200);

    const HttpResult r = h->request("GET", u"/metrics"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    const QString text = QString::fromUtf8(r.raw);
    const auto value = [&](const QString &series) {
        const QRegularExpressionMatch m =
            QRegularExpression(u"\n"_s + QRegularExpression::escape(series) + u" ([0-9.e+-]+)\n"_s)
                .match(text);
        return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
    };
    QVERIFY2(value(u"baosong_http_requests_total{route=\"/api/v1/me\",method=\"GET\",status=\"200\"}"_s) >= 1,
             qPrintable(text));
    QVERIFY(
        value(u"baosong_http_requests_total{route=\"/api/v1/items/:id\",method=\"GET\",status=\"404\"}"_s) >=
        1);
    QVERIFY(value(u"baosong_http_requests_total{route=\"other\",method=\"GET\",status=\"404\"}"_s) >= 1);
    QVERIFY(
        value(u"baosong_http_requests_total{route=\"/api/v1/session\",method=\"POST\",status=\"401\"}"_s) >=
        1);
    QVERIFY2(!text.contains(unknown), "a raw id became a label");
    QCOMPARE(value(u"baosong_sign_in_failures_total"_s), 1.0);
    // The histogram: cumulative buckets ending in +Inf = count.
    const double count = value(u"baosong_http_request_duration_seconds_count{route=\"/api/v1/me\"}"_s);
    QVERIFY(count >= 1);
    QCOMPARE(value(u"baosong_http_request_duration_seconds_bucket{route=\"/api/v1/me\",le=\"+Inf\"}"_s),
             count);
    QVERIFY(value(u"baosong_http_request_duration_seconds_bucket{route=\"/api/v1/me\",le=\"10\"}"_s) <=
            count);
    QVERIFY(text.contains(u"# TYPE baosong_http_request_duration_seconds histogram"_s));
    QCOMPARE(value(u"baosong_items_in_review"_s), 2.0);
    QCOMPARE(value(u"baosong_items_overdue{deadline=\"limit\"}"_s), 1.0);
    QCOMPARE(value(u"baosong_items_overdue{deadline=\"target\"}"_s), 1.0);
    QCOMPARE(value(u"baosong_render_queue_jobs{state=\"failing\"}"_s), 0.0);
    QCOMPARE(value(u"baosong_portal_queue_jobs{state=\"queued\"}"_s), 0.0);
    QCOMPARE(value(u"baosong_store_degraded"_s), 0.0);
    // #21.1: the demo's empty columns are off the site (none listed while empty): not counted.
    QCOMPARE(value(u"baosong_columns{state=\"empty\"}"_s), 0.0);
    QCOMPARE(value(u"baosong_columns{state=\"linked_empty\"}"_s), 0.0);

    // Not through a proxy, not from another address.
    const HttpResult proxied = h->raw("GET", u"/metrics"_s, {}, {}, {{"X-Forwarded-For", "203.0.113.7"}});
    QCOMPARE(proxied.status, 404);
    http::Request outside;
    outside.method = "GET";
    outside.target = outside.path = "/metrics";
    outside.remoteAddress = u"192.0.2.5"_s;
    outside.requestId = "0123456789abcdef";
    QCOMPARE(h->api().handle(outside).status, 404);
    outside.remoteAddress = u"::1"_s;
    QCOMPARE(h->api().handle(outside).status, 200);
    // Route templates keep the number of series bounded whatever the paths.
    QCOMPARE(server::Metrics::routeOf("/api/v1/items/x/history"), QByteArray("/api/v1/items/:id/history"));
    QCOMPARE(server::Metrics::routeOf("/api/v1/columns/health"), QByteArray("/api/v1/columns/health"));
    QCOMPARE(server::Metrics::routeOf("/api/v1/columns/news"), QByteArray("/api/v1/columns/:id"));
    QCOMPARE(server::Metrics::routeOf("/api/v1/register/notices/42"),
             QByteArray("/api/v1/register/notices/:id"));
    QCOMPARE(server::Metrics::routeOf("/../../etc/passwd"), QByteArray("other"));
    QCOMPARE(server::Metrics::routeOf("/api/v1/" + QByteArray(5000, 'a')), QByteArray("other"));

    // /health: the reasons, empty when all is well.
    const HttpResult health = h->get(u"/api/v1/health"_s, {});
    QCOMPARE(health.body.value("status"_L1).toString(), u"ok"_s);
    QVERIFY(health.body.value("reasons"_L1).isArray());
    QVERIFY(health.body.value("reasons"_L1).toArray().isEmpty() ||
            health.body.value("reasons"_L1).toArray().first().toObject().value("code"_L1) == u"columns"_s);
}

QTEST_MAIN(TestServerApi)
#include "tst_server_api.moc"
