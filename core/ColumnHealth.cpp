#include "ColumnHealth.h"

#include "Deadline.h"

#include "Organization.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <functional>

#include <array>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

constexpr std::array<std::pair<ColumnHealthState, QLatin1StringView>, 4> kStates{{
    {ColumnHealthState::Fresh, "fresh"_L1},
    {ColumnHealthState::DueSoon, "due_soon"_L1},
    {ColumnHealthState::Stale, "stale"_L1},
    {ColumnHealthState::Empty, "empty"_L1},
}};

HealthThreshold threshold(int count, int limit, int margin)
{
    return HealthThreshold{count, limit, count >= limit - margin, count >= limit};
}

} // namespace

namespace keys {
QString toString(ColumnHealthState v)
{
    for (const auto &[state, name] : kStates) {
        if (state == v)
            return name;
    }
    return {};
}

std::optional<ColumnHealthState> columnHealthStateFromString(const QString &s)
{
    for (const auto &[state, name] : kStates) {
        if (s == name)
            return state;
    }
    return std::nullopt;
}
} // namespace keys

QString displayName(ColumnHealthState v)
{
    switch (v) {
    case ColumnHealthState::Fresh:
        return QCoreApplication::translate("ColumnHealth", "Up to date");
    case ColumnHealthState::DueSoon:
        return QCoreApplication::translate("ColumnHealth", "Due soon");
    case ColumnHealthState::Stale:
        return QCoreApplication::translate("ColumnHealth", "Not updated in time");
    case ColumnHealthState::Empty:
        return QCoreApplication::translate("ColumnHealth", "Empty");
    }
    return {};
}

bool isColumnListed(const Column &column, bool hasContent)
{
    return !column.retired && (hasContent || column.listedWhenEmpty);
}

QSet<QString> shownColumnIds(const QList<Column> &columns, const QSet<QString> &withContent)
{
    QHash<QString, const Column *> byId;
    QHash<QString, QList<const Column *>> children;
    for (const Column &c : columns) {
        byId.insert(c.id, &c);
        if (!c.parentId.isEmpty() && c.parentId != c.id)
            children[c.parentId].append(&c);
    }
    // Retired, or under a retired column: off the site with it.
    QHash<QString, bool> retiredMemo;
    const std::function<bool(const Column &, int)> retired = [&](const Column &c, int depth) {
        if (const auto it = retiredMemo.constFind(c.id); it != retiredMemo.cend())
            return *it;
        const Column *parent = c.parentId.isEmpty() ? nullptr : byId.value(c.parentId);
        const bool out = c.retired || depth > 64 || (parent && parent != &c && retired(*parent, depth + 1));
        retiredMemo.insert(c.id, out);
        return out;
    };
    // Listed itself, or the way to a listed sub-column (a column listed while empty brings its parent).
    QHash<QString, bool> memo;
    const std::function<bool(const Column &, int)> shown = [&](const Column &c, int depth) {
        if (const auto it = memo.constFind(c.id); it != memo.cend())
            return *it;
        memo.insert(c.id, false); // a cycle ends here
        bool out = !retired(c, 0) && depth <= 64;
        if (out && !isColumnListed(c, withContent.contains(c.id))) {
            out = false;
            for (const Column *child : children.value(c.id))
                out = shown(*child, depth + 1) || out;
        }
        memo.insert(c.id, out);
        return out;
    };
    QSet<QString> out;
    for (const Column &c : columns) {
        if (shown(c, 0))
            out.insert(c.id);
    }
    return out;
}

int ColumnHealthPolicy::intervalOf(const Column &column) const
{
    if (column.updateIntervalDays > 0)
        return column.updateIntervalDays;
    switch (column.type) {
    case ColumnType::Dynamic:
        return dynamicDays;
    case ColumnType::Notice:
        return noticeDays;
    case ColumnType::Policy:
    case ColumnType::Interpretation:
        return policyDays;
    case ColumnType::Static:
        return 0;
    }
    return 0;
}

