#pragma once

// What the client tells the user after a sync (issue #8): new items in my queue, my items returned
// or published. Urgent items always get a notification of their own; the others are grouped, so a
// sync that brings forty items makes one notification, not forty. The client shows them (tray
// message, count in the navigation) unless the user turned them off.

#include "ColumnHealth.h"
#include "LocalStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <optional>

namespace baosong {

struct Notification
{
    enum class Kind
    {
        Queue,     // items newly waiting for my decision
        Returned,  // my item came back to me
        Published, // my item is on the site
        Restored,  // the server was put back from a backup: my items sent again, steps to take again
        Column,    // a column my unit is responsible for goes stale soon, or is (issue #18)
    };
    Kind kind = Kind::Queue;
    bool urgent = false;
    QStringList itemIds;
    QStringList columnIds; // Column: the columns concerned
    QString title;         // translated
    QString text;          // translated
};

class Notifications
{
    Q_DECLARE_TR_FUNCTIONS(Notifications)
public:
    // `arrived`: items that newly wait for me (SyncEngine::queueItemsArrived). `mine`: my items as they
    // are now, `before`: their states before the sync (absent: not known before).
    // `ahead`: urgent items that come to me at a later stage (SyncEngine::urgentItemsAhead, Art. 9):
    // one notification each, at once.
    static QList<Notification> plan(const QList<ItemSummary> &arrived, const QList<ItemSummary> &mine,
                                    const QHash<QString, WorkflowState> &before,
                                    const QList<ItemSummary> &ahead = {});
    // Column health (docs/design.md §5): one reminder for the columns `unitId` is responsible for that
    // are due soon or stale, leaving out `already` (reminded today); nothing when there are none.
    static std::optional<Notification> columnReminder(const SiteHealth &health, const QString &unitId,
                                                      const QSet<QString> &already);
    // SyncEngine::serverRestored: what was sent again and what needs the user's step.
    static Notification restored(const QStringList &resent, const QStringList &attention);
};

} // namespace baosong
