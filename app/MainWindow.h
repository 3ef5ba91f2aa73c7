#pragma once

// The client's main window: the column tree of the organization, the items of the local store with
// search as you type, and a status line that says which store is open. Thin: it binds models and
// calls core.

#include <QMainWindow>
#include <QTimer>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace baosong {

class ColumnTreeModel;
class ItemListModel;
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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void applySearch();
    void updateStatus();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    LocalStore *m_store;
    const Organization *m_organization;
    Settings *m_settings;
    ColumnTreeModel *m_columnModel;
    ItemListModel *m_itemModel;
    QTimer m_searchTimer;
};

} // namespace baosong
