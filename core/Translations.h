#pragma once

// The one place where the client and the server choose their language and load the translations
// (English source strings; Simplified Chinese complete), embedded in baosong_core under :/i18n.

#include <QString>

class QCoreApplication;

namespace baosong {

// `preferred` when set ("zh_CN" or "en"); otherwise Chinese on a Chinese system, English elsewhere.
QString chooseLanguage(const QString &preferred);

// Makes `language` the default locale and installs Baosong's translation and Qt's own (for standard
// dialogs and messages). Returns false when Baosong's translation for it is missing.
bool installTranslations(QCoreApplication *app, const QString &language);

} // namespace baosong
