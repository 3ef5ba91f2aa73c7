// Quarterly statistics (core/Statistics, issue #18 point 3) over a generated history of 3,000 items
// across quarters. The expected figures come from the generator's own record of what happened when
// (its events), counted here without the code under test: counts, on-time rates, average and maximum
// days, points and ranks per unit and per column; items that cross a quarter's boundary.

#include "Organization.h"
#include "Statistics.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

// What happened to one generated item, in local dates.
struct Story
{
    QString unitId;
    QString columnId;
    ItemKind kind = ItemKind::News;
    QDate info;
    QDate submitted;
    QList<QDate> returns;
    QDate published; // invalid: never
    QDate adopted;   // invalid: never
    QDate retracted; // invalid: never
};

QDateTime at(QDate day)
{
    return QDateTime(day, QTime(10, 0)); // local time
}

Item itemOf(const Story &s, int n)
{
    Item item;
    item.id = u"item-%1"_s.arg(n);
    item.kind = s.kind;
    item.unitId = s.unitId;
    Revision r;
    r.number = 1;
    r.content.title = u"信息 %1"_s.arg(n);
    r.content.columnId = s.columnId;
    r.content.infoDate = s.info;
    item.revisions.append(r);
    item.firstSubmittedAt = at(s.submitted);
    item.state = WorkflowState::InReview;
    for (const QDate &d : s.returns) {
        Decision dec;
        dec.type = DecisionType::Return;
        dec.at = at(d);
        dec.reason = u"请修改"_s;
        item.decisions.append(dec);
        item.state = WorkflowState::Returned;
    }
    if (s.published.isValid()) {
        Decision dec;
        dec.type = DecisionType::Approve;
        dec.at = at(s.published);
        item.decisions.append(dec);
        item.state = WorkflowState::Published;
        item.liveRevision = 1;
        item.publishedAt = at(s.published);
    }
    if (s.adopted.isValid())
        item.municipal = MunicipalRecord{MunicipalStatus::Adopted, 1, 1, true, {}, {}, at(s.adopted)};
    if (s.retracted.isValid()) {
        Decision dec;
        dec.type = DecisionType::Approve;
        dec.at = at(s.retracted);
        item.decisions.append(dec);
        item.state = WorkflowState::Retracted;
    }
    return item;
}

struct Expected
{
    int submitted = 0, published = 0, returned = 0, retracted = 0, adopted = 0, onTime5 = 0, onTime15 = 0;
    qint64 days = 0;
    int maxDays = 0;
    double points = 0;
};

double kindPoints(ItemKind k)
{
    switch (k) {
    case ItemKind::Disclosure:
    case ItemKind::CollectiveDecision:
        return 2;
    case ItemKind::News:
        return 1;
    case ItemKind::Repost:
        return 0.5;
    }
    return 0;
}

