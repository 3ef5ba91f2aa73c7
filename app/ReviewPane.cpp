#include "ReviewPane.h"
#include "DisplayText.h"
#include "ui_ReviewPane.h"

#include "ApprovalSlip.h"
#include "Checks.h"
#include "ChecksPanel.h"
#include "ClientSession.h"
#include "ContentScan.h"
#include "Deadline.h"
#include "DomainJson.h"
#include "FileDialog.h"
#include "HtmlSanitizer.h"
#include "ItemEditor.h"
#include "Logging.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

QString timeText(const QDateTime &t)
{
    return dateTimeText(t);
}

QString contentHtml(const RevisionContent &c)
{
    const HtmlSanitizer sanitizer(HtmlSanitizer::policyForAttachments(c.attachments));
    return "<h3>"_L1 + c.title.toHtmlEscaped() + "</h3>"_L1 + sanitizer.sanitize(c.bodyHtml);
}

} // namespace

ReviewPane::ReviewPane(ClientSession *session, const Organization *organization, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReviewPane>())
    , m_session(session)
    , m_organization(organization)
    , m_routes(RouteEngine::builtin())
    , m_history(new ItemHistory(session->network(), this))
    , m_historyModel(new HistoryModel(this))
{
    m_ui->setupUi(this);
    m_ui->historyView->setModel(m_historyModel);
    m_ui->previewBrowser->setImageResolver([this](const QString &attachmentId) -> QImage {
        if (!m_item || !m_item->latest())
            return {};
        for (const Attachment &a : m_item->latest()->content.attachments) {
            if (a.id == attachmentId && m_session->blobs().contains(a.sha256))
                return QImage(m_session->blobs().pathOf(a.sha256));
        }
        return {};
    });

    connect(m_ui->approveButton, &QPushButton::clicked, this,
            [this] { decide(DecisionDialog::Mode::Approve); });
    connect(m_ui->approveEditsButton, &QPushButton::clicked, this,
            [this] { decide(DecisionDialog::Mode::ApproveWithEdits); });
    connect(m_ui->returnButton, &QPushButton::clicked, this,
            [this] { decide(DecisionDialog::Mode::Return); });
    connect(m_ui->commentButton, &QPushButton::clicked, this,
            [this] { decide(DecisionDialog::Mode::Comment); });
    connect(m_ui->slipPdfButton, &QPushButton::clicked, this, [this] { exportSlip(); });
    connect(m_ui->printSlipButton, &QPushButton::clicked, this, &ReviewPane::printSlip);
    connect(m_ui->keepMineButton, &QPushButton::clicked, this,
            [this] { resolveConflict(SyncEngine::Resolution::KeepMine); });
    connect(m_ui->takeTheirsButton, &QPushButton::clicked, this,
            [this] { resolveConflict(SyncEngine::Resolution::TakeTheirs); });
    connect(m_ui->openAttachmentButton, &QPushButton::clicked, this, [this] {
        openAttachment(m_ui->attachmentTree->indexOfTopLevelItem(m_ui->attachmentTree->currentItem()));
    });
    connect(m_ui->attachmentTree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *row) { openAttachment(m_ui->attachmentTree->indexOfTopLevelItem(row)); });
    connect(m_ui->saveAttachmentButton, &QPushButton::clicked, this, [this] {
        saveAttachmentCopy(m_ui->attachmentTree->indexOfTopLevelItem(m_ui->attachmentTree->currentItem()));
    });
    connect(m_ui->attachmentTree, &QTreeWidget::currentItemChanged, this, &ReviewPane::updateButtons);
    connect(m_ui->downloadAttachmentsButton, &QPushButton::clicked, this, &ReviewPane::downloadMissing);
    connect(m_ui->refreshHistoryButton, &QPushButton::clicked, this, &ReviewPane::refreshHistory);

    connect(&m_session->sync(), &SyncEngine::itemsChanged, this, [this](const QStringList &ids) {
        if (!m_itemId.isEmpty() && ids.contains(m_itemId))
            reload();
    });
    connect(&m_session->sync(), &SyncEngine::conflictsChanged, this, [this] {
        if (!m_itemId.isEmpty())
            reload();
    });
    connect(&m_session->sync(), &SyncEngine::runFinished, this, [this] {
        if (!m_itemId.isEmpty())
            reload();
    });

    connect(m_history, &ItemHistory::finished, this,
            [this](const QString &itemId, const QList<AuditEvent> &events) {
                if (itemId != m_itemId)
                    return;
                m_events = events;
                m_historyFromServer = true;
                m_historyModel->setEntries(ItemHistory::fromAuditEvents(events), m_organization,
                                           m_item ? &*m_item : nullptr);
                m_ui->historyStatusLabel->setText(
                    tr("From the server's audit log: %n event(s).", nullptr, int(events.size())));
                emit historyLoaded(itemId, true);
            });
    connect(m_history, &ItemHistory::failed, this,
            [this](const QString &itemId, const QString &message, bool offline) {
                if (itemId != m_itemId)
                    return;
                m_ui->historyStatusLabel->setText(
                    offline
                        ? tr("Offline: this is what this computer knows (revisions, decisions, comments). "
                             "Submissions, withdrawals, overrides and refused actions need the server. (%1)")
                              .arg(message)
                        : tr("The server did not give the history: %1. Shown: what this computer knows.")
                              .arg(message));
                emit historyLoaded(itemId, false);
            });

    clear(tr("Select an item to review it."));
}

