#include "ColumnHealthDialog.h"
#include "ui_ColumnHealthDialog.h"

#include "Colours.h"
#include "DisplayText.h"
#include "Organization.h"

#include <QHeaderView>
#include <QStandardItemModel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
// The deadline colours say the same here: due soon, overdue.
QColor stateColour(ColumnHealthState state)
{
    switch (state) {
    case ColumnHealthState::DueSoon:
        return deadlineColour(DeadlineState::DueSoon);
    case ColumnHealthState::Stale:
    case ColumnHealthState::Empty:
        return deadlineColour(DeadlineState::Breached);
    case ColumnHealthState::Fresh:
        break;
    }
    return {};
}
} // namespace

ColumnHealthDialog::ColumnHealthDialog(const Organization *organization, const QString &myUnitId,
                                       QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ColumnHealthDialog>())
    , m_organization(organization)
    , m_myUnitId(myUnitId)
    , m_model(new QStandardItemModel(this))
{
    m_ui->setupUi(this);
    m_ui->columnTable->setModel(m_model);
    m_ui->columnTable->verticalHeader()->hide();
    m_ui->myUnitCheck->setVisible(!myUnitId.isEmpty());
    connect(m_ui->myUnitCheck, &QCheckBox::toggled, this, &ColumnHealthDialog::fill);
    fill();
}

ColumnHealthDialog::~ColumnHealthDialog() = default;

void ColumnHealthDialog::setHealth(const std::optional<SiteHealth> &health)
{
    m_health = health;
    fill();
}

void ColumnHealthDialog::fill()
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("Column"), tr("Responsible units"), tr("Update every"), tr("Last update"), tr("State")});
    if (!m_health) {
        m_ui->summaryLabel->setText(tr("The column health has not been fetched from the server yet: it "
                                       "comes with the next sync."));
        m_ui->warningLabel->hide();
        return;
    }
    const SiteHealth &h = *m_health;
    m_ui->summaryLabel->setText(
        tr("Not updated in time: %1 (an inspection fails the site at %2). Not updated for half a year: %3 "
           "(at %4). Empty: %5 (at %6).")
            .arg(h.stale.count)
            .arg(h.stale.limit)
            .arg(h.longUnupdated.count)
            .arg(h.longUnupdated.limit)
            .arg(h.empty.count)
            .arg(h.empty.limit));
    const QStringList messages = h.messages();
    m_ui->warningLabel->setText(messages.join(u'\n'));
    m_ui->warningLabel->setVisible(!messages.isEmpty());
    m_ui->warningLabel->setStyleSheet(u"color: %1; font-weight: bold"_s.arg(errorColour().name()));
    const bool mine = m_ui->myUnitCheck->isChecked();
    for (const ColumnHealth &c : h.columns) {
        if (mine && !c.responsibleUnitIds.contains(m_myUnitId))
            continue;
        QStringList units;
        for (const QString &id : c.responsibleUnitIds) {
            const Unit *u = m_organization ? m_organization->unit(id) : nullptr;
            units << (u ? u->name : id);
        }
        const Column *column = m_organization ? m_organization->column(c.columnId) : nullptr;
        QString name = c.name;
        if (column && !column->parentId.isEmpty()) {
            if (const Column *parent = m_organization->column(column->parentId))
                name = parent->name + u" / "_s + c.name;
        }
        QString state = displayName(c.state);
        if (c.state == ColumnHealthState::DueSoon)
            state = tr("%1 (%n day(s) left)", nullptr, c.daysLeft).arg(state);
        else if (c.state == ColumnHealthState::Stale)
            state = tr("%1 (%n day(s) over)", nullptr, -c.daysLeft).arg(state);
        if (c.longUnupdated)
            state += tr(", not updated for half a year");
        QList<QStandardItem *> row{
            new QStandardItem(name), new QStandardItem(units.join(tr(", "))),
            new QStandardItem(c.intervalDays > 0 ? tr("%n day(s)", nullptr, c.intervalDays)
                                                 : tr("no interval")),
            new QStandardItem(c.lastPublished.isValid() ? dateText(chinaDate(c.lastPublished)) : tr("never")),
            new QStandardItem(state)};
        row[1]->setToolTip(row[1]->text()); // the column is kept narrow: every unit in the tooltip
        row[3]->setData(c.lastPublished, Qt::UserRole);
        if (const QColor colour = stateColour(c.state); colour.isValid())
            row[4]->setForeground(colour);
        row[4]->setData(c.columnId, Qt::UserRole);
        m_model->appendRow(row);
    }
    m_ui->columnTable->resizeColumnsToContents();
    // A column shared by many units would push the state out of sight.
    m_ui->columnTable->setColumnWidth(1, std::min(m_ui->columnTable->columnWidth(1), 320));
    m_ui->columnTable->horizontalHeader()->setStretchLastSection(true);
}

} // namespace baosong
