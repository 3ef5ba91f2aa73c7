#pragma once

// Push notices across servers sharing one PostgreSQL database (issue #19 point 2; docs/server.md
// "Several servers"): an action committed on one server tells its own notice channels to pull
// (HttpsServer::broadcast) and, through PostgreSQL's NOTIFY on the channel "baosong_changed" with its
// instance id, every other server, whose relay — a connection of its own, LISTENing on the main
// thread's event loop — tells theirs. Its own notices are ignored (payload = its instance id). A lost
// connection is opened again every few seconds; clients poll meanwhile, so nothing is lost, only later.
// SQLite stores have no other server: no relay.

#include "ServerStore.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>

namespace baosong::server {

class ChangeRelay : public QObject
{
    Q_OBJECT

public:
    static constexpr auto kChannel = "baosong_changed";

    // Listens at once (and again after a lost connection); `onOtherServer` runs on this thread.
    ChangeRelay(const StoreConfig &config, std::function<void()> onOtherServer, QObject *parent = nullptr);
    ~ChangeRelay() override;

    // This process's id, the payload of its notices.
    QString instanceId() const { return m_instance; }
    // Tells the other servers (from any thread, on that thread's store connection).
    void announce(ServerStore &store) const;
    bool isListening() const;

private:
    void listen();

    StoreConfig m_config;
    std::function<void()> m_onOtherServer;
    QString m_instance;
    QString m_connection;
    QTimer m_retry;
};

} // namespace baosong::server
