#include "ApiProblems.h"

#include "ServerLogging.h"
#include "ServerStore.h"

#include <QCoreApplication>

namespace baosong::server {

http::Response storeFailure(const http::Request &request, ServerStore &store)
{
    // Not a failure: the request guessed and is answered again (ServerStore::expectAction()).
    if (store.restartRequested())
        return http::Response::problem(503, QCoreApplication::translate("Api", "Try again"), QString(),
                                       request.requestId);
    qCWarning(lcApi) << request.requestId << "store failure:" << store.lastError();
    store.setDegraded(true);
    http::Response r = http::Response::problem(
        503, QCoreApplication::translate("Api", "Try again"),
        QCoreApplication::translate("Api", "The server could not save or read its data just now; nothing was "
                                           "changed. Try again in a little while (your client does so by "
                                           "itself); if it persists, tell the information centre the request "
                                           "id."),
        request.requestId, {{QStringLiteral("retry_after"), kStoreRetryAfterSeconds}});
    r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(kStoreRetryAfterSeconds)));
    return r;
}

} // namespace baosong::server
