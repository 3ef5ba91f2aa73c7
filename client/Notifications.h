#pragma once

// What the client tells the user after a sync (issue #8): new items in my queue, my items returned
// or published. Urgent items always get a notification of their own; the others are grouped, so a
// sync that brings forty items makes one notification, not forty. The client shows them (tray
// message, count in the navigation) unless the user turned them off.

#include "LocalStore.h"

#include <QCoreApplication>
#include <QHash>

namespace baosong {

struct Notification
{
    enum class Kind
    {
        Queue,     // items newly waiting for my decision
        Returned,  // my item came back to me
        Published, // my item is on the site
        Restored,  // the server was put back from a backup: my items sent again, steps to take again
    };
    Kind kind = Kind::Queue;
    bool urgent = false;
    QStringList itemIds;
    QString title; // translated
    QString text;  // translated
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
    // SyncEngine::serverRestored: what was sent again and what needs the user's step.
    static Notification restored(const QStringList &resent, const QStringList &attention);
};

} // namespace baosong
