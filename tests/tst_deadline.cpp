// Art. 15 timeliness: "原则上应在信息产生之日起5日内发布,最迟不超过15日" (docs/design.md §3).
#include "Deadline.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace baosong;

Q_DECLARE_METATYPE(baosong::DeadlineState)
Q_DECLARE_METATYPE(std::optional<QDate>)

// QCOMPARE can't print baosong's enums (ADL finds baosong::toString, which returns a QString), so
// states are compared by their stable identifiers.

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// National Day 2027 as a test holiday list: Oct 1–7 off, Sunday 26 September and Saturday 9 October
// worked in exchange (调休).
const QString kNationalDay2027 = u"# 国庆节 2027 (test data)\n"
                                 "holiday 2027-10-01 2027-10-07\n"
                                 "workday 2027-09-26   # Sunday worked\n"
                                 "workday 2027-10-09   # Saturday worked\n"
                                 "holiday 2028-01-03   # New Year's day falls on a Saturday: Monday off\n"_s;

DeadlinePolicy workingDayPolicy()
{
    DeadlinePolicy p;
    p.workingDays = true;
    QString error;
    if (!p.parseHolidayList(kNationalDay2027, &error))
        qFatal("test holiday list rejected: %s", qPrintable(error));
    return p;
}

} // namespace

class TestDeadline : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void chinaDays();

    void calendarDates_data();
    void calendarDates();

    void calendarState_data();
    void calendarState();

    void dueSoonWindow_data();
    void dueSoonWindow();

    void workingDates_data();
    void workingDates();

    void workingState_data();
    void workingState();

    void countedDays_data();
    void countedDays();

    void invalidDates();

    void holidayList();
    void holidayListErrors_data();
    void holidayListErrors();
    void holidayListFile();

    void policyValidity_data();
    void policyValidity();

    void stateNames();
    void urgentHours();
};

// The regulation's days are China's (UTC+8) whatever zone the machine is on: a day there begins at
// 16:00 UTC of the day before.
void TestDeadline::chinaDays()
{
    QCOMPARE(chinaDate(QDateTime(QDate(2024, 5, 2), QTime(15, 59, 59, 999), Qt::UTC)), QDate(2024, 5, 2));
    QCOMPARE(chinaDate(QDateTime(QDate(2024, 5, 2), QTime(16, 0), Qt::UTC)), QDate(2024, 5, 3));
    QCOMPARE(chinaDate(QDateTime(QDate(2024, 12, 31), QTime(16, 0), Qt::UTC)).year(), 2025);
    QCOMPARE(chinaDate(QDateTime(QDate(2024, 5, 3), QTime(7, 30), chinaTimeZone())), QDate(2024, 5, 3));
    QVERIFY(!chinaDate(QDateTime()).isValid());
}

void TestDeadline::defaults()
{
    const DeadlinePolicy p;
    QCOMPARE(p.targetDays, 5);
    QCOMPARE(p.limitDays, 15);
    QCOMPARE(p.dueSoonDays, 1);
    QVERIFY(!p.workingDays);
    QVERIFY(p.isValid());
    // Calendar days: weekends count.
    QVERIFY(p.countsAsDay(d("2027-03-06")));
}

void TestDeadline::calendarDates_data()
{
    QTest::addColumn<QDate>("infoDate");
    QTest::addColumn<QDate>("target");
    QTest::addColumn<QDate>("limit");

    QTest::newRow("1 March: the documented example") << d("2027-03-01") << d("2027-03-06") << d("2027-03-16");
    QTest::newRow("31 January → February") << d("2027-01-31") << d("2027-02-05") << d("2027-02-15");
    QTest::newRow("26 February, non-leap 2027") << d("2027-02-26") << d("2027-03-03") << d("2027-03-13");
    QTest::newRow("28 February, non-leap 2027") << d("2027-02-28") << d("2027-03-05") << d("2027-03-15");
    QTest::newRow("26 February, leap 2028") << d("2028-02-26") << d("2028-03-02") << d("2028-03-12");
    QTest::newRow("28 February, leap 2028") << d("2028-02-28") << d("2028-03-04") << d("2028-03-14");
    QTest::newRow("29 February 2028") << d("2028-02-29") << d("2028-03-05") << d("2028-03-15");
    QTest::newRow("28 December → next year") << d("2027-12-28") << d("2028-01-02") << d("2028-01-12");
    QTest::newRow("31 December → next year") << d("2027-12-31") << d("2028-01-05") << d("2028-01-15");
    QTest::newRow("Saturday: weekends count") << d("2027-03-06") << d("2027-03-11") << d("2027-03-21");
}

