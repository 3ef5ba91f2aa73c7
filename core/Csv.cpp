#include "Csv.h"

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
QString field(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}
} // namespace

QByteArray csvDocument(const QList<QStringList> &rows)
{
    QStringList lines;
    lines.reserve(rows.size());
    for (const QStringList &row : rows) {
        QStringList quoted;
        quoted.reserve(row.size());
        for (const QString &f : row)
            quoted << field(f);
        lines << quoted.join(u',');
    }
    return "\xEF\xBB\xBF" + lines.join(u"\r\n"_s).toUtf8() + "\r\n";
}

} // namespace baosong