void count(Expected &e, const Story &s, QDate from, QDate to)
{
    const auto in = [&](QDate d) { return d.isValid() && d >= from && d <= to; };
    e.submitted += in(s.submitted);
    for (const QDate &d : s.returns)
        e.returned += in(d);
    e.retracted += in(s.retracted);
    if (in(s.adopted)) {
        ++e.adopted;
        e.points += 2;
    }
    if (in(s.published)) {
        ++e.published;
        const int days = int(s.info.daysTo(s.published));
        e.days += days;
        e.maxDays = std::max(e.maxDays, days);
        // Calendar days: within 5 days of the information date on time, within 15 in the limit.
        e.onTime5 += days <= 5;
        e.onTime15 += days <= 15;
        e.points += kindPoints(s.kind) + (days > 5 ? -0.5 : 0) + (days > 15 ? -1 : 0);
    }
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        m_org = Organization::demo();
        QRandomGenerator random(20261207);
        const QList<ItemKind> kinds = allItemKinds();
        for (int n = 0; n < 3000; ++n) {
            Story s;
            const Unit &unit = m_org.units.at(random.bounded(int(m_org.units.size())));
            // One unit submits nothing at all: it must be flagged.
            if (unit.id == m_silent)
                continue;
            s.unitId = unit.id;
            s.columnId = m_org.columns.at(random.bounded(int(m_org.columns.size()))).id;
            s.kind = kinds.at(random.bounded(int(kinds.size())));
            s.info = QDate(2026, 1, 1).addDays(random.bounded(330));
            s.submitted = s.info.addDays(random.bounded(4));
            QDate next = s.submitted;
            for (int r = random.bounded(3); r > 0; --r) {
                next = next.addDays(1 + random.bounded(4));
                s.returns.append(next);
            }
            if (random.bounded(10) < 7) {
                s.published = next.addDays(random.bounded(20)); // some late, some breached
                if (random.bounded(10) == 0)
                    s.adopted = s.published.addDays(2);
                if (random.bounded(20) == 0)
                    s.retracted = s.published.addDays(5);
            }
            m_stories.append(s);
            m_items.append(itemOf(s, n));
        }
    }

    void quarters_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("2026 Q1") << QDate(2026, 1, 1) << QDate(2026, 3, 31);
        QTest::newRow("2026 Q2") << QDate(2026, 4, 1) << QDate(2026, 6, 30);
        QTest::newRow("2026 Q3") << QDate(2026, 7, 1) << QDate(2026, 9, 30);
        QTest::newRow("a range across quarters") << QDate(2026, 3, 15) << QDate(2026, 8, 14);
        QTest::newRow("one day") << QDate(2026, 5, 20) << QDate(2026, 5, 20);
    }

    void quarters()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const Statistics s =
            StatisticsCalculator::compute(m_org, m_items, StatisticsPeriod{from, to}, Deadline());
        std::map<QString, Expected> units;
        std::map<QString, Expected> columns;
        Expected total;
        for (const Story &story : std::as_const(m_stories)) {
            count(units[story.unitId], story, from, to);
            count(columns[story.columnId], story, from, to);
            count(total, story, from, to);
        }
        const auto same = [](const Figures &f, const Expected &e, const QString &who) {
            const QByteArray w = who.toUtf8();
            QVERIFY2(f.submitted == e.submitted, w);
            QVERIFY2(f.published == e.published, w);
            QVERIFY2(f.returned == e.returned, w);
            QVERIFY2(f.retracted == e.retracted, w);
            QVERIFY2(f.adopted == e.adopted, w);
            QVERIFY2(f.onTime5 == e.onTime5, w);
            QVERIFY2(f.onTime15 == e.onTime15, w);
            QVERIFY2(f.maxDays == e.maxDays, w);
            QVERIFY2(qFuzzyCompare(1 + f.points, 1 + e.points),
                     w + " points " + QByteArray::number(f.points) + " expected " +
                         QByteArray::number(e.points));
            const double average = e.published > 0 ? double(e.days) / e.published : 0;
            QVERIFY2(qFuzzyCompare(1 + f.averageDays(), 1 + average), w);
            QVERIFY2(
                qFuzzyCompare(1 + f.onTime5Rate(), 1 + (e.published ? double(e.onTime5) / e.published : 0)),
                w);
        };
        same(s.total, total, u"total"_s);
        // The history gives every figure something to count (late, breached, adopted, retracted…).
        if (from.daysTo(to) > 30) {
            QVERIFY(total.published > 100 && total.returned > 50 && total.adopted > 5 && total.retracted > 0);
            QVERIFY(total.onTime5 < total.published && total.onTime15 < total.published);
            QVERIFY(total.onTime5 < total.onTime15);
        }
        QCOMPARE(s.units.size(), m_org.units.size());
        QCOMPARE(s.columns.size(), m_org.columns.size());
        for (const UnitFigures &u : s.units)
            same(u.figures, units[u.unitId], u.unitId);
        for (const ColumnFigures &c : s.columns)
            same(c.figures, columns[c.columnId], c.columnId);

        // Ranks: by points, equal points sharing the rank of the first of them.
        QList<double> points;
        for (const UnitFigures &u : s.units)
            points.append(units[u.unitId].points);
        for (qsizetype i = 0; i < s.units.size(); ++i) {
            int better = 0;
            for (double p : std::as_const(points))
                better += p > points[i] + 1e-9;
            QCOMPARE(s.units[i].rank, better + 1);
            if (i > 0)
                QVERIFY(s.units[i - 1].figures.points >= s.units[i].figures.points);
        }
        // The silent unit submitted nothing, and says so; the others submitted in a quarter.
        for (const UnitFigures &u : s.units)
            QCOMPARE(u.nothingSubmitted, units[u.unitId].submitted == 0);
        const auto silent = std::find_if(s.units.cbegin(), s.units.cend(),
                                         [&](const UnitFigures &u) { return u.unitId == m_silent; });
        QVERIFY(silent != s.units.cend() && silent->nothingSubmitted);
    }

    void boundaries()
    {
        // Published on the last day of Q1 counts in Q1, on the first of Q2 in Q2; 5 and 15 days exactly are
        // in time.
        Story s;
        s.unitId = m_org.units.first().id;
        s.columnId = m_org.columns.first().id;
        s.kind = ItemKind::News;
        s.info = QDate(2026, 3, 26);
        s.submitted = QDate(2026, 3, 27);
        s.published = QDate(2026, 3, 31); // 5 days
        const Item onLastDay = itemOf(s, 1);
        s.published = QDate(2026, 4, 10); // 15 days
        const Item inQ2 = itemOf(s, 2);
        const StatisticsPeriod q1 = StatisticsPeriod::quarter(2026, 1);
        QCOMPARE(q1.from, QDate(2026, 1, 1));
        QCOMPARE(q1.to, QDate(2026, 3, 31));
        QCOMPARE(StatisticsPeriod::quarter(2026, 4).to, QDate(2026, 12, 31));
        const Statistics a = StatisticsCalculator::compute(m_org, {onLastDay, inQ2}, q1, Deadline());
        QCOMPARE(a.total.submitted, 2);
        QCOMPARE(a.total.published, 1);
        QCOMPARE(a.total.onTime5, 1);
        const Statistics b = StatisticsCalculator::compute(m_org, {onLastDay, inQ2},
                                                           StatisticsPeriod::quarter(2026, 2), Deadline());
        QCOMPARE(b.total.submitted, 0);
        QCOMPARE(b.total.published, 1);
        QCOMPARE(b.total.onTime5, 0);
        QCOMPARE(b.total.onTime15, 1);
        QCOMPARE(b.total.maxDays, 15);
        QVERIFY(qFuzzyCompare(b.total.points, 0.5)); // 1 for news, -0.5 past the target
    }

    // The trend by month (issue #18 point 4): submitted and published counted by the month of the
    // first submission and of the publication, overall and per unit; the period's first and last
    // months cut to it.
    void months_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("2026 Q2") << QDate(2026, 4, 1) << QDate(2026, 6, 30);
        QTest::newRow("a range starting and ending mid-month") << QDate(2026, 3, 15) << QDate(2026, 8, 14);
        QTest::newRow("one day") << QDate(2026, 5, 20) << QDate(2026, 5, 20);
        QTest::newRow("across the year's end") << QDate(2025, 11, 1) << QDate(2026, 2, 28);
    }

    void months()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const Statistics s =
            StatisticsCalculator::compute(m_org, m_items, StatisticsPeriod{from, to}, Deadline());
        // Expected: by "yyyy-MM" keys, counted from the stories.
        std::map<QString, std::pair<int, int>> total;
        std::map<QString, std::map<QString, std::pair<int, int>>> perUnit;
        const auto in = [&](QDate d) { return d.isValid() && d >= from && d <= to; };
        const auto key = [](QDate d) {
            return u"%1-%2"_s.arg(d.year()).arg(d.month(), 2, 10, QLatin1Char('0'));
        };
        for (const Story &story : std::as_const(m_stories)) {
            if (in(story.submitted)) {
                ++total[key(story.submitted)].first;
                ++perUnit[key(story.submitted)][story.unitId].first;
            }
            if (in(story.published)) {
                ++total[key(story.published)].second;
                ++perUnit[key(story.published)][story.unitId].second;
            }
        }
        // Every month the period touches, in order, none other.
        QStringList expectedMonths;
        for (QDate m(from.year(), from.month(), 1); m <= to; m = m.addMonths(1))
            expectedMonths << key(m);
        QStringList months;
        int submitted = 0;
        int published = 0;
        for (const MonthFigures &m : s.months) {
            months << StatisticsCalculator::monthName(m.month);
            const QString k = StatisticsCalculator::monthName(m.month);
            QCOMPARE(m.total.submitted, total[k].first);
            QCOMPARE(m.total.published, total[k].second);
            submitted += m.total.submitted;
            published += m.total.published;
            for (const Unit &u : m_org.units) {
                const std::pair<int, int> e = perUnit[k][u.id];
                QCOMPARE(m.units.value(u.id).submitted, e.first);
                QCOMPARE(m.units.value(u.id).published, e.second);
            }
        }
        QCOMPARE(months, expectedMonths);
        // The months add up to the period's totals.
        QCOMPARE(submitted, s.total.submitted);
        QCOMPARE(published, s.total.published);
        if (from.daysTo(to) > 60)
            QVERIFY(submitted > 100 && published > 100);

        // A unit's view: its own series only, the totals its own.
        const QString unit = m_org.units.first().id;
        const Statistics own = StatisticsCalculator::restrictedTo(s, {unit}, m_org);
        QCOMPARE(own.months.size(), s.months.size());
        for (qsizetype i = 0; i < own.months.size(); ++i) {
            QCOMPARE(own.months[i].total, s.months[i].units.value(unit));
            QVERIFY(own.months[i].units.size() <= 1);
        }
        // Through the wire form.
        Statistics back;
        QString error;
        QVERIFY(fromJson(toJson(s), &back, &error));
        QCOMPARE(back.months.size(), s.months.size());
        for (qsizetype i = 0; i < back.months.size(); ++i) {
            QCOMPARE(back.months[i].month, s.months[i].month);
            QCOMPARE(back.months[i].total, s.months[i].total);
            QCOMPARE(back.months[i].units, s.months[i].units);
        }
    }

    void monthBoundaries()
    {
        // Submitted on the last day of January, published on the first of February: one in each.
        Story s;
        s.unitId = m_org.units.first().id;
        s.columnId = m_org.columns.first().id;
        s.info = QDate(2026, 1, 30);
        s.submitted = QDate(2026, 1, 31);
        s.published = QDate(2026, 2, 1);
        const Item item = itemOf(s, 1);
        const Statistics st = StatisticsCalculator::compute(
            m_org, {item}, StatisticsPeriod{QDate(2026, 1, 1), QDate(2026, 3, 31)}, Deadline());
        QCOMPARE(st.months.size(), 3);
        QCOMPARE(st.months[0].total, (MonthCount{1, 0}));
        QCOMPARE(st.months[1].total, (MonthCount{0, 1}));
        QCOMPARE(st.months[2].total, (MonthCount{0, 0}));
        QCOMPARE(st.months[1].units.value(s.unitId), (MonthCount{0, 1}));
        // A period from February on: the submission is not in it, the publication is.
        const Statistics feb = StatisticsCalculator::compute(
            m_org, {item}, StatisticsPeriod{QDate(2026, 2, 1), QDate(2026, 2, 28)}, Deadline());
        QCOMPARE(feb.months.size(), 1);
        QCOMPARE(feb.months[0].total, (MonthCount{0, 1}));
    }

    void restrictedToTheUnit()
    {
        const Statistics all =
            StatisticsCalculator::compute(m_org, m_items, StatisticsPeriod::quarter(2026, 2), Deadline());
        const QString unit = all.units.last().unitId;
        const Statistics own = StatisticsCalculator::restrictedTo(all, {unit}, m_org);
        QCOMPARE(own.units.size(), 1);
        QCOMPARE(own.units.first().unitId, unit);
        QCOMPARE(own.units.first().rank, all.units.last().rank); // the bureau's rank
        QCOMPARE(own.total.submitted, all.units.last().figures.submitted);
        for (const ColumnFigures &c : own.columns) {
            const Column *column = m_org.column(c.columnId);
            QVERIFY(column);
            for (const QString &u : column->responsibleUnitIds)
                QCOMPARE(u, unit);
        }
    }

    // CSV for Excel and WPS: a byte-order mark, CRLF, one line per unit and per column with the same
    // number of fields as its header, Chinese names as they are, a name with a comma quoted.
    void csvReadsBack()
    {
        Statistics s =
            StatisticsCalculator::compute(m_org, m_items, StatisticsPeriod::quarter(2026, 2), Deadline());
        s.columns.first().name = u"规划, 公示"_s;
        const QByteArray csv = StatisticsCalculator::csv(s);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(csv.mid(3)).split(u"\r\n"_s);
        QVERIFY(lines.first().contains(u"2026-04-01"_s) && lines.first().contains(u"2026-06-30"_s));
        const int unitHeader = 2;
        const qsizetype fields = lines.at(unitHeader).count(u',') + 1;
        QCOMPARE(fields, 13); // rank, unit, ten figures, nothing submitted
        for (int i = 0; i < s.units.size(); ++i) {
            const QStringList row = lines.at(unitHeader + 1 + i).split(u',');
            QCOMPARE(row.size(), fields);
            QCOMPARE(row.at(0), QString::number(s.units.at(i).rank));
            QCOMPARE(row.at(1), s.units.at(i).name);
            QCOMPARE(row.at(2), QString::number(s.units.at(i).figures.submitted));
        }
        QVERIFY(csv.contains(QStringLiteral("\"规划, 公示\"").toUtf8()));
        QVERIFY(QString::fromUtf8(csv).contains(m_org.units.first().name));
        QVERIFY(csv.endsWith("\r\n"));
    }

    void wireFormAndScoring()
    {
        const Statistics s =
            StatisticsCalculator::compute(m_org, m_items, StatisticsPeriod::quarter(2026, 3), Deadline());
        Statistics back;
        QString error;
        QVERIFY2(fromJson(toJson(s), &back, &error), qPrintable(error));
        QCOMPARE(back.period.from, s.period.from);
        QCOMPARE(back.units.size(), s.units.size());
        QCOMPARE(back.units.first().rank, 1);
        QCOMPARE(back.total.published, s.total.published);
        QVERIFY(qFuzzyCompare(back.total.points, s.total.points));
        QVERIFY(!fromJson(QJsonObject(), &back, &error));

        ScoringTable t;
        QVERIFY(ScoringTable::fromJson(QJsonObject{{"news"_L1, 3}, {"adoption"_L1, 5}}, &t, &error));
        QCOMPARE(t.news, 3.0);
        QCOMPARE(t.adoption, 5.0);
        QCOMPARE(t.disclosure, 2.0);
        QVERIFY(!ScoringTable::fromJson(QJsonObject{{"bonus"_L1, 1}}, &t, &error));
        QVERIFY(error.contains(u"bonus"_s));
        QVERIFY(!ScoringTable::fromJson(QJsonObject{{"news"_L1, u"many"_s}}, &t, &error));
        QCOMPARE(t.news, 3.0); // unchanged by the refused ones
    }

private:
    Organization m_org;
    QList<Story> m_stories;
    QList<Item> m_items;
    QString m_silent = u"information_centre"_s;
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