void TestDeadline::calendarDates()
{
    QFETCH(QDate, infoDate);
    QFETCH(QDate, target);
    QFETCH(QDate, limit);

    const Deadline deadline;
    QCOMPARE(deadline.targetDate(infoDate), target);
    QCOMPARE(deadline.limitDate(infoDate), limit);
    // In calendar mode the target is exactly 5 days after the information date, the limit 15.
    QCOMPARE(infoDate.daysTo(target), 5);
    QCOMPARE(infoDate.daysTo(limit), 15);
}

void TestDeadline::calendarState_data()
{
    QTest::addColumn<QDate>("infoDate");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<std::optional<QDate>>("publishedOn");
    QTest::addColumn<DeadlineState>("state");
    QTest::addColumn<int>("remaining");

    const std::optional<QDate> unpublished;
    const QDate info = d("2027-03-01"); // target 6 March, limit 16 March

    // Not yet published: judged on today.
    QTest::newRow("before the info date")
        << info << d("2027-02-27") << unpublished << DeadlineState::OnTime << 7;
    QTest::newRow("on the info date") << info << d("2027-03-01") << unpublished << DeadlineState::OnTime << 5;
    QTest::newRow("two days before target")
        << info << d("2027-03-04") << unpublished << DeadlineState::OnTime << 2;
    QTest::newRow("day before target")
        << info << d("2027-03-05") << unpublished << DeadlineState::DueSoon << 1;
    QTest::newRow("on target") << info << d("2027-03-06") << unpublished << DeadlineState::DueSoon << 0;
    QTest::newRow("day after target")
        << info << d("2027-03-07") << unpublished << DeadlineState::Overdue << 9;
    QTest::newRow("day before limit")
        << info << d("2027-03-15") << unpublished << DeadlineState::Overdue << 1;
    QTest::newRow("on limit") << info << d("2027-03-16") << unpublished << DeadlineState::Overdue << 0;
    QTest::newRow("day after limit") << info << d("2027-03-17") << unpublished << DeadlineState::Breached
                                     << -1;
    QTest::newRow("long after limit")
        << info << d("2027-03-31") << unpublished << DeadlineState::Breached << -15;

    QTest::newRow("year end: due soon")
        << d("2027-12-31") << d("2028-01-04") << unpublished << DeadlineState::DueSoon << 1;
    QTest::newRow("year end: overdue")
        << d("2027-12-31") << d("2028-01-06") << unpublished << DeadlineState::Overdue << 9;
    QTest::newRow("year end: breached")
        << d("2027-12-31") << d("2028-01-16") << unpublished << DeadlineState::Breached << -1;
    QTest::newRow("29 February: on target")
        << d("2028-02-29") << d("2028-03-05") << unpublished << DeadlineState::DueSoon << 0;
    QTest::newRow("29 February: day after target")
        << d("2028-02-29") << d("2028-03-06") << unpublished << DeadlineState::Overdue << 9;
    QTest::newRow("28 February 2027: on target")
        << d("2027-02-28") << d("2027-03-05") << unpublished << DeadlineState::DueSoon << 0;
    QTest::newRow("31 January: day after limit")
        << d("2027-01-31") << d("2027-02-16") << unpublished << DeadlineState::Breached << -1;

    // Published: the publication date decides, whatever today is; `remaining` is still by today.
    const QDate later = d("2027-04-30");
    QTest::newRow("published on the info date")
        << info << later << std::optional<QDate>(d("2027-03-01")) << DeadlineState::OnTime << -45;
    QTest::newRow("published on target")
        << info << later << std::optional<QDate>(d("2027-03-06")) << DeadlineState::OnTime << -45;
    QTest::newRow("published a day late")
        << info << later << std::optional<QDate>(d("2027-03-07")) << DeadlineState::Overdue << -45;
    QTest::newRow("published on limit")
        << info << later << std::optional<QDate>(d("2027-03-16")) << DeadlineState::Overdue << -45;
    QTest::newRow("published after limit")
        << info << later << std::optional<QDate>(d("2027-03-17")) << DeadlineState::Breached << -45;
    QTest::newRow("published on target: never due soon")
        << info << d("2027-03-06") << std::optional<QDate>(d("2027-03-06")) << DeadlineState::OnTime << 0;
    QTest::newRow("invalid publication date counts as unpublished")
        << info << d("2027-03-05") << std::optional<QDate>(QDate()) << DeadlineState::DueSoon << 1;
}

