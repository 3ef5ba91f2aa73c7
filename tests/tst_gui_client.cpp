// The desktop client (issue #7) driven through its real widgets, headless, against a real server on
// loopback HTTPS: first run with the fingerprint confirmation, sign-in, a draft with two attachments
// dropped on it, autosave, a simulated crash and the recovery, paste from Word, submit while offline
// then sync, a returned item revised and resubmitted; the views; one client per profile.

#include "ClientTestSupport.h"
#include "SampleContent.h"
#include "ServerHarness.h"
#include "StoreDamage.h"

#include "BatchApproveDialog.h"
#include "ClientSession.h"
#include "ConnectDialog.h"
#include "DraftAutosave.h"
#include "EditorWindow.h"
#include "HistoryModel.h"
#include "HtmlSanitizer.h"
#include "ItemEditor.h"
#include "ItemHistory.h"
#include "ItemListModel.h"
#include "ItemViews.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "Notifier.h"
#include "Problem.h"
#include "ReviewPane.h"
#include "Settings.h"
#include "SyncStatusWidget.h"
#include <QHeaderView>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// The fields a news item needs before it can be submitted: a column of the unit and the date.
void fillRequired(EditorWindow *editor)
{
    auto *column = editor->findChild<QComboBox *>(u"columnCombo"_s);
    for (int i = 0; i < column->count(); ++i) {
        if (!column->itemData(i).toString().isEmpty()) {
            column->setCurrentIndex(i);
            break;
        }
    }
    QTest::mouseClick(editor->findChild<QAbstractButton *>(u"infoDateTodayButton"_s), Qt::LeftButton);
}

// An author (he.xiaoyu) signed in against a fresh server, with the main window shown; the network
// goes through `faults`. Check ok() first.
struct AuthorDesk
{
    explicit AuthorDesk(const Organization &organization)
    {
        QString error;
        if (!h.ok() || !h.importOrganization(organization, &error))
            return;
        session = signedInSession(h, profile.path(), u"he.xiaoyu"_s, &faults);
        if (!session)
            return;
        settings = std::make_unique<Settings>(profile.path());
        org = *session->store().organization();
        window = std::make_unique<MainWindow>(&session->store(), &org, settings.get());
        window->attachSession(session.get());
        window->show();
    }
    bool ok() const { return window && QTest::qWaitForWindowExposed(window.get()); }

    ServerHarness h{u"sqlite"_s};
    QTemporaryDir profile;
    FaultyFactory faults;
    std::unique_ptr<ClientSession> session;
    std::unique_ptr<Settings> settings;
    Organization org;
    std::unique_ptr<MainWindow> window;
};

} // namespace

class TestGuiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstRunConfirmsTheFingerprintAndSignsIn();
    void wrongPasswordIsRefusedClearly();
    void oneClientPerProfile();
    void draftWithAttachmentsAutosavedSubmittedOffline();
    void crashedEditorIsReopened();
    void returnedItemRevisedAndResubmitted();
    void refusedSubmitNeverStrandsTheDraft();
    void unsentActionsShownAndKeptAtQuit();
    void editorKeysSavedTimeAndCalendar();
    void roleAwareWindow();
    void notificationsOfQueueAndReturn();
    void newsArrivesWithinSeconds();
    void wordDocumentOpensAsDraft();
    void savesDoNotAddVersions();
    void listColumnsPerView();
    void queueKeyboardReviewAndBatch();
    void damagedStoreOffersRebuild();
    void draftInterpretationFromThePolicy();

private:
    // A profile signed in as `login` against `h` through the real dialog.
    std::unique_ptr<ClientSession> signedIn(ServerHarness &h, const QString &profile, const QString &login,
                                            FaultyFactory *factory = nullptr);
    Organization m_org;
};

void TestGuiClient::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    m_org = Organization::demo();
}

std::unique_ptr<ClientSession> TestGuiClient::signedIn(ServerHarness &h, const QString &profile,
                                                       const QString &login, FaultyFactory *factory)
{
    return signedInSession(h, profile, login, factory);
}

