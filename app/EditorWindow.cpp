#include "EditorWindow.h"
#include "DisplayText.h"
#include "ui_EditorWindow.h"

#include "AttachmentListModel.h"
#include "Checks.h"
#include "ClientSession.h"
#include "DraftAutosave.h"
#include "ItemEditor.h"
#include "Logging.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "Settings.h"

#include <QCloseEvent>
#include <QShortcut>
#include <QTime>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong {

EditorWindow::EditorWindow(ClientSession *session, const Organization *organization, Settings *settings,
                           QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(std::make_unique<Ui::EditorWindow>())
    , m_session(session)
    , m_organization(organization)
    , m_settings(settings)
    , m_editor(new ItemEditor(organization, &session->blobs()))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    m_ui->editorHostLayout->addWidget(m_editor);
    m_editor->setLocalStore(&session->store());
    // The word lists and detector settings the last sync brought (the server's), else the shipped ones.
    m_editor->setChecks(session->checks());
    connect(&session->sync(), &SyncEngine::wordListsChanged, this,
            [this] { m_editor->setChecks(m_session->checks()); });
    // The server's limit, as its last answer said (0: not known yet, nothing refused here).
    m_editor->setMaxUploadBytes(session->store().serverLimits().maxUploadBytes);
    m_ui->returnBanner->hide();
    m_autosave = new DraftAutosave(
        m_editor, settings,
        [this](const Item &item) {
            QString error;
            if (m_session->sync().saveDraft(item, &error))
                return true;
            qCWarning(lcApp) << "autosave failed:" << error;
            return false;
        },
        this);
    connect(
        m_editor, &ItemEditor::submitRequested, this,
        [this](const Item &item, const SubmitRequest &request) { submit(item, request.toActionRequest()); });
    connect(m_editor, &ItemEditor::edited, this, &EditorWindow::updateTitle);
    connect(m_editor, &ItemEditor::draftInterpretationRequested, this, &EditorWindow::draftInterpretation);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &EditorWindow::deleteDraft);
    // The upload state of each attachment, as the sync engine sends them.
    AttachmentListModel *attachments = m_editor->attachmentModel();
    connect(session, &ClientSession::uploadProgress, attachments,
            [attachments](const QByteArray &sha, qint64 done, qint64 total) {
                attachments->setTransferState(sha, AttachmentListModel::TransferState::Uploading, done,
                                              total);
            });
    connect(session, &ClientSession::uploadFinished, attachments, [attachments](const QByteArray &sha) {
        attachments->setTransferState(sha, AttachmentListModel::TransferState::OnServer);
    });
    connect(session, &ClientSession::uploadFailed, attachments, [attachments](const QByteArray &sha) {
        attachments->setTransferState(sha, AttachmentListModel::TransferState::Failed);
    });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    m_ui->refusalBanner->hide();
    m_ui->sendingLabel->hide();
    // When the text was last saved on this computer (autosave, Ctrl+S).
    connect(m_autosave, &DraftAutosave::saved, this, [this] {
        m_ui->savedLabel->setText(tr("Saved %1").arg(QTime::currentTime().toString(u"HH:mm"_s)));
    });
    connect(m_autosave, &DraftAutosave::saveFailed, this,
            [this] { m_ui->savedLabel->setText(tr("Not saved yet: tried again at the next edit")); });
    // Ctrl+S saves now; Ctrl+W and Esc close (saving, asking nothing).
    auto *save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, this, [this] { m_autosave->saveNow(); });
    for (const QKeySequence &key : {QKeySequence(QKeySequence::Close), QKeySequence(Qt::Key_Escape)}) {
        auto *close = new QShortcut(key, this);
        connect(close, &QShortcut::activated, this, &QWidget::close);
    }
    m_submitWait = new QTimer(this);
    m_submitWait->setSingleShot(true);
    m_submitWait->setInterval(15000);
    connect(m_submitWait, &QTimer::timeout, this, [this] { submitSettled(false, {}); });
    connect(&session->sync(), &SyncEngine::actionSettled, this,
            [this](const QString &actionId, const QString &itemId, bool applied, const QString &message) {
                if (m_submitActionId.isEmpty() || itemId != m_editor->itemId())
                    return;
                if (!applied)
                    submitSettled(false, message.isEmpty() ? tr("the server refused it.") : message);
                else if (actionId == m_submitActionId)
                    submitSettled(true, {});
            });
}

