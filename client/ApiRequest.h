#pragma once

// One request of a settings or oversight page to the API (word lists, statistics, the audit log): sent
// on the caller's QNetworkAccessManager with ServerEndpoint::request(), one at a time (a new one aborts
// the one under way), answered once with the status, the body and, when it failed, a translated
// message (no answer: the network's reason; an error status: the server's problem with its request
// id). No Widgets.

#include "Problem.h"
#include "ServerEndpoint.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace baosong {

struct ApiAnswer
{
    int status = 0; // 0: no answer
    QByteArray body;
    QJsonObject json;
    Problem problem; // for an error status
    QString message; // translated, when not 200
    bool ok() const { return status == 200; }
};

class ApiRequest : public QObject
{
    Q_OBJECT

public:
    explicit ApiRequest(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ApiRequest() override;

    // False (and `done` not called) when there is no network or no signed-in endpoint.
    bool send(const ServerEndpoint &endpoint, const QByteArray &method, const QString &pathAndQuery,
              const QByteArray &body, std::function<void(const ApiAnswer &)> done);
    void abort();
    bool isRunning() const { return !m_reply.isNull(); }

private:
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace baosong
