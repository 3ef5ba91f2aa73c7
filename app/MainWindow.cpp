#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "ColumnTreeModel.h"
#include "ItemListModel.h"
#include "LocalStore.h"
#include "MessageBox.h"
#include "Organization.h"
#include "Settings.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>

namespace baosong {

MainWindow::MainWindow(LocalStore *store, const Organization *organization, Settings *settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_store(store)
    , m_organization(organization)
    , m_settings(settings)
    , m_columnModel(new ColumnTreeModel(this))
    , m_itemModel(new ItemListModel(store, organization, this))
{
    m_ui->setupUi(this);
    setWindowTitle(organization->exampleData ? tr("Baosong — %1 (example data)").arg(organization->name)
                                             : tr("Baosong — %1").arg(organization->name));

    m_columnModel->setOrganization(*organization);
    m_ui->columnTree->setModel(m_columnModel);
    m_ui->columnTree->expandAll();
    m_ui->columnTree->header()->setSectionResizeMode(ColumnTreeModel::NameColumn,
                                                     QHeaderView::ResizeToContents);

    m_ui->itemTable->setModel(m_itemModel);
    m_ui->itemTable->verticalHeader()->hide();
    m_ui->itemTable->verticalHeader()->setDefaultSectionSize(m_ui->itemTable->fontMetrics().height() + 8);
    m_ui->itemTable->horizontalHeader()->setSectionResizeMode(ItemListModel::TitleColumn,
                                                              QHeaderView::Stretch);
    m_ui->itemTable->horizontalHeader()->setStretchLastSection(false);
    m_ui->mainSplitter->setStretchFactor(1, 3);

    // Search as you type: wait for a short pause in typing, then ask the store.
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(150);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(&m_searchTimer, &QTimer::timeout, this, &MainWindow::applySearch);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &MainWindow::applySearch);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->setFocus();
        m_ui->searchEdit->selectAll();
    });

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    m_itemModel->reload();
    if (m_itemModel->canFetchMore({}))
        m_itemModel->fetchMore({});
    m_ui->itemTable->resizeColumnsToContents();
    m_ui->itemTable->horizontalHeader()->setSectionResizeMode(ItemListModel::TitleColumn,
                                                              QHeaderView::Stretch);

    restoreGeometry(m_settings->mainWindowGeometry());
    restoreState(m_settings->mainWindowState());
    m_ui->mainSplitter->restoreState(m_settings->mainSplitterState());
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::applySearch()
{
    m_searchTimer.stop();
    m_itemModel->setSearchText(m_ui->searchEdit->text());
    if (m_itemModel->canFetchMore({}))
        m_itemModel->fetchMore({});
    updateStatus();
}

void MainWindow::updateStatus()
{
    const int total = m_store->itemCount();
    QString text =
        m_itemModel->searchText().isEmpty()
            ? tr("%n item(s) in the local store", nullptr, total)
            : tr("%n item(s) match \"%1\"", nullptr, m_itemModel->rowCount()).arg(m_itemModel->searchText());
    if (m_organization->exampleData)
        text += tr(" · example organization (demo data)");
    statusBar()->showMessage(text);
    statusBar()->setToolTip(tr("Local store: %1").arg(m_store->path()));
}

void MainWindow::showAbout()
{
    MessageBox::information(
        this, tr("About Baosong"),
        tr("Baosong (报送) drafts web-site items, routes them through approval and "
           "publishes them, following the bureau's web-site regulation.\n\nLocal store: %1")
            .arg(m_store->path()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setMainWindowGeometry(saveGeometry());
    m_settings->setMainWindowState(saveState());
    m_settings->setMainSplitterState(m_ui->mainSplitter->saveState());
    m_settings->sync();
    event->accept();
}

} // namespace baosong
