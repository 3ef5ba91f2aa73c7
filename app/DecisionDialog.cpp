#include "DecisionDialog.h"
#include "ui_DecisionDialog.h"

#include "Checks.h"
#include "Deadline.h"
#include "DocumentHtml.h"
#include "HtmlSanitizer.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace baosong {

DecisionDialog::DecisionDialog(Mode mode, const Item &item, const Person &person, const RouteEngine &routes,
                               const Organization *organization, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DecisionDialog>())
    , m_mode(mode)
    , m_item(item)
    , m_person(person)
    , m_routes(routes)
    , m_organization(organization)
{
    m_ui->setupUi(this);
    const QString title = item.latest() ? item.latest()->content.title : item.id;
    const std::optional<Stage> stage = routes.currentStage(item);
    const bool approving = mode == Mode::Approve || mode == Mode::ApproveWithEdits;
    const bool last = stage && routes.isLastStage(item, stage->id);

    switch (mode) {
    case Mode::Approve:
        setWindowTitle(tr("Approve"));
        break;
    case Mode::ApproveWithEdits:
        setWindowTitle(tr("Approve with minor edits"));
        break;
    case Mode::Return:
        setWindowTitle(tr("Return to the author"));
        m_ui->reasonLabel->setText(tr("&Reason (required; the author sees it):"));
        break;
    case Mode::Comment:
        setWindowTitle(tr("Comment"));
        m_ui->reasonLabel->setText(tr("&Comment:"));
        break;
    }
    QString summary = tr("\"%1\", revision %2.").arg(title).arg(item.latestNumber());
    if (stage)
        summary += u' ' + tr("Stage: %1.").arg(stage->displayName());
    if (approving)
        summary += u' ' + outcome(item, routes);
    else if (mode == Mode::Return)
        summary += u' ' + tr("The item goes back to its author, who revises and submits it again.");
    m_ui->summaryLabel->setText(summary);

    m_ui->editBox->setVisible(mode == Mode::ApproveWithEdits);
    if (mode == Mode::ApproveWithEdits && item.latest()) {
        m_ui->titleEdit->setText(item.latest()->content.title);
        m_ui->bodyEdit->setHtml(item.latest()->content.bodyHtml);
        m_ui->bodyEdit->document()->setModified(false);
    }
    m_ui->attestCheck->setVisible(approving && last);
    const bool municipalEnd = approving && last && stage->end && *stage->end == RouteEnd::MunicipalPlatform;
    m_ui->publishCheck->setVisible(municipalEnd);

    connect(m_ui->reasonEdit, &QPlainTextEdit::textChanged, this, &DecisionDialog::update);
    connect(m_ui->attestCheck, &QCheckBox::toggled, this, &DecisionDialog::update);
    connect(m_ui->publishCheck, &QCheckBox::toggled, this, &DecisionDialog::update);
    connect(m_ui->overrideEdit, &QLineEdit::textChanged, this, &DecisionDialog::update);
    connect(m_ui->titleEdit, &QLineEdit::textChanged, this, &DecisionDialog::update);
    connect(m_ui->bodyEdit, &QTextEdit::textChanged, this, &DecisionDialog::update);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &DecisionDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &DecisionDialog::reject);
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok)) {
        ok->setObjectName(u"okButton"_s);
        switch (mode) {
        case Mode::Approve:
        case Mode::ApproveWithEdits:
            ok->setText(tr("&Approve"));
            break;
        case Mode::Return:
            ok->setText(tr("&Return"));
            break;
        case Mode::Comment:
            ok->setText(tr("&Comment"));
            break;
        }
    }
    update();
}

DecisionDialog::~DecisionDialog() = default;

QString DecisionDialog::outcome(const Item &item, const RouteEngine &routes)
{
    const std::optional<Stage> stage = routes.currentStage(item);
    if (!stage)
        return tr("The item is not at a stage of its route.");
    if (!routes.isLastStage(item, stage->id)) {
        const std::optional<Stage> next = routes.stage(item, stage->next);
        return tr("Approved, it goes on to \"%1\".").arg(next ? next->displayName() : stage->next);
    }
    if (item.proposal == Proposal::Retraction)
        return tr("Approved, it is retracted from the site.");
    if (stage->end && *stage->end == RouteEnd::MunicipalPlatform)
        return tr("Approved, it is sent to the municipal platform.");
    if (item.proposal == Proposal::Change)
        return tr("Approved, the change is published on the site (it replaces the live version).");
    return tr("Approved, it is published on the site.");
}

