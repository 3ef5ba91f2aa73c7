#include "WordListsClient.h"

#include "ApiRequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace baosong {

WordListsClient::WordListsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_request(new ApiRequest(network, this))
{}

WordListsClient::~WordListsClient() = default;

void WordListsClient::abort()
{
    m_request->abort();
}

bool WordListsClient::isRunning() const
{
    return m_request->isRunning();
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
    const bool sent =
        m_request->send(endpoint, method, u"/api/v1/word-lists"_s, body, [this, saving](const ApiAnswer &a) {
            if (a.status == 0) {
                emit failed(Failure::Unreachable, a.message, {});
                return;
            }
            if (!a.ok()) {
                QStringList lines;
                for (const QJsonValue &v : a.json.value("errors"_L1).toArray())
                    lines << v.toString();
                Failure failure = Failure::Other;
                QString message = a.message;
                const QString id = Problem::requestIdSuffix(a.problem.requestId);
                switch (a.status) {
                case 403:
                    failure = Failure::NotPermitted;
                    message = tr("Only a site administrator may change the word lists.") + id;
                    break;
                case 409:
                    failure = Failure::Stale;
                    message =
                        tr("Someone else saved the word lists after you loaded them. Load them again "
                           "(your text is lost on loading: copy it first) and make your change there.") +
                        id;
                    break;
                case 413:
                    failure = Failure::TooLarge;
                    message = tr("The word lists are too large for the server.") + id;
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
            const std::optional<ContentRules> rules = ContentRules::fromJson(a.json, &error);
            if (!rules) {
                emit failed(Failure::Other, error, {});
                return;
            }
            if (saving)
                emit saved(*rules);
            else
                emit loaded(*rules);
        });
    if (!sent)
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit failed(Failure::Unreachable,
                            tr("Not signed in: the word lists need a connection to the server."), {});
            },
            Qt::QueuedConnection);
}

} // namespace baosong
