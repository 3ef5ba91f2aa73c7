#include "ColumnsDialog.h"

#include "ClientSession.h"
#include "ColumnChange.h"
#include "ColumnHealth.h"
#include "ColumnsClient.h"
#include "Organization.h"
#include "SyncEngine.h"
#include "ui_ColumnsDialog.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

constexpr int kIdRole = Qt::UserRole;

QStringList splitKeywords(const QString &text)
{
    static const QRegularExpression separators(u"[,，、;；]"_s);
    QStringList out;
    for (const QString &k : text.split(separators, Qt::SkipEmptyParts)) {
        if (const QString t = k.trimmed(); !t.isEmpty())
            out.append(t);
    }
    return out;
}

} // namespace

ColumnsDialog::ColumnsDialog(ClientSession *session, const Organization *organization, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ColumnsDialog>())
    , m_session(session)
    , m_organization(organization)
    , m_client(new ColumnsClient(session->network(), this))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->idEdit->setMaxLength(64);
    m_ui->nameEdit->setMaxLength(ColumnChange::kNameChars);
    for (const ColumnType type : {ColumnType::Dynamic, ColumnType::Notice, ColumnType::Policy,
                                  ColumnType::Interpretation, ColumnType::Static})
        m_ui->typeCombo->addItem(displayName(type), int(type));
    m_ui->intervalSpin->setMaximum(ColumnChange::kMaxIntervalDays);
    m_ui->intervalSpin->setSuffix(tr(" days"));
    m_ui->columnTree->header()->setStretchLastSection(true);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);

    connect(m_ui->columnTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (current && current->data(0, kIdRole).toString() != m_selected)
            select(current->data(0, kIdRole).toString());
    });
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        // 0 days: the type's national default, said in the box.
        Column c;
        c.type = ColumnType(m_ui->typeCombo->currentData().toInt());
        const int byType = ColumnHealthPolicy().intervalOf(c);
        m_ui->intervalSpin->setSpecialValueText(
            byType > 0 ? tr("The type's default (%n day(s))", nullptr, byType) : tr("None"));
    });
    connect(m_ui->addTopButton, &QPushButton::clicked, this, [this] { startNew({}); });
    connect(m_ui->addChildButton, &QPushButton::clicked, this, [this] {
        const QString parent = currentId();
        if (!parent.isEmpty())
            startNew(parent);
    });
    connect(m_ui->upButton, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_ui->downButton, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_ui->buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &ColumnsDialog::save);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->retiredCheck, &QCheckBox::toggled, this, [this](bool retired) {
        if (retired && !m_new)
            m_ui->statusLabel->setText(
                tr("A retired column takes no new items and leaves the site's navigation; its pages and "
                   "published items stay where they are. Save to retire it."));
    });

    connect(m_client, &ColumnsClient::saved, this, [this](const Column &column, qint64 version) {
        m_version = std::max(m_version, version);
        m_selected = column.id;
        m_new = false;
        if (!m_pending.isEmpty()) {
            sendNext();
            return;
        }
        updateButtons();
        m_ui->statusLabel->setText(
            tr("Saved \"%1\". Every client sees it from its next sync; the site's pages "
               "follow by themselves.")
                .arg(column.name));
        m_session->sync().syncNow(); // this client's own organization: the next run fetches it
        emit settled(true);
    });
    connect(m_client, &ColumnsClient::failed, this, [this](const QString &message, bool stale) {
        m_pending.clear();
        updateButtons();
        showError(stale ? message + u'\n' +
                              tr("The columns shown are brought up to date now; check them and make your "
                                 "change again.")
                        : message);
        if (stale)
            m_session->sync().syncNow();
        emit settled(false);
    });
    connect(&m_session->sync(), &SyncEngine::organizationChanged, this, &ColumnsDialog::reload);
    reload();
}

ColumnsDialog::~ColumnsDialog() = default;

bool ColumnsDialog::isBusy() const
{
    return m_client->isRunning() || !m_pending.isEmpty();
}

QString ColumnsDialog::errorText() const
{
    return m_ui->errorLabel->isVisible() ? m_ui->errorLabel->text() : QString();
}

