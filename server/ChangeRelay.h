#pragma once

// Push notices across servers sharing one PostgreSQL database (issue #19 point 2; docs/server.md
// "Several servers"): an action committed on one server tells its own notice channels to pull
// (HttpsServer::broadcast) and, through PostgreSQL's NOTIFY on the channel "baosong_changed" with its
// instance id, every other server, whose relay — a connection of its own, LISTENing on the main
// thread's event loop — tells theirs. Its own notices are ignored (payload = its instance id). A lost
// connection is opened again every few seconds; clients poll meanwhile, so nothing is lost, only later.
// SQLite stores have no other server: no relay.
//
// Who else listens: on listening, and every minute, a relay sends "hello <id>" on the channel; every
// other relay answers "here <id>". A relay that heard nothing from another within a few seconds of
// its hello tells its store that nobody else listens (ServerStore::setOthersListening), and the
// store's actions stop sending NOTIFY for nobody; anything heard from another relay — its hello, its
// answer, a notice — turns them on again at once. A server that starts says hello before it takes
// requests, so the others notify it from then on; its own clients pull when they connect.

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
    // `store` (optional) is told whether another server listens.
    ChangeRelay(const StoreConfig &config, std::function<void()> onOtherServer, ServerStore *store = nullptr,
                QObject *parent = nullptr);
    ~ChangeRelay() override;

    // This process's id, the payload of its notices.
    QString instanceId() const { return m_instance; }
    // Tells the other servers (from any thread, on that thread's store connection); nothing while
    // none listens.
    void announce(ServerStore &store) const;
    bool isListening() const;
    // How often it says hello again, and how long it waits for an answer (tests shorten them).
    void setHelloTiming(int everyMs, int answerWithinMs);

private:
    void listen();
    void hello();
    void send(const QString &payload) const; // on the relay's own connection
    void setOthers(bool others);

    StoreConfig m_config;
    std::function<void()> m_onOtherServer;
    ServerStore *m_store = nullptr;
    QString m_instance;
    QString m_connection;
    QTimer m_retry;
    QTimer m_hello;       // says hello again
    QTimer m_answers;     // the wait for answers to the last hello
    qint64 m_heardAt = 0; // when another relay was last heard (ms since the epoch)
    qint64 m_helloAt = 0; // when the last hello was sent
};

} // namespace baosong::server
