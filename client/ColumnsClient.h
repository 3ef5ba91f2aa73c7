#pragma once

// The office's column management (issue #18 point 2, docs/api.md "Columns"): save() sends
// PUT /api/v1/columns/<id> with the organization's version the user edited; the server decides
// (core/ColumnChange) and answers the saved column and the new version. The sync engine then fetches
// the organization as every client does (GET /me's organization_version). One request at a time on the
// caller's QNetworkAccessManager (client/ApiRequest). No Widgets.

#include "Domain.h"
#include "ServerEndpoint.h"

#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

namespace baosong {

class ApiRequest;

class ColumnsClient : public QObject
{
    Q_OBJECT

public:
    explicit ColumnsClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ColumnsClient() override;

    void save(const ServerEndpoint &endpoint, const Column &column, qint64 baseVersion);
    bool isRunning() const;

    // The body of the PUT.
    static QJsonObject saveRequest(const Column &column, qint64 baseVersion);

signals:
    void saved(const baosong::Column &column, qint64 organizationVersion);
    // `message`: translated, with the request id; `stale`: the organization changed meanwhile (409).
    void failed(const QString &message, bool stale);

private:
    ApiRequest *m_request;
};

} // namespace baosong
