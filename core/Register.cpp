#include "Register.h"

#include "Csv.h"
#include "Limits.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

// The column an item is listed in: that of its live revision, else of its latest (as the statistics).
QString columnOf(const Item &item)
{
    const Revision *live = item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
    const Revision *r = live ? live : item.latest();
    return r ? r->content.columnId : QString();
}

QString titleOf(const Item *item, int revision = 0)
{
    if (!item)
        return {};
    const Revision *r = revision > 0 ? item->revision(revision) : nullptr;
    if (!r && item->liveRevision > 0)
        r = item->revision(item->liveRevision);
    if (!r)
        r = item->latest();
    return r ? r->content.title : QString();
}

// The approval that published (or retracted) at `at`: the server stamps both with the same time.
const Decision *approvalAt(const Item &item, const QDateTime &at)
{
    const Decision *best = nullptr;
    qint64 bestGap = 1000; // within a second
    for (const Decision &d : item.decisions) {
        if (d.type != DecisionType::Approve || !d.at.isValid())
            continue;
        const qint64 gap = std::abs(d.at.msecsTo(at));
        if (gap < bestGap || (gap == bestGap && best == nullptr)) {
            best = &d;
            bestGap = gap;
        }
    }
    return best;
}

bool sameTime(const QDateTime &a, const QDateTime &b)
{
    return a.isValid() && b.isValid() && std::abs(a.msecsTo(b)) < 1000;
}

} // namespace

// ---- stale spells ------------------------------------------------------------------------------------

QList<StaleSpell> RegisterCalculator::staleSpells(const Column &column, int intervalDays,
                                                  QList<QDate> published, QDate from, QDate to)
{
    QList<StaleSpell> out;
    if (!from.isValid() || !to.isValid() || to < from || intervalDays <= 0)
        return out;
    published.removeIf([](const QDate &d) { return !d.isValid(); });
    std::sort(published.begin(), published.end());
    published.erase(std::unique(published.begin(), published.end()), published.end());
    // Days [a, b] following the publication `last` (invalid: none yet): stale once more than the
    // interval has passed since it (column health: days since > interval), empty without one.
    const auto segment = [&](QDate a, QDate b, QDate last, bool final) {
        if (a > b)
            return;
        const QDate start = last.isValid() ? std::max(a, last.addDays(intervalDays + 1)) : a;
        if (start > b)
            return;
        StaleSpell s;
        s.columnId = column.id;
        s.name = column.name;
        s.unitIds = column.responsibleUnitIds;
        s.intervalDays = intervalDays;
        s.lastPublished = last;
        s.from = start;
        s.to = b;
        s.ongoing = final;
        out.append(s);
    };
    QDate last;
    QDate cursor = from;
    for (const QDate &p : std::as_const(published)) {
        if (p < from) {
            last = p;
            continue;
        }
        if (p > to)
            break;
        segment(cursor, p.addDays(-1), last, false);
        last = p;
        cursor = p;
    }
    segment(cursor, to, last, true);
    return out;
}

// ---- the register ------------------------------------------------------------------------------------

