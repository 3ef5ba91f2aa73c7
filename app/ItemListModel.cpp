#include "ItemListModel.h"

#include "Colours.h"
#include "RouteEngine.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace baosong {

ItemListModel::ItemListModel(LocalStore *store, const Organization *organization, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_organization(organization)
    , m_today(chinaToday())
{}

void ItemListModel::setSearchText(const QString &text)
{
    m_searchText = text.trimmed();
    reload();
}

void ItemListModel::setFilter(const ItemFilter &filter)
{
    m_filter = filter;
    reload();
}

void ItemListModel::reload()
{
    // Read first, then reset: views (and QAbstractItemModelTester) may ask to fetch more while a
    // reset is announced, which must not insert rows in the middle of it.
    QHash<QString, SendState> pending = SyncEngine::sendStates(m_store->outbox());
    QList<ItemSummary> rows;
    if (!m_searchText.isEmpty())
        rows = m_store->summariesOf(m_store->search(m_searchText, kSearchLimit), m_filter);
    m_busy = true;
    beginResetModel();
    m_rows = std::move(rows);
    m_pending = std::move(pending);
    m_more = m_searchText.isEmpty();
    endResetModel();
    m_busy = false;
}

void ItemListModel::setToday(QDate today)
{
    m_today = today;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ItemListModel::setDeadline(const Deadline &deadline)
{
    m_deadline = deadline;
    setToday(m_today);
}

QString ItemListModel::itemId(const QModelIndex &index) const
{
    return index.isValid() ? m_rows.at(index.row()).id : QString();
}

int ItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ItemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ItemListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && m_more && m_searchText.isEmpty();
}

void ItemListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<ItemSummary> page = m_store->summaries(m_filter, int(m_rows.size()), kPageSize);
    m_more = page.size() == kPageSize;
    if (page.isEmpty())
        return;
    m_busy = true; // listeners of rowsAboutToBeInserted may ask to fetch again
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    m_busy = false;
}

QIcon ItemListModel::sendStateIcon(SendState state)
{
    QStyle *style = QApplication::style();
    switch (state) {
    case SendState::Waiting:
        return style->standardIcon(QStyle::SP_ArrowUp);
    case SendState::Failed:
    case SendState::Refused:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case SendState::Conflict:
        return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    }
    return {};
}

QString ItemListModel::unitName(const QString &id) const
{
    return m_organization->shortUnitName(id);
}

QString ItemListModel::columnName(const QString &id) const
{
    const Column *c = m_organization->column(id);
    return c ? c->name : id;
}

QVariant ItemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ItemSummary &s = m_rows.at(index.row());
    const bool pending = s.state != WorkflowState::Published && s.state != WorkflowState::Retracted &&
                         s.state != WorkflowState::SentToMunicipal;
    const std::optional<DeadlineState> deadline =
        pending && s.infoDate.isValid() ? std::optional(m_deadline.state(s.infoDate, m_today)) : std::nullopt;

    // What waits to be sent: an icon and its words by the title (the state column says it too).
    const auto sending = m_pending.constFind(s.id);
    if (index.column() == TitleColumn && sending != m_pending.cend()) {
        if (role == Qt::DecorationRole)
            return sendStateIcon(*sending);
        if (role == Qt::ToolTipRole)
            return SyncEngine::sendStateName(*sending);
    }

    switch (role) {
    case ItemIdRole:
        return s.id;
    case SendStateRole:
        return sending != m_pending.cend() ? QVariant(int(*sending)) : QVariant();
    case DeadlineStateRole:
        return deadline ? QVariant(int(*deadline)) : QVariant();
    case Qt::FontRole:
        if (s.urgent && index.column() == TitleColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DeadlineColumn && deadline) {
            if (const QColor c = deadlineColour(*deadline); c.isValid())
                return QBrush(c);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == UnitColumn) { // the list shows it short
            const Unit *u = m_organization->unit(s.unitId);
            return u ? u->name : s.unitId;
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case TitleColumn:
        return s.urgent ? tr("[Urgent] %1").arg(s.title) : s.title;
    case KindColumn:
        return displayName(s.kind);
    case UnitColumn:
        return unitName(s.unitId);
    case ColumnColumn:
        return columnName(s.columnId);
    case StateColumn: {
        QString text = s.proposal == Proposal::New
                           ? displayName(s.state)
                           : tr("%1 (%2)").arg(displayName(s.state), displayName(s.proposal));
        if (const auto it = m_pending.constFind(s.id); it != m_pending.cend())
            text += u" · "_s + SyncEngine::sendStateName(*it);
        return text;
    }
    case StageColumn: {
        if (s.state != WorkflowState::InReview || s.stageId.isEmpty())
            return QString();
        for (const Stage &stage : RouteEngine::builtin().stages(s.kind, true)) {
            if (stage.id == s.stageId)
                return stage.displayName();
        }
        return s.stageId;
    }
    case AuthorColumn: {
        const Person *p = m_organization->person(s.authorId);
        return p ? p->name : s.authorId;
    }
    case InfoDateColumn:
        return s.infoDate.isValid() ? s.infoDate.toString(Qt::ISODate) : QString();
    case AgeColumn: {
        // How old the information is (Art. 15 counts from the day it arose).
        if (!s.infoDate.isValid())
            return QString();
        const qint64 days = s.infoDate.daysTo(m_today);
        return days <= 0 ? tr("today") : tr("%n day(s)", nullptr, int(days));
    }
    case DeadlineColumn: {
        if (!deadline)
            return QString();
        const int days = m_deadline.daysRemaining(s.infoDate, m_today);
        switch (*deadline) {
        case DeadlineState::OnTime:
        case DeadlineState::DueSoon:
            return tr("%n day(s) to the target", nullptr, days);
        case DeadlineState::Overdue:
            return tr("Overdue: %n day(s) to the limit", nullptr, days);
        case DeadlineState::Breached:
            return tr("Limit passed %n day(s) ago", nullptr, -days);
        }
        return {};
    }
    }
    return {};
}

QVariant ItemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case KindColumn:
        return tr("Kind");
    case UnitColumn:
        return tr("Unit");
    case ColumnColumn:
        return tr("Column");
    case StateColumn:
        return tr("State");
    case StageColumn:
        return tr("Stage");
    case AuthorColumn:
        return tr("Author");
    case InfoDateColumn:
        return tr("Information date");
    case AgeColumn:
        return tr("Age");
    case DeadlineColumn:
        return tr("Deadline");
    }
    return {};
}

} // namespace baosong
