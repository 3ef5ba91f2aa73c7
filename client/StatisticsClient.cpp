#include "StatisticsClient.h"

#include "ApiRequest.h"

using namespace Qt::StringLiterals;

namespace baosong {

StatisticsClient::StatisticsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_request(new ApiRequest(network, this))
{}

StatisticsClient::~StatisticsClient() = default;

void StatisticsClient::abort()
{
    m_request->abort();
}

bool StatisticsClient::isRunning() const
{
    return m_request->isRunning();
}

void StatisticsClient::fetch(const ServerEndpoint &endpoint, const StatisticsPeriod &period)
{
    const QString path = u"/api/v1/statistics?from=%1&to=%2"_s.arg(period.from.toString(Qt::ISODate),
                                                                   period.to.toString(Qt::ISODate));
    const bool sent = m_request->send(endpoint, "GET", path, {}, [this](const ApiAnswer &a) {
        if (!a.ok()) {
            emit failed(a.message);
            return;
        }
        Statistics s;
        QString error;
        if (!fromJson(a.json, &s, &error)) {
            emit failed(error);
            return;
        }
        emit fetched(s);
    });
    if (!sent)
        QMetaObject::invokeMethod(
            this, [this] { emit failed(tr("Not signed in: the statistics come from the server.")); },
            Qt::QueuedConnection);
}

} // namespace baosong
