#pragma once

// Column management by the office (Art. 5(2); issue #18 point 2; docs/design.md §5): the office
// director, the site administrator and the administrator add, move, rename and retire columns and set
// their responsible units, expected intervals and whether an empty column is listed. The server runs
// these rules on every PUT /api/v1/columns/<id>; the client's columns dialog asks the same for comfort.
//
// A column is never deleted: retiring it keeps its pages and items where they are (links keep
// working) but takes it off the site's navigation and closes it to new items (core/Checks).

#include "Domain.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace baosong {

class Organization;

class ColumnChange
{
    Q_DECLARE_TR_FUNCTIONS(ColumnChange)

public:
    static constexpr int kNameChars = 40;         // a column's name, as navigation shows it
    static constexpr int kDescriptionChars = 500; // its description (the column page's meta description)
    static constexpr int kMaxIntervalDays = 3650; // an expected interval of at most ten years

    // Whether `person` may manage columns (office director, site administrator, administrator).
    static bool mayManage(const Person &person);

    // What is wrong with putting `after` into `org` — a new column when `org` has none of its id, a
    // change of that column otherwise; empty when fine, else one translated sentence. Checked: the id
    // (letters, digits, '-' and '_', at most limits::kIdChars), the name (not empty, at most kNameChars,
    // no other listed column of the same parent with that name), description and keywords within their
    // limits, a known parent that is neither the column itself nor below it, and is not retired unless
    // the column is; known responsible units; an interval from 0 to kMaxIntervalDays; a column retired
    // only when none of its sub-columns is still in use.
    static QString problem(const Organization &org, const Column &after);

    // The organization with `after` in it (appended when new, replacing the column of its id else).
    static Organization applied(const Organization &org, const Column &after);

    // Field by field what changed, for the audit event: {"name": {"from": …, "to": …}, …}; every
    // field of a new column (before == nullptr) as "to" only.
    static QJsonObject changes(const Column *before, const Column &after);

    // Whether the change shows on the public site: name, place (parent, order), description,
    // keywords, retired, listed when empty. Responsible units and intervals are the office's own.
    static bool showsOnSite(const Column *before, const Column &after);
};

} // namespace baosong
