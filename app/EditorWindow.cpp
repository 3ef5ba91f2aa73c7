#include "EditorWindow.h"
#include "ui_EditorWindow.h"

#include "AttachmentListModel.h"
#include "ClientSession.h"
#include "DraftAutosave.h"
#include "ItemEditor.h"
#include "Logging.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "Settings.h"

#include <QCloseEvent>
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
                             .arg(who ? who->name : it->personId,
                                  QLocale().toString(it->at.toLocalTime(), QLocale::ShortFormat), it->reason);
                break;
            }
        }
    }
    m_ui->returnBanner->setText(reason);
    m_ui->returnBanner->setVisible(!reason.isEmpty());
    // The engine decides whether the signed-in person may delete it (a never-published draft of theirs).
    const Person *me = m_organization->person(m_session->personId());
    m_ui->deleteButton->setVisible(me && RouteEngine::builtin().mayTake(*me, item, Action::Delete));
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
    if (!m_session->sync().queueAction(item.id, r, &error)) {
        MessageBox::critical(this, tr("Not submitted"), error);
        return;
    }
    m_autosave->finish();
    m_finished = true;
    emit itemChanged(item.id);
    MessageBox::information(
        this, tr("Submitted"),
        m_session->sync().state() == SyncEngine::State::Idle ||
                m_session->sync().state() == SyncEngine::State::Syncing
            ? tr("\"%1\" is submitted for review.")
                  .arg(item.latest() ? item.latest()->content.title : QString())
            : tr("\"%1\" is submitted. You are offline: it will be sent to the server as soon "
                 "as it can be reached.")
                  .arg(item.latest() ? item.latest()->content.title : QString()));
    close();
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