ReviewPane::~ReviewPane() = default;

std::optional<Person> ReviewPane::me() const
{
    if (!m_organization)
        return std::nullopt;
    if (const Person *p = m_organization->person(m_session->personId()))
        return *p;
    return std::nullopt;
}

QString ReviewPane::personName(const QString &id) const
{
    return ItemHistory::personName(id, m_organization);
}

void ReviewPane::clear(const QString &message)
{
    m_item.reset();
    m_diff.reset();
    m_previewHtml.clear();
    m_conflicts.clear();
    m_ui->headerLabel->setText(message.toHtmlEscaped());
    m_ui->statusLabel->clear();
    m_ui->statusLabel->hide();
    m_ui->conflictBox->hide();
    m_ui->previewBrowser->clear();
    m_ui->diffBrowser->clear();
    m_ui->changesLabel->clear();
    m_ui->attachmentTree->clear();
    m_ui->checksPanel->setFindings({});
    m_ui->routeTree->clear();
    m_historyModel->clear();
    m_ui->historyStatusLabel->clear();
    m_ui->tabs->setEnabled(false);
    updateButtons();
}

void ReviewPane::showItem(const QString &itemId)
{
    m_history->abort();
    m_itemId = itemId;
    m_events.clear();
    m_historyFromServer = false;
    reload();
    if (m_item)
        refreshHistory();
}

void ReviewPane::reload()
{
    if (m_itemId.isEmpty()) {
        clear(tr("Select an item to review it."));
        return;
    }
    std::optional<Item> item = m_session->store().item(m_itemId);
    if (!item || item->revisions.isEmpty()) {
        clear(tr("The item is not on this computer (yet): sync, then look again."));
        return;
    }
    m_item = std::move(item);
    m_ui->tabs->setEnabled(true);
    showHeader();
    showPreview();
    showDiff();
    showAttachments();
    showChecks();
    showRoute();
    showConflicts();
    if (!m_historyFromServer) {
        m_historyModel->setEntries(ItemHistory::fromItem(*m_item), m_organization, &*m_item);
        if (m_ui->historyStatusLabel->text().isEmpty())
            m_ui->historyStatusLabel->setText(
                tr("What this computer knows; asking the server for the full history…"));
    } else {
        m_historyModel->setEntries(ItemHistory::fromAuditEvents(m_events), m_organization, &*m_item);
    }
    updateButtons();
}

