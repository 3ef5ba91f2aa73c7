// baosong-server: the bureau's site server. The HTTPS API, accounts and workflow arrive with issue #3;
// for now it answers --version and --help so the build and the README's commands are in place.
#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("baosong-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BAOSONG_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Baosong site server"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