// First run: the address, the certificate's fingerprint shown to be compared (trusting is possible
// only once the user says they compared it), then the sign-in; the pin is kept in the profile.
void TestGuiClient::firstRunConfirmsTheFingerprintAndSignsIn()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir profile;
    ClientSession session(profile.path());
    QVERIFY(session.open(&error));
    session.setSyncInterval(0);

    ConnectDialog dialog(&session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.page(), ConnectDialog::ServerPage);
    auto *server = child<QLineEdit>(&dialog, "serverEdit");
    QTest::keyClicks(server, u"http://127.0.0.1:%1"_s.arg(h.port()));
    QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
    QCOMPARE(dialog.page(), ConnectDialog::ServerPage); // plain HTTP is refused
    QVERIFY(dialog.message().contains(u"HTTPS"_s));

    server->clear();
    QTest::keyClicks(server, u"127.0.0.1:%1"_s.arg(h.port()));
    QTest::keyClick(server, Qt::Key_Return);
    // The handshake does not hold the window (no nested event loop): the dialog answers at once and
    // shows it is connecting; the certificate page comes when the handshake is done.
    QCOMPARE(dialog.page(), ConnectDialog::ServerPage);
    QVERIFY(!child<QPushButton>(&dialog, "connectButton")->isEnabled());
    QVERIFY(dialog.message().contains(u"127.0.0.1"_s));
    QTRY_COMPARE(dialog.page(), ConnectDialog::CertificatePage);
    const QSslCertificate certificate = QSslCertificate::fromPath(h.certificatePath()).first();
    const QString expected = TlsTrust::readableFingerprint(TlsTrust::fingerprint(certificate));
    QCOMPARE(child<QLabel>(&dialog, "fingerprintLabel")->text(), expected);
    auto *trust = child<QPushButton>(&dialog, "trustButton");
    QVERIFY(!trust->isEnabled());
    child<QCheckBox>(&dialog, "confirmCheck")->click();
    QVERIFY(trust->isEnabled());
    QTest::mouseClick(trust, Qt::LeftButton);
    QCOMPARE(dialog.page(), ConnectDialog::SignInPage);
    QVERIFY(QFile::exists(TlsTrust::settingsPath(profile.path())));
    QCOMPARE(QFile::permissions(TlsTrust::settingsPath(profile.path())) &
                 (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());

    QTest::keyClicks(child<QLineEdit>(&dialog, "loginEdit"), u"he.xiaoyu"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, "passwordEdit"), ServerHarness::password(u"he.xiaoyu"_s));
    QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
    QVERIFY(session.isSignedIn());
    QCOMPARE(session.personId(), u"he.xiaoyu"_s);
    QCOMPARE(session.login(), u"he.xiaoyu"_s);
    QVERIFY(runSync(session));
    QVERIFY(session.store().organization());
    // The password is nowhere in the profile.
    for (const QFileInfo &f : QDir(profile.path()).entryInfoList(QDir::Files)) {
        QFile file(f.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(ServerHarness::password(u"he.xiaoyu"_s).toUtf8()),
                 qPrintable(f.fileName()));
    }

    // No keychain here: the token is in memory only, unless the user chooses the file (0600).
    QVERIFY(!QFile::exists(session.credentials().fallbackFilePath()));
    session.setKeepTokenInFile(true); // the keychain answers later: so does the file
    QTRY_VERIFY(QFile::exists(session.credentials().fallbackFilePath()));
    QCOMPARE(QFile::permissions(session.credentials().fallbackFilePath()) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    {
        // The next start finds it there.
        Credentials later(profile.path(), Credentials::Fallback::UserFile);
        const CredentialKey key{QDir(profile.path()).dirName(), session.serverUrl().toString(),
                                session.login()};
        QByteArray found;
        bool answered = false;
        later.loadToken(key, [&](const QByteArray &token) {
            found = token;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(!found.isEmpty());
    }
    session.setKeepTokenInFile(false);
    QTRY_VERIFY(!QFile::exists(session.credentials().fallbackFilePath()));

    // Next start: the profile knows its server; a second dialog opens at the sign-in, and another
    // account is refused (its data would mix).
    ConnectDialog again(&session);
    QCOMPARE(again.page(), ConnectDialog::SignInPage);
    child<QLineEdit>(&again, "loginEdit")->setText(u"zhou.min"_s);
    child<QLineEdit>(&again, "passwordEdit")->setText(ServerHarness::password(u"zhou.min"_s));
    QTest::mouseClick(child<QPushButton>(&again, "signInButton"), Qt::LeftButton);
    QVERIFY(again.message().contains(u"he.xiaoyu"_s));
    QCOMPARE(session.personId(), u"he.xiaoyu"_s);
}

void TestGuiClient::wrongPasswordIsRefusedClearly()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY(h.ok());
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir profile;
    ClientSession session(profile.path());
    QVERIFY(session.open(&error));
    const QUrl server(u"https://127.0.0.1:%1"_s.arg(h.port()));
    QVERIFY(session.trustCertificate(server, session.probe(server).certificate, &error));
    ConnectDialog dialog(&session);
    child<QLineEdit>(&dialog, "serverEdit")->setText(u"127.0.0.1:%1"_s.arg(h.port()));
    QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE(dialog.page(), ConnectDialog::SignInPage); // already trusted: no question
    child<QLineEdit>(&dialog, "loginEdit")->setText(u"he.xiaoyu"_s);
    child<QLineEdit>(&dialog, "passwordEdit")->setText(u"wrong"_s);
    QSignalSpy done(&session, &ClientSession::signInFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
    QVERIFY(done.wait(20000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY(dialog.message().contains(u"password"_s));
    QVERIFY(child<QLineEdit>(&dialog, "passwordEdit")->text().isEmpty());
    QVERIFY(!session.isSignedIn());
}

void TestGuiClient::oneClientPerProfile()
{
    QTemporaryDir profile;
    ClientSession first(profile.path());
    QString error;
    QVERIFY(first.open(&error));
    ClientSession second(profile.path());
    QVERIFY(!second.open(&error));
    QVERIFY2(error.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(error));
}

// A correspondent drafts an item, drops two files on it, pastes from Word; autosave keeps it; the
// submit is made offline and reaches the server at the next sync, with its attachments listed.
void TestGuiClient::draftWithAttachmentsAutosavedSubmittedOffline()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    ServerHarness &h = desk.h;
    FaultyFactory &faults = desk.faults;
    ClientSession *session = desk.session.get();
    MainWindow &window = *desk.window;
    auto *views = child<QListWidget>(&window, "viewList");
    QCOMPARE(views->count(), 4);
    QCOMPARE(window.currentViewKey(), u"my_drafts"_s);
    QAbstractItemModelTester tester(window.itemModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    EditorWindow *editor = window.newDraft();
    QVERIFY(editor);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    // The engine lets the signed-in author delete a new draft (RouteEngine::mayTake).
    QVERIFY(!child<QPushButton>(editor, "deleteButton")->isHidden());
    editor->autosave()->setDelay(200);
    auto *title = child<QLineEdit>(editor, "titleEdit");
    title->setFocus();
    QTest::keyClicks(title, u"Spatial plan public notice"_s);

    QTemporaryDir files;
    const QString pdf =
        writeFile(files.filePath(u"规划公示.pdf"_s), QByteArray("%PDF-1.4\n") + QByteArray(8000, 'p'));
    const QString xls = writeFile(files.filePath(u"地块清单.xlsx"_s), QByteArray(3000, 'x'));
    dropFiles(child<QWidget>(editor, "attachmentView")->findChild<QWidget *>(u"qt_scrollarea_viewport"_s),
              {pdf, xls});
    QTRY_COMPARE(editor->editor()->attachmentModel()->rowCount(), 2);
    QTRY_VERIFY(!editor->editor()->isImporting());

    // Paste from Word: structure kept, Word's styles gone.
    QFile word(QStringLiteral(BAOSONG_TEST_DATA_DIR "/word-paste.html"));
    QVERIFY(word.open(QIODevice::ReadOnly));
    auto *mime = new QMimeData;
    mime->setHtml(QString::fromUtf8(word.readAll()));
    QApplication::clipboard()->setMimeData(mime);
    BodyEdit *body = editor->editor()->bodyEdit();
    body->setFocus();
    QTest::keyClick(body, Qt::Key_V, Qt::ControlModifier);
    const QString html = editor->editor()->item().latest()->content.bodyHtml;
    QVERIFY(!html.isEmpty());
    QVERIFY(!html.contains(u"mso-"_s));
    QVERIFY(!html.contains(u"style="_s));

    // Autosave: the draft is in the local store and its create in the outbox, before any submit.
    const QString id = editor->itemId();
    QTRY_VERIFY_WITH_TIMEOUT(session->store().item(id).has_value(), 10000);
    QTRY_COMPARE(session->store().item(id)->latest()->content.attachments.size(), 2);
    QTRY_VERIFY(session->store().item(id)->latest()->content.bodyHtml.contains(u"<"_s));
    fillRequired(editor);

    // Offline: every request fails.
    faults.last->setRule(
        [](const QByteArray &, const QUrl &, const QByteArray &) { return Fault::networkError(); });
    QVERIFY(runSync(*session));
    QCOMPARE(session->sync().state(), SyncEngine::State::Offline);
    QVERIFY2(window.syncStatus()->stateText().startsWith(SyncStatusWidget::tr("Offline")),
             qPrintable(window.syncStatus()->stateText()));

    MessageBox::setNextAnswer(QMessageBox::Ok); // "submitted; you are offline"
    QTest::mouseClick(child<QPushButton>(editor, "submitButton"), Qt::LeftButton);
    QTRY_VERIFY(!window.editor());
    const QList<OutboxEntry> waiting = session->store().outbox();
    QCOMPARE(waiting.size(), 2);
    QCOMPARE(waiting.at(0).action, Action::Create);
    QCOMPARE(waiting.at(1).action, Action::Submit);
    QVERIFY(!h.store().item(id));

    // Back online.
    faults.last->clearRule();
    QVERIFY(runSync(*session));
    QCOMPARE(session->sync().state(), SyncEngine::State::Idle);
    const std::optional<Item> onServer = h.store().item(id);
    QVERIFY(onServer);
    QCOMPARE(onServer->state, WorkflowState::InReview);
    QCOMPARE(onServer->latest()->content.title, u"Spatial plan public notice"_s);
    QCOMPARE(onServer->latest()->content.attachments.size(), 2);
    QCOMPARE(onServer->latest()->content.attachments.at(0).fileName, u"规划公示.pdf"_s);
    // The attachments went before the item: the server has their content, whole.
    const QByteArray token = h.login(u"he.xiaoyu"_s);
    for (const Attachment &a : onServer->latest()->content.attachments) {
        const HttpResult blob =
            h.get(u"/api/v1/blobs/%1?item=%2"_s.arg(QString::fromLatin1(a.sha256.toHex()), id), token);
        QCOMPARE(blob.status, 200);
        QCOMPARE(blob.raw.size(), a.size);
    }
    // The lists follow: it left "My drafts" for "Sent".
    window.showView(ItemView::Sent);
    QTRY_COMPARE(window.itemModel()->rowCount(), 1);
    QCOMPARE(window.itemModel()->itemId(window.itemModel()->index(0, 0)), id);
}

// The client dies while a draft is open: at the next start the draft is reopened and the user told.
void TestGuiClient::crashedEditorIsReopened()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY(h.ok());
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir profile;
    QString id;
    {
        auto session = signedIn(h, profile.path(), u"he.xiaoyu"_s);
        QVERIFY(session);
        Settings settings(profile.path());
        const Organization org = *session->store().organization();
        auto *window = new MainWindow(&session->store(), &org, &settings);
        window->attachSession(session.get());
        EditorWindow *editor = window->newDraft();
        editor->autosave()->setDelay(100);
        QTest::keyClicks(child<QLineEdit>(editor, "titleEdit"), u"Unsaved at the crash"_s);
        id = editor->itemId();
        QTRY_VERIFY(session->store().item(id).has_value());
        QCOMPARE(DraftAutosave::draftToRecover(settings), id);
        // The crash: nothing is closed normally (no close events, no finish()).
        editor->setAttribute(Qt::WA_DeleteOnClose, false);
        delete window; // its children go without closeEvent
    }
    auto session = std::make_unique<ClientSession>(profile.path());
    QVERIFY(session->open(&error));
    // Whether or not a keychain kept the token (a test machine may have none), recovery needs neither
    // the token nor the server: its outcome is not asserted here, what follows is.
    bool resumed = false;
    session->resume([&](bool) { resumed = true; });
    QTRY_VERIFY(resumed);
    Settings settings(profile.path());
    QCOMPARE(DraftAutosave::draftToRecover(settings), id);
    const Organization org = *session->store().organization();
    MainWindow window(&session->store(), &org, &settings);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window.attachSession(session.get());
    QTRY_VERIFY(window.editor());
    QCOMPARE(window.editor()->itemId(), id);
    QVERIFY(MessageBox::lastMessage().contains(u"Unsaved at the crash"_s));
    QCOMPARE(window.editor()->editor()->content().title, u"Unsaved at the crash"_s);
}

// Issue #15: a draft begun with its body stays on this computer until it has a title (the server
// would refuse it); a submit the server refuses keeps the editor open with the reason in the client's
// words (not the server's English), and the corrected submit goes through without waiting behind
// the refused one; "submitted" is said only once the server has it.
void TestGuiClient::refusedSubmitNeverStrandsTheDraft()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    ServerHarness &h = desk.h;
    FaultyFactory &faults = desk.faults;
    ClientSession *session = desk.session.get();
    MainWindow &window = *desk.window;

    EditorWindow *editor = window.newDraft();
    BodyEdit *body = editor->editor()->bodyEdit();
    body->setFocus();
    typeText(body, u"各乡镇、街道：请做好耕地保护工作。"_s);
    const QString id = editor->itemId();
    QVERIFY(editor->autosave()->saveNow());
    QVERIFY(session->store().item(id));
    QVERIFY(runSync(*session));
    // Not sent: no refusal, nothing on the server, the create still unsent (updated in place).
    QVERIFY(!h.store().item(id));
    QVERIFY(session->sync().refusals().isEmpty());
    QCOMPARE(session->store().outboxOf(id).size(), 1);
    QCOMPARE(session->store().outboxOf(id).constFirst().attempts, 0);

    auto *title = child<QLineEdit>(editor, "titleEdit");
    title->setFocus();
    typeText(title, u"关于耕地保护的通知"_s);
    fillRequired(editor);
    // The server refuses the submit, in its own (English) words.
    const QString serverWords = u"The content checks stop this step (server text)."_s;
    faults.last->setRule(
        [&](const QByteArray &method, const QUrl &url, const QByteArray &request) -> std::optional<Fault> {
            if (method == "POST" && url.path().endsWith(u"/actions"_s) &&
                QJsonDocument::fromJson(request).object().value("action"_L1).toString() == "submit"_L1)
                return Fault::canned(422, {{"title"_L1, u"Action refused"_s},
                                           {"detail"_L1, serverWords},
                                           {"refusal"_L1, u"checks_failed"_s}});
            return std::nullopt;
        });
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(child<QPushButton>(editor, "submitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(MessageBox::lastMessage().contains(Problem::refusalText(u"checks_failed"_s)),
                             20000);
    QVERIFY(!MessageBox::lastMessage().contains(serverWords));
    QVERIFY2(!MessageBox::lastMessage().contains(u"is submitted for review"_s),
             qPrintable(MessageBox::lastMessage()));
    QCOMPARE(window.editor(), editor); // still open, the text kept
    QVERIFY(child<QLabel>(editor, "refusalBanner")->isVisible());
    QVERIFY(editor->editor()->isEnabled());
    QCOMPARE(h.store().item(id)->state, WorkflowState::Draft);

    // Corrected (here: the server is content now) and submitted again: it does not wait behind the
    // refused submit, and "submitted" comes with the server's answer.
    faults.last->clearRule();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(child<QPushButton>(editor, "submitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.editor(), 20000);
    QVERIFY2(MessageBox::lastMessage().contains(u"is submitted for review"_s),
             qPrintable(MessageBox::lastMessage()));
    QCOMPARE(h.store().item(id)->state, WorkflowState::InReview);
    QVERIFY(session->store().outboxOf(id).isEmpty());
}

// Issue #15: what waits to be sent shows where the item is listed (an icon and words) and in its
// header; a failed send shows as failed; quitting with unsent actions says so, and they are kept.
void TestGuiClient::unsentActionsShownAndKeptAtQuit()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    ClientSession *session = desk.session.get();
    MainWindow &window = *desk.window;
    Item draft = EditorWindow::newDraft(desk.org, session->personId());
    Revision r;
    r.content = test::submittableContent(ItemKind::News, draft.unitId, u"待发送的稿件"_s);
    draft.revisions = {r};
    QString error;
    QVERIFY2(session->sync().saveDraft(draft, &error), qPrintable(error));
    // Offline: the create waits.
    desk.faults.last->setRule(
        [](const QByteArray &, const QUrl &, const QByteArray &) { return Fault::networkError(); });
    QVERIFY(runSync(*session));
    window.showView(ItemView::MyDrafts);
    auto rowOf = [&]() -> QModelIndex {
        ItemListModel *model = window.itemModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->itemId(model->index(row, 0)) == draft.id)
                return model->index(row, ItemListModel::TitleColumn);
        }
        return {};
    };
    QTRY_VERIFY(rowOf().isValid());
    QCOMPARE(rowOf().data(ItemListModel::SendStateRole).toInt(), int(SendState::Waiting));
    QVERIFY(!rowOf().data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(rowOf().data(Qt::ToolTipRole).toString(), SyncEngine::sendStateName(SendState::Waiting));
    QVERIFY(rowOf()
                .siblingAtColumn(ItemListModel::StateColumn)
                .data()
                .toString()
                .contains(SyncEngine::sendStateName(SendState::Waiting)));
    // The server fails (503): the row says the send failed.
    desk.faults.last->setRule(
        [](const QByteArray &method, const QUrl &url, const QByteArray &) -> std::optional<Fault> {
            if (method == "POST" && url.path().endsWith(u"/actions"_s))
                return Fault::canned(503, {{"title"_L1, u"Unavailable"_s}});
            return std::nullopt;
        });
    QVERIFY(runSync(*session));
    window.itemModel()->reload();
    QTRY_COMPARE(rowOf().data(ItemListModel::SendStateRole).toInt(), int(SendState::Failed));
    // Quitting says so; the action is kept.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window.close();
    QVERIFY2(MessageBox::lastMessage().contains(u"not sent to the server yet"_s),
             qPrintable(MessageBox::lastMessage()));
    QCOMPARE(session->store().outboxOf(draft.id).size(), 1);
}

// Issue #15 point 7: Ctrl+S saves now and the window says when it was saved; an unset date's calendar
// opens at today's month; Esc closes the editor (its text saved).
void TestGuiClient::editorKeysSavedTimeAndCalendar()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    MainWindow &window = *desk.window;
    EditorWindow *editor = window.newDraft();
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(editor));
    editor->autosave()->setDelay(60000); // only Ctrl+S saves here
    auto *title = child<QLineEdit>(editor, "titleEdit");
    title->setFocus();
    typeText(title, u"按键测试"_s);
    const QString id = editor->itemId();
    QVERIFY(!desk.session->store().item(id));
    QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(desk.session->store().item(id));
    QCOMPARE(desk.session->store().item(id)->latest()->content.title, u"按键测试"_s);
    QVERIFY2(child<QLabel>(editor, "savedLabel")->text().contains(QTime::currentTime().toString(u"HH:"_s)),
             qPrintable(child<QLabel>(editor, "savedLabel")->text()));

    auto *date = child<QDateEdit>(editor, "infoDateEdit");
    date->setDate(date->minimumDate()); // not set
    QCalendarWidget *calendar = date->calendarWidget();
    QVERIFY(calendar);
    calendar->window()->show(); // the popup, as clicking its arrow does
    QCOMPARE(calendar->yearShown(), chinaToday().year());
    QCOMPARE(calendar->monthShown(), chinaToday().month());
    calendar->window()->hide();

    title->setFocus();
    typeText(title, u"（改）"_s);
    QTest::keyClick(title, Qt::Key_Escape);
    QTRY_VERIFY(!window.editor());
    QCOMPARE(desk.session->store().item(id)->latest()->content.title, u"按键测试（改）"_s);
}

// Issue #15 point 8: a correspondent sees no approve or return actions, a reviewer who drafts nothing
// no new-draft action; the menus show the list's keys; "Retry now" shows only when something failed;
// the review pane lets go of an item that left the list.
void TestGuiClient::roleAwareWindow()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    MainWindow &window = *desk.window;
    auto action = [](MainWindow &w, const char *name) {
        return w.findChild<QAction *>(QLatin1StringView(name));
    };
    QVERIFY(action(window, "actionNewDraft")->isVisible());
    QVERIFY(!action(window, "actionApprove")->isVisible());
    QVERIFY(!action(window, "actionReturn")->isVisible());
    QVERIFY(action(window, "actionApprove")->text().endsWith(u"\tA"_s));
    QVERIFY(!action(window, "actionApprove")->iconText().contains(u'\t')); // the toolbar: no key
    QVERIFY(action(window, "actionNextItem")->text().endsWith(u"\tJ"_s));
    QVERIFY(action(window, "actionPreviousItem")->text().endsWith(u"\tK"_s));
    QVERIFY(action(window, "actionGuide"));

    auto *retry = window.findChild<QToolButton *>(u"retryButton"_s);
    QVERIFY(runSync(*desk.session));
    QVERIFY(retry->isHidden()); // nothing failed
    desk.faults.last->setRule(
        [](const QByteArray &, const QUrl &, const QByteArray &) { return Fault::networkError(); });
    QVERIFY(runSync(*desk.session));
    QVERIFY(!retry->isHidden());
    desk.faults.last->clearRule();

    // A draft shown in the review pane, then submitted: it leaves "My drafts", and the pane lets go.
    Item draft = EditorWindow::newDraft(desk.org, desk.session->personId());
    Revision r;
    r.content = test::submittableContent(ItemKind::News, draft.unitId, u"将离开列表的稿件"_s);
    draft.revisions = {r};
    QString error;
    QVERIFY(desk.session->sync().saveDraft(draft, &error));
    QVERIFY(runSync(*desk.session));
    window.showView(ItemView::MyDrafts);
    auto *table = child<QTableView>(&window, "itemTable");
    QTRY_VERIFY(window.itemModel()->rowCount() > 0);
    table->selectRow(0);
    auto *review = window.findChild<ReviewPane *>(u"reviewPane"_s);
    QTRY_COMPARE(review->itemId(), draft.id);
    // Nor does the review pane show a correspondent the decisions, greyed or not.
    for (const char *name : {"approveButton", "approveEditsButton", "returnButton"})
        QVERIFY2(child<QPushButton>(review, name)->isHidden(), name);
    QVERIFY(!child<QPushButton>(review, "commentButton")->isHidden());
    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(desk.session->sync().queueAction(draft.id, submit, &error));
    QVERIFY(runSync(*desk.session));
    QTRY_VERIFY(review->itemId().isEmpty());

    // A reviewer who is no correspondent (周敏: the office's head and a director).
    QTemporaryDir headProfile;
    auto head = signedInSession(desk.h, headProfile.path(), u"zhou.min"_s);
    QVERIFY(head);
    Settings headSettings(headProfile.path());
    const Organization headOrg = *head->store().organization();
    MainWindow headWindow(&head->store(), &headOrg, &headSettings);
    headWindow.attachSession(head.get());
    QVERIFY(!action(headWindow, "actionNewDraft")->isVisible());
    QVERIFY(action(headWindow, "actionApprove")->isVisible());
    QVERIFY(action(headWindow, "actionReturn")->isVisible());
}

