#pragma once

// Example items for the demo organization (resources/demo-organization.json), so that a newcomer's
// first window shows items of every kind in every state. They are made by walking the real route
// engine with the organization's people, so every state is one the rules allow. Example data only.

#include "Organization.h"
#include "RouteEngine.h"

namespace baosong {

class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    // Items dated relative to `today` (some due soon, some overdue). Empty if the organization lacks
    // the people a route needs.
    static QList<Item> items(const Organization &organization, const RouteEngine &engine, const QDate &today);
};

} // namespace baosong
