#include "Application.h"

#include "ClientSession.h"
#include "ConnectDialog.h"
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
#include <QProgressDialog>
#include <QStandardPaths>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

// Under LANG=C.UTF-8 Qt falls back to the Japanese CJK face (docs/design.md §6): choose the Simplified
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
    const QCommandLineOption profileOption(
        u"profile"_s, u"The profile folder (local store, attachments, trust) to use."_s, u"folder"_s);
    const QCommandLineOption demoOption(
        u"demo"_s, u"Without a server: a new profile with the demo organization and example items."_s);
    const QCommandLineOption langOption(u"lang"_s, u"UI language: zh_CN or en."_s, u"language"_s);
    const QCommandLineOption serverOption(
        u"server"_s, u"The server's address (host:port), filled in at first run."_s, u"address"_s);
    const QCommandLineOption loginOption(u"login"_s, u"The user name, filled in at sign-in."_s, u"name"_s);
    const QCommandLineOption trustOption(
        u"trust-certificate"_s,
        u"Trust this certificate file for --server without asking (the embedded default's own server)."_s,
        u"file"_s);
    parser.addOptions({profileOption, demoOption, langOption, serverOption, loginOption, trustOption});
    parser.process(app);

    const QString profile =
        parser.isSet(profileOption)
            ? parser.value(profileOption)
            : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"default"_s);
    QDir().mkpath(profile);
    Settings settings(profile);
    const QString language =
        parser.value(langOption).isEmpty() ? settings.language() : parser.value(langOption);
    // Chinese unless chosen otherwise or the system names another language (issue #15: a fresh
    // Debian's C.UTF-8 names none).
    installTranslations(&app, chooseLanguage(language, UnnamedLanguage::Chinese));
    chooseChineseFont(app);

    ClientSession session(profile);
    QString error;
    if (!session.open(&error)) {
        MessageBox::critical(
            nullptr, QApplication::translate("Application", "Baosong cannot open this profile"), error);
        return 1;
    }
    LocalStore &store = session.store();
    session.credentials().setFallback(settings.keepTokenInFile() ? Credentials::Fallback::UserFile
                                                                 : Credentials::Fallback::MemoryOnly);

    std::optional<Organization> organization = store.organization();
    if (parser.isSet(demoOption)) {
        if (!organization) {
            const Organization demo = Organization::demo();
            const QList<Item> items = DemoData::items(demo, RouteEngine::builtin(), chinaToday());
            if (!store.saveOrganization(demo) || !store.saveItems(items)) {
                MessageBox::critical(nullptr,
                                     QApplication::translate("Application", "Baosong cannot set up the demo"),
                                     store.lastError());
                return 1;
            }
            organization = demo;
            qCInfo(lcApp) << "demo profile set up at" << profile << "with" << items.size() << "items";
        }
        MainWindow window(&store, &*organization, &settings);
        window.show();
        return QApplication::exec();
    }

    // The embedded default trusts its own server's certificate (scripts/run.sh passes it).
    const QUrl given = ClientSession::normalizeServerUrl(parser.value(serverOption));
    if (parser.isSet(trustOption) && given.isValid() && session.serverUrl().isEmpty()) {
        const QList<QSslCertificate> certificates =
            TlsTrust::certificatesFromFile(parser.value(trustOption), &error);
        if (certificates.isEmpty() || !session.trustCertificate(given, certificates.first(), &error)) {
            MessageBox::critical(
                nullptr, QApplication::translate("Application", "Baosong cannot trust the server"), error);
            return 1;
        }
    }

    // From here on nothing waits on the GUI thread: the keychain (resume), the sign-in and the first
    // sync answer later, and each step starts the next. Dialogs close between the steps: the
    // application quits only when the main window closes (or a step gives up).
    QApplication::setQuitOnLastWindowClosed(false);
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ConnectDialog> connectDialog;
    std::unique_ptr<QProgressDialog> waiting;

    const auto showWindow = [&] {
        organization = store.organization();
        if (!organization) {
            MessageBox::warning(
                nullptr, QApplication::translate("Application", "No organization yet"),
                session.sync().lastError().message.isEmpty()
                    ? QApplication::translate("Application",
                                              "The organization could not be fetched from the server "
                                              "yet. Start Baosong again when the server can be reached.")
                    : session.sync().lastError().message);
            QApplication::exit(1);
            return;
        }
        window = std::make_unique<MainWindow>(&store, &*organization, &settings);
        window->attachSession(&session);
        // A column changed by the office (or units, people): everyone holding the organization sees
        // the new one (the pointer stays).
        QObject::connect(&session.sync(), &SyncEngine::organizationChanged, window.get(), [&] {
            if (std::optional<Organization> fresh = store.organization()) {
                *organization = std::move(*fresh);
                window->organizationChanged();
            }
        });
        QObject::connect(window.get(), &MainWindow::signInRequested, window.get(), [&] {
            auto *again = new ConnectDialog(&session, window.get());
            again->setAttribute(Qt::WA_DeleteOnClose);
            again->open();
        });
        if (!session.credentials().notice().isEmpty())
            window->statusBar()->showMessage(session.credentials().notice(), 15000);
        QApplication::setQuitOnLastWindowClosed(true);
        window->show();
    };

    // The first sign-in of a profile: its organization comes with the first sync.
    const auto fetchOrganization = [&] {
        if (store.organization()) {
            showWindow();
            return;
        }
        waiting = std::make_unique<QProgressDialog>(
            QApplication::translate("Application", "Fetching your organization and items…"),
            QApplication::translate("Application", "Cancel"), 0, 0);
        waiting->setWindowTitle(u"Baosong"_s);
        waiting->setMinimumDuration(300);
        const auto finish = [&] {
            if (!waiting)
                return;
            waiting.release()->deleteLater();
            showWindow();
        };
        QObject::connect(&session.sync(), &SyncEngine::runFinished, waiting.get(), finish);
        QObject::connect(waiting.get(), &QProgressDialog::canceled, waiting.get(), finish);
        session.sync().syncNow();
    };

    const auto signIn = [&] {
        connectDialog = std::make_unique<ConnectDialog>(&session);
        if (!parser.value(serverOption).isEmpty() && session.serverUrl().isEmpty())
            connectDialog->setServerText(parser.value(serverOption));
        if (!parser.value(loginOption).isEmpty() && session.login().isEmpty())
            connectDialog->setLogin(parser.value(loginOption));
        QObject::connect(connectDialog.get(), &QDialog::finished, connectDialog.get(), [&](int result) {
            connectDialog.release()->deleteLater();
            if (result == QDialog::Accepted)
                fetchOrganization();
            else
                QApplication::exit(0);
        });
        if (parser.isSet(trustOption) && session.serverUrl().isEmpty())
            connectDialog->connectNow(); // trusted already: straight to the sign-in
        connectDialog->open();
    };

    session.resume([&](bool resumed) {
        if (resumed)
            fetchOrganization();
        else
            signIn();
    });
    return QApplication::exec();
}

} // namespace baosong
