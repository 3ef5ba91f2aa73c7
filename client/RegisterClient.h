#pragma once

// The accountability register as the server computes it (GET /api/v1/register, docs/api.md; issue #18
// point 6), and the inspection notices a site administrator records (POST / PUT
// /api/v1/register/notices). The answer holds only the units the person may see, and the server alone
// decides who may write a notice. Asynchronous on the caller's QNetworkAccessManager: one fetch and
// one save at a time. No Widgets.

#include "Register.h"
#include "ServerEndpoint.h"

#include <QObject>

class QNetworkAccessManager;

namespace baosong {

class ApiRequest;

class RegisterClient : public QObject
{
    Q_OBJECT

public:
    explicit RegisterClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~RegisterClient() override;

    void fetch(const ServerEndpoint &endpoint, const StatisticsPeriod &period);
    // A new notice (no id: POST) or a change of one (PUT, naming the version edited).
    void saveNotice(const ServerEndpoint &endpoint, const InspectionNotice &notice);
    void abort();

    // The path of a fetch, and the body of a save (tests).
    static QString pathFor(const StatisticsPeriod &period);
    static QJsonObject noticeBody(const InspectionNotice &notice);

signals:
    // `mayWriteNotices`: whether the server lets this person record notices.
    void fetched(const baosong::AccountabilityRegister &r, bool mayWriteNotices);
    void failed(const QString &message);
    void noticeSaved(const baosong::InspectionNotice &notice);
    // `message`: translated, with the request id; `errors`: each problem the server found (422).
    void noticeFailed(const QString &message, const QStringList &errors);

private:
    ApiRequest *m_fetch;
    ApiRequest *m_save;
};

} // namespace baosong
