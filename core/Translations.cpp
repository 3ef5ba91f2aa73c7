#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace baosong {

QString chooseLanguage(const QString &preferred)
{
    if (!preferred.isEmpty())
        return preferred;
    return QLocale::system().language() == QLocale::Chinese ? u"zh_CN"_s : u"en"_s;
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