// A unit head returns the item with a reason; the author sees the reason, revises and resubmits.
void TestGuiClient::returnedItemRevisedAndResubmitted()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    ServerHarness &h = desk.h;
    ClientSession *session = desk.session.get();
    MainWindow &window = *desk.window;

    EditorWindow *editor = window.newDraft();
    auto *firstTitle = child<QLineEdit>(editor, "titleEdit");
    firstTitle->setFocus();
    typeText(firstTitle, u"关于耕地保护的通知"_s);
    BodyEdit *body = editor->editor()->bodyEdit();
    body->setFocus();
    typeText(body, u"各乡镇、街道：请做好耕地保护工作。"_s);
    fillRequired(editor);
    const QString id = editor->itemId();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(child<QPushButton>(editor, "submitButton"), Qt::LeftButton);
    QTRY_VERIFY2(!window.editor(), qPrintable(MessageBox::lastMessage()));
    QVERIFY(runSync(*session));
    QCOMPARE(h.store().item(id)->state, WorkflowState::InReview);

    // The unit head returns it (on the server, as another client would).
    const HttpResult returned = h.post(u"/api/v1/actions"_s, h.login(u"zhou.min"_s),
                                       {{"action_id"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                        {"action"_L1, u"return"_s},
                                        {"item_id"_L1, id},
                                        {"base_revision"_L1, 1},
                                        {"stage_id"_L1, u"unit_review"_s},
                                        {"reason"_L1, u"请补充地块位置图"_s}});
    QCOMPARE(returned.status, 200);
    QVERIFY(runSync(*session));
    QCOMPARE(session->store().item(id)->state, WorkflowState::Returned);
    window.showView(ItemView::MyDrafts);
    QTRY_COMPARE(window.itemModel()->rowCount(), 1);

    // Opened: the reason is shown; revised and submitted again.
    auto *table = child<QTableView>(&window, "itemTable");
    table->selectRow(0);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(window.editor());
    editor = window.editor();
    QVERIFY(editor->returnReason().contains(u"请补充地块位置图"_s));
    auto *title = child<QLineEdit>(editor, "titleEdit");
    title->setFocus();
    title->selectAll();
    typeText(title, u"关于耕地保护的通知（补充位置图）"_s);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(child<QPushButton>(editor, "submitButton"), Qt::LeftButton);
    QTRY_VERIFY2(!window.editor(), qPrintable(MessageBox::lastMessage()));
    QVERIFY(runSync(*session));
    const std::optional<Item> item = h.store().item(id);
    QCOMPARE(item->state, WorkflowState::InReview);
    QCOMPARE(item->cycle, 2);
    QCOMPARE(item->latestNumber(), 2);
    QCOMPARE(item->latest()->content.title, u"关于耕地保护的通知（补充位置图）"_s);
    QCOMPARE(session->store().outboxCount(), 0);
}

