#include "Problem.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace baosong {

Problem Problem::fromAnswer(int status, const QByteArray &body, const QByteArray &requestIdHeader,
                            const QByteArray &retryAfterHeader)
{
    Problem p;
    p.status = status;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    p.title = json.value("title"_L1).toString();
    p.detail = json.value("detail"_L1).toString();
    p.refusal = json.value("refusal"_L1).toString();
    p.requestId = QString::fromLatin1(requestIdHeader.trimmed());
    if (p.requestId.isEmpty())
        p.requestId = json.value("request_id"_L1).toString();
    bool ok = false;
    const int retry = retryAfterHeader.trimmed().toInt(&ok);
    p.retryAfterSeconds = ok && retry > 0 ? retry : 0;
    return p;
}

QString Problem::text() const
{
    if (!detail.isEmpty())
        return detail;
    if (!title.isEmpty())
        return title;
    return tr("The server answered %1.").arg(status);
}

QString Problem::message() const
{
    return text() + requestIdSuffix(requestId);
}

QString Problem::requestIdSuffix(const QString &requestId)
{
    return requestId.isEmpty() ? QString() : u' ' + tr("(request %1)").arg(requestId);
}

} // namespace baosong
