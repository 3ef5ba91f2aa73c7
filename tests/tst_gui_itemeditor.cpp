// The item editor with real widgets (offscreen): kind-dependent fields and the route in words, the live
// deadline, attachments dropped several at once, refused when too large, opened through a safe copy;
// autosave into a real LocalStore and the crash-recovery mark; Word paste cleaned; the preview is the
// sanitizer's output; the checks panel blocks a major policy document without its interpretation until
// an override reason is given. AttachmentListModel under QAbstractItemModelTester.

#include "AttachmentListModel.h"
#include "BlobStore.h"
#include "Checks.h"
#include "ChecksPanel.h"
#include "ClientTestSupport.h"
#include "DisplayText.h"
#include "DraftAutosave.h"
#include "FileDialog.h"
#include "HtmlSanitizer.h"
#include "ItemEditor.h"
#include "LocalStore.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "Settings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>
#include <QTreeView>
#include <QTreeWidget>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 11, 26);

Item newDraft(ItemKind kind, const QString &id)
{
    Item item;
    item.id = id;
    item.kind = kind;
    item.unitId = u"policy_law"_s;
    item.authorId = u"peng.lu"_s;
    return item;
}

// A draft that passes every check (a news item of the policy and law section).
Item completeDraft(const QString &id)
{
    Item item = newDraft(ItemKind::News, id);
    Revision r;
    r.number = 1;
    r.authorId = item.authorId;
    r.content.title = u"我局召开2026年政务公开工作会议"_s;
    r.content.bodyHtml = u"<p>11月25日，我局召开政务公开工作会议。</p>"_s;
    r.content.columnId = u"bureau_news"_s;
    r.content.infoDate = kToday.addDays(-1);
    item.revisions.append(r);
    return item;
}

QString writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QByteArray pngBytes(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

const QStringList kStyleTraces{
    u"mso"_s,  u"style"_s,           u"class"_s,        u"font"_s, u"face="_s, u"color"_s, u"<span"_s,
    u"<div"_s, u"align=\"justify"_s, u"align=\"left"_s, u"<!--"_s, u"qt-"_s,   u"margin"_s};

class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

class TestGuiItemEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void kindSwitchesFieldsAndRoute();
    void columnsOfTheUnit();
    void deadlineLabelIsLive();
    void dropTwoFiles();
    void tooLargeFileRefused();
    void openAttachmentThroughSafeCopy();
    void autosaveWritesToTheStore();
    void recoveryMarkKeptUnlessClosedNormally();
    void pasteFromWordIsClean();
    void underlineAndBorderedTables();
    void previewIsTheSanitizersOutput();
    void majorPolicyNeedsOverrideReason();
    void attachmentListModel();
    void disclosureMetadataFields();
    void otherChannelMovesTheDeadline();

private:
    std::unique_ptr<ItemEditor> makeEditor();

    QTemporaryDir m_dir;
    Organization m_org;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<LocalStore> m_store;
};

void TestGuiItemEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_org = Organization::demo();
    m_blobs = std::make_unique<BlobStore>(m_dir.filePath(u"blobs"_s));
    m_store = std::make_unique<LocalStore>(m_dir.filePath(u"local.sqlite"_s));
    QVERIFY(m_store->open().ok());
    QVERIFY(m_store->saveOrganization(m_org));
}

std::unique_ptr<ItemEditor> TestGuiItemEditor::makeEditor()
{
    auto editor = std::make_unique<ItemEditor>(&m_org, m_blobs.get());
    editor->setLocalStore(m_store.get());
    editor->setToday(kToday);
    editor->resize(1100, 800);
    return editor;
}

