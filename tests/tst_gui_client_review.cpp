// The review side of the client (issue #8) through its real widgets, headless, against a real server
// on loopback HTTPS (SQLite): an item of every kind walked through its whole route with different people
// signed in (a profile and a ClientSession each, every one syncing), with a return and resubmission
// (the diff of the resubmission), minor edits, the attestation at the last stage; a batch approval with
// a refusal in it; a conflict between two reviewers of the same stage (both revisions shown, Take
// theirs); a change to a published item with its diff; the history from the server (and offline from
// the local copy); the approval slip as PDF, read back with pdftotext.

#include "ClientTestSupport.h"
#include "ServerHarness.h"

#include "BatchApproveDialog.h"
#include "ChecksPanel.h"
#include "ClientSession.h"
#include "DecisionDialog.h"
#include "FileDialog.h"
#include "HistoryModel.h"
#include "MessageBox.h"
#include "ReviewPane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUuid>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

// One person's client: a profile folder, a signed-in session, a review pane.
struct Client
{
    QTemporaryDir dir;
    std::unique_ptr<ClientSession> session;
    Organization org;
    std::unique_ptr<ReviewPane> pane;

    bool sync() { return runSync(*session); }
    // Shows the item in the pane, with the history from the server when reachable.
    bool show(const QString &id)
    {
        QSignalSpy loaded(pane.get(), &ReviewPane::historyLoaded);
        pane->showItem(id);
        return loaded.count() > 0 || loaded.wait(20000);
    }
    QPushButton *button(const char *name) { return child<QPushButton>(pane.get(), name); }
};

RevisionContent contentFor(ItemKind kind, const QString &title, const QString &column)
{
    RevisionContent c;
    c.title = title;
    c.bodyHtml = u"<p>各乡镇、街道：</p><p>请做好自然资源保护工作。</p>"_s;
    c.columnId = column;
    c.infoDate = chinaToday();
    switch (kind) {
    case ItemKind::Repost:
        c.sourceSite = u"四川省自然资源厅"_s;
        c.sourceUrl = u"https://dnr.sc.gov.cn/scdnr/news/2024/notice.shtml"_s;
        break;
    case ItemKind::CollectiveDecision:
        c.meeting = u"局长办公会"_s;
        c.meetingDate = chinaToday().addDays(-1);
        break;
    case ItemKind::Disclosure:
        c.catalogueEntry = u"规划计划"_s;
        c.documentNumber = u"巴自然资规〔2024〕3号"_s;
        c.topic = u"国土资源、能源"_s;
        c.genre = u"通知"_s;
        c.writtenDate = c.infoDate;
        break;
    case ItemKind::News:
        break;
    }
    return c;
}

// A draft saved and submitted by the client's person (through the outbox), then synced.
QString submitDraft(Client &c, ItemKind kind, const QString &unitId, const RevisionContent &content)
{
    Item item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = kind;
    item.unitId = unitId;
    item.authorId = c.session->personId();
    item.state = WorkflowState::Draft;
    Revision r;
    r.number = 1;
    r.authorId = item.authorId;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.content = content;
    item.revisions = {r};
    QString error;
    if (!c.session->sync().saveDraft(item, &error)) {
        qWarning() << error;
        return {};
    }
    ActionRequest submit;
    submit.action = Action::Submit;
    if (!c.session->sync().queueAction(item.id, submit, &error)) {
        qWarning() << error;
        return {};
    }
    if (!c.sync())
        return {};
    return item.id;
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    // pdftotext names some CJK glyphs by their Kangxi radical (⾃ U+2F83 for 自): NFKC folds them back;
    // table cells wrap, so whitespace is dropped.
    QString text = QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    text.remove(QRegularExpression(u"\\s"_s));
    return text;
}

QStringList historyTypes(const HistoryModel *model)
{
    QStringList types;
    for (int r = 0; r < model->rowCount(); ++r)
        types << model->index(r).data(HistoryModel::TypeRole).toString();
    return types;
}

} // namespace

class TestGuiClientReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyKindWalksItsRoute();
    void batchApprovalWithARefusal();
    void conflictBetweenTwoReviewers();
    void breachedLimitAsksPublisherForReason();
    void municipalAnswerShownToAuthor();