void TestDeadline::calendarState()
{
    QFETCH(QDate, infoDate);
    QFETCH(QDate, today);
    QFETCH(std::optional<QDate>, publishedOn);
    QFETCH(DeadlineState, state);
    QFETCH(int, remaining);

    const Deadline deadline;
    QCOMPARE(toString(deadline.state(infoDate, today, publishedOn)), toString(state));
    QCOMPARE(deadline.daysRemaining(infoDate, today), remaining);
}

void TestDeadline::dueSoonWindow_data()
{
    QTest::addColumn<int>("dueSoonDays");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<DeadlineState>("state");

    // Information date 1 March 2027: target 6 March.
    QTest::newRow("0: day before target") << 0 << d("2027-03-05") << DeadlineState::OnTime;
    QTest::newRow("0: on target") << 0 << d("2027-03-06") << DeadlineState::DueSoon;
    QTest::newRow("2: three days before") << 2 << d("2027-03-03") << DeadlineState::OnTime;
    QTest::newRow("2: two days before") << 2 << d("2027-03-04") << DeadlineState::DueSoon;
    QTest::newRow("5: on the info date") << 5 << d("2027-03-01") << DeadlineState::DueSoon;
    QTest::newRow("5: day before the info date") << 5 << d("2027-02-28") << DeadlineState::OnTime;
    QTest::newRow("2: after target is overdue, not due soon")
        << 2 << d("2027-03-07") << DeadlineState::Overdue;
}

void TestDeadline::dueSoonWindow()
{
    QFETCH(int, dueSoonDays);
    QFETCH(QDate, today);
    QFETCH(DeadlineState, state);

    DeadlinePolicy p;
    p.dueSoonDays = dueSoonDays;
    QCOMPARE(toString(Deadline(p).state(d("2027-03-01"), today)), toString(state));
}

void TestDeadline::workingDates_data()
{
    QTest::addColumn<bool>("withHolidays");
    QTest::addColumn<QDate>("infoDate");
    QTest::addColumn<QDate>("target");
    QTest::addColumn<QDate>("limit");

    // Weekends only.
    QTest::newRow("Monday") << false << d("2027-03-01") << d("2027-03-08") << d("2027-03-22");
    QTest::newRow("Friday") << false << d("2027-03-05") << d("2027-03-12") << d("2027-03-26");
    QTest::newRow("Saturday: the weekend is skipped")
        << false << d("2027-03-06") << d("2027-03-12") << d("2027-03-26");
    QTest::newRow("Friday before National Day, no holiday list")
        << false << d("2027-09-24") << d("2027-10-01") << d("2027-10-15");
    // With the National Day list: 1–7 October off, Sunday 26 September and Saturday 9 October worked.
    QTest::newRow("make-up Sunday counts") << true << d("2027-09-24") << d("2027-09-30") << d("2027-10-20");
    QTest::newRow("across National Day") << true << d("2027-09-30") << d("2027-10-13") << d("2027-10-27");
    QTest::newRow("info date inside the holiday")
        << true << d("2027-10-03") << d("2027-10-13") << d("2027-10-27");
    QTest::newRow("New Year's Monday off") << true << d("2027-12-31") << d("2028-01-10") << d("2028-01-24");
    QTest::newRow("leap day") << true << d("2028-02-29") << d("2028-03-07") << d("2028-03-21");
}

void TestDeadline::workingDates()
{
    QFETCH(bool, withHolidays);
    QFETCH(QDate, infoDate);
    QFETCH(QDate, target);
    QFETCH(QDate, limit);

    DeadlinePolicy p = withHolidays ? workingDayPolicy() : DeadlinePolicy{};
    p.workingDays = true;
    const Deadline deadline(p);
    QCOMPARE(deadline.targetDate(infoDate), target);
    QCOMPARE(deadline.limitDate(infoDate), limit);
    QCOMPARE(deadline.countedDays(infoDate, target), 5);
    QCOMPARE(deadline.countedDays(infoDate, limit), 15);
    // The boundary days themselves are working days.
    QVERIFY(p.countsAsDay(target));
    QVERIFY(p.countsAsDay(limit));
}

