// The client's first window over a real local store with the demo organization: the models pass
// QAbstractItemModelTester, the list fetches lazily, search as you type finds Chinese text, the
// window remembers its layout, and the demo items are states the route engine allows.

#include "AuditDialog.h"
#include "Colours.h"
#include "ColumnHealthDialog.h"
#include "ColumnTreeModel.h"
#include "ContentScan.h"
#include "DemoData.h"
#include "ItemListModel.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RegisterClient.h"
#include "RegisterDialog.h"
#include "RouteEngine.h"
#include "Settings.h"
#include "StatisticsDialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

Item makeItem(int n, const QString &title, const QString &unitId)
{
    Item item;
    item.id = u"item-%1"_s.arg(n, 6, 10, QLatin1Char('0'));
    item.kind = ItemKind::News;
    item.unitId = unitId;
    item.authorId = u"someone"_s;
    Revision r;
    r.number = 1;
    r.authorId = item.authorId;
    r.createdAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    r.content.title = title;
    r.content.bodyHtml = u"<p>正文%1</p>"_s.arg(n);
    r.content.infoDate = QDate(2026, 11, 1).addDays(n % 30);
    item.revisions.append(r);
    return item;
}

} // namespace

class TestGuiMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoItemsFollowTheRoutes();
    void columnTreeModel();
    void itemListModelLazyAndSearch();
    void mainWindowSearchAsYouType();
    void mainWindowRemembersLayout();
    void columnHealthDialog();
    void statisticsDialog();
    void auditDialog();
    void registerDialog();

private:
    QTemporaryDir m_dir;
    Organization m_org;
};

void TestGuiMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_org = Organization::demo();
    QVERIFY(!m_org.units.isEmpty());
    QVERIFY(m_org.exampleData);
}

void TestGuiMainWindow::demoItemsFollowTheRoutes()
{
    const QList<Item> items = DemoData::items(m_org, RouteEngine::builtin(), QDate(2026, 11, 26));
    QCOMPARE(items.size(), 8);
    QSet<ItemKind> kinds;
    QSet<WorkflowState> states;
    for (const Item &item : items) {
        kinds.insert(item.kind);
        states.insert(item.state);
        QVERIFY(m_org.unit(item.unitId));
        QVERIFY(m_org.person(item.authorId));
    }
    QCOMPARE(kinds.size(), allItemKinds().size());
    QVERIFY(states.contains(WorkflowState::Draft));
    QVERIFY(states.contains(WorkflowState::InReview));
    QVERIFY(states.contains(WorkflowState::Returned));
    QVERIFY(states.contains(WorkflowState::Published));
}

void TestGuiMainWindow::columnTreeModel()
{
    ColumnTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOrganization(m_org);
    int top = 0;
    for (const Column &c : m_org.columns)
        top += c.parentId.isEmpty() ? 1 : 0;
    QCOMPARE(model.rowCount(), top);
    // Every column appears exactly once in the tree, under its parent.
    int seen = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            const QModelIndex idx = model.index(r, 0, parent);
            const Column *c = m_org.column(model.columnId(idx));
            QVERIFY(c);
            QCOMPARE(c->parentId, model.columnId(parent));
            QCOMPARE(idx.data().toString(), c->name);
            ++seen;
            walk(idx);
        }
    };
    walk({});
    QCOMPARE(seen, m_org.columns.size());
}

