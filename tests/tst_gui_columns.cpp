// The office's columns page (issue #18 point 2), offscreen against a real server: a broken form is
// refused before anything is sent; a new sub-column, a rename and a move are saved through the API (a
// move renumbers the siblings, one save after the other), this client's organization follows at its
// sync and the page shows it; a save over a version someone else changed meanwhile is refused and says
// so; and the main window offers the page to the office alone, its column tree following a change.

#include "ClientTestSupport.h"
#include "ServerHarness.h"

#include "ClientSession.h"
#include "ColumnChange.h"
#include "ColumnTreeModel.h"
#include "ColumnsDialog.h"
#include "DomainJson.h"
#include "MainWindow.h"
#include "Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace baosong;
using namespace baosong::test;

class TestGuiColumns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void officeEditsTheColumns();
    void offeredToTheOfficeOnly();

private:
    Organization m_org;
};

void TestGuiColumns::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    m_org = Organization::demo();
}

namespace {

bool settledOk(ColumnsDialog &dialog, QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(30000))
        return false;
    const bool ok = spy.takeFirst().at(0).toBool();
    return ok && !dialog.isBusy();
}

QStringList childrenOf(const QList<Column> &columns, const QString &parentId)
{
    Organization org;
    org.columns = columns;
    QStringList out;
    for (const Column *c : org.childColumns(parentId))
        out << c->id;
    return out;
}

} // namespace

void TestGuiColumns::officeEditsTheColumns()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir profile;
    auto session = signedInSession(h, profile.path(), u"xie.bo"_s);
    QVERIFY(session);
    // What the application does: the organization every window holds is replaced when sync brings one.
    Organization org = *session->store().organization();
    ColumnsDialog dialog(session.get(), &org);
    QSignalSpy organizationArrived(&session->sync(), &SyncEngine::organizationChanged);
    connect(&session->sync(), &SyncEngine::organizationChanged, &dialog, [&] {
        org = *session->store().organization();
        dialog.reload();
    });
    QSignalSpy settled(&dialog, &ColumnsDialog::settled);
    dialog.show();
    auto *tree = dialog.findChild<QTreeWidget *>(u"columnTree"_s);
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    auto *units = dialog.findChild<QListWidget *>(u"unitsList"_s);
    auto *errorLabel = dialog.findChild<QLabel *>(u"errorLabel"_s);
    auto *retired = dialog.findChild<QCheckBox *>(u"retiredCheck"_s);
    QPushButton *save = dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Save);
    QVERIFY(tree && name && units && errorLabel && retired && save);
    QCOMPARE(tree->topLevelItemCount(), int(org.childColumns({}).size()));
    const QList<Column> before = h.store().columns();

    // No name: refused here, nothing sent.
    QVERIFY(dialog.select(u"bureau_news"_s));
    name->clear();
    save->click();
    QVERIFY(!settledOk(dialog, settled));
    QVERIFY(!errorLabel->isHidden());
    QVERIFY2(errorLabel->text().contains(u"name"_s), qPrintable(errorLabel->text()));
    QCOMPARE(h.store().columns(), before);

    // A new sub-column of 工作动态 for 用途管制科: saved, this client's organization follows.
    dialog.startNew(u"news"_s);
    name->setText(u"执法监察"_s);
    for (int i = 0; i < units->count(); ++i)
        units->item(i)->setCheckState(
            units->item(i)->data(Qt::UserRole).toString() == u"use_control"_s ? Qt::Checked : Qt::Unchecked);
    const QString id = dialog.edited().id;
    save->click();
    QVERIFY(settledOk(dialog, settled));
    QVERIFY(errorLabel->isHidden());
    Organization server;
    server.columns = h.store().columns();
    QVERIFY(server.column(id));
    QCOMPARE(server.column(id)->name, u"执法监察"_s);
    QCOMPARE(server.column(id)->responsibleUnitIds, QStringList{u"use_control"_s});
    QCOMPARE(server.column(id)->parentId, u"news"_s);
    // The page asked for a sync; the organization it brings has the column (a run under way may bring
    // an older one first).
    QTRY_VERIFY_WITH_TIMEOUT(org.column(id) != nullptr, 30000);
    QVERIFY(organizationArrived.count() > 0);
    QVERIFY(!tree->findItems(u"执法监察"_s, Qt::MatchExactly | Qt::MatchRecursive).isEmpty());

    // 区县动态 moved up before 局内动态: the siblings saved in their new order.
    QVERIFY(dialog.select(u"district_news"_s));
    dialog.move(-1);
    QVERIFY(settledOk(dialog, settled));
    QCOMPARE(childrenOf(h.store().columns(), u"news"_s).mid(0, 2),
             (QStringList{u"district_news"_s, u"bureau_news"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(childrenOf(org.columns, u"news"_s), childrenOf(h.store().columns(), u"news"_s),
                              30000);

    // Someone else changes a column meanwhile: this save is stale and says so; after the sync it goes.
    Column other = *org.column(u"superior_news"_s);
    other.name = u"上级部门动态"_s;
    QCOMPARE(
        h.request("PUT", u"/api/v1/columns/superior_news"_s, h.login(u"ma.lingyun"_s),
                  {{"base_version"_L1, h.store().organizationVersion()}, {"column"_L1, json::toJson(other)}},
                  true)
            .status,
        200);
    QVERIFY(dialog.select(u"bureau_news"_s));
    retired->setChecked(true);
    save->click();
    QVERIFY(!settledOk(dialog, settled));
    QVERIFY2(errorLabel->text().contains(u"meanwhile"_s) ||
                 errorLabel->text().contains(u"after you loaded"_s),
             qPrintable(errorLabel->text()));
    QVERIFY(!h.store().columns().isEmpty());
    // The page asked for a sync: the other change arrives.
    QTRY_COMPARE_WITH_TIMEOUT(org.column(u"superior_news"_s)->name, u"上级部门动态"_s, 30000);
    QVERIFY(dialog.select(u"bureau_news"_s));
    retired->setChecked(true);
    save->click();
    QVERIFY(settledOk(dialog, settled));
    server.columns = h.store().columns();
    QVERIFY(server.column(u"bureau_news"_s)->retired);
}

void TestGuiColumns::offeredToTheOfficeOnly()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    for (const auto &[login, offered] :
         {std::pair{u"xie.bo"_s, true}, std::pair{u"ma.lingyun"_s, true}, std::pair{u"he.xiaoyu"_s, false},
          std::pair{u"xu.wenjing"_s, false}}) {
        QTemporaryDir profile;
        auto session = signedInSession(h, profile.path(), login);
        QVERIFY(session);
        Settings settings(profile.path());
        Organization org = *session->store().organization();
        MainWindow window(&session->store(), &org, &settings);
        window.attachSession(session.get());
        ColumnsDialog *dialog = window.showColumns();
        QCOMPARE(dialog != nullptr, offered);
        if (dialog)
            dialog->close();
        if (offered)
            continue;
        // The column tree follows a change the office made (as the application hands it over).
        Column renamed = org.columns.first();
        renamed.name = u"更名后的栏目"_s;
        org = ColumnChange::applied(org, renamed);
        window.organizationChanged();
        auto *view = window.findChild<QTreeView *>(u"columnTree"_s);
        QVERIFY(view);
        QVERIFY(!view->model()
                     ->match(view->model()->index(0, 0), Qt::DisplayRole, u"更名后的栏目"_s, 1,
                             Qt::MatchExactly | Qt::MatchRecursive)
                     .isEmpty());
    }
}

QTEST_MAIN(TestGuiColumns)
#include "tst_gui_columns.moc"
