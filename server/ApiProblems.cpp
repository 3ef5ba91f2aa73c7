#include "ApiProblems.h"

#include "ServerLogging.h"

#include <QCoreApplication>

namespace baosong::server {

http::Response storeFailure(const http::Request &request, const QString &storeError)
{
    qCWarning(lcApi) << request.requestId << "store failure:" << storeError;
    return http::Response::problem(
        500, QCoreApplication::translate("Api", "Server error"),
        QCoreApplication::translate("Api", "The server could not read or write its store. Try again; if it "
                                           "persists, tell the information centre the request id."),
        request.requestId);
}

} // namespace baosong::server