// The unit head is told when an item reaches the queue (and sees the count); the author when it is
// returned. Turned off, nothing is shown but the count stays.
void TestGuiClient::notificationsOfQueueAndReturn()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY(h.ok());
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir authorProfile, headProfile;
    auto author = signedIn(h, authorProfile.path(), u"he.xiaoyu"_s);
    auto head = signedIn(h, headProfile.path(), u"zhou.min"_s);
    QVERIFY(author && head);
    Settings authorSettings(authorProfile.path()), headSettings(headProfile.path());
    const Organization org = *head->store().organization();
    MainWindow authorWindow(&author->store(), &org, &authorSettings);
    authorWindow.attachSession(author.get());
    MainWindow headWindow(&head->store(), &org, &headSettings);
    headWindow.attachSession(head.get());
    QCOMPARE(headWindow.notifier()->waitingCount(), 0);

    Item draft;
    draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    draft.kind = ItemKind::News;
    draft.unitId = u"office"_s;
    Revision r;
    r.content = test::submittableContent(ItemKind::News, u"office"_s, u"紧急：关于防汛的通知"_s);
    r.content.urgent = true;
    draft.revisions = {r};
    QVERIFY(author->sync().saveDraft(draft, &error));
    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(author->sync().queueAction(draft.id, submit, &error));
    QVERIFY(runSync(*author));

    QSignalSpy told(headWindow.notifier(), &Notifier::notified);
    QVERIFY(runSync(*head));
    QTRY_COMPARE(told.count(), 1);
    const Notification queued = headWindow.notifier()->history().last();
    QCOMPARE(queued.kind, Notification::Kind::Queue);
    QVERIFY(queued.urgent);
    QCOMPARE(queued.itemIds, QStringList{draft.id});
    QCOMPARE(headWindow.notifier()->waitingCount(), 1);
    QVERIFY(headWindow.windowTitle().startsWith(u"(1)"_s));

    ActionRequest giveBack;
    giveBack.action = Action::Return;
    giveBack.stageId = u"unit_review"_s;
    giveBack.reason = u"请写明防汛责任人"_s;
    QVERIFY(head->sync().queueAction(draft.id, giveBack, &error));
    QVERIFY(runSync(*head));
    QTRY_COMPARE(headWindow.notifier()->waitingCount(), 0);

    authorWindow.notifier()->setEnabled(false);
    QVERIFY(!authorSettings.notificationsEnabled());
    QSignalSpy authorTold(authorWindow.notifier(), &Notifier::notified);
    QVERIFY(runSync(*author));
    QTRY_COMPARE(authorTold.count(), 1);
    QCOMPARE(authorWindow.notifier()->history().last().kind, Notification::Kind::Returned);
    QCOMPARE(authorWindow.notifier()->history().last().itemIds, QStringList{draft.id});
}