AccountabilityRegister RegisterCalculator::compute(const Organization &organization,
                                                   const RegisterInput &input, const StatisticsPeriod &period,
                                                   const Deadline &deadline, const RouteEngine &engine,
                                                   QDate today, const ColumnHealthPolicy &policy)
{
    AccountabilityRegister r;
    r.period = period;
    r.judgedTo = today.isValid() ? std::min(period.to, today) : period.to;
    QHash<QString, qsizetype> unitIndex;
    for (const Unit &u : organization.units) {
        unitIndex.insert(u.id, r.units.size());
        UnitRegister row;
        row.unitId = u.id;
        row.name = u.name;
        r.units.append(row);
    }
    const auto unit = [&](const QString &id) -> UnitRegister * {
        const auto it = unitIndex.constFind(id);
        return it == unitIndex.cend() ? nullptr : &r.units[*it];
    };
    QHash<QString, const Item *> items;
    for (const Item &item : input.items)
        items.insert(item.id, &item);

    // Stale columns: every column that holds items (not a parent, not retired) with an interval, judged
    // on each day of the period by the newest first publication listed in it on that day.
    QHash<QString, QList<QDate>> published;
    for (auto it = input.publishedBefore.cbegin(); it != input.publishedBefore.cend(); ++it)
        published[it.key()].append(chinaDate(*it));
    for (const Item &item : input.items) {
        if (item.publishedAt.isValid())
            published[columnOf(item)].append(chinaDate(item.publishedAt));
    }
    QSet<QString> parents;
    for (const Column &c : organization.columns) {
        if (!c.parentId.isEmpty())
            parents.insert(c.parentId);
    }
    // The tree's order, as column health lists them.
    const SiteHealth order = ColumnHealthRules(policy).judge(organization, {}, r.judgedTo);
    for (const ColumnHealth &h : order.columns) {
        const Column *column = organization.column(h.columnId);
        if (!column || column->retired || parents.contains(column->id))
            continue;
        const QList<StaleSpell> spells = staleSpells(*column, policy.intervalOf(*column),
                                                     published.value(column->id), period.from, r.judgedTo);
        for (const QString &unitId : column->responsibleUnitIds) {
            if (UnitRegister *u = unit(unitId); u && !spells.isEmpty()) {
                ++u->staleColumns;
                for (const StaleSpell &s : spells)
                    u->staleDays += s.days();
            }
        }
        r.stale += spells;
    }

    // The audit's events of the period, in order.
    QList<AuditEvent> events;
    for (const AuditEvent &e : input.events) {
        if (period.contains(e.at) &&
            (e.type == "publish"_L1 || e.type == "retract"_L1 || e.type == "override"_L1))
            events.append(e);
    }
    std::stable_sort(events.begin(), events.end(), [](const AuditEvent &a, const AuditEvent &b) {
        return a.at != b.at ? a.at < b.at : a.sequence < b.sequence;
    });

    // The route check: each publication against the approvals of the cycle that made it.
    QSet<QString> checkedItems;
    QSet<QString> recordedPublications; // item id + time, to find publications without an event
    const auto check = [&](const Item *item, const QString &itemId, const QDateTime &at, int revision,
                           bool recorded) {
        ++r.publicationsChecked;
        checkedItems.insert(itemId);
        UnitRegister *u = item ? unit(item->unitId) : nullptr;
        if (u)
            ++u->publicationsChecked;
        RouteFailure f;
        f.itemId = itemId;
        f.title = titleOf(item, revision);
        f.unitId = item ? item->unitId : QString();
        f.at = at;
        f.revision = revision;
        const Decision *approval = item ? approvalAt(*item, at) : nullptr;
        if (!item) {
            f.problem = tr("The item is not on the server.");
        } else if (!recorded) {
            f.problem = tr("The publication has no record in the audit log.");
        } else if (!approval) {
            f.problem = tr("No approval was recorded at its publication.");
        } else {
            const Revision *approved = item->revision(approval->revision);
            const bool municipal = approved ? approved->content.toMunicipalPortal
                                            : item->latest() && item->latest()->content.toMunicipalPortal;
            for (const Stage &s : engine.stages(item->kind, municipal)) {
                f.requiredStages << s.id;
                const bool passed =
                    std::any_of(item->decisions.cbegin(), item->decisions.cend(), [&](const Decision &d) {
                        return d.cycle == approval->cycle && d.stageId == s.id &&
                               d.type == DecisionType::Approve && d.at <= approval->at;
                    });
                if (!passed)
                    f.missingStages << s.id;
            }
            if (f.requiredStages.isEmpty())
                f.problem = tr("No route is defined for its kind.");
            else if (!f.missingStages.isEmpty())
                f.problem = tr("Published without the approval of: %1.").arg(f.missingStages.join(u", "_s));
        }
        if (!f.problem.isEmpty()) {
            if (u)
                ++u->withoutRoute;
            r.withoutRoute.append(f);
        }
    };

    for (const AuditEvent &e : std::as_const(events)) {
        const Item *item = items.value(e.subjectId);
        if (e.type == "override"_L1) {
            OverrideEntry o;
            o.itemId = e.subjectId;
            o.title = titleOf(item);
            o.unitId = e.details.value("unit_id"_L1).toString();
            if (o.unitId.isEmpty() && item)
                o.unitId = item->unitId;
            o.personId = e.actorId;
            o.at = e.at;
            for (const QJsonValue &v : e.details.value("checks"_L1).toArray())
                o.checks << v.toString();
            if (o.checks.isEmpty() && e.details.contains("rule"_L1))
                o.checks << e.details.value("rule"_L1).toString();
            o.reason = e.details.value("reason"_L1).toString();
            if (UnitRegister *u = unit(o.unitId))
                ++u->overrides;
            r.overrides.append(o);
            continue;
        }
        const int revision = e.details.value("revision"_L1).toInt();
        if (e.type == "publish"_L1) {
            recordedPublications.insert(e.subjectId + u'@' +
                                        QString::number(e.at.toMSecsSinceEpoch() / 1000));
            check(item, e.subjectId, e.at, revision, true);
            // A publication after the item's first: an approved change (a correction).
            // (The server stamps the first publication and its event with the same time.)
            const bool correction = item && item->publishedAt.isValid() &&
                                    item->publishedAt.toMSecsSinceEpoch() < e.at.toMSecsSinceEpoch();
            if (!correction)
                continue;
        }
        ChangeEntry c;
        c.itemId = e.subjectId;
        c.title = titleOf(item, revision);
        c.unitId = item ? item->unitId : QString();
        c.personId = e.actorId;
        c.at = e.at;
        c.revision = revision;
        c.retraction = e.type == "retract"_L1;
        if (c.retraction && item) {
            // The reason given with the proposal: the proposer's last comment before it was approved.
            for (const Comment &comment : item->comments) {
                if (comment.personId == item->authorId && comment.at <= e.at)
                    c.reason = comment.text;
            }
        }
        if (UnitRegister *u = unit(c.unitId))
            ++(c.retraction ? u->retractions : u->corrections);
        r.corrections.append(c);
    }

    // First publications in the period: one without its audit event is checked (and fails) too; and
    // those past the 15-day limit are late.
    QList<const Item *> firstPublished;
    for (const Item &item : input.items) {
        if (item.liveRevision > 0 && period.contains(item.publishedAt))
            firstPublished.append(&item);
    }
    std::stable_sort(firstPublished.begin(), firstPublished.end(),
                     [](const Item *a, const Item *b) { return a->publishedAt < b->publishedAt; });
    for (const Item *item : std::as_const(firstPublished)) {
        const QString key = item->id + u'@' + QString::number(item->publishedAt.toMSecsSinceEpoch() / 1000);
        bool recorded = recordedPublications.contains(key);
        if (!recorded) { // a second's boundary between the two stamps
            for (const AuditEvent &e : std::as_const(events))
                recorded = recorded || (e.type == "publish"_L1 && e.subjectId == item->id &&
                                        sameTime(e.at, item->publishedAt));
        }
        if (!recorded)
            check(item, item->id, item->publishedAt, item->liveRevision, false);
        const Revision *live = item->revision(item->liveRevision);
        const QDate from = live ? live->content.deadlineFrom() : QDate();
        if (!from.isValid())
            continue;
        const QDate day = chinaDate(item->publishedAt);
        if (deadline.state(from, day, day) != DeadlineState::Breached)
            continue;
        LateEntry l;
        l.itemId = item->id;
        l.title = live->content.title;
        l.unitId = item->unitId;
        l.deadlineFrom = from;
        l.limit = deadline.limitDate(from);
        l.published = day;
        l.days = int(from.daysTo(day));
        if (UnitRegister *u = unit(l.unitId))
            ++u->late;
        r.late.append(l);
    }
    r.itemsChecked = int(checkedItems.size());

    // Notices dated in the period, and earlier ones still open when it began.
    for (const InspectionNotice &n : input.notices) {
        if (!n.date.isValid() || n.date > period.to ||
            (n.closed && n.closedOn.isValid() && n.closedOn < period.from))
            continue;
        r.notices.append(n);
        if (UnitRegister *u = unit(n.unitId)) {
            ++u->notices;
            u->openNotices += !n.closed;
        }
    }
    std::stable_sort(r.notices.begin(), r.notices.end(),
                     [](const InspectionNotice &a, const InspectionNotice &b) { return a.date < b.date; });
    // Items checked per unit (the restricted view adds them up).
    QHash<QString, QSet<QString>> unitItems;
    for (const QString &id : std::as_const(checkedItems)) {
        if (const Item *item = items.value(id))
            unitItems[item->unitId].insert(id);
    }
    for (UnitRegister &u : r.units)
        u.itemsChecked = int(unitItems.value(u.unitId).size());
    return r;
}

