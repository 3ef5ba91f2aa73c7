#include "ColumnChange.h"

#include "DomainJson.h"
#include "Limits.h"
#include "Organization.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace baosong {

bool ColumnChange::mayManage(const Person &person)
{
    if (person.disabled)
        return false;
    return std::any_of(person.grants.cbegin(), person.grants.cend(), [](const RoleGrant &g) {
        return g.role == Role::OfficeDirector || g.role == Role::SiteAdministrator ||
               g.role == Role::Administrator;
    });
}

QString ColumnChange::problem(const Organization &org, const Column &after)
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]+$"_s);
    if (after.id.isEmpty() || after.id.size() > limits::kIdChars || !idPattern.match(after.id).hasMatch())
        return tr("A column's id is made of letters, digits, '-' and '_' (at most %1), as its address on "
                  "the site shows it.")
            .arg(limits::kIdChars);
    const QString name = after.name.trimmed();
    if (name.isEmpty())
        return tr("Give the column a name.");
    if (name != after.name)
        return tr("The column's name must not begin or end with spaces.");
    if (QString p = limits::textProblem(tr("The column's name"), after.name, kNameChars); !p.isEmpty())
        return p;
    if (after.name.contains(u'\n') || after.name.contains(u'\r') || after.name.contains(u'\t'))
        return tr("The column's name must be on one line.");
    if (QString p = limits::textProblem(tr("The column's description"), after.description, kDescriptionChars);
        !p.isEmpty())
        return p;
    if (after.keywords.size() > limits::kKeywords)
        return tr("A column has at most %1 keywords.").arg(limits::kKeywords);
    for (const QString &k : after.keywords) {
        if (k.trimmed().isEmpty())
            return tr("A keyword of the column is empty.");
        if (QString p = limits::textProblem(tr("A keyword of the column"), k, limits::kKeywordChars);
            !p.isEmpty())
            return p;
    }
    if (after.updateIntervalDays < 0 || after.updateIntervalDays > kMaxIntervalDays)
        return tr("The expected interval is from 0 (none) to %1 days.").arg(kMaxIntervalDays);
    for (const QString &unitId : after.responsibleUnitIds) {
        if (!org.unit(unitId))
            return tr("The responsible unit \"%1\" is not known.").arg(unitId);
    }
    if (after.responsibleUnitIds.size() !=
        QSet<QString>(after.responsibleUnitIds.cbegin(), after.responsibleUnitIds.cend()).size())
        return tr("A responsible unit is named twice.");

    if (!after.parentId.isEmpty()) {
        const Column *parent = org.column(after.parentId);
        if (!parent)
            return tr("The parent column \"%1\" is not known.").arg(after.parentId);
        if (parent->retired && !after.retired)
            return tr("The column \"%1\" is retired; a column in use cannot be placed under it.")
                .arg(parent->name);
        // Walking up from the parent must not meet the column itself (no cycle).
        for (const Column *at = parent; at;
             at = at->parentId.isEmpty() ? nullptr : org.column(at->parentId)) {
            if (at->id == after.id)
                return tr("A column cannot be placed under itself or one of its own sub-columns.");
        }
    }
    for (const Column &sibling : org.columns) {
        if (sibling.id != after.id && sibling.parentId == after.parentId && !sibling.retired &&
            !after.retired && sibling.name == after.name)
            return tr("Another column at the same place is already called \"%1\".").arg(after.name);
    }
    if (after.retired) {
        for (const Column &child : org.columns) {
            if (child.parentId == after.id && !child.retired)
                return tr("The sub-column \"%1\" is still in use: retire or move it first.").arg(child.name);
        }
    }
    return {};
}

Organization ColumnChange::applied(const Organization &org, const Column &after)
{
    Organization out = org;
    for (Column &c : out.columns) {
        if (c.id == after.id) {
            c = after;
            return out;
        }
    }
    out.columns.append(after);
    return out;
}

QJsonObject ColumnChange::changes(const Column *before, const Column &after)
{
    const QJsonObject to = json::toJson(after);
    const QJsonObject from = before ? json::toJson(*before) : QJsonObject();
    QJsonObject out;
    for (auto it = to.constBegin(); it != to.constEnd(); ++it) {
        if (before && from.value(it.key()) == it.value())
            continue;
        QJsonObject change{{"to"_L1, it.value()}};
        if (before)
            change.insert("from"_L1, from.value(it.key()));
        out.insert(it.key(), change);
    }
    // A flag written only when set ("retired") disappears from `to` when cleared.
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if (!to.contains(it.key()))
            out.insert(it.key(), QJsonObject{{"from"_L1, it.value()}, {"to"_L1, QJsonValue::Null}});
    }
    return out;
}

bool ColumnChange::showsOnSite(const Column *before, const Column &after)
{
    if (!before)
        return true;
    return before->name != after.name || before->parentId != after.parentId ||
           before->sortOrder != after.sortOrder || before->description != after.description ||
           before->keywords != after.keywords || before->retired != after.retired ||
           before->listedWhenEmpty != after.listedWhenEmpty || before->type != after.type;
}

} // namespace baosong
