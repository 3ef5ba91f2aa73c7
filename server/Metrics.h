#pragma once

// The server's figures for monitoring (issue #19 point 4; docs/server.md "Monitoring"): requests by
// route, method and status with their latencies (a histogram), failed sign-ins, and — read when scraped
// — the queues: the public site's render queue, the municipal portal's outbox, items in review and
// those past their deadline, the inspection's column counts, a store failing. Written in the Prometheus
// text format (version 0.0.4) for GET /metrics, which answers loopback peers only unless
// `[metrics] allow_remote` says otherwise.
//
// Routes are templates ("/api/v1/items/:id"), never raw paths: what a client sends cannot grow the
// number of series; anything unknown counts as "other".

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <map>
#include <tuple>

namespace baosong::server {

class Metrics
{
public:
    // One gauge line: name, labels ("state=\"queued\"" or empty), value; `help` for the first of a name.
    struct Gauge
    {
        QByteArray name;
        QByteArray help;
        QByteArray labels;
        double value = 0;
    };

    // Called by the HTTP layer once a response is written (any thread).
    void recordRequest(QByteArrayView method, QByteArrayView path, int status, double seconds);
    void recordSignInFailure();

    // The whole text: the counters and histograms kept here, then `gauges` (read by the caller).
    QByteArray text(const QList<Gauge> &gauges) const;

    // The route template of a request path: "/api/v1/items/:id", "/api/v1/queue", "/metrics", "other".
    static QByteArray routeOf(QByteArrayView path);
    // The bucket bounds of the latency histogram, in seconds.
    static constexpr std::array<double, 11> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

private:
    struct Latency
    {
        std::array<quint64, kBuckets.size()> buckets{}; // counts per bucket (not cumulative)
        quint64 count = 0;
        double sum = 0;
    };
    mutable QMutex m_mutex;
    std::map<std::tuple<QByteArray, QByteArray, int>, quint64> m_requests; // (route, method, status)
    std::map<QByteArray, Latency> m_latency;                               // by route
    quint64 m_signInFailures = 0;
};

} // namespace baosong::server