private:
    std::unique_ptr<ClientSession> signedIn(ServerHarness &h, const QString &profile, const QString &login,
                                            FaultyFactory *factory = nullptr);
    std::unique_ptr<Client> client(ServerHarness &h, const QString &login);
    // Approves the item shown in the pane through the dialog (attesting when asked to).
    void approve(Client &c, const QString &id, bool lastStage, const QString &comment = {});
    Organization m_org;
};

void TestGuiClientReview::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    m_org = Organization::demo();
    // A second head of the spatial planning section: two reviewers of one stage (the conflict).
    Person second;
    second.id = u"sun.li"_s;
    second.name = u"孙立"_s;
    second.title = u"副科长"_s;
    second.unitId = u"spatial_planning"_s;
    second.grants = {RoleGrant{Role::UnitHead, {u"spatial_planning"_s}, false}};
    m_org.people.append(second);
}

std::unique_ptr<ClientSession> TestGuiClientReview::signedIn(ServerHarness &h, const QString &profile,
                                                             const QString &login, FaultyFactory *factory)
{
    return signedInSession(h, profile, login, factory);
}

std::unique_ptr<Client> TestGuiClientReview::client(ServerHarness &h, const QString &login)
{
    auto c = std::make_unique<Client>();
    c->session = signedIn(h, c->dir.path(), login);
    if (!c->session || !c->sync() || !c->session->store().organization())
        return nullptr;
    c->org = *c->session->store().organization();
    c->pane = std::make_unique<ReviewPane>(c->session.get(), &c->org);
    c->pane->resize(900, 700);
    c->pane->show();
    return c;
}

void TestGuiClientReview::approve(Client &c, const QString &id, bool lastStage, const QString &comment)
{
    QVERIFY(c.show(id));
    QVERIFY2(c.button("approveButton")->isEnabled(), qPrintable(c.session->personId()));
    QTest::mouseClick(c.button("approveButton"), Qt::LeftButton);
    DecisionDialog *dialog = c.pane->decisionDialog();
    QVERIFY(dialog);
    auto *ok = child<QPushButton>(dialog, "okButton");
    auto *attest = child<QCheckBox>(dialog, "attestCheck");
    QCOMPARE(attest->isVisible(), lastStage);
    if (lastStage) {
        QVERIFY(!ok->isEnabled()); // 保密审查 is required at the last stage
        attest->click();
    }
    if (!comment.isEmpty())
        typeText(child<QPlainTextEdit>(dialog, "reasonEdit"), comment);
    QVERIFY(ok->isEnabled());
    QSignalSpy decided(c.pane.get(), &ReviewPane::decided);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.first().at(0).toString(), id);
    // Queued: the decision waits in the outbox, and no second decision can be taken meanwhile.
    QVERIFY(!c.button("approveButton")->isEnabled());
    QVERIFY(c.sync());
    QCOMPARE(c.session->store().outboxCount(), 0);
}