void ReviewPane::refreshHistory()
{
    if (m_itemId.isEmpty())
        return;
    if (m_item && !m_historyFromServer)
        m_historyModel->setEntries(ItemHistory::fromItem(*m_item), m_organization, &*m_item);
    m_history->fetch(m_session->sync().endpoint(), m_itemId);
}

void ReviewPane::showHeader()
{
    const Item &item = *m_item;
    const RevisionContent &c = item.latest()->content;
    const Unit *unit = m_organization ? m_organization->unit(item.unitId) : nullptr;
    QString where = displayName(item.state);
    if (const std::optional<Stage> stage = m_routes.currentStage(item);
        stage && item.state == WorkflowState::InReview)
        where = tr("%1 at \"%2\"").arg(where, stage->displayName());
    QString header = "<b>"_L1 + c.title.toHtmlEscaped() + "</b><br>"_L1;
    QStringList facts{displayName(item.kind), unit ? unit->name : item.unitId, personName(item.authorId),
                      where, tr("revision %1").arg(item.versionOrdinal(item.latestNumber()))};
    if (item.proposal != Proposal::New)
        facts.insert(1, displayName(item.proposal));
    if (c.urgent && item.state == WorkflowState::InReview && item.submittedAt.isValid())
        facts.prepend(tr("URGENT, due %1").arg(dateTimeText(Deadline().urgentDue(item.submittedAt))));
    else if (c.urgent)
        facts.prepend(tr("URGENT"));
    if (!c.otherChannel.isEmpty() && c.otherChannelDate.isValid())
        facts.append(tr("released through %1 on %2").arg(c.otherChannel, dateText(c.otherChannelDate)));
    // Art. 14: where the municipal platform stands (采用 / 退回 come back from the bureau's server).
    if (item.municipal.status != MunicipalStatus::None)
        facts.append(displayName(item.municipal.status));
    header += facts.join(u" · "_s).toHtmlEscaped();
    m_ui->headerLabel->setText(header);

    // What waits in the outbox for this item, and what the server refused.
    QStringList status;
    int pending = 0;
    const QList<OutboxEntry> entries = m_session->store().outboxOf(item.id);
    for (const OutboxEntry &e : entries) {
        if (e.state == OutboxEntry::State::Pending)
            ++pending;
        if (e.state == OutboxEntry::State::Refused)
            status << tr("The server refused your %1: %2").arg(displayName(e.action), e.lastError);
        else if (e.state == OutboxEntry::State::Pending && !e.lastError.isEmpty())
            status << tr("Sending your %1 failed: %2 It is tried again.")
                          .arg(displayName(e.action), e.lastError);
    }
    if (pending > 0)
        status.prepend(tr("%n action(s) of yours wait to be sent to the server.", nullptr, pending));
    if (item.municipal.status == MunicipalStatus::Returned)
        status.prepend(item.municipal.reason.isEmpty()
                           ? tr("The municipal platform returned it.")
                           : tr("The municipal platform returned it: %1").arg(item.municipal.reason));
    else if (item.municipal.status == MunicipalStatus::Refused)
        status.prepend(item.municipal.reason.isEmpty()
                           ? tr("The municipal platform refused it; it is not sent again.")
                           : tr("The municipal platform refused it: %1 It is not sent again.")
                                 .arg(item.municipal.reason));
    else if (item.municipal.status == MunicipalStatus::Adopted)
        status.prepend(tr("The municipal platform adopted it."));
    if (const auto state = SyncEngine::sendStates(entries).value(item.id); !entries.isEmpty())
        status.prepend(u"【"_s + SyncEngine::sendStateName(state) + u"】"_s);
    m_ui->statusLabel->setText(status.join(u'\n'));
    m_ui->statusLabel->setVisible(!status.isEmpty());
}

