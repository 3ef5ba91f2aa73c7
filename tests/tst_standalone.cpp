// The repository stands alone (docs/design.md §14): no tracked file refers to a path outside the
// checkout — the team's reference folder beside it, or a brief that lives there. A fresh clone in any
// folder builds and tests with nothing beside it.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStandalone : public QObject
{
    Q_OBJECT

private slots:
    void noReferenceOutsideTheRepository();
};

void TestStandalone::noReferenceOutsideTheRepository()
{
    const QString root = QStringLiteral(BAOSONG_SOURCE_DIR);
    QVERIFY(QFile::exists(root + u"/CMakeLists.txt"_s));
    // Built from pieces so that this file does not match itself.
    const QString parent = u".."_s + u'/';
    const QRegularExpression outside(QRegularExpression::escape(parent + u"shared"_s) + u"|(?<![\\w/])"_s +
                                     QRegularExpression::escape(u"DESIGN"_s + u".md"_s));
    const QStringList skippedFolders{u"/.git"_s, u"/build"_s};
    int filesRead = 0;
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(root.size());
        if (std::any_of(skippedFolders.begin(), skippedFolders.end(),
                        [&](const QString &f) { return relative.startsWith(f + u'/'); }))
            continue;
        static const QRegularExpression text(
            u"\\.(cpp|h|txt|md|json|sh|ui|html|css|ts|ini|cmake|in)$|/run$"_s);
        if (!text.match(relative).hasMatch() && !relative.endsWith(u"CMakeLists.txt"_s))
            continue;
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        ++filesRead;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (outside.match(lines.at(i)).hasMatch())
                hits << u"%1:%2: %3"_s.arg(relative).arg(i + 1).arg(lines.at(i).trimmed().left(120));
        }
    }
    QVERIFY2(filesRead > 100, qPrintable(u"only %1 files read under %2"_s.arg(filesRead).arg(root)));
    QVERIFY2(hits.isEmpty(), qPrintable(u"files that refer outside the repository (write it into docs/ or "
                                        "tests/data/ instead):\n"_s +
                                        hits.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestStandalone)
#include "tst_standalone.moc"
