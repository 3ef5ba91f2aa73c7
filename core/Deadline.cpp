#include "Deadline.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <utility>

using namespace Qt::StringLiterals;

namespace baosong {

QTimeZone chinaTimeZone()
{
    // A fixed offset rather than the tz database's Asia/Shanghai: the same on every machine, with or
    // without tzdata, and China has had no daylight saving time since 1991.
    static const QTimeZone zone(8 * 3600);
    return zone;
}

QDate chinaDate(const QDateTime &at)
{
    return at.isValid() ? at.toTimeZone(chinaTimeZone()).date() : QDate();
}

QDate chinaToday()
{
    return chinaDate(QDateTime::currentDateTimeUtc());
}

namespace {

constexpr int kMaxRangeDays = 366; // a holiday or workday range longer than a year is a typing error

} // namespace

QString keys::toString(DeadlineState v)
{
    switch (v) {
    case DeadlineState::OnTime:
        return u"on_time"_s;
    case DeadlineState::DueSoon:
        return u"due_soon"_s;
    case DeadlineState::Overdue:
        return u"overdue"_s;
    case DeadlineState::Breached:
        return u"breached"_s;
    }
    return {};
}

std::optional<DeadlineState> keys::deadlineStateFromString(const QString &s)
{
    for (DeadlineState v :
         {DeadlineState::OnTime, DeadlineState::DueSoon, DeadlineState::Overdue, DeadlineState::Breached}) {
        if (toString(v) == s)
            return v;
    }
    return std::nullopt;
}

QString displayName(DeadlineState v)
{
    switch (v) {
    case DeadlineState::OnTime:
        return QCoreApplication::translate("Deadline", "On time");
    case DeadlineState::DueSoon:
        return QCoreApplication::translate("Deadline", "Due soon");
    case DeadlineState::Overdue:
        return QCoreApplication::translate("Deadline", "Overdue");
    case DeadlineState::Breached:
        return QCoreApplication::translate("Deadline", "Past the limit");
    }
    return {};
}

// ---- DeadlinePolicy -------------------------------------------------------------------------------

bool DeadlinePolicy::countsAsDay(QDate date) const
{
    if (!workingDays)
        return true;
    if (extraWorkingDays.contains(date))
        return true;
    if (holidays.contains(date))
        return false;
    return date.dayOfWeek() <= 5;
}

bool DeadlinePolicy::isValid(QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (targetDays < 0 || limitDays < targetDays) {
        return fail(QCoreApplication::translate("DeadlinePolicy",
                                                "The publication deadlines are inconsistent: %1 days to "
                                                "publish, %2 days at the latest. The first must not be "
                                                "negative nor exceed the second.")
                        .arg(targetDays)
                        .arg(limitDays));
    }
    if (dueSoonDays < 0) {
        return fail(QCoreApplication::translate("DeadlinePolicy",
                                                "The \"due soon\" warning (%1 days) must not be negative.")
                        .arg(dueSoonDays));
    }
    if (urgentHours < 1 || urgentDueSoonHours < 0 || urgentDueSoonHours > urgentHours) {
        return fail(QCoreApplication::translate("DeadlinePolicy",
                                                "The deadline of urgent items is inconsistent: %1 hours, "
                                                "\"due soon\" in the last %2. The first must be at least 1 "
                                                "and the second between 0 and the first.")
                        .arg(urgentHours)
                        .arg(urgentDueSoonHours));
    }
    for (const QDate &d : extraWorkingDays) {
        if (holidays.contains(d)) {
            return fail(QCoreApplication::translate("DeadlinePolicy",
                                                    "%1 is listed both as a holiday and as a "
                                                    "working day.")
                            .arg(d.toString(Qt::ISODate)));
        }
    }
    return true;
}

bool DeadlinePolicy::parseHolidayList(const QString &text, QString *error)
{
    QSet<QDate> newHolidays = holidays;
    QSet<QDate> newWorkingDays = extraWorkingDays;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        QString line = lines.at(i);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;

        auto fail = [&](const QString &message) {
            if (error) {
                *error = QCoreApplication::translate("DeadlinePolicy", "Holiday list, line %1: %2")
                             .arg(lineNumber)
                             .arg(message);
            }
            return false;
        };
        const QString &kind = words.at(0);
        if (kind != u"holiday"_s && kind != u"workday"_s) {
            return fail(QCoreApplication::translate("DeadlinePolicy",
                                                    "\"%1\" is neither \"holiday\" nor \"workday\".")
                            .arg(kind));
        }
        if (words.size() < 2 || words.size() > 3) {
            return fail(QCoreApplication::translate(
                            "DeadlinePolicy", "expected \"%1 <date>\" or \"%1 <first date> <last date>\".")
                            .arg(kind));
        }
        for (qsizetype w = 1; w < words.size(); ++w) {
            if (!QDate::fromString(words.at(w), u"yyyy-MM-dd"_s).isValid()) {
                return fail(QCoreApplication::translate("DeadlinePolicy",
                                                        "\"%1\" is not a date of the form 2027-10-01.")
                                .arg(words.at(w)));
            }
        }
        const QDate from = QDate::fromString(words.at(1), u"yyyy-MM-dd"_s);
        const QDate to = words.size() == 3 ? QDate::fromString(words.at(2), u"yyyy-MM-dd"_s) : from;
        if (to < from) {
            return fail(
                QCoreApplication::translate("DeadlinePolicy", "the range ends (%1) before it starts (%2).")
                    .arg(words.at(2), words.at(1)));
        }
        if (from.daysTo(to) >= kMaxRangeDays) {
            return fail(QCoreApplication::translate("DeadlinePolicy", "the range is longer than a year."));
        }
        QSet<QDate> &target = kind == u"holiday"_s ? newHolidays : newWorkingDays;
        const QSet<QDate> &other = kind == u"holiday"_s ? newWorkingDays : newHolidays;
        for (QDate d = from; d <= to; d = d.addDays(1)) {
            if (other.contains(d)) {
                return fail(QCoreApplication::translate(
                                "DeadlinePolicy", "%1 is listed both as a holiday and as a working day.")
                                .arg(d.toString(Qt::ISODate)));
            }
            target.insert(d);
        }
    }
    holidays = std::move(newHolidays);
    extraWorkingDays = std::move(newWorkingDays);
    return true;
}

