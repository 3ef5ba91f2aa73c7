#pragma once

// The metadata of the disclosure catalogue (政府信息公开目录, docs/design.md §13): the classes of the topic
// scheme (主题分类) and the genres (体裁) an item of the disclosure kind is filed under. The names are
// the catalogue's own, in Chinese, and are what the store and the site keep; the editor offers them
// in this order. Checks (core/Checks "required_fields") requires a topic, a genre and the date written
// (成文日期) for a disclosure item, and a date for an amended or repealed one.

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

} // namespace baosong::disclosure
