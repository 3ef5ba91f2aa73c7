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
    // What the view lists for `person`.
    static ItemFilter filterFor(ItemView view, const Person &person, const RouteEngine &routes);
};

} // namespace baosong