bool DeadlinePolicy::loadHolidayList(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error) {
            *error = QCoreApplication::translate("DeadlinePolicy", "Cannot open the holiday list \"%1\": %2.")
                         .arg(path, file.errorString());
        }
        return false;
    }
    QString why;
    if (!parseHolidayList(QString::fromUtf8(file.readAll()), &why)) {
        if (error)
            *error = QCoreApplication::translate("DeadlinePolicy", "%1 (in \"%2\")").arg(why, path);
        return false;
    }
    return true;
}

// ---- Deadline -------------------------------------------------------------------------------------

Deadline::Deadline(DeadlinePolicy policy)
    : m_policy(std::move(policy))
{}

QDate Deadline::addCountedDays(QDate from, int days) const
{
    if (!from.isValid())
        return {};
    if (!m_policy.workingDays)
        return from.addDays(days);
    QDate d = from;
    for (int counted = 0; counted < days;) {
        d = d.addDays(1);
        if (m_policy.countsAsDay(d))
            ++counted;
    }
    return d;
}

QDate Deadline::targetDate(QDate infoDate) const
{
    return addCountedDays(infoDate, m_policy.targetDays);
}

QDate Deadline::limitDate(QDate infoDate) const
{
    return addCountedDays(infoDate, m_policy.limitDays);
}

int Deadline::countedDays(QDate from, QDate to) const
{
    if (!m_policy.workingDays)
        return int(from.daysTo(to));
    if (to < from)
        return -countedDays(to, from);
    int count = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1)) {
        if (m_policy.countsAsDay(d))
            ++count;
    }
    return count;
}

DeadlineState Deadline::state(QDate infoDate, QDate today, std::optional<QDate> publishedOn) const
{
    if (!infoDate.isValid())
        return DeadlineState::OnTime;
    const QDate target = targetDate(infoDate);
    const QDate limit = limitDate(infoDate);
    if (publishedOn && publishedOn->isValid()) {
        if (*publishedOn <= target)
            return DeadlineState::OnTime;
        return *publishedOn <= limit ? DeadlineState::Overdue : DeadlineState::Breached;
    }
    if (today <= target)
        return countedDays(today, target) <= m_policy.dueSoonDays ? DeadlineState::DueSoon
                                                                  : DeadlineState::OnTime;
    return today <= limit ? DeadlineState::Overdue : DeadlineState::Breached;
}

int Deadline::daysRemaining(QDate infoDate, QDate today) const
{
    if (!infoDate.isValid() || !today.isValid())
        return 0;
    const QDate target = targetDate(infoDate);
    if (today <= target)
        return int(today.daysTo(target));
    return int(today.daysTo(limitDate(infoDate)));
}

QDateTime Deadline::urgentDue(const QDateTime &submittedAt) const
{
    return submittedAt.isValid() ? submittedAt.addSecs(qint64(m_policy.urgentHours) * 3600) : QDateTime();
}

DeadlineState Deadline::urgentState(const QDateTime &submittedAt, const QDateTime &now,
                                    std::optional<QDateTime> publishedAt) const
{
    const QDateTime due = urgentDue(submittedAt);
    if (!due.isValid())
        return DeadlineState::OnTime;
    if (publishedAt && publishedAt->isValid())
        return *publishedAt <= due ? DeadlineState::OnTime : DeadlineState::Breached;
    if (now > due)
        return DeadlineState::Breached;
    return now.secsTo(due) <= qint64(m_policy.urgentDueSoonHours) * 3600 ? DeadlineState::DueSoon
                                                                         : DeadlineState::OnTime;
}

} // namespace baosong
