#include "BatchApproveDialog.h"
#include "ui_BatchApproveDialog.h"

#include "ClientSession.h"
#include "DecisionDialog.h"
#include "MessageBox.h"
#include "Organization.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace baosong {

QString BatchApproveDialog::Report::text() const
{
    QStringList lines;
    lines << BatchApproveDialog::tr("%n item(s) approved here; they are sent with the next sync.", nullptr,
                                    int(queued.size()));
    if (!refused.isEmpty()) {
        lines << BatchApproveDialog::tr("%n item(s) not approved:", nullptr, int(refused.size()));
        for (const auto &[title, reason] : refused)
            lines << BatchApproveDialog::tr("• %1: %2").arg(title, reason);
    }
    return lines.join(u'\n');
}

QList<BatchApproveDialog::Entry> BatchApproveDialog::plan(const Person &person, const QList<Item> &items,
                                                          const RouteEngine &routes,
                                                          const Organization *organization, bool attested)
{
    QList<Entry> out;
    for (const Item &item : items) {
        Entry e;
        e.itemId = item.id;
        e.title = item.latest() ? item.latest()->content.title : item.id;
        const std::optional<Stage> stage = routes.currentStage(item);
        e.stageName = stage ? stage->displayName() : displayName(item.state);
        e.lastStage = stage && routes.isLastStage(item, stage->id);
        e.request.action = Action::Approve;
        e.request.baseRevision = item.latestNumber();
        e.request.stageId = item.stageId;
        e.request.confidentialityAttested = e.lastStage && attested;
        const Verdict v = routes.check(person, item, e.request, organization);
        e.allowed = v.allowed();
        e.outcome = v ? DecisionDialog::outcome(item, routes) : v.reason;
        out.append(e);
    }
    return out;
}

BatchApproveDialog::BatchApproveDialog(ClientSession *session, const Organization *organization,
                                       const QStringList &itemIds, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BatchApproveDialog>())
    , m_session(session)
    , m_organization(organization)
    , m_routes(RouteEngine::builtin())
{
    m_ui->setupUi(this);
    if (organization) {
        if (const Person *p = organization->person(session->personId()))
            m_person = *p;
    }
    for (const QString &id : itemIds) {
        if (std::optional<Item> item = session->store().item(id))
            m_items.append(*item);
        else
            m_missing.append(id);
    }
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setObjectName(u"okButton"_s);
    connect(m_ui->attestCheck, &QCheckBox::toggled, this, &BatchApproveDialog::replan);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &BatchApproveDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &BatchApproveDialog::reject);
    replan();
}

BatchApproveDialog::~BatchApproveDialog() = default;

void BatchApproveDialog::replan()
{
    m_entries.clear();
    if (m_person)
        m_entries = plan(*m_person, m_items, m_routes, m_organization, m_ui->attestCheck->isChecked());
    for (Entry &e : m_entries) {
        if (e.allowed && m_session->sync().hasQueuedDecision(e.itemId)) {
            e.allowed = false;
            e.outcome = tr("You decided on it already; the decision waits to be sent.");
        }
    }
    if (!m_person) {
        for (const Item &item : std::as_const(m_items)) {
            Entry e;
            e.itemId = item.id;
            e.title = item.latest() ? item.latest()->content.title : item.id;
            e.outcome = tr("Sign in first: who you are is not known yet.");
            m_entries.append(e);
        }
    }
    for (const QString &id : std::as_const(m_missing)) {
        Entry e;
        e.itemId = id;
        e.title = id;
        e.outcome = tr("The item is not in the local store; sync first.");
        m_entries.append(e);
    }

    bool anyLast = false;
    int allowed = 0;
    m_ui->planTree->clear();
    for (const Entry &e : std::as_const(m_entries)) {
        auto *row = new QTreeWidgetItem(m_ui->planTree, {e.title, e.stageName, e.outcome});
        row->setData(0, Qt::UserRole, e.itemId);
        row->setIcon(2, QIcon::fromTheme(e.allowed ? u"dialog-ok-apply"_s : u"dialog-cancel"_s));
        row->setToolTip(2, e.outcome);
        if (!e.allowed)
            row->setForeground(2, QColor(0xb0, 0x00, 0x20));
        anyLast = anyLast || e.lastStage;
        allowed += e.allowed ? 1 : 0;
    }
    for (int c = 0; c < m_ui->planTree->columnCount(); ++c)
        m_ui->planTree->resizeColumnToContents(c);
    m_ui->attestCheck->setVisible(anyLast);
    const int refused = int(m_entries.size()) - allowed;
    m_ui->summaryLabel->setText(
        refused > 0 ? tr("%n item(s) will be approved; ", nullptr, allowed) +
                          tr("%n item(s) can't be approved (see why above).", nullptr, refused)
                    : tr("%n item(s) will be approved.", nullptr, allowed));
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok)) {
        ok->setEnabled(allowed > 0);
        ok->setText(tr("&Approve %n item(s)", nullptr, allowed));
    }
}

BatchApproveDialog::Report BatchApproveDialog::queueAll()
{
    Report report;
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.allowed) {
            report.refused.append({e.title, e.outcome});
            continue;
        }
        QString error;
        if (m_session->sync().queueAction(e.itemId, e.request, &error)) {
            report.queued.append(e.itemId);
            emit decided(e.itemId);
        } else {
            report.refused.append({e.title, error});
        }
    }
    m_report = report;
    return report;
}

void BatchApproveDialog::accept()
{
    const Report report = queueAll();
    if (report.refused.isEmpty())
        MessageBox::information(this, tr("Approve several items"), report.text());
    else
        MessageBox::warning(this, tr("Approve several items"), report.text());
    QDialog::accept();
}

} // namespace baosong
