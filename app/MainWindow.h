#pragma once

// The client's main window: the navigation (the views of client/ItemViews, with counts, narrowed by the
// column tree), the items of the local store with search as you type, the actions on them, and the
// sync status area. Thin: it binds models and calls core. Without a session (the offline demo) it
// lists every item of the store.

#include "Domain.h"
#include "ItemViews.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace baosong {

class ClientSession;
class AuditDialog;
class ColumnHealthDialog;
class ColumnsDialog;
class RegisterDialog;
class StatisticsDialog;
class ColumnTreeModel;
class EditorWindow;
class ItemListModel;
class NoticeBanner;
class Notifier;
struct Notification;
class ReviewPane;
class SyncStatusWidget;
class WordListsDialog;
class LocalStore;
class Organization;
class Settings;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `store`, `organization` and `settings` must outlive the window.
    MainWindow(LocalStore *store, const Organization *organization, Settings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ItemListModel *itemModel() const { return m_itemModel; }
    ColumnTreeModel *columnModel() const { return m_columnModel; }

    // Works for the signed-in person of `session` (views, editing, actions, sync status); reopens a
    // draft left open by a crash. `session` must outlive the window.
    void attachSession(ClientSession *session);
    // The view shown (ItemViews::key), or empty for "all items" (no session).
    QString currentViewKey() const;
    void showView(ItemView view);
    // Opens the item in the editor (drafts and returned items of mine); the window, or null.
    EditorWindow *openItem(const QString &itemId);
    EditorWindow *newDraft();
    // Oversight → Column health (the server's figures, as last fetched); null without a session.
    ColumnHealthDialog *showColumnHealth();
    // Oversight → Statistics (the current quarter first); null without a session.
    StatisticsDialog *showStatistics();
    // Oversight → Accountability register (the current quarter first); null without a session.
    RegisterDialog *showRegister();
    // Oversight → Audit log (for the auditor and the administrators); null without a session.
    AuditDialog *showAuditLog();
    // A new draft from a Word document (ItemEditor::importDocument); null when it can't be read.
    EditorWindow *newDraftFromDocument(const QString &path);
    EditorWindow *editor() const;
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    Notifier *notifier() const { return m_notifier; }
    NoticeBanner *noticeBanner() const { return m_banner; }
    ReviewPane *reviewPane() const { return m_review; }
    // The ids of the selected rows, in list order.
    QStringList selectedItemIds() const;
    // Approves the selected items together (BatchApproveDialog); returns the dialog (shown).
    void approveSelected();
    // The word lists and content checks page (site administrators only: the Settings menu shows it to
    // them alone); the dialog (shown), or null for anyone else.
    WordListsDialog *showWordLists();
    // Whether the Settings menu offers that page.
    bool offersWordLists() const;
    // Settings → Columns (the office director, site administrators, administrators: ColumnChange::
    // mayManage); the dialog (shown), or null for anyone else.
    ColumnsDialog *showColumns();
    // The organization (MainWindow's pointer) was fetched again: the column tree and lists follow.
    void organizationChanged();

signals:
    // The user asked to sign in again.
    void signInRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void applySearch();
    void updateStatus();
    void showAbout();
    void setUpViews();
    void applyView();
    // Shows each view's count; returns them by view key.
    QHash<QString, int> updateViewCounts();
    void scheduleReload();
    void connectEditor(EditorWindow *editor);
    // Rebuilds the damaged local store from the server after asking (ClientSession::rebuildFromServer).
    void rebuildStore();
    void reloadItems();
    void updateActions();
    QString selectedItemId() const;
    void openSelected();
    void withdrawSelected();
    void deleteSelected();
    void signOut();
    void switchProfile();
    void chooseLanguage(const QString &language);
    void showGuide();
    void recoverDraft(const QString &id);
    void updateTitle();
    // The list's columns for the view shown: as the user left them there, or the view's defaults.
    void applyColumnLayout();
    void saveColumnLayout();
    void showColumnMenu(const QPoint &at);
    // Selects the item's row when it is listed: the row, or -1.
    int selectItem(const QString &itemId);
    // The list's filter: the current view's for the signed-in person, with the kind, unit, state and
    // column chosen.
    ItemFilter currentFilter() const;
    void openNotice(const Notification &notification);

    std::unique_ptr<Ui::MainWindow> m_ui;
    LocalStore *m_store;
    const Organization *m_organization;
    Settings *m_settings;
    ColumnTreeModel *m_columnModel;
    ItemListModel *m_itemModel;
    QTimer m_searchTimer;
    QTimer m_reloadTimer;
    ClientSession *m_session = nullptr;
    std::optional<Person> m_person;
    QString m_columnFilter;
    SyncStatusWidget *m_syncStatus = nullptr;
    Notifier *m_notifier = nullptr;
    NoticeBanner *m_banner = nullptr;
    QAction *m_newFromDocument = nullptr;
    ReviewPane *m_review = nullptr;
    QString m_title;
    std::optional<QString> m_layoutView; // the view whose column layout the list shows
    QPointer<EditorWindow> m_editor;
    QPointer<ColumnHealthDialog> m_columnHealth;
    QPointer<StatisticsDialog> m_statistics;
    QPointer<RegisterDialog> m_register;
    QPointer<AuditDialog> m_auditLog;
    QPointer<ColumnsDialog> m_columns;
};

} // namespace baosong
