#pragma once

// The lists of the client's navigation (issue #7: My drafts, Waiting for me, Sent, Published) as
// filters over the local store. A new view is added here, in itemViews() and filterFor(), and the
// main window shows it: nothing else changes.

#include "LocalStore.h"
#include "RouteEngine.h"

#include <QCoreApplication>

namespace baosong {

enum class ItemView
{
    MyDrafts,     // my drafts and my items returned to me
    WaitingForMe, // in review at a stage I decide, not my own
    Sent,         // my items in review or sent on to the municipal portal
    Published,    // on the public site
};

class ItemViews
{
    Q_DECLARE_TR_FUNCTIONS(ItemViews)
public:
    // The views in navigation order.
    static QList<ItemView> all();
    static QString key(ItemView view); // stable, for settings: "my_drafts", ...
    static std::optional<ItemView> fromKey(const QString &key);
    static QString displayName(ItemView view);
    static QString description(ItemView view);
    // What the view lists for `person`. "Waiting for me": the items in review at the stages of the
    // person's roles, and with `organization` (its people decide where a stage escalates) at those
    // that escalate to them (RouteEngine::escalatedTo()). A list read from the store alone: where the
    // cycle's decisions make the difference (one person decides one stage of a cycle) it may list an
    // item the review pane then says is not theirs to decide.
    static ItemFilter filterFor(ItemView view, const Person &person, const RouteEngine &routes,
                                const Organization *organization = nullptr);
};

} // namespace baosong
