#include "StatisticsClient.h"

#include "Problem.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace baosong {

StatisticsClient::StatisticsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

StatisticsClient::~StatisticsClient()
{
    abort();
}

void StatisticsClient::abort()
{
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        reply->abort();
    }
}

void StatisticsClient::fetch(const ServerEndpoint &endpoint, const StatisticsPeriod &period)
{
    abort();
    if (!m_network || !endpoint.baseUrl.isValid() || endpoint.token.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { emit failed(tr("Not signed in: the statistics come from the server.")); },
            Qt::QueuedConnection);
        return;
    }
    const QString path = u"/api/v1/statistics?from=%1&to=%2"_s.arg(period.from.toString(Qt::ISODate),
                                                                   period.to.toString(Qt::ISODate));
    QNetworkReply *reply = m_network->get(endpoint.request(path));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply.clear();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (status == 0) {
            emit failed(tr("The server could not be reached (%1).").arg(reply->errorString()));
            return;
        }
        if (status != 200) {
            emit failed(Problem::fromAnswer(status, answer, reply->rawHeader("X-Request-Id")).message());
            return;
        }
        Statistics s;
        QString error;
        if (!fromJson(QJsonDocument::fromJson(answer).object(), &s, &error)) {
            emit failed(error);
            return;
        }
        emit fetched(s);
    });
}

} // namespace baosong