AccountabilityRegister RegisterCalculator::restrictedTo(const AccountabilityRegister &r,
                                                        const QStringList &unitIds)
{
    AccountabilityRegister out;
    out.period = r.period;
    out.judgedTo = r.judgedTo;
    for (const UnitRegister &u : r.units) {
        if (!unitIds.contains(u.unitId))
            continue;
        out.units.append(u);
        out.publicationsChecked += u.publicationsChecked;
        out.itemsChecked += u.itemsChecked;
    }
    for (const StaleSpell &s : r.stale) {
        if (std::any_of(s.unitIds.cbegin(), s.unitIds.cend(),
                        [&](const QString &id) { return unitIds.contains(id); }))
            out.stale.append(s);
    }
    const auto ours = [&](const QString &unitId) { return unitIds.contains(unitId); };
    for (const RouteFailure &f : r.withoutRoute) {
        if (ours(f.unitId))
            out.withoutRoute.append(f);
    }
    for (const OverrideEntry &o : r.overrides) {
        if (ours(o.unitId))
            out.overrides.append(o);
    }
    for (const ChangeEntry &c : r.corrections) {
        if (ours(c.unitId))
            out.corrections.append(c);
    }
    for (const LateEntry &l : r.late) {
        if (ours(l.unitId))
            out.late.append(l);
    }
    for (const InspectionNotice &n : r.notices) {
        if (ours(n.unitId))
            out.notices.append(n);
    }
    return out;
}

