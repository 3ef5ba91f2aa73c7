#pragma once

// PRAGMA integrity_check of an SQLite file on a connection of its own (the crash tests run it after
// every kill): "ok", or what SQLite found (its first lines), or why the file could not be opened.

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace baosong::test {

inline QString sqliteIntegrityCheck(const QString &path)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("baosong-test-integrity-%1").arg(counter.fetchAndAddRelaxed(1));
    QStringList found;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            found.append(db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
                found.append(q.lastError().text());
            while (q.next() && found.size() < 5)
                found.append(q.value(0).toString());
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return found.join(QStringLiteral("; "));
}

} // namespace baosong::test
