#include "DisplayText.h"

using namespace Qt::StringLiterals;

namespace baosong {

QString sizeText(qint64 bytes)
{
    if (bytes < 0)
        return {};
    if (bytes <= 1024)
        return u"%1 KB"_s.arg(bytes == 0 ? 0 : 1);
    // KB, MB, GB of 1024 (the words people know), one decimal.
    static const char *const units[] = {"KB", "MB", "GB", "TB"};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return u"%1 %2"_s.arg(QString::number(value, 'f', 1), QLatin1StringView(units[unit]));
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString dateTimeText(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

} // namespace baosong