void ReviewPane::showPreview()
{
    const RevisionContent &c = m_item->latest()->content;
    const HtmlSanitizer sanitizer(HtmlSanitizer::policyForAttachments(c.attachments));
    m_previewHtml = sanitizer.sanitize(c.bodyHtml);
    m_ui->previewBrowser->setHtml("<h1>"_L1 + c.title.toHtmlEscaped() + "</h1>"_L1 + m_previewHtml);
}

void ReviewPane::showDiff()
{
    m_diff = ItemDiff::forReview(*m_item, m_organization);
    const int index = m_ui->tabs->indexOf(m_ui->changesTab);
    if (!m_diff) {
        m_ui->changesLabel->setText(
            tr("Nothing to compare: there is no earlier approved or returned revision."));
        m_ui->diffBrowser->clear();
        m_ui->tabs->setTabText(index, tr("Chan&ges"));
        return;
    }
    QString what;
    if (m_item->proposal == Proposal::Change && m_diff->fromRevision == m_item->liveRevision)
        what = tr("The proposed change (revision %1) compared with the live version (revision %2).");
    else if (m_item->revision(m_diff->toRevision) &&
             m_item->revision(m_diff->toRevision)->authorId != m_item->authorId)
        what = tr("The reviewer's minor edits (revision %1) compared with revision %2.");
    else
        what = tr("Revision %1 compared with the returned revision %2.");
    m_ui->changesLabel->setText(what.arg(m_diff->toVersion).arg(m_diff->fromVersion));
    m_ui->diffBrowser->setHtml(m_diff->toHtml());
    m_ui->tabs->setTabText(index, m_diff->isEmpty()
                                      ? tr("Chan&ges")
                                      : tr("Chan&ges (%1)")
                                            .arg(m_diff->fields.size() + (m_diff->bodyChanged() ? 1 : 0) +
                                                 m_diff->attachmentsAdded.size() +
                                                 m_diff->attachmentsRemoved.size()));
}

void ReviewPane::showAttachments()
{
    m_ui->attachmentTree->clear();
    const QList<Attachment> &attachments = m_item->latest()->content.attachments;
    int missing = 0;
    for (const Attachment &a : attachments) {
        QString state;
        QString error;
        QColor colour;
        if (!m_session->blobs().contains(a.sha256)) {
            state = tr("not on this computer: download it");
            ++missing;
        } else if (m_session->blobs().verify(a.sha256, &error)) {
            state = tr("checked: the file is complete");
            colour = QColor(0x05, 0x5d, 0x20);
        } else {
            state = tr("damaged: %1").arg(error);
            colour = QColor(0xb0, 0x00, 0x20);
        }
        auto *row = new QTreeWidgetItem(m_ui->attachmentTree,
                                        {BlobStore::safeFileName(a.fileName), sizeText(a.size), state});
        row->setData(0, Qt::UserRole, a.id);
        row->setToolTip(2, QString::fromLatin1(a.sha256.toHex()));
        if (colour.isValid())
            row->setForeground(2, colour);
    }
    m_ui->downloadAttachmentsButton->setEnabled(missing > 0 && m_downloading == 0);
    const int index = m_ui->tabs->indexOf(m_ui->attachmentsTab);
    m_ui->tabs->setTabText(index, attachments.isEmpty() ? tr("&Attachments")
                                                        : tr("&Attachments (%1)").arg(attachments.size()));
}

void ReviewPane::showChecks()
{
    static const Organization noOrganization;
    const Deadline deadline;
    LocalStore &store = m_session->store();
    CheckContext context{*m_item,
                         CheckContext::contentOf(*m_item),
                         m_organization ? *m_organization : noOrganization,
                         m_routes,
                         deadline,
                         QDate(),
                         [&store](const QString &id) { return store.item(id); }};
    const BlobStore &blobs = m_session->blobs();
    context.attachmentBytes = [&blobs](const Attachment &a) {
        return blobs.read(a.sha256, ContentScanner::kMaxTextBytes);
    };
    const QList<Finding> findings = Checks::builtin().run(context);
    m_ui->checksPanel->setFindings(findings);
    const int blocking = int(Checks::blocking(findings).size());
    const int index = m_ui->tabs->indexOf(m_ui->checksTab);
    m_ui->tabs->setTabText(index, blocking > 0 ? tr("Chec&ks (%1)").arg(blocking) : tr("Chec&ks"));
}

