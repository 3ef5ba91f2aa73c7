#pragma once

// Test support: damage done to a client's local store file while the client runs, as a failing disk
// does (tst_client_recovery, tst_gui_client), and a connection of the test's own to such a file.

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>

namespace baosong::test {

using namespace Qt::StringLiterals;

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs `work` on a connection of the test's own to a store file, outside LocalStore.
inline bool withRaw(const QString &path, const std::function<bool(QSqlDatabase &, QString *)> &work,
                    QString *error)
{
    static int counter = 0;
    const QString name = u"test.storedamage.raw.%1"_s.arg(++counter);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        ok = db.open();
        if (!ok)
            *error = db.lastError().text();
        else
            ok = work(db, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

inline bool execRaw(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(statement))
        return true;
    *error = q.lastError().text() + u" in "_s + statement;
    return false;
}

// Overwrites pages of the store file in the middle, as a failing disk does: every b-tree page of the
// search index's data (items_fts_data, items_fts_idx), which lie among the item pages, after a
// checkpoint so that the file holds every page. The items and the outbox stay readable (what a salvage
// needs); PRAGMA quick_check finds the damage, and any search or index write meets it. Then a write
// through another connection makes every open connection drop its page cache (as after another
// client's write), and a checkpoint leaves the WAL empty again.
inline bool damageSearchIndexPages(const QString &path, QString *error, int *damagedPages)
{
    QList<qint64> pages;
    int pageSize = 0;
    if (!withRaw(
            path,
            [&](QSqlDatabase &db, QString *e) {
                QSqlQuery q(db);
                if (!q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) || !q.next() || q.value(0).toInt() != 0) {
                    *e = u"checkpoint not done: "_s + q.lastError().text();
                    return false;
                }
                if (!q.exec(u"PRAGMA page_size"_s) || !q.next())
                    return false;
                pageSize = q.value(0).toInt();
                if (!q.exec(
                        u"SELECT pageno FROM dbstat WHERE name IN ('items_fts_data', 'items_fts_idx') ORDER BY pageno"_s)) {
                    *e = q.lastError().text();
                    return false;
                }
                while (q.next())
                    pages.append(q.value(0).toLongLong());
                return true;
            },
            error))
        return false;
    if (pages.size() < 2) {
        *error = u"too few index pages: %1"_s.arg(pages.size());
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    quint32 x = 2463534242u;
    for (qint64 page : std::as_const(pages)) {
        QByteArray garbage(pageSize, Qt::Uninitialized);
        for (char &c : garbage) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            c = char(x);
        }
        f.seek((page - 1) * pageSize);
        f.write(garbage);
    }
    f.close();
    *damagedPages = int(pages.size());
    // The write goes into the WAL, which is then emptied into the file again: the file alone is the
    // store, and closing the client's connection has nothing left to write into it.
    return withRaw(
        path,
        [](QSqlDatabase &db, QString *e) {
            return execRaw(db, u"INSERT OR REPLACE INTO sync_state (key, value) VALUES ('test.touch', '1')"_s,
                           e) &&
                   execRaw(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s, e);
        },
        error);
}

} // namespace baosong::test