ColumnHealth ColumnHealthRules::judge(const Column &column, const QDateTime &lastPublished, QDate today) const
{
    ColumnHealth h;
    h.columnId = column.id;
    h.name = column.name;
    h.type = column.type;
    h.responsibleUnitIds = column.responsibleUnitIds;
    h.intervalDays = m_policy.intervalOf(column);
    h.lastPublished = lastPublished;
    h.retired = column.retired;
    h.listed = isColumnListed(column, lastPublished.isValid());
    if (!lastPublished.isValid()) {
        h.state = ColumnHealthState::Empty;
        return h;
    }
    // Days as the bureau counts them: by its local calendar.
    h.daysSince = int(chinaDate(lastPublished).daysTo(today));
    h.longUnupdated = column.type != ColumnType::Static && h.daysSince > m_policy.longDays;
    if (h.intervalDays <= 0) {
        h.state = ColumnHealthState::Fresh;
        return h;
    }
    h.daysLeft = h.intervalDays - h.daysSince;
    if (h.daysLeft < 0)
        h.state = ColumnHealthState::Stale;
    else if (h.daysLeft <= ColumnHealthPolicy::dueSoonDays(h.intervalDays))
        h.state = ColumnHealthState::DueSoon;
    else
        h.state = ColumnHealthState::Fresh;
    return h;
}

SiteHealth ColumnHealthRules::judge(const Organization &organization,
                                    const QHash<QString, QDateTime> &lastPublished, QDate today) const
{
    SiteHealth site;
    QSet<QString> parents;
    for (const Column &c : organization.columns) {
        if (!c.parentId.isEmpty())
            parents.insert(c.parentId);
    }
    int stale = 0;
    int longUnupdated = 0;
    int empty = 0;
    // In the tree's order, as the site shows it: each column (by sort order) followed by its own.
    QList<const Column *> ordered;
    const std::function<void(const QString &)> children = [&](const QString &parentId) {
        QList<const Column *> level;
        for (const Column &c : organization.columns) {
            if (c.parentId == parentId)
                level.append(&c);
        }
        std::stable_sort(level.begin(), level.end(),
                         [](const Column *a, const Column *b) { return a->sortOrder < b->sortOrder; });
        for (const Column *c : std::as_const(level)) {
            ordered.append(c);
            children(c->id);
        }
    };
    children(QString());
    for (const Column &c : organization.columns) { // a column under an unknown parent: at the end
        if (!ordered.contains(&c))
            ordered.append(&c);
    }
    QSet<QString> withContent;
    for (auto it = lastPublished.cbegin(); it != lastPublished.cend(); ++it) {
        if (it.value().isValid())
            withContent.insert(it.key());
    }
    const QSet<QString> shown = shownColumnIds(organization.columns, withContent);
    for (const Column *column : std::as_const(ordered)) {
        const Column &c = *column;
        site.columns.append(judge(c, lastPublished.value(c.id), today));
        ColumnHealth &judged = site.columns.last();
        judged.listed = shown.contains(c.id);
        if (!judged.listed)
            continue; // not on the site: an inspection does not see it
        if (judged.state == ColumnHealthState::Empty)
            site.linkedEmpty.append(c.id);
        // What an inspection counts are the columns that hold the items: a column with sub-columns
        // is judged (and shown) by theirs, not counted again.
        if (parents.contains(c.id))
            continue;
        const ColumnHealth &h = site.columns.constLast();
        stale += h.state == ColumnHealthState::Stale && c.type != ColumnType::Static;
        longUnupdated += h.longUnupdated;
        empty += h.state == ColumnHealthState::Empty;
    }
    site.stale = threshold(stale, m_policy.staleLimit, m_policy.warnMargin);
    site.longUnupdated = threshold(longUnupdated, m_policy.longLimit, m_policy.warnMargin);
    site.empty = threshold(empty, m_policy.emptyLimit, m_policy.warnMargin);
    return site;
}

QStringList SiteHealth::messages() const
{
    QStringList out;
    const auto say = [&](const HealthThreshold &t, const char *failing, const char *warning) {
        if (t.failing)
            out << QCoreApplication::translate("ColumnHealth", failing).arg(t.count).arg(t.limit);
        else if (t.warning)
            out << QCoreApplication::translate("ColumnHealth", warning).arg(t.count).arg(t.limit);
    };
    say(stale,
        QT_TRANSLATE_NOOP("ColumnHealth", "%1 columns are not updated in time: at %2 an inspection fails "
                                          "the site. Update them now."),
        QT_TRANSLATE_NOOP("ColumnHealth", "%1 columns are not updated in time; at %2 an inspection fails "
                                          "the site."));
    say(longUnupdated,
        QT_TRANSLATE_NOOP("ColumnHealth", "%1 columns have not been updated for half a year: at %2 an "
                                          "inspection fails the site. Update them now."),
        QT_TRANSLATE_NOOP("ColumnHealth", "%1 columns have not been updated for half a year; at %2 an "
                                          "inspection fails the site."));
    say(empty,
        QT_TRANSLATE_NOOP("ColumnHealth", "%1 columns are empty: at %2 an inspection fails the site. Publish "
                                          "in them or take them off the site."),
        QT_TRANSLATE_NOOP("ColumnHealth", "%1 columns are empty; at %2 an inspection fails the site."));
    for (const QString &id : linkedEmpty) {
        QString name = id;
        for (const ColumnHealth &c : columns) {
            if (c.columnId == id)
                name = c.name;
        }
        out << QCoreApplication::translate("ColumnHealth",
                                           "The column %1 is linked on the site but nothing is published in "
                                           "it. Publish in it or stop listing it while empty.")
                   .arg(name);
    }
    return out;
}