// ---- CSV ----------------------------------------------------------------------------------------------

QStringList RegisterCalculator::summaryNames()
{
    return {tr("Stale columns"), tr("Days stale"),  tr("Publications checked"), tr("Without the full route"),
            tr("Overrides"),     tr("Corrections"), tr("Retractions"),          tr("Late items"),
            tr("Notices"),       tr("Open notices")};
}

QList<int> RegisterCalculator::summaryValues(const UnitRegister &u)
{
    return {u.staleColumns, u.staleDays,   u.publicationsChecked, u.withoutRoute,
            u.overrides,    u.corrections, u.retractions,         u.late,
            u.notices,      u.openNotices};
}

UnitRegister RegisterCalculator::total(const QList<UnitRegister> &units)
{
    UnitRegister t;
    for (const UnitRegister &u : units) {
        t.staleColumns += u.staleColumns;
        t.staleDays += u.staleDays;
        t.publicationsChecked += u.publicationsChecked;
        t.itemsChecked += u.itemsChecked;
        t.withoutRoute += u.withoutRoute;
        t.overrides += u.overrides;
        t.corrections += u.corrections;
        t.retractions += u.retractions;
        t.late += u.late;
        t.notices += u.notices;
        t.openNotices += u.openNotices;
    }
    return t;
}