// News (with a return, a resubmission and minor edits), a repost, a collective decision and a disclosure
// item, each through its whole route; then the history, the approval slips and a change to a published
// item.
// Art. 14: the municipal platform's answer, recorded on the server's item by the portal outbox
// (server/PortalSender; the travel itself is tst_server_portal), reaches the author's client through
// the change feed and shows in the review pane and the history: 退回 with its reason, then 采用.
void TestGuiClientReview::municipalAnswerShownToAuthor()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    auto he = client(h, u"he.xiaoyu"_s);
    QVERIFY(he);
    RevisionContent content = contentFor(ItemKind::News, u"市级平台报送的信息"_s, u"bureau_news"_s);
    content.toMunicipalPortal = true;
    const QString id = submitDraft(*he, ItemKind::News, u"office"_s, content);
    QVERIFY(!id.isEmpty());

    // What the outbox records when the platform returns it.
    server::PortalJob job;
    job.itemId = id;
    const QString reason = u"请补充活动的具体时间。"_s;
    MunicipalRecord returned{MunicipalStatus::Returned,
                             0,
                             1,
                             true,
                             QUuid::createUuid().toString(QUuid::WithoutBraces),
                             reason,
                             QDateTime::currentDateTimeUtc()};
    QVERIFY(h.store().recordMunicipal(job, returned, {{"reason"_L1, reason}}, {}));
    QVERIFY(he->sync());
    QVERIFY(he->show(id));
    QVERIFY(child<QLabel>(he->pane.get(), "headerLabel")
                ->text()
                .contains(displayName(MunicipalStatus::Returned)));
    QVERIFY2(child<QLabel>(he->pane.get(), "statusLabel")->text().contains(reason),
             qPrintable(child<QLabel>(he->pane.get(), "statusLabel")->text()));
    QVERIFY(he->pane->historyFromServer());
    HistoryModel *history = he->pane->historyModel();
    const int row = int(historyTypes(history).indexOf(u"municipal.returned"_s));
    QVERIFY(row >= 0);
    QVERIFY(history->index(row).data().toString().contains(reason));

    // Then adopted.
    MunicipalRecord adopted = returned;
    adopted.status = MunicipalStatus::Adopted;
    adopted.reason.clear();
    QVERIFY(h.store().recordMunicipal(job, adopted, {}, {}));
    QVERIFY(he->sync());
    QVERIFY(he->show(id));
    QVERIFY(
        child<QLabel>(he->pane.get(), "headerLabel")->text().contains(displayName(MunicipalStatus::Adopted)));
    QVERIFY(historyTypes(he->pane->historyModel()).contains(u"municipal.adopted"_s));

    // A later cycle refused for good by the platform (server/PortalSender): said with its words.
    const QString refusal = u"附件超过平台允许的大小。"_s;
    MunicipalRecord refused = returned;
    refused.status = MunicipalStatus::Refused;
    refused.reason = refusal;
    QVERIFY(h.store().recordMunicipal(job, refused, {{"reason"_L1, refusal}, {"status"_L1, 413}}, {}));
    QVERIFY(he->sync());
    QVERIFY(he->show(id));
    QVERIFY(
        child<QLabel>(he->pane.get(), "headerLabel")->text().contains(displayName(MunicipalStatus::Refused)));
    QVERIFY2(child<QLabel>(he->pane.get(), "statusLabel")->text().contains(refusal),
             qPrintable(child<QLabel>(he->pane.get(), "statusLabel")->text()));
    QVERIFY(he->pane->historyFromServer());
    history = he->pane->historyModel();
    const int refusedRow = int(historyTypes(history).indexOf(u"municipal.refused"_s));
    QVERIFY(refusedRow >= 0);
    QVERIFY(history->index(refusedRow).data().toString().contains(refusal));
}

