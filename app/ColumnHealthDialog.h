#pragma once

// Column health (issue #18 point 1, docs/design.md §5): every column with its responsible units, its
// expected interval, its last update and its state, coloured as deadlines are; above them the site's
// standing against the inspection's counts. The figures are the server's (SyncEngine::columnHealth);
// nothing is computed here.

#include "ColumnHealth.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ColumnHealthDialog;
}

class QStandardItemModel;

namespace baosong {

class Organization;

class ColumnHealthDialog : public QDialog
{
    Q_OBJECT

public:
    // `organization` names the units; `myUnitId` filters to the person's own columns on request.
    ColumnHealthDialog(const Organization *organization, const QString &myUnitId, QWidget *parent = nullptr);
    ~ColumnHealthDialog() override;

    // Shows `health` (nullopt: not fetched yet), as of `fetchedAt`.
    void setHealth(const std::optional<SiteHealth> &health);
    QStandardItemModel *model() const { return m_model; }

private:
    void fill();

    std::unique_ptr<Ui::ColumnHealthDialog> m_ui;
    const Organization *m_organization;
    QString m_myUnitId;
    std::optional<SiteHealth> m_health;
    QStandardItemModel *m_model;
};

} // namespace baosong