QString ColumnsDialog::currentId() const
{
    const QTreeWidgetItem *item = m_ui->columnTree->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

void ColumnsDialog::reload()
{
    m_version = std::max(m_version, m_session->sync().organizationVersion());
    const QSignalBlocker blocker(m_ui->columnTree);
    m_ui->columnTree->clear();
    const Organization &org = *m_organization;
    QTreeWidgetItem *selected = nullptr;
    std::function<void(const QString &, QTreeWidgetItem *)> add = [&](const QString &parentId,
                                                                      QTreeWidgetItem *under) {
        for (const Column *c : org.childColumns(parentId)) {
            auto *item = under ? new QTreeWidgetItem(under) : new QTreeWidgetItem(m_ui->columnTree);
            item->setText(0, c->retired ? tr("%1 (retired)").arg(c->name) : c->name);
            QStringList units;
            for (const QString &u : c->responsibleUnitIds)
                units.append(org.shortUnitName(u));
            item->setText(1, units.join(tr(", ")));
            item->setData(0, kIdRole, c->id);
            if (c->retired) {
                item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
                item->setToolTip(0, tr("Retired: no new items, off the site's navigation"));
            }
            if (c->id == m_selected)
                selected = item;
            add(c->id, item);
        }
    };
    add({}, nullptr);
    m_ui->columnTree->expandAll();
    m_ui->columnTree->resizeColumnToContents(0);

    m_ui->unitsList->clear();
    for (const Unit &u : org.units) {
        auto *item = new QListWidgetItem(org.shortUnitName(u.id), m_ui->unitsList);
        item->setData(kIdRole, u.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (m_new)
        return; // a column being added keeps its form
    if (!selected && m_ui->columnTree->topLevelItemCount() > 0)
        selected = m_ui->columnTree->topLevelItem(0);
    if (selected) {
        m_ui->columnTree->setCurrentItem(selected);
        if (const Column *c = org.column(selected->data(0, kIdRole).toString())) {
            m_selected = c->id;
            fillForm(*c, false);
        }
    }
    updateButtons();
}

bool ColumnsDialog::select(const QString &columnId)
{
    const Column *c = m_organization->column(columnId);
    if (!c)
        return false;
    m_selected = columnId;
    m_new = false;
    for (QTreeWidgetItemIterator it(m_ui->columnTree); *it; ++it) {
        if ((*it)->data(0, kIdRole).toString() == columnId) {
            const QSignalBlocker blocker(m_ui->columnTree);
            m_ui->columnTree->setCurrentItem(*it);
        }
    }
    fillForm(*c, false);
    updateButtons();
    return true;
}

void ColumnsDialog::startNew(const QString &parentId)
{
    Column c;
    c.parentId = parentId;
    // An address name nobody has: short, and the office may type a better one.
    c.id = u"col-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    if (const Column *parent = m_organization->column(parentId)) {
        c.type = parent->type;
        c.responsibleUnitIds = parent->responsibleUnitIds;
    }
    int last = 0;
    for (const Column *sibling : m_organization->childColumns(parentId))
        last = std::max(last, sibling->sortOrder);
    c.sortOrder = last + 10;
    m_new = true;
    m_selected.clear();
    fillForm(c, true);
    m_ui->nameEdit->setFocus();
    m_ui->statusLabel->setText(tr("A new column: give it a name and save."));
    updateButtons();
}

void ColumnsDialog::fillParents(const Column &column)
{
    m_ui->parentCombo->clear();
    m_ui->parentCombo->addItem(tr("(the top level)"), QString());
    std::function<void(const QString &, int)> add = [&](const QString &parentId, int depth) {
        for (const Column *c : m_organization->childColumns(parentId)) {
            if (c->id == column.id)
                continue; // not under itself nor its own sub-columns
            if (!c->retired || c->id == column.parentId)
                m_ui->parentCombo->addItem(QString(depth * 2, u' ') + c->name, c->id);
            add(c->id, depth + 1);
        }
    };
    add({}, 0);
    m_ui->parentCombo->setCurrentIndex(std::max(0, m_ui->parentCombo->findData(column.parentId)));
}

void ColumnsDialog::fillForm(const Column &column, bool isNew)
{
    m_ui->errorLabel->hide();
    m_ui->idEdit->setText(column.id);
    m_ui->idEdit->setReadOnly(!isNew);
    m_ui->nameEdit->setText(column.name);
    fillParents(column);
    m_ui->typeCombo->setCurrentIndex(std::max(0, m_ui->typeCombo->findData(int(column.type))));
    m_ui->intervalSpin->setValue(column.updateIntervalDays);
    for (int i = 0; i < m_ui->unitsList->count(); ++i) {
        QListWidgetItem *item = m_ui->unitsList->item(i);
        item->setCheckState(
            column.responsibleUnitIds.contains(item->data(kIdRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_ui->descriptionEdit->setPlainText(column.description);
    m_ui->keywordsEdit->setText(column.keywords.join(tr(", ")));
    m_ui->listedWhenEmptyCheck->setChecked(column.listedWhenEmpty);
    {
        const QSignalBlocker blocker(m_ui->retiredCheck);
        m_ui->retiredCheck->setChecked(column.retired);
    }
    m_ui->retiredCheck->setEnabled(!isNew);
    if (!isNew)
        m_ui->statusLabel->clear();
}

Column ColumnsDialog::edited() const
{
    Column c;
    if (const Column *known = m_new ? nullptr : m_organization->column(m_selected))
        c = *known; // what the form does not show (the order) stays
    c.id = m_ui->idEdit->text().trimmed();
    c.name = m_ui->nameEdit->text().trimmed();
    const QString parent = m_ui->parentCombo->currentData().toString();
    if (!m_new && parent != c.parentId) {
        // Moved elsewhere: last among its new siblings.
        int last = 0;
        for (const Column *sibling : m_organization->childColumns(parent))
            last = std::max(last, sibling->sortOrder);
        c.sortOrder = last + 10;
    } else if (m_new) {
        int last = 0;
        for (const Column *sibling : m_organization->childColumns(parent))
            last = std::max(last, sibling->sortOrder);
        c.sortOrder = last + 10;
    }
    c.parentId = parent;
    c.type = ColumnType(m_ui->typeCombo->currentData().toInt());
    c.updateIntervalDays = m_ui->intervalSpin->value();
    c.responsibleUnitIds.clear();
    for (int i = 0; i < m_ui->unitsList->count(); ++i) {
        if (m_ui->unitsList->item(i)->checkState() == Qt::Checked)
            c.responsibleUnitIds.append(m_ui->unitsList->item(i)->data(kIdRole).toString());
    }
    c.description = m_ui->descriptionEdit->toPlainText().trimmed();
    c.keywords = splitKeywords(m_ui->keywordsEdit->text());
    c.listedWhenEmpty = m_ui->listedWhenEmptyCheck->isChecked();
    c.retired = m_ui->retiredCheck->isChecked();
    return c;
}

bool ColumnsDialog::save()
{
    if (isBusy())
        return false;
    const Column c = edited();
    if (const QString why = ColumnChange::problem(*m_organization, c); !why.isEmpty()) {
        showError(why);
        emit settled(false);
        return false;
    }
    if (const Column *known = m_organization->column(c.id); known && *known == c) {
        m_ui->statusLabel->setText(tr("Nothing changed."));
        emit settled(true);
        return true;
    }
    if (m_new && m_organization->column(c.id)) {
        showError(tr("A column with the address name \"%1\" exists already; choose another one.").arg(c.id));
        emit settled(false);
        return false;
    }
    m_pending = {c};
    sendNext();
    return true;
}

void ColumnsDialog::move(int direction)
{
    if (isBusy() || m_new)
        return;
    const Column *c = m_organization->column(m_selected);
    if (!c)
        return;
    QList<const Column *> siblings = m_organization->childColumns(c->parentId);
    const qsizetype at = siblings.indexOf(c);
    const qsizetype to = at + direction;
    if (at < 0 || to < 0 || to >= siblings.size())
        return;
    siblings.swapItemsAt(at, to);
    // The siblings numbered 10, 20, 30… in their new order; those whose number changes are saved.
    m_pending.clear();
    for (qsizetype i = 0; i < siblings.size(); ++i) {
        if (siblings[i]->sortOrder != int(i + 1) * 10) {
            Column changed = *siblings[i];
            changed.sortOrder = int(i + 1) * 10;
            m_pending.append(changed);
        }
    }
    if (!m_pending.isEmpty())
        sendNext();
}

void ColumnsDialog::sendNext()
{
    const Column next = m_pending.takeFirst();
    m_ui->errorLabel->hide();
    m_ui->statusLabel->setText(tr("Saving \"%1\"…").arg(next.name));
    m_client->save(m_session->endpoint(), next, m_version);
    updateButtons();
}

void ColumnsDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
    m_ui->statusLabel->clear();
}

void ColumnsDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool existing = !m_new && m_organization->column(m_selected);
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    m_ui->addTopButton->setEnabled(!busy);
    m_ui->addChildButton->setEnabled(!busy && existing);
    m_ui->upButton->setEnabled(!busy && existing);
    m_ui->downButton->setEnabled(!busy && existing);
}

} // namespace baosong
