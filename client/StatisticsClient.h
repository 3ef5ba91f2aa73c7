#pragma once

// The quarterly statistics as the server computes them (GET /api/v1/statistics, docs/api.md; issue
// #18): fetch() asks for a period; the answer holds only the units the person may see (the server
// decides). Asynchronous on the caller's QNetworkAccessManager; one request at a time. No Widgets.

#include "ServerEndpoint.h"
#include "Statistics.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace baosong {

class StatisticsClient : public QObject
{
    Q_OBJECT

public:
    explicit StatisticsClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~StatisticsClient() override;

    void fetch(const ServerEndpoint &endpoint, const StatisticsPeriod &period);
    void abort();
    bool isRunning() const { return !m_reply.isNull(); }

signals:
    void fetched(const baosong::Statistics &statistics);
    // `message`: translated, with the request id where the server gave one.
    void failed(const QString &message);

private:
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace baosong