void TestDeadline::workingState_data()
{
    QTest::addColumn<QDate>("infoDate");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<std::optional<QDate>>("publishedOn");
    QTest::addColumn<DeadlineState>("state");
    QTest::addColumn<int>("remaining");

    const std::optional<QDate> unpublished;
    // Monday 1 March 2027: target Monday 8 March, limit Monday 22 March.
    const QDate info = d("2027-03-01");
    QTest::newRow("Thursday: two working days left")
        << info << d("2027-03-04") << unpublished << DeadlineState::OnTime << 4;
    QTest::newRow("Friday: one working day left")
        << info << d("2027-03-05") << unpublished << DeadlineState::DueSoon << 3;
    QTest::newRow("Sunday: one working day left")
        << info << d("2027-03-07") << unpublished << DeadlineState::DueSoon << 1;
    QTest::newRow("on target") << info << d("2027-03-08") << unpublished << DeadlineState::DueSoon << 0;
    QTest::newRow("day after target")
        << info << d("2027-03-09") << unpublished << DeadlineState::Overdue << 13;
    QTest::newRow("on limit") << info << d("2027-03-22") << unpublished << DeadlineState::Overdue << 0;
    QTest::newRow("day after limit") << info << d("2027-03-23") << unpublished << DeadlineState::Breached
                                     << -1;
    QTest::newRow("published on target")
        << info << d("2027-03-30") << std::optional<QDate>(d("2027-03-08")) << DeadlineState::OnTime << -8;
    QTest::newRow("published late, within limit")
        << info << d("2027-03-30") << std::optional<QDate>(d("2027-03-20")) << DeadlineState::Overdue << -8;
    QTest::newRow("published after limit")
        << info << d("2027-03-30") << std::optional<QDate>(d("2027-03-23")) << DeadlineState::Breached << -8;

    // Across National Day (info Thursday 30 September: target 13 October, limit 27 October).
    const QDate holidayInfo = d("2027-09-30");
    QTest::newRow("during the holiday: far from due")
        << holidayInfo << d("2027-10-05") << unpublished << DeadlineState::OnTime << 8;
    QTest::newRow("make-up Saturday: three working days left")
        << holidayInfo << d("2027-10-09") << unpublished << DeadlineState::OnTime << 4;
    QTest::newRow("Tuesday before target")
        << holidayInfo << d("2027-10-12") << unpublished << DeadlineState::DueSoon << 1;
    QTest::newRow("published 8 October: on time (calendar would say overdue)")
        << holidayInfo << d("2027-10-08") << std::optional<QDate>(d("2027-10-08")) << DeadlineState::OnTime
        << 5;
}

void TestDeadline::workingState()
{
    QFETCH(QDate, infoDate);
    QFETCH(QDate, today);
    QFETCH(std::optional<QDate>, publishedOn);
    QFETCH(DeadlineState, state);
    QFETCH(int, remaining);

    const Deadline deadline(workingDayPolicy());
    QCOMPARE(toString(deadline.state(infoDate, today, publishedOn)), toString(state));
    QCOMPARE(deadline.daysRemaining(infoDate, today), remaining);
}

void TestDeadline::countedDays_data()
{
    QTest::addColumn<bool>("workingDays");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("counted");

    QTest::newRow("calendar: Friday to Monday") << false << d("2027-03-05") << d("2027-03-08") << 3;
    QTest::newRow("calendar: backwards") << false << d("2027-03-08") << d("2027-03-05") << -3;
    QTest::newRow("calendar: same day") << false << d("2027-03-05") << d("2027-03-05") << 0;
    QTest::newRow("calendar: across 29 February") << false << d("2028-02-28") << d("2028-03-01") << 2;
    QTest::newRow("working: Friday to Monday") << true << d("2027-03-05") << d("2027-03-08") << 1;
    QTest::newRow("working: backwards") << true << d("2027-03-08") << d("2027-03-05") << -1;
    QTest::newRow("working: Friday to Sunday") << true << d("2027-03-05") << d("2027-03-07") << 0;
    QTest::newRow("working: the National Day week") << true << d("2027-09-30") << d("2027-10-08") << 1;
    QTest::newRow("working: with the make-up Saturday") << true << d("2027-10-08") << d("2027-10-11") << 2;
}