// Issue #15 point 5: two clients and one server, neither polling (interval 0): the server's notice
// channel alone brings the news. The submitted item reaches the head's window, and the return the
// author's, within 2 s, each with the notice in the window (there is no tray here); "Show" goes to the
// item; a reviewer's window opened while something waits starts on 待我处理.
void TestGuiClient::newsArrivesWithinSeconds()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    QTemporaryDir headProfile;
    auto head = signedIn(desk.h, headProfile.path(), u"zhou.min"_s);
    QVERIFY(head);
    Settings headSettings(headProfile.path());
    MainWindow headWindow(&head->store(), &desk.org, &headSettings);
    headWindow.attachSession(head.get());
    headWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&headWindow));
    QCOMPARE(headWindow.currentViewKey(), ItemViews::key(ItemView::MyDrafts)); // nothing waits yet
    desk.session->setPushEnabled(true);
    head->setPushEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(desk.session->push().isConnected() && head->push().isConnected(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(desk.session->sync().state(), SyncEngine::State::Idle, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(head->sync().state(), SyncEngine::State::Idle, 10000);
    NoticeBanner *headBanner = headWindow.noticeBanner();
    NoticeBanner *authorBanner = desk.window->noticeBanner();
    QVERIFY(!headBanner->isVisible() && !authorBanner->isVisible());

    QString error;
    Item draft;
    draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    draft.kind = ItemKind::News;
    draft.unitId = u"office"_s;
    Revision r;
    r.content = test::submittableContent(ItemKind::News, u"office"_s, u"防汛值班安排"_s);
    draft.revisions = {r};
    QVERIFY(desk.session->sync().saveDraft(draft, &error));
    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(desk.session->sync().queueAction(draft.id, submit, &error));
    QVERIFY(runSync(*desk.session));
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(headBanner->isVisible(), 2000);
    qInfo("the queue item reached the head's window in %lld ms", qint64(clock.elapsed()));
    QCOMPARE(headBanner->notice().kind, Notification::Kind::Queue);
    QCOMPARE(headBanner->notice().itemIds, QStringList{draft.id}); // this item, nothing else
    QVERIFY2(headBanner->text().contains(u"防汛值班安排"_s), qPrintable(headBanner->text()));
    {
        // Opened now, a reviewer's window starts where the work is.
        MainWindow another(&head->store(), &desk.org, &headSettings);
        another.attachSession(head.get());
        QCOMPARE(another.currentViewKey(), ItemViews::key(ItemView::WaitingForMe));
    }
    QTest::mouseClick(child<QPushButton>(headBanner, "noticeOpen"), Qt::LeftButton);
    QVERIFY(!headBanner->isVisible());
    QCOMPARE(headWindow.currentViewKey(), ItemViews::key(ItemView::WaitingForMe));
    QCOMPARE(headWindow.selectedItemIds(), QStringList{draft.id});
    QTRY_COMPARE(headWindow.reviewPane()->itemId(), draft.id);

    ActionRequest giveBack;
    giveBack.action = Action::Return;
    giveBack.stageId = u"unit_review"_s;
    giveBack.reason = u"请补充值班电话"_s;
    QVERIFY(head->sync().queueAction(draft.id, giveBack, &error));
    QVERIFY(runSync(*head));
    clock.restart();
    QTRY_VERIFY_WITH_TIMEOUT(authorBanner->isVisible(), 2000);
    qInfo("the return reached the author's window in %lld ms", qint64(clock.elapsed()));
    QCOMPARE(authorBanner->notice().kind, Notification::Kind::Returned);
    QCOMPARE(desk.session->store().item(draft.id)->state, WorkflowState::Returned);
    QTest::mouseClick(child<QPushButton>(authorBanner, "noticeOpen"), Qt::LeftButton);
    QCOMPARE(desk.window->currentViewKey(), ItemViews::key(ItemView::MyDrafts));
    QCOMPARE(desk.window->selectedItemIds(), QStringList{draft.id});
}

// Issue #15 point 9: File → New from Word document: the title from its first heading, the body with
// headings, emphasis, lists, the table and the picture (now an attachment), the document itself kept as
// an attachment when the user says so; a file that is not a document is refused in words, and no
// empty draft is left behind.
void TestGuiClient::wordDocumentOpensAsDraft()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    const QString report = QStringLiteral(BAOSONG_TEST_DATA_DIR "/docx/report.docx");
    MessageBox::setNextAnswer(QMessageBox::Yes); // keep the document as an attachment
    EditorWindow *editor = desk.window->newDraftFromDocument(report);
    QVERIFY(editor);
    QCOMPARE(child<QLineEdit>(editor, "titleEdit")->text(), u"关于做好2026年防汛工作的通知"_s);
    QTRY_VERIFY(!editor->editor()->isImporting());
    QTRY_COMPARE(editor->editor()->attachmentModel()->rowCount(), 2); // the picture and the document
    const Item item = editor->editor()->item();
    const QString html = item.latest()->content.bodyHtml;
    for (const QString &kept :
         {u"<strong>汛期地质灾害防治</strong>"_s, u"<em>现将有关事项</em>"_s, u"<u>通知如下</u>"_s,
          u"<h3>工作要求</h3>"_s, u"一、加强值班值守"_s, u"<li>在建工地</li>"_s, u"巴州区</p></td>"_s,
          u"<a href=\"https://www.gov.cn/\""_s})
        QVERIFY2(html.contains(kept), qPrintable(html));
    QVERIFY(!html.contains(u"SimSun"_s) && !html.contains(u"color"_s));
    QStringList names;
    for (const Attachment &a : item.latest()->content.attachments)
        names << a.fileName;
    QVERIFY2(names.contains(u"report.docx"_s), qPrintable(names.join(u", "_s)));
    const Attachment *picture = nullptr;
    for (const Attachment &a : item.latest()->content.attachments)
        if (a.mimeType.startsWith(u"image/"_s))
            picture = &a;
    QVERIFY(picture);
    QVERIFY(html.contains(HtmlSanitizer::attachmentImageSource(picture->id)));
    editor->close();

    // Not a Word document: said so; no editor, no new draft.
    const int before = desk.session->store().count(ItemFilter());
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!desk.window->newDraftFromDocument(QStringLiteral(BAOSONG_TEST_DATA_DIR "/docx/not-a-zip.docx")));
    QVERIFY(MessageBox::lastMessage().contains(u"zip"_s));
    QTRY_VERIFY(!desk.window->editor());
    QCOMPARE(desk.session->store().count(ItemFilter()), before);
}

