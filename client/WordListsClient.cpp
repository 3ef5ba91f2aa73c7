#include "WordListsClient.h"

#include "Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace baosong {

WordListsClient::WordListsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

WordListsClient::~WordListsClient()
{
    abort();
}

void WordListsClient::abort()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply.clear();
        reply->abort();
        reply->deleteLater();
    }
}

QJsonObject WordListsClient::saveRequest(const ContentRules &rules, qint64 baseVersion)
{
    return QJsonObject{{"base_version"_L1, baseVersion},
                       {"sensitive"_L1, rules.sensitiveText},
                       {"misused"_L1, rules.misusedText},
                       {"settings"_L1, rules.settings.toJson()}};
}

void WordListsClient::load(const ServerEndpoint &endpoint)
{
    send(endpoint, "GET", {}, false);
}

void WordListsClient::save(const ServerEndpoint &endpoint, const ContentRules &rules, qint64 baseVersion)
{
    send(endpoint, "PUT", QJsonDocument(saveRequest(rules, baseVersion)).toJson(QJsonDocument::Compact),
         true);
}

void WordListsClient::send(const ServerEndpoint &endpoint, const QByteArray &method, const QByteArray &body,
                           bool saving)
{
    abort();
    if (!m_network || !endpoint.baseUrl.isValid() || endpoint.token.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit failed(Failure::Unreachable,
                            tr("Not signed in: the word lists need a connection to the server."), {});
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkReply *reply =
        m_network->sendCustomRequest(endpoint.request(u"/api/v1/word-lists"_s), method, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, saving] {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply.clear();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (status == 0) {
            emit failed(Failure::Unreachable,
                        tr("The server could not be reached (%1).").arg(reply->errorString()), {});
            return;
        }
        const QJsonObject json = QJsonDocument::fromJson(answer).object();
        if (status != 200) {
            const Problem problem = Problem::fromAnswer(status, answer, reply->rawHeader("X-Request-Id"));
            QStringList lines;
            for (const QJsonValue &v : json.value("errors"_L1).toArray())
                lines << v.toString();
            Failure failure = Failure::Other;
            QString message = problem.message();
            switch (status) {
            case 403:
                failure = Failure::NotPermitted;
                message = tr("Only a site administrator may change the word lists.") +
                          Problem::requestIdSuffix(problem.requestId);
                break;
            case 409:
                failure = Failure::Stale;
                message = tr("Someone else saved the word lists after you loaded them. Load them again "
                             "(your text is lost on loading: copy it first) and make your change there.") +
                          Problem::requestIdSuffix(problem.requestId);
                break;
            case 413:
                failure = Failure::TooLarge;
                message = tr("The word lists are too large for the server.") +
                          Problem::requestIdSuffix(problem.requestId);
                break;
            case 422:
                failure = Failure::Invalid;
                break;
            default:
                break;
            }
            emit failed(failure, message, lines);
            return;
        }
        QString error;
        const std::optional<ContentRules> rules = ContentRules::fromJson(json, &error);
        if (!rules) {
            emit failed(Failure::Other, error, {});
            return;
        }
        if (saving)
            emit saved(*rules);
        else
            emit loaded(*rules);
    });
}

} // namespace baosong