void ReviewPane::showRoute()
{
    m_ui->routeTree->clear();
    const Item &item = *m_item;
    auto decisionText = [](const Decision &d) {
        if (d.type == DecisionType::Return)
            return tr("returned");
        return d.confidentialityAttested ? tr("approved, 保密审查 attested") : tr("approved");
    };
    const RouteProgress progress = m_routes.progress(item);
    for (const StageProgress &step : progress.stages) {
        const Stage &stage = step.stage;
        const std::optional<Decision> &decided = step.decision;
        QStringList columns{stage.displayName()};
        if (decided) {
            QString comment = decided->reason;
            if (!decided->overrideReason.isEmpty())
                comment += (comment.isEmpty() ? QString() : u"; "_s) +
                           tr("override: %1").arg(decided->overrideReason);
            columns << personName(decided->personId) << timeText(decided->at) << decisionText(*decided)
                    << comment;
        } else {
            // Who may decide it (now, or when it comes): the stage's role, or where nobody of it is
            // eligible, the role it escalates to (RouteEngine::deciderOf, as the server decides).
            const StageDecider who = m_routes.deciderOf(item, stage, m_organization);
            QStringList holders;
            if (m_organization) {
                for (const Person *p : m_organization->holders(who.role, item.unitId)) {
                    if (p->id != item.authorId)
                        holders << p->name;
                }
            }
            QString names = holders.join(tr(", "));
            if (who.role != stage.role)
                names = tr("%1 (%2, in place of the %3)")
                            .arg(names, displayName(who.role), displayName(stage.role));
            columns << names << QString() << (step.waiting ? tr("waiting") : tr("to come")) << QString();
        }
        auto *row = new QTreeWidgetItem(m_ui->routeTree, columns);
        row->setData(0, Qt::UserRole, stage.id);
        if (step.waiting) {
            QFont bold = row->font(0);
            bold.setBold(true);
            for (int c = 0; c < columns.size(); ++c)
                row->setFont(c, bold);
        }
    }
    // Where the route ends: on the site, or sent on to the municipal platform (Art. 14).
    if (!progress.stages.isEmpty() && item.proposal != Proposal::Retraction) {
        const Stage &last = progress.stages.constLast().stage;
        const bool municipal = last.end == RouteEnd::MunicipalPlatform;
        QStringList columns{municipal ? tr("Sent to the municipal platform") : tr("Published on the site")};
        if (item.state == WorkflowState::Published || item.state == WorkflowState::SentToMunicipal)
            columns << QString() << timeText(item.publishedAt) << displayName(item.state) << QString();
        else
            columns << QString() << QString() << tr("after the last approval") << QString();
        auto *row = new QTreeWidgetItem(m_ui->routeTree, columns);
        row->setData(0, Qt::UserRole, u"end"_s);
    }
    // Earlier rounds (returns and what came before them).
    for (const Decision &d : progress.earlierRounds) {
        const std::optional<Stage> stage = m_routes.stage(item, d.stageId);
        auto *row = new QTreeWidgetItem(
            m_ui->routeTree, {tr("%1 (round %2)").arg(stage ? stage->displayName() : d.stageId).arg(d.cycle),
                              personName(d.personId), timeText(d.at), decisionText(d), d.reason});
        row->setData(0, Qt::UserRole, d.stageId);
        for (int c = 0; c < 5; ++c)
            row->setForeground(c, QColor(0x70, 0x70, 0x70));
    }
    for (int c = 0; c < m_ui->routeTree->columnCount(); ++c)
        m_ui->routeTree->resizeColumnToContents(c);
}

