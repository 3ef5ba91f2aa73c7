#pragma once

// Approving several selected items at once (issue #8): the dialog asks once, listing what will happen
// to each item — the next stage or publication — and which the route engine refuses here and why
// (another unit's item, one's own, a stage not one's own…). At the last stage the confidentiality
// attestation (保密审查) is given once for all of them; without it those items are refused. On OK
// every allowed item is queued in the outbox (SyncEngine::queueAction, works offline) and a report
// per item is shown (MessageBox). Conflicts come later from the sync engine (the review pane shows
// them).

#include "Domain.h"
#include "RouteEngine.h"

#include <QDialog>

#include <memory>

namespace Ui {
class BatchApproveDialog;
}

namespace baosong {

class ClientSession;
class Organization;

class BatchApproveDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString itemId;
        QString title;
        QString stageName; // where it is now
        bool allowed = false;
        QString outcome; // what approving does, or why it is refused (translated)
        bool lastStage = false;
        ActionRequest request;
    };
    struct Report
    {
        QStringList queued;                     // item ids
        QList<QPair<QString, QString>> refused; // item id, reason (local refusals and failed queueing)
        QString text() const;                   // translated, one line per item
    };

    // The plan for `items`, as `person` approving them with or without the attestation.
    static QList<Entry> plan(const Person &person, const QList<Item> &items, const RouteEngine &routes,
                             const Organization *organization, bool attested);

    // The items are read from the session's local store (ids not there are listed as refused).
    BatchApproveDialog(ClientSession *session, const Organization *organization, const QStringList &itemIds,
                       QWidget *parent = nullptr);
    ~BatchApproveDialog() override;

    QList<Entry> entries() const { return m_entries; }
    // Queues every allowed entry (no dialog); what accept() does before showing the report.
    Report queueAll();
    Report report() const { return m_report; }

public slots:
    void accept() override;

signals:
    void decided(const QString &itemId);

private:
    void replan();

    std::unique_ptr<Ui::BatchApproveDialog> m_ui;
    ClientSession *m_session;
    const Organization *m_organization;
    const RouteEngine &m_routes;
    QList<Item> m_items;
    QStringList m_missing;
    std::optional<Person> m_person;
    QList<Entry> m_entries;
    Report m_report;
};

} // namespace baosong
