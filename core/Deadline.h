#pragma once

// Timeliness (docs/design.md §3; regulation Art. 15: "原则上应在信息产生之日起5日内发布,最迟不超过15日").
// The whole rule lives here: the policy (how many days, what counts as a day) and the calculator that
// turns an item's information date (信息产生日期) into its target and limit dates and its state.
//
// Counting (as periods are counted in Chinese law, 民法典 Art. 201: the starting day is not counted):
// the day the information arose is day 0; the period starts on the next day. "Within 5 days" means
// publication on or before the 5th counted day after the information date, "within 15" on or before
// the 15th.
//   - Calendar days (the default): every day counts. Information date 1 March → target 6 March,
//     limit 16 March. Publishing on the target or limit date itself is still in time.
//   - Working days: only working days after the information date count. A working day is Monday to
//     Friday unless listed as a holiday, or any day listed as an extra working day (调休: a weekend
//     day worked in exchange for a holiday). Information date Friday 5 March 2027 → target Friday
//     12 March (Mon 8 … Fri 12 are the 5 counted days). The information date itself may be any day.
//
// States, for an item not yet published, judged on `today`:
//   OnTime   today is before the target date with more than `dueSoonDays` counted days left;
//   DueSoon  today is on or before the target date with at most `dueSoonDays` counted days left,
//            i.e. countedDays(today, target) <= dueSoonDays (with the default 1 and calendar days: the
//            day before the target date and the target date itself; with working days, also the
//            weekend or holiday days just before the target's last working day);
//   Overdue  today is after the target date and on or before the limit date (Art. 15's "原则上" missed);
//   Breached today is after the limit date (Art. 15's "最迟不超过15日" broken).
// For a published item the publication date decides: on or before the target → OnTime; after it and
// on or before the limit → Overdue; after the limit → Breached. A published item is never DueSoon.
//
// Holiday list: a UTF-8 text file, one entry per line; '#' starts a comment; blank lines are ignored.
//   holiday 2027-10-01 2027-10-07   # 国庆节: a range, both ends included
//   holiday 2027-09-15              # one day
//   workday 2027-09-26              # 调休: a weekend day worked (a range is allowed too)
// Dates are ISO 8601 (yyyy-MM-dd). A day both a holiday and a workday is an error.

#include <QDate>
#include <QDateTime>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace baosong {

enum class DeadlineState
{
    OnTime,
    DueSoon,
    Overdue,  // past the target (5 days), within the limit (15 days)
    Breached, // past the limit
};

// Stable identifiers ("on_time", "due_soon", "overdue", "breached") and translated names.
namespace keys { // see Domain.h: kept out of reach of QTest's argument-dependent lookup
QString toString(DeadlineState v);
std::optional<DeadlineState> deadlineStateFromString(const QString &s);
} // namespace keys
using namespace keys;
QString displayName(DeadlineState v);

// The regulation's days are days in China, which keeps one time zone without daylight saving time:
// UTC+8 (Asia/Shanghai). "Today", an information date's deadline, a publication's day and a year of
// the disclosure index are judged on that calendar by the server and every client, whatever zone the
// machine is set to (a server often runs on UTC: its own day would start eight hours late).
QTimeZone chinaTimeZone();
// The day `at` falls on in China (invalid for an invalid moment).
QDate chinaDate(const QDateTime &at);
// Today in China.
QDate chinaToday();

struct DeadlinePolicy
{
    int targetDays = 5;           // Art. 15: "原则上应在信息产生之日起5日内发布"
    int limitDays = 15;           // Art. 15: "最迟不超过15日"
    int dueSoonDays = 1;          // DueSoon when at most this many counted days are left before the target
    bool workingDays = false;     // false: calendar days (the default); true: working days
    QSet<QDate> holidays;         // weekdays that are not working days (working-day mode only)
    QSet<QDate> extraWorkingDays; // weekend days that are working days (调休; working-day mode only)
    // Art. 9: an urgent item (突发重大公共事件) is due within `urgentHours` of its submission, and due
    // soon in the last `urgentDueSoonHours` (Deadline::urgentDue, urgentState).
    int urgentHours = 24;
    int urgentDueSoonHours = 4;

    // True when `date` counts as a day under this policy (always true with calendar days).
    bool countsAsDay(QDate date) const;
    // Checks the numbers (0 ≤ target ≤ limit, dueSoonDays ≥ 0) and that no day is both a holiday and
    // an extra working day. Returns false and sets *error (translated) when not.
    bool isValid(QString *error = nullptr) const;

    // Adds the entries of a holiday list (format above) to `holidays` and `extraWorkingDays`. On an
    // error returns false, sets *error (translated, naming the line) and changes nothing.
    bool parseHolidayList(const QString &text, QString *error);
    bool loadHolidayList(const QString &path, QString *error);

    bool operator==(const DeadlinePolicy &) const = default;
};

// The calculator. Its policy should be valid (DeadlinePolicy::isValid()).
class Deadline
{
public:
    explicit Deadline(DeadlinePolicy policy = {});

    const DeadlinePolicy &policy() const { return m_policy; }

    // The last day to publish on time / at all. Invalid when infoDate is invalid.
    QDate targetDate(QDate infoDate) const;
    QDate limitDate(QDate infoDate) const;

    // See the header comment. An invalid infoDate gives OnTime (no date, no deadline); an invalid
    // publishedOn counts as not published.
    DeadlineState state(QDate infoDate, QDate today, std::optional<QDate> publishedOn = {}) const;

    // Calendar days from `today` to the next boundary: to the target date while today is on or
    // before it, else to the limit date; 0 on the boundary day, negative after the limit (days
    // since the limit). Queues sort by state, then by it. 0 when infoDate is invalid.
    int daysRemaining(QDate infoDate, QDate today) const;

    // Art. 9: an urgent item submitted at `submittedAt` is due `urgentHours` later (invalid when
    // submittedAt is). Its state at `now`: OnTime, DueSoon in the last urgentDueSoonHours, Breached
    // once past (an urgent item has no 15-day grace), or — published at `publishedAt` — OnTime or
    // Breached.
    QDateTime urgentDue(const QDateTime &submittedAt) const;
    DeadlineState urgentState(const QDateTime &submittedAt, const QDateTime &now,
                              std::optional<QDateTime> publishedAt = {}) const;

    // Counted days in (from, to]: calendar days, or working days in working-day mode; negative
    // (minus the counted days in (to, from]) when `to` is before `from`.
    int countedDays(QDate from, QDate to) const;

private:
    QDate addCountedDays(QDate from, int days) const;

    DeadlinePolicy m_policy;
};

} // namespace baosong
