#include "RegisterDialog.h"
#include "ui_RegisterDialog.h"

#include "ClientSession.h"
#include "Colours.h"
#include "DisplayText.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RegisterClient.h"
#include "RouteEngine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSet>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

constexpr int kNoticeIdRole = Qt::UserRole + 1;
constexpr int kWholeYear = 0;
constexpr int kDays = -1;

QStandardItem *cell(const QString &text, const QVariant &sortValue = {})
{
    auto *item = new QStandardItem(text);
    item->setData(sortValue.isValid() ? sortValue : QVariant(text), Qt::UserRole);
    return item;
}

QStandardItem *number(int n)
{
    QStandardItem *item = cell(QString::number(n), n);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *day(const QDate &d)
{
    return cell(dateText(d), d);
}

QStandardItem *time(const QDateTime &t)
{
    return cell(dateTimeText(t), t);
}

// Common sources of notices (the form lets any be typed).
QStringList knownSources()
{
    return {QCoreApplication::translate("RegisterDialog", "Provincial government-affairs openness office, "
                                                          "quarterly inspection"),
            QCoreApplication::translate("RegisterDialog", "Municipal government office, spot check"),
            QCoreApplication::translate("RegisterDialog",
                                        "General Office of the State Council, spot check of "
                                        "government websites")};
}

} // namespace

// ---- the notice form ---------------------------------------------------------------------------------