void ReviewPane::showConflicts()
{
    m_conflicts.clear();
    for (const OutboxEntry &e : m_session->sync().conflicts()) {
        if (e.itemId == m_itemId)
            m_conflicts.append(e);
    }
    m_ui->conflictBox->setVisible(!m_conflicts.isEmpty());
    if (m_conflicts.isEmpty())
        return;
    const OutboxEntry &e = m_conflicts.constFirst();
    const int base = e.request.value("base_revision"_L1).toInt();
    Item theirs;
    QString error;
    const bool haveTheirs =
        e.answer.contains("item"_L1) && json::fromJson(e.answer.value("item"_L1).toObject(), &theirs, &error);
    m_ui->conflictLabel->setText(tr("Your \"%1\" could not be applied: %2 Choose: keep yours (it is sent "
                                    "again on the server's current "
                                    "version) or take the server's (your action is dropped).")
                                     .arg(displayName(e.action), e.lastError));

    QString mine = "<p><b>"_L1 +
                   tr("Yours: %1 on revision %2").arg(displayName(e.action)).arg(base).toHtmlEscaped() +
                   "</b>"_L1;
    const QString stageId = e.request.value("stage_id"_L1).toString();
    if (const std::optional<Stage> s = m_routes.stage(*m_item, stageId))
        mine += "<br>"_L1 + tr("at \"%1\"").arg(s->displayName()).toHtmlEscaped();
    const QString reason = e.request.value("reason"_L1).toString();
    if (!reason.isEmpty())
        mine += "<br>"_L1 + reason.toHtmlEscaped();
    mine += "</p>"_L1;
    const Revision *baseRevision = m_item->revision(base);
    if (!baseRevision && haveTheirs)
        baseRevision = theirs.revision(base);
    if (baseRevision)
        mine += contentHtml(baseRevision->content);
    m_ui->conflictMineBrowser->setHtml(mine);

    QString server;
    if (haveTheirs) {
        QString where = displayName(theirs.state);
        if (const std::optional<Stage> s = m_routes.currentStage(theirs);
            s && theirs.state == WorkflowState::InReview)
            where = tr("%1 at \"%2\"").arg(where, s->displayName());
        server = "<p><b>"_L1 +
                 tr("The server's: revision %1, %2")
                     .arg(theirs.versionOrdinal(theirs.latestNumber()))
                     .arg(where)
                     .toHtmlEscaped() +
                 "</b>"_L1;
        for (const Decision &d : theirs.decisions) {
            if (d.cycle != theirs.cycle)
                continue;
            const std::optional<Stage> s = m_routes.stage(theirs, d.stageId);
            server += "<br>"_L1 + tr("%1: %2 by %3, %4")
                                      .arg(s ? s->displayName() : d.stageId,
                                           d.type == DecisionType::Approve ? tr("approved") : tr("returned"),
                                           personName(d.personId), timeText(d.at))
                                      .toHtmlEscaped();
        }
        server += "</p>"_L1;
        if (baseRevision && theirs.latestNumber() != base) {
            server +=
                ItemDiff::compare(baseRevision->content, theirs.latest()->content, m_organization).toHtml();
        } else if (theirs.latest()) {
            server += contentHtml(theirs.latest()->content);
        }
    } else {
        server = "<p>"_L1 + tr("The server's current version is not known; sync again.").toHtmlEscaped() +
                 "</p>"_L1;
    }
    m_ui->conflictTheirsBrowser->setHtml(server);
    m_ui->keepMineButton->setEnabled(haveTheirs);
}