void TestDeadline::countedDays()
{
    QFETCH(bool, workingDays);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, counted);

    DeadlinePolicy p = workingDayPolicy();
    p.workingDays = workingDays;
    QCOMPARE(Deadline(p).countedDays(from, to), counted);
}

void TestDeadline::invalidDates()
{
    const Deadline deadline;
    QVERIFY(!deadline.targetDate(QDate()).isValid());
    QVERIFY(!deadline.limitDate(QDate()).isValid());
    QVERIFY(deadline.state(QDate(), d("2027-03-01")) == DeadlineState::OnTime);
    QCOMPARE(deadline.daysRemaining(QDate(), d("2027-03-01")), 0);

    const Deadline working(workingDayPolicy());
    QVERIFY(!working.targetDate(QDate()).isValid());
}

void TestDeadline::holidayList()
{
    const DeadlinePolicy p = workingDayPolicy();
    QCOMPARE(p.holidays.size(), 8);
    QVERIFY(p.holidays.contains(d("2027-10-01")));
    QVERIFY(p.holidays.contains(d("2027-10-07")));
    QVERIFY(!p.holidays.contains(d("2027-10-08")));
    QCOMPARE(p.extraWorkingDays, (QSet<QDate>{d("2027-09-26"), d("2027-10-09")}));

    QVERIFY(!p.countsAsDay(d("2027-10-04"))); // a Monday in the holiday
    QVERIFY(p.countsAsDay(d("2027-10-08")));  // Friday after it
    QVERIFY(p.countsAsDay(d("2027-10-09")));  // make-up Saturday
    QVERIFY(!p.countsAsDay(d("2027-10-10"))); // ordinary Sunday
    QVERIFY(p.countsAsDay(d("2027-09-26")));  // make-up Sunday
    QVERIFY(!p.countsAsDay(d("2028-01-03"))); // Monday off for New Year

    // A second list adds to the first; tabs, CRLF and blank lines are fine.
    DeadlinePolicy more = p;
    QString error;
    QVERIFY2(
        more.parseHolidayList(u"\r\n\tholiday\t2027-05-03 2027-05-05\r\n\n   # only a comment\r\n"_s, &error),
        qPrintable(error));
    QCOMPARE(more.holidays.size(), 11);
    QCOMPARE(more.extraWorkingDays, p.extraWorkingDays);
    QVERIFY(more.isValid(&error));
}

void TestDeadline::holidayListErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedFragment");

    QTest::newRow("unknown keyword") << u"holiday 2027-10-01\nvacation 2027-10-02\n"_s << u"line 2"_s;
    QTest::newRow("not a date") << u"holiday 2027-13-01"_s << u"2027-13-01"_s;
    QTest::newRow("slashed date") << u"\nholiday 2027/10/01"_s << u"line 2"_s;
    QTest::newRow("missing date") << u"workday"_s << u"workday"_s;
    QTest::newRow("too many words") << u"holiday 2027-10-01 2027-10-02 2027-10-03"_s << u"line 1"_s;
    QTest::newRow("reversed range") << u"holiday 2027-10-07 2027-10-01"_s << u"2027-10-01"_s;
    QTest::newRow("range over a year") << u"holiday 2027-01-01 2028-06-01"_s << u"line 1"_s;
    QTest::newRow("holiday and workday")
        << u"holiday 2027-10-01 2027-10-07\n# x\nworkday 2027-10-03"_s << u"2027-10-03"_s;
    QTest::newRow("conflicts with the list already loaded") << u"holiday 2027-10-09"_s << u"2027-10-09"_s;
}

void TestDeadline::holidayListErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedFragment);

    DeadlinePolicy p = workingDayPolicy();
    const DeadlinePolicy before = p;
    QString error;
    QVERIFY(!p.parseHolidayList(text, &error));
    QVERIFY2(error.contains(expectedFragment), qPrintable(error));
    QVERIFY2(error.contains(u"line"_s), qPrintable(error));
    QCOMPARE(p, before); // nothing changed
}

void TestDeadline::holidayListFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"holidays.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kNationalDay2027.toUtf8());
    file.close();

    DeadlinePolicy p;
    p.workingDays = true;
    QString error;
    QVERIFY2(p.loadHolidayList(path, &error), qPrintable(error));
    QCOMPARE(p, workingDayPolicy());

    DeadlinePolicy missing;
    QVERIFY(!missing.loadHolidayList(dir.filePath(u"absent.txt"_s), &error));
    QVERIFY2(error.contains(u"absent.txt"_s), qPrintable(error));
}