// Issue #15 point 6: saving a draft again and again, with the server answering each time, keeps one
// version (第1稿) on the server and here; the history shows the saves as one line.
void TestGuiClient::savesDoNotAddVersions()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    EditorWindow *editor = desk.window->newDraft();
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    editor->activateWindow();
    editor->autosave()->setDelay(60000); // only Ctrl+S saves here
    auto *title = child<QLineEdit>(editor, "titleEdit");
    title->setFocus();
    const QString id = editor->itemId();
    for (int i = 1; i <= 5; ++i) {
        typeText(title, u"第%1次"_s.arg(i));
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(desk.session->store().item(id));
        QVERIFY(runSync(*desk.session));
        QTRY_COMPARE(desk.session->store().outboxCount(), 0);
    }
    QTest::keyClick(title, Qt::Key_Escape);
    QTRY_VERIFY(!desk.window->editor());
    QVERIFY(runSync(*desk.session));
    const std::optional<Item> onServer = desk.h.store().item(id);
    QVERIFY(onServer);
    QCOMPARE(onServer->revisions.size(), 1);
    QVERIFY(onServer->latest()->content.title.endsWith(u"第5次"_s));
    QCOMPARE(onServer->versionOrdinal(onServer->latestNumber()), 1);
    QCOMPARE(desk.session->store().item(id)->revisions.size(), 1);

    // The history: one line for the create and its saves.
    desk.window->showView(ItemView::MyDrafts);
    QTRY_VERIFY(desk.window->itemModel()->rowCount() > 0);
    auto *table = child<QTableView>(desk.window.get(), "itemTable");
    for (int row = 0; row < desk.window->itemModel()->rowCount(); ++row) {
        if (desk.window->itemModel()->itemId(desk.window->itemModel()->index(row, 0)) == id)
            table->setCurrentIndex(desk.window->itemModel()->index(row, 0));
    }
    ReviewPane *pane = desk.window->reviewPane();
    QTRY_COMPARE(pane->itemId(), id);
    QTRY_VERIFY(pane->historyFromServer());
    const HistoryModel *history = pane->historyModel();
    int saves = 0;
    QString line;
    for (int r = 0; r < history->rowCount(); ++r) {
        if (history->index(r).data(HistoryModel::KindRole).toInt() == int(HistoryEntry::Kind::Revision)) {
            ++saves;
            line = history->index(r).data().toString();
        }
    }
    QCOMPARE(saves, 1);
    QVERIFY2(line.contains(u"5"_s), qPrintable(line)); // "… created the draft (saved 5 times)"
}