void TestGuiItemEditor::kindSwitchesFieldsAndRoute()
{
    auto editor = makeEditor();
    editor->setItem(newDraft(ItemKind::News, u"kind-1"_s));
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
    auto *kind = child<QComboBox>(editor.get(), "kindCombo");
    auto *repost = child<QGroupBox>(editor.get(), "repostGroup");
    auto *meeting = child<QGroupBox>(editor.get(), "meetingGroup");
    auto *disclosure = child<QGroupBox>(editor.get(), "disclosureGroup");
    auto *route = child<QLabel>(editor.get(), "routeLabel");
    auto *municipal = child<QCheckBox>(editor.get(), "municipalCheck");
    QVERIFY(kind && repost && meeting && disclosure && route && municipal);

    auto stageNames = [](ItemKind k, bool portal) {
        QStringList names;
        for (const Stage &s : RouteEngine::builtin().stages(k, portal))
            names << s.displayName();
        return names;
    };
    auto routeShows = [&](ItemKind k, bool portal) {
        for (const QString &name : stageNames(k, portal)) {
            if (!route->text().contains(name))
                return false;
        }
        return route->text() == editor->routeText();
    };

    QCOMPARE(kind->currentText(), displayName(ItemKind::News));
    QVERIFY(!repost->isVisible() && !meeting->isVisible() && !disclosure->isVisible());
    QVERIFY2(routeShows(ItemKind::News, false), qPrintable(route->text()));

    // The keyboard: News → Repost (the next kind in the list).
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(kind->currentText(), displayName(ItemKind::Repost));
    QVERIFY(repost->isVisible() && !meeting->isVisible() && !disclosure->isVisible());
    QVERIFY2(routeShows(ItemKind::Repost, false), qPrintable(route->text()));
    QVERIFY(!route->text().contains(stageNames(ItemKind::News, false).constLast()));
    auto *site = child<QLineEdit>(editor.get(), "sourceSiteEdit");
    typeText(site, u"四川省自然资源厅"_s);
    QCOMPARE(editor->item().kind, ItemKind::Repost);
    QCOMPARE(editor->item().latest()->content.sourceSite, u"四川省自然资源厅"_s);

    // Up twice: collective decision (meeting fields); the repost's source is not kept for it.
    QTest::keyClick(kind, Qt::Key_Up);
    QTest::keyClick(kind, Qt::Key_Up);
    QCOMPARE(kind->currentText(), displayName(ItemKind::CollectiveDecision));
    QVERIFY(!repost->isVisible() && meeting->isVisible() && !disclosure->isVisible());
    QVERIFY(routeShows(ItemKind::CollectiveDecision, false));
    QVERIFY(editor->item().latest()->content.sourceSite.isEmpty());

    QTest::keyClick(kind, Qt::Key_Up);
    QCOMPARE(kind->currentText(), displayName(ItemKind::Disclosure));
    QVERIFY(!repost->isVisible() && !meeting->isVisible() && disclosure->isVisible());
    QVERIFY(routeShows(ItemKind::Disclosure, false));

    // The municipal portal continues the route (Art. 14).
    QTest::mouseClick(municipal, Qt::LeftButton, {}, QPoint(8, municipal->height() / 2));
    QVERIFY(municipal->isChecked());
    QVERIFY2(routeShows(ItemKind::Disclosure, true), qPrintable(route->text()));
    QVERIFY(editor->item().latest()->content.toMunicipalPortal);
}

void TestGuiItemEditor::columnsOfTheUnit()
{
    auto editor = makeEditor();
    editor->setItem(newDraft(ItemKind::News, u"columns-1"_s));
    auto *columns = child<QComboBox>(editor.get(), "columnCombo");
    auto *showAll = child<QCheckBox>(editor.get(), "showAllColumnsCheck");
    QVERIFY(columns && showAll);
    // The unit's own columns that take news (not its policy documents column).
    int own = 0;
    for (const Column *c : m_org.columnsOfUnit(u"policy_law"_s))
        own += Checks::columnSuits(ItemKind::News, c->type) ? 1 : 0;
    QVERIFY(own < int(m_org.columnsOfUnit(u"policy_law"_s).size()));
    QCOMPARE(columns->count(), 1 + own);
    QCOMPARE(columns->findData(u"policy_documents"_s), -1);
    QVERIFY(!showAll->isChecked());
    showAll->click();
    // The unit's own first, then (after a separator) the whole tree, columns not taking news greyed.
    QCOMPARE(columns->count(), 1 + own + 1 + int(m_org.columns.size()));
    QVERIFY(columns->findData(u"policy_documents"_s) > own + 1);
    const auto *model = qobject_cast<const QStandardItemModel *>(columns->model());
    QVERIFY(model && !model->item(columns->findData(u"policy_documents"_s))->isEnabled());
    // Searchable: typing part of a name offers the columns containing it.
    QVERIFY(columns->isEditable());
    columns->completer()->setCompletionPrefix(u"矿业权"_s);
    QVERIFY(columns->completer()->completionCount() >= 1);
    QVERIFY(columns->completer()->currentCompletion().contains(u"矿业权"_s));
    columns->setCurrentIndex(columns->findData(u"mining_rights"_s));
    QCOMPARE(editor->item().latest()->content.columnId, u"mining_rights"_s);

    // An item in another unit's column opens with every column shown.
    Item item = completeDraft(u"columns-2"_s);
    item.revisions[0].content.columnId = u"mining_rights"_s;
    editor->setItem(item);
    QVERIFY(showAll->isChecked());
    QCOMPARE(columns->currentData().toString(), u"mining_rights"_s);
}

