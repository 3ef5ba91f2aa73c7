#pragma once

// The metadata of the disclosure catalogue (政府信息公开目录, docs/design.md §13): the classes of the topic
// scheme (主题分类) and the genres (体裁) an item of the disclosure kind is filed under. The names are
// the catalogue's own, in Chinese, and are what the store and the site keep; the editor offers them
// in this order. Checks (core/Checks "required_fields") requires a topic, a genre and the date written
// (成文日期) for a disclosure item, and a date for an amended or repealed one.

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace baosong::disclosure {

// 主题分类: the classes of the State Council's policy-document library (国务院政策文件库), which
// municipal catalogues follow.
const QStringList &topics();
// 体裁: the document types of 党政机关公文处理工作条例 (2012) Art. 8, then the usual others of a
// bureau's catalogue (规划, 办法, 方案…).
const QStringList &genres();

// Keywords as typed: split at commas, 、, ；, semicolons, spaces and line breaks; trimmed, empty and
// repeated ones dropped, in the order given.
QStringList splitKeywords(const QString &text);
// The form the editor shows and the site's meta tag uses: joined with "，".
QString joinKeywords(const QStringList &keywords);

// The organs that issue the bureau's disclosures (发布机构) and their codes, from the server's
// configuration ([site] organ, organ_code; [organs] and [organ_codes] per unit; docs/server.md). A
// section of the bureau is not an organ of its own: its items are issued by the bureau. A district
// bureau or an affiliated unit that is an organ of its own is configured with its own name and code.
struct Organs
{
    QString name; // the bureau: [site] organ
    QString code; // its code for index numbers (统一社会信用代码 or its derived code)
    QHash<QString, QString> unitNames; // unit id → the organ that issues its items
    QHash<QString, QString> unitCodes; // unit id → that organ's code

    // 发布机构 of the unit's items: its own organ when configured, else the bureau (`name`), else
    // `fallback` (the site's organizer or the organization's name).
    QString nameFor(const QString &unitId, const QString &fallback) const;
    // The prefix of the unit's index numbers: its organ's code when configured, else the bureau's,
    // else `legacy` (the unit's own code, as index numbers were made before the setting).
    QString codeFor(const QString &unitId, const QString &legacy) const;
};

// The year of an index number assigned at `at`: the calendar year in Beijing time (an item published
// at 23:30 UTC on 31 December is in the new year; one at 07:59 Beijing time on 1 January too).
int indexYear(const QDateTime &at);

} // namespace baosong::disclosure