namespace {
QJsonObject thresholdJson(const HealthThreshold &t)
{
    return {
        {"count"_L1, t.count}, {"limit"_L1, t.limit}, {"warning"_L1, t.warning}, {"failing"_L1, t.failing}};
}
HealthThreshold thresholdFrom(const QJsonObject &o)
{
    return HealthThreshold{o.value("count"_L1).toInt(), o.value("limit"_L1).toInt(),
                           o.value("warning"_L1).toBool(), o.value("failing"_L1).toBool()};
}
} // namespace

QJsonObject toJson(const SiteHealth &health)
{
    QJsonArray columns;
    for (const ColumnHealth &h : health.columns) {
        QJsonObject o{{"column_id"_L1, h.columnId},
                      {"name"_L1, h.name},
                      {"type"_L1, toString(h.type)},
                      {"responsible_unit_ids"_L1, QJsonArray::fromStringList(h.responsibleUnitIds)},
                      {"interval_days"_L1, h.intervalDays},
                      {"state"_L1, toString(h.state)},
                      {"long_unupdated"_L1, h.longUnupdated},
                      {"listed"_L1, h.listed},
                      {"retired"_L1, h.retired}};
        if (h.lastPublished.isValid()) {
            o.insert("last_published"_L1, h.lastPublished.toUTC().toString(Qt::ISODateWithMs));
            o.insert("days_since"_L1, h.daysSince);
            if (h.intervalDays > 0)
                o.insert("days_left"_L1, h.daysLeft);
        }
        columns.append(o);
    }
    return {{"columns"_L1, columns},
            {"stale"_L1, thresholdJson(health.stale)},
            {"long_unupdated"_L1, thresholdJson(health.longUnupdated)},
            {"empty"_L1, thresholdJson(health.empty)},
            {"linked_empty"_L1, QJsonArray::fromStringList(health.linkedEmpty)},
            {"warning"_L1, health.warning()},
            {"failing"_L1, health.failing()}};
}

bool fromJson(const QJsonObject &o, SiteHealth *out, QString *error)
{
    SiteHealth h;
    if (!o.value("columns"_L1).isArray()) {
        if (error)
            *error = QCoreApplication::translate("ColumnHealth", "The column health has no list of columns.");
        return false;
    }
    for (const QJsonValue &v : o.value("columns"_L1).toArray()) {
        const QJsonObject c = v.toObject();
        ColumnHealth ch;
        ch.columnId = c.value("column_id"_L1).toString();
        ch.name = c.value("name"_L1).toString();
        ch.type = columnTypeFromString(c.value("type"_L1).toString()).value_or(ColumnType::Dynamic);
        for (const QJsonValue &u : c.value("responsible_unit_ids"_L1).toArray())
            ch.responsibleUnitIds.append(u.toString());
        ch.intervalDays = c.value("interval_days"_L1).toInt();
        const std::optional<ColumnHealthState> state =
            columnHealthStateFromString(c.value("state"_L1).toString());
        if (ch.columnId.isEmpty() || !state) {
            if (error)
                *error = QCoreApplication::translate("ColumnHealth",
                                                     "A column of the column health is not readable.");
            return false;
        }
        ch.state = *state;
        ch.longUnupdated = c.value("long_unupdated"_L1).toBool();
        ch.listed = c.value("listed"_L1).toBool();
        ch.retired = c.value("retired"_L1).toBool();
        ch.lastPublished = QDateTime::fromString(c.value("last_published"_L1).toString(), Qt::ISODateWithMs);
        ch.daysSince = c.value("days_since"_L1).toInt(-1);
        ch.daysLeft = c.value("days_left"_L1).toInt();
        h.columns.append(ch);
    }
    h.stale = thresholdFrom(o.value("stale"_L1).toObject());
    h.longUnupdated = thresholdFrom(o.value("long_unupdated"_L1).toObject());
    h.empty = thresholdFrom(o.value("empty"_L1).toObject());
    for (const QJsonValue &v : o.value("linked_empty"_L1).toArray())
        h.linkedEmpty.append(v.toString());
    *out = std::move(h);
    return true;
}

} // namespace baosong
