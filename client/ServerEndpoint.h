#pragma once

// Where the client's requests go and how they are made: the one place that builds a request to the
// server (base address, bearer token, timeout, JSON headers), shared by the sync engine and the
// attachment transfers. Trust (which certificates are accepted) is not decided here: it is the
// QSslConfiguration given by client/TlsTrust (or, in tests, one that trusts the test certificate).

#include <QByteArray>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace baosong {

struct ServerEndpoint
{
    // The API's origin, e.g. https://127.0.0.1:8443 (no path).
    QUrl baseUrl;
    // The session token (POST /api/v1/session); empty before sign-in.
    QByteArray token;
    // The TLS configuration every request uses; a null one leaves Qt's default configuration.
    QSslConfiguration ssl;
    // No byte moving for this long aborts a request (QNetworkRequest::setTransferTimeout).
    int timeoutMs = 30000;

    // A request for `path` (e.g. "/api/v1/changes?cursor=0"), with the token, the timeout, the TLS
    // configuration, no redirects followed, and HTTP/2 off (the server speaks HTTP/1.1).
    QNetworkRequest request(const QString &pathAndQuery) const
    {
        QUrl url = baseUrl;
        const qsizetype q = pathAndQuery.indexOf(u'?');
        url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
        if (q >= 0)
            url.setQuery(pathAndQuery.mid(q + 1));
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        request.setTransferTimeout(timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (!ssl.isNull())
            request.setSslConfiguration(ssl);
        return request;
    }
};

} // namespace baosong
