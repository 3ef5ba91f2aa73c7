#pragma once

// Test support: storage faults under the real SQLite, for tests of what the client (or the server)
// does when the disk is full, fails, or turns read-only in the middle of a write (issue #20).
//
// FaultyVfs is a SQLite VFS shim: installed as the default VFS, it wraps the VFS that was the default
// before (the "unix" one) and passes every call through to it, except that while it is armed the chosen
// operations on the chosen files fail with the chosen SQLite error code, exactly as if the operating
// system had said ENOSPC, EIO or EROFS. SQLite then does what it does with such an error: the statement
// or the COMMIT fails with that code (SQLITE_FULL "database or disk is full", SQLITE_IOERR_* "disk I/O
// error", SQLITE_READONLY "attempt to write a readonly database") and the transaction is rolled back.
// Nothing above SQLite is mocked: LocalStore, Qt's QSQLITE driver and the library run as in the product.
//
// This works because Qt's QSQLITE plugin links the system libsqlite3.so.0 (`ldd libqsqlite.so`), the
// same library a test links with SQLite::SQLite3: one sqlite3_vfs_register() serves both. A connection
// keeps the VFS it was opened with, so install() must run before the first connection is opened
// (initTestCase()); connections opened earlier never see faults.
//
// Arming is precise: only files whose full path begins with the armed prefix (a store's path covers
// the database, its -wal and -journal files; the -shm file the unix VFS opens and maps by itself, not
// through xOpen or xWrite), only the armed operations, after `skip` matching calls have been let through, and
// for `times` calls (-1: until disarm()). In WAL mode with synchronous=FULL a small transaction writes its
// pages to the -wal file at COMMIT and then syncs it once, so:
//   - Write: the next COMMIT (or a statement that spills pages) fails, nothing of it is in the WAL;
//   - Sync: the COMMIT's frames are written but its fsync fails; with skip = n the first n commits
//     succeed and the next fails (one sync per commit while the WAL neither restarts nor is
//     checkpointed);
//   - Open: a new connection (or a -wal / -journal file opened afresh) fails to open.
// The shim is thread-safe: a store's feed writer and search indexer use it from their own threads.

#include <QString>

namespace baosong::test {

class FaultyVfs
{
public:
    enum Operation
    {
        Write = 0x1,
        Sync = 0x2,
        Truncate = 0x4,
        Open = 0x8, // xOpen of a file for reading and writing
    };

    // Registers the shim as the default VFS (once; later calls do nothing). False if SQLite has no
    // default VFS to wrap.
    static bool install();

    // From now on, `operations` on files whose path begins with `pathPrefix` fail with `errorCode`
    // (SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_READONLY, ...): the first `skip`
    // matching calls pass, then `times` calls fail (-1: every one until disarm()). Replaces an earlier
    // arming and resets failures().
    static void arm(const QString &pathPrefix, int errorCode, int operations = Write | Sync, int skip = 0,
                    int times = -1);
    static void disarm();
    // The calls failed since the last arm(): a test checks that its fault was hit at all.
    static int failures();
};

// Disarms when it goes out of scope (also when a QVERIFY returns early).
struct FaultyVfsDisarm
{
    ~FaultyVfsDisarm() { FaultyVfs::disarm(); }
};

} // namespace baosong::test