// Issue #15 point 3: each view has its own columns (the title always, widest); what the user changes
// in one view stays with that view, also in the next session.
void TestGuiClient::listColumnsPerView()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    auto *table = child<QTableView>(desk.window.get(), "itemTable");
    QHeaderView *header = table->horizontalHeader();
    desk.window->resize(1440, 900);
    QTest::qWait(50);
    desk.window->showView(ItemView::MyDrafts);
    QVERIFY(!header->isSectionHidden(ItemListModel::KindColumn));
    QVERIFY(header->isSectionHidden(ItemListModel::AgeColumn));
    QCOMPARE(header->sectionResizeMode(ItemListModel::TitleColumn), QHeaderView::Stretch);
    for (int c = 1; c < ItemListModel::ColumnCount; ++c) {
        if (!header->isSectionHidden(c))
            QVERIFY(header->sectionSize(c) < header->sectionSize(ItemListModel::TitleColumn));
    }
    desk.window->showView(ItemView::Published);
    QVERIFY(header->isSectionHidden(ItemListModel::KindColumn));
    QVERIFY(!header->isSectionHidden(ItemListModel::UnitColumn));

    // Hide the kind in 我的草稿 and widen its column column: kept there, not elsewhere.
    desk.window->showView(ItemView::MyDrafts);
    header->setSectionHidden(ItemListModel::KindColumn, true);
    header->resizeSection(ItemListModel::ColumnColumn, 222);
    desk.window->showView(ItemView::Sent);
    QVERIFY(header->sectionSize(ItemListModel::ColumnColumn) != 222);
    desk.window->showView(ItemView::MyDrafts);
    QVERIFY(header->isSectionHidden(ItemListModel::KindColumn));
    QCOMPARE(header->sectionSize(ItemListModel::ColumnColumn), 222);
    desk.window->close(); // kept in the settings

    MainWindow again(&desk.session->store(), &desk.org, desk.settings.get());
    again.attachSession(desk.session.get());
    again.showView(ItemView::MyDrafts);
    QHeaderView *againHeader = child<QTableView>(&again, "itemTable")->horizontalHeader();
    QVERIFY(againHeader->isSectionHidden(ItemListModel::KindColumn));
    QCOMPARE(againHeader->sectionSize(ItemListModel::ColumnColumn), 222);
}

// The unit head's queue: J/K move through it, the review pane follows, A opens the approval; several
// selected items are approved together from the main window.
void TestGuiClient::queueKeyboardReviewAndBatch()
{
    ServerHarness h(u"sqlite"_s);
    QVERIFY(h.ok());
    QString error;
    QVERIFY(h.importOrganization(m_org, &error));
    QTemporaryDir authorProfile, headProfile;
    auto author = signedIn(h, authorProfile.path(), u"he.xiaoyu"_s);
    auto head = signedIn(h, headProfile.path(), u"zhou.min"_s);
    QVERIFY(author && head);
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        Item draft;
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        draft.kind = ItemKind::News;
        draft.unitId = u"office"_s;
        Revision r;
        r.content = test::submittableContent(ItemKind::News, u"office"_s, u"待审信息%1"_s.arg(i + 1));
        r.content.infoDate = chinaToday();
        draft.revisions = {r};
        QVERIFY(author->sync().saveDraft(draft, &error));
        ActionRequest submit;
        submit.action = Action::Submit;
        QVERIFY(author->sync().queueAction(draft.id, submit, &error));
        ids.append(draft.id);
    }
    QVERIFY(runSync(*author));
    QVERIFY(runSync(*head));

    Settings settings(headProfile.path());
    const Organization org = *head->store().organization();
    MainWindow window(&head->store(), &org, &settings);
    window.attachSession(head.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showView(ItemView::WaitingForMe);
    QTRY_COMPARE(window.itemModel()->rowCount(), 2);
    auto *table = child<QTableView>(&window, "itemTable");
    table->setFocus();
    table->selectRow(0);
    QTRY_COMPARE(window.reviewPane()->itemId(), window.itemModel()->itemId(window.itemModel()->index(0, 0)));
    QTest::keyClick(table, Qt::Key_J);
    QTRY_COMPARE(window.reviewPane()->itemId(), window.itemModel()->itemId(window.itemModel()->index(1, 0)));
    QTest::keyClick(table, Qt::Key_K);
    QTRY_COMPARE(window.reviewPane()->itemId(), window.itemModel()->itemId(window.itemModel()->index(0, 0)));
    // Enter on an item of the queue takes the review pane (the editor is for one's own drafts).
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(window.reviewPane()->hasFocus() ||
                window.reviewPane()->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(!window.editor());
    QCOMPARE(window.itemModel()->headerData(ItemListModel::AgeColumn, Qt::Horizontal).toString(), u"Age"_s);
    QCOMPARE(window.itemModel()->index(0, ItemListModel::AgeColumn).data().toString(), u"today"_s);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A);
    QTRY_VERIFY(window.reviewPane()->decisionDialog());
    window.reviewPane()->decisionDialog()->close();

    table->selectAll();
    QCOMPARE(window.selectedItemIds().size(), 2);
    window.approveSelected();
    auto *batch = window.findChild<BatchApproveDialog *>();
    QVERIFY(batch);
    QCOMPARE(batch->entries().size(), 2);
    const BatchApproveDialog::Report report = batch->queueAll();
    QCOMPARE(report.queued.size(), 2);
    QVERIFY(report.refused.isEmpty());
    batch->close();
    QVERIFY(runSync(*head));
    for (const QString &id : std::as_const(ids)) {
        const std::optional<Item> item = h.store().item(id);
        QCOMPARE(item->decisions.size(), 1);
        QCOMPARE(item->decisions.first().personId, u"zhou.min"_s);
    }
}