void TestGuiItemEditor::deadlineLabelIsLive()
{
    auto editor = makeEditor();
    editor->setItem(newDraft(ItemKind::News, u"deadline-1"_s));
    auto *date = child<QDateEdit>(editor.get(), "infoDateEdit");
    auto *label = child<QLabel>(editor.get(), "deadlineLabel");
    QVERIFY(date && label);
    QCOMPARE(label->property("deadlineState").toString(), QString());

    date->setDate(kToday.addDays(-1));
    QVERIFY2(label->text().contains(u"2026-11-30"_s) && label->text().contains(u"2026-12-10"_s),
             qPrintable(label->text()));
    QCOMPARE(label->property("deadlineState").toString(), u"on_time"_s);
    QVERIFY(label->styleSheet().isEmpty());

    date->setDate(kToday.addDays(-4));
    QCOMPARE(label->property("deadlineState").toString(), u"due_soon"_s);
    QVERIFY(label->text().contains(displayName(DeadlineState::DueSoon)));
    QVERIFY(label->styleSheet().contains(u"color"_s));

    // The keyboard: one day earlier each time (the day section is the last one in yyyy-MM-dd).
    date->setFocus();
    QTest::keyClick(date, Qt::Key_End);
    QTest::keyClick(date, Qt::Key_Down);
    QTest::keyClick(date, Qt::Key_Down);
    QCOMPARE(date->date(), kToday.addDays(-6));
    QCOMPARE(label->property("deadlineState").toString(), u"overdue"_s);

    date->setDate(kToday.addDays(-16));
    QCOMPARE(label->property("deadlineState").toString(), u"breached"_s);
    QVERIFY(label->text().contains(kToday.addDays(-1).toString(Qt::ISODate)));
    QCOMPARE(editor->item().latest()->content.infoDate, kToday.addDays(-16));

    // Working days: the same date is judged by the calendar given.
    DeadlinePolicy policy;
    policy.workingDays = true;
    editor->setDeadline(Deadline(policy));
    date->setDate(QDate(2026, 11, 20));
    QCOMPARE(label->property("deadlineState").toString(), u"due_soon"_s);
}

void TestGuiItemEditor::dropTwoFiles()
{
    auto editor = makeEditor();
    editor->setItem(completeDraft(u"drop-1"_s));
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
    auto *view = child<QTreeView>(editor.get(), "attachmentView");
    QVERIFY(view);
    QTemporaryDir files;
    const QString pdf =
        writeFile(files.filePath(u"会议纪要.pdf"_s), QByteArray("%PDF-1.4\n") + QByteArray(5000, 'x'));
    const QString png = writeFile(files.filePath(u"现场照片.png"_s), pngBytes(40, 30));
    QVERIFY(!pdf.isEmpty() && !png.isEmpty());
    QSignalSpy edited(editor.get(), &ItemEditor::edited);

    dropFiles(view->viewport(), {pdf, png});
    QTRY_COMPARE(editor->attachmentModel()->rowCount(), 2);
    QTRY_VERIFY(!editor->isImporting());
    QVERIFY(edited.count() >= 2);
    const QList<Attachment> attachments = editor->item().latest()->content.attachments;
    QCOMPARE(attachments.size(), 2);
    QCOMPARE(attachments[0].fileName, u"会议纪要.pdf"_s);
    QCOMPARE(attachments[1].fileName, u"现场照片.png"_s);
    QCOMPARE(attachments[1].mimeType, u"image/png"_s);
    for (const Attachment &a : attachments)
        QVERIFY(m_blobs->verify(a.sha256, nullptr));
    QCOMPARE(editor->attachmentModel()->index(0, AttachmentListModel::NameColumn).data().toString(),
             u"会议纪要.pdf"_s);

    // The same files dropped on the body are not attached twice; a third file is.
    const QString doc = writeFile(files.filePath(u"说明.txt"_s), "说明文字");
    dropFiles(editor->bodyEdit()->viewport(), {png, doc});
    QTRY_VERIFY(!editor->isImporting());
    QCOMPARE(editor->attachmentModel()->rowCount(), 3);
    QVERIFY(!editor->item().latest()->content.bodyHtml.contains(u"file:"_s)); // nothing put in the text

    // Dropped anywhere else on the editor (the title field): attached as well.
    const QString more = writeFile(files.filePath(u"附表.xlsx"_s), "PK\x03\x04 not really");
    dropFiles(child<QLineEdit>(editor.get(), "titleEdit"), {more});
    QTRY_COMPARE(editor->attachmentModel()->rowCount(), 4);

    // The picture goes into the body as an attachment image with its caption.
    QVERIFY(editor->insertImageAttachment(attachments[1].id, u"会议现场"_s));
    QVERIFY2(editor->item().latest()->content.bodyHtml.contains(
                 u"<img src=\"baosong-attachment:%1\" alt=\"会议现场\">"_s.arg(attachments[1].id)),
             qPrintable(editor->item().latest()->content.bodyHtml));
    QVERIFY(!editor->insertImageAttachment(attachments[0].id, u"x"_s)); // a PDF is not a picture
}