void TestGuiClientReview::everyKindWalksItsRoute()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));

    auto hu = client(h, u"hu.xinyi"_s);           // correspondent, farmland protection
    auto jiang = client(h, u"jiang.dongsheng"_s); // its unit head
    auto zhou = client(h, u"zhou.min"_s);         // office director
    auto he = client(h, u"he.xiaoyu"_s);          // correspondent, office
    auto ma = client(h, u"ma.lingyun"_s);         // site administrator
    auto peng = client(h, u"peng.lu"_s);          // correspondent, policy and law
    auto xu = client(h, u"xu.wenjing"_s);         // its unit head
    auto yang = client(h, u"yang.shuting"_s);     // correspondent, spatial planning
    auto deng = client(h, u"deng.kaiyuan"_s);     // its unit head
    auto wang = client(h, u"wang.zhiqiang"_s);    // leader in charge of spatial planning
    QVERIFY(hu && jiang && zhou && he && ma && peng && xu && yang && deng && wang);

    const QString news = submitDraft(*hu, ItemKind::News, u"farmland_protection"_s,
                                     contentFor(ItemKind::News, u"关于耕地保护的通知"_s, u"bureau_news"_s));
    const QString repost =
        submitDraft(*he, ItemKind::Repost, u"office"_s,
                    contentFor(ItemKind::Repost, u"省厅部署汛期地质灾害防治工作"_s, u"superior_news"_s));
    const QString decision =
        submitDraft(*peng, ItemKind::CollectiveDecision, u"policy_law"_s,
                    contentFor(ItemKind::CollectiveDecision, u"局长办公会研究规范性文件清理事项"_s,
                               u"policy_documents"_s));
    const QString disclosure =
        submitDraft(*yang, ItemKind::Disclosure, u"spatial_planning"_s,
                    contentFor(ItemKind::Disclosure, u"巴中市国土空间总体规划公示"_s, u"plans"_s));
    QVERIFY(!news.isEmpty() && !repost.isEmpty() && !decision.isEmpty() && !disclosure.isEmpty());
    for (const QString &id : {news, repost, decision, disclosure})
        QCOMPARE(h.store().item(id)->state, WorkflowState::InReview);

    // ---- news: the unit head looks at it and returns it with a reason ----
    QVERIFY(jiang->sync());
    QVERIFY(jiang->show(news));
    ReviewPane *pane = jiang->pane.get();
    QVERIFY(pane->previewHtml().contains(u"请做好自然资源保护工作。"_s));
    QVERIFY(child<QTextBrowser>(pane, "previewBrowser")->toPlainText().contains(u"关于耕地保护的通知"_s));
    QVERIFY(!child<ChecksPanel>(pane, "checksPanel")->isBlocked()); // the checks pass
    QVERIFY(!pane->diff());                                         // a first submission: nothing to compare
    auto *route = child<QTreeWidget>(pane, "routeTree");
    QCOMPARE(route->topLevelItemCount(), 3);                // two stages, then where it ends
    QCOMPARE(route->topLevelItem(0)->text(1), u"蒋东升"_s); // the holder it waits for
    QVERIFY(!route->topLevelItem(1)->text(1).isEmpty());    // who may decide the stage to come
    QCOMPARE(route->topLevelItem(2)->data(0, Qt::UserRole).toString(), u"end"_s);
    QCOMPARE(route->topLevelItem(2)->text(0), u"Published on the site"_s);
    QVERIFY(pane->historyFromServer());
    QVERIFY(historyTypes(pane->historyModel()).contains(u"action.submit"_s));
    QVERIFY(jiang->button("returnButton")->isEnabled()); // it waits for him
    QVERIFY(hu->show(news));
    QVERIFY(!hu->button("approveButton")->isEnabled()); // the author can't decide

    QTest::mouseClick(jiang->button("returnButton"), Qt::LeftButton);
    DecisionDialog *dialog = pane->decisionDialog();
    QVERIFY(dialog);
    auto *ok = child<QPushButton>(dialog, "okButton");
    QVERIFY(!ok->isEnabled()); // a return needs a reason
    typeText(child<QPlainTextEdit>(dialog, "reasonEdit"), u"请写明耕地保护的具体要求"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(jiang->sync());
    QCOMPARE(h.store().item(news)->state, WorkflowState::Returned);

    // The author revises and submits again.
    QVERIFY(hu->sync());
    Item returned = *hu->session->store().item(news);
    QCOMPARE(returned.state, WorkflowState::Returned);
    Revision revised = *returned.latest();
    revised.number = 2;
    revised.content.bodyHtml = u"<p>各乡镇、街道：</p><p>请做好自然资源保护工作，严守耕地红线。</p>"_s;
    returned.revisions.append(revised);
    QVERIFY(hu->session->sync().saveDraft(returned, &error));
    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(hu->session->sync().queueAction(news, submit, &error));
    QVERIFY(hu->sync());
    QCOMPARE(h.store().item(news)->cycle, 2);

    // The unit head sees what was revised since the return, character by character.
    QVERIFY(jiang->sync());
    QVERIFY(jiang->show(news));
    QVERIFY(pane->diff());
    QCOMPARE(pane->diff()->fromRevision, 1);
    QCOMPARE(pane->diff()->toRevision, 2);
    QCOMPARE(pane->diff()->insertedCharacters(), 7); // "，严守耕地红线" before the "。" kept
    QCOMPARE(pane->diff()->deletedCharacters(), 0);
    QVERIFY(child<QTextBrowser>(pane, "diffBrowser")->toPlainText().contains(u"严守耕地红线"_s));
    QVERIFY(route->topLevelItemCount() >= 3); // the earlier round's return is listed
    // …and approves with a minor edit of the title (a new revision).
    QTest::mouseClick(jiang->button("approveEditsButton"), Qt::LeftButton);
    dialog = pane->decisionDialog();
    QVERIFY(dialog);
    ok = child<QPushButton>(dialog, "okButton");
    QVERIFY(!ok->isEnabled()); // no edit yet
    auto *title = child<QLineEdit>(dialog, "titleEdit");
    title->selectAll();
    typeText(title, u"关于加强耕地保护的通知"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(jiang->sync());
    std::optional<Item> server = h.store().item(news);
    QCOMPARE(server->latestNumber(), 3);
    QCOMPARE(server->latest()->authorId, u"jiang.dongsheng"_s);
    QCOMPARE(server->stageId, u"office_signoff"_s);

    // The office director sees the minor edits as a diff and signs off with the attestation.
    QVERIFY(zhou->sync());
    QVERIFY(zhou->show(news));
    QVERIFY(zhou->pane->diff());
    QVERIFY(zhou->pane->diff()->field(u"title"_s));
    QCOMPARE(zhou->pane->diff()->field(u"title"_s)->after, u"关于加强耕地保护的通知"_s);
    approve(*zhou, news, true);
    server = h.store().item(news);
    QCOMPARE(server->state, WorkflowState::Published);
    QCOMPARE(server->liveRevision, 3);
    QVERIFY(server->decisions.constLast().confidentialityAttested);

    // ---- repost: the site administrator's strict review is its only (last) stage ----
    QVERIFY(ma->sync());
    approve(*ma, repost, true);
    QCOMPARE(h.store().item(repost)->state, WorkflowState::Published);

    // ---- collective decision: the unit head publishes, with a comment ----
    QVERIFY(xu->sync());
    approve(*xu, decision, true, u"同意发布"_s);
    server = h.store().item(decision);
    QCOMPARE(server->state, WorkflowState::Published);
    QCOMPARE(server->decisions.constLast().reason, u"同意发布"_s);

    // ---- disclosure: unit head, then the leader in charge ----
    QVERIFY(deng->sync());
    approve(*deng, disclosure, false);
    QCOMPARE(h.store().item(disclosure)->stageId, u"leader_signoff"_s);
    QVERIFY(wang->sync());
    approve(*wang, disclosure, true, u"同意公开"_s);
    server = h.store().item(disclosure);
    QCOMPARE(server->state, WorkflowState::Published);
    QVERIFY(server->indexNumber.startsWith(u"BZZG-KJGH/"_s));

    // ---- the history from the server's audit log ----
    QVERIFY(zhou->sync());
    QVERIFY(zhou->show(news));
    QVERIFY(zhou->pane->historyFromServer());
    HistoryModel *history = zhou->pane->historyModel();
    QAbstractItemModelTester tester(history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList types = historyTypes(history);
    QCOMPARE(types.count(u"action.submit"_s), 2);
    QCOMPARE(types.count(u"action.return"_s), 1);
    QCOMPARE(types.count(u"action.approve"_s), 2);
    QCOMPARE(types.count(u"publish"_s), 1);
    QVERIFY(types.indexOf(u"action.return"_s) < types.lastIndexOf(u"action.submit"_s));
    bool reasonShown = false;
    for (int r = 0; r < history->rowCount(); ++r)
        reasonShown =
            reasonShown || history->index(r).data().toString().contains(u"请写明耕地保护的具体要求"_s);
    QVERIFY(reasonShown);

    // ---- approval slips as PDF, read back ----
    QTemporaryDir out;
    const QString newsSlip = out.filePath(u"news.pdf"_s);
    QVERIFY(zhou->pane->exportSlip(newsSlip));
    QString text = pdfText(newsSlip);
    QVERIFY2(text.contains(u"关于加强耕地保护的通知"_s), qPrintable(text));
    QVERIFY(text.contains(u"蒋东升"_s));
    QVERIFY(text.contains(u"周敏"_s));
    QVERIFY(text.contains(u"胡欣怡"_s));                                      // the author
    QVERIFY2(text.contains(u"请写明耕地保护的具体要求"_s), qPrintable(text)); // the earlier round's return
    // Through the file dialog (pre-answered), for the disclosure item.
    QVERIFY(wang->sync());
    QVERIFY(wang->show(disclosure));
    const QString disclosureSlip = out.filePath(u"disclosure.pdf"_s);
    FileDialog::setNextSaveFileName(disclosureSlip);
    QTest::mouseClick(wang->button("slipPdfButton"), Qt::LeftButton);
    text = pdfText(disclosureSlip);
    QVERIFY2(text.contains(u"邓开元"_s), qPrintable(text));
    QVERIFY(text.contains(u"王志强"_s));
    QVERIFY(text.contains(u"同意公开"_s));
    // (pdftotext loses some digits of Qt's PDF text: the index number is checked by its unit code.)
    QVERIFY(text.contains(server->indexNumber.section(u'/', 0, 0) + u'/'));

    // ---- a change to the published news item, shown as a diff against the live version ----
    QVERIFY(hu->sync());
    RevisionContent change = hu->session->store().item(news)->latest()->content;
    change.title = u"关于加强耕地保护的补充通知"_s;
    change.bodyHtml =
        u"<p>各乡镇、街道：</p><p>请做好自然资源保护工作，严守耕地红线，坚决遏制耕地“非农化”。</p>"_s;
    ActionRequest propose;
    propose.action = Action::ProposeChange;
    propose.content = change;
    QVERIFY(hu->session->sync().queueAction(news, propose, &error));
    QVERIFY(hu->sync());
    server = h.store().item(news);
    QCOMPARE(server->proposal, Proposal::Change);
    QCOMPARE(server->liveRevision, 3); // the published version stays live meanwhile
    QVERIFY(jiang->sync());
    QVERIFY(jiang->show(news));
    QVERIFY(pane->diff());
    QCOMPARE(pane->diff()->fromRevision, 3);
    QCOMPARE(pane->diff()->toRevision, 4);
    QCOMPARE(pane->diff()->field(u"title"_s)->before, u"关于加强耕地保护的通知"_s);
    QCOMPARE(pane->diff()->field(u"title"_s)->after, u"关于加强耕地保护的补充通知"_s);
    const QString diffText = child<QTextBrowser>(pane, "diffBrowser")->toPlainText();
    QVERIFY(diffText.contains(u"坚决遏制耕地“非农化”"_s));
    QVERIFY(pane->diff()->toHtml().contains(u"<ins"_s));
    auto *tabs = child<QTabWidget>(pane, "tabs");
    QVERIFY(tabs->tabText(tabs->indexOf(child<QWidget>(pane, "changesTab"))).contains(u"("_s));
    approve(*jiang, news, false);
    QVERIFY(zhou->sync());
    approve(*zhou, news, true);
    server = h.store().item(news);
    QCOMPARE(server->state, WorkflowState::Published);
    QCOMPARE(server->liveRevision, 4);
}

// One approval dialog for three selected items: one goes to the next stage, one is published, one is
// refused here (not the reviewer's stage); without the attestation the last-stage item is refused too.
void TestGuiClientReview::batchApprovalWithARefusal()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    auto hu = client(h, u"hu.xinyi"_s);
    auto jiang = client(h, u"jiang.dongsheng"_s);
    auto he = client(h, u"he.xiaoyu"_s);
    auto zhou = client(h, u"zhou.min"_s);
    QVERIFY(hu && jiang && he && zhou);

    // With an attachment: uploaded by the author's sync, downloaded and verified by the reviewer.
    RevisionContent withFile = contentFor(ItemKind::News, u"耕地保护督察工作动态"_s, u"bureau_news"_s);
    const QByteArray bytes = QByteArray("%PDF-1.4 督察通报 ").repeated(2000);
    const std::optional<Attachment> file = hu->session->blobs().importBytes(bytes, u"督察通报.pdf"_s, &error);
    QVERIFY2(file, qPrintable(error));
    withFile.attachments = {*file};
    const QString farmland = submitDraft(*hu, ItemKind::News, u"farmland_protection"_s, withFile);
    const QString office = submitDraft(*he, ItemKind::News, u"office"_s,
                                       contentFor(ItemKind::News, u"局机关开展读书活动"_s, u"bureau_news"_s));
    const QString repost =
        submitDraft(*he, ItemKind::Repost, u"office"_s,
                    contentFor(ItemKind::Repost, u"自然资源部发布年度公报"_s, u"superior_news"_s));
    QVERIFY(!farmland.isEmpty() && !office.isEmpty() && !repost.isEmpty());
    QVERIFY(jiang->sync());
    QVERIFY(jiang->show(farmland));
    auto *files = child<QTreeWidget>(jiang->pane.get(), "attachmentTree");
    QCOMPARE(files->topLevelItemCount(), 1);
    QVERIFY(!jiang->session->blobs().contains(file->sha256)); // not on the reviewer's computer yet
    auto *download = jiang->button("downloadAttachmentsButton");
    QVERIFY(download->isEnabled());
    QSignalSpy downloaded(jiang->pane.get(), &ReviewPane::downloadsFinished);
    QTest::mouseClick(download, Qt::LeftButton);
    QVERIFY(downloaded.count() > 0 || downloaded.wait(30000));
    QVERIFY(jiang->session->blobs().verify(file->sha256, &error));
    QCOMPARE(files->topLevelItem(0)->text(2), ReviewPane::tr("checked: the file is complete"));
    QTemporaryDir saved;
    FileDialog::setNextSaveFileName(saved.filePath(u"copy.pdf"_s));
    files->setCurrentItem(files->topLevelItem(0));
    QTest::mouseClick(jiang->button("saveAttachmentButton"), Qt::LeftButton);
    QFile copy(saved.filePath(u"copy.pdf"_s));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), bytes);
    const QString opened = jiang->pane->openAttachment(0, false); // a read-only copy under its safe name
    QVERIFY(opened.endsWith(u"督察通报.pdf"_s));
    approve(*jiang, farmland, false); // now at the office director's sign-off

    QVERIFY(zhou->sync());
    BatchApproveDialog batch(zhou->session.get(), &zhou->org, {farmland, office, repost});
    batch.show();
    auto outcomes = [&] {
        QHash<QString, BatchApproveDialog::Entry> byId;
        for (const BatchApproveDialog::Entry &e : batch.entries())
            byId.insert(e.itemId, e);
        return byId;
    };
    auto *ok = child<QPushButton>(&batch, "okButton");
    auto *attest = child<QCheckBox>(&batch, "attestCheck");
    QVERIFY(attest->isVisible());           // one item is at its last stage
    QVERIFY(!outcomes()[farmland].allowed); // …and needs the attestation
    QVERIFY(outcomes()[office].allowed);
    QVERIFY(!outcomes()[repost].allowed);
    attest->click();
    QHash<QString, BatchApproveDialog::Entry> plan = outcomes();
    QVERIFY(plan[farmland].allowed);
    QVERIFY(plan[farmland].outcome.contains(u"published"_s) || plan[farmland].outcome.contains(u"发布"_s));
    QVERIFY(plan[office].allowed);
    const Stage signoff =
        *RouteEngine::builtin().stage(*zhou->session->store().item(office), u"office_signoff"_s);
    QVERIFY(plan[office].outcome.contains(signoff.displayName())); // names the next stage
    QVERIFY(!plan[repost].allowed);
    QCOMPARE(child<QTreeWidget>(&batch, "planTree")->topLevelItemCount(), 3);
    QVERIFY(ok->isEnabled());

    QSignalSpy decided(&batch, &BatchApproveDialog::decided);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(decided.count(), 2);
    QCOMPARE(batch.report().queued, (QStringList{farmland, office}));
    QCOMPARE(batch.report().refused.size(), 1);
    QCOMPARE(batch.report().refused.first().first, u"自然资源部发布年度公报"_s);
    QVERIFY(MessageBox::lastMessage().contains(u"自然资源部发布年度公报"_s));
    QVERIFY(MessageBox::lastMessage().contains(plan[repost].outcome));

    QVERIFY(zhou->sync());
    QCOMPARE(zhou->session->store().outboxCount(), 0);
    QCOMPARE(h.store().item(farmland)->state, WorkflowState::Published);
    QCOMPARE(h.store().item(office)->stageId, u"office_signoff"_s);
    QCOMPARE(h.store().item(repost)->stageId, u"site_review"_s);
}

