#pragma once

// The audit reader's requests (GET /api/v1/audit, docs/api.md; issue #18 point 7): a page of events
// matching a filter, after a sequence number. Only the auditor and the administrators get an answer
// (the server decides). Asynchronous, one request at a time. No Widgets.

#include "Domain.h"
#include "ServerEndpoint.h"

#include <QDate>
#include <QObject>

class QNetworkAccessManager;

namespace baosong {

class ApiRequest;

struct AuditFilter
{
    QString actor;
    QString item;
    QString type; // a type or a family ("action")
    QString unit;
    QDate from;
    QDate to;
};

struct AuditPage
{
    QList<AuditEvent> events;
    qint64 next = 0; // ask again after this sequence number
    bool more = false;
    bool chainOk = true;
    qint64 brokenAt = 0;
};

class AuditClient : public QObject
{
    Q_OBJECT

public:
    explicit AuditClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AuditClient() override;

    void fetch(const ServerEndpoint &endpoint, const AuditFilter &filter, qint64 after, int limit = 200);
    void abort();

    // The path and query of a request (tests).
    static QString pathFor(const AuditFilter &filter, qint64 after, int limit);
    static bool parse(const QJsonObject &answer, AuditPage *page);

signals:
    void fetched(const baosong::AuditPage &page);
    void failed(const QString &message);

private:
    ApiRequest *m_request;
};

} // namespace baosong
