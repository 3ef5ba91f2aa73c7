#include "PushChannel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPush, "baosong.push", QtInfoMsg)

namespace baosong {

namespace {
constexpr int kMaxRetryMs = 60000;
}

PushChannel::PushChannel(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PushChannel::open);
}

PushChannel::~PushChannel()
{
    stop();
}

QUrl PushChannel::channelUrl(const QUrl &apiOrigin)
{
    QUrl url = apiOrigin;
    url.setScheme(u"wss"_s);
    url.setPath(u"/api/v1/events"_s);
    return url;
}

void PushChannel::start()
{
    m_wanted = true;
    m_retryMs = m_initialRetryMs;
    open();
}

void PushChannel::stop()
{
    m_wanted = false;
    m_retry.stop();
    dropSocket();
}

void PushChannel::dropSocket()
{
    if (QWebSocket *socket = std::exchange(m_socket, nullptr)) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    setConnected(false);
}

void PushChannel::open()
{
    if (!m_wanted)
        return;
    dropSocket();
    if (!m_endpoint.baseUrl.isValid() || m_endpoint.token.isEmpty())
        return;

    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    if (!m_endpoint.ssl.isNull())
        socket->setSslConfiguration(m_endpoint.ssl);
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket != m_socket)
            return;
        qCInfo(lcPush) << "notice channel open";
        m_retryMs = m_initialRetryMs;
        setConnected(true);
        emit pullRequested(); // what changed while it was closed
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
        if (socket != m_socket)
            return;
        const QJsonObject notice = QJsonDocument::fromJson(text.toUtf8()).object();
        if (notice.value("type"_L1).toString() == "changed"_L1)
            emit pullRequested();
    });
    // Closed, or never opened (refused handshake, no server, TLS failure: an error without a
    // disconnection): either way once, then again later.
    const auto closed = [this, socket] {
        if (socket != m_socket)
            return;
        qCInfo(lcPush) << "notice channel closed:" << socket->closeReason() << socket->errorString();
        m_socket = nullptr;
        socket->disconnect(this);
        socket->deleteLater();
        setConnected(false);
        scheduleRetry();
    };
    connect(socket, &QWebSocket::disconnected, this, closed);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, closed);
    QNetworkRequest request = m_endpoint.request(u"/api/v1/events"_s);
    request.setUrl(channelUrl(m_endpoint.baseUrl));
    socket->open(request);
}

void PushChannel::scheduleRetry()
{
    if (!m_wanted)
        return;
    // A little jitter, so that clients dropped together do not all come back in the same instant.
    const int delay = m_retryMs + int(QRandomGenerator::global()->bounded(m_retryMs / 4 + 1));
    m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
    m_retry.start(delay);
}

void PushChannel::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    emit connectedChanged(connected);
}

} // namespace baosong