// Two heads of one section approve the same stage; the second's approval comes back as a conflict: the
// pane shows the revision it was made on and the server's current item, and Take theirs ends it. Then,
// offline, the history is what the local copy knows.
void TestGuiClientReview::conflictBetweenTwoReviewers()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    auto yang = client(h, u"yang.shuting"_s);
    auto deng = client(h, u"deng.kaiyuan"_s);
    auto sun = client(h, u"sun.li"_s);
    QVERIFY(yang && deng && sun);
    const QString id =
        submitDraft(*yang, ItemKind::Disclosure, u"spatial_planning"_s,
                    contentFor(ItemKind::Disclosure, u"2024年度建设用地供应计划"_s, u"plans"_s));
    QVERIFY(!id.isEmpty());
    QVERIFY(deng->sync());
    QVERIFY(sun->sync());
    QVERIFY(sun->show(id));
    QVERIFY(sun->button("approveButton")->isEnabled());

    approve(*deng, id, false); // first

    // The second head decides on what they saw (revision 1 at the unit review): queued, then refused.
    QTest::mouseClick(sun->button("approveButton"), Qt::LeftButton);
    DecisionDialog *dialog = sun->pane->decisionDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, "okButton"), Qt::LeftButton);
    QVERIFY(sun->sync());
    QCOMPARE(sun->session->sync().conflicts().size(), 1);
    QCOMPARE(sun->pane->conflicts().size(), 1);
    auto *box = child<QGroupBox>(sun->pane.get(), "conflictBox");
    QVERIFY(box->isVisible());
    const QString mine = child<QTextBrowser>(sun->pane.get(), "conflictMineBrowser")->toPlainText();
    const QString theirs = child<QTextBrowser>(sun->pane.get(), "conflictTheirsBrowser")->toPlainText();
    QVERIFY2(mine.contains(u"2024年度建设用地供应计划"_s), qPrintable(mine)); // my base revision
    QVERIFY(mine.contains(u"1"_s));
    QVERIFY2(theirs.contains(u"邓开元"_s), qPrintable(theirs)); // who decided meanwhile
    const Stage leader = *RouteEngine::builtin().stage(*h.store().item(id), u"leader_signoff"_s);
    QVERIFY(theirs.contains(leader.displayName()));
    QVERIFY(!sun->button("approveButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>(sun->pane.get(), "takeTheirsButton"), Qt::LeftButton);
    QVERIFY(sun->session->sync().conflicts().isEmpty());
    QVERIFY(!box->isVisible());
    QCOMPARE(sun->session->store().item(id)->stageId, u"leader_signoff"_s);
    QCOMPARE(sun->session->store().outboxCount(), 0);
    QCOMPARE(h.store().item(id)->decisions.size(), 1);

    // Offline (the profile opened again without signing in): the local copy's history, said so.
    sun->pane.reset();
    sun->session.reset();
    ClientSession offline(sun->dir.path());
    QVERIFY(offline.open(&error));
    const Organization org = *offline.store().organization();
    ReviewPane pane(&offline, &org);
    QSignalSpy loaded(&pane, &ReviewPane::historyLoaded);
    pane.showItem(id);
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QVERIFY(!pane.historyFromServer());
    QVERIFY(pane.historyModel()->isLocalOnly());
    const QStringList types = historyTypes(pane.historyModel());
    QVERIFY(types.contains(u"local.revision"_s));
    QVERIFY(types.contains(u"local.approve"_s));
    QVERIFY(!child<QLabel>(&pane, "historyStatusLabel")->text().isEmpty());
    // The slip is made offline too, from the local copy.
    QTemporaryDir out;
    QVERIFY(pane.exportSlip(out.filePath(u"slip.pdf"_s)));
    QVERIFY(pdfText(out.filePath(u"slip.pdf"_s)).contains(u"邓开元"_s));
}

// Past the 15-day limit the server asks the publisher for a reason (docs/api.md "Checks"): the dialog
// shows the field at the last stage and lets the approval go only with a reason.
void TestGuiClientReview::breachedLimitAsksPublisherForReason()
{
    const RouteEngine &routes = RouteEngine::builtin();
    const Person *author = m_org.person(u"mou.xiaolin"_s);
    const Person *head = m_org.person(u"gou.zhenhua"_s);
    const Person *director = m_org.person(u"zhou.min"_s);
    QVERIFY(author && head && director);
    Item item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = ItemKind::News;
    item.unitId = u"bazhou"_s;
    ActionRequest create;
    create.action = Action::Create;
    create.content = contentFor(ItemKind::News, u"迟报的动态"_s, u"district_news"_s);
    create.content->infoDate = chinaToday().addDays(-40);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(routes.apply(*author, item, create, now));
    ActionRequest step;
    step.action = Action::Submit;
    QVERIFY(routes.apply(*author, item, step, now));
    step.action = Action::Approve;
    // The first stage: nothing to decide about the limit.
    {
        DecisionDialog first(DecisionDialog::Mode::Approve, item, *head, routes, &m_org);
        QVERIFY(first.findChild<QLineEdit *>(u"overrideEdit"_s)->isHidden());
    }
    QVERIFY(routes.apply(*head, item, step, now));
    DecisionDialog dialog(DecisionDialog::Mode::Approve, item, *director, routes, &m_org);
    auto *reason = dialog.findChild<QLineEdit *>(u"overrideEdit"_s);
    auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
    auto *attest = dialog.findChild<QCheckBox *>(u"attestCheck"_s);
    QVERIFY(reason && ok && attest);
    attest->setChecked(true);
    QVERIFY(!reason->isHidden());
    QVERIFY(!ok->isEnabled());
    reason->setText(u"信息产生单位迟报，已责令整改"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.request().overrideReason, u"信息产生单位迟报，已责令整改"_s);
}

QTEST_MAIN(TestGuiClientReview)
#include "tst_gui_client_review.moc"
