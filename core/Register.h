#pragma once

// The accountability register (问责登记, issue #18 point 6; docs/design.md §5; Art. 23): for a period (a
// quarter or any range of days, as the statistics take it), per unit,
//   stale columns   the columns the unit is responsible for that were left stale (or empty) on days of
//                   the period, by column health's rule (core/ColumnHealth) applied to each day: the
//                   column's interval, counted from the newest first publication listed in it that day;
//   the route check every publication in the period (first publications and approved changes, as the
//                   audit's `publish` events record them) checked against its item: an approval of the
//                   cycle that published it at every stage its route (core/RouteEngine) required; the
//                   failures listed (none should exist: the server refuses to skip a level);
//   overrides       blocking findings overridden with a recorded reason (the audit's `override` events):
//                   who, when, which checks, the reason;
//   corrections     approved changes of published items, one per approval (a `publish` event of an item
//                   first published earlier), and retractions (`retract` events);
//   late items      first published in the period past the 15-day limit (core/Deadline: Breached), as the
//                   statistics count them;
//   notices         the inspection notices (通报) the site administrator records — date, source, finding,
//                   unit, follow-up, closed and when — dated in the period or still open at its start.
// Computed in one place (here) on the server, from what it feeds in (RegisterInput); the client shows
// it. Who sees which units is the statistics' rule (StatisticsCalculator::visibleUnits).

#include "ColumnHealth.h"
#include "Deadline.h"
#include "Domain.h"
#include "Statistics.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace baosong {

class Organization;
class RouteEngine;

// An inspection notice (检查通报) recorded by the site administrator: what an inspection (e.g. the
// provincial government-affairs-openness office's quarterly check of the site) found, for which unit,
// what was done about it, and whether it is closed.
struct InspectionNotice
{
    QString id;       // made by the server (a UUID)
    QDate date;       // the notice's date
    QString source;   // who inspected: 省政务公开办季度检查, 市政府办公室抽查…
    QString finding;  // what was found
    QString unitId;   // the unit it concerns
    QString followUp; // what the unit did or must do (整改情况)
    bool closed = false;
    QDate closedOn;  // when closed; invalid while open
    int version = 0; // grows with every change; a change names the version it was made on
    QString createdBy;
    QDateTime createdAt;
    QString updatedBy;
    QDateTime updatedAt;

    bool operator==(const InspectionNotice &) const = default;
};

// One spell of a column left stale (or empty) within the period.
struct StaleSpell
{
    QString columnId;
    QString name;
    QStringList unitIds; // the column's responsible units
    int intervalDays = 0;
    QDate lastPublished;  // the publication the spell follows; invalid: nothing published yet (empty)
    QDate from;           // first stale day in the period
    QDate to;             // last stale day in the period (or the day judged on)
    bool ongoing = false; // still stale on the last day judged
    int days() const { return int(from.daysTo(to)) + 1; }
    bool empty() const { return !lastPublished.isValid(); }
};

// A publication (a first publication or an approved change) whose route was not complete.
struct RouteFailure
{
    QString itemId;
    QString title;
    QString unitId;
    QDateTime at;
    int revision = 0;
    QStringList requiredStages; // the stage ids its route required
    QStringList missingStages;  // without an approval of that cycle
    QString problem;            // translated: what is wrong
};

struct OverrideEntry
{
    QString itemId;
    QString title;
    QString unitId;
    QString personId;
    QDateTime at;
    QStringList checks; // the overridden checks' keys (core/Checks)
    QString reason;
};

// An approved change of a published item (correction) or a retraction.
struct ChangeEntry
{
    QString itemId;
    QString title;
    QString unitId;
    QString personId; // who approved it (the last stage)
    QDateTime at;
    int revision = 0;
    bool retraction = false;
    QString reason; // a retraction's reason, as proposed
};

struct LateEntry
{
    QString itemId;
    QString title;
    QString unitId;
    QDate deadlineFrom; // the day the deadline counts from (information date, or an earlier release)
    QDate limit;        // the last day within the limit (15 days)
    QDate published;
    int days = 0; // calendar days from deadlineFrom to the publication
};

struct UnitRegister
{
    QString unitId;
    QString name;
    int staleColumns = 0;        // columns with a stale or empty spell
    int staleDays = 0;           // column-days stale or empty, summed
    int publicationsChecked = 0; // publications of the unit's items checked against their route
    int itemsChecked = 0;        // the items those publications were of
    int withoutRoute = 0;        // of those, without the full route
    int overrides = 0;
    int corrections = 0;
    int retractions = 0;
    int late = 0;
    int notices = 0;
    int openNotices = 0; // not closed (as recorded now)