void TestGuiMainWindow::itemListModelLazyAndSearch()
{
    LocalStore store(m_dir.filePath(u"lazy.sqlite"_s));
    QVERIFY(store.open().ok());
    QList<Item> items;
    const QString unit = m_org.units.first().id;
    for (int i = 0; i < 450; ++i)
        items.append(makeItem(
            i, i % 10 == 0 ? u"不动产登记便民服务第%1期"_s.arg(i) : u"工作动态第%1期"_s.arg(i), unit));
    QVERIFY(store.saveItems(items));

    ItemListModel model(&store, &m_org);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), ItemListModel::kPageSize);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 450);

    model.setSearchText(u"不动产登记"_s); // 5 characters: trigram index
    QCOMPARE(model.rowCount(), 45);
    QVERIFY(!model.canFetchMore({}));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.index(r, ItemListModel::TitleColumn).data().toString().contains(u"不动产登记"_s));
    model.setSearchText(u"便民"_s); // 2 characters: the short-query fallback
    QCOMPARE(model.rowCount(), 45);
    model.setSearchText(u"没有这样的标题"_s);
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText(QString());
    QVERIFY(model.rowCount() < 450); // paging again, not everything at once
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 450);
    // Unit and kind are shown by name, never by key; the unit without the agency's name in front
    // (巴中市自然资源和规划局办公室 → 办公室), the full name in its tooltip.
    QCOMPARE(model.index(0, ItemListModel::UnitColumn).data().toString(), u"办公室"_s);
    QCOMPARE(m_org.shortUnitName(m_org.units.first().id), u"办公室"_s);
    QCOMPARE(model.index(0, ItemListModel::UnitColumn).data(Qt::ToolTipRole).toString(),
             m_org.units.first().name);
    QCOMPARE(model.index(0, ItemListModel::KindColumn).data().toString(), displayName(ItemKind::News));
    // The deadline column takes its colour from the one place that holds them (app/Colours).
    int coloured = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex deadline = model.index(r, ItemListModel::DeadlineColumn);
        const QVariant state = model.index(r, 0).data(ItemListModel::DeadlineStateRole);
        if (!state.isValid())
            continue;
        const QColor expected = deadlineColour(DeadlineState(state.toInt()));
        const QVariant brush = deadline.data(Qt::ForegroundRole);
        QCOMPARE(brush.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(brush.value<QBrush>().color(), expected);
            ++coloured;
        }
    }
    QVERIFY(coloured > 0);
}

