// The accountability register (core/Register, issue #18 point 6) over a generated history of some
// hundreds of items: publications after a whole route (a few with a stage left out on purpose),
// corrections approved once or twice, retractions, overrides, late items, columns published in now and
// then, and inspection notices. The expected figures come from the generator's own record of what
// happened when, counted here without the code under test: the staleness day by day, the rest event
// by event.

#include "Organization.h"
#include "Register.h"
#include "RouteEngine.h"

#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <map>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(QDate day, int hour = 10)
{
    return QDateTime(day, QTime(hour, 0)); // local time
}

struct Expected
{
    int staleColumns = 0, staleDays = 0, checked = 0, withoutRoute = 0, overrides = 0, corrections = 0,
        retractions = 0, late = 0, notices = 0, openNotices = 0;
};

// What happened, as the generator recorded it.
struct Happening
{
    QString type; // "publish", "correction", "retract", "override"
    QString itemId;
    QString unitId;
    QDate day;
    bool routeIncomplete = false;
};

} // namespace

class TestRegister : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void figures_data();
    void figures();
    void staleSpellsAtTheBoundaries();
    void restrictedToAUnit();
    void notices();
    void wireFormAndCsv();

private:
    // Approvals of every stage of the item's route for `cycle`, the last at `end`; `skip`: a stage
    // left out (-1: none).
    void approve(Item &item, int cycle, const QDateTime &end, int skip = -1);
    AuditEvent event(const QString &type, const QString &itemId, const QDateTime &when,
                     const QJsonObject &details);

    Organization m_org;
    QList<Item> m_items;
    QList<AuditEvent> m_events;
    QList<Happening> m_happened;
    QHash<QString, QDateTime> m_before;
    QList<InspectionNotice> m_notices;
    QStringList m_leafColumns;
    qint64 m_sequence = 0;
};

void TestRegister::approve(Item &item, int cycle, const QDateTime &end, int skip)
{
    const QList<Stage> stages = RouteEngine::builtin().stages(item.kind, false);
    for (qsizetype i = 0; i < stages.size(); ++i) {
        if (i == skip)
            continue;
        Decision d;
        d.stageId = stages[i].id;
        d.personId = u"reviewer-%1"_s.arg(i);
        d.type = DecisionType::Approve;
        d.revision = item.latestNumber();
        d.cycle = cycle;
        d.at = end.addSecs(-3600 * (stages.size() - 1 - i));
        item.decisions.append(d);
    }
}

AuditEvent TestRegister::event(const QString &type, const QString &itemId, const QDateTime &when,
                               const QJsonObject &details)
{
    AuditEvent e;
    e.sequence = ++m_sequence;
    e.type = type;
    e.subjectId = itemId;
    e.at = when;
    e.actorId = u"approver"_s;
    e.details = details;
    return e;
}