void ReviewPane::updateButtons()
{
    const std::optional<Person> person = me();
    bool waiting = false;
    bool canComment = false;
    bool queued = false;
    if (m_item && person) {
        waiting = m_routes.isWaitingFor(*person, *m_item, m_organization);
        ActionRequest comment;
        comment.action = Action::Comment;
        comment.reason = u"?"_s;
        canComment = m_routes.check(*person, *m_item, comment, m_organization).allowed();
        queued = m_session->sync().hasQueuedDecision(m_item->id);
    }
    const bool decide = waiting && !queued && m_conflicts.isEmpty();
    // Someone who decides no stage anywhere (a correspondent) is not shown the decisions at all.
    const bool reviews = person && m_routes.decidesAnyStage(*person);
    for (QPushButton *b : {m_ui->approveButton, m_ui->approveEditsButton, m_ui->returnButton})
        b->setVisible(reviews || !person);
    m_ui->approveButton->setEnabled(decide);
    m_ui->approveEditsButton->setEnabled(decide);
    m_ui->returnButton->setEnabled(decide);
    m_ui->commentButton->setEnabled(canComment);
    m_ui->slipPdfButton->setEnabled(m_item.has_value() && m_organization);
    m_ui->printSlipButton->setEnabled(m_item.has_value() && m_organization);
    QTreeWidgetItem *row = m_ui->attachmentTree->currentItem();
    const Attachment *a = row ? attachmentAt(m_ui->attachmentTree->indexOfTopLevelItem(row)) : nullptr;
    const bool present = a && m_session->blobs().contains(a->sha256);
    m_ui->openAttachmentButton->setEnabled(present);
    m_ui->saveAttachmentButton->setEnabled(present);
    m_ui->refreshHistoryButton->setEnabled(!m_itemId.isEmpty());
}

DecisionDialog *ReviewPane::decide(DecisionDialog::Mode mode)
{
    const std::optional<Person> person = me();
    if (!m_item || !person)
        return nullptr;
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new DecisionDialog(mode, *m_item, *person, m_routes, m_organization, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { queue(dialog); });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

void ReviewPane::queue(DecisionDialog *dialog)
{
    QString error;
    const QString itemId = dialog->itemId();
    if (!m_session->sync().queueAction(itemId, dialog->request(), &error)) {
        MessageBox::warning(this, dialog->windowTitle(),
                            tr("Your decision could not be saved on this computer: %1").arg(error));
        return;
    }
    emit decided(itemId);
    if (itemId == m_itemId)
        reload();
}

bool ReviewPane::resolveConflict(SyncEngine::Resolution resolution)
{
    if (m_conflicts.isEmpty())
        return false;
    QString error;
    if (!m_session->sync().resolve(m_conflicts.constFirst().actionId, resolution, &error)) {
        MessageBox::warning(this, tr("Resolve the conflict"), error);
        return false;
    }
    reload();
    return true;
}

bool ReviewPane::exportSlip(const QString &path)
{
    if (!m_item || !m_organization)
        return false;
    QString target = path;
    if (target.isEmpty()) {
        const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                      .filePath(BlobStore::safeFileName(
                                          tr("Approval slip - %1.pdf").arg(m_item->latest()->content.title)));
        target = FileDialog::getSaveFileName(this, tr("Save the approval slip as PDF"), suggested,
                                             tr("PDF documents (*.pdf)"));
        if (target.isEmpty())
            return false;
    }
    QString error;
    const QList<AuditEvent> events = m_historyFromServer ? m_events : QList<AuditEvent>();
    if (!ApprovalSlip::writePdf(*m_item, *m_organization, m_routes, events, target, &error)) {
        MessageBox::warning(this, tr("Approval slip"), error);
        return false;
    }
    return true;
}

void ReviewPane::printSlip()
{
    if (!m_item || !m_organization)
        return;
    ApprovalSlip::printWithDialog(this, *m_item, *m_organization, m_routes,
                                  m_historyFromServer ? m_events : QList<AuditEvent>());
}

const Attachment *ReviewPane::attachmentAt(int row) const
{
    if (!m_item || !m_item->latest() || row < 0 || row >= m_item->latest()->content.attachments.size())
        return nullptr;
    return &m_item->latest()->content.attachments.at(row);
}

QString ReviewPane::openAttachment(int row, bool launch)
{
    const Attachment *a = attachmentAt(row);
    if (!a)
        return {};
    const QString name = BlobStore::safeFileName(a->fileName);
    QString error;
    if (!m_session->blobs().contains(a->sha256)) {
        MessageBox::information(this, tr("Open attachment"),
                                tr("\"%1\" is not on this computer yet: download it first.").arg(name));
        return {};
    }
    if (!m_session->blobs().verify(a->sha256, &error)) {
        MessageBox::warning(this, tr("Open attachment"),
                            tr("\"%1\" is damaged on this computer and is not opened: %2").arg(name, error));
        return {};
    }
    if (!m_openDir || !m_openDir->isValid())
        m_openDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"baosong-review-XXXXXX"_s));
    const QString folder = m_openDir->filePath(QString::fromLatin1(a->sha256.toHex()));
    const QString target = QDir(folder).filePath(name);
    if (!QFileInfo::exists(target)) {
        if (!QDir().mkpath(folder) || !QFile::copy(m_session->blobs().pathOf(a->sha256), target)) {
            MessageBox::warning(this, tr("Open attachment"),
                                tr("Could not make a copy of \"%1\" to open it in %2.")
                                    .arg(name, QDir::toNativeSeparators(folder)));
            return {};
        }
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ReadUser);
    }
    if (launch)
        QDesktopServices::openUrl(QUrl::fromLocalFile(target));
    return target;
}

