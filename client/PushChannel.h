#pragma once

// The client's end of the server's notice channel (docs/api.md "Notices"): a WebSocket on
// /api/v1/events that says "pull now" whenever an action was applied, so that a return, an approval,
// a publication or a new queue item reaches an open window in about a second instead of at the next
// poll. Polling (SyncEngine::start) stays the fallback: a channel that cannot open or drops is tried
// again after 1, 2, 4 … 60 s, and nothing is lost meanwhile — a notice only starts a sync run.
//
// Trust is the endpoint's: the same QSslConfiguration as every request (TlsTrust), TLS errors are
// never ignored. The bearer token goes in the opening handshake's Authorization header.

#include "ServerEndpoint.h"

#include <QObject>
#include <QTimer>

class QWebSocket;

namespace baosong {

class PushChannel : public QObject
{
    Q_OBJECT

public:
    explicit PushChannel(QObject *parent = nullptr);
    ~PushChannel() override;

    // Where to connect (the API's origin and the token); takes effect at the next (re)connection.
    void setEndpoint(const ServerEndpoint &endpoint) { m_endpoint = endpoint; }
    // Opens the channel (again, if it was open) and keeps it open until stop().
    void start();
    void stop();
    bool isConnected() const { return m_connected; }
    // The wss:// address of the channel for an API origin.
    static QUrl channelUrl(const QUrl &apiOrigin);
    // Tests: the first reconnection delay (doubling up to 60 s).
    void setInitialRetryMs(int ms) { m_initialRetryMs = ms; }

signals:
    // The server changed something: pull now. Also sent when the channel (re)opens, since notices
    // may have been missed while it was closed.
    void pullRequested();
    void connectedChanged(bool connected);

private:
    void open();
    void dropSocket();
    void scheduleRetry();
    void setConnected(bool connected);

    ServerEndpoint m_endpoint;
    QWebSocket *m_socket = nullptr;
    QTimer m_retry;
    int m_initialRetryMs = 1000;
    int m_retryMs = 1000;
    bool m_wanted = false;
    bool m_connected = false;
};

} // namespace baosong
