#pragma once

// A reviewer's decision on one item (issue #8, docs/design.md §2, §4): approve, approve with minor edits
// (a simple title and body edit here; the result is the approve action carrying the new content, which
// the server records as a new revision), return with a mandatory reason, or comment. What the approval
// leads to is shown (the next stage, or publication); at the last stage the confidentiality attestation
// (保密审查) is required, and a major policy document without its interpretation needs an override
// reason (Art. 10). The rules are RouteEngine::check's: OK is enabled only when it allows the request,
// and its reason is shown otherwise. The dialog only builds the ActionRequest; the caller queues it.

#include "Domain.h"
#include "RouteEngine.h"

#include <QDialog>

#include <memory>

namespace Ui {
class DecisionDialog;
}

namespace baosong {

class Organization;

class DecisionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Approve,
        ApproveWithEdits,
        Return,
        Comment,
    };

    // `routes` and `organization` (who may decide a stage, with escalation) must outlive the dialog;
    // the item and person are copied.
    DecisionDialog(Mode mode, const Item &item, const Person &person, const RouteEngine &routes,
                   const Organization *organization, QWidget *parent = nullptr);
    ~DecisionDialog() override;

    Mode mode() const { return m_mode; }
    QString itemId() const { return m_item.id; }
    // The request as filled in (base revision: the latest one the reviewer sees; the current stage).
    ActionRequest request() const;
    // RouteEngine::check of request().
    Verdict verdict() const;

    // What approving `item` now leads to, in words: the next stage, or publication (retraction…).
    static QString outcome(const Item &item, const RouteEngine &routes);

public slots:
    void accept() override;

private:
    // The checks of verdict() on a request already read from the form (the body is converted once).
    Verdict verdictOf(const ActionRequest &r) const;
    void update();

    std::unique_ptr<Ui::DecisionDialog> m_ui;
    Mode m_mode;
    Item m_item;
    Person m_person;
    const RouteEngine &m_routes;
    const Organization *m_organization;
};

} // namespace baosong