NoticeDialog::NoticeDialog(const Organization *organization, const InspectionNotice &notice, QWidget *parent)
    : QDialog(parent)
    , m_organization(organization)
    , m_notice(notice)
    , m_date(new QDateEdit(this))
    , m_source(new QComboBox(this))
    , m_finding(new QPlainTextEdit(this))
    , m_unit(new QComboBox(this))
    , m_followUp(new QPlainTextEdit(this))
    , m_closed(new QCheckBox(tr("Closed on"), this))
    , m_closedOn(new QDateEdit(this))
    , m_problems(new QLabel(this))
{
    setWindowTitle(notice.id.isEmpty() ? tr("New inspection notice") : tr("Inspection notice"));
    auto *form = new QFormLayout;
    const QDate today = chinaToday();
    for (QDateEdit *edit : {m_date, m_closedOn}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setMaximumDate(today);
    }
    m_date->setDate(notice.date.isValid() ? notice.date : today);
    m_closedOn->setDate(notice.closedOn.isValid() ? notice.closedOn : today);
    m_source->setEditable(true);
    m_source->addItems(knownSources());
    m_source->setCurrentText(notice.source);
    m_source->setMinimumContentsLength(40);
    if (organization) {
        for (const Unit &u : organization->units)
            m_unit->addItem(u.name, u.id);
    }
    m_unit->setCurrentIndex(std::max(0, m_unit->findData(notice.unitId)));
    if (notice.unitId.isEmpty())
        m_unit->setCurrentIndex(-1);
    m_finding->setPlainText(notice.finding);
    m_followUp->setPlainText(notice.followUp);
    m_closed->setChecked(notice.closed);
    m_closedOn->setEnabled(notice.closed);
    connect(m_closed, &QCheckBox::toggled, m_closedOn, &QWidget::setEnabled);
    m_finding->setObjectName(u"findingEdit"_s);
    m_followUp->setObjectName(u"followUpEdit"_s);
    m_source->setObjectName(u"sourceCombo"_s);
    m_unit->setObjectName(u"unitCombo"_s);
    m_closed->setObjectName(u"closedCheck"_s);
    m_closedOn->setObjectName(u"closedOnEdit"_s);
    m_date->setObjectName(u"dateEdit"_s);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Finding:"), m_finding);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("F&ollow-up:"), m_followUp);
    form->addRow(m_closed, m_closedOn);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(u"color: %1"_s.arg(errorColour().name()));
    m_problems->setObjectName(u"problemsLabel"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NoticeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NoticeDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(640, 520);
}

InspectionNotice NoticeDialog::notice() const
{
    InspectionNotice n = m_notice;
    n.date = m_date->date();
    n.source = m_source->currentText().trimmed();
    n.finding = m_finding->toPlainText().trimmed();
    n.unitId = m_unit->currentData().toString();
    n.followUp = m_followUp->toPlainText().trimmed();
    n.closed = m_closed->isChecked();
    n.closedOn = n.closed ? m_closedOn->date() : QDate();
    return n;
}

QStringList NoticeDialog::problems() const
{
    return m_organization ? InspectionNotices::problems(notice(), *m_organization, chinaToday())
                          : QStringList();
}

void NoticeDialog::accept()
{
    const QStringList why = problems();
    if (!why.isEmpty()) {
        m_problems->setText(why.join(u'\n'));
        return;
    }
    QDialog::accept();
}

// ---- the register ------------------------------------------------------------------------------------

RegisterDialog::RegisterDialog(ClientSession *session, const Organization *organization, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RegisterDialog>())
    , m_session(session)
    , m_organization(organization)
    , m_client(new RegisterClient(session ? session->network() : nullptr, this))
    , m_summary(new QStandardItemModel(this))
    , m_stale(new QStandardItemModel(this))
    , m_route(new QStandardItemModel(this))
    , m_overrides(new QStandardItemModel(this))
    , m_corrections(new QStandardItemModel(this))
    , m_late(new QStandardItemModel(this))
    , m_notices(new QStandardItemModel(this))
{
    m_ui->setupUi(this);
    for (int q = 1; q <= 4; ++q)
        m_ui->periodCombo->addItem(tr("Quarter %1").arg(q), q);
    m_ui->periodCombo->addItem(tr("Whole year"), kWholeYear);
    m_ui->periodCombo->addItem(tr("Days…"), kDays);
    const QDate today = chinaToday();
    m_ui->yearSpin->setValue(today.year());
    m_ui->periodCombo->setCurrentIndex((today.month() - 1) / 3);
    m_ui->fromEdit->setDate(QDate(today.year(), today.month(), 1));
    m_ui->toEdit->setDate(today);
    connect(m_ui->periodCombo, &QComboBox::currentIndexChanged, this, &RegisterDialog::updatePeriodControls);
    updatePeriodControls();
    const QList<std::pair<QTableView *, QStandardItemModel *>> tables{{m_ui->summaryTable, m_summary},
                                                                      {m_ui->staleTable, m_stale},
                                                                      {m_ui->routeTable, m_route},
                                                                      {m_ui->overrideTable, m_overrides},
                                                                      {m_ui->correctionTable, m_corrections},
                                                                      {m_ui->lateTable, m_late},
                                                                      {m_ui->noticeTable, m_notices}};
    for (const auto &[table, model] : tables) {
        model->setSortRole(Qt::UserRole);
        table->setModel(model);
        table->verticalHeader()->hide();
        // The summary keeps the organization's order, its total last.
        table->setSortingEnabled(table != m_ui->summaryTable);
        // Tables that end in text give it the room left; those that end in numbers keep them close.
        table->horizontalHeader()->setStretchLastSection(
            table != m_ui->summaryTable && table != m_ui->staleTable && table != m_ui->lateTable);
    }
    m_ui->csvButton->setEnabled(false);
    m_ui->addNoticeButton->setVisible(false);
    m_ui->editNoticeButton->setVisible(false);
    m_ui->closeNoticeButton->setVisible(false);
    connect(m_ui->showButton, &QPushButton::clicked, this, &RegisterDialog::fetchSelected);
    connect(m_ui->csvButton, &QPushButton::clicked, this, [this] {
        const QString suggested = m_register ? tr("Accountability register %1 to %2.csv")
                                                   .arg(m_register->period.from.toString(Qt::ISODate),
                                                        m_register->period.to.toString(Qt::ISODate))
                                             : QString();
        const QString path = FileDialog::getSaveFileName(this, tr("Export the accountability register"),
                                                         suggested, tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_ui->addNoticeButton, &QPushButton::clicked, this, &RegisterDialog::addNotice);
    connect(m_ui->editNoticeButton, &QPushButton::clicked, this, [this] { editNotice(false); });
    connect(m_ui->closeNoticeButton, &QPushButton::clicked, this, [this] { editNotice(true); });
    connect(m_ui->noticeTable, &QAbstractItemView::doubleClicked, this, [this] {
        if (m_mayWrite)
            editNotice(false);
    });
    connect(m_ui->noticeTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RegisterDialog::updateNoticeButtons);
    connect(m_client, &RegisterClient::fetched, this,
            [this](const AccountabilityRegister &r, bool mayWrite) { setRegister(r, mayWrite); });
    connect(m_client, &RegisterClient::failed, this, [this](const QString &message) {
        m_ui->statusLabel->setText(tr("The register could not be fetched: %1").arg(message));
        m_ui->showButton->setEnabled(true);
    });
    connect(m_client, &RegisterClient::noticeSaved, this, [this](const InspectionNotice &) {
        m_ui->statusLabel->setText(tr("The notice was saved."));
        fetchSelected();
    });
    connect(m_client, &RegisterClient::noticeFailed, this,
            [this](const QString &message, const QStringList &errors) {
                MessageBox::warning(this, tr("Notice not saved"),
                                    errors.isEmpty() ? message : errors.join(u'\n') + u"\n\n"_s + message);
            });
}

RegisterDialog::~RegisterDialog() = default;

void RegisterDialog::updatePeriodControls()
{
    const bool days = m_ui->periodCombo->currentData().toInt() == kDays;
    m_ui->fromEdit->setVisible(days);
    m_ui->toLabel->setVisible(days);
    m_ui->toEdit->setVisible(days);
    m_ui->yearSpin->setEnabled(!days);
}

StatisticsPeriod RegisterDialog::selectedPeriod() const
{
    const int year = m_ui->yearSpin->value();
    const int choice = m_ui->periodCombo->currentData().toInt();
    if (choice == kDays)
        return {m_ui->fromEdit->date(), m_ui->toEdit->date()};
    if (choice == kWholeYear)
        return {QDate(year, 1, 1), QDate(year, 12, 31)};
    return StatisticsPeriod::quarter(year, choice);
}

void RegisterDialog::fetchSelected()
{
    const StatisticsPeriod period = selectedPeriod();
    if (!period.isValid()) {
        m_ui->statusLabel->setText(tr("The first day must not be after the last."));
        return;
    }
    m_ui->statusLabel->setText(tr("Fetching the register from the server…"));
    m_ui->showButton->setEnabled(false);
    m_client->fetch(m_session ? m_session->endpoint() : ServerEndpoint(), period);
}

void RegisterDialog::fetch(const StatisticsPeriod &period)
{
    const int q = (period.from.month() - 1) / 3 + 1;
    int choice = kDays;
    if (period.from == StatisticsPeriod::quarter(period.from.year(), q).from &&
        period.to == StatisticsPeriod::quarter(period.from.year(), q).to)
        choice = q;
    else if (period.from == QDate(period.from.year(), 1, 1) && period.to == QDate(period.from.year(), 12, 31))
        choice = kWholeYear;
    m_ui->yearSpin->setValue(period.from.year());
    m_ui->periodCombo->setCurrentIndex(m_ui->periodCombo->findData(choice));
    m_ui->fromEdit->setDate(period.from);
    m_ui->toEdit->setDate(period.to);
    fetchSelected();
}

void RegisterDialog::setRegister(const AccountabilityRegister &r, bool mayWriteNotices)
{
    m_register = r;
    m_mayWrite = mayWriteNotices;
    m_ui->showButton->setEnabled(true);
    m_ui->csvButton->setEnabled(true);
    const auto unitName = [this](const QString &id) {
        return m_organization ? m_organization->shortUnitName(id) : id;
    };
    const auto personName = [this](const QString &id) {
        const Person *p = m_organization ? m_organization->person(id) : nullptr;
        return p ? p->name : id;
    };
    const auto stageNames = [](const QStringList &ids) {
        QStringList names;
        for (const QString &id : ids) {
            QString name = id;
            for (const ItemKind kind : allItemKinds()) {
                for (const Stage &s : RouteEngine::builtin().stages(kind, true)) {
                    if (s.id == id)
                        name = s.displayName();
                }
            }
            names << name;
        }
        return names.join(u", "_s);
    };

    // By unit, with a total.
    m_summary->clear();
    m_summary->setHorizontalHeaderLabels(QStringList{tr("Unit")} + RegisterCalculator::summaryNames());
    for (const UnitRegister &u : r.units) {
        QList<QStandardItem *> row{cell(unitName(u.unitId))};
        row[0]->setToolTip(u.name);
        for (int v : RegisterCalculator::summaryValues(u))
            row << number(v);
        if (u.hasFindings()) {
            QFont f = row[0]->font();
            f.setBold(true);
            row[0]->setFont(f);
        }
        m_summary->appendRow(row);
    }
    const UnitRegister total = RegisterCalculator::total(r.units);
    // A column shared by several units counts for each of them.
    {
        QList<QStandardItem *> row{cell(tr("Total"))};
        QFont f = row[0]->font();
        f.setBold(true);
        row[0]->setFont(f);
        const QList<int> values = RegisterCalculator::summaryValues(total);
        for (qsizetype i = 0; i < values.size(); ++i)
            row << number(values[i]);
        m_summary->appendRow(row);
    }

    const QString check = r.withoutRoute.isEmpty()
                              ? tr("Route check: %1 publication(s) of %2 item(s) in the period were checked "
                                   "against their routes; "
                                   "each had an approval at every stage its route required.")
                                    .arg(r.publicationsChecked)
                                    .arg(r.itemsChecked)
                              : tr("Route check: %1 publication(s) of %2 item(s) in the period were checked "
                                   "against their routes; "
                                   "%3 lacked an approval of a stage their route required (see Route check).")
                                    .arg(r.publicationsChecked)
                                    .arg(r.itemsChecked)
                                    .arg(r.withoutRoute.size());
    for (QLabel *label : {m_ui->checkLabel, m_ui->routeLabel}) {
        label->setText(check);
        label->setStyleSheet(r.withoutRoute.isEmpty()
                                 ? QString()
                                 : u"color: %1; font-weight: bold"_s.arg(errorColour().name()));
    }

    m_stale->clear();
    m_stale->setHorizontalHeaderLabels({tr("Column"), tr("Responsible units"), tr("Interval (days)"),
                                        tr("Last published"), tr("Stale from"), tr("Stale to"), tr("Days")});
    for (const StaleSpell &s : r.stale) {
        QStringList units;
        for (const QString &id : s.unitIds)
            units << unitName(id);
        QStandardItem *to = day(s.to);
        if (s.ongoing)
            to->setText(tr("%1 (still stale)").arg(dateText(s.to)));
        QStandardItem *last = day(s.lastPublished);
        if (s.empty())
            last->setText(tr("never (empty)"));
        m_stale->appendRow({cell(s.name), cell(units.join(u", "_s)), number(s.intervalDays), last,
                            day(s.from), to, number(s.days())});
    }

    m_route->clear();
    m_route->setHorizontalHeaderLabels(
        {tr("Time"), tr("Unit"), tr("Title"), tr("Required stages"), tr("Missing stages"), tr("Problem")});
    for (const RouteFailure &f : r.withoutRoute)
        m_route->appendRow({time(f.at), cell(unitName(f.unitId)),
                            cell(f.title.isEmpty() ? f.itemId : f.title), cell(stageNames(f.requiredStages)),
                            cell(stageNames(f.missingStages)), cell(f.problem)});

    m_overrides->clear();
    m_overrides->setHorizontalHeaderLabels(
        {tr("Time"), tr("Unit"), tr("Person"), tr("Title"), tr("Checks"), tr("Reason")});
    for (const OverrideEntry &o : r.overrides)
        m_overrides->appendRow({time(o.at), cell(unitName(o.unitId)), cell(personName(o.personId)),
                                cell(o.title.isEmpty() ? o.itemId : o.title), cell(o.checks.join(u", "_s)),
                                cell(o.reason)});

    m_corrections->clear();
    m_corrections->setHorizontalHeaderLabels(
        {tr("Time"), tr("Unit"), tr("Kind"), tr("Title"), tr("Version"), tr("Approved by"), tr("Reason")});
    for (const ChangeEntry &c : r.corrections)
        m_corrections->appendRow({time(c.at), cell(unitName(c.unitId)),
                                  cell(c.retraction ? tr("Retraction") : tr("Correction")),
                                  cell(c.title.isEmpty() ? c.itemId : c.title), number(c.revision),
                                  cell(personName(c.personId)), cell(c.reason)});

    m_late->clear();
    m_late->setHorizontalHeaderLabels(
        {tr("Unit"), tr("Title"), tr("Counted from"), tr("Limit"), tr("Published"), tr("Days")});
    for (const LateEntry &l : r.late)
        m_late->appendRow({cell(unitName(l.unitId)), cell(l.title.isEmpty() ? l.itemId : l.title),
                           day(l.deadlineFrom), day(l.limit), day(l.published), number(l.days)});

    m_notices->clear();
    m_notices->setHorizontalHeaderLabels(
        {tr("Date"), tr("Unit"), tr("Source"), tr("Finding"), tr("Closed"), tr("Follow-up")});
    for (const InspectionNotice &n : r.notices) {
        QStandardItem *date = day(n.date);
        date->setData(n.id, kNoticeIdRole);
        QStandardItem *closed =
            cell(n.closed ? tr("yes, %1").arg(dateText(n.closedOn)) : tr("no"), n.closed ? 1 : 0);
        if (!n.closed) {
            QFont f = closed->font();
            f.setBold(true);
            closed->setFont(f);
        }
        QStandardItem *finding = cell(n.finding);
        finding->setToolTip(n.finding);
        QStandardItem *followUp = cell(n.followUp);
        followUp->setToolTip(n.followUp);
        m_notices->appendRow({date, cell(unitName(n.unitId)), cell(n.source), finding, closed, followUp});
    }

    for (QTableView *table : {m_ui->summaryTable, m_ui->staleTable, m_ui->routeTable, m_ui->overrideTable,
                              m_ui->correctionTable, m_ui->lateTable, m_ui->noticeTable}) {
        table->resizeColumnsToContents();
        for (int c = 0; c < table->model()->columnCount(); ++c)
            table->setColumnWidth(c, std::min(table->columnWidth(c), 320));
    }
    // The tabs say how many entries each holds.
    m_ui->tabs->setTabText(1, tr("S&tale columns (%1)").arg(r.stale.size()));
    m_ui->tabs->setTabText(2, tr("&Route check (%1)").arg(r.withoutRoute.size()));
    m_ui->tabs->setTabText(3, tr("&Overrides (%1)").arg(r.overrides.size()));
    m_ui->tabs->setTabText(4, tr("&Corrections and retractions (%1)").arg(r.corrections.size()));
    m_ui->tabs->setTabText(5, tr("&Late items (%1)").arg(r.late.size()));
    m_ui->tabs->setTabText(6, tr("Inspection &notices (%1)").arg(r.notices.size()));

    QSet<QString> staleColumns;
    for (const StaleSpell &s : r.stale)
        staleColumns.insert(s.columnId);
    m_ui->addNoticeButton->setVisible(m_mayWrite);
    m_ui->editNoticeButton->setVisible(m_mayWrite);
    m_ui->closeNoticeButton->setVisible(m_mayWrite);
    updateNoticeButtons();
    m_ui->statusLabel->setText(tr("%1 to %2 (judged to %3): %4 column(s) left stale, %5 override(s), %6 "
                                  "correction(s), %7 retraction(s), %8 late item(s), %9 notice(s).")
                                   .arg(dateText(r.period.from), dateText(r.period.to), dateText(r.judgedTo))
                                   .arg(staleColumns.size())
                                   .arg(r.overrides.size())
                                   .arg(total.corrections)
                                   .arg(total.retractions)
                                   .arg(r.late.size())
                                   .arg(r.notices.size()));
    emit shown();
}

QString RegisterDialog::routeCheckText() const
{
    return m_ui->routeLabel->text();
}

void RegisterDialog::updateNoticeButtons()
{
    const QModelIndexList selected = m_ui->noticeTable->selectionModel()->selectedRows();
    const bool one = selected.size() == 1;
    m_ui->editNoticeButton->setEnabled(m_mayWrite && one);
    bool open = false;
    if (one) {
        const QString id = m_notices->item(selected.first().row(), 0)->data(kNoticeIdRole).toString();
        if (m_register) {
            for (const InspectionNotice &n : m_register->notices)
                open = open || (n.id == id && !n.closed);
        }
    }
    m_ui->closeNoticeButton->setEnabled(m_mayWrite && open);
}

void RegisterDialog::addNotice()
{
    InspectionNotice n;
    n.date = chinaToday();
    openNoticeForm(n);
}

void RegisterDialog::editNotice(bool closing)
{
    const QModelIndexList selected = m_ui->noticeTable->selectionModel()->selectedRows();
    if (selected.size() != 1 || !m_register)
        return;
    const QString id = m_notices->item(selected.first().row(), 0)->data(kNoticeIdRole).toString();
    for (InspectionNotice n : m_register->notices) {
        if (n.id != id)
            continue;
        if (closing && !n.closed) {
            n.closed = true;
            n.closedOn = chinaToday();
        }
        openNoticeForm(n);
        return;
    }
}

void RegisterDialog::openNoticeForm(const InspectionNotice &notice)
{
    NoticeDialog form(m_organization, notice, this);
    bool decided = false;
    connect(&form, &QDialog::finished, this, [&decided] { decided = true; });
    emit formShown(&form); // tests fill the form and accept (or reject) it here
    if (!decided)
        form.exec();
    if (form.result() != QDialog::Accepted)
        return;
    const InspectionNotice n = form.notice();
    m_ui->statusLabel->setText(tr("Saving the notice…"));
    m_client->saveNotice(m_session ? m_session->endpoint() : ServerEndpoint(), n);
    emit noticeSent(n);
}

bool RegisterDialog::exportCsv(const QString &path)
{
    if (!m_register)
        return false;
    QSaveFile file(path);
    const Organization none;
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(RegisterCalculator::csv(*m_register, m_organization ? *m_organization : none)) < 0 ||
        !file.commit()) {
        MessageBox::critical(this, tr("Not exported"),
                             tr("The register could not be written to %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_ui->statusLabel->setText(tr("Exported to %1.").arg(path));
    return true;
}

} // namespace baosong