EditorWindow::~EditorWindow() = default;

Item EditorWindow::newDraft(const Organization &organization, const QString &personId)
{
    Item item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = ItemKind::News;
    item.authorId = personId;
    if (const Person *p = organization.person(personId))
        item.unitId = p->unitId;
    return item;
}

std::optional<Item> EditorWindow::interpretationDraft(const Organization &organization,
                                                      const RouteEngine &routes, const Item &policy,
                                                      const QString &personId)
{
    Item item = newDraft(organization, personId);
    const QList<const Column *> columns =
        Checks::allowedColumns(organization, item.kind, item.unitId, false, routes);
    const auto column = std::find_if(columns.cbegin(), columns.cend(),
                                     [](const Column *c) { return c->type == ColumnType::Interpretation; });
    if (column == columns.cend())
        return std::nullopt;
    RevisionContent content;
    const RevisionContent &document = CheckContext::contentOf(policy);
    content.title = document.title.trimmed().isEmpty()
                        ? tr("Interpretation of the policy document")
                        : tr("Interpretation of “%1”").arg(document.title.trimmed());
    content.columnId = (*column)->id;
    content.infoDate = document.infoDate;
    item.recordEdit(personId, content, QDateTime::currentDateTimeUtc());
    return item;
}

void EditorWindow::draftInterpretation(const Item &policy)
{
    const std::optional<Item> draft =
        interpretationDraft(*m_organization, RouteEngine::builtin(), policy, m_session->personId());
    if (!draft) {
        MessageBox::warning(this, tr("No interpretation drafted"),
                            tr("There is no policy interpretation column your unit may publish in. Ask the "
                               "site administrator to set one up, or link an existing interpretation."));
        return;
    }
    QString error;
    if (!m_session->sync().saveDraft(*draft, &error)) {
        MessageBox::critical(this, tr("No interpretation drafted"), error);
        return;
    }
    m_editor->linkInterpretation(draft->id);
    m_autosave->saveNow();
    emit openItemRequested(draft->id);
}

void EditorWindow::setItem(const Item &item)
{
    m_editor->setItem(item);
    // Attachments of a revision the server has answered for are on the server.
    if (!m_session->sync().hasUnsentText(item.id) && item.latest()) {
        for (const Attachment &a : item.latest()->content.attachments)
            m_editor->attachmentModel()->setTransferState(a.sha256,
                                                          AttachmentListModel::TransferState::OnServer);
    }
    // The reviewer's reason when the item was returned: the last return of the latest cycle.
    QString reason;
    if (item.state == WorkflowState::Returned) {
        for (auto it = item.decisions.crbegin(); it != item.decisions.crend(); ++it) {
            if (it->type == DecisionType::Return) {
                const Person *who = m_organization->person(it->personId);
                reason = tr("Returned by %1 on %2: %3")
                             .arg(who ? who->name : it->personId, dateTimeText(it->at), it->reason);
                break;
            }
        }
    }
    m_ui->returnBanner->setText(reason);
    m_ui->returnBanner->setVisible(!reason.isEmpty());
    // The engine decides whether the signed-in person may delete it (a never-published draft of theirs).
    const Person *me = m_organization->person(m_session->personId());
    m_ui->deleteButton->setVisible(me && RouteEngine::builtin().mayTake(*me, item, Action::Delete));
    showRefusals();
    updateTitle();
}

QString EditorWindow::itemId() const
{
    return m_editor->itemId();
}

QString EditorWindow::returnReason() const
{
    return m_ui->returnBanner->isVisible() ? m_ui->returnBanner->text() : QString();
}

void EditorWindow::updateTitle()
{
    const QString title = m_editor->content().title.trimmed();
    setWindowTitle(title.isEmpty() ? tr("New draft — Baosong") : tr("%1 — Baosong").arg(title));
}

