#include "BenchHttp.h"

#include "DomainJson.h"
#include "SampleContent.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace baosong::bench {

qint64 nowUs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed() / 1000;
}

bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    QTimer tick; // wakes the loop so the condition and the timeout are checked without socket events
    tick.start(5);
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.hasExpired(timeoutMs))
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &path, const QByteArray &token,
                       const QJsonObject *body)
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (body) {
        const QByteArray payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(payload.size()) +
             "\r\n\r\n" + payload;
    } else {
        r += "\r\n";
    }
    return r;
}

Clients connectClients(int n, const QSslConfiguration &ssl, quint16 port)
{
    Clients clients;
    for (int i = 0; i < n; ++i)
        clients.push_back(std::make_unique<Client>(ssl, port));
    runUntil(
        [&] {
            return std::all_of(clients.begin(), clients.end(),
                               [](const auto &c) { return c->encrypted() || c->failed(); });
        },
        20000);
    return clients;
}

double percentileMs(std::vector<qint64> sortedUs, double q)
{
    if (sortedUs.empty())
        return 0;
    std::sort(sortedUs.begin(), sortedUs.end());
    return double(sortedUs[size_t(q * double(sortedUs.size() - 1) + 0.5)]) / 1000;
}

LoadFigures closedLoop(Clients &clients, const std::vector<QByteArray> &requests, int warmupMs, int measureMs)
{
    LoadFigures f;
    f.latenciesUs.reserve(1 << 20);
    bool measuring = false;
    bool stopping = false;
    int inFlight = 0;
    std::function<void(size_t)> fire = [&](size_t i) {
        clients[i]->send(requests[i % requests.size()], [&, i](const Reply &r) {
            if (measuring) {
                f.latenciesUs.push_back(r.latencyUs);
                if (r.status != 200)
                    ++f.errors;
            }
            if (stopping || r.status == 0)
                --inFlight;
            else
                fire(i);
        });
    };
    for (size_t i = 0; i < clients.size(); ++i) {
        if (!clients[i]->failed()) {
            ++inFlight;
            fire(i);
        }
    }
    const qint64 started = nowUs();
    runUntil([&] { return nowUs() - started >= qint64(warmupMs) * 1000; }, warmupMs + 1000);
    measuring = true;
    const qint64 measured = nowUs();
    runUntil([&] { return nowUs() - measured >= qint64(measureMs) * 1000; }, measureMs + 1000);
    measuring = false;
    f.seconds = double(nowUs() - measured) / 1e6;
    stopping = true;
    runUntil([&] { return inFlight == 0; }, 30000);
    return f;
}

QJsonObject createAction(const QString &itemId, const QString &unitId, int n)
{
    RevisionContent c = test::submittableContent(ItemKind::Disclosure, unitId, u"基准测试信息 %1"_s.arg(n));
    c.bodyHtml = u"<p>关于国土空间规划的正文。第 %1 条。</p>"_s.arg(n);
    return QJsonObject{{"action_id"_L1, uuid()}, {"action"_L1, u"create"_s},
                       {"item_id"_L1, itemId},   {"kind"_L1, u"disclosure"_s},
                       {"unit_id"_L1, unitId},   {"content"_L1, json::toJson(c)}};
}

QJsonObject submitAction(const QString &itemId)
{
    return QJsonObject{{"action_id"_L1, uuid()},
                       {"action"_L1, u"submit"_s},
                       {"item_id"_L1, itemId},
                       {"base_revision"_L1, 1}};
}

ItemFigures createAndSubmit(Clients &clients, const std::vector<Author> &authors, int maxItems, int maxMs)
{
    ItemFigures f;
    int started = 0;
    int active = 0;
    const qint64 begin = nowUs();
    std::function<void(size_t)> next = [&](size_t i) {
        if (started >= maxItems || nowUs() - begin >= qint64(maxMs) * 1000) {
            --active;
            return;
        }
        const int n = ++started;
        const QString id = uuid();
        const Author &a = authors[i];
        const QJsonObject create = createAction(id, a.unitId, n);
        clients[i]->send(
            httpRequest("POST", "/api/v1/actions", a.token, &create), [&, i, id](const Reply &r) {
                f.actionLatenciesUs.push_back(r.latencyUs);
                if (r.status != 200) {
                    if (f.errors++ < 3)
                        fprintf(stderr, "create: %d %s\n", r.status, r.body.constData());
                    r.status == 0 ? void(--active) : next(i);
                    return;
                }
                const QJsonObject submit = submitAction(id);
                clients[i]->send(httpRequest("POST", "/api/v1/actions", authors[i].token, &submit),
                                 [&, i](const Reply &s) {
                                     f.actionLatenciesUs.push_back(s.latencyUs);
                                     if (s.status == 200) {
                                         ++f.items;
                                     } else if (f.errors++ < 3) {
                                         fprintf(stderr, "submit: %d %s\n", s.status, s.body.constData());
                                     }
                                     s.status == 0 ? void(--active) : next(i);
                                 });
            });
    };
    for (size_t i = 0; i < clients.size(); ++i) {
        ++active;
        next(i);
    }
    runUntil([&] { return active == 0; }, maxMs + 60000);
    f.seconds = double(nowUs() - begin) / 1e6;
    return f;
}

QueueFigures listQueue(Client &client, const QByteArray &token, int times)
{
    QueueFigures f;
    const QByteArray request = httpRequest("GET", "/api/v1/queue", token);
    for (int i = 0; i < 5; ++i) // warm-up
        client.call(request);
    for (int i = 0; i < times; ++i) {
        const Reply r = client.call(request);
        if (r.status != 200) {
            ++f.errors;
            continue;
        }
        f.latenciesUs.push_back(r.latencyUs);
        if (i == times - 1) {
            f.returned = QJsonDocument::fromJson(r.body).object().value("items"_L1).toArray().size();
            f.bytes = r.body.size();
        }
    }
    return f;
}

QByteArray signIn(Client &client, const QString &id, const QString &password)
{
    const QJsonObject body{{"login"_L1, id}, {"password"_L1, password}};
    const Reply r = client.call(httpRequest("POST", "/api/v1/session", {}, &body));
    if (r.status != 200) {
        fprintf(stderr, "sign-in of %s: %d %s\n", qPrintable(id), r.status, r.body.constData());
        return {};
    }
    return QJsonDocument::fromJson(r.body).object().value("token"_L1).toString().toLatin1();
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : u"unknown"_s;
}

std::vector<qint64> syncLatenciesUs(const QString &folder, int times)
{
    std::vector<qint64> out;
    QFile f(folder + u"/sync-probe"_s);
    if (!f.open(QIODevice::ReadWrite))
        return out;
    const QByteArray page(4096, 'x');
    f.write(QByteArray(page.size() * times, 'y'));
    ::fsync(f.handle());
    for (int i = 0; i < times; ++i) {
        f.seek(qint64(i) * page.size());
        f.write(page);
        f.flush();
        const qint64 t = nowUs();
        ::fdatasync(f.handle());
        out.push_back(nowUs() - t);
    }
    f.remove();
    return out;
}

QString cpuModel()
{
    QFile f(u"/proc/cpuinfo"_s);
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return u"unknown"_s;
}

} // namespace baosong::bench
