#include "Statistics.h"

#include "Csv.h"
#include "Organization.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace baosong {

StatisticsPeriod StatisticsPeriod::quarter(int year, int q)
{
    const QDate from(year, (q - 1) * 3 + 1, 1);
    return StatisticsPeriod{from, from.addMonths(3).addDays(-1)};
}

bool StatisticsPeriod::contains(const QDateTime &at) const
{
    if (!at.isValid())
        return false;
    const QDate day = chinaDate(at);
    return day >= from && day <= to;
}

double ScoringTable::perPublished(ItemKind kind) const
{
    switch (kind) {
    case ItemKind::Disclosure:
        return disclosure;
    case ItemKind::CollectiveDecision:
        return collectiveDecision;
    case ItemKind::News:
        return news;
    case ItemKind::Repost:
        return repost;
    }
    return 0;
}

namespace {
const QLatin1StringView kScoringKeys[] = {
    "disclosure"_L1, "collective_decision"_L1, "news"_L1, "repost"_L1, "adoption"_L1, "late"_L1,
    "breached"_L1};

double *scoringField(ScoringTable &t, QLatin1StringView key)
{
    if (key == "disclosure"_L1)
        return &t.disclosure;
    if (key == "collective_decision"_L1)
        return &t.collectiveDecision;
    if (key == "news"_L1)
        return &t.news;
    if (key == "repost"_L1)
        return &t.repost;
    if (key == "adoption"_L1)
        return &t.adoption;
    if (key == "late"_L1)
        return &t.late;
    if (key == "breached"_L1)
        return &t.breached;
    return nullptr;
}
} // namespace

QJsonObject ScoringTable::toJson() const
{
    QJsonObject o;
    ScoringTable copy = *this;
    for (QLatin1StringView key : kScoringKeys)
        o.insert(key, *scoringField(copy, key));
    return o;
}

bool ScoringTable::fromJson(const QJsonObject &o, ScoringTable *out, QString *error)
{
    ScoringTable t = *out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        double *field = scoringField(t, QLatin1StringView(it.key().toLatin1()));
        if (!field || !it.value().isDouble() || !std::isfinite(it.value().toDouble()) ||
            std::fabs(it.value().toDouble()) > 1000) {
            if (error)
                *error =
                    StatisticsCalculator::tr("The scoring \"%1\" must be a number between -1000 and 1000 "
                                             "(known: disclosure, collective_decision, news, repost, "
                                             "adoption, late, breached).")
                        .arg(it.key());
            return false;
        }
        *field = it.value().toDouble();
    }
    *out = t;
    return true;
}

namespace {

// The figures one item gives to its unit and its column in the period.
Figures figuresOf(const Item &item, const StatisticsPeriod &period, const Deadline &deadline,
                  const ScoringTable &scoring)
{
    Figures f;
    if (period.contains(item.firstSubmittedAt))
        f.submitted = 1;
    for (const Decision &d : item.decisions) {
        if (d.type == DecisionType::Return && period.contains(d.at))
            ++f.returned;
    }
    if (item.state == WorkflowState::Retracted) {
        QDateTime at;
        for (const Decision &d : item.decisions) {
            if (d.type == DecisionType::Approve && d.at > at)
                at = d.at;
        }
        f.retracted = period.contains(at) ? 1 : 0;
    }
    if (item.municipal.status == MunicipalStatus::Adopted && period.contains(item.municipal.at)) {
        f.adopted = 1;
        f.points += scoring.adoption;
    }
    const Revision *live = item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
    if (live && period.contains(item.publishedAt)) {
        f.published = 1;
        const QDate published = chinaDate(item.publishedAt);
        const QDate from = live->content.deadlineFrom();
        const DeadlineState state =
            from.isValid() ? deadline.state(from, published, published) : DeadlineState::OnTime;
        const int days = from.isValid() ? int(std::max<qint64>(0, from.daysTo(published))) : 0;
        f.totalDays = days;
        f.maxDays = days;
        f.onTime5 = state == DeadlineState::OnTime ? 1 : 0;
        f.onTime15 = state != DeadlineState::Breached ? 1 : 0;
        f.points += scoring.perPublished(item.kind);
        if (state != DeadlineState::OnTime)
            f.points += scoring.late;
        if (state == DeadlineState::Breached)
            f.points += scoring.breached;
    }
    return f;
}

void add(Figures &to, const Figures &f)
{
    to.submitted += f.submitted;
    to.published += f.published;
    to.returned += f.returned;
    to.retracted += f.retracted;
    to.adopted += f.adopted;
    to.onTime5 += f.onTime5;
    to.onTime15 += f.onTime15;
    to.totalDays += f.totalDays;
    to.maxDays = std::max(to.maxDays, f.maxDays);
    to.points += f.points;
}

// The column an item counts for: that of its live revision, else of its latest.
QString columnOf(const Item &item)
{
    const Revision *live = item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
    const Revision *r = live ? live : item.latest();
    return r ? r->content.columnId : QString();
}

} // namespace

