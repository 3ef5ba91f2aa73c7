#pragma once

// Content that passes the content checks (core/Checks) for an item of a kind and unit of the demo
// organization: a column the rules allow it, yesterday's information date, and what its kind needs
// (a repost's source, a decision's meeting, a disclosure's catalogue entry). Tests that are not about
// the checks start from it, so that the server's judgement lets their items through.

#include "Domain.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QString>

namespace baosong::test {

RevisionContent submittableContent(ItemKind kind, const QString &unitId, const QString &title,
                                   bool toMunicipalPortal = false);
// The id of the first column of the demo organization that takes items of `kind` from `unitId`.
QString allowedColumn(ItemKind kind, const QString &unitId, bool toMunicipalPortal = false);
// Who decides `stage` of `item` in `org`: not its author, nor anyone who decided another stage of this
// cycle (one person, one stage); nullptr when nobody may.
const Person *decider(const Organization &org, const Stage &stage, const Item &item);

} // namespace baosong::test
