#pragma once

// The quarterly statistics as the server computes them (GET /api/v1/statistics, docs/api.md; issue
// #18): fetch() asks for a period; the answer holds only the units the person may see (the server
// decides). Asynchronous on the caller's QNetworkAccessManager; one request at a time. No Widgets.

#include "ServerEndpoint.h"
#include "Statistics.h"

#include <QObject>

class QNetworkAccessManager;

namespace baosong {

class ApiRequest;

class StatisticsClient : public QObject
{
    Q_OBJECT

public:
    explicit StatisticsClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~StatisticsClient() override;

    void fetch(const ServerEndpoint &endpoint, const StatisticsPeriod &period);
    void abort();
    bool isRunning() const;

signals:
    void fetched(const baosong::Statistics &statistics);
    // `message`: translated, with the request id where the server gave one.
    void failed(const QString &message);

private:
    ApiRequest *m_request;
};

} // namespace baosong