Statistics StatisticsCalculator::compute(const Organization &organization, const QList<Item> &items,
                                         const StatisticsPeriod &period, const Deadline &deadline,
                                         const ScoringTable &scoring)
{
    Statistics s;
    s.period = period;
    QHash<QString, qsizetype> unitIndex;
    for (const Unit &u : organization.units) {
        unitIndex.insert(u.id, s.units.size());
        s.units.append(UnitFigures{u.id, u.name, {}, 0, false});
    }
    QHash<QString, qsizetype> columnIndex;
    for (const Column &c : organization.columns) {
        columnIndex.insert(c.id, s.columns.size());
        s.columns.append(ColumnFigures{c.id, c.name, {}});
    }
    // The months the period touches, each from its first day.
    const QDate firstMonth = period.isValid() ? QDate(period.from.year(), period.from.month(), 1) : QDate();
    for (QDate m = firstMonth; m.isValid() && m <= period.to; m = m.addMonths(1))
        s.months.append(MonthFigures{m, {}, {}});
    const auto month = [&](const QDateTime &at) -> MonthFigures * {
        const QDate day = chinaDate(at);
        const qsizetype i = (day.year() - firstMonth.year()) * 12 + day.month() - firstMonth.month();
        return i >= 0 && i < s.months.size() ? &s.months[i] : nullptr;
    };
    for (const Item &item : items) {
        const Figures f = figuresOf(item, period, deadline, scoring);
        add(s.total, f);
        if (f.submitted > 0) {
            if (MonthFigures *m = month(item.firstSubmittedAt)) {
                ++m->total.submitted;
                ++m->units[item.unitId].submitted;
            }
        }
        if (f.published > 0) {
            if (MonthFigures *m = month(item.publishedAt)) {
                ++m->total.published;
                ++m->units[item.unitId].published;
            }
        }
        if (const auto u = unitIndex.constFind(item.unitId); u != unitIndex.cend())
            add(s.units[*u].figures, f);
        if (const auto c = columnIndex.constFind(columnOf(item)); c != columnIndex.cend())
            add(s.columns[*c].figures, f);
    }
    // Ranks by points (equal points, equal rank), then the organization's order among equals.
    QList<qsizetype> order(s.units.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return s.units[a].figures.points > s.units[b].figures.points;
    });
    QList<UnitFigures> ranked;
    for (qsizetype i = 0; i < order.size(); ++i) {
        UnitFigures u = s.units[order[i]];
        u.rank = i > 0 && qFuzzyCompare(1 + u.figures.points, 1 + ranked.constLast().figures.points)
                     ? ranked.constLast().rank
                     : int(i + 1);
        u.nothingSubmitted = u.figures.submitted == 0;
        ranked.append(u);
    }
    s.units = ranked;
    return s;
}

QStringList StatisticsCalculator::figureTexts(const Figures &f, bool percentSign)
{
    const auto percent = [percentSign](double share) {
        return QString::number(share * 100, 'f', 1) + (percentSign ? u"%"_s : QString());
    };
    return {QString::number(f.submitted), QString::number(f.published),
            QString::number(f.returned),  QString::number(f.retracted),
            QString::number(f.adopted),   QString::number(f.averageDays(), 'f', 1),
            QString::number(f.maxDays),   percent(f.onTime5Rate()),
            percent(f.onTime15Rate()),    QString::number(f.points, 'g', 6)};
}

QList<double> StatisticsCalculator::figureValues(const Figures &f)
{
    return {
        double(f.submitted), double(f.published), double(f.returned), double(f.retracted), double(f.adopted),
        f.averageDays(),     double(f.maxDays),   f.onTime5Rate(),    f.onTime15Rate(),    f.points};
}

