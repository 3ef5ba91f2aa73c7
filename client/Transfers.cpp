#include "Transfers.h"

#include "BlobStore.h"
#include "DownloadTransfer.h"
#include "Problem.h"
#include "TransferSupport.h"
#include "UploadTransfer.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

using namespace transfer;

Q_LOGGING_CATEGORY(lcTransfer, "baosong.transfer", QtInfoMsg)

// --- Transfer -------------------------------------------------------------------------------------

Transfer::Transfer(Transfers *owner, Kind kind, const QByteArray &sha256)
    : QObject(owner)
    , m_owner(owner)
    , m_kind(kind)
    , m_sha256(sha256)
    , m_hex(QString::fromLatin1(sha256.toHex()))
    , m_hash(std::make_unique<Sha256>())
{}

Transfer::~Transfer()
{
    dropReply();
}

void Transfer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Transfer::dropReply()
{
    if (m_job) {
        m_owner->curl().abort(m_job);
        m_job = 0;
    }
    stopBulk();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void Transfer::closeFiles()
{
    m_file.close();
    m_hashFile.close();
}

void Transfer::start()
{
    m_error = Error::None;
    m_errorString.clear();
    m_requestId.clear();
    m_httpStatus = 0;
    m_retryAfter = 0;
    m_retriesInRow = 0;
    setState(State::Running);
    run();
}

void Transfer::pause()
{
    if (m_state != State::Running || m_cancelling)
        return;
    dropReply();
    closeFiles();
    qCInfo(lcTransfer) << "paused" << m_hex << "at" << m_offset;
    setState(State::Paused);
}

void Transfer::resume()
{
    if ((m_state != State::Paused && m_state != State::Failed) || m_cancelling)
        return;
    qCInfo(lcTransfer) << "resuming" << m_hex;
    start();
}

void Transfer::cancel()
{
    if (m_state == State::Done || m_state == State::Cancelled || m_cancelling)
        return;
    dropReply();
    closeFiles();
    qCInfo(lcTransfer) << "cancelling" << m_hex;
    giveUp();
}

QString Transfer::describe(const HttpAnswer &answer) const
{
    // The server's problem+json says what went wrong; without one (or when a successful answer broke
    // off), the network's message.
    const int status = answer.status;
    if (status == 0 || (isSuccess(status) && !answer.error.isEmpty()))
        return answer.error;
    QString detail = Problem::fromAnswer(status, answer.body).text();
    if (status == 401)
        detail = tr("%1 Sign in again.").arg(detail);
    return detail;
}

void Transfer::fail(Error error, const QString &message, const HttpAnswer *answer)
{
    m_requestId = answer ? answer->header("X-Request-Id") : QByteArray();
    m_httpStatus = answer ? answer->status : 0;
    m_retryAfter = answer ? std::max(0, answer->header("Retry-After").trimmed().toInt()) : 0;
    dropReply();
    closeFiles();
    m_error = error;
    const QString what = m_kind == Kind::Upload ? tr("Uploading the attachment %1 failed: %2")
                                                : tr("Downloading the attachment %1 failed: %2");
    m_errorString = what.arg(m_name.isEmpty() ? m_hex.left(12) : m_name, message);
    m_errorString += Problem::requestIdSuffix(QString::fromLatin1(m_requestId));
    qCWarning(lcTransfer).noquote() << m_errorString;
    setState(State::Failed);
    emit failed(m_errorString, m_requestId);
}

void Transfer::succeed()
{
    dropReply();
    closeFiles();
    releaseBuffers();
    qCInfo(lcTransfer) << (m_kind == Kind::Upload ? "uploaded" : "downloaded") << m_hex << m_total << "bytes";
    emit progress(m_offset, m_total);
    setState(State::Done);
    emit finished();
}

bool Transfer::hashUpTo(QFile &file, qint64 offset)
{
    if (m_hashed > offset) {
        m_hash->reset();
        m_hashed = 0;
    }
    if (m_hashed == offset)
        return true;
    if (!file.seek(m_hashed))
        return false;
    QByteArray buffer(std::min(kHashBlock, offset - m_hashed), Qt::Uninitialized);
    while (m_hashed < offset) {
        const qint64 n = file.read(buffer.data(), std::min<qint64>(buffer.size(), offset - m_hashed));
        if (n <= 0)
            return false;
        m_hash->add(QByteArrayView(buffer.constData(), n));
        m_hashed += n;
    }
    return true;
}

// --- Transfers ------------------------------------------------------------------------------------

Transfers::Transfers(QNetworkAccessManager *network, BlobStore *store, const ServerEndpoint &endpoint,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
    , m_endpoint(endpoint)
{}

Transfers::~Transfers()
{
    for (Transfer *t : std::as_const(m_transfers))
        t->dropReply();
    m_curl.reset(); // ends curl's thread before the transfers (children) go
}

CurlClient &Transfers::curl()
{
    if (!m_curl)
        m_curl = std::make_unique<CurlClient>(m_network);
    return *m_curl;
}

Transfer *Transfers::upload(const QByteArray &sha256, const QString &name)
{
    for (Transfer *t : std::as_const(m_transfers)) {
        if (t->kind() == Transfer::Kind::Upload && t->sha256() == sha256 &&
            (t->state() == Transfer::State::Running || t->state() == Transfer::State::Paused))
            return t;
    }
    auto *t = new UploadTransfer(this, sha256, name);
    m_transfers.append(t);
    t->start();
    return t;
}

Transfer *Transfers::download(const QByteArray &sha256, const QString &itemId, qint64 expectedSize)
{
    for (Transfer *t : std::as_const(m_transfers)) {
        if (t->kind() == Transfer::Kind::Download && t->sha256() == sha256 &&
            (t->state() == Transfer::State::Running || t->state() == Transfer::State::Paused))
            return t;
    }
    auto *t = new DownloadTransfer(this, sha256, itemId, expectedSize);
    m_transfers.append(t);
    t->start();
    return t;
}

QString Transfers::uploadStatePath(const BlobStore &store, const QByteArray &sha256)
{
    return store.rootFolder() + u'/' + transfer::kUploadsFolder + u'/' + QString::fromLatin1(sha256.toHex()) +
           u".json"_s;
}

QSet<QByteArray> Transfers::uploadsInProgress(const BlobStore &store)
{
    QSet<QByteArray> result;
    const QDir folder(store.rootFolder() + u'/' + kUploadsFolder);
    for (const QString &name : folder.entryList({u"*.json"_s}, QDir::Files | QDir::Hidden)) {
        const QString hex = name.chopped(5);
        if (transfer::isSha256Hex(hex))
            result.insert(QByteArray::fromHex(hex.toLatin1()));
    }
    return result;
}

} // namespace baosong
