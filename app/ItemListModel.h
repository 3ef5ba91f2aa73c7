#pragma once

// The items of the local store as a list: title, kind, unit, column, state, information date and
// deadline. Rows are fetched lazily a page at a time (canFetchMore/fetchMore), so a store of 100,000
// items opens at once; a search replaces the rows by the store's matches (core's Chinese search).

#include "Deadline.h"
#include "LocalStore.h"
#include "SyncEngine.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QIcon>

namespace baosong {

class ItemListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum ColumnIndex
    {
        TitleColumn,
        KindColumn,
        UnitColumn,
        ColumnColumn,
        StateColumn,
        StageColumn,
        AuthorColumn,
        InfoDateColumn,
        AgeColumn,
        DeadlineColumn,
        ColumnCount
    };
    enum Roles
    {
        ItemIdRole = Qt::UserRole + 1,
        DeadlineStateRole,
        SendStateRole, // int(SendState) of the item's unsent actions; null when nothing waits
    };
    // The icon of a SendState (the list, the item's header).
    static QIcon sendStateIcon(SendState state);
    static constexpr int kPageSize = 200;
    static constexpr int kSearchLimit = 1000;

    // `store` and `organization` must outlive the model.
    ItemListModel(LocalStore *store, const Organization *organization, QObject *parent = nullptr);

    // Empty text: every item, page by page. Otherwise the items matching it.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // Only the items `filter` lets through (a view of the navigation; empty: every item).
    void setFilter(const ItemFilter &filter);
    const ItemFilter &filter() const { return m_filter; }
    // Re-reads the store (after it changed).
    void reload();
    // The day deadlines are judged on (default: today).
    void setToday(QDate today);
    void setDeadline(const Deadline &deadline);

    QString itemId(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QString unitName(const QString &id) const;
    QString columnName(const QString &id) const;

    LocalStore *m_store;
    const Organization *m_organization;
    Deadline m_deadline;
    QDate m_today;
    QString m_searchText;
    ItemFilter m_filter;
    QList<ItemSummary> m_rows;
    // Items with actions in the outbox, and where they stand (SyncEngine::sendStates).
    QHash<QString, SendState> m_pending;
    bool m_more = true;  // paging mode: the store may hold more rows
    bool m_busy = false; // inside a reset or an insertion: no fetching
};

} // namespace baosong
