#pragma once

// Test support: a QNetworkAccessManager that injects faults between the client and the real server
// (after Nextcloud desktop's FakeQNAM): per request, a rule may let it through, answer with a canned
// status and body, fail it with a network error, hang it until it is aborted, delay it, or let it
// reach the server and lose the answer on the way back (the server applied it; the client never
// learns). Rules see the method, the URL and the body, so a fault can target one item or one action.

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace baosong::test {

struct Fault
{
    enum class Kind
    {
        Canned,       // answer `status`, `body`, `headers` without asking the server
        NetworkError, // fail with `error` (no HTTP answer)
        Hang,         // never answer (until aborted)
        LoseAnswer,   // send to the server, then fail with RemoteHostClosedError
        Delay,        // send to the server after `delayMs`
    };
    Kind kind = Kind::Canned;
    int status = 500;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::ConnectionRefusedError;
    int delayMs = 0;

    static Fault canned(int status, const QJsonObject &json)
    {
        Fault f;
        f.status = status;
        f.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        f.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "fault-injected"}};
        return f;
    }
    static Fault networkError(QNetworkReply::NetworkError e = QNetworkReply::ConnectionRefusedError)
    {
        Fault f;
        f.kind = Kind::NetworkError;
        f.error = e;
        return f;
    }
    static Fault hang()
    {
        Fault f;
        f.kind = Kind::Hang;
        return f;
    }
    static Fault loseAnswer()
    {
        Fault f;
        f.kind = Kind::LoseAnswer;
        return f;
    }
    static Fault delay(int ms)
    {
        Fault f;
        f.kind = Kind::Delay;
        f.delayMs = ms;
        return f;
    }
};

// A reply made by the test: canned, failed, hanging, or standing in for a real one.
class FakeReply : public QNetworkReply
{
public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, QObject *parent)
        : QNetworkReply(parent)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly);
    }

    void answer(int status, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        if (isFinished())
            return;
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        for (const auto &[name, value] : headers)
            setRawHeader(name, value);
        m_data = body;
        m_offset = 0;
        if (status >= 400)
            setError(status == 404 ? ContentNotFoundError : UnknownContentError,
                     QStringLiteral("HTTP %1").arg(status));
        finish();
    }

    void fail(NetworkError e, const QString &text)
    {
        if (isFinished())
            return;
        setError(e, text);
        emit errorOccurred(e);
        finish();
    }

    void abort() override { fail(OperationCanceledError, QStringLiteral("Operation canceled")); }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_offset);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    void finish()
    {
        setFinished(true);
        if (!m_data.isEmpty())
            emit readyRead();
        emit finished();
    }
    QByteArray m_data;
    qint64 m_offset = 0;
};

class FaultyNetworkAccessManager : public QNetworkAccessManager
{
public:
    // Decides the fault for a request (none: let it through). Counts are the test's business.
    using Rule = std::function<std::optional<Fault>(const QByteArray &method, const QUrl &url,
                                                    const QByteArray &body)>;

    explicit FaultyNetworkAccessManager(QObject *parent = nullptr)
        : QNetworkAccessManager(parent)
    {}

    void setRule(Rule rule) { m_rule = std::move(rule); }
    void clearRule() { m_rule = {}; }
    int requestCount() const { return m_requests; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        ++m_requests;
        QByteArray body;
        if (outgoingData)
            body = outgoingData->readAll();
        QByteArray method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        if (method.isEmpty()) {
            method = op == GetOperation      ? "GET"
                     : op == PostOperation   ? "POST"
                     : op == PutOperation    ? "PUT"
                     : op == DeleteOperation ? "DELETE"
                     : op == HeadOperation   ? "HEAD"
                                             : "CUSTOM";
        }
        const std::optional<Fault> fault = m_rule ? m_rule(method, request.url(), body) : std::nullopt;
        if (!fault)
            return forward(op, request, body);

        auto *fake = new FakeReply(op, request, this);
        switch (fault->kind) {
        case Fault::Kind::Canned:
            QTimer::singleShot(fault->delayMs, fake,
                               [fake, f = *fault] { fake->answer(f.status, f.body, f.headers); });
            break;
        case Fault::Kind::NetworkError:
            QTimer::singleShot(fault->delayMs, fake, [fake, e = fault->error] {
                fake->fail(e, QStringLiteral("injected network error"));
            });
            break;
        case Fault::Kind::Hang:
            break;
        case Fault::Kind::LoseAnswer: {
            QNetworkReply *real = forward(op, request, body);
            connect(real, &QNetworkReply::finished, fake, [fake, real] {
                real->deleteLater();
                fake->fail(QNetworkReply::RemoteHostClosedError, QStringLiteral("injected: answer lost"));
            });
            break;
        }
        case Fault::Kind::Delay:
            QTimer::singleShot(fault->delayMs, fake, [this, fake, op, request, body] {
                QNetworkReply *real = forward(op, request, body);
                connect(fake, &QNetworkReply::finished, real, [real] {
                    if (!real->isFinished())
                        real->abort();
                });
                connect(real, &QNetworkReply::finished, fake, [fake, real] {
                    real->deleteLater();
                    if (real->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
                        fake->answer(real->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                     real->readAll(), real->rawHeaderPairs());
                    else
                        fake->fail(real->error(), real->errorString());
                });
            });
            break;
        }
        return fake;
    }

private:
    QNetworkReply *forward(Operation op, const QNetworkRequest &request, const QByteArray &body)
    {
        auto *buffer = new QBuffer;
        buffer->setData(body);
        buffer->open(QIODevice::ReadOnly);
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, buffer);
        buffer->setParent(reply);
        return reply;
    }

    Rule m_rule;
    int m_requests = 0;
};

} // namespace baosong::test