void TestGuiItemEditor::tooLargeFileRefused()
{
    auto editor = makeEditor();
    editor->setItem(completeDraft(u"large-1"_s));
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
    editor->setMaxUploadBytes(4096);
    QTemporaryDir files;
    const QString big = writeFile(files.filePath(u"卫星影像.tif"_s), QByteArray(10000, 'b'));
    const QString small = writeFile(files.filePath(u"small.txt"_s), "ok");
    FileDialog::setNextOpenFileNames({big, small});
    MessageBox::setNextAnswer(QMessageBox::Ok);
    const int blobsBefore = int(m_blobs->blobs().size());
    QTest::mouseClick(child<QPushButton>(editor.get(), "addAttachmentButton"), Qt::LeftButton);
    const QString message = MessageBox::lastMessage();
    QVERIFY2(message.contains(u"卫星影像.tif"_s) && message.contains(sizeText(4096)) &&
                 message.contains(sizeText(10000)),
             qPrintable(message));
    QTRY_VERIFY(!editor->isImporting());
    QCOMPARE(editor->attachmentModel()->rowCount(), 1); // the small one only
    QCOMPARE(editor->attachmentModel()->attachmentAt(0)->fileName, u"small.txt"_s);
    QCOMPARE(int(m_blobs->blobs().size()), blobsBefore + 1); // the large one was never imported
}

void TestGuiItemEditor::openAttachmentThroughSafeCopy()
{
    auto editor = makeEditor();
    editor->setItem(completeDraft(u"open-1"_s));
    QString error;
    std::optional<Attachment> a = m_blobs->importBytes("机密 no", u"../../CON:报告?.txt"_s, &error);
    QVERIFY2(a, qPrintable(error));
    a->fileName = u"../../etc/报告?.txt"_s; // as a hostile server might name it
    editor->attachmentModel()->append(*a);

    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"file"_s, &catcher, "open");
    const QString path = editor->openAttachment(0);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QVERIFY(!path.isEmpty());
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(path)});
    QCOMPARE(QFileInfo(path).fileName(), BlobStore::safeFileName(a->fileName));
    QCOMPARE(QFileInfo(path).dir().dirName(), QString::fromLatin1(a->sha256.toHex()));
    QVERIFY(QFileInfo(path).absoluteFilePath().startsWith(QDir::tempPath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("机密 no"));
}

void TestGuiItemEditor::autosaveWritesToTheStore()
{
    Settings settings(m_dir.filePath(u"profile-autosave"_s));
    auto editor = makeEditor();
    editor->setItem(completeDraft(u"autosave-1"_s));
    DraftAutosave autosave(editor.get(), &settings,
                           [this](const Item &item) { return m_store->saveItem(item); });
    autosave.setDelay(100);
    editor->show();
    QApplication::setActiveWindow(editor.get());
    QVERIFY(QTest::qWaitForWindowActive(editor.get()));
    QVERIFY(!m_store->item(u"autosave-1"_s));

    // Typing: saved after the pause.
    auto *title = child<QLineEdit>(editor.get(), "titleEdit");
    title->setFocus();
    QTest::keyClick(title, Qt::Key_End);
    typeText(title, u"（续）"_s);
    QVERIFY(autosave.isDirty());
    QTRY_VERIFY(m_store->item(u"autosave-1"_s) && m_store->item(u"autosave-1"_s)->latest()->content.title ==
                                                      u"我局召开2026年政务公开工作会议（续）"_s);
    QVERIFY(!autosave.isDirty());
    QCOMPARE(m_store->item(u"autosave-1"_s)->revisions.size(), 1);

    // A focus change saves at once, without waiting for the pause.
    autosave.setDelay(60 * 60 * 1000);
    QSignalSpy saved(&autosave, &DraftAutosave::saved);
    BodyEdit *body = editor->bodyEdit();
    body->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), body);
    QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
    typeText(body, u"会议强调"_s);
    QVERIFY(autosave.isDirty());
    const int before = int(saved.count());
    title->setFocus();
    QTRY_VERIFY(saved.count() > before);
    QVERIFY2(m_store->item(u"autosave-1"_s)->latest()->content.bodyHtml.contains(u"会议强调"_s),
             qPrintable(m_store->item(u"autosave-1"_s)->latest()->content.bodyHtml));
    QVERIFY(!autosave.isDirty());

    // A failing save keeps the edits unsaved.
    DraftAutosave failing(editor.get(), &settings, [](const Item &) { return false; });
    QTest::keyClicks(title, u"!"_s);
    QVERIFY(!failing.saveNow());
    QVERIFY(failing.isDirty());
}

