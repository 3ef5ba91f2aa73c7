#pragma once

// Test support for tests that link the client library: what a client needs to reach a
// ServerHarness as the holder of a token, trusting only the harness's certificate.

#include "ServerEndpoint.h"
#include "ServerHarness.h"

namespace baosong::test {

inline ServerEndpoint endpointOf(const ServerHarness &server, const QByteArray &token = {})
{
    ServerEndpoint e;
    e.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    e.token = token;
    e.ssl = server.sslConfiguration();
    e.timeoutMs = 20000;
    return e;
}

} // namespace baosong::test