ActionRequest DecisionDialog::request() const
{
    ActionRequest r;
    switch (m_mode) {
    case Mode::Approve:
    case Mode::ApproveWithEdits:
        r.action = Action::Approve;
        break;
    case Mode::Return:
        r.action = Action::Return;
        break;
    case Mode::Comment:
        r.action = Action::Comment;
        break;
    }
    r.baseRevision = m_item.latestNumber();
    if (r.action != Action::Comment)
        r.stageId = m_item.stageId;
    r.reason = m_ui->reasonEdit->toPlainText().trimmed();
    if (r.action == Action::Approve) {
        r.confidentialityAttested = !m_ui->attestCheck->isHidden() && m_ui->attestCheck->isChecked();
        r.publishOnBureauSite = m_ui->publishCheck->isChecked();
        r.overrideReason = m_ui->overrideEdit->text().trimmed();
    }
    if (m_mode == Mode::ApproveWithEdits && m_item.latest()) {
        RevisionContent content = m_item.latest()->content;
        content.title = m_ui->titleEdit->text().trimmed();
        if (m_ui->bodyEdit->document()->isModified()) {
            const HtmlSanitizer sanitizer(HtmlSanitizer::policyForAttachments(content.attachments));
            content.bodyHtml = documentToHtml(*m_ui->bodyEdit->document(), sanitizer);
        }
        if (content != m_item.latest()->content)
            r.content = content;
    }
    return r;
}

Verdict DecisionDialog::verdict() const
{
    return verdictOf(request());
}

Verdict DecisionDialog::verdictOf(const ActionRequest &r) const
{
    if (m_mode == Mode::ApproveWithEdits && !r.content)
        return Verdict{Refusal::ContentRequired, tr("Make the minor edits first, or approve without edits.")};
    if (m_mode == Mode::ApproveWithEdits && r.content->title.isEmpty())
        return Verdict{Refusal::ContentRequired, tr("The title can't be empty.")};
    if (m_mode == Mode::Comment && r.reason.isEmpty())
        return Verdict{Refusal::ReasonRequired, tr("Write the comment first.")};
    return m_routes.check(m_person, m_item, r, m_organization);
}

void DecisionDialog::update()
{
    // An override is asked for only where the server would refuse without one: publishing a major policy
    // document without its interpretation (Art. 10), or past the 15-day limit (Art. 15), which the
    // publisher decides again (docs/api.md "Checks").
    const ActionRequest r = request();
    const RevisionContent *content =
        r.content ? &*r.content : (m_item.latest() ? &m_item.latest()->content : nullptr);
    const bool lastStage = m_routes.isLastStage(m_item, m_item.stageId);
    const bool needsInterpretation =
        r.action == Action::Approve && content &&
        m_routes.publishesWithoutInterpretation(m_item, m_item.stageId, *content, r.publishOnBureauSite);
    // Art. 15 as core/Checks decides it.
    const bool breached = r.action == Action::Approve && lastStage && content &&
                          Checks::limitBreached(m_item, *content, Deadline(), chinaToday());
    m_ui->overrideLabel->setVisible(needsInterpretation || breached);
    m_ui->overrideEdit->setVisible(needsInterpretation || breached);
    if (breached && !needsInterpretation)
        m_ui->overrideEdit->setPlaceholderText(
            tr("Why it is published after the 15-day limit of Art. 15 (recorded)"));
    else if (needsInterpretation)
        m_ui->overrideEdit->setPlaceholderText(
            tr("Why it may be published without its interpretation (recorded)"));
    // The server refuses a breached limit without a reason: so does the dialog.
    if (breached && r.overrideReason.isEmpty()) {
        m_ui->verdictLabel->setText(tr("The limit for publishing this information (Art. 15) has passed: "
                                       "give the reason it is published anyway."));
        m_ui->verdictLabel->setVisible(true);
        if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
            ok->setEnabled(false);
        return;
    }
    const Verdict v = verdictOf(r);
    m_ui->verdictLabel->setText(v ? QString() : v.reason);
    m_ui->verdictLabel->setVisible(!v);
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(v.allowed());
}

void DecisionDialog::accept()
{
    if (!verdict())
        return;
    QDialog::accept();
}

} // namespace baosong
