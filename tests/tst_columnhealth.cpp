// Column health (core/ColumnHealth, docs/design.md §5): the states at the interval boundaries, the
// national defaults per column type, and the site's warnings as the inspection counts approach.

#include "ColumnHealth.h"
#include "Organization.h"

#include <QTest>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {
const QDate kToday(2027, 3, 31);

Column column(const QString &id, ColumnType type, int interval = 0, const QString &parent = {})
{
    Column c;
    c.id = id;
    c.name = u"栏目"_s + id;
    c.type = type;
    c.updateIntervalDays = interval;
    c.parentId = parent;
    return c;
}

// Published `days` days before kToday, at noon local time.
QDateTime daysAgo(int days)
{
    return QDateTime(kToday.addDays(-days), QTime(12, 0)).toUTC();
}
} // namespace

class TestColumnHealth : public QObject
{
    Q_OBJECT

private slots:
    void boundaries_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("daysLeft");
        QTest::addColumn<bool>("longUnupdated");
        const int dynamic = int(ColumnType::Dynamic), notice = int(ColumnType::Notice),
                  policy = int(ColumnType::Policy), interpretation = int(ColumnType::Interpretation),
                  fixed = int(ColumnType::Static);
        // Dynamic columns: two weeks, due soon in the last 3 days.
        QTest::newRow("dynamic, today") << dynamic << 0 << 0 << u"fresh"_s << 14 << false;
        QTest::newRow("dynamic, 10 days") << dynamic << 0 << 10 << u"fresh"_s << 4 << false;
        QTest::newRow("dynamic, 11 days") << dynamic << 0 << 11 << u"due_soon"_s << 3 << false;
        QTest::newRow("dynamic, 14 days (last day)") << dynamic << 0 << 14 << u"due_soon"_s << 0 << false;
        QTest::newRow("dynamic, 15 days") << dynamic << 0 << 15 << u"stale"_s << -1 << false;
        // Notice and policy columns: six months, due soon in the last 14 days; long unupdated after 180.
        QTest::newRow("notice, 165 days") << notice << 0 << 165 << u"fresh"_s << 15 << false;
        QTest::newRow("notice, 166 days") << notice << 0 << 166 << u"due_soon"_s << 14 << false;
        QTest::newRow("policy, 180 days") << policy << 0 << 180 << u"due_soon"_s << 0 << false;
        QTest::newRow("policy, 181 days") << policy << 0 << 181 << u"stale"_s << -1 << true;
        QTest::newRow("interpretation, 181 days") << interpretation << 0 << 181 << u"stale"_s << -1 << true;
        // A column's own interval replaces the default.
        QTest::newRow("dynamic every 7 days, 5") << dynamic << 7 << 5 << u"due_soon"_s << 2 << false;
        QTest::newRow("dynamic every 7 days, 8") << dynamic << 7 << 8 << u"stale"_s << -1 << false;
        QTest::newRow("notice every 30 days, 40") << notice << 30 << 40 << u"stale"_s << -10 << false;
        // Static columns have no interval and are never long unupdated; dynamic ones are, past 180.
        QTest::newRow("static, 400 days") << fixed << 0 << 400 << u"fresh"_s << 0 << false;
        QTest::newRow("dynamic, 181 days") << dynamic << 0 << 181 << u"stale"_s << -167 << true;
        QTest::newRow("empty") << dynamic << 0 << -1 << u"empty"_s << 0 << false;
    }

    void boundaries()
    {
        QFETCH(int, type);
        QFETCH(int, interval);
        QFETCH(int, days);
        QFETCH(QString, state);
        QFETCH(int, daysLeft);
        QFETCH(bool, longUnupdated);
        const ColumnHealthRules rules;
        const ColumnHealth h = rules.judge(column(u"c"_s, ColumnType(type), interval),
                                           days < 0 ? QDateTime() : daysAgo(days), kToday);
        QCOMPARE(toString(h.state), state);
        QCOMPARE(h.daysLeft, daysLeft);
        QCOMPARE(h.longUnupdated, longUnupdated);
        QCOMPARE(h.daysSince, days);
    }

    void siteWarnsBeforeFailing()
    {
        Organization org;
        QHash<QString, QDateTime> last;
        // A parent with two sub-columns: the parent is shown, the sub-columns counted.
        org.columns << column(u"news"_s, ColumnType::Dynamic)
                    << column(u"news-a"_s, ColumnType::Dynamic, 0, u"news"_s)
                    << column(u"news-b"_s, ColumnType::Dynamic, 0, u"news"_s);
        last.insert(u"news"_s, daysAgo(20));
        last.insert(u"news-a"_s, daysAgo(20));
        last.insert(u"news-b"_s, daysAgo(30));
        const ColumnHealthRules rules;
        SiteHealth h = rules.judge(org, last, kToday);
        QCOMPARE(h.columns.size(), 3);
        QCOMPARE(h.columns.first().state, ColumnHealthState::Stale); // shown…
        QCOMPARE(h.stale.count, 2);                                  // …but not counted
        QVERIFY(!h.stale.warning && !h.failing());
        QVERIFY(h.messages().isEmpty());
        // A third stale column: 3 of 5, the warning.
        org.columns << column(u"notices"_s, ColumnType::Notice);
        last.insert(u"notices"_s, daysAgo(200));
        h = rules.judge(org, last, kToday);
        QCOMPARE(h.stale.count, 3);
        QVERIFY(h.stale.warning && !h.stale.failing);
        QCOMPARE(h.longUnupdated.count, 1);
        QCOMPARE(h.messages().size(), 1);
        // Five: failing.
        org.columns << column(u"policy"_s, ColumnType::Policy)
                    << column(u"interp"_s, ColumnType::Interpretation);
        last.insert(u"policy"_s, daysAgo(181));
        last.insert(u"interp"_s, daysAgo(190));
        h = rules.judge(org, last, kToday);
        QCOMPARE(h.stale.count, 5);
        QVERIFY(h.stale.failing && h.failing());
        // Empty columns the site lists: five fail, three warn; a static column counts when empty.
        Organization bare;
        for (int i = 0; i < 4; ++i) {
            bare.columns << column(u"e%1"_s.arg(i), i == 0 ? ColumnType::Static : ColumnType::Dynamic);
            bare.columns.last().listedWhenEmpty = true;
        }
        h = rules.judge(bare, {}, kToday);
        QCOMPARE(h.empty.count, 4);
        QVERIFY(h.empty.warning && !h.empty.failing);
        bare.columns << column(u"e4"_s, ColumnType::Notice);
        bare.columns.last().listedWhenEmpty = true;
        h = rules.judge(bare, {}, kToday);
        QVERIFY(h.empty.failing);
        QVERIFY(h.messages().constFirst().contains(u"5"_s));
    }

    // #21.1: which columns the site lists, and the warning for a listed empty one.
    void listedColumns()
    {
        Column c = column(u"c"_s, ColumnType::Dynamic);
        QVERIFY(!isColumnListed(c, false)); // empty: off the site by default
        QVERIFY(isColumnListed(c, true));
        c.listedWhenEmpty = true;
        QVERIFY(isColumnListed(c, false));
        c.retired = true; // retired: never, content or not
        QVERIFY(!isColumnListed(c, true) && !isColumnListed(c, false));

        Organization org;
        org.columns << column(u"news"_s, ColumnType::Dynamic)
                    << column(u"news-a"_s, ColumnType::Dynamic, 0, u"news"_s)
                    << column(u"news-b"_s, ColumnType::Dynamic, 0, u"news"_s)
                    << column(u"old"_s, ColumnType::Dynamic)
                    << column(u"old-a"_s, ColumnType::Dynamic, 0, u"old"_s)
                    << column(u"guide"_s, ColumnType::Static) << column(u"blank"_s, ColumnType::Notice);
        org.columns[2].listedWhenEmpty = true; // news-b: linked while empty
        org.columns[3].retired = true;         // old: retired, its sub-column with it
        org.columns[6].listedWhenEmpty = true; // blank: linked while empty
        const QHash<QString, QDateTime> last{{u"news"_s, daysAgo(1)},
                                             {u"news-a"_s, daysAgo(1)},
                                             {u"old"_s, daysAgo(300)},
                                             {u"old-a"_s, daysAgo(300)}};
        QSet<QString> withContent;
        for (auto it = last.cbegin(); it != last.cend(); ++it)
            withContent.insert(it.key());
        QCOMPARE(shownColumnIds(org.columns, withContent),
                 (QSet<QString>{u"news"_s, u"news-a"_s, u"news-b"_s, u"blank"_s}));
        // A sub-column listed while empty brings its empty parent along; a retired parent keeps its
        // sub-columns off whatever they say.
        QList<Column> tree{
            column(u"talk"_s, ColumnType::Static), column(u"mailbox"_s, ColumnType::Dynamic, 0, u"talk"_s),
            column(u"gone"_s, ColumnType::Static), column(u"gone-a"_s, ColumnType::Dynamic, 0, u"gone"_s)};
        tree[1].listedWhenEmpty = true;
        tree[2].retired = true;
        tree[3].listedWhenEmpty = true;
        QCOMPARE(shownColumnIds(tree, {u"gone-a"_s}), (QSet<QString>{u"talk"_s, u"mailbox"_s}));
        const SiteHealth h = ColumnHealthRules().judge(org, last, kToday);
        QCOMPARE(h.linkedEmpty, (QStringList{u"news-b"_s, u"blank"_s}));
        QCOMPARE(h.empty.count, 2);         // guide is empty but not on the site
        QCOMPARE(h.longUnupdated.count, 0); // old is retired: not counted
        QCOMPARE(h.stale.count, 0);
        QVERIFY(h.warning());
        QStringList warned;
        for (const QString &m : h.messages()) {
            if (m.contains(u"linked on the site"_s))
                warned << m;
        }
        QCOMPARE(warned.size(), 2);
        for (const ColumnHealth &c : h.columns) {
            if (c.columnId == u"old-a"_s)
                QVERIFY(!c.listed && !c.retired); // off the site with its retired parent
            if (c.columnId == u"old"_s)
                QVERIFY(c.retired && !c.listed);
        }
    }

    void treeOrder()
    {
        Organization org;
        org.columns << column(u"b-child"_s, ColumnType::Dynamic, 0, u"b"_s)
                    << column(u"b"_s, ColumnType::Dynamic) << column(u"a"_s, ColumnType::Dynamic)
                    << column(u"a-child2"_s, ColumnType::Dynamic, 0, u"a"_s)
                    << column(u"a-child1"_s, ColumnType::Dynamic, 0, u"a"_s);
        org.columns[1].sortOrder = 2;
        org.columns[2].sortOrder = 1;
        org.columns[3].sortOrder = 2;
        org.columns[4].sortOrder = 1;
        QStringList ids;
        for (const ColumnHealth &h : ColumnHealthRules().judge(org, {}, kToday).columns)
            ids << h.columnId;
        QCOMPARE(ids, (QStringList{u"a"_s, u"a-child1"_s, u"a-child2"_s, u"b"_s, u"b-child"_s}));
    }

    void wireForm()
    {
        Organization org;
        org.columns << column(u"a"_s, ColumnType::Dynamic) << column(u"b"_s, ColumnType::Policy, 90);
        org.columns[0].responsibleUnitIds = {u"office"_s};
        org.columns[1].listedWhenEmpty = true;
        const SiteHealth h = ColumnHealthRules().judge(org, {{u"a"_s, daysAgo(12)}}, kToday);
        SiteHealth back;
        QString error;
        QVERIFY2(fromJson(toJson(h), &back, &error), qPrintable(error));
        QCOMPARE(back.columns.size(), 2);
        QCOMPARE(back.columns[0].state, ColumnHealthState::DueSoon);
        QCOMPARE(back.columns[0].daysLeft, 2);
        QCOMPARE(back.columns[0].responsibleUnitIds, QStringList{u"office"_s});
        QCOMPARE(back.columns[0].lastPublished, h.columns[0].lastPublished);
        QCOMPARE(back.columns[1].state, ColumnHealthState::Empty);
        QCOMPARE(back.columns[1].intervalDays, 90);
        QCOMPARE(back.empty.count, 1);
        QCOMPARE(back.linkedEmpty, QStringList{u"b"_s});
        QVERIFY(back.columns[0].listed && back.columns[1].listed && !back.columns[1].retired);
        QVERIFY(!fromJson(QJsonObject(), &back, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestColumnHealth)
#include "tst_columnhealth.moc"
