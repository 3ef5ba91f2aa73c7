#pragma once

// The review pane (issue #8, docs/design.md §2, §4, §5, §11): one item as a reviewer sees it —
//   Preview      the body as the site will show it (HtmlSanitizer), attachment images from the BlobStore;
//   Changes      for a change to a published item, a revision after a return or minor edits, the diff
//                against the previous approved revision (core/ItemDiff), fields and body per character;
//   Attachments  each verified against its SHA-256 (BlobStore::verify); open, save a copy, download the
//                missing ones (Transfers::download);
//   Checks       the findings of core/Checks on the latest revision;
//   Route        every stage with who decided, when, how and what they said (this cycle; earlier
//                rounds below);
//   History      the timeline from the server's audit log (client/ItemHistory), or offline what the local
//                copy knows;
// a conflict box when an action of this item came back as a conflict (SyncEngine::conflicts(): my
// request's base revision and the server's current item, Keep mine / Take theirs), and the decisions:
// approve, approve with minor edits, return, comment (DecisionDialog), each queued in the outbox
// (SyncEngine::queueAction, offline too), and the approval slip (ApprovalSlip) as PDF or printed.
// Thin: the rules are RouteEngine's, Checks', ItemDiff's.

#include "DecisionDialog.h"
#include "HistoryModel.h"
#include "ItemDiff.h"
#include "SyncEngine.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QTemporaryDir;

namespace Ui {
class ReviewPane;
}

namespace baosong {

class ClientSession;
class Organization;
class RouteEngine;

class ReviewPane : public QWidget
{
    Q_OBJECT

public:
    // `session` and `organization` must outlive the pane.
    ReviewPane(ClientSession *session, const Organization *organization, QWidget *parent = nullptr);
    ~ReviewPane() override;

    // Shows the item (read from the local store) and asks the server for its history.
    void showItem(const QString &itemId);
    QString itemId() const { return m_itemId; }
    std::optional<Item> item() const { return m_item; }
    // Reads the item again from the local store (done on the sync engine's itemsChanged as well).
    void reload();

    // ---- what the tabs show (also for tests) ----
    QString previewHtml() const { return m_previewHtml; }
    std::optional<ItemDiff> diff() const { return m_diff; }
    HistoryModel *historyModel() const { return m_historyModel; }
    QList<AuditEvent> historyEvents() const { return m_events; }
    bool historyFromServer() const { return m_historyFromServer; }
    QList<OutboxEntry> conflicts() const { return m_conflicts; }

    // ---- actions (the buttons) ----
    // Opens the decision dialog (window-modal, not blocking); on OK the request is queued.
    DecisionDialog *decide(DecisionDialog::Mode mode);
    DecisionDialog *decisionDialog() const { return m_dialog; }
    // Resolves the shown conflict.
    bool resolveConflict(SyncEngine::Resolution resolution);
    // Writes the approval slip as PDF to `path` (asked for with FileDialog when empty).
    bool exportSlip(const QString &path = {});
    void printSlip();
    // Attachments: a read-only copy opened with the system's viewer (its path; empty on failure), a
    // copy saved where the user says, the missing ones downloaded.
    QString openAttachment(int row, bool launch = true);
    bool saveAttachmentCopy(int row, const QString &path = {});
    void downloadMissing();
    // Fetches the history again from the server.
    void refreshHistory();

signals:
    // A decision (approve, return, comment) on the item was queued in the outbox.
    void decided(const QString &itemId);
    // The history tab has its entries: from the server (true) or only the local copy (false).
    void historyLoaded(const QString &itemId, bool fromServer);
    // Downloads of missing attachments ended (each verified and stored, or failed).
    void downloadsFinished(const QString &itemId);

private:
    void clear(const QString &message);
    void showHeader();
    void showPreview();
    void showDiff();
    void showAttachments();
    void showChecks();
    void showRoute();
    void showConflicts();
    void updateButtons();
    void queue(DecisionDialog *dialog);
    std::optional<Person> me() const;
    const Attachment *attachmentAt(int row) const;
    QString personName(const QString &id) const;

    std::unique_ptr<Ui::ReviewPane> m_ui;
    ClientSession *m_session;
    const Organization *m_organization;
    const RouteEngine &m_routes;
    ItemHistory *m_history;
    HistoryModel *m_historyModel;
    QString m_itemId;
    std::optional<Item> m_item;
    QString m_previewHtml;
    std::optional<ItemDiff> m_diff;
    QList<AuditEvent> m_events;
    bool m_historyFromServer = false;
    QList<OutboxEntry> m_conflicts;
    QPointer<DecisionDialog> m_dialog;
    std::unique_ptr<QTemporaryDir> m_openDir;
    int m_downloading = 0;
};

} // namespace baosong
