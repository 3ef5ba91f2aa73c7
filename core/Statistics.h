#pragma once

// Quarterly statistics (issue #18 point 3; docs/design.md §5; Art. 21, 22): for a period (a quarter
// or any range of days, in the bureau's local calendar), per unit and per column,
//   submitted   items first submitted in the period (Item::firstSubmittedAt);
//   published   items first published in the period (采用 on the bureau site; Item::publishedAt);
//   returned    returns (退回) decided in the period — every one, an item returned twice counts twice;
//   retracted   retractions approved in the period;
//   adopted     items the municipal platform adopted in the period (Art. 14; Item::municipal);
//   avgDays / maxDays  days from the day the deadline counts from (RevisionContent::deadlineFrom of the
//               live revision) to the publication, over the items published in the period;
//   onTime5 / onTime15  the share of those published within the target (5 days) and the limit (15
//               days) as core/Deadline counts them (calendar or working days);
//   points      by the scoring table: per published item by kind, plus per adoption, minus per item
//               published past the target and again past the limit;
//   rank        by points, highest first; equal points share a rank (1, 2, 2, 4);
//   nothingSubmitted  a unit that submitted nothing in the period (flagged for the office);
//   months      submitted and published counted by the month (local calendar) of the first submission
//               and of the first publication, overall and per unit: the trend by month.
// Every unit of the organization is listed (the office, the information centre too); every column.
// Computed in one place (here) on the server; the client shows it.

#include "Deadline.h"
#include "Domain.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace baosong {

class Organization;

struct StatisticsPeriod
{
    QDate from; // first day, included
    QDate to;   // last day, included

    // Quarter q (1–4) of `year`.
    static StatisticsPeriod quarter(int year, int q);
    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    // Whether `at` falls on a day of the period in the bureau's local calendar.
    bool contains(const QDateTime &at) const;
};

struct ScoringTable
{
    double disclosure = 2;
    double collectiveDecision = 2;
    double news = 1;
    double repost = 0.5;
    double adoption = 2;  // extra when the municipal platform adopts it (Art. 14)
    double late = -0.5;   // published past the target (5 days)
    double breached = -1; // published past the limit (15 days), in addition
    double perPublished(ItemKind kind) const;

    QJsonObject toJson() const;
    // Reads the keys present in `o` over the defaults; false and *error (translated) on a bad value.
    static bool fromJson(const QJsonObject &o, ScoringTable *out, QString *error);
};

struct Figures
{
    int submitted = 0;
    int published = 0;
    int returned = 0;
    int retracted = 0;
    int adopted = 0;
    int onTime5 = 0;  // of `published`
    int onTime15 = 0; // of `published`
    qint64 totalDays = 0;
    int maxDays = 0;
    double points = 0;

    double averageDays() const { return published > 0 ? double(totalDays) / published : 0; }
    // Shares 0..1; 0 when nothing was published.
    double onTime5Rate() const { return published > 0 ? double(onTime5) / published : 0; }
    double onTime15Rate() const { return published > 0 ? double(onTime15) / published : 0; }
};

struct UnitFigures
{
    QString unitId;
    QString name;
    Figures figures;
    int rank = 0;
    bool nothingSubmitted = false;
};

struct ColumnFigures
{
    QString columnId;
    QString name;
    Figures figures;
};

// The trend by month (issue #18 point 4): what was submitted and published in each month of the
// period (the first and last month cut to the period), overall and per unit.
struct MonthCount
{
    int submitted = 0;
    int published = 0;
    bool operator==(const MonthCount &) const = default;
};

struct MonthFigures
{
    QDate month; // its first day
    MonthCount total;
    QHash<QString, MonthCount> units; // by unit id; a unit with nothing that month is absent
};

struct Statistics
{
    StatisticsPeriod period;
    QList<UnitFigures> units;     // ranked: by rank, then by the organization's order
    QList<ColumnFigures> columns; // in the organization's order
    Figures total;
    QList<MonthFigures> months; // every month the period touches, in order
};

class StatisticsCalculator
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsCalculator)

public:
    // `items`: at least every item with something in the period (more do no harm).
    static Statistics compute(const Organization &organization, const QList<Item> &items,
                              const StatisticsPeriod &period, const Deadline &deadline,
                              const ScoringTable &scoring = {});
    // Whose figures `person` may see (issue #18 point 8): every unit (nullopt) for the office and the
    // bureau-wide roles and for leaders in charge; a unit head their units; anyone else their own unit.
    static std::optional<QStringList> visibleUnits(const Person &person);
    // Only the units in `unitIds` (and the columns they are responsible for, or that their items
    // went to): what a unit head or a correspondent may see. Ranks stay those of the whole bureau.
    // The statistics as CSV for Excel and WPS (issue #18 point 5): UTF-8 with a byte-order mark, CRLF
    // line ends; the period, then a table per unit (ranked) and a table per column, headed in the
    // user's language; rates in per cent with one decimal.
    static QByteArray csv(const Statistics &statistics);
    // The figures' names (translated), in the order of the CSV and the client's tables.
    static QStringList figureNames();
    // A month as the trend names it: "2026-10".
    static QString monthName(QDate month);
    // The figures as the exports and the client's tables write them, in figureNames()' order: counts,
    // days with one decimal, rates in per cent with one decimal (with a % sign when asked), points; and
    // as numbers (rates as shares), for sorting.
    static QStringList figureTexts(const Figures &figures, bool percentSign = false);
    static QList<double> figureValues(const Figures &figures);
    static Statistics restrictedTo(const Statistics &statistics, const QStringList &unitIds,
                                   const Organization &organization);
};

QJsonObject toJson(const Statistics &statistics);
bool fromJson(const QJsonObject &o, Statistics *out, QString *error);

} // namespace baosong
