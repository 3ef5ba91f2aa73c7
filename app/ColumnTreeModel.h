#pragma once

// The column tree (栏目) of the organization, for the navigation pane: name, responsible units and the
// expected update interval.

#include "Organization.h"

#include <QAbstractItemModel>

namespace baosong {

class ColumnTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum ColumnIndex
    {
        NameColumn,
        UnitsColumn,
        IntervalColumn,
        ColumnCount
    };
    enum Roles
    {
        ColumnIdRole = Qt::UserRole + 1,
    };

    explicit ColumnTreeModel(QObject *parent = nullptr);

    void setOrganization(const Organization &organization);
    QString columnId(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Column i of m_organization.columns: its parent's position (-1 at the top) and its children.
    struct Node
    {
        int parent = -1;
        int row = 0;
        QList<int> children;
    };
    const QList<int> &childrenOf(const QModelIndex &parent) const;

    Organization m_organization;
    QList<Node> m_nodes;
    QList<int> m_roots;
};

} // namespace baosong
