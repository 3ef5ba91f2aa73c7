#include "ColumnsClient.h"

#include "ApiRequest.h"
#include "DomainJson.h"

#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace baosong {

ColumnsClient::ColumnsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_request(new ApiRequest(network, this))
{}

ColumnsClient::~ColumnsClient() = default;

bool ColumnsClient::isRunning() const
{
    return m_request->isRunning();
}

QJsonObject ColumnsClient::saveRequest(const Column &column, qint64 baseVersion)
{
    return QJsonObject{{"base_version"_L1, baseVersion}, {"column"_L1, json::toJson(column)}};
}

void ColumnsClient::save(const ServerEndpoint &endpoint, const Column &column, qint64 baseVersion)
{
    const QString path = u"/api/v1/columns/"_s + QString::fromLatin1(QUrl::toPercentEncoding(column.id));
    const bool sent = m_request->send(
        endpoint, "PUT", path, QJsonDocument(saveRequest(column, baseVersion)).toJson(QJsonDocument::Compact),
        [this](const ApiAnswer &a) {
            if (a.status != 200 && a.status != 201) {
                QString message = a.message;
                if (a.status == 403)
                    message = tr("Only the office director, a site administrator or an administrator may "
                                 "change the columns.") +
                              Problem::requestIdSuffix(a.problem.requestId);
                emit failed(message, a.status == 409);
                return;
            }
            Column column;
            QString error;
            if (!json::fromJson(a.json.value("column"_L1).toObject(), &column, &error)) {
                emit failed(error, false);
                return;
            }
            emit saved(column, a.json.value("organization_version"_L1).toInteger());
        });
    if (!sent)
        QMetaObject::invokeMethod(
            this, [this] { emit failed(tr("Not signed in: changing the columns needs the server."), false); },
            Qt::QueuedConnection);
}

} // namespace baosong