void TestRegister::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    m_org = Organization::demo();
    QSet<QString> parents;
    for (const Column &c : m_org.columns) {
        if (!c.parentId.isEmpty())
            parents.insert(c.parentId);
    }
    for (const Column &c : m_org.columns) {
        if (!parents.contains(c.id) && !c.responsibleUnitIds.isEmpty())
            m_leafColumns << c.id;
    }
    QRandomGenerator random(20261207);
    const QList<ItemKind> kinds = allItemKinds();
    for (int n = 0; n < 500; ++n) {
        const QString columnId = m_leafColumns.at(random.bounded(int(m_leafColumns.size())));
        const Column *column = m_org.column(columnId);
        // One column (the mining rights' announcements) is never published in: it stays empty.
        if (columnId == u"mining_rights"_s)
            continue;
        Item item;
        item.id = u"item-%1"_s.arg(n);
        item.kind = kinds.at(random.bounded(int(kinds.size())));
        item.unitId = column->responsibleUnitIds.at(random.bounded(int(column->responsibleUnitIds.size())));
        item.authorId = u"author-%1"_s.arg(item.unitId);
        // Publications are sparse: columns go stale in between.
        const QDate info = QDate(2026, 1, 1).addDays(random.bounded(330));
        const QDate published = info.addDays(random.bounded(24)); // some past the 15-day limit
        Revision r;
        r.number = 1;
        r.authorId = item.authorId;
        r.content.title = u"信息 %1"_s.arg(n);
        r.content.columnId = columnId;
        r.content.infoDate = info;
        item.revisions.append(r);
        item.cycle = 1;
        item.firstSubmittedAt = at(info);
        const bool incomplete =
            RouteEngine::builtin().stages(item.kind, false).size() > 1 && random.bounded(30) == 0;
        approve(item, 1, at(published), incomplete ? 0 : -1);
        item.state = WorkflowState::Published;
        item.liveRevision = 1;
        item.publishedAt = at(published);
        m_events << event(u"publish"_s, item.id, at(published), {{"revision"_L1, 1}});
        m_happened << Happening{u"publish"_s, item.id, item.unitId, published, incomplete};
        if (info.daysTo(published) > 15)
            m_happened << Happening{u"late"_s, item.id, item.unitId, published, false};
        // Overrides at submission (before the publication).
        if (random.bounded(12) == 0) {
            const QDate day = info;
            m_events << event(u"override"_s, item.id, at(day, 9),
                              {{"rule"_L1, u"checks"_s},
                               {"checks"_L1, QJsonArray{u"sensitive"_s}},
                               {"reason"_L1, u"已核实,不涉密"_s},
                               {"unit_id"_L1, item.unitId}});
            m_happened << Happening{u"override"_s, item.id, item.unitId, day, false};
        }
        // Corrections: one or two approved changes, each counted.
        QDate last = published;
        const int changes = random.bounded(8) == 0 ? 1 + random.bounded(2) : 0;
        for (int c = 0; c < changes; ++c) {
            last = last.addDays(3 + random.bounded(40));
            Revision changed = item.revisions.constLast();
            changed.number = item.latestNumber() + 1;
            changed.content.title += u"(更正)"_s;
            item.revisions.append(changed);
            item.cycle += 1;
            approve(item, item.cycle, at(last, 15));
            item.liveRevision = changed.number;
            m_events << event(u"publish"_s, item.id, at(last, 15), {{"revision"_L1, changed.number}});
            m_happened << Happening{u"correction"_s, item.id, item.unitId, last, false};
            m_happened << Happening{u"publish"_s, item.id, item.unitId, last, false};
        }
        // Retractions.
        if (random.bounded(20) == 0) {
            last = last.addDays(2 + random.bounded(20));
            item.comments.append(Comment{item.authorId, item.latestNumber(), u"内容已过时"_s, at(last, 8)});
            item.cycle += 1;
            approve(item, item.cycle, at(last, 16));
            item.state = WorkflowState::Retracted;
            m_events << event(u"retract"_s, item.id, at(last, 16), {{"revision"_L1, item.liveRevision}});
            m_happened << Happening{u"retract"_s, item.id, item.unitId, last, false};
        }
        m_items.append(item);
    }
    // The site's index: a column last published in long before 2026.
    m_before.insert(u"consultation"_s, at(QDate(2025, 12, 20)));
    // Notices: in the period, before it and still open, before it and closed before it, after it.
    const auto notice = [](const QString &id, QDate date, const QString &unit, bool closed, QDate closedOn) {
        InspectionNotice n;
        n.id = id;
        n.date = date;
        n.source = u"省政务公开办季度检查"_s;
        n.finding = u"栏目长期未更新"_s;
        n.unitId = unit;
        n.closed = closed;
        n.closedOn = closedOn;
        return n;
    };
    m_notices << notice(u"n1"_s, QDate(2026, 5, 10), u"bazhou"_s, false, {})
              << notice(u"n2"_s, QDate(2026, 2, 1), u"bazhou"_s, false, {})
              << notice(u"n3"_s, QDate(2026, 1, 15), u"office"_s, true, QDate(2026, 3, 1))
              << notice(u"n4"_s, QDate(2026, 3, 20), u"office"_s, true, QDate(2026, 4, 10))
              << notice(u"n5"_s, QDate(2026, 8, 1), u"enyang"_s, false, {});
}

void TestRegister::figures_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QDate>("today");
    QTest::newRow("2026 Q2") << QDate(2026, 4, 1) << QDate(2026, 6, 30) << QDate(2027, 1, 1);
    QTest::newRow("2026 Q3") << QDate(2026, 7, 1) << QDate(2026, 9, 30) << QDate(2027, 1, 1);
    QTest::newRow("a range across quarters") << QDate(2026, 3, 15) << QDate(2026, 8, 14) << QDate(2027, 1, 1);
    QTest::newRow("the current quarter, judged to today")
        << QDate(2026, 10, 1) << QDate(2026, 12, 31) << QDate(2026, 11, 5);
    QTest::newRow("one day") << QDate(2026, 5, 20) << QDate(2026, 5, 20) << QDate(2027, 1, 1);
}

