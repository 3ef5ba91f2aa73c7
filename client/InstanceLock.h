#pragma once

// One client per profile (docs/design.md §9): a QLockFile in the profile folder. A lock left by a process
// that died (SIGKILL, power loss) on this machine is taken over; a second client on the same local
// store is refused with a message naming the process that holds it.

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace baosong {

class InstanceLock
{
    Q_DECLARE_TR_FUNCTIONS(InstanceLock)
public:
    // The lock for the profile in `profileFolder` (created on tryLock if missing); not yet taken.
    explicit InstanceLock(const QString &profileFolder);
    ~InstanceLock(); // releases the lock if held
    InstanceLock(const InstanceLock &) = delete;
    InstanceLock &operator=(const InstanceLock &) = delete;

    // Takes the lock, waiting at most timeoutMs for another holder to let go. False, with
    // errorString() naming the holder (holderPid(), holderHost(), holderApplication()), when another
    // living process holds it; a lock of a dead process on this machine is taken over.
    bool tryLock(int timeoutMs = 200);
    bool isLocked() const;
    void unlock();

    // Translated, for the user; empty after a successful tryLock.
    QString errorString() const { return m_error; }
    qint64 holderPid() const { return m_holderPid; }
    QString holderHost() const { return m_holderHost; }
    QString holderApplication() const { return m_holderApp; }
    // <profile folder>/baosong.lock
    QString path() const { return m_path; }

private:
    QString m_folder;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QString m_error;
    qint64 m_holderPid = 0;
    QString m_holderHost;
    QString m_holderApp;
};

} // namespace baosong
