#include "InstanceLock.h"

#include "TlsTrust.h" // lcTrust

#include <QDir>

using namespace Qt::StringLiterals;

namespace baosong {

InstanceLock::InstanceLock(const QString &profileFolder)
    : m_folder(profileFolder)
    , m_path(QDir(profileFolder).filePath(u"baosong.lock"_s))
    , m_lock(std::make_unique<QLockFile>(m_path))
{
    // Never stale by age (a client may run for weeks); stale only when its process is gone, which
    // QLockFile checks for a lock made on this host.
    m_lock->setStaleLockTime(0);
}

InstanceLock::~InstanceLock() = default; // QLockFile's destructor unlocks

bool InstanceLock::tryLock(int timeoutMs)
{
    m_error.clear();
    m_holderPid = 0;
    m_holderHost.clear();
    m_holderApp.clear();
    if (m_lock->isLocked())
        return true;
    if (!QDir().mkpath(m_folder)) {
        m_error = tr("The profile folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    if (m_lock->tryLock(timeoutMs)) {
        qCInfo(lcTrust).noquote() << "profile lock taken:" << m_path;
        return true;
    }
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        if (m_lock->getLockInfo(&m_holderPid, &m_holderHost, &m_holderApp)) {
            m_error = tr("This profile is already open in another Baosong window (%1, process %2 on %3). "
                         "Close that window first, or open another profile.")
                          .arg(m_holderApp.isEmpty() ? u"baosong"_s : m_holderApp)
                          .arg(m_holderPid)
                          .arg(m_holderHost);
        } else {
            m_error = tr("This profile is already open in another Baosong window. Close that window first, "
                         "or open another profile.");
        }
        break;
    case QLockFile::PermissionError:
        m_error = tr("The profile's lock file %1 cannot be created: permission denied.")
                      .arg(QDir::toNativeSeparators(m_path));
        break;
    default:
        m_error = tr("The profile's lock file %1 cannot be created.").arg(QDir::toNativeSeparators(m_path));
        break;
    }
    qCWarning(lcTrust).noquote() << "profile lock refused:" << m_path << "holder pid" << m_holderPid << "host"
                                 << m_holderHost;
    return false;
}

bool InstanceLock::isLocked() const
{
    return m_lock->isLocked();
}

void InstanceLock::unlock()
{
    if (m_lock->isLocked())
        m_lock->unlock();
}

} // namespace baosong