    // Something the unit has to answer for (the publications checked are good work, not a finding).
    bool hasFindings() const
    {
        return staleColumns || withoutRoute || overrides || corrections || retractions || late || notices;
    }
};

struct AccountabilityRegister
{
    StatisticsPeriod period;
    QDate judgedTo;            // the last day judged: the period's end, or today when earlier
    QList<UnitRegister> units; // in the organization's order
    QList<StaleSpell> stale;   // by column (the tree's order), then by day
    int publicationsChecked = 0;
    int itemsChecked = 0;
    QList<RouteFailure> withoutRoute;
    QList<OverrideEntry> overrides;  // by time
    QList<ChangeEntry> corrections;  // by time; corrections and retractions
    QList<LateEntry> late;           // by publication
    QList<InspectionNotice> notices; // by date
};

// What the server feeds in.
struct RegisterInput
{
    // At least every item with something in the period (more do no harm), and every item the events
    // name.
    QList<Item> items;
    // The audit's `publish`, `retract` and `override` events of the period (others are ignored).
    QList<AuditEvent> events;
    // Per column: the newest first publication listed in it before the period began (the site's
    // index); the items' own publications are added to it.
    QHash<QString, QDateTime> publishedBefore;
    QList<InspectionNotice> notices;
};

class RegisterCalculator
{
    Q_DECLARE_TR_FUNCTIONS(RegisterCalculator)

public:
    // `today`: days after it are not judged (a current quarter is judged up to today).
    static AccountabilityRegister compute(const Organization &organization, const RegisterInput &input,
                                          const StatisticsPeriod &period, const Deadline &deadline,
                                          const RouteEngine &engine, QDate today,
                                          const ColumnHealthPolicy &policy = {});
    // Only the units in `unitIds` (StatisticsCalculator::visibleUnits): their rows, the spells of
    // columns they are responsible for, their entries and notices; the check's counts theirs.
    static AccountabilityRegister restrictedTo(const AccountabilityRegister &r, const QStringList &unitIds);

    // The stale spells of one column over [from, to], given its publication days (any order; days
    // before `from` count only by the newest), by column health's rule with `intervalDays`.
    static QList<StaleSpell> staleSpells(const Column &column, int intervalDays, QList<QDate> published,
                                         QDate from, QDate to);

    // The register as CSV for Excel and WPS (core/Csv): the period, the summary per unit, then each
    // section with its entries; `organization` names units, people and columns.
    static QByteArray csv(const AccountabilityRegister &r, const Organization &organization);
    // The summary's column names (translated), in the order of UnitRegister after the unit's name.
    static QStringList summaryNames();
    static QList<int> summaryValues(const UnitRegister &u);
    // Every unit's figures added up (a column shared by several units counts for each of them).
    static UnitRegister total(const QList<UnitRegister> &units);
};

// Inspection notices: what a site administrator may record.
class InspectionNotices
{
    Q_DECLARE_TR_FUNCTIONS(InspectionNotices)

public:
    // Every problem of `notice` (translated, naming the field): the date, the source, the finding and
    // the unit required; texts within core/Limits' sizes and free of control characters; a known unit;
    // dates not in the future (after `today`); closed with its closing date, not before the notice's;
    // an open notice without one.
    static QStringList problems(const InspectionNotice &notice, const Organization &organization,
                                QDate today);
    // The fields that differ, for the audit: {"field": {"from": …, "to": …}}.
    static QJsonObject changes(const InspectionNotice &before, const InspectionNotice &after);
    // Whether `person` may record and edit notices: a site administrator or an administrator.
    static bool mayWrite(const Person &person);
};

QJsonObject toJson(const InspectionNotice &notice);
// Reads what a client sends or the server keeps: date, source, finding, unit_id, follow_up, closed,
// closed_on (and id, version, the creation and change stamps when present). False with *error
// (translated) when a field has the wrong type or a date is not a date.
bool fromJson(const QJsonObject &o, InspectionNotice *out, QString *error);

QJsonObject toJson(const AccountabilityRegister &r);
bool fromJson(const QJsonObject &o, AccountabilityRegister *out, QString *error);

} // namespace baosong
