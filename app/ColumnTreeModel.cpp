#include "ColumnTreeModel.h"

#include <QPalette>

#include <QHash>

#include <functional>

namespace baosong {

ColumnTreeModel::ColumnTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void ColumnTreeModel::setOrganization(const Organization &organization)
{
    beginResetModel();
    m_organization = organization;
    m_nodes = QList<Node>(m_organization.columns.size());
    m_roots.clear();
    QHash<QString, int> position;
    for (int i = 0; i < m_organization.columns.size(); ++i)
        position.insert(m_organization.columns[i].id, i);
    // Children in sort order (the organization validated the tree: no cycles, parents exist).
    std::function<void(const QString &, QList<int> &, int)> attach = [&](const QString &parentId,
                                                                         QList<int> &into, int parent) {
        for (const Column *c : m_organization.childColumns(parentId)) {
            const int i = position.value(c->id);
            m_nodes[i].parent = parent;
            m_nodes[i].row = int(into.size());
            into.append(i);
            attach(c->id, m_nodes[i].children, i);
        }
    };
    attach(QString(), m_roots, -1);
    endResetModel();
}

QString ColumnTreeModel::columnId(const QModelIndex &index) const
{
    return index.isValid() ? m_organization.columns[int(index.internalId())].id : QString();
}

const QList<int> &ColumnTreeModel::childrenOf(const QModelIndex &parent) const
{
    return parent.isValid() ? m_nodes[int(parent.internalId())].children : m_roots;
}

QModelIndex ColumnTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, quintptr(childrenOf(parent).at(row)));
}

QModelIndex ColumnTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes[int(child.internalId())].parent;
    if (p < 0)
        return {};
    return createIndex(m_nodes[p].row, 0, quintptr(p));
}

int ColumnTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int ColumnTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ColumnTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Column &c = m_organization.columns[int(index.internalId())];
    if (role == ColumnIdRole)
        return c.id;
    if (role == Qt::ToolTipRole && index.column() == UnitsColumn) {
        QStringList names;
        for (const QString &id : c.responsibleUnitIds) {
            const Unit *u = m_organization.unit(id);
            names.append(u ? u->name : id);
        }
        return names.join(u'\n');
    }
    if (role == Qt::ToolTipRole)
        return c.retired ? tr("Retired by the office: no new items") : c.description;
    if (role == Qt::ForegroundRole && c.retired)
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.retired ? tr("%1 (retired)").arg(c.name) : c.name;
    case UnitsColumn: {
        QStringList names;
        for (const QString &id : c.responsibleUnitIds)
            names.append(m_organization.shortUnitName(id));
        return names.join(tr(", "));
    }
    case IntervalColumn:
        return c.updateIntervalDays > 0 ? tr("%n day(s)", nullptr, c.updateIntervalDays) : tr("—");
    }
    return {};
}

QVariant ColumnTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Column");
    case UnitsColumn:
        return tr("Responsible units");
    case IntervalColumn:
        return tr("Update every");
    }
    return {};
}

} // namespace baosong
