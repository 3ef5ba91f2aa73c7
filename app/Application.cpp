#include "Application.h"

#include "DemoData.h"
#include "LocalStore.h"
#include "Logging.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "Settings.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFontDatabase>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

// Under LANG=C.UTF-8 Qt falls back to the Japanese CJK face (DESIGN.md §6): choose the Simplified
// Chinese one when it is installed.
void chooseChineseFont(QApplication &app)
{
    const QStringList families = QFontDatabase::families();
    for (const QString &family : {u"Noto Sans CJK SC"_s, u"Source Han Sans SC"_s, u"WenQuanYi Micro Hei"_s}) {
        if (families.contains(family)) {
            QFont font = QApplication::font();
            font.setFamilies({family});
            app.setFont(font);
            return;
        }
    }
}

} // namespace

int runClient(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Baosong"_s);
    QApplication::setOrganizationName(u"Baosong"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Baosong (报送) desktop client"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s, u"The profile folder holding the local store."_s,
                                           u"folder"_s);
    const QCommandLineOption demoOption(u"demo"_s,
                                        u"Start a new profile with the demo organization (example data)."_s);
    const QCommandLineOption langOption(u"lang"_s, u"UI language: zh_CN or en."_s, u"language"_s);
    parser.addOptions({profileOption, demoOption, langOption});
    parser.process(app);

    const QString profile =
        parser.isSet(profileOption)
            ? parser.value(profileOption)
            : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"default"_s);
    QDir().mkpath(profile);
    Settings settings(profile);
    const QString language =
        parser.value(langOption).isEmpty() ? settings.language() : parser.value(langOption);
    installTranslations(&app, chooseLanguage(language));
    chooseChineseFont(app);

    LocalStore store(QDir(profile).filePath(u"local.sqlite"_s));
    const LocalStore::OpenResult opened = store.open();
    if (!opened.ok()) {
        MessageBox::critical(nullptr,
                             QApplication::translate("Application", "Baosong cannot open its local store"),
                             opened.message);
        return 1;
    }

    std::optional<Organization> organization = store.organization();
    if (!organization && parser.isSet(demoOption)) {
        const Organization demo = Organization::demo();
        const QList<Item> items = DemoData::items(demo, RouteEngine::builtin(), QDate::currentDate());
        if (!store.saveOrganization(demo) || !store.saveItems(items)) {
            MessageBox::critical(nullptr,
                                 QApplication::translate("Application", "Baosong cannot set up the demo"),
                                 store.lastError());
            return 1;
        }
        organization = demo;
        qCInfo(lcApp) << "demo profile set up at" << profile << "with" << items.size() << "items";
    }
    if (!organization) {
        MessageBox::warning(
            nullptr, QApplication::translate("Application", "No organization yet"),
            store.lastError().isEmpty()
                ? QApplication::translate("Application",
                                          "This profile has no organization yet. Start Baosong with "
                                          "--demo to try it with the example organization.")
                : store.lastError());
        return 1;
    }

    MainWindow window(&store, &*organization, &settings);
    window.show();
    return QApplication::exec();
}

} // namespace baosong
