#pragma once

// What the transfer classes share (client/Transfers.cpp, UploadTransfer.cpp, DownloadTransfer.cpp):
// the answer of a small request in curl's form, status helpers, the upload state folder. Not for
// other files.

#include "CurlTransfer.h"
#include "Sha256.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

namespace baosong::transfer {

using namespace Qt::StringLiterals;

inline constexpr qint64 kHashBlock = Sha256::kBlockSize;
// Largest answer body kept from a small request (problem+json, an upload's state).
inline constexpr qsizetype kMaxErrorBody = CurlClient::kMaxKeptBody;
inline const QString kUploadsFolder = QStringLiteral(".uploads");

inline int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

inline bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

// A small request's answer in the form curl's have, so that both fail alike.
inline HttpAnswer answerOf(QNetworkReply *reply)
{
    HttpAnswer answer;
    answer.status = statusOf(reply);
    answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().toUtf8();
    answer.headers = reply->rawHeaderPairs();
    answer.body = reply->peek(kMaxErrorBody);
    if (answer.status == 0)
        answer.error = reply->errorString();
    return answer;
}

inline bool isSha256Hex(QStringView s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// The server's offset from a 409/460/422 answer (body "offset" or the Upload-Offset header), or -1.
inline qint64 offsetOf(const HttpAnswer &answer, const QJsonObject &body)
{
    if (body.contains("offset"_L1))
        return body.value("offset"_L1).toInteger(-1);
    const QByteArray header = answer.header("Upload-Offset");
    bool ok = false;
    const qint64 offset = header.toLongLong(&ok);
    return ok ? offset : -1;
}

} // namespace baosong::transfer
