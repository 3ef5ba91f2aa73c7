#pragma once

// The timeline of one item (client/ItemHistory) as a list: one row per entry, oldest first, its line
// (ItemHistory::describe) with the time and who. Offline, the rows are what the local copy knows and
// the model says so (isLocalOnly()).

#include "ItemHistory.h"

#include <QAbstractListModel>

namespace baosong {

class Organization;

class HistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles
    {
        AtRole = Qt::UserRole + 1, // QDateTime
        ActorRole,                 // person id
        TypeRole,                  // the audit event type ("action.approve", "publish", "local.comment"…)
        KindRole,                  // int(HistoryEntry::Kind)
        RevisionRole,
        TextRole, // the reason or comment
        FromServerRole,
    };

    explicit HistoryModel(QObject *parent = nullptr);

    // `organization` (names) and `item` (stage names) may be null; copies are not kept of the organization.
    void setEntries(const QList<HistoryEntry> &entries, const Organization *organization,
                    const Item *item = nullptr);
    void clear();
    QList<HistoryEntry> entries() const { return m_entries; }
    const HistoryEntry *entryAt(int row) const;
    bool isLocalOnly() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<HistoryEntry> m_entries;
    QStringList m_lines;
};

} // namespace baosong
