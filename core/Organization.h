#pragma once

// The organization: units, people and their scoped roles, and the column tree (docs/design.md §1, §5).
// Loaded from an organization file (JSON; resources/demo-organization.json is the example) and
// validated at load: a broken file is refused with a clear, translated message.
//
// File shape (field names snake_case, enums as Domain.h's toString()):
//   {"name", "short_name", "example_data",
//    "units":   [{"id", "name", "type", "code"}],
//    "people":  [{"id", "name", "title", "unit_id", "disabled",
//                 "grants": [{"role", "unit_ids": [...], "bureau_wide"}]}],
//    "columns": [{"id", "parent_id", "name", "description", "keywords": [...], "type",
//                 "responsible_unit_ids": [...], "update_interval_days", "sort_order",
//                 "retired", "listed_when_empty"}]}
//
// Validation at load: unique unit, person and column ids; unique unit codes; known unit types, roles
// and column types; every unit a person belongs to, a grant names or a column is responsible for
// exists; a grant that is not bureau-wide names at least one unit; every column's parent exists and
// the column tree has no cycle; update intervals are not negative. A person's `unit_id` may be empty
// (bureau leaders belong to no section).

#include "Domain.h"

#include <QHash>
#include <QJsonObject>

namespace baosong {

class Organization
{
public:
    QString name; // the agency's full name (site name)
    QString shortName;
    bool exampleData = false; // the demo organization is marked as example data

    QList<Unit> units;
    QList<Person> people;
    QList<Column> columns;

    const Unit *unit(const QString &id) const;
    // The unit's name as lists show it: without the agency's own name in front (巴中市自然资源和规划局
    // 办公室 → 办公室); the full name when it is the agency itself or does not start with it. Display
    // only: documents and the site use the full name (Art. 13).
    QString shortUnitName(const QString &unitId) const;
    const Person *person(const QString &id) const;
    const Column *column(const QString &id) const;

    // Direct children of a column (empty parentId: the top level), in sort order (ties keep the
    // order of the file).
    QList<const Column *> childColumns(const QString &parentId) const;
    // Columns a unit is responsible for, in the order of the file.
    QList<const Column *> columnsOfUnit(const QString &unitId) const;
    // People holding `role` with a scope covering `unitId` (disabled people excluded).
    QList<const Person *> holders(Role role, const QString &unitId) const;

    QJsonObject toJson() const;
    // Parses and validates. On failure returns false and sets *error to a translated message that
    // names the offending entry; *out is left untouched.
    static bool fromJson(const QJsonObject &json, Organization *out, QString *error);
    static bool fromFile(const QString &path, Organization *out, QString *error);
    // The demo organization shipped in resources (":/baosong/demo-organization.json").
    static Organization demo();

    bool operator==(const Organization &) const = default;
};

} // namespace baosong
