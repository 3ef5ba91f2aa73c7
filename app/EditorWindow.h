#pragma once

// A draft open for editing (issue #7): the ItemEditor with autosave into the local store and the
// outbox (SyncEngine::saveDraft), submit (queued in the outbox: works offline), delete (asks first),
// and, for an item returned to its author, the reviewer's reason above the editor. Closing saves and
// asks nothing.

#include "Domain.h"
#include "RouteEngine.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class EditorWindow;
}

class QTimer;

namespace baosong {

class ClientSession;
class DraftAutosave;
class ItemEditor;
class Organization;
class Settings;

class EditorWindow : public QWidget
{
    Q_OBJECT

public:
    // `session`, `organization` and `settings` must outlive the window.
    EditorWindow(ClientSession *session, const Organization *organization, Settings *settings,
                 QWidget *parent = nullptr);
    ~EditorWindow() override;

    void setItem(const Item &item);
    QString itemId() const;
    ItemEditor *editor() const { return m_editor; }
    DraftAutosave *autosave() const { return m_autosave; }
    // The return reason shown above the editor (empty when the item was not returned).
    QString returnReason() const;

    // A new draft for the signed-in person's unit.
    static Item newDraft(const Organization &organization, const QString &personId);
    // Art. 10: the interpretation of `policy` drafted from its editor: a news item of the person's
    // unit in the first interpretation column it may be placed in (core/Checks::allowedColumns),
    // titled after the document, with its information date. Nothing when no such column exists.
    static std::optional<Item> interpretationDraft(const Organization &organization,
                                                   const RouteEngine &routes, const Item &policy,
                                                   const QString &personId);

signals:
    // The item was submitted or deleted: the lists should reload.
    void itemChanged(const QString &itemId);
    // Another item should open in the editor (this window closes, saving).
    void openItemRequested(const QString &itemId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void submit(const Item &item, const ActionRequest &request);
    // The server's answer to the submit (or a refusal of the text before it), or the wait's end.
    void submitSettled(bool applied, const QString &message);
    // Shows the refused actions of the item (the server's reason, in the client's words) above the editor.
    void showRefusals();
    void deleteDraft();
    // "Draft the interpretation…": saves the draft, links it here and asks to open it.
    void draftInterpretation(const Item &policy);
    void updateTitle();

    std::unique_ptr<Ui::EditorWindow> m_ui;
    ClientSession *m_session;
    const Organization *m_organization;
    Settings *m_settings;
    ItemEditor *m_editor;
    DraftAutosave *m_autosave;
    bool m_finished = false;
    QString m_submitActionId; // the submit whose answer the window waits for (empty: none)
    QString m_submittedTitle;
    QTimer *m_submitWait = nullptr;
};

} // namespace baosong