void TestRegister::figures()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QDate, today);
    const StatisticsPeriod period{from, to};
    RegisterInput input{m_items, m_events, m_before, m_notices};
    const AccountabilityRegister r =
        RegisterCalculator::compute(m_org, input, period, Deadline(), RouteEngine::builtin(), today);
    const QDate end = std::min(to, today);
    QCOMPARE(r.judgedTo, end);
    const auto in = [&](QDate d) { return d >= from && d <= to; };

    std::map<QString, Expected> expected;
    int checked = 0, failures = 0, corrections = 0, overrides = 0, late = 0;
    QSet<QString> items;
    for (const Happening &h : std::as_const(m_happened)) {
        if (!in(h.day))
            continue;
        Expected &e = expected[h.unitId];
        if (h.type == "publish"_L1) {
            ++e.checked;
            ++checked;
            items.insert(h.itemId);
            if (h.routeIncomplete) {
                ++e.withoutRoute;
                ++failures;
            }
        } else if (h.type == "correction"_L1) {
            ++e.corrections;
            ++corrections;
        } else if (h.type == "retract"_L1) {
            ++e.retractions;
        } else if (h.type == "override"_L1) {
            ++e.overrides;
            ++overrides;
        } else if (h.type == "late"_L1) {
            ++e.late;
            ++late;
        }
    }
    // Staleness, day by day: the newest first publication in the column on or before the day, more
    // than the column's interval before it (or none at all: empty).
    int staleDays = 0;
    const ColumnHealthPolicy policy;
    for (const QString &id : std::as_const(m_leafColumns)) {
        const Column *column = m_org.column(id);
        const int interval = policy.intervalOf(*column);
        if (interval <= 0)
            continue;
        QList<QDate> days;
        for (const Item &item : std::as_const(m_items)) {
            if (item.revisions.constFirst().content.columnId == id)
                days << item.publishedAt.date();
        }
        if (m_before.contains(id))
            days << m_before.value(id).date();
        int stale = 0;
        for (QDate d = from; d <= end; d = d.addDays(1)) {
            QDate newest;
            for (const QDate &p : std::as_const(days)) {
                if (p <= d && (!newest.isValid() || p > newest))
                    newest = p;
            }
            stale += !newest.isValid() || newest.daysTo(d) > interval;
        }
        staleDays += stale;
        for (const QString &unit : column->responsibleUnitIds) {
            expected[unit].staleDays += stale;
            expected[unit].staleColumns += stale > 0;
        }
    }
    int notices = 0;
    for (const InspectionNotice &n : std::as_const(m_notices)) {
        if (n.date <= to && (!n.closed || n.closedOn >= from)) {
            ++notices;
            ++expected[n.unitId].notices;
            expected[n.unitId].openNotices += !n.closed;
        }
    }

    QCOMPARE(r.publicationsChecked, checked);
    QCOMPARE(r.itemsChecked, int(items.size()));
    QCOMPARE(r.withoutRoute.size(), failures);
    QCOMPARE(r.overrides.size(), overrides);
    QCOMPARE(r.late.size(), late);
    QCOMPARE(r.notices.size(), notices);
    int corrected = 0;
    for (const ChangeEntry &c : r.corrections)
        corrected += !c.retraction;
    QCOMPARE(corrected, corrections);
    int spellDays = 0;
    for (const StaleSpell &s : r.stale) {
        spellDays += s.days();
        QVERIFY(s.from >= from && s.to <= end && s.from <= s.to);
    }
    QCOMPARE(spellDays, staleDays);
    QCOMPARE(r.units.size(), m_org.units.size());
    for (const UnitRegister &u : r.units) {
        const Expected &e = expected[u.unitId];
        const QByteArray who = u.unitId.toUtf8();
        QVERIFY2(u.staleColumns == e.staleColumns, who + " stale columns " +
                                                       QByteArray::number(u.staleColumns) + " expected " +
                                                       QByteArray::number(e.staleColumns));
        QVERIFY2(u.staleDays == e.staleDays, who);
        QVERIFY2(u.publicationsChecked == e.checked, who);
        QVERIFY2(u.withoutRoute == e.withoutRoute, who);
        QVERIFY2(u.overrides == e.overrides, who);
        QVERIFY2(u.corrections == e.corrections, who);
        QVERIFY2(u.retractions == e.retractions, who);
        QVERIFY2(u.late == e.late, who);
        QVERIFY2(u.notices == e.notices, who);
        QVERIFY2(u.openNotices == e.openNotices, who);
    }
    // Each failure names the stage left out: the first of its route.
    for (const RouteFailure &f : r.withoutRoute) {
        QCOMPARE(f.missingStages.size(), 1);
        QCOMPARE(f.missingStages.constFirst(), f.requiredStages.constFirst());
        QVERIFY(!f.problem.isEmpty());
    }
    // A long period sees everything the generator made.
    if (from.daysTo(to) > 80) {
        QVERIFY(checked > 50 && corrections > 0 && late > 0 && overrides > 0 && failures > 0);
        QVERIFY(staleDays > 0);
    }
}

