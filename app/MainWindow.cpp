#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AuditDialog.h"
#include "BatchApproveDialog.h"
#include "ClientSession.h"
#include "ColumnChange.h"
#include "ColumnHealthDialog.h"
#include "ColumnTreeModel.h"
#include "ColumnsDialog.h"
#include "DraftAutosave.h"
#include "EditorWindow.h"
#include "FileDialog.h"
#include "ItemEditor.h"
#include "ItemListModel.h"
#include "LocalStore.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "Notifier.h"
#include "Organization.h"
#include "RegisterDialog.h"
#include "ReviewPane.h"
#include "Settings.h"
#include "StatisticsDialog.h"
#include "SyncStatusWidget.h"
#include "WordListsDialog.h"

#include <QActionGroup>

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

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
    m_ui->itemTable->horizontalHeader()->setStretchLastSection(false);
    m_ui->itemTable->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->itemTable->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &MainWindow::showColumnMenu);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    // The views take the rows they need; the column tree the rest of the pane.
    m_ui->viewList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_ui->viewList->setFixedHeight(4 * (m_ui->viewList->fontMetrics().height() + 6) +
                                   2 * m_ui->viewList->frameWidth() + 4);
    m_ui->navigationSplitter->setChildrenCollapsible(false);

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
    connect(m_ui->actionColumnHealth, &QAction::triggered, this, &MainWindow::showColumnHealth);
    connect(m_ui->actionStatistics, &QAction::triggered, this, &MainWindow::showStatistics);
    connect(m_ui->actionRegister, &QAction::triggered, this, &MainWindow::showRegister);
    connect(m_ui->actionAuditLog, &QAction::triggered, this, &MainWindow::showAuditLog);
    connect(m_ui->actionNewDraft, &QAction::triggered, this, &MainWindow::newDraft);
    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::openSelected);
    connect(m_ui->actionWithdraw, &QAction::triggered, this, &MainWindow::withdrawSelected);
    connect(m_ui->actionDeleteDraft, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(m_ui->actionSignOut, &QAction::triggered, this, &MainWindow::signOut);
    connect(m_ui->actionSwitchProfile, &QAction::triggered, this, &MainWindow::switchProfile);
    connect(m_ui->itemTable, &QAbstractItemView::activated, this, &MainWindow::openSelected);
    auto *languages = new QActionGroup(this);
    for (QAction *a : {m_ui->actionLanguageSystem, m_ui->actionLanguageChinese, m_ui->actionLanguageEnglish})
        languages->addAction(a);
    const QString language = m_settings->language();
    (language == "zh_CN"_L1 ? m_ui->actionLanguageChinese
     : language == "en"_L1  ? m_ui->actionLanguageEnglish
                            : m_ui->actionLanguageSystem)
        ->setChecked(true);
    connect(m_ui->actionLanguageSystem, &QAction::triggered, this, [this] { chooseLanguage({}); });
    connect(m_ui->actionLanguageChinese, &QAction::triggered, this, [this] { chooseLanguage(u"zh_CN"_s); });
    connect(m_ui->actionLanguageEnglish, &QAction::triggered, this, [this] { chooseLanguage(u"en"_s); });
    connect(m_ui->columnTree, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        const QString id = m_columnModel->columnId(index);
        m_columnFilter = id == m_columnFilter ? QString() : id;
        if (m_columnFilter.isEmpty())
            m_ui->columnTree->clearSelection();
        applyView();
    });
    connect(m_ui->viewList, &QListWidget::currentRowChanged, this, &MainWindow::applyView);
    // Filters by kind, unit and state, within the view.
    m_ui->kindFilter->addItem(tr("All kinds"), QString());
    for (ItemKind k : {ItemKind::Disclosure, ItemKind::CollectiveDecision, ItemKind::News, ItemKind::Repost})
        m_ui->kindFilter->addItem(displayName(k), toString(k));
    m_ui->unitFilter->addItem(tr("All units"), QString());
    for (const Unit &u : m_organization->units)
        m_ui->unitFilter->addItem(u.name, u.id);
    m_ui->stateFilter->addItem(tr("All states"), QString());
    for (WorkflowState st :
         {WorkflowState::Draft, WorkflowState::InReview, WorkflowState::Returned, WorkflowState::Published,
          WorkflowState::SentToMunicipal, WorkflowState::Retracted})
        m_ui->stateFilter->addItem(displayName(st), toString(st));
    for (QComboBox *combo : {m_ui->kindFilter, m_ui->unitFilter, m_ui->stateFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyView);
    // Keyboard: J and K move down and up the list (Enter opens).
    auto *down = new QShortcut(QKeySequence(Qt::Key_J), m_ui->itemTable);
    auto *up = new QShortcut(QKeySequence(Qt::Key_K), m_ui->itemTable);
    down->setContext(Qt::WidgetShortcut);
    up->setContext(Qt::WidgetShortcut);
    auto move = [this](int step) {
        const int rows = m_itemModel->rowCount();
        if (rows == 0)
            return;
        const int row = std::clamp(m_ui->itemTable->currentIndex().row() + step, 0, rows - 1);
        m_ui->itemTable->setCurrentIndex(m_itemModel->index(row, 0));
        m_ui->itemTable->selectRow(row);
    };
    connect(down, &QShortcut::activated, this, [move] { move(1); });
    connect(up, &QShortcut::activated, this, [move] { move(-1); });
    // The menus show the list's keys (they act where the list has the focus, so typing is never taken).
    auto *next = new QAction(tr("Next item") + u"\tJ"_s, this);
    auto *previous = new QAction(tr("Previous item") + u"\tK"_s, this);
    next->setObjectName(u"actionNextItem"_s);
    previous->setObjectName(u"actionPreviousItem"_s);
    connect(next, &QAction::triggered, this, [move] { move(1); });
    connect(previous, &QAction::triggered, this, [move] { move(-1); });
    m_ui->menuItem->insertActions(m_ui->actionOpen, {next, previous});
    m_ui->menuItem->insertSeparator(m_ui->actionOpen);
    for (const auto &[action, key] :
         {std::pair{m_ui->actionApprove, u"A"_s}, std::pair{m_ui->actionReturn, u"R"_s}}) {
        const QString onToolbar = action->iconText(); // the key in the menu only
        action->setText(action->text() + u'\t' + key);
        action->setIconText(onToolbar);
    }
    // A Word or WPS document (.docx) opened as a new draft.
    m_newFromDocument = new QAction(tr("New from &Word document…"), this);
    m_newFromDocument->setObjectName(u"actionNewFromDocument"_s);
    {
        const QList<QAction *> fileActions = m_ui->menuFile->actions();
        const qsizetype at = fileActions.indexOf(m_ui->actionNewDraft);
        m_ui->menuFile->insertAction(fileActions.value(at + 1), m_newFromDocument);
    }
    connect(m_newFromDocument, &QAction::triggered, this, [this] {
        const QStringList files =
            FileDialog::getOpenFileNames(this, tr("Open a Word document"), {}, tr("Word documents (*.docx)"));
        if (!files.isEmpty())
            newDraftFromDocument(files.constFirst());
    });
    // Help: the route and the keys, in short.
    auto *guide = new QAction(tr("&Quick guide"), this);
    guide->setObjectName(u"actionGuide"_s);
    connect(guide, &QAction::triggered, this, &MainWindow::showGuide);
    m_ui->menuHelp->insertAction(m_ui->actionAbout, guide);
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(200);
    connect(&m_reloadTimer, &QTimer::timeout, this, &MainWindow::reloadItems);
    setUpViews(); // lists the first page

    restoreGeometry(m_settings->mainWindowGeometry());
    restoreState(m_settings->mainWindowState());
    m_ui->mainSplitter->restoreState(m_settings->mainSplitterState());
    m_ui->navigationSplitter->restoreState(m_settings->navigationSplitterState());
    connect(m_ui->itemTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

bool MainWindow::offersWordLists() const
{
    return m_ui->actionWordLists->isVisible();
}

ColumnsDialog *MainWindow::showColumns()
{
    if (!m_session || !m_ui->actionColumns->isVisible())
        return nullptr;
    if (!m_columns) {
        m_columns = new ColumnsDialog(m_session, m_organization, this);
        m_columns->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_columns->show();
    m_columns->raise();
    m_columns->activateWindow();
    return m_columns;
}

void MainWindow::organizationChanged()
{
    const QString filter = m_columnFilter;
    m_columnModel->setOrganization(*m_organization);
    m_ui->columnTree->expandAll();
    if (!filter.isEmpty() && !m_organization->column(filter))
        m_columnFilter.clear();
    applyView();
    if (m_columns)
        m_columns->reload();
}

WordListsDialog *MainWindow::showWordLists()
{
    if (!m_session || !offersWordLists())
        return nullptr;
    auto *dialog = new WordListsDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

// ---- session -----------------------------------------------------------------------------------------

void MainWindow::attachSession(ClientSession *session)
{
    m_session = session;
    if (const Person *p = m_organization->person(session->personId()))
        m_person = *p;
    m_syncStatus = new SyncStatusWidget(&session->sync(), this);
    statusBar()->addPermanentWidget(m_syncStatus);
    connect(m_syncStatus, &SyncStatusWidget::signInRequested, this, &MainWindow::signInRequested);
    connect(m_ui->actionSyncNow, &QAction::triggered, &session->sync(), &SyncEngine::retryNow);
    connect(&session->sync(), &SyncEngine::itemsChanged, this, &MainWindow::scheduleReload);
    connect(&session->sync(), &SyncEngine::conflictsChanged, this, &MainWindow::scheduleReload);
    // The mass deletion guard: the user decides whether the server's deletions apply here.
    connect(&session->sync(), &SyncEngine::deletionsHeld, this, [this](int count, int localItems) {
        if (!m_session)
            return;
        const bool apply =
            MessageBox::question(
                this, tr("Many items deleted on the server"),
                tr("The server says %1 of the %2 items on this computer were deleted. Nothing has been "
                   "removed yet.\n\nDelete them on this computer too? Choose No to keep them here (they "
                   "stay on this computer only).")
                    .arg(count)
                    .arg(localItems)) == QMessageBox::Yes;
        m_session->sync().decideHeldDeletions(apply);
    });
    // Shown whether or not notifications are on: the user may have steps to take again.
    connect(&session->sync(), &SyncEngine::serverRestored, this,
            [this](const QStringList &resent, const QStringList &attention) {
                if (!resent.isEmpty() || !attention.isEmpty())
                    m_banner->showNotice(Notifications::restored(resent, attention));
            });
    connect(m_syncStatus, &SyncStatusWidget::rebuildRequested, this, &MainWindow::rebuildStore);
    connect(
        session, &ClientSession::storeDamaged, this,
        [this](const QString &message) {
            if (MessageBox::question(this, tr("The local store is damaged"),
                                     message + u"\n\n"_s + tr("Rebuild the local store from the server now?"),
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::Yes) == QMessageBox::Yes)
                rebuildStore();
        },
        Qt::QueuedConnection); // not inside the sync engine's call that found the damage
    connect(session, &ClientSession::storeRebuilt, this, &MainWindow::scheduleReload);
    // The review pane: the selected item as the site will show it, its changes, attachments, checks,
    // route and history, and the decisions on it.
    m_review = new ReviewPane(session, m_organization, this);
    m_review->setObjectName(u"reviewPane"_s);
    m_ui->mainSplitter->addWidget(m_review);
    m_ui->mainSplitter->setStretchFactor(2, 2);
    if (!m_ui->mainSplitter->restoreState(m_settings->mainSplitterState())) {
        // First run: the views and columns narrow, the list and the review pane sharing the rest.
        const int navigation = m_ui->columnTree->fontMetrics().horizontalAdvance(u'中') * 16;
        const int rest = std::max(width() - navigation, 600);
        m_ui->mainSplitter->setSizes({navigation, rest * 3 / 5, rest * 2 / 5});
    }
    connect(m_review, &ReviewPane::decided, this, &MainWindow::scheduleReload);
    connect(m_ui->itemTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_review && current.isValid())
                    m_review->showItem(m_itemModel->itemId(current));
            });
    connect(m_ui->actionApprove, &QAction::triggered, this, [this] {
        if (m_review && !m_review->itemId().isEmpty())
            m_review->decide(DecisionDialog::Mode::Approve);
    });
    connect(m_ui->actionReturn, &QAction::triggered, this, [this] {
        if (m_review && !m_review->itemId().isEmpty())
            m_review->decide(DecisionDialog::Mode::Return);
    });
    connect(m_ui->actionApproveSelected, &QAction::triggered, this, &MainWindow::approveSelected);
    // In the list: A approves, R returns (the list has the focus, so typing elsewhere is not taken).
    auto *approveKey = new QShortcut(QKeySequence(Qt::Key_A), m_ui->itemTable);
    approveKey->setContext(Qt::WidgetShortcut);
    connect(approveKey, &QShortcut::activated, m_ui->actionApprove, &QAction::trigger);
    auto *returnKey = new QShortcut(QKeySequence(Qt::Key_R), m_ui->itemTable);
    returnKey->setContext(Qt::WidgetShortcut);
    connect(returnKey, &QShortcut::activated, m_ui->actionReturn, &QAction::trigger);
    setUpViews();
    const QString person = m_person ? m_person->name : session->personId();
    m_title = m_organization->exampleData
                  ? tr("Baosong — %1 — %2 (example data)").arg(person, m_organization->name)
                  : tr("Baosong — %1 — %2").arg(person, m_organization->name);
    m_notifier = new Notifier(session, m_settings, this);
    m_ui->actionNotifications->setChecked(m_notifier->isEnabled());
    m_ui->actionKeepSessionInFile->setChecked(m_settings->keepTokenInFile());
    connect(m_ui->actionKeepSessionInFile, &QAction::toggled, this, [this](bool inFile) {
        m_settings->setKeepTokenInFile(inFile);
        m_settings->sync();
        m_session->setKeepTokenInFile(inFile);
        statusBar()->showMessage(m_session->credentials().notice(), 15000);
    });
    connect(m_ui->actionNotifications, &QAction::toggled, m_notifier, &Notifier::setEnabled);
    // The word lists and detectors of the content checks: the site administrator's page (the server
    // refuses anyone else's change too).
    const bool siteAdministrator =
        m_person && std::any_of(m_person->grants.cbegin(), m_person->grants.cend(),
                                [](const RoleGrant &g) { return g.role == Role::SiteAdministrator; });
    m_ui->actionWordLists->setVisible(siteAdministrator);
    // The audit reader: for the auditor and the administrators (the server refuses anyone else).
    m_ui->actionAuditLog->setVisible(
        m_person && (m_person->hasRole(Role::Auditor) || m_person->hasRole(Role::Administrator)));
    connect(m_ui->actionWordLists, &QAction::triggered, this, &MainWindow::showWordLists);
    // The column tree: the office director, site administrators and administrators.
    m_ui->actionColumns->setVisible(m_person && ColumnChange::mayManage(*m_person));
    connect(m_ui->actionColumns, &QAction::triggered, this, &MainWindow::showColumns);
    connect(m_notifier, &Notifier::waitingCountChanged, this, [this] {
        updateTitle();
        updateViewCounts();
    });
    // News shows in the window, above the list, until opened or closed (a tray, where there is one,
    // shows it too).
    m_banner = new NoticeBanner(this);
    m_ui->centralLayout->insertWidget(0, m_banner);
    connect(m_banner, &NoticeBanner::openRequested, this, &MainWindow::openNotice);
    connect(m_notifier, &Notifier::notified, this, [this](const Notification &n) {
        if (m_notifier->isEnabled())
            m_banner->showNotice(n);
    });
    updateTitle();
    updateActions();
    // Read now: an editor opened before the deferred call marks its own draft.
    const QString toRecover = DraftAutosave::draftToRecover(*m_settings);
    if (!toRecover.isEmpty())
        QTimer::singleShot(0, this, [this, toRecover] { recoverDraft(toRecover); });
}

void MainWindow::openNotice(const Notification &notification)
{
    switch (notification.kind) {
    case Notification::Kind::Queue:
        showView(ItemView::WaitingForMe);
        break;
    case Notification::Kind::Returned:
    case Notification::Kind::Restored:
        showView(ItemView::MyDrafts);
        break;
    case Notification::Kind::Published:
        showView(ItemView::Published);
        break;
    }
    const QString itemId = notification.itemIds.value(0);
    int row = selectItem(itemId);
    if (row < 0 && !itemId.isEmpty()) { // the list's reload after the sync may still be due
        m_reloadTimer.stop();
        reloadItems();
        row = selectItem(itemId);
    }
    if (row >= 0)
        m_ui->itemTable->setCurrentIndex(m_itemModel->index(row, 0)); // and the review pane shows it
    m_ui->itemTable->setFocus();
}

int MainWindow::selectItem(const QString &itemId)
{
    for (int row = 0; row < m_itemModel->rowCount() && !itemId.isEmpty(); ++row) {
        if (m_itemModel->itemId(m_itemModel->index(row, 0)) == itemId) {
            m_ui->itemTable->selectRow(row);
            return row;
        }
    }
    return -1;
}

void MainWindow::updateTitle()
{
    const int waiting = m_notifier ? m_notifier->waitingCount() : 0;
    // The count badge: how many items wait for my decision.
    setWindowTitle(waiting > 0 ? tr("(%1) %2").arg(waiting).arg(m_title) : m_title);
}

void MainWindow::recoverDraft(const QString &id)
{
    if (id.isEmpty() || !m_session || m_editor)
        return;
    const std::optional<Item> item = m_session->store().item(id);
    if (!item) {
        // Never saved (an empty new draft): nothing to reopen.
        if (m_settings->editorRecoveryDraftId() == id) {
            m_settings->setEditorRecoveryDraftId({});
            m_settings->sync();
        }
        return;
    }
    if (openItem(id)) {
        MessageBox::information(this, tr("Draft reopened"),
                                tr("Baosong did not close normally last time. The draft \"%1\" you were "
                                   "editing has been reopened as it was last saved.")
                                    .arg(item->latest() ? item->latest()->content.title : id));
    }
}

// ---- views -----------------------------------------------------------------------------------------

void MainWindow::setUpViews()
{
    const QSignalBlocker blocker(m_ui->viewList);
    m_ui->viewList->clear();
    if (!m_person) {
        auto *all = new QListWidgetItem(tr("All items"), m_ui->viewList);
        all->setData(Qt::UserRole, QString());
    } else {
        for (ItemView v : ItemViews::all()) {
            auto *entry = new QListWidgetItem(ItemViews::displayName(v), m_ui->viewList);
            entry->setData(Qt::UserRole, ItemViews::key(v));
            entry->setToolTip(ItemViews::description(v));
        }
    }
    // A reviewer with something waiting starts on 待我处理; everyone else on their drafts.
    const QHash<QString, int> counts = updateViewCounts();
    const int waitingRow = m_person ? int(ItemViews::all().indexOf(ItemView::WaitingForMe)) : -1;
    m_ui->viewList->setCurrentRow(
        waitingRow >= 0 && counts.value(ItemViews::key(ItemView::WaitingForMe)) > 0 ? waitingRow : 0);
    applyView();
}

QString MainWindow::currentViewKey() const
{
    const QListWidgetItem *current = m_ui->viewList->currentItem();
    return current ? current->data(Qt::UserRole).toString() : QString();
}

void MainWindow::showView(ItemView view)
{
    for (int i = 0; i < m_ui->viewList->count(); ++i) {
        if (m_ui->viewList->item(i)->data(Qt::UserRole).toString() == ItemViews::key(view))
            m_ui->viewList->setCurrentRow(i);
    }
}

ItemFilter MainWindow::currentFilter() const
{
    ItemFilter filter;
    if (const std::optional<ItemView> view = ItemViews::fromKey(currentViewKey()); view && m_person)
        filter = ItemViews::filterFor(*view, *m_person, RouteEngine::builtin(), m_organization);
    if (!m_columnFilter.isEmpty())
        filter.columnIds = {m_columnFilter};
    if (const std::optional<ItemKind> kind = itemKindFromString(m_ui->kindFilter->currentData().toString()))
        filter.kinds = {*kind};
    if (const QString unit = m_ui->unitFilter->currentData().toString(); !unit.isEmpty())
        filter.unitIds = {unit};
    if (const std::optional<WorkflowState> state =
            workflowStateFromString(m_ui->stateFilter->currentData().toString())) {
        // Within the view: a state the view does not list gives nothing.
        if (filter.states.isEmpty() || filter.states.contains(*state))
            filter.states = {*state};
        else
            filter.stages = QList<ItemFilter::StageClause>();
    }
    return filter;
}

void MainWindow::applyView()
{
    m_itemModel->setFilter(currentFilter());
    if (m_itemModel->canFetchMore({}))
        m_itemModel->fetchMore({});
    applyColumnLayout();
    updateActions();
    updateStatus();
}

namespace {

// The columns a view shows until the user chooses others (the title always).
QList<int> defaultColumns(const std::optional<ItemView> &view)
{
    using M = ItemListModel;
    if (!view)
        return {M::TitleColumn,  M::KindColumn,  M::UnitColumn,
                M::ColumnColumn, M::StateColumn, M::InfoDateColumn};
    switch (*view) {
    case ItemView::MyDrafts:
        return {M::TitleColumn, M::KindColumn, M::ColumnColumn, M::StateColumn, M::InfoDateColumn};
    case ItemView::WaitingForMe: // who wrote it and what it is: in the review pane beside the list
        return {M::TitleColumn, M::UnitColumn, M::StageColumn, M::AgeColumn, M::DeadlineColumn};
    case ItemView::Sent:
        return {M::TitleColumn, M::StateColumn, M::StageColumn, M::InfoDateColumn};
    case ItemView::Published:
        return {M::TitleColumn, M::UnitColumn, M::ColumnColumn, M::InfoDateColumn};
    }
    return {M::TitleColumn};
}

// A column's default width, in widths of a Chinese character (the title stretches).
int defaultWidthInChars(int column)
{
    using M = ItemListModel;
    switch (column) {
    case M::AuthorColumn:
    case M::AgeColumn:
        return 4;
    case M::KindColumn:
    case M::StateColumn:
    case M::UnitColumn:
    case M::ColumnColumn:
        return 5;
    case M::InfoDateColumn:
    case M::DeadlineColumn:
        return 6;
    case M::StageColumn:
        return 8;
    default:
        return 20;
    }
}

} // namespace

void MainWindow::saveColumnLayout()
{
    if (m_layoutView)
        m_settings->setListHeaderState(*m_layoutView, m_ui->itemTable->horizontalHeader()->saveState());
}

void MainWindow::applyColumnLayout()
{
    const QString key = currentViewKey();
    if (m_layoutView == key)
        return;
    saveColumnLayout();
    m_layoutView = key;
    QHeaderView *header = m_ui->itemTable->horizontalHeader();
    const QByteArray saved = m_settings->listHeaderState(key);
    if (!saved.isEmpty() && header->restoreState(saved) && header->count() == ItemListModel::ColumnCount)
        return;
    const QList<int> shown = defaultColumns(m_person ? ItemViews::fromKey(key) : std::nullopt);
    const int unit = m_ui->itemTable->fontMetrics().horizontalAdvance(u'中');
    for (int c = 0; c < ItemListModel::ColumnCount; ++c) {
        header->moveSection(header->visualIndex(c), c);
        header->setSectionHidden(c, !shown.contains(c));
        header->setSectionResizeMode(c, c == ItemListModel::TitleColumn ? QHeaderView::Stretch
                                                                        : QHeaderView::Interactive);
        if (c != ItemListModel::TitleColumn)
            header->resizeSection(c, defaultWidthInChars(c) * unit + 16);
    }
}

void MainWindow::showColumnMenu(const QPoint &at)
{
    QHeaderView *header = m_ui->itemTable->horizontalHeader();
    QMenu menu(this);
    menu.setObjectName(u"columnMenu"_s);
    for (int c = 0; c < ItemListModel::ColumnCount; ++c) {
        if (c == ItemListModel::TitleColumn)
            continue;
        QAction *show = menu.addAction(m_itemModel->headerData(c, Qt::Horizontal).toString());
        show->setCheckable(true);
        show->setChecked(!header->isSectionHidden(c));
        connect(show, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.addSeparator();
    QAction *reset = menu.addAction(tr("Default columns"));
    connect(reset, &QAction::triggered, this, [this] {
        m_settings->setListHeaderState(currentViewKey(), {});
        m_layoutView.reset();
        applyColumnLayout();
    });
    menu.exec(header->mapToGlobal(at));
}

QHash<QString, int> MainWindow::updateViewCounts()
{
    QHash<QString, int> counts;
    for (int i = 0; i < m_ui->viewList->count(); ++i) {
        QListWidgetItem *entry = m_ui->viewList->item(i);
        const std::optional<ItemView> view = ItemViews::fromKey(entry->data(Qt::UserRole).toString());
        if (!view || !m_person) {
            entry->setText(tr("All items"));
            continue;
        }
        const int n =
            m_store->count(ItemViews::filterFor(*view, *m_person, RouteEngine::builtin(), m_organization));
        counts.insert(ItemViews::key(*view), n);
        entry->setText(n > 0 ? tr("%1 (%2)").arg(ItemViews::displayName(*view)).arg(n)
                             : ItemViews::displayName(*view));
    }
    return counts;
}

void MainWindow::scheduleReload()
{
    m_reloadTimer.start();
}

void MainWindow::reloadItems()
{
    const QString selected = selectedItemId();
    m_itemModel->reload();
    if (m_itemModel->canFetchMore({}))
        m_itemModel->fetchMore({});
    const bool stillListed = selectItem(selected) >= 0;
    // The item left the list (decided, sent on, another view): the review pane no longer shows it.
    if (m_review && !stillListed && !m_review->itemId().isEmpty())
        m_review->showItem({});
    updateViewCounts();
    updateActions();
    updateStatus();
}

// ---- actions on items ----------------------------------------------------------------------------------

QStringList MainWindow::selectedItemIds() const
{
    QModelIndexList rows = m_ui->itemTable->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids.append(m_itemModel->itemId(row));
    return ids;
}

void MainWindow::rebuildStore()
{
    if (!m_session)
        return;
    const ClientSession::RebuildResult result = m_session->rebuildFromServer();
    if (result.ok && result.unreadable == 0)
        MessageBox::information(this, tr("Local store rebuilt"), result.message);
    else
        MessageBox::warning(this,
                            result.ok ? tr("Local store rebuilt") : tr("The local store was not rebuilt"),
                            result.message);
    scheduleReload();
}

void MainWindow::approveSelected()
{
    const QStringList ids = selectedItemIds();
    if (!m_session || !m_person || ids.isEmpty())
        return;
    auto *dialog = new BatchApproveDialog(m_session, m_organization, ids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BatchApproveDialog::decided, this, &MainWindow::scheduleReload);
    dialog->open();
}

QString MainWindow::selectedItemId() const
{
    const QModelIndexList rows = m_ui->itemTable->selectionModel()->selectedRows();
    if (rows.size() == 1)
        return m_itemModel->itemId(rows.first());
    const QModelIndex current = m_ui->itemTable->currentIndex();
    return rows.isEmpty() && current.isValid() ? m_itemModel->itemId(current) : QString();
}

void MainWindow::updateActions()
{
    const bool signedIn = m_session && m_person;
    // Only what the person's roles can ever do is offered (not greyed out for good): drafting for a
    // correspondent, deciding for a reviewer.
    const bool drafts = signedIn && m_person->hasRole(Role::Correspondent);
    const bool reviews = signedIn && RouteEngine::builtin().decidesAnyStage(*m_person);
    for (QAction *a :
         {m_ui->actionNewDraft, m_newFromDocument, m_ui->actionWithdraw, m_ui->actionDeleteDraft})
        a->setVisible(drafts);
    m_newFromDocument->setEnabled(drafts);
    for (QAction *a : {m_ui->actionApprove, m_ui->actionReturn, m_ui->actionApproveSelected})
        a->setVisible(reviews);
    m_ui->actionNewDraft->setEnabled(drafts);
    m_ui->actionSyncNow->setEnabled(m_session != nullptr);
    m_ui->actionSignOut->setEnabled(m_session && m_session->isSignedIn());
    m_ui->actionSwitchProfile->setEnabled(m_session != nullptr);
    // What may be done with the selected item: the route engine's rules (the server decides again).
    const QString id = selectedItemId();
    const std::optional<Item> item = id.isEmpty() ? std::nullopt : m_store->item(id);
    const RouteEngine &routes = RouteEngine::builtin();
    const bool editable = signedIn && item && routes.mayEdit(*m_person, *item);
    m_ui->actionOpen->setEnabled(editable || (m_review && item.has_value()));
    m_ui->actionWithdraw->setEnabled(signedIn && item && routes.mayTake(*m_person, *item, Action::Withdraw));
    m_ui->actionDeleteDraft->setEnabled(signedIn && item && routes.mayTake(*m_person, *item, Action::Delete));
    const bool waiting = signedIn && item && routes.isWaitingFor(*m_person, *item, m_organization);
    m_ui->actionApprove->setEnabled(waiting);
    m_ui->actionReturn->setEnabled(waiting);
    m_ui->actionApproveSelected->setEnabled(signedIn &&
                                            m_ui->itemTable->selectionModel()->selectedRows().size() > 1);
}

EditorWindow *MainWindow::editor() const
{
    return m_editor.data();
}

EditorWindow *MainWindow::openItem(const QString &itemId)
{
    if (!m_session || !m_person)
        return nullptr;
    const std::optional<Item> item = m_store->item(itemId);
    if (!item || !RouteEngine::builtin().mayEdit(*m_person, *item))
        return nullptr;
    if (m_editor) {
        if (m_editor->itemId() == itemId) {
            m_editor->raise();
            m_editor->activateWindow();
            return m_editor;
        }
        m_editor->close(); // saves it
    }
    m_editor = new EditorWindow(m_session, m_organization, m_settings, this);
    connect(m_editor, &EditorWindow::itemChanged, this, &MainWindow::scheduleReload);
    connectEditor(m_editor);
    m_editor->setItem(*item);
    m_editor->show();
    return m_editor;
}

void MainWindow::connectEditor(EditorWindow *editor)
{
    // After the editor's signal has returned: opening another item closes (and deletes) it.
    connect(editor, &EditorWindow::openItemRequested, this,
            [this](const QString &id) { QTimer::singleShot(0, this, [this, id] { openItem(id); }); });
}

EditorWindow *MainWindow::newDraft()
{
    if (!m_session || !m_person)
        return nullptr;
    if (m_editor)
        m_editor->close();
    m_editor = new EditorWindow(m_session, m_organization, m_settings, this);
    connect(m_editor, &EditorWindow::itemChanged, this, &MainWindow::scheduleReload);
    connectEditor(m_editor);
    m_editor->setItem(EditorWindow::newDraft(*m_organization, m_person->id));
    m_editor->show();
    return m_editor;
}

EditorWindow *MainWindow::newDraftFromDocument(const QString &path)
{
    EditorWindow *editor = newDraft();
    if (editor && !editor->editor()->importDocument(path)) {
        editor->close(); // nothing was written: no empty draft is left behind
        return nullptr;
    }
    return editor;
}

void MainWindow::openSelected()
{
    const QString id = selectedItemId();
    if (id.isEmpty())
        return;
    // My draft or returned item opens in the editor; any other goes to the review pane.
    if (!openItem(id) && m_review) {
        m_review->showItem(id);
        m_review->setFocus();
    }
}

void MainWindow::withdrawSelected()
{
    const QString id = selectedItemId();
    const std::optional<Item> item = id.isEmpty() ? std::nullopt : m_store->item(id);
    if (!item || !m_session)
        return;
    const QString title = item->latest() ? item->latest()->content.title : id;
    if (MessageBox::question(this, tr("Withdraw"),
                             tr("Take \"%1\" back from review? It becomes a draft again; you can change it "
                                "and submit it anew.")
                                 .arg(title)) != QMessageBox::Yes)
        return;
    ActionRequest r;
    r.action = Action::Withdraw;
    QString error;
    if (!m_session->sync().queueAction(id, r, &error))
        MessageBox::critical(this, tr("Not withdrawn"), error);
    scheduleReload();
}

void MainWindow::deleteSelected()
{
    const QString id = selectedItemId();
    const std::optional<Item> item = id.isEmpty() ? std::nullopt : m_store->item(id);
    if (!item || !m_session)
        return;
    const QString title = item->latest() ? item->latest()->content.title : id;
    if (MessageBox::question(this, tr("Delete draft"),
                             tr("Delete the draft \"%1\"? This cannot be undone.").arg(title)) !=
        QMessageBox::Yes)
        return;
    ActionRequest r;
    r.action = Action::Delete;
    QString error;
    if (!m_session->sync().queueAction(id, r, &error))
        MessageBox::critical(this, tr("Not deleted"), error);
    scheduleReload();
}

void MainWindow::signOut()
{
    if (!m_session)
        return;
    if (MessageBox::question(
            this, tr("Sign out"),
            tr("Sign out of %1? Your drafts and the items on this computer stay, and what waits "
               "to be sent is sent after you sign in again.")
                .arg(m_session->serverUrl().toString())) != QMessageBox::Yes)
        return;
    m_session->signOut();
    updateActions();
}

void MainWindow::switchProfile()
{
    const std::optional<QString> name = MessageBox::getText(
        this, tr("Switch server or account"),
        tr("Each server and account has a profile of its own, so their data stay apart. Name of the profile "
           "to open (a new name makes a new profile):"));
    const QString safe = QString(name.value_or(QString())).replace(QRegularExpression(u"[^\\w.-]"_s), u"_"_s);
    if (!name || safe.isEmpty())
        return;
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                               .filePath(u"profiles/"_s + safe);
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--profile"_s, folder}))
        close();
    else
        MessageBox::critical(this, tr("Switch server or account"), tr("Baosong could not be started again."));
}

void MainWindow::chooseLanguage(const QString &language)
{
    m_settings->setLanguage(language);
    m_settings->sync();
    MessageBox::information(this, tr("Language"),
                            tr("The new language is used the next time Baosong starts."));
}

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

AuditDialog *MainWindow::showAuditLog()
{
    if (!m_session || !m_person)
        return nullptr;
    if (!m_auditLog) {
        m_auditLog = new AuditDialog(m_session, m_organization, this);
        m_auditLog->search();
    }
    m_auditLog->show();
    m_auditLog->raise();
    return m_auditLog;
}

StatisticsDialog *MainWindow::showStatistics()
{
    if (!m_session || !m_person)
        return nullptr;
    if (!m_statistics) {
        m_statistics = new StatisticsDialog(m_session, this);
        const QDate today = chinaToday();
        m_statistics->fetch(today.year(), (today.month() - 1) / 3 + 1);
    }
    m_statistics->show();
    m_statistics->raise();
    return m_statistics;
}

RegisterDialog *MainWindow::showRegister()
{
    if (!m_session || !m_person)
        return nullptr;
    if (!m_register) {
        m_register = new RegisterDialog(m_session, m_organization, this);
        const QDate today = chinaToday();
        m_register->fetch(StatisticsPeriod::quarter(today.year(), (today.month() - 1) / 3 + 1));
    }
    m_register->show();
    m_register->raise();
    return m_register;
}

ColumnHealthDialog *MainWindow::showColumnHealth()
{
    if (!m_session || !m_person)
        return nullptr;
    if (!m_columnHealth) {
        m_columnHealth = new ColumnHealthDialog(m_organization, m_person->unitId, this);
        connect(&m_session->sync(), &SyncEngine::columnHealthChanged, m_columnHealth,
                [this] { m_columnHealth->setHealth(m_session->sync().columnHealth()); });
    }
    m_columnHealth->setHealth(m_session->sync().columnHealth());
    m_columnHealth->show();
    m_columnHealth->raise();
    return m_columnHealth;
}

void MainWindow::showAbout()
{
    MessageBox::information(
        this, tr("About Baosong"),
        tr("Baosong (报送) drafts web-site items, routes them through approval and "
           "publishes them, following the bureau's web-site regulation.\n\nLocal store: %1")
            .arg(m_store->path()));
}

void MainWindow::showGuide()
{
    MessageBox::information(
        this, tr("Quick guide"),
        tr("How an item goes:\n"
           "1. A correspondent drafts it (Ctrl+N) and submits it for review.\n"
           "2. Each stage of its route approves it (A) or returns it with a reason (R): for news the unit "
           "head, then the office director; for disclosure the unit head, then the leader in charge; for "
           "a collective decision the unit head; for a repost the site administrator. Nobody decides "
           "their own item or two stages of one.\n"
           "3. After the last stage it is published on the site.\n\n"
           "Keys in the list: J next, K previous, Enter open, A approve, R return, F5 sync now. In the "
           "editor: Ctrl+S save, Esc close (the text is kept).\n\n"
           "What waits to be sent is marked in the list; nothing is lost offline."));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_editor)
        m_editor->close(); // saves the draft, asks nothing
    m_settings->setMainWindowGeometry(saveGeometry());
    m_settings->setMainWindowState(saveState());
    m_settings->setMainSplitterState(m_ui->mainSplitter->saveState());
    saveColumnLayout();
    m_settings->setNavigationSplitterState(m_ui->navigationSplitter->saveState());
    m_settings->sync();
    // Quitting with actions not yet sent: said, and they are kept for the next start.
    if (m_session) {
        const SyncEngine::OutboxCounts counts = m_session->sync().outboxCounts();
        if (const int unsent = counts.pending + counts.conflicts + counts.refused; unsent > 0)
            MessageBox::information(this, tr("Not sent yet"),
                                    tr("%n action(s) are not sent to the server yet. They are kept on this "
                                       "computer and sent the next time Baosong reaches the server.",
                                       nullptr, unsent));
    }
    event->accept();
}

} // namespace baosong