void EditorWindow::submit(const Item &item, const ActionRequest &request)
{
    // What is on screen is saved first; the submit follows it in the outbox.
    if (!m_autosave->saveNow()) {
        MessageBox::critical(this, tr("Not submitted"),
                             tr("The draft could not be saved, so it was not submitted. Your text is still "
                                "here; try again."));
        return;
    }
    ActionRequest r = request;
    r.baseRevision = -1; // the revision just saved
    QString error;
    if (!m_session->store().item(item.id) && !m_session->sync().saveDraft(item, &error)) {
        MessageBox::critical(this, tr("Not submitted"), error);
        return;
    }
    const std::optional<QString> queued = m_session->sync().queueAction(item.id, r, &error);
    if (!queued) {
        MessageBox::critical(this, tr("Not submitted"), error);
        return;
    }
    m_autosave->finish();
    emit itemChanged(item.id);
    m_submittedTitle = item.latest() ? item.latest()->content.title : QString();
    const SyncEngine::State state = m_session->sync().state();
    if (state != SyncEngine::State::Idle && state != SyncEngine::State::Syncing) {
        // Not reachable now: said as it is, and kept.
        submitSettled(false, {});
        return;
    }
    // "Submitted" only once the server has it (issue #15): the window waits for its answer.
    m_submitActionId = *queued;
    m_ui->refusalBanner->hide();
    m_ui->editorHost->setEnabled(false);
    m_ui->deleteButton->setEnabled(false);
    m_ui->sendingLabel->setText(tr("Sending to the server…"));
    m_ui->sendingLabel->show();
    m_submitWait->start();
    m_session->sync().syncNow();
}

void EditorWindow::submitSettled(bool applied, const QString &message)
{
    const bool waited = !m_submitActionId.isEmpty();
    m_submitActionId.clear();
    m_submitWait->stop();
    m_ui->sendingLabel->hide();
    m_ui->editorHost->setEnabled(true);
    m_ui->deleteButton->setEnabled(true);
    if (!message.isEmpty()) {
        // Refused: the text stays here to be corrected; the refused step is replaced when it is
        // saved or submitted again.
        showRefusals();
        MessageBox::warning(this, tr("Not submitted"),
                            tr("The server did not accept \"%1\": %2\nYour text is kept. Correct it and "
                               "submit again.")
                                .arg(m_submittedTitle, message));
        return;
    }
    m_finished = true;
    MessageBox::information(
        this, tr("Submitted"),
        applied  ? tr("\"%1\" is submitted for review.").arg(m_submittedTitle)
        : waited ? tr("\"%1\" is not answered by the server yet: it is kept and sent as soon as the server "
                      "can be reached.")
                       .arg(m_submittedTitle)
                 : tr("\"%1\" is kept. You are offline: it will be sent to the server as soon as it can be "
                      "reached.")
                       .arg(m_submittedTitle));
    close();
}

void EditorWindow::showRefusals()
{
    QStringList lines;
    for (const OutboxEntry &e : m_session->sync().refusals()) {
        if (e.itemId == m_editor->itemId())
            lines << tr("%1 refused: %2").arg(displayName(e.action), e.lastError);
    }
    m_ui->refusalBanner->setText(lines.join(u'\n'));
    m_ui->refusalBanner->setVisible(!lines.isEmpty());
}

void EditorWindow::deleteDraft()
{
    const QString title = m_editor->content().title;
    if (MessageBox::question(this, tr("Delete draft"),
                             tr("Delete the draft \"%1\"? This cannot be undone.").arg(title)) !=
        QMessageBox::Yes)
        return;
    const QString id = m_editor->itemId();
    QString error;
    if (m_session->store().item(id)) {
        ActionRequest r;
        r.action = Action::Delete;
        if (!m_session->sync().queueAction(id, r, &error)) {
            MessageBox::critical(this, tr("Not deleted"), error);
            return;
        }
    }
    m_settings->setEditorRecoveryDraftId({});
    m_settings->sync();
    m_finished = true;
    emit itemChanged(id);
    close();
}

void EditorWindow::closeEvent(QCloseEvent *event)
{
    // Unsent changes are saved, never asked about.
    if (!m_finished) {
        if (m_editor->content().title.trimmed().isEmpty() && !m_session->store().item(m_editor->itemId())) {
            m_settings->setEditorRecoveryDraftId({}); // an empty new draft: nothing to keep
            m_settings->sync();
        } else if (!m_autosave->finish()) {
            MessageBox::warning(this, tr("Draft kept for recovery"),
                                tr("The draft could not be saved now. Baosong will reopen it the next time "
                                   "it starts."));
        }
        emit itemChanged(m_editor->itemId());
    }
    event->accept();
}

} // namespace baosong