void TestRegister::staleSpellsAtTheBoundaries()
{
    Column c;
    c.id = u"news"_s;
    c.name = u"新闻"_s;
    c.responsibleUnitIds = {u"office"_s};
    const QDate from(2026, 4, 1);
    const QDate to(2026, 4, 30);
    // Published 14 days before the period: still fresh on its first day, stale from the second.
    QList<StaleSpell> s = RegisterCalculator::staleSpells(c, 14, {QDate(2026, 3, 18)}, from, to);
    QCOMPARE(s.size(), 1);
    QCOMPARE(s[0].from, QDate(2026, 4, 2));
    QCOMPARE(s[0].to, to);
    QVERIFY(s[0].ongoing);
    QCOMPARE(s[0].lastPublished, QDate(2026, 3, 18));
    // Publishing on the 14th day after keeps it fresh; on the 16th it was stale for one day.
    s = RegisterCalculator::staleSpells(c, 14, {QDate(2026, 3, 31), QDate(2026, 4, 14), QDate(2026, 4, 28)},
                                        from, to);
    QVERIFY(s.isEmpty());
    s = RegisterCalculator::staleSpells(c, 14, {QDate(2026, 3, 31), QDate(2026, 4, 16), QDate(2026, 4, 30)},
                                        from, to);
    QCOMPARE(s.size(), 1);
    QCOMPARE(s[0].from, QDate(2026, 4, 15));
    QCOMPARE(s[0].to, QDate(2026, 4, 15));
    QVERIFY(!s[0].ongoing);
    QCOMPARE(s[0].days(), 1);
    // Nothing ever: empty the whole period; first published in it: empty until then.
    s = RegisterCalculator::staleSpells(c, 14, {}, from, to);
    QCOMPARE(s.size(), 1);
    QVERIFY(s[0].empty() && s[0].ongoing && s[0].days() == 30);
    s = RegisterCalculator::staleSpells(c, 14, {QDate(2026, 4, 10)}, from, to);
    QCOMPARE(s.size(), 2);
    QVERIFY(s[0].empty());
    QCOMPARE(s[0].to, QDate(2026, 4, 9));
    QCOMPARE(s[1].from, QDate(2026, 4, 25));
    // No interval (a static column): never stale.
    QVERIFY(RegisterCalculator::staleSpells(c, 0, {}, from, to).isEmpty());
}

void TestRegister::restrictedToAUnit()
{
    RegisterInput input{m_items, m_events, m_before, m_notices};
    const AccountabilityRegister all =
        RegisterCalculator::compute(m_org, input, StatisticsPeriod::quarter(2026, 2), Deadline(),
                                    RouteEngine::builtin(), QDate(2027, 1, 1));
    const AccountabilityRegister own = RegisterCalculator::restrictedTo(all, {u"bazhou"_s});
    QCOMPARE(own.units.size(), 1);
    QCOMPARE(own.units.first().unitId, u"bazhou"_s);
    QCOMPARE(own.publicationsChecked, own.units.first().publicationsChecked);
    for (const StaleSpell &s : own.stale)
        QVERIFY(s.unitIds.contains(u"bazhou"_s));
    for (const OverrideEntry &o : own.overrides)
        QCOMPARE(o.unitId, u"bazhou"_s);
    for (const ChangeEntry &c : own.corrections)
        QCOMPARE(c.unitId, u"bazhou"_s);
    for (const LateEntry &l : own.late)
        QCOMPARE(l.unitId, u"bazhou"_s);
    QCOMPARE(own.notices.size(), 2); // n1 and n2, still open
    for (const InspectionNotice &n : own.notices)
        QCOMPARE(n.unitId, u"bazhou"_s);
}

