#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace baosong {

QString chooseLanguage(const QString &preferred, UnnamedLanguage unnamed, const QLocale &system)
{
    if (!preferred.isEmpty())
        return preferred;
    switch (system.language()) {
    case QLocale::Chinese:
        return u"zh_CN"_s;
    case QLocale::C:
    case QLocale::AnyLanguage:
        return unnamed == UnnamedLanguage::Chinese ? u"zh_CN"_s : u"en"_s;
    default:
        return u"en"_s;
    }
}

bool installTranslations(QCoreApplication *app, const QString &language)
{
    QLocale::setDefault(QLocale(language));
    auto *ours = new QTranslator(app);
    const bool loaded = ours->load(u":/i18n/baosong_%1.qm"_s.arg(language));
    if (loaded)
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(language), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return loaded;
}

} // namespace baosong