QByteArray RegisterCalculator::csv(const AccountabilityRegister &r, const Organization &organization)
{
    const auto unitName = [&](const QString &id) {
        const Unit *u = organization.unit(id);
        return u ? u->name : id;
    };
    const auto personName = [&](const QString &id) {
        const Person *p = organization.person(id);
        return p ? p->name : id;
    };
    const auto day = [](const QDate &d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); };
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toTimeZone(chinaTimeZone()).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
    };
    QList<QStringList> rows;
    rows << QStringList{tr("Accountability register"), day(r.period.from), day(r.period.to)}
         << QStringList{tr("Judged to"), day(r.judgedTo)} << QStringList();
    rows << QStringList{tr("Unit")} + summaryNames();
    for (const UnitRegister &u : r.units) {
        QStringList row{u.name};
        for (int v : summaryValues(u))
            row << QString::number(v);
        rows << row;
    }
    rows << QStringList() << QStringList{tr("Stale columns")}
         << QStringList{tr("Column"),         tr("Responsible units"), tr("Interval (days)"),
                        tr("Last published"), tr("Stale from"),        tr("Stale to"),
                        tr("Days"),           tr("Still stale")};
    for (const StaleSpell &s : r.stale) {
        QStringList units;
        for (const QString &id : s.unitIds)
            units << unitName(id);
        rows << QStringList{s.name,
                            units.join(u"; "_s),
                            QString::number(s.intervalDays),
                            s.empty() ? tr("never (empty)") : day(s.lastPublished),
                            day(s.from),
                            day(s.to),
                            QString::number(s.days()),
                            s.ongoing ? tr("yes") : QString()};
    }
    rows << QStringList() << QStringList{tr("Route check")}
         << QStringList{tr("Publications checked"),
                        QString::number(r.publicationsChecked),
                        tr("Items"),
                        QString::number(r.itemsChecked),
                        tr("Without the full route"),
                        QString::number(r.withoutRoute.size())};
    rows << QStringList{tr("Time"),           tr("Unit"),   tr("Item"), tr("Title"), tr("Required stages"),
                        tr("Missing stages"), tr("Problem")};
    for (const RouteFailure &f : r.withoutRoute)
        rows << QStringList{time(f.at),
                            unitName(f.unitId),
                            f.itemId,
                            f.title,
                            f.requiredStages.join(u"; "_s),
                            f.missingStages.join(u"; "_s),
                            f.problem};
    rows << QStringList() << QStringList{tr("Overrides")}
         << QStringList{tr("Time"),  tr("Unit"),   tr("Person"), tr("Item"),
                        tr("Title"), tr("Checks"), tr("Reason")};
    for (const OverrideEntry &o : r.overrides)
        rows << QStringList{
            time(o.at), unitName(o.unitId), personName(o.personId), o.itemId, o.title, o.checks.join(u"; "_s),
            o.reason};
    rows << QStringList() << QStringList{tr("Corrections and retractions")}
         << QStringList{tr("Time"),  tr("Unit"),        tr("Kind"),  tr("Item"),
                        tr("Title"), tr("Approved by"), tr("Reason")};
    for (const ChangeEntry &c : r.corrections)
        rows << QStringList{time(c.at),
                            unitName(c.unitId),
                            c.retraction ? tr("Retraction") : tr("Correction"),
                            c.itemId,
                            c.title,
                            personName(c.personId),
                            c.reason};
    rows << QStringList() << QStringList{tr("Late items")}
         << QStringList{tr("Unit"),  tr("Item"),      tr("Title"), tr("Counted from"),
                        tr("Limit"), tr("Published"), tr("Days")};
    for (const LateEntry &l : r.late)
        rows << QStringList{unitName(l.unitId),     l.itemId,     l.title,
                            day(l.deadlineFrom),    day(l.limit), day(l.published),
                            QString::number(l.days)};
    rows << QStringList() << QStringList{tr("Inspection notices")}
         << QStringList{tr("Date"),      tr("Source"), tr("Finding"),  tr("Unit"),
                        tr("Follow-up"), tr("Closed"), tr("Closed on")};
    for (const InspectionNotice &n : r.notices)
        rows << QStringList{day(n.date),        n.source,   n.finding,
                            unitName(n.unitId), n.followUp, n.closed ? tr("yes") : tr("no"),
                            day(n.closedOn)};
    return csvDocument(rows);
}

// ---- inspection notices -------------------------------------------------------------------------------

QStringList InspectionNotices::problems(const InspectionNotice &n, const Organization &organization,
                                        QDate today)
{
    QStringList out;
    if (!n.date.isValid())
        out << tr("The notice's date is required.");
    else if (today.isValid() && n.date > today)
        out << tr("The notice's date (%1) is in the future.").arg(n.date.toString(Qt::ISODate));
    const auto text = [&](const QString &field, const QString &value, int max, bool required) {
        if (required && value.trimmed().isEmpty())
            out << tr("%1 is required.").arg(field);
        else if (const QString why = limits::textProblem(field, value, max); !why.isEmpty())
            out << why;
    };
    text(tr("The source"), n.source, limits::kShortTextChars, true);
    text(tr("The finding"), n.finding, limits::kNoticeTextChars, true);
    text(tr("The follow-up"), n.followUp, limits::kNoticeTextChars, false);
    if (n.unitId.trimmed().isEmpty())
        out << tr("The unit is required.");
    else if (!organization.unit(n.unitId))
        out << tr("There is no unit \"%1\".").arg(n.unitId.left(limits::kIdChars));
    if (n.closed && !n.closedOn.isValid())
        out << tr("A closed notice needs the date it was closed.");
    else if (!n.closed && n.closedOn.isValid())
        out << tr("An open notice has no closing date: mark it closed, or leave the date out.");
    else if (n.closed && n.date.isValid() && n.closedOn < n.date)
        out << tr("The notice cannot be closed (%1) before its date (%2).")
                   .arg(n.closedOn.toString(Qt::ISODate), n.date.toString(Qt::ISODate));
    else if (n.closed && today.isValid() && n.closedOn > today)
        out << tr("The closing date (%1) is in the future.").arg(n.closedOn.toString(Qt::ISODate));
    return out;
}

