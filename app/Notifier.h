#pragma once

// Shows client/Notifications after each sync: a tray message (where the desktop has a tray) and the
// count of items waiting for me on the tray icon's tooltip and in the main window's title. Can be
// turned off (Settings::notificationsEnabled); the count stays.

#include "Notifications.h"

#include <QDate>
#include <QHash>
#include <QObject>

class QSystemTrayIcon;

namespace baosong {

class ClientSession;
class Settings;

class Notifier : public QObject
{
    Q_OBJECT

public:
    Notifier(ClientSession *session, Settings *settings, QObject *parent = nullptr);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Items waiting for my decision now.
    int waitingCount() const { return m_waiting; }
    // Every notification planned so far (also when off or without a tray), newest last.
    QList<Notification> history() const { return m_history; }

signals:
    void notified(const baosong::Notification &notification);
    void waitingCountChanged(int count);

private:
    void onItemsChanged(const QStringList &ids);
    void onQueueArrived(const QStringList &ids);
    void flush();
    void updateCount();
    void snapshotMine();
    // Column health: my unit's columns due soon or stale, not yet reminded today.
    std::optional<Notification> columnReminder();

    ClientSession *m_session;
    Settings *m_settings;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
    int m_waiting = -1;
    QHash<QString, WorkflowState> m_mine; // my items' states as last seen
    QStringList m_arrived;
    QStringList m_ahead; // urgent items coming to me later (Art. 9)
    QStringList m_changed;
    bool m_columnHealthChanged = false;
    QHash<QString, QDate> m_reminded; // column id → the day its reminder was shown
    QList<Notification> m_history;
};

} // namespace baosong
