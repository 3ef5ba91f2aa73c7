#include "ApiRequest.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace baosong {

ApiRequest::ApiRequest(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

ApiRequest::~ApiRequest()
{
    abort();
}

void ApiRequest::abort()
{
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        reply->abort();
        reply->deleteLater();
    }
}

bool ApiRequest::send(const ServerEndpoint &endpoint, const QByteArray &method, const QString &pathAndQuery,
                      const QByteArray &body, std::function<void(const ApiAnswer &)> done)
{
    abort();
    if (!m_network || !endpoint.baseUrl.isValid() || endpoint.token.isEmpty())
        return false;
    QNetworkRequest request = endpoint.request(pathAndQuery);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        if (m_reply != reply)
            return; // aborted, or replaced by a newer request
        m_reply.clear();
        ApiAnswer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.json = QJsonDocument::fromJson(a.body).object();
        if (a.status == 0) {
            a.message = tr("The server could not be reached (%1).").arg(reply->errorString());
        } else if (a.status != 200) {
            a.problem = Problem::fromAnswer(a.status, a.body, reply->rawHeader("X-Request-Id"));
            a.message = a.problem.message();
        }
        done(a);
    });
    return true;
}

} // namespace baosong