QString StatisticsCalculator::monthName(QDate month)
{
    return month.toString(u"yyyy-MM"_s);
}

QStringList StatisticsCalculator::figureNames()
{
    return {tr("Submitted"),
            tr("Published"),
            tr("Returned"),
            tr("Retracted"),
            tr("Adopted by the municipal portal"),
            tr("Average days"),
            tr("Longest (days)"),
            tr("Within 5 days (%)"),
            tr("Within 15 days (%)"),
            tr("Points")};
}

QByteArray StatisticsCalculator::csv(const Statistics &s)
{
    QList<QStringList> rows;
    const QStringList figures = figureNames();
    rows << QStringList{tr("Period"), s.period.from.toString(Qt::ISODate), s.period.to.toString(Qt::ISODate)}
         << QStringList();
    rows << QStringList{tr("Rank"), tr("Unit")} + figures + QStringList{tr("Nothing submitted")};
    for (const UnitFigures &u : s.units)
        rows << QStringList{QString::number(u.rank), u.name} + figureTexts(u.figures) +
                    QStringList{u.nothingSubmitted ? tr("yes") : QString()};
    rows << QStringList{QString(), tr("Total")} + figureTexts(s.total) << QStringList();
    rows << QStringList{tr("Column")} + figures;
    for (const ColumnFigures &c : s.columns)
        rows << QStringList{c.name} + figureTexts(c.figures);
    rows << QStringList() << QStringList{tr("Month"), figures.at(0), figures.at(1)};
    for (const MonthFigures &m : s.months)
        rows << QStringList{monthName(m.month), QString::number(m.total.submitted),
                            QString::number(m.total.published)};
    return csvDocument(rows);
}

std::optional<QStringList> StatisticsCalculator::visibleUnits(const Person &person)
{
    QStringList units{person.unitId};
    for (const RoleGrant &g : person.grants) {
        if (g.bureauWide || g.role == Role::LeaderInCharge)
            return std::nullopt;
        if (g.role == Role::UnitHead)
            units += g.unitIds;
    }
    units.removeAll(QString());
    units.removeDuplicates();
    return units;
}

Statistics StatisticsCalculator::restrictedTo(const Statistics &statistics, const QStringList &unitIds,
                                              const Organization &organization)
{
    Statistics out;
    out.period = statistics.period;
    for (const UnitFigures &u : statistics.units) {
        if (unitIds.contains(u.unitId)) {
            out.units.append(u);
            add(out.total, u.figures);
        }
    }
    for (const MonthFigures &m : statistics.months) {
        MonthFigures own{m.month, {}, {}};
        for (auto it = m.units.cbegin(); it != m.units.cend(); ++it) {
            if (!unitIds.contains(it.key()))
                continue;
            own.units.insert(it.key(), *it);
            own.total.submitted += it->submitted;
            own.total.published += it->published;
        }
        out.months.append(own);
    }
    // Columns: those the units are responsible for. Their figures include other units' items only
    // where those units share the column — so a column shared with another unit is left out.
    for (const ColumnFigures &c : statistics.columns) {
        const Column *column = organization.column(c.columnId);
        if (!column || column->responsibleUnitIds.isEmpty())
            continue;
        const bool ours = std::all_of(column->responsibleUnitIds.cbegin(), column->responsibleUnitIds.cend(),
                                      [&](const QString &id) { return unitIds.contains(id); });
        if (ours)
            out.columns.append(c);
    }
    return out;
}

namespace {
QJsonObject figuresJson(const Figures &f)
{
    return {{"submitted"_L1, f.submitted},
            {"published"_L1, f.published},
            {"returned"_L1, f.returned},
            {"retracted"_L1, f.retracted},
            {"adopted"_L1, f.adopted},
            {"on_time_5"_L1, f.onTime5},
            {"on_time_15"_L1, f.onTime15},
            {"on_time_5_rate"_L1, f.onTime5Rate()},
            {"on_time_15_rate"_L1, f.onTime15Rate()},
            {"total_days"_L1, f.totalDays},
            {"average_days"_L1, f.averageDays()},
            {"max_days"_L1, f.maxDays},
            {"points"_L1, f.points}};
}

Figures figuresFrom(const QJsonObject &o)
{
    Figures f;
    f.submitted = o.value("submitted"_L1).toInt();
    f.published = o.value("published"_L1).toInt();
    f.returned = o.value("returned"_L1).toInt();
    f.retracted = o.value("retracted"_L1).toInt();
    f.adopted = o.value("adopted"_L1).toInt();
    f.onTime5 = o.value("on_time_5"_L1).toInt();
    f.onTime15 = o.value("on_time_15"_L1).toInt();
    f.totalDays = o.value("total_days"_L1).toInteger();
    f.maxDays = o.value("max_days"_L1).toInt();
    f.points = o.value("points"_L1).toDouble();
    return f;
}
} // namespace