void TestRegister::notices()
{
    const QDate today(2026, 12, 7);
    InspectionNotice n;
    n.date = QDate(2026, 11, 20);
    n.source = u"省政务公开办季度检查"_s;
    n.finding = u"“区县动态”栏目超过两周未更新"_s;
    n.unitId = u"bazhou"_s;
    QVERIFY(InspectionNotices::problems(n, m_org, today).isEmpty());
    const auto refused = [&](const InspectionNotice &bad) {
        return !InspectionNotices::problems(bad, m_org, today).isEmpty();
    };
    InspectionNotice bad = n;
    bad.date = QDate();
    QVERIFY(refused(bad));
    bad = n;
    bad.date = today.addDays(1);
    QVERIFY(refused(bad));
    bad = n;
    bad.source = u"  "_s;
    QVERIFY(refused(bad));
    bad = n;
    bad.finding.clear();
    QVERIFY(refused(bad));
    bad = n;
    bad.unitId = u"nowhere"_s;
    QVERIFY(refused(bad));
    bad = n;
    bad.source = QString(201, u'检');
    QVERIFY(refused(bad));
    bad = n;
    bad.followUp = u"整改\u0001"_s;
    QVERIFY(refused(bad));
    bad = n;
    bad.closed = true;
    QVERIFY(refused(bad)); // no closing date
    bad.closedOn = QDate(2026, 11, 1);
    QVERIFY(refused(bad)); // before the notice
    bad.closedOn = QDate(2026, 12, 1);
    QVERIFY(!refused(bad));
    bad.closed = false;
    QVERIFY(refused(bad)); // open with a closing date
    // Every problem named at once.
    InspectionNotice empty;
    QCOMPARE(InspectionNotices::problems(empty, m_org, today).size(), 4);

    InspectionNotice changed = n;
    changed.closed = true;
    changed.closedOn = QDate(2026, 12, 1);
    changed.followUp = u"已更新"_s;
    const QJsonObject diff = InspectionNotices::changes(n, changed);
    QCOMPARE(diff.keys(), (QStringList{u"closed"_s, u"closed_on"_s, u"follow_up"_s}));
    QCOMPARE(diff.value("closed_on"_L1).toObject().value("to"_L1).toString(), u"2026-12-01"_s);

    Person admin;
    admin.grants = {RoleGrant{Role::SiteAdministrator, {}, true}};
    QVERIFY(InspectionNotices::mayWrite(admin));
    admin.grants = {RoleGrant{Role::Administrator, {}, true}};
    QVERIFY(InspectionNotices::mayWrite(admin));
    admin.grants = {RoleGrant{Role::OfficeDirector, {}, true}, RoleGrant{Role::Correspondent, {u"office"_s}}};
    QVERIFY(!InspectionNotices::mayWrite(admin));

    InspectionNotice back;
    QString error;
    QVERIFY(fromJson(toJson(changed), &back, &error));
    QCOMPARE(back, changed);
    QVERIFY(!fromJson(QJsonObject{{"date"_L1, u"yesterday"_s}}, &back, &error));
    QVERIFY(!fromJson(QJsonObject{{"closed"_L1, u"yes"_s}}, &back, &error));
    QVERIFY(!fromJson(QJsonObject{{"source"_L1, 5}}, &back, &error));
}

void TestRegister::wireFormAndCsv()
{
    RegisterInput input{m_items, m_events, m_before, m_notices};
    const AccountabilityRegister r =
        RegisterCalculator::compute(m_org, input, StatisticsPeriod::quarter(2026, 2), Deadline(),
                                    RouteEngine::builtin(), QDate(2027, 1, 1));
    AccountabilityRegister back;
    QString error;
    QVERIFY2(fromJson(toJson(r), &back, &error), qPrintable(error));
    QCOMPARE(back.period.from, r.period.from);
    QCOMPARE(back.units.size(), r.units.size());
    QCOMPARE(back.stale.size(), r.stale.size());
    QCOMPARE(back.publicationsChecked, r.publicationsChecked);
    QCOMPARE(back.withoutRoute.size(), r.withoutRoute.size());
    QCOMPARE(back.corrections.size(), r.corrections.size());
    QCOMPARE(back.late.size(), r.late.size());
    QCOMPARE(back.notices.size(), r.notices.size());
    for (qsizetype i = 0; i < r.units.size(); ++i)
        QCOMPARE(RegisterCalculator::summaryValues(back.units[i]),
                 RegisterCalculator::summaryValues(r.units[i]));
    QVERIFY(!fromJson(QJsonObject(), &back, &error));

    const QByteArray csv = RegisterCalculator::csv(r, m_org);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(csv.mid(3));
    QVERIFY(text.contains(u"2026-04-01"_s) && text.contains(u"2026-06-30"_s));
    QVERIFY(text.contains(m_org.unit(u"bazhou"_s)->name));
    QVERIFY(text.contains(u"省政务公开办季度检查"_s));
    QVERIFY(text.contains(u"已核实,不涉密"_s) || r.overrides.isEmpty());
    const QStringList lines = text.split(u"\r\n"_s);
    QCOMPARE(lines.at(3).count(u',') + 1, 11); // the unit and ten figures
}

QTEST_GUILESS_MAIN(TestRegister)
#include "tst_register.moc"