void TestGuiItemEditor::recoveryMarkKeptUnlessClosedNormally()
{
    const QString profile = m_dir.filePath(u"profile-recovery"_s);
    QDir().mkpath(profile);
    {
        Settings settings(profile);
        auto editor = makeEditor();
        editor->setItem(completeDraft(u"recover-1"_s));
        auto *autosave = new DraftAutosave(editor.get(), &settings,
                                           [this](const Item &item) { return m_store->saveItem(item); });
        Q_UNUSED(autosave);
        typeText(child<QLineEdit>(editor.get(), "titleEdit"), u"草稿"_s);
        // On disk at once: another reader (the next run after a crash) sees it.
        Settings other(profile);
        QCOMPARE(DraftAutosave::draftToRecover(other), u"recover-1"_s);
        // The editor goes away without being closed normally (as in a crash: no finish()).
    }
    {
        Settings settings(profile);
        QCOMPARE(DraftAutosave::draftToRecover(settings), u"recover-1"_s);
        // The owner reopens it and, this time, closes the editor normally.
        auto editor = makeEditor();
        editor->setItem(completeDraft(u"recover-2"_s));
        DraftAutosave autosave(editor.get(), &settings,
                               [this](const Item &item) { return m_store->saveItem(item); });
        QCOMPARE(DraftAutosave::draftToRecover(settings), u"recover-2"_s);
        typeText(child<QLineEdit>(editor.get(), "titleEdit"), u"改"_s);
        QVERIFY(autosave.finish());
        QVERIFY(m_store->item(u"recover-2"_s)->latest()->content.title.endsWith(u"改"_s));
    }
    Settings settings(profile);
    QCOMPARE(DraftAutosave::draftToRecover(settings), QString());
}

// Issue #15 point 7: Ctrl+U underlines (and the body keeps it as <u>); a paragraph is centred or set
// right from the toolbar (kept as align, centre and right only); tables are drawn with their
// cell borders in the editor and the preview, as on the site, whatever HTML they came from.
void TestGuiItemEditor::underlineAndBorderedTables()
{
    auto editor = makeEditor();
    editor->setItem(newDraft(ItemKind::News, u"underline-1"_s));
    editor->show();
    QApplication::setActiveWindow(editor.get());
    QVERIFY(QTest::qWaitForWindowActive(editor.get()));
    BodyEdit *body = editor->bodyEdit();
    body->setFocus();
    QTest::keyClicks(body, u"abc"_s);
    QTest::keyClick(body, Qt::Key_U, Qt::ControlModifier);
    QTest::keyClicks(body, u"def"_s);
    auto *underline = editor->findChild<QAction *>(u"underlineAction"_s);
    QVERIFY(underline && underline->isChecked());
    QVERIFY2(editor->item().latest()->content.bodyHtml.contains(u"<u>def</u>"_s),
             qPrintable(editor->item().latest()->content.bodyHtml));
    // Alignment: centre the paragraph, then set it right; the body keeps it as align (the site too).
    auto *centre = editor->findChild<QAction *>(u"alignCenterAction"_s);
    auto *right = editor->findChild<QAction *>(u"alignRightAction"_s);
    QVERIFY(centre && right);
    centre->trigger();
    QVERIFY2(editor->item().latest()->content.bodyHtml.startsWith(u"<p align=\"center\">"_s),
             qPrintable(editor->item().latest()->content.bodyHtml));
    QVERIFY(centre->isChecked());
    right->trigger();
    QVERIFY(editor->item().latest()->content.bodyHtml.startsWith(u"<p align=\"right\">"_s));
    editor->findChild<QAction *>(u"alignLeftAction"_s)->trigger();
    QVERIFY(editor->item().latest()->content.bodyHtml.startsWith(u"<p>"_s));

    // A table without any border attribute (as a paste or the server gives it) gets the site's lines.
    body->clear();
    body->insertHtml(u"<table><tr><td>巴州区</td><td>0827-1234567</td></tr></table>"_s);
    QTextCursor cursor(body->document());
    cursor.movePosition(QTextCursor::NextBlock);
    QTextTable *table = nullptr;
    for (QTextBlock b = body->document()->begin(); b.isValid() && !table; b = b.next())
        table = QTextCursor(b).currentTable();
    QVERIFY(table);
    const QTextTableCellFormat cell = table->cellAt(0, 0).format().toTableCellFormat();
    QCOMPARE(cell.leftBorder(), 1.0);
    QCOMPARE(cell.leftBorderStyle(), QTextFrameFormat::BorderStyle_Solid);
    QVERIFY(body->document()->defaultStyleSheet().contains(u"border"_s));
    auto *preview = editor->findChild<QTextBrowser *>(u"previewBrowser"_s);
    QVERIFY(preview);
    QCOMPARE(preview->document()->defaultStyleSheet(), body->document()->defaultStyleSheet());
}