void TestGuiMainWindow::mainWindowSearchAsYouType()
{
    const QString profile = m_dir.filePath(u"profile-search"_s);
    QDir().mkpath(profile);
    LocalStore store(QDir(profile).filePath(u"local.sqlite"_s));
    QVERIFY(store.open().ok());
    QVERIFY(store.saveOrganization(m_org));
    QVERIFY(store.saveItems(DemoData::items(m_org, RouteEngine::builtin(), chinaToday())));
    Settings settings(profile);
    MainWindow window(&store, &m_org, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *table = window.findChild<QTableView *>(u"itemTable"_s);
    auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
    auto *tree = window.findChild<QTreeView *>(u"columnTree"_s);
    QVERIFY(table && search && tree);
    QCOMPARE(table->model()->rowCount(), 8);
    QVERIFY(tree->model()->rowCount() > 0);

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    // QTest::keyClicks takes ASCII only: type the Chinese characters as key events with text.
    for (const QChar ch : u"耕地保护"_s)
        QTest::sendKeyEvent(QTest::Click, search, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    QCOMPARE(search->text(), u"耕地保护"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QVERIFY(table->model()->index(0, 0).data().toString().contains(u"耕地保护"_s));
    search->clear();
    QTRY_COMPARE(table->model()->rowCount(), 8);
}

void TestGuiMainWindow::mainWindowRemembersLayout()
{
    const QString profile = m_dir.filePath(u"profile-layout"_s);
    QDir().mkpath(profile);
    LocalStore store(QDir(profile).filePath(u"local.sqlite"_s));
    QVERIFY(store.open().ok());
    QList<int> sizes;
    {
        Settings settings(profile);
        MainWindow window(&store, &m_org, &settings);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
        splitter->setSizes({300, 500});
        sizes = splitter->sizes();
        window.close();
    }
    Settings settings(profile);
    MainWindow again(&store, &m_org, &settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(900, 600));
    QCOMPARE(again.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
}

// #18.1: the column health the server sent, shown as it is: states coloured, the inspection's warnings
// above, the person's own columns on request.
void TestGuiMainWindow::columnHealthDialog()
{
    QHash<QString, QDateTime> last;
    const QDate today = chinaToday();
    for (const Column &c : std::as_const(m_org.columns))
        last.insert(c.id, QDateTime(today.addDays(-200), QTime(12, 0)));
    const SiteHealth health = ColumnHealthRules().judge(m_org, last, today);
    QVERIFY(health.failing());
    const QString unit = m_org.columns.constFirst().responsibleUnitIds.value(0);
    QVERIFY(!unit.isEmpty());
    ColumnHealthDialog dialog(&m_org, unit);
    QCOMPARE(dialog.model()->rowCount(), 0); // not fetched yet: said so
    QVERIFY(dialog.findChild<QLabel *>(u"summaryLabel"_s)->text().contains(u"sync"_s));
    dialog.setHealth(health);
    QAbstractItemModelTester tester(dialog.model());
    QCOMPARE(dialog.model()->rowCount(), int(m_org.columns.size()));
    auto *warning = dialog.findChild<QLabel *>(u"warningLabel"_s);
    QVERIFY(!warning->text().isEmpty());
    QCOMPARE(warning->text(), health.messages().join(u'\n'));
    int stale = 0;
    for (int row = 0; row < dialog.model()->rowCount(); ++row) {
        QStandardItem *state = dialog.model()->item(row, 4);
        if (state->text().startsWith(displayName(ColumnHealthState::Stale))) {
            ++stale;
            QCOMPARE(state->foreground().color(), deadlineColour(DeadlineState::Breached));
        }
    }
    QVERIFY(stale > 0);
    // Only my unit's columns.
    dialog.findChild<QCheckBox *>(u"myUnitCheck"_s)->setChecked(true);
    int mine = 0;
    for (const Column &c : std::as_const(m_org.columns))
        mine += c.responsibleUnitIds.contains(unit);
    QCOMPARE(dialog.model()->rowCount(), mine);
}

// #18 points 3–5: the server's statistics in tables, two charts and a CSV export.
void TestGuiMainWindow::statisticsDialog()
{
    Item item = makeItem(1, u"局机关动态"_s, u"office"_s);
    item.firstSubmittedAt = QDateTime(QDate(2026, 11, 2), QTime(10, 0));
    item.state = WorkflowState::Published;
    item.liveRevision = 1;
    item.publishedAt = QDateTime(QDate(2026, 11, 3), QTime(10, 0));
    const Statistics s =
        StatisticsCalculator::compute(m_org, {item}, StatisticsPeriod::quarter(2026, 4), Deadline());
    StatisticsDialog dialog(nullptr);
    dialog.show(s);
    QCOMPARE(dialog.unitModel()->rowCount(), int(m_org.units.size()));
    QCOMPARE(dialog.columnModel()->rowCount(), int(m_org.columns.size()));
    QCOMPARE(dialog.unitModel()->item(0, 1)->text(), m_org.unit(u"office"_s)->name); // ranked first
    QCOMPARE(dialog.unitModel()->item(0, 3)->text(), u"1"_s);                        // published
    const QStringList charts = dialog.chartTitles();
    QCOMPARE(charts.size(), 3);
    QVERIFY2(charts.at(0).contains(u":1"_s), qPrintable(charts.join(u'\n'))); // one unit with figures
    // The trend by month: October, November, December; submitted and published in November.
    QVERIFY2(charts.at(2).contains(u":3"_s), qPrintable(charts.at(2)));
    const QList<std::pair<QString, QList<int>>> trend = dialog.trendValues();
    QCOMPARE(trend.size(), 2);
    QCOMPARE(trend.at(0).second, (QList<int>{0, 1, 0}));
    QCOMPARE(trend.at(1).second, (QList<int>{0, 1, 0}));
    dialog.showTrend(u"bazhou"_s); // a unit with nothing: zeros
    QCOMPARE(dialog.trendValues().at(0).second, (QList<int>{0, 0, 0}));
    dialog.showTrend(u"office"_s);
    QCOMPARE(dialog.trendValues().at(1).second, (QList<int>{0, 1, 0}));
    QVERIFY(dialog.findChild<QPushButton *>(u"csvButton"_s)->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"stats.csv"_s);
    QVERIFY(dialog.exportCsv(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), StatisticsCalculator::csv(s));
    // The workbook: read back through the xlsx reader of the content checks (core/ContentScan).
    const QString xlsx = dir.filePath(u"stats.xlsx"_s);
    QVERIFY(dialog.exportXlsx(xlsx));
    QFile book(xlsx);
    QVERIFY(book.open(QIODevice::ReadOnly));
    QString whyNot;
    const std::optional<QString> text =
        ContentScanner::attachmentText(u"stats.xlsx"_s, book.readAll(), &whyNot);
    QVERIFY2(text, qPrintable(whyNot));
    QVERIFY(text->contains(m_org.unit(u"office"_s)->name));
    QVERIFY(text->contains(m_org.columns.first().name));
    QVERIFY(text->contains(u"2026-10-01"_s));
    QVERIFY(text->contains(StatisticsCalculator::tr("Points")));
    // The PDF report: its text (pdftotext) holds the period, the units and their figures.
    const QString pdf = dir.filePath(u"report.pdf"_s);
    QVERIFY(dialog.exportPdf(pdf));
    QProcess p;
    p.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
    QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
    // pdftotext names some CJK glyphs by their Kangxi radical: NFKC folds them back; cells wrap.
    QString report = QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    report.remove(QRegularExpression(u"\\s"_s));
    QVERIFY2(report.contains(u"2026-10-01"_s) && report.contains(u"2026-12-31"_s),
             qPrintable(report.left(400)));
    QVERIFY(report.contains(QString(m_org.unit(u"office"_s)->name).remove(u' ')));
    QVERIFY(report.contains(QString(m_org.columns.first().name).remove(u' ')));
    QVERIFY(report.contains(u"2026-11"_s)); // the trend's table
}

// #18 point 7: the audit reader shows the server's pages, says whether the chain holds, and exports.
void TestGuiMainWindow::auditDialog()
{
    // The request it makes of the server.
    AuditFilter f;
    f.actor = u"mou.xiaolin"_s;
    f.type = u"action"_s;
    f.from = QDate(2026, 10, 1);
    const QString path = AuditClient::pathFor(f, 42, 100);
    QVERIFY2(path.startsWith(u"/api/v1/audit?after=42&limit=100"_s), qPrintable(path));
    QVERIFY(path.contains(u"actor=mou.xiaolin"_s) && path.contains(u"type=action"_s) &&
            path.contains(u"from=2026-10-01"_s) && !path.contains(u"to="_s) && !path.contains(u"item="_s));
    AuditPage page;
    QVERIFY(AuditClient::parse(
        QJsonObject{
            {"events"_L1, QJsonArray{QJsonObject{{"seq"_L1, 7},
                                                 {"at"_L1, u"2026-12-07T01:02:03.000Z"_s},
                                                 {"actor"_L1, u"zhou.min"_s},
                                                 {"type"_L1, u"action.approve"_s},
                                                 {"subject"_L1, u"item-1"_s},
                                                 {"details"_L1, QJsonObject{{"state"_L1, u"published"_s}}}}}},
            {"next"_L1, 7},
            {"more"_L1, true},
            {"chain_ok"_L1, true}},
        &page));
    QCOMPARE(page.events.size(), 1);
    QCOMPARE(page.next, 7);
    QVERIFY(page.more && page.chainOk);
    QVERIFY(!AuditClient::parse(QJsonObject(), &page));

    AuditDialog dialog(nullptr, &m_org);
    AuditPage first;
    QVERIFY(
        AuditClient::parse(QJsonObject{{"events"_L1, QJsonArray{QJsonObject{{"seq"_L1, 7},
                                                                            {"actor"_L1, u"zhou.min"_s},
                                                                            {"type"_L1, u"action.approve"_s},
                                                                            {"subject"_L1, u"item-1"_s}}}},
                                       {"next"_L1, 7},
                                       {"more"_L1, true},
                                       {"chain_ok"_L1, true}},
                           &first));
    dialog.addPage(first, true);
    QCOMPARE(dialog.model()->rowCount(), 1);
    QVERIFY(dialog.model()->item(0, 2)->text().contains(m_org.person(u"zhou.min"_s)->name));
    QVERIFY(dialog.findChild<QPushButton *>(u"moreButton"_s)->isEnabled());
    AuditPage broken = first;
    broken.events.first().sequence = 8;
    broken.more = false;
    broken.chainOk = false;
    broken.brokenAt = 8;
    dialog.addPage(broken, false);
    QCOMPARE(dialog.model()->rowCount(), 2);
    QVERIFY(dialog.findChild<QLabel *>(u"chainLabel"_s)->text().contains(u"8"_s));
    QVERIFY(!dialog.findChild<QPushButton *>(u"moreButton"_s)->isEnabled());
    QTemporaryDir dir;
    QVERIFY(dialog.exportCsv(dir.filePath(u"audit.csv"_s)));
    QFile csv(dir.filePath(u"audit.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(bytes.count("\r\n"), 3); // header and two events
    QVERIFY(bytes.contains("action.approve"));
}

// #18 point 6: the accountability register as the server sends it — the summary per unit, each
// section's entries, the route check's result, the notices (with the form a site administrator fills
// in) and the CSV export.
void TestGuiMainWindow::registerDialog()
{
    // A late news item of the office, published after its whole route, then corrected once.
    Item item = makeItem(1, u"局机关动态"_s, u"office"_s);
    item.revisions.first().content.columnId = u"bureau_news"_s;
    item.revisions.first().content.infoDate = QDate(2026, 10, 1);
    Revision changed = item.revisions.first();
    changed.number = 2;
    changed.content.title = u"局机关动态(更正)"_s;
    item.revisions.append(changed);
    const QDateTime published(QDate(2026, 10, 20), QTime(10, 0));
    const QDateTime corrected(QDate(2026, 11, 3), QTime(15, 0));
    item.state = WorkflowState::Published;
    item.liveRevision = 2;
    item.publishedAt = published;
    item.cycle = 2;
    for (int cycle = 1; cycle <= 2; ++cycle) {
        const QDateTime end = cycle == 1 ? published : corrected;
        item.decisions.append(Decision{u"unit_review"_s,
                                       u"zhou.min"_s,
                                       DecisionType::Approve,
                                       cycle,
                                       {},
                                       false,
                                       {},
                                       cycle,
                                       end.addSecs(-3600)});
        item.decisions.append(Decision{
            u"office_signoff"_s, u"xie.bo"_s, DecisionType::Approve, cycle, {}, true, {}, cycle, end});
    }
    RegisterInput input;
    input.items = {item};
    const auto event = [](const QString &type, const QDateTime &at, const QJsonObject &details) {
        AuditEvent e;
        e.type = type;
        e.at = at;
        e.actorId = u"xie.bo"_s;
        e.subjectId = u"item-000001"_s;
        e.details = details;
        return e;
    };
    input.events = {event(u"publish"_s, published, {{"revision"_L1, 1}}),
                    event(u"override"_s, published,
                          {{"checks"_L1, QJsonArray{u"deadline/breached"_s}},
                           {"reason"_L1, u"会议纪要印发较晚"_s},
                           {"unit_id"_L1, u"office"_s}}),
                    event(u"publish"_s, corrected, {{"revision"_L1, 2}})};
    InspectionNotice notice;
    notice.id = u"notice-1"_s;
    notice.date = QDate(2026, 11, 10);
    notice.source = u"省政务公开办季度检查"_s;
    notice.finding = u"“区县动态”栏目超过两周未更新"_s;
    notice.unitId = u"bazhou"_s;
    notice.version = 1;
    input.notices = {notice};
    const AccountabilityRegister r =
        RegisterCalculator::compute(m_org, input, StatisticsPeriod::quarter(2026, 4), Deadline(),
                                    RouteEngine::builtin(), QDate(2026, 12, 31));

    RegisterDialog dialog(nullptr, &m_org);
    QSignalSpy shown(&dialog, &RegisterDialog::shown);
    dialog.setRegister(r, true);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(dialog.summaryModel()->rowCount(), int(m_org.units.size()) + 1); // and the total
    const int office = int(m_org.units.indexOf(*m_org.unit(u"office"_s)));
    const auto summary = [&](int row, int column) {
        return dialog.summaryModel()->item(row, column)->text();
    };
    QCOMPARE(summary(office, 3), u"2"_s); // publications checked
    QCOMPARE(summary(office, 4), u"0"_s); // without the full route
    QCOMPARE(summary(office, 5), u"1"_s); // overrides
    QCOMPARE(summary(office, 6), u"1"_s); // corrections
    QCOMPARE(summary(office, 8), u"1"_s); // late
    QVERIFY2(dialog.routeCheckText().contains(u"2"_s) && dialog.routeCheckText().contains(u"1"_s),
             qPrintable(dialog.routeCheckText()));
    QCOMPARE(dialog.correctionModel()->rowCount(), 1);
    QCOMPARE(dialog.correctionModel()->item(0, 3)->text(), u"局机关动态(更正)"_s);
    QCOMPARE(dialog.overrideModel()->rowCount(), 1);
    QCOMPARE(dialog.overrideModel()->item(0, 5)->text(), u"会议纪要印发较晚"_s);
    QCOMPARE(dialog.lateModel()->rowCount(), 1);
    QCOMPARE(dialog.lateModel()->item(0, 5)->text(), u"19"_s);
    QCOMPARE(dialog.routeModel()->rowCount(), 0);
    QVERIFY(dialog.staleModel()->rowCount() > 0); // the demo's columns without publications
    QCOMPARE(dialog.noticeModel()->rowCount(), 1);
    QCOMPARE(dialog.noticeModel()->item(0, 2)->text(), u"省政务公开办季度检查"_s);
    QVERIFY(!dialog.findChild<QPushButton *>(u"addNoticeButton"_s)->isHidden());

    // The notice form: refused while incomplete, then sent.
    MessageBox::setNextAnswer(QMessageBox::Ok); // the "not signed in" warning
    QStringList problems;
    connect(&dialog, &RegisterDialog::formShown, this, [&](NoticeDialog *form) {
        form->findChild<QComboBox *>(u"sourceCombo"_s)->setCurrentText(u"市政府办公室抽查"_s);
        form->findChild<QComboBox *>(u"unitCombo"_s)
            ->setCurrentIndex(form->findChild<QComboBox *>(u"unitCombo"_s)->findData(u"enyang"_s));
        problems = form->problems(); // no finding yet
        form->findChild<QPlainTextEdit *>(u"findingEdit"_s)->setPlainText(u"信息发布超期"_s);
        form->accept();
    });
    QSignalSpy sent(&dialog, &RegisterDialog::noticeSent);
    dialog.addNotice();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(sent.count(), 1);
    const InspectionNotice made = sent.first().first().value<InspectionNotice>();
    QCOMPARE(made.unitId, u"enyang"_s);
    QCOMPARE(made.finding, u"信息发布超期"_s);
    QVERIFY(made.id.isEmpty());
    QCOMPARE(RegisterClient::noticeBody(made).value("source"_L1).toString(), u"市政府办公室抽查"_s);
    QVERIFY(!RegisterClient::noticeBody(made).contains("version"_L1));
    QCOMPARE(RegisterClient::pathFor(StatisticsPeriod::quarter(2026, 4)),
             u"/api/v1/register?from=2026-10-01&to=2026-12-31"_s);

    // Without the right to write: no buttons.
    dialog.setRegister(r, false);
    QVERIFY(dialog.findChild<QPushButton *>(u"addNoticeButton"_s)->isHidden());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"register.csv"_s);
    QVERIFY(dialog.exportCsv(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QCOMPARE(csv, RegisterCalculator::csv(r, m_org));
    QVERIFY(csv.contains(QStringLiteral("省政务公开办季度检查").toUtf8()));
}

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
