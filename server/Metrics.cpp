#include "Metrics.h"

#include <QMutexLocker>

namespace baosong::server {

namespace {

bool isOneOf(QByteArrayView s, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        if (s == QByteArrayView(n))
            return true;
    }
    return false;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 12);
}

} // namespace

QByteArray Metrics::routeOf(QByteArrayView path)
{
    if (path == "/metrics")
        return "/metrics";
    if (!path.startsWith("/api/v1/"))
        return "other";
    const QList<QByteArray> parts = path.sliced(8).toByteArray().split('/');
    if (parts.isEmpty() || parts.size() > 3)
        return "other";
    const QByteArray &first = parts[0];
    if (parts.size() == 1) {
        if (isOneOf(first, {"health", "session", "password", "me", "organization", "queue", "statistics",
                            "audit", "changes", "actions", "events", "word-lists", "uploads", "register",
                            "inspection-notices"}))
            return "/api/v1/" + first;
        return "other";
    }
    if (first == "columns" && parts.size() == 2)
        return parts[1] == "health" ? QByteArray("/api/v1/columns/health")
                                    : QByteArray("/api/v1/columns/:id");
    if (isOneOf(first, {"items", "uploads", "blobs", "inspection-notices"})) {
        if (parts.size() == 2)
            return "/api/v1/" + first + "/:id";
        if (first == "items" && parts[2] == "history")
            return "/api/v1/items/:id/history";
    }
    return "other";
}

void Metrics::recordRequest(QByteArrayView method, QByteArrayView path, int status, double seconds)
{
    const QByteArray route = routeOf(path);
    // Methods outside HTTP's usual ones are one label, as unknown routes are.
    const QByteArray m = isOneOf(method, {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
                             ? method.toByteArray()
                             : QByteArray("other");
    QMutexLocker lock(&m_mutex);
    ++m_requests[{route, m, status}];
    Latency &l = m_latency[route];
    ++l.count;
    l.sum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++l.buckets[i];
            break;
        }
    }
}

void Metrics::recordSignInFailure()
{
    QMutexLocker lock(&m_mutex);
    ++m_signInFailures;
}

QByteArray Metrics::text(const QList<Gauge> &gauges) const
{
    QByteArray out;
    {
        QMutexLocker lock(&m_mutex);
        out += "# HELP baosong_http_requests_total HTTP requests answered, by route, method and status.\n"
               "# TYPE baosong_http_requests_total counter\n";
        for (const auto &[key, count] : m_requests) {
            const auto &[route, method, status] = key;
            out += "baosong_http_requests_total{route=\"" + route + "\",method=\"" + method + "\",status=\"" +
                   QByteArray::number(status) + "\"} " + QByteArray::number(count) + '\n';
        }
        out += "# HELP baosong_http_request_duration_seconds Time from the request's start to its answer "
               "written.\n"
               "# TYPE baosong_http_request_duration_seconds histogram\n";
        for (const auto &[route, l] : m_latency) {
            quint64 cumulative = 0;
            for (size_t i = 0; i < kBuckets.size(); ++i) {
                cumulative += l.buckets[i];
                out += "baosong_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" +
                       number(kBuckets[i]) + "\"} " + QByteArray::number(cumulative) + '\n';
            }
            out += "baosong_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"} " +
                   QByteArray::number(l.count) + '\n';
            out +=
                "baosong_http_request_duration_seconds_sum{route=\"" + route + "\"} " + number(l.sum) + '\n';
            out += "baosong_http_request_duration_seconds_count{route=\"" + route + "\"} " +
                   QByteArray::number(l.count) + '\n';
        }
        out += "# HELP baosong_sign_in_failures_total Sign-ins refused for a wrong login or password.\n"
               "# TYPE baosong_sign_in_failures_total counter\n"
               "baosong_sign_in_failures_total " +
               QByteArray::number(m_signInFailures) + '\n';
    }
    QByteArray previous;
    for (const Gauge &g : gauges) {
        if (g.name != previous) {
            out += "# HELP " + g.name + ' ' + g.help + "\n# TYPE " + g.name + " gauge\n";
            previous = g.name;
        }
        out += g.name + (g.labels.isEmpty() ? QByteArray() : '{' + g.labels + '}') + ' ' + number(g.value) +
               '\n';
    }
    return out;
}

} // namespace baosong::server