void TestGuiItemEditor::pasteFromWordIsClean()
{
    auto editor = makeEditor();
    editor->setItem(newDraft(ItemKind::News, u"paste-1"_s));
    editor->show();
    QApplication::setActiveWindow(editor.get());
    QVERIFY(QTest::qWaitForWindowActive(editor.get()));
    QFile sample(QStringLiteral(BAOSONG_TEST_DATA_DIR "/word-paste.html"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    auto *mime = new QMimeData;
    mime->setHtml(QString::fromUtf8(sample.readAll()));
    mime->setText(u"plain text that must not win"_s);
    QGuiApplication::clipboard()->setMimeData(mime);

    BodyEdit *body = editor->bodyEdit();
    body->setFocus();
    QTest::keyClick(body, Qt::Key_V, Qt::ControlModifier);
    const QString html = editor->item().latest()->content.bodyHtml;
    QVERIFY2(!html.isEmpty(), "nothing pasted");
    for (const QString &trace : kStyleTraces)
        QVERIFY2(!html.contains(trace, Qt::CaseInsensitive), qPrintable(trace + u" in "_s + html));
    QVERIFY(!html.contains(u"plain text that must not win"_s));
    // Structure kept: heading, emphasis, link, Word's bullets as a list, the table with its merged cell.
    QVERIFY2(
        html.startsWith(u"<p align=\"center\"><strong>关于做好2024年政府信息公开工作的通知</strong></p>"_s),
        qPrintable(html));
    QVERIFY(html.contains(u"<h2>一、总体要求</h2>"_s));
    QVERIFY(html.contains(u"<ul><li>主动公开政策文件</li><li>依申请公开按期答复<ul>"_s));
    QVERIFY(html.contains(u"<td colspan=\"2\"><p align=\"center\">合计</p></td>"_s));
    QVERIFY(html.contains(u"<a href=\"http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm\" "
                          "rel=\"noopener noreferrer\">"_s));
    QVERIFY(!html.contains(u"<img"_s)); // Word's temporary picture is not an attachment
    // Pasting is undoable.
    QTest::keyClick(body, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(editor->item().latest()->content.bodyHtml.isEmpty());
}

void TestGuiItemEditor::previewIsTheSanitizersOutput()
{
    auto editor = makeEditor();
    Item item = completeDraft(u"preview-1"_s);
    QString error;
    std::optional<Attachment> picture = m_blobs->importBytes(pngBytes(20, 10), u"图.png"_s, &error);
    QVERIFY(picture);
    item.revisions[0].content.attachments = {*picture};
    item.revisions[0].content.bodyHtml =
        u"<h2>一、会议内容</h2><p>会议<strong>强调</strong><a href=\"https://www.gov.cn/\">链接</a></p>"
        "<p><img src=\"baosong-attachment:%1\" alt=\"现场\"><img src=\"https://evil.example/x.png\"></p>"_s
            .arg(picture->id);
    editor->setItem(item);
    auto *preview = child<QTextBrowser>(editor.get(), "previewBrowser");
    QVERIFY(preview);

    const HtmlSanitizer sanitizer(HtmlSanitizer::policyForAttachments({*picture}));
    const QString body = editor->item().latest()->content.bodyHtml;
    QCOMPARE(editor->previewHtml(), sanitizer.sanitize(body));
    QCOMPARE(editor->previewHtml(), sanitizer.sanitize(item.revisions[0].content.bodyHtml));
    QVERIFY(editor->previewHtml().contains(
        u"<img src=\"baosong-attachment:%1\" alt=\"现场\">"_s.arg(picture->id)));
    QVERIFY(!editor->previewHtml().contains(u"evil"_s));
    QVERIFY(preview->toPlainText().startsWith(item.revisions[0].content.title));
    // The attachment's picture comes from the blob store.
    const QImage shown = qvariant_cast<QImage>(preview->loadResource(
        QTextDocument::ImageResource, QUrl(HtmlSanitizer::attachmentImageSource(picture->id))));
    QCOMPARE(shown.size(), QSize(20, 10));

    // Typing updates the preview after a pause.
    QTest::keyClick(editor->bodyEdit(), Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(editor->bodyEdit(), u"<script>"_s);
    QTRY_VERIFY(editor->previewHtml().contains(u"&lt;script&gt;"_s));
    QCOMPARE(editor->previewHtml(), sanitizer.sanitize(editor->item().latest()->content.bodyHtml));
}

void TestGuiItemEditor::majorPolicyNeedsOverrideReason()
{
    auto editor = makeEditor();
    Item item = completeDraft(u"policy-1"_s);
    item.revisions[0].content.majorPolicy = true;
    editor->setItem(item);
    editor->show();
    QApplication::setActiveWindow(editor.get());
    QVERIFY(QTest::qWaitForWindowActive(editor.get()));

    ChecksPanel *panel = editor->checksPanel();
    QVERIFY(panel->isBlocked());
    bool found = false;
    for (const Finding &f : panel->findings())
        found = found ||
                (f.key() == "interpretation/interpretation_missing"_L1 && f.severity == Severity::Blocking);
    QVERIFY(found);

    // Clicking the finding puts the cursor in the interpretation picker.
    auto *list = child<QTreeWidget>(panel, "checksList");
    QVERIFY(list);
    child<QTabWidget>(editor.get(), "sideTabs")->setCurrentWidget(child<QWidget>(editor.get(), "checksTab"));
    QTreeWidgetItem *row = list->topLevelItem(0);
    QVERIFY(!row->text(0).isEmpty());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(editor.get(), "interpretationCombo"));

    QSignalSpy submitted(editor.get(), &ItemEditor::submitRequested);
    auto *submit = child<QPushButton>(editor.get(), "submitButton");
    // Cancelled: not submitted.
    MessageBox::setNextText(std::nullopt);
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(submitted.count(), 0);
    QVERIFY(panel->isBlocked());
    // A blank reason: refused, and told so.
    MessageBox::setNextText(u"   "_s);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(submitted.count(), 0);
    QVERIFY2(MessageBox::lastMessage().contains(u"reason is required"_s),
             qPrintable(MessageBox::lastMessage()));
    // With a reason: submitted, the reason and what it overrides carried along.
    MessageBox::setNextText(u"解读稿正在会签，三日内报送"_s);
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    const auto request = submitted.at(0).at(1).value<SubmitRequest>();
    QCOMPARE(request.itemId, u"policy-1"_s);
    QCOMPARE(request.overrideReason, u"解读稿正在会签，三日内报送"_s);
    QCOMPARE(request.overriddenChecks, QStringList{u"interpretation/interpretation_missing"_s});
    QVERIFY(!panel->isBlocked());

    // A new blocking finding needs a new reason: the reason covered only what it was given for.
    child<QLineEdit>(editor.get(), "titleEdit")->clear();
    editor->runChecks();
    QVERIFY(panel->isBlocked());
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(submitted.count(), 1); // a missing title can't be overridden
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(editor.get(), "titleEdit"));

    // Linking the interpretation clears the finding.
    Item interpretation = completeDraft(u"policy-1-interp"_s);
    interpretation.revisions[0].content.title = u"政策解读：关于规范行政执法的通知"_s;
    interpretation.revisions[0].content.columnId = u"policy_interpretation"_s;
    QVERIFY(m_store->saveItem(interpretation));
    item.revisions[0].content.interpretationItemId = interpretation.id;
    editor->setItem(item);
    auto *picker = child<QComboBox>(editor.get(), "interpretationCombo");
    QCOMPARE(picker->currentData().toString(), interpretation.id);
    QVERIFY(!panel->isBlocked());
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(submitted.count(), 2);
    QVERIFY(submitted.at(1).at(1).value<SubmitRequest>().overrideReason.isEmpty());
}

void TestGuiItemEditor::attachmentListModel()
{
    AttachmentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray sha1(32, '\x01');
    const QByteArray sha2(32, '\x02');
    model.setAttachments({Attachment{u"a"_s, u"规划图.pdf"_s, u"application/pdf"_s, 2'500'000, sha1}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(AttachmentListModel::ColumnCount));
    QVERIFY(model.append(Attachment{u"b"_s, u"照片.jpg"_s, u"image/jpeg"_s, 1024, sha2}));
    QVERIFY(
        !model.append(Attachment{u"c"_s, u"照片副本.jpg"_s, u"image/jpeg"_s, 1024, sha2})); // same content
    QCOMPARE(model.rowCount(), 2);
    // One size style: KB and MB (issue #15).
    QCOMPARE(model.index(0, AttachmentListModel::SizeColumn).data().toString(), u"2.4 MB"_s);
    QCOMPARE(sizeText(16), u"1 KB"_s);
    QCOMPARE(sizeText(0), u"0 KB"_s);
    QCOMPARE(sizeText(12'800), u"12.5 KB"_s);
    QVERIFY(!qvariant_cast<QIcon>(model.index(0, AttachmentListModel::NameColumn).data(Qt::DecorationRole))
                 .isNull());
    QCOMPARE(model.index(1, 0).data(AttachmentListModel::AttachmentIdRole).toString(), u"b"_s);

    const QModelIndex state = model.index(0, AttachmentListModel::StateColumn);
    QCOMPARE(state.data().toString(),
             AttachmentListModel::describe(AttachmentListModel::TransferState::LocalOnly, 0));
    QCOMPARE(state.data(AttachmentListModel::ProgressRole).toInt(), -1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTransferState(sha1.toHex(), AttachmentListModel::TransferState::Uploading, 1'250'000, 2'500'000);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(state.data(AttachmentListModel::ProgressRole).toInt(), 50);
    QVERIFY(state.data().toString().contains(u"50"_s));
    model.setTransferState(sha1, AttachmentListModel::TransferState::OnServer);
    QCOMPARE(model.transferState(sha1), AttachmentListModel::TransferState::OnServer);
    QCOMPARE(state.data(AttachmentListModel::ProgressRole).toInt(), -1);
    model.setTransferState(sha2, AttachmentListModel::TransferState::Failed);
    QCOMPARE(model.index(1, AttachmentListModel::StateColumn).data().toString(),
             AttachmentListModel::describe(AttachmentListModel::TransferState::Failed, 0));
    // A state for content not listed is kept for when it is.
    const QByteArray sha3(32, '\x03');
    model.setTransferState(sha3, AttachmentListModel::TransferState::OnServer);
    QVERIFY(model.append(Attachment{u"d"_s, u"x.txt"_s, u"text/plain"_s, 1, sha3}));
    QCOMPARE(model.index(2, 0).data(AttachmentListModel::TransferStateRole).toInt(),
             int(AttachmentListModel::TransferState::OnServer));
    QVERIFY(model.removeAt(0));
    QVERIFY(!model.removeAt(5));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfContent(sha2), 0);
    model.setAttachments({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestGuiItemEditor)
#include "tst_gui_itemeditor.moc"

// 政府信息公开目录: the disclosure fields are shown for disclosures, read back into the content, and the
// validity's date and replacement appear only where they apply.
void TestGuiItemEditor::disclosureMetadataFields()
{
    auto editor = makeEditor();
    Item item = newDraft(ItemKind::Disclosure, u"disclosure-meta-1"_s);
    RevisionContent c;
    c.title = u"巴中市国土空间规划管理办法"_s;
    c.topic = u"城乡建设、环境保护"_s;
    c.genre = u"办法"_s;
    c.keywords = {u"国土空间"_s, u"规划管理"_s};
    c.writtenDate = kToday.addDays(-3);
    item.revisions.append(Revision{1, u"author"_s, QDateTime::currentDateTimeUtc(), c, false});
    editor->setItem(item);
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
    auto *topic = child<QComboBox>(editor.get(), "topicCombo");
    auto *genre = child<QComboBox>(editor.get(), "genreCombo");
    auto *keywords = child<QLineEdit>(editor.get(), "keywordsEdit");
    auto *validity = child<QComboBox>(editor.get(), "validityCombo");
    auto *validityDate = child<QDateEdit>(editor.get(), "validityDateEdit");
    auto *replacedBy = child<QComboBox>(editor.get(), "replacedByCombo");
    QVERIFY(topic && genre && keywords && validity && validityDate && replacedBy);
    QCOMPARE(topic->currentText(), c.topic);
    QCOMPARE(genre->currentText(), c.genre);
    QCOMPARE(keywords->text(), u"国土空间，规划管理"_s);
    QVERIFY(!validityDate->isVisible() && !replacedBy->isVisible());
    RevisionContent read = editor->content();
    QCOMPARE(read.topic, c.topic);
    QCOMPARE(read.genre, c.genre);
    QCOMPARE(read.keywords, c.keywords);
    QCOMPARE(read.writtenDate, c.writtenDate);
    QCOMPARE(read.validity, Validity::InForce);

    // Keywords as people type them: 、 and spaces separate, repeats go.
    keywords->clear();
    typeText(keywords, u"耕地保护、 执法检查,耕地保护"_s);
    QCOMPARE(editor->content().keywords, (QStringList{u"耕地保护"_s, u"执法检查"_s}));

    // Repealed: its date and replacement appear and are read.
    validity->setCurrentIndex(validity->findData(u"repealed"_s));
    QVERIFY(validityDate->isVisible() && replacedBy->isVisible());
    validityDate->setDate(kToday);
    read = editor->content();
    QCOMPARE(read.validity, Validity::Repealed);
    QCOMPARE(read.validityDate, kToday);
    // Amended: a date, no replacement.
    validity->setCurrentIndex(validity->findData(u"amended"_s));
    QVERIFY(validityDate->isVisible() && !replacedBy->isVisible());
    QVERIFY(editor->content().replacedByItemId.isEmpty());

    // Without a topic the checks point at it, as the server would refuse it.
    topic->setCurrentIndex(0);
    QStringList codes;
    for (const Finding &f : editor->runChecks())
        codes << f.key();
    QVERIFY2(codes.contains(u"required_fields/topic_missing"_s), qPrintable(codes.join(u' ')));
}

// Art. 9: released through another channel earlier, the deadline counts from that day.
void TestGuiItemEditor::otherChannelMovesTheDeadline()
{
    auto editor = makeEditor();
    editor->setItem(newDraft(ItemKind::News, u"channel-1"_s));
    auto *date = child<QDateEdit>(editor.get(), "infoDateEdit");
    auto *channel = child<QLineEdit>(editor.get(), "otherChannelEdit");
    auto *channelDate = child<QDateEdit>(editor.get(), "otherChannelDateEdit");
    auto *label = child<QLabel>(editor.get(), "deadlineLabel");
    QVERIFY(date && channel && channelDate && label);
    date->setDate(kToday.addDays(-1));
    QCOMPARE(label->property("deadlineState").toString(), u"on_time"_s);
    typeText(channel, u"巴中日报"_s);
    channelDate->setDate(kToday.addDays(-6));
    QCOMPARE(label->property("deadlineState").toString(), u"overdue"_s);
    const RevisionContent c = editor->content();
    QCOMPARE(c.otherChannel, u"巴中日报"_s);
    QCOMPARE(c.otherChannelDate, kToday.addDays(-6));
    QCOMPARE(c.deadlineFrom(), kToday.addDays(-6));
    channel->clear();
    QCOMPARE(label->property("deadlineState").toString(), u"on_time"_s);
}