void TestDeadline::policyValidity_data()
{
    QTest::addColumn<int>("targetDays");
    QTest::addColumn<int>("limitDays");
    QTest::addColumn<int>("dueSoonDays");
    QTest::addColumn<bool>("valid");

    QTest::newRow("Art. 15") << 5 << 15 << 1 << true;
    QTest::newRow("same day") << 0 << 0 << 0 << true;
    QTest::newRow("target after limit") << 16 << 15 << 1 << false;
    QTest::newRow("negative target") << -1 << 15 << 1 << false;
    QTest::newRow("negative warning") << 5 << 15 << -1 << false;
}

void TestDeadline::policyValidity()
{
    QFETCH(int, targetDays);
    QFETCH(int, limitDays);
    QFETCH(int, dueSoonDays);
    QFETCH(bool, valid);

    DeadlinePolicy p;
    p.targetDays = targetDays;
    p.limitDays = limitDays;
    p.dueSoonDays = dueSoonDays;
    QString error;
    QCOMPARE(p.isValid(&error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void TestDeadline::stateNames()
{
    const QList<DeadlineState> states{DeadlineState::OnTime, DeadlineState::DueSoon, DeadlineState::Overdue,
                                      DeadlineState::Breached};
    QSet<QString> ids;
    QSet<QString> names;
    for (DeadlineState s : states) {
        QVERIFY(deadlineStateFromString(toString(s)) == s);
        ids.insert(toString(s));
        names.insert(displayName(s));
        QVERIFY(!displayName(s).isEmpty());
    }
    QCOMPARE(ids.size(), states.size());
    QCOMPARE(names.size(), states.size());
    QCOMPARE(toString(DeadlineState::DueSoon), u"due_soon"_s);
    QVERIFY(!deadlineStateFromString(u"late"_s).has_value());

    // Conflicting days in a policy built by hand are caught too.
    DeadlinePolicy p;
    p.holidays.insert(d("2027-10-09"));
    p.extraWorkingDays.insert(d("2027-10-09"));
    QString error;
    QVERIFY(!p.isValid(&error));
    QVERIFY2(error.contains(u"2027-10-09"_s), qPrintable(error));
}

// Art. 9: an urgent item is due in hours from its submission; no 15-day grace.
void TestDeadline::urgentHours()
{
    const Deadline d; // 24 hours, due soon in the last 4
    const QDateTime at(QDate(2027, 3, 5), QTime(22, 30), Qt::UTC);
    QCOMPARE(d.urgentDue(at), QDateTime(QDate(2027, 3, 6), QTime(22, 30), Qt::UTC));
    QVERIFY(!d.urgentDue(QDateTime()).isValid());
    QCOMPARE(d.urgentState(at, at.addSecs(3600)), DeadlineState::OnTime);
    QCOMPARE(d.urgentState(at, at.addSecs(20 * 3600 - 1)), DeadlineState::OnTime);
    QCOMPARE(d.urgentState(at, at.addSecs(20 * 3600)), DeadlineState::DueSoon);
    QCOMPARE(d.urgentState(at, at.addSecs(24 * 3600)), DeadlineState::DueSoon);
    QCOMPARE(d.urgentState(at, at.addSecs(24 * 3600 + 1)), DeadlineState::Breached);
    QCOMPARE(d.urgentState(at, at.addDays(9), at.addSecs(23 * 3600)), DeadlineState::OnTime);
    QCOMPARE(d.urgentState(at, at.addDays(9), at.addSecs(25 * 3600)), DeadlineState::Breached);
    QCOMPARE(d.urgentState(QDateTime(), at), DeadlineState::OnTime);
    DeadlinePolicy policy;
    policy.urgentHours = 6;
    policy.urgentDueSoonHours = 1;
    QVERIFY(policy.isValid());
    QCOMPARE(Deadline(policy).urgentState(at, at.addSecs(5 * 3600 + 1)), DeadlineState::DueSoon);
    policy.urgentDueSoonHours = 7;
    QString error;
    QVERIFY(!policy.isValid(&error));
    QVERIFY(!error.isEmpty());
    policy.urgentHours = 0;
    QVERIFY(!policy.isValid());
}

QTEST_GUILESS_MAIN(TestDeadline)
#include "tst_deadline.moc"
