#pragma once

// The one place where the client and the server choose their language and load the translations
// (English source strings; Simplified Chinese complete), embedded in baosong_core under :/i18n.

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace baosong {

// What a system that names no language (C, POSIX, C.UTF-8: a fresh Debian's default) gets.
enum class UnnamedLanguage
{
    English, // the server's command line and logs, for the system's administrators
    Chinese, // the client: Baosong is made for Chinese offices
};

// `preferred` when set ("zh_CN" or "en"); otherwise Chinese on a Chinese system, English on a system
// that names another language, and `unnamed` on one that names none.
QString chooseLanguage(const QString &preferred, UnnamedLanguage unnamed = UnnamedLanguage::English,
                       const QLocale &system = QLocale::system());

// Makes `language` the default locale and installs Baosong's translation and Qt's own (for standard
// dialogs and messages). Returns false when Baosong's translation for it is missing.
bool installTranslations(QCoreApplication *app, const QString &language);

} // namespace baosong
