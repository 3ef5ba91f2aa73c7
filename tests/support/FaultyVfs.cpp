#include "FaultyVfs.h"

#include <QByteArray>
#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <cstring>
#include <mutex>

namespace baosong::test {

namespace {

// What is armed; guarded by mutex (SQLite calls the VFS from every thread that has a connection).
struct Arming
{
    std::mutex mutex;
    bool armed = false;
    QByteArray prefix; // canonical, UTF-8 as SQLite's file names are
    int errorCode = SQLITE_OK;
    int operations = 0;
    int skip = 0;
    int times = -1;
    int failures = 0;
};

Arming &arming()
{
    static Arming a;
    return a;
}

sqlite3_vfs *g_real = nullptr; // the default VFS before install()
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

// A file of the shim: SQLite allocates szOsFile bytes; the real VFS's file follows this header.
struct ShimFile
{
    sqlite3_file base;
    const char *name; // valid until xClose (SQLite guarantees it); null for temporary files
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

// The error to return for `operation` on the file called `name`, or SQLITE_OK to pass the call on.
int faultFor(const char *name, int operation)
{
    if (!name)
        return SQLITE_OK;
    Arming &a = arming();
    std::lock_guard lock(a.mutex);
    if (!a.armed || !(a.operations & operation) ||
        std::strncmp(name, a.prefix.constData(), a.prefix.size()) != 0)
        return SQLITE_OK;
    if (a.skip > 0) {
        --a.skip;
        return SQLITE_OK;
    }
    if (a.times == 0)
        return SQLITE_OK;
    if (a.times > 0)
        --a.times;
    ++a.failures;
    return a.errorCode;
}

ShimFile *shim(sqlite3_file *f)
{
    return reinterpret_cast<ShimFile *>(f);
}

int shimClose(sqlite3_file *f)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
}

int shimRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xRead(real, buffer, amount, offset);
}

int shimWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (const int rc = faultFor(shim(f)->name, FaultyVfs::Write))
        return rc;
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xWrite(real, buffer, amount, offset);
}

int shimTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (const int rc = faultFor(shim(f)->name, FaultyVfs::Truncate))
        return rc;
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xTruncate(real, size);
}

int shimSync(sqlite3_file *f, int flags)
{
    if (const int rc = faultFor(shim(f)->name, FaultyVfs::Sync))
        return rc;
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xSync(real, flags);
}

int shimFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xFileSize(real, size);
}

int shimLock(sqlite3_file *f, int level)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xLock(real, level);
}

int shimUnlock(sqlite3_file *f, int level)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xUnlock(real, level);
}

int shimCheckReservedLock(sqlite3_file *f, int *out)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xCheckReservedLock(real, out);
}

int shimFileControl(sqlite3_file *f, int op, void *arg)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xFileControl(real, op, arg);
}

int shimSectorSize(sqlite3_file *f)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xSectorSize(real);
}

int shimDeviceCharacteristics(sqlite3_file *f)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xDeviceCharacteristics(real);
}

// WAL's shared memory (the -shm file, memory-mapped) and memory-mapped reads: passed through.
int shimShmMap(sqlite3_file *f, int page, int pageSize, int extend, void volatile **p)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xShmMap(real, page, pageSize, extend, p);
}

int shimShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void shimShmBarrier(sqlite3_file *f)
{
    sqlite3_file *real = shim(f)->real();
    real->pMethods->xShmBarrier(real);
}

int shimShmUnmap(sqlite3_file *f, int deleteFlag)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int shimFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **p)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xFetch(real, offset, amount, p);
}

int shimUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *p)
{
    sqlite3_file *real = shim(f)->real();
    return real->pMethods->xUnfetch(real, offset, p);
}

int shimOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags)
{
    ShimFile *file = shim(f);
    file->base.pMethods = nullptr;
    file->name = name;
    if (flags & SQLITE_OPEN_READWRITE) {
        if (const int rc = faultFor(name, FaultyVfs::Open))
            return rc;
    }
    const int rc = g_real->xOpen(g_real, name, file->real(), flags, outFlags);
    // SQLite calls xClose when pMethods is set, even after a failed open: mirror the real file.
    if (file->real()->pMethods)
        file->base.pMethods = &g_methods;
    return rc;
}

int shimDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}

int shimAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_real->xAccess(g_real, name, flags, out);
}

int shimFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return g_real->xFullPathname(g_real, name, n, out);
}

void *shimDlOpen(sqlite3_vfs *, const char *name)
{
    return g_real->xDlOpen(g_real, name);
}

void shimDlError(sqlite3_vfs *, int n, char *message)
{
    g_real->xDlError(g_real, n, message);
}

void (*shimDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}

void shimDlClose(sqlite3_vfs *, void *handle)
{
    g_real->xDlClose(g_real, handle);
}

int shimRandomness(sqlite3_vfs *, int n, char *out)
{
    return g_real->xRandomness(g_real, n, out);
}

int shimSleep(sqlite3_vfs *, int microseconds)
{
    return g_real->xSleep(g_real, microseconds);
}

int shimCurrentTime(sqlite3_vfs *, double *now)
{
    return g_real->xCurrentTime(g_real, now);
}

int shimGetLastError(sqlite3_vfs *, int n, char *out)
{
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, n, out) : 0;
}

int shimCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now)
{
    return g_real->xCurrentTimeInt64(g_real, now);
}

// The path as SQLite will name the file: absolute, with symbolic links in the folder resolved.
QByteArray canonicalPrefix(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QDir(folder.isEmpty() ? info.absolutePath() : folder).filePath(info.fileName()).toUtf8();
}

} // namespace

bool FaultyVfs::install()
{
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (!g_real)
            return;
        g_methods = sqlite3_io_methods{};
        g_methods.iVersion = 3;
        g_methods.xClose = shimClose;
        g_methods.xRead = shimRead;
        g_methods.xWrite = shimWrite;
        g_methods.xTruncate = shimTruncate;
        g_methods.xSync = shimSync;
        g_methods.xFileSize = shimFileSize;
        g_methods.xLock = shimLock;
        g_methods.xUnlock = shimUnlock;
        g_methods.xCheckReservedLock = shimCheckReservedLock;
        g_methods.xFileControl = shimFileControl;
        g_methods.xSectorSize = shimSectorSize;
        g_methods.xDeviceCharacteristics = shimDeviceCharacteristics;
        g_methods.xShmMap = shimShmMap;
        g_methods.xShmLock = shimShmLock;
        g_methods.xShmBarrier = shimShmBarrier;
        g_methods.xShmUnmap = shimShmUnmap;
        g_methods.xFetch = shimFetch;
        g_methods.xUnfetch = shimUnfetch;

        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = int(sizeof(ShimFile)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "baosong-faulty";
        g_vfs.xOpen = shimOpen;
        g_vfs.xDelete = shimDelete;
        g_vfs.xAccess = shimAccess;
        g_vfs.xFullPathname = shimFullPathname;
        g_vfs.xDlOpen = shimDlOpen;
        g_vfs.xDlError = shimDlError;
        g_vfs.xDlSym = shimDlSym;
        g_vfs.xDlClose = shimDlClose;
        g_vfs.xRandomness = shimRandomness;
        g_vfs.xSleep = shimSleep;
        g_vfs.xCurrentTime = shimCurrentTime;
        g_vfs.xGetLastError = shimGetLastError;
        g_vfs.xCurrentTimeInt64 = shimCurrentTimeInt64;
        installed = sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK;
    });
    return installed;
}

void FaultyVfs::arm(const QString &pathPrefix, int errorCode, int operations, int skip, int times)
{
    Arming &a = arming();
    std::lock_guard lock(a.mutex);
    a.armed = true;
    a.prefix = canonicalPrefix(pathPrefix);
    a.errorCode = errorCode;
    a.operations = operations;
    a.skip = skip;
    a.times = times;
    a.failures = 0;
}

void FaultyVfs::disarm()
{
    Arming &a = arming();
    std::lock_guard lock(a.mutex);
    a.armed = false;
}

int FaultyVfs::failures()
{
    Arming &a = arming();
    std::lock_guard lock(a.mutex);
    return a.failures;
}

} // namespace baosong::test
