#include "ChecksPanel.h"

#include "MessageBox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
constexpr int kFieldRole = Qt::UserRole + 1;
} // namespace

ChecksPanel::ChecksPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_overrideButton(new QPushButton(tr("Override with reason…"), this))
{
    m_list->setObjectName(u"checksList"_s);
    m_summary->setObjectName(u"checksSummary"_s);
    m_overrideButton->setObjectName(u"overrideButton"_s);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(1);
    m_list->setWordWrap(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setToolTip(tr("Double-click a finding to go to its field."));
    m_overrideButton->setToolTip(
        tr("Submit despite the blocking findings; the reason you give is recorded with the submission."));
    m_summary->setWordWrap(true);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_overrideButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(bottom);

    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { activate(item); });
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { activate(item); });
    connect(m_overrideButton, &QPushButton::clicked, this, &ChecksPanel::askOverride);
    updateState();
}

void ChecksPanel::setFindings(const QList<Finding> &findings)
{
    if (findings == m_findings)
        return;
    m_findings = findings;
    m_list->clear();
    QStyle *s = style();
    for (const Finding &f : findings) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, f.message);
        item->setToolTip(0, displayName(f.severity) + u": "_s + f.message);
        item->setData(0, kFieldRole, f.field);
        switch (f.severity) {
        case Severity::Blocking:
            item->setIcon(0, s->standardIcon(QStyle::SP_MessageBoxCritical));
            break;
        case Severity::Warning:
            item->setIcon(0, s->standardIcon(QStyle::SP_MessageBoxWarning));
            break;
        case Severity::Info:
            item->setIcon(0, s->standardIcon(QStyle::SP_MessageBoxInformation));
            break;
        }
    }
    updateState();
}

bool ChecksPanel::isBlocked() const
{
    return Checks::blocks(m_findings, overrideReason());
}

QString ChecksPanel::overrideReason() const
{
    if (m_overrideReason.isEmpty())
        return {};
    for (const Finding &f : Checks::blocking(m_findings)) {
        if (!m_overridden.contains(f.key()))
            return {};
    }
    return m_overrideReason;
}

bool ChecksPanel::askOverride()
{
    if (!Checks::canOverride(m_findings))
        return false;
    QStringList what;
    for (const Finding &f : Checks::blocking(m_findings))
        what << u"• "_s + f.message;
    const std::optional<QString> answer = MessageBox::getText(
        this, tr("Override the checks"),
        tr("%1\n\nWhy should the item be submitted anyway? The reason is recorded with the submission "
           "and shown to the reviewers.")
            .arg(what.join(u'\n')),
        m_overrideReason, true);
    if (!answer)
        return false;
    if (answer->trimmed().isEmpty()) {
        MessageBox::warning(this, tr("Override the checks"),
                            tr("A reason is required to override a blocking finding. The item was not "
                               "submitted."));
        return false;
    }
    m_overrideReason = answer->trimmed();
    m_overridden.clear();
    for (const Finding &f : Checks::blocking(m_findings))
        m_overridden.insert(f.key());
    updateState();
    emit overrideChanged();
    return true;
}

void ChecksPanel::clearOverride()
{
    m_overrideReason.clear();
    m_overridden.clear();
    updateState();
    emit overrideChanged();
}

void ChecksPanel::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString field = item->data(0, kFieldRole).toString();
    if (!field.isEmpty())
        emit fieldActivated(field);
}

void ChecksPanel::updateState()
{
    int blocking = 0;
    int warnings = 0;
    for (const Finding &f : m_findings) {
        blocking += f.severity == Severity::Blocking ? 1 : 0;
        warnings += f.severity == Severity::Warning ? 1 : 0;
    }
    const QString reason = overrideReason();
    m_overrideButton->setVisible(Checks::canOverride(m_findings));
    m_overrideButton->setEnabled(Checks::canOverride(m_findings));
    if (blocking == 0)
        m_summary->setText(warnings == 0 ? tr("Ready to submit.")
                                         : tr("Ready to submit; %n warning(s).", nullptr, warnings));
    else if (!reason.isEmpty())
        m_summary->setText(tr("Overridden with the reason: %1").arg(reason));
    else if (Checks::canOverride(m_findings))
        m_summary->setText(tr("%n finding(s) block the submission; correct them or override with a reason.",
                              nullptr, blocking));
    else
        m_summary->setText(tr("%n finding(s) block the submission; correct them first.", nullptr, blocking));
}

} // namespace baosong