bool ReviewPane::saveAttachmentCopy(int row, const QString &path)
{
    const Attachment *a = attachmentAt(row);
    if (!a)
        return false;
    const QString name = BlobStore::safeFileName(a->fileName);
    QString error;
    if (!m_session->blobs().contains(a->sha256) || !m_session->blobs().verify(a->sha256, &error)) {
        MessageBox::warning(this, tr("Save a copy"),
                            error.isEmpty()
                                ? tr("\"%1\" is not on this computer yet: download it first.").arg(name)
                                : tr("\"%1\" is damaged on this computer: %2").arg(name, error));
        return false;
    }
    QString target = path;
    if (target.isEmpty()) {
        target = FileDialog::getSaveFileName(
            this, tr("Save a copy of the attachment"),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name));
        if (target.isEmpty())
            return false;
    }
    if (QFileInfo::exists(target))
        QFile::remove(target);
    if (!QFile::copy(m_session->blobs().pathOf(a->sha256), target)) {
        MessageBox::warning(this, tr("Save a copy"),
                            tr("Could not save \"%1\" as %2.").arg(name, QDir::toNativeSeparators(target)));
        return false;
    }
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void ReviewPane::downloadMissing()
{
    if (!m_item)
        return;
    const QString itemId = m_item->id;
    for (const Attachment &a : m_item->latest()->content.attachments) {
        if (m_session->blobs().contains(a.sha256))
            continue;
        Transfer *t = m_session->transfers().download(a.sha256, itemId, a.size);
        if (!t)
            continue;
        if (t->state() == Transfer::State::Done)
            continue;
        ++m_downloading;
        auto done = [this, itemId] {
            if (--m_downloading == 0) {
                if (itemId == m_itemId)
                    reload();
                emit downloadsFinished(itemId);
            }
        };
        connect(t, &Transfer::finished, this, done, Qt::SingleShotConnection);
        connect(
            t, &Transfer::failed, this,
            [this, done](const QString &message, const QByteArray &) {
                m_ui->statusLabel->setText(tr("A download failed: %1").arg(message));
                m_ui->statusLabel->show();
                done();
            },
            Qt::SingleShotConnection);
    }
    if (m_downloading == 0) {
        reload();
        emit downloadsFinished(itemId);
    } else {
        m_ui->downloadAttachmentsButton->setEnabled(false);
    }
}

} // namespace baosong
