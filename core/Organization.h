#pragma once

// The organization: units, people and their scoped roles, and the column tree (DESIGN.md §1, §5).
// Loaded from an organization file (JSON; resources/demo-organization.json is the example) and
// validated at load: a broken file is refused with a clear, translated message.

#include "Domain.h"

#include <QHash>
#include <QJsonObject>

namespace baosong {

class Organization
{
public:
    QString name;       // the agency's full name (site name)
    QString shortName;
    bool exampleData = false; // the demo organization is marked as example data

    QList<Unit> units;
    QList<Person> people;
    QList<Column> columns;

    const Unit *unit(const QString &id) const;
    const Person *person(const QString &id) const;
    const Column *column(const QString &id) const;

    // Direct children of a column (empty parentId: the top level), in sort order.
    QList<const Column *> childColumns(const QString &parentId) const;
    // Columns a unit is responsible for.
    QList<const Column *> columnsOfUnit(const QString &unitId) const;
    // People holding `role` with a scope covering `unitId`.
    QList<const Person *> holders(Role role, const QString &unitId) const;

    QJsonObject toJson() const;
    // Parses and validates. On failure returns false and sets *error to a translated message that
    // names the offending entry.
    static bool fromJson(const QJsonObject &json, Organization *out, QString *error);
    static bool fromFile(const QString &path, Organization *out, QString *error);
    // The demo organization shipped in resources (":/baosong/demo-organization.json").
    static Organization demo();
};

} // namespace baosong