// Issue #20 item 10: damage found in the background is said in a box that offers the rebuild; the
// status area says sync stopped because the local store is damaged and offers "Rebuild from server…"
// instead of "Retry now". Rebuilding keeps the draft not yet sent, which then reaches the server.
void TestGuiClient::damagedStoreOffersRebuild()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    ClientSession *session = desk.session.get();
    MainWindow &window = *desk.window;
    QString error;
    for (int n = 0; n < 30; ++n) {
        Item d = EditorWindow::newDraft(desk.org, session->personId());
        Revision r;
        r.content = test::submittableContent(ItemKind::News, d.unitId, u"第%1号稿件"_s.arg(n));
        r.content.bodyHtml = u"<p>"_s + QString(400, QChar(u'规' + n % 5)) + u"</p>"_s;
        d.revisions = {r};
        QVERIFY2(session->sync().saveDraft(d, &error), qPrintable(error));
    }
    QVERIFY(runSync(*session));
    QCOMPARE(session->store().outboxCount(), 0);
    desk.faults.last->setRule(
        [](const QByteArray &, const QUrl &, const QByteArray &) { return Fault::networkError(); });
    Item draft = EditorWindow::newDraft(desk.org, session->personId());
    Revision r;
    r.content = test::submittableContent(ItemKind::News, draft.unitId, u"损坏前未发送的稿件"_s);
    draft.revisions = {r};
    QVERIFY2(session->sync().saveDraft(draft, &error), qPrintable(error));
    QVERIFY(runSync(*session));

    int pages = 0;
    QVERIFY2(damageSearchIndexPages(session->store().path(), &error, &pages), qPrintable(error));
    desk.faults.last->setRule(
        [](const QByteArray &, const QUrl &, const QByteArray &) { return std::nullopt; });
    // The box asks whether to rebuild now: not now.
    MessageBox::setNextAnswer(QMessageBox::No);
    QSignalSpy damaged(session, &ClientSession::storeDamaged);
    session->checkStoreInBackground();
    QVERIFY(damaged.wait(30000));
    QTRY_VERIFY(MessageBox::lastMessage().contains(u"Rebuild the local store from the server now?"_s));
    auto *status = window.findChild<SyncStatusWidget *>();
    QVERIFY(status);
    auto *rebuild = window.findChild<QToolButton *>(u"rebuildStoreButton"_s);
    auto *retry = window.findChild<QToolButton *>(u"retryButton"_s);
    QVERIFY(rebuild && retry);
    QTRY_VERIFY(rebuild->isVisible());
    QVERIFY(!retry->isVisible());
    QVERIFY2(status->stateText().contains(u"the local store is damaged"_s), qPrintable(status->stateText()));
    QCOMPARE(session->store().outboxCount(), 1);

    // Later, from the status area.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(rebuild, Qt::LeftButton);
    QVERIFY2(MessageBox::lastMessage().contains(u"A new local store was made"_s),
             qPrintable(MessageBox::lastMessage()));
    QTRY_VERIFY(!rebuild->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(session->store().outboxCount() == 0 && desk.h.store().item(draft.id), 30000);
    QCOMPARE(desk.h.store().item(draft.id)->latest()->content.title, u"损坏前未发送的稿件"_s);
    window.showView(ItemView::MyDrafts);
    QTRY_VERIFY_WITH_TIMEOUT(window.itemModel()->rowCount() == 31, 10000);
}

// Art. 10: the interpretation is drafted from the policy's editor — a draft in an interpretation
// column, titled after the document, linked from it, and opened for writing.
void TestGuiClient::draftInterpretationFromThePolicy()
{
    AuthorDesk desk(m_org);
    QVERIFY(desk.ok());
    ClientSession *session = desk.session.get();
    MainWindow &window = *desk.window;
    EditorWindow *editor = window.newDraft();
    auto *title = child<QLineEdit>(editor, "titleEdit");
    title->setFocus();
    typeText(title, u"关于印发《巴中市耕地保护办法》的通知"_s);
    const QString policyId = editor->itemId();
    QTest::mouseClick(child<QCheckBox>(editor, "majorPolicyCheck"), Qt::LeftButton, {},
                      QPoint(8, child<QCheckBox>(editor, "majorPolicyCheck")->height() / 2));
    auto *button = child<QPushButton>(editor, "draftInterpretationButton");
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(window.editor() && window.editor()->itemId() != policyId);
    const QString interpretationId = window.editor()->itemId();
    QCOMPARE(child<QLineEdit>(window.editor(), "titleEdit")->text(),
             EditorWindow::tr("Interpretation of “%1”").arg(u"关于印发《巴中市耕地保护办法》的通知"_s));
    const std::optional<Item> policy = session->store().item(policyId);
    QVERIFY(policy && policy->latest());
    QVERIFY(policy->latest()->content.majorPolicy);
    QCOMPARE(policy->latest()->content.interpretationItemId, interpretationId);
    const std::optional<Item> interpretation = session->store().item(interpretationId);
    QVERIFY(interpretation && interpretation->latest());
    const Column *column = m_org.column(interpretation->latest()->content.columnId);
    QVERIFY(column);
    QCOMPARE(column->type, ColumnType::Interpretation);
}

QTEST_MAIN(TestGuiClient)
#include "tst_gui_client.moc"
