// The site administrator's page of the word lists and detectors (issue #17 point 7), offscreen against
// a real server: it loads the server's lists, refuses lines it cannot read before sending them (the
// error names the line), saves through the client library (the server's version goes up, this client's
// next sync brings it), tells the user to load again when someone saved meanwhile; and the main
// window offers it to site administrators only.

#include "ClientTestSupport.h"
#include "SampleContent.h"
#include "ServerHarness.h"

#include "ClientSession.h"
#include "ContentScan.h"
#include "EditorWindow.h"
#include "ItemEditor.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WordListsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace baosong;
using namespace baosong::test;

class TestGuiWordLists : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pageLoadsEditsAndSaves();
    void offeredToSiteAdministratorsOnly();

private:
    Organization m_org;
};

void TestGuiWordLists::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    m_org = Organization::demo();
}

namespace {

// Waits for the dialog's load or save to end; its outcome.
bool settledOk(WordListsDialog &dialog, QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(30000))
        return false;
    const bool ok = spy.takeFirst().at(0).toBool();
    return ok && !dialog.isBusy();
}

} // namespace

void TestGuiWordLists::pageLoadsEditsAndSaves()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir profile;
    auto session = signedInSession(h, profile.path(), u"ma.lingyun"_s);
    QVERIFY(session);

    WordListsDialog dialog(session.get());
    QSignalSpy settled(&dialog, &WordListsDialog::settled);
    dialog.show();
    QVERIFY(settledOk(dialog, settled));
    auto *sensitive = dialog.findChild<QPlainTextEdit *>(u"sensitiveEdit"_s);
    auto *misused = dialog.findChild<QPlainTextEdit *>(u"misusedEdit"_s);
    auto *mobile = dialog.findChild<QCheckBox *>(QString(ContentDetector::MobileNumber));
    auto *errorLabel = dialog.findChild<QLabel *>(u"errorLabel"_s);
    auto *status = dialog.findChild<QLabel *>(u"statusLabel"_s);
    QPushButton *save = dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Save);
    QVERIFY(sensitive && misused && mobile && errorLabel && status && save);
    QCOMPARE(sensitive->toPlainText(), WordLists::builtinSensitiveText());
    QCOMPARE(misused->toPlainText(), WordLists::builtinMisusedText());
    QVERIFY(mobile->isChecked());
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.rules().version, 1);

    // An editor open meanwhile: the word is on no list yet.
    const Organization org = *session->store().organization();
    Settings settings(profile.path());
    EditorWindow editor(session.get(), &org, &settings);
    Item item = EditorWindow::newDraft(org, u"ma.lingyun"_s);
    Revision revision;
    revision.number = 1;
    revision.authorId = item.authorId;
    revision.content = test::submittableContent(ItemKind::News, item.unitId, u"工作动态"_s);
    revision.content.bodyHtml = u"<p>关于蓝鲸计划书的说明。</p>"_s;
    item.revisions = {revision};
    editor.setItem(item);
    auto listed = [&] {
        for (const Finding &f : editor.editor()->runChecks()) {
            if (f.key() == u"content/sensitive_word"_s && f.message.contains(u"蓝鲸计划书"_s))
                return true;
        }
        return false;
    };
    QVERIFY(!listed());

    // A line without its correction: refused here, with its line, before anything is sent.
    misused->setPlainText(u"# 错别字\n没有更正的词\n"_s);
    save->click();
    QVERIFY(!settledOk(dialog, settled));
    QVERIFY(!errorLabel->isHidden());
    QVERIFY2(errorLabel->text().contains(u"misused.txt line 2"_s), qPrintable(errorLabel->text()));
    QCOMPARE(h.store().wordListsVersion(), 1);

    // Corrected, a word added and mobile numbers turned off: saved as version 2.
    misused->setPlainText(WordLists::builtinMisusedText());
    sensitive->setPlainText(sensitive->toPlainText() + u"蓝鲸计划书\tblocking\t测试\n"_s);
    mobile->setChecked(false);
    QSignalSpy listsArrived(&session->sync(), &SyncEngine::wordListsChanged);
    save->click();
    QVERIFY(settledOk(dialog, settled));
    QVERIFY(errorLabel->isHidden());
    QCOMPARE(h.store().wordListsVersion(), 2);
    const std::optional<ContentRules> stored = h.store().wordLists();
    QVERIFY(stored);
    QVERIFY(stored->sensitiveText.contains(u"蓝鲸计划书\tblocking"_s));
    QVERIFY(!stored->settings.enabled(QString(ContentDetector::MobileNumber)));
    // This client's checks follow at its next sync (the page asks for one), in the editor opened before.
    QVERIFY(listsArrived.count() > 0 || listsArrived.wait(30000));
    QCOMPARE(session->store().wordLists()->version, 2);
    QVERIFY(listed());

    // Someone else saves meanwhile: this save is stale, the page says to load again; loading shows theirs.
    const QByteArray other = h.login(u"jiang.wei"_s);
    QCOMPARE(h.request("PUT", u"/api/v1/word-lists"_s, other,
                       {{"base_version"_L1, 2},
                        {"sensitive"_L1, WordLists::builtinSensitiveText()},
                        {"misused"_L1, WordLists::builtinMisusedText()}},
                       true)
                 .status,
             200);
    sensitive->setPlainText(sensitive->toPlainText() + u"另一个词\n"_s);
    save->click();
    QVERIFY(!settledOk(dialog, settled));
    QVERIFY2(errorLabel->text().contains(u"Load them again"_s), qPrintable(errorLabel->text()));
    QCOMPARE(h.store().wordListsVersion(), 3);
    dialog.findChild<QPushButton *>(u"reloadButton"_s)->click();
    QVERIFY(settledOk(dialog, settled));
    QCOMPARE(dialog.rules().version, 3);
    QCOMPARE(sensitive->toPlainText(), WordLists::builtinSensitiveText());
    QVERIFY(status->text().contains(u"3"_s));
}

void TestGuiWordLists::offeredToSiteAdministratorsOnly()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    for (const auto &[login, offered] :
         {std::pair{u"ma.lingyun"_s, true}, std::pair{u"xu.wenjing"_s, false}}) {
        QTemporaryDir profile;
        auto session = signedInSession(h, profile.path(), login);
        QVERIFY(session);
        Settings settings(profile.path());
        const Organization org = *session->store().organization();
        MainWindow window(&session->store(), &org, &settings);
        window.attachSession(session.get());
        QCOMPARE(window.offersWordLists(), offered);
        WordListsDialog *dialog = window.showWordLists();
        QCOMPARE(dialog != nullptr, offered);
        if (dialog) {
            QSignalSpy settled(dialog, &WordListsDialog::settled);
            QVERIFY(settledOk(*dialog, settled));
            dialog->close();
        }
    }
}

QTEST_MAIN(TestGuiWordLists)
#include "tst_gui_wordlists.moc"