QJsonObject InspectionNotices::changes(const InspectionNotice &before, const InspectionNotice &after)
{
    QJsonObject out;
    const auto day = [](const QDate &d) {
        return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
    };
    const auto add = [&](QLatin1StringView field, const QJsonValue &from, const QJsonValue &to) {
        if (from != to)
            out.insert(field, QJsonObject{{"from"_L1, from}, {"to"_L1, to}});
    };
    add("date"_L1, day(before.date), day(after.date));
    add("source"_L1, before.source, after.source);
    add("finding"_L1, before.finding, after.finding);
    add("unit_id"_L1, before.unitId, after.unitId);
    add("follow_up"_L1, before.followUp, after.followUp);
    add("closed"_L1, before.closed, after.closed);
    add("closed_on"_L1, day(before.closedOn), day(after.closedOn));
    return out;
}

bool InspectionNotices::mayWrite(const Person &person)
{
    return !person.disabled &&
           (person.hasRole(Role::SiteAdministrator) || person.hasRole(Role::Administrator));
}

// ---- the wire form -------------------------------------------------------------------------------------

namespace {

QJsonValue dayJson(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDate dayFrom(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QDateTime timeFrom(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

} // namespace

QJsonObject toJson(const InspectionNotice &n)
{
    QJsonObject o{{"id"_L1, n.id},           {"date"_L1, dayJson(n.date)}, {"source"_L1, n.source},
                  {"finding"_L1, n.finding}, {"unit_id"_L1, n.unitId},     {"follow_up"_L1, n.followUp},
                  {"closed"_L1, n.closed},   {"version"_L1, n.version}};
    if (n.closedOn.isValid())
        o.insert("closed_on"_L1, dayJson(n.closedOn));
    if (!n.createdBy.isEmpty())
        o.insert("created_by"_L1, n.createdBy);
    if (n.createdAt.isValid())
        o.insert("created_at"_L1, timeJson(n.createdAt));
    if (!n.updatedBy.isEmpty())
        o.insert("updated_by"_L1, n.updatedBy);
    if (n.updatedAt.isValid())
        o.insert("updated_at"_L1, timeJson(n.updatedAt));
    return o;
}

bool fromJson(const QJsonObject &o, InspectionNotice *out, QString *error)
{
    InspectionNotice n;
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    for (QLatin1StringView key : {"id"_L1, "source"_L1, "finding"_L1, "unit_id"_L1, "follow_up"_L1,
                                  "created_by"_L1, "updated_by"_L1}) {
        if (o.contains(key) && !o.value(key).isString() && !o.value(key).isNull())
            return fail(InspectionNotices::tr("\"%1\" must be text.").arg(key));
    }
    for (QLatin1StringView key : {"date"_L1, "closed_on"_L1}) {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isNull() &&
            !(v.isString() && (v.toString().isEmpty() || dayFrom(v).isValid())))
            return fail(InspectionNotices::tr("\"%1\" must be a date (YYYY-MM-DD).").arg(key));
    }
    if (o.contains("closed"_L1) && !o.value("closed"_L1).isBool())
        return fail(InspectionNotices::tr("\"closed\" must be true or false."));
    if (o.contains("version"_L1) && !o.value("version"_L1).isDouble())
        return fail(InspectionNotices::tr("\"version\" must be a number."));
    n.id = o.value("id"_L1).toString();
    n.date = dayFrom(o.value("date"_L1));
    n.source = o.value("source"_L1).toString();
    n.finding = o.value("finding"_L1).toString();
    n.unitId = o.value("unit_id"_L1).toString();
    n.followUp = o.value("follow_up"_L1).toString();
    n.closed = o.value("closed"_L1).toBool();
    n.closedOn = dayFrom(o.value("closed_on"_L1));
    n.version = o.value("version"_L1).toInt();
    n.createdBy = o.value("created_by"_L1).toString();
    n.createdAt = timeFrom(o.value("created_at"_L1));
    n.updatedBy = o.value("updated_by"_L1).toString();
    n.updatedAt = timeFrom(o.value("updated_at"_L1));
    *out = std::move(n);
    return true;
}

QJsonObject toJson(const AccountabilityRegister &r)
{
    QJsonArray units;
    for (const UnitRegister &u : r.units)
        units.append(QJsonObject{{"unit_id"_L1, u.unitId},
                                 {"name"_L1, u.name},
                                 {"stale_columns"_L1, u.staleColumns},
                                 {"stale_days"_L1, u.staleDays},
                                 {"publications_checked"_L1, u.publicationsChecked},
                                 {"items_checked"_L1, u.itemsChecked},
                                 {"without_route"_L1, u.withoutRoute},
                                 {"overrides"_L1, u.overrides},
                                 {"corrections"_L1, u.corrections},
                                 {"retractions"_L1, u.retractions},
                                 {"late"_L1, u.late},
                                 {"notices"_L1, u.notices},
                                 {"open_notices"_L1, u.openNotices}});
    QJsonArray stale;
    for (const StaleSpell &s : r.stale)
        stale.append(QJsonObject{{"column_id"_L1, s.columnId},
                                 {"name"_L1, s.name},
                                 {"unit_ids"_L1, QJsonArray::fromStringList(s.unitIds)},
                                 {"interval_days"_L1, s.intervalDays},
                                 {"last_published"_L1, dayJson(s.lastPublished)},
                                 {"from"_L1, dayJson(s.from)},
                                 {"to"_L1, dayJson(s.to)},
                                 {"days"_L1, s.days()},
                                 {"ongoing"_L1, s.ongoing},
                                 {"empty"_L1, s.empty()}});
    QJsonArray failures;
    for (const RouteFailure &f : r.withoutRoute)
        failures.append(QJsonObject{{"item_id"_L1, f.itemId},
                                    {"title"_L1, f.title},
                                    {"unit_id"_L1, f.unitId},
                                    {"at"_L1, timeJson(f.at)},
                                    {"revision"_L1, f.revision},
                                    {"required_stages"_L1, QJsonArray::fromStringList(f.requiredStages)},
                                    {"missing_stages"_L1, QJsonArray::fromStringList(f.missingStages)},
                                    {"problem"_L1, f.problem}});
    QJsonArray overrides;
    for (const OverrideEntry &o : r.overrides)
        overrides.append(QJsonObject{{"item_id"_L1, o.itemId},
                                     {"title"_L1, o.title},
                                     {"unit_id"_L1, o.unitId},
                                     {"person_id"_L1, o.personId},
                                     {"at"_L1, timeJson(o.at)},
                                     {"checks"_L1, QJsonArray::fromStringList(o.checks)},
                                     {"reason"_L1, o.reason}});
    QJsonArray corrections;
    for (const ChangeEntry &c : r.corrections)
        corrections.append(QJsonObject{{"item_id"_L1, c.itemId},
                                       {"title"_L1, c.title},
                                       {"unit_id"_L1, c.unitId},
                                       {"person_id"_L1, c.personId},
                                       {"at"_L1, timeJson(c.at)},
                                       {"revision"_L1, c.revision},
                                       {"kind"_L1, c.retraction ? u"retraction"_s : u"correction"_s},
                                       {"reason"_L1, c.reason}});
    QJsonArray late;
    for (const LateEntry &l : r.late)
        late.append(QJsonObject{{"item_id"_L1, l.itemId},
                                {"title"_L1, l.title},
                                {"unit_id"_L1, l.unitId},
                                {"deadline_from"_L1, dayJson(l.deadlineFrom)},
                                {"limit"_L1, dayJson(l.limit)},
                                {"published"_L1, dayJson(l.published)},
                                {"days"_L1, l.days}});
    QJsonArray notices;
    for (const InspectionNotice &n : r.notices)
        notices.append(toJson(n));
    return {{"from"_L1, dayJson(r.period.from)},
            {"to"_L1, dayJson(r.period.to)},
            {"judged_to"_L1, dayJson(r.judgedTo)},
            {"units"_L1, units},
            {"stale"_L1, stale},
            {"route_check"_L1, QJsonObject{{"publications"_L1, r.publicationsChecked},
                                           {"items"_L1, r.itemsChecked},
                                           {"failures"_L1, failures}}},
            {"overrides"_L1, overrides},
            {"corrections"_L1, corrections},
            {"late"_L1, late},
            {"notices"_L1, notices}};
}

bool fromJson(const QJsonObject &o, AccountabilityRegister *out, QString *error)
{
    AccountabilityRegister r;
    r.period = {dayFrom(o.value("from"_L1)), dayFrom(o.value("to"_L1))};
    if (!r.period.isValid() || !o.value("units"_L1).isArray()) {
        if (error)
            *error = RegisterCalculator::tr("The register is not readable (no period or units).");
        return false;
    }
    r.judgedTo = dayFrom(o.value("judged_to"_L1));
    const auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &s : v.toArray())
            out << s.toString();
        return out;
    };
    for (const QJsonValue &v : o.value("units"_L1).toArray()) {
        const QJsonObject u = v.toObject();
        UnitRegister row;
        row.unitId = u.value("unit_id"_L1).toString();
        row.name = u.value("name"_L1).toString();
        row.staleColumns = u.value("stale_columns"_L1).toInt();
        row.staleDays = u.value("stale_days"_L1).toInt();
        row.publicationsChecked = u.value("publications_checked"_L1).toInt();
        row.itemsChecked = u.value("items_checked"_L1).toInt();
        row.withoutRoute = u.value("without_route"_L1).toInt();
        row.overrides = u.value("overrides"_L1).toInt();
        row.corrections = u.value("corrections"_L1).toInt();
        row.retractions = u.value("retractions"_L1).toInt();
        row.late = u.value("late"_L1).toInt();
        row.notices = u.value("notices"_L1).toInt();
        row.openNotices = u.value("open_notices"_L1).toInt();
        r.units.append(row);
    }
    for (const QJsonValue &v : o.value("stale"_L1).toArray()) {
        const QJsonObject s = v.toObject();
        StaleSpell spell;
        spell.columnId = s.value("column_id"_L1).toString();
        spell.name = s.value("name"_L1).toString();
        spell.unitIds = strings(s.value("unit_ids"_L1));
        spell.intervalDays = s.value("interval_days"_L1).toInt();
        spell.lastPublished = dayFrom(s.value("last_published"_L1));
        spell.from = dayFrom(s.value("from"_L1));
        spell.to = dayFrom(s.value("to"_L1));
        spell.ongoing = s.value("ongoing"_L1).toBool();
        r.stale.append(spell);
    }
    const QJsonObject check = o.value("route_check"_L1).toObject();
    r.publicationsChecked = check.value("publications"_L1).toInt();
    r.itemsChecked = check.value("items"_L1).toInt();
    for (const QJsonValue &v : check.value("failures"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        r.withoutRoute.append(
            RouteFailure{f.value("item_id"_L1).toString(), f.value("title"_L1).toString(),
                         f.value("unit_id"_L1).toString(), timeFrom(f.value("at"_L1)),
                         f.value("revision"_L1).toInt(), strings(f.value("required_stages"_L1)),
                         strings(f.value("missing_stages"_L1)), f.value("problem"_L1).toString()});
    }
    for (const QJsonValue &v : o.value("overrides"_L1).toArray()) {
        const QJsonObject e = v.toObject();
        r.overrides.append(OverrideEntry{e.value("item_id"_L1).toString(), e.value("title"_L1).toString(),
                                         e.value("unit_id"_L1).toString(), e.value("person_id"_L1).toString(),
                                         timeFrom(e.value("at"_L1)), strings(e.value("checks"_L1)),
                                         e.value("reason"_L1).toString()});
    }
    for (const QJsonValue &v : o.value("corrections"_L1).toArray()) {
        const QJsonObject e = v.toObject();
        r.corrections.append(ChangeEntry{e.value("item_id"_L1).toString(), e.value("title"_L1).toString(),
                                         e.value("unit_id"_L1).toString(), e.value("person_id"_L1).toString(),
                                         timeFrom(e.value("at"_L1)), e.value("revision"_L1).toInt(),
                                         e.value("kind"_L1).toString() == "retraction"_L1,
                                         e.value("reason"_L1).toString()});
    }
    for (const QJsonValue &v : o.value("late"_L1).toArray()) {
        const QJsonObject e = v.toObject();
        r.late.append(LateEntry{e.value("item_id"_L1).toString(), e.value("title"_L1).toString(),
                                e.value("unit_id"_L1).toString(), dayFrom(e.value("deadline_from"_L1)),
                                dayFrom(e.value("limit"_L1)), dayFrom(e.value("published"_L1)),
                                e.value("days"_L1).toInt()});
    }
    for (const QJsonValue &v : o.value("notices"_L1).toArray()) {
        InspectionNotice n;
        if (fromJson(v.toObject(), &n, error))
            r.notices.append(n);
    }
    *out = std::move(r);
    return true;
}

} // namespace baosong