QJsonObject toJson(const Statistics &s)
{
    QJsonArray units;
    for (const UnitFigures &u : s.units) {
        QJsonObject o = figuresJson(u.figures);
        o.insert("unit_id"_L1, u.unitId);
        o.insert("name"_L1, u.name);
        o.insert("rank"_L1, u.rank);
        o.insert("nothing_submitted"_L1, u.nothingSubmitted);
        units.append(o);
    }
    QJsonArray columns;
    for (const ColumnFigures &c : s.columns) {
        QJsonObject o = figuresJson(c.figures);
        o.insert("column_id"_L1, c.columnId);
        o.insert("name"_L1, c.name);
        columns.append(o);
    }
    QJsonArray months;
    for (const MonthFigures &m : s.months) {
        QJsonObject perUnit;
        for (auto it = m.units.cbegin(); it != m.units.cend(); ++it)
            perUnit.insert(it.key(),
                           QJsonObject{{"submitted"_L1, it->submitted}, {"published"_L1, it->published}});
        months.append(QJsonObject{{"month"_L1, StatisticsCalculator::monthName(m.month)},
                                  {"submitted"_L1, m.total.submitted},
                                  {"published"_L1, m.total.published},
                                  {"units"_L1, perUnit}});
    }
    return {{"from"_L1, s.period.from.toString(Qt::ISODate)},
            {"to"_L1, s.period.to.toString(Qt::ISODate)},
            {"units"_L1, units},
            {"columns"_L1, columns},
            {"total"_L1, figuresJson(s.total)},
            {"months"_L1, months}};
}

bool fromJson(const QJsonObject &o, Statistics *out, QString *error)
{
    Statistics s;
    s.period = {QDate::fromString(o.value("from"_L1).toString(), Qt::ISODate),
                QDate::fromString(o.value("to"_L1).toString(), Qt::ISODate)};
    if (!s.period.isValid() || !o.value("units"_L1).isArray() || !o.value("columns"_L1).isArray()) {
        if (error)
            *error =
                StatisticsCalculator::tr("The statistics are not readable (no period, units or columns).");
        return false;
    }
    for (const QJsonValue &v : o.value("units"_L1).toArray()) {
        const QJsonObject u = v.toObject();
        s.units.append(UnitFigures{u.value("unit_id"_L1).toString(), u.value("name"_L1).toString(),
                                   figuresFrom(u), u.value("rank"_L1).toInt(),
                                   u.value("nothing_submitted"_L1).toBool()});
    }
    for (const QJsonValue &v : o.value("columns"_L1).toArray()) {
        const QJsonObject c = v.toObject();
        s.columns.append(
            ColumnFigures{c.value("column_id"_L1).toString(), c.value("name"_L1).toString(), figuresFrom(c)});
    }
    s.total = figuresFrom(o.value("total"_L1).toObject());
    // The trend by month (absent from servers before it).
    for (const QJsonValue &v : o.value("months"_L1).toArray()) {
        const QJsonObject m = v.toObject();
        MonthFigures month{QDate::fromString(m.value("month"_L1).toString() + u"-01"_s, Qt::ISODate),
                           {m.value("submitted"_L1).toInt(), m.value("published"_L1).toInt()},
                           {}};
        if (!month.month.isValid())
            continue;
        const QJsonObject perUnit = m.value("units"_L1).toObject();
        for (auto it = perUnit.begin(); it != perUnit.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            month.units.insert(it.key(),
                               MonthCount{c.value("submitted"_L1).toInt(), c.value("published"_L1).toInt()});
        }
        s.months.append(month);
    }
    *out = std::move(s);
    return true;
}

} // namespace baosong
