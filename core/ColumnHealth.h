#pragma once

// Column health (docs/design.md §5; Art. 7, 23 item 1; 国办秘函〔2019〕19号): for every column, when
// it was last updated and whether it is fresh, due soon, stale or empty; for the site, how close it
// is to the counts at which an inspection fails it. The whole rule lives here; the server computes it
// from its site index (GET /api/v1/columns/health, `baosong-server column-health`) and the client
// shows it and reminds the responsible units.
//
// Expected interval: the column's own (Column::updateIntervalDays) when set, else the national
// default of its type — dynamic columns 14 days, notice, policy and interpretation columns 180 days;
// static columns (机构概况…) none.
// States, judged on `today` (calendar days since the newest publication listed in the column or its
// sub-columns):
//   Empty    nothing published in it;
//   Fresh    updated within its interval with more than `dueSoonDays(interval)` days left;
//   DueSoon  at most that many days left (the responsible units are reminded);
//   Stale    older than its interval.
//   A column without an interval is Fresh or Empty.
// Long unupdated (长期未更新): not updated for `longDays` (180), whatever its interval (static columns
// excepted: their content rightly stands).
// The site: an inspection fails it when `staleLimit` (5) or more dynamic, notice, policy or
// interpretation columns are stale, `longLimit` (10) or more columns are long unupdated, or
// `emptyLimit` (5) or more columns are empty; the view warns `warnMargin` (2) before each.
// Only what the site shows counts (#21.1): a column is listed in the site's navigation, home page and
// site map when it is not retired and has something published in it, or the office set it listed
// even while empty (isColumnListed: the one rule, used by the site renderer too). An empty column
// that is not listed is judged Empty but not counted; a listed empty one is counted and warned of by
// name (SiteHealth::linkedEmpty). Retired columns count in nothing.

#include "Domain.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace baosong {

class Organization;

enum class ColumnHealthState
{
    Fresh,
    DueSoon,
    Stale,
    Empty,
};

namespace keys {
QString toString(ColumnHealthState v); // "fresh", "due_soon", "stale", "empty"
std::optional<ColumnHealthState> columnHealthStateFromString(const QString &s);
} // namespace keys
QString displayName(ColumnHealthState v);

// Whether the public site lists `column` in its navigation, its home page and its site map (#21.1):
// never when retired; else when something is published in it or its sub-columns (`hasContent`) or
// when the office listed it even while empty (Column::listedWhenEmpty). Its pages are written either
// way (links to them keep working). shownColumnIds applies it to the tree.
bool isColumnListed(const Column &column, bool hasContent);
// The columns of `columns` the site shows: those listed (above), and the parents on the way to
// them (a sub-column listed while empty brings its empty parent), none under a retired column.
// `withContent`: the ids of the columns with something published in them or below.
QSet<QString> shownColumnIds(const QList<Column> &columns, const QSet<QString> &withContent);

struct ColumnHealthPolicy
{
    int dynamicDays = 14; // 动态类: two weeks
    int noticeDays = 180; // 通知公告类: six months
    int policyDays = 180; // 政策文件类, 政策解读类: six months
    int longDays = 180;   // 长期未更新
    int staleLimit = 5;
    int longLimit = 10;
    int emptyLimit = 5;
    int warnMargin = 2;

    // The column's expected interval in days; 0: none.
    int intervalOf(const Column &column) const;
    // Days before the end of `interval` at which a column is due soon: 3 for intervals up to a month,
    // else 14.
    static int dueSoonDays(int interval) { return interval <= 31 ? 3 : 14; }
};

struct ColumnHealth
{
    QString columnId;
    QString name;
    ColumnType type = ColumnType::Dynamic;
    QStringList responsibleUnitIds;
    int intervalDays = 0;    // 0: none
    QDateTime lastPublished; // invalid when empty
    int daysSince = -1;      // since the last publication; -1 when empty
    int daysLeft = 0;        // before it goes stale (negative: stale for so many days); 0 without interval
    ColumnHealthState state = ColumnHealthState::Empty;
    bool longUnupdated = false;
    bool listed = false;  // the site lists it (isColumnListed)
    bool retired = false; // Column::retired
};

// Where the site stands against one of the inspection's counts.
struct HealthThreshold
{
    int count = 0;
    int limit = 0;
    bool warning = false; // count >= limit - warnMargin
    bool failing = false; // count >= limit
};

struct SiteHealth
{
    QList<ColumnHealth> columns; // in the tree's order
    HealthThreshold stale;       // stale dynamic, notice, policy and interpretation columns
    HealthThreshold longUnupdated;
    HealthThreshold empty;   // listed empty columns
    QStringList linkedEmpty; // the ids of listed columns with nothing published (a warning each)
    bool warning() const
    {
        return stale.warning || longUnupdated.warning || empty.warning || !linkedEmpty.isEmpty();
    }
    bool failing() const { return stale.failing || longUnupdated.failing || empty.failing; }
    // The warnings in words (translated), one per threshold reached or approached.
    QStringList messages() const;
};

class ColumnHealthRules
{
    Q_DECLARE_TR_FUNCTIONS(ColumnHealthRules)

public:
    explicit ColumnHealthRules(ColumnHealthPolicy policy = {})
        : m_policy(policy)
    {}
    const ColumnHealthPolicy &policy() const { return m_policy; }

    // One column, last published at `lastPublished` (invalid: nothing published), judged on `today`.
    ColumnHealth judge(const Column &column, const QDateTime &lastPublished, QDate today) const;
    // Every column of the organization; `lastPublished` by column id (what is listed in it or its
    // sub-columns; absent: empty).
    // The columns come in the tree's order (by sort order, each followed by its sub-columns).
    SiteHealth judge(const Organization &organization, const QHash<QString, QDateTime> &lastPublished,
                     QDate today) const;

private:
    ColumnHealthPolicy m_policy;
};

// The wire form of GET /api/v1/columns/health (docs/api.md).
QJsonObject toJson(const SiteHealth &health);
bool fromJson(const QJsonObject &o, SiteHealth *out, QString *error);

} // namespace baosong
