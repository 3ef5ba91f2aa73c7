#pragma once

// Oversight → Audit log (issue #18 point 7): the auditor and the administrators read and filter the
// audit log (by person, unit, item, type, days), page by page, see whether the chain holds over what
// was read, and export the events shown as CSV. Read-only; the server decides who may read
// (client/AuditClient, GET /api/v1/audit).

#include "AuditClient.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AuditDialog;
}

class QStandardItemModel;

namespace baosong {

class ClientSession;
class Organization;

class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    AuditDialog(ClientSession *session, const Organization *organization, QWidget *parent = nullptr);
    ~AuditDialog() override;

    // A new search with the filter shown.
    void search();
    AuditFilter filter() const;
    // Adds a page of events (the server's answer; also for tests); `fresh` starts the list again.
    void addPage(const AuditPage &page, bool fresh);
    QStandardItemModel *model() const { return m_model; }
    bool exportCsv(const QString &path);

signals:
    void pageShown();

private:
    std::unique_ptr<Ui::AuditDialog> m_ui;
    ClientSession *m_session;
    const Organization *m_organization;
    AuditClient *m_client;
    QStandardItemModel *m_model;
    qint64 m_next = 0;
    bool m_fresh = true;
    bool m_chainOk = true;
};

} // namespace baosong
