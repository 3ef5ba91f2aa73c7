#pragma once

// The word lists and detector settings of the content checks as the server keeps them (docs/api.md
// "Word lists", issue #17 point 7): load() asks GET /api/v1/word-lists, save() sends
// PUT /api/v1/word-lists with the version the user edited (only a site administrator may). Used by the
// settings page (app/WordListsDialog); the sync engine fetches the lists for the local checks by itself
// (SyncEngine, LocalStore::wordLists).
//
// Asynchronous on the caller's QNetworkAccessManager with a ServerEndpoint (every request built by
// ServerEndpoint::request()); one request at a time: a new one aborts the one under way. No Widgets.

#include "ContentScan.h"
#include "ServerEndpoint.h"

#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace baosong {

class ApiRequest;

class WordListsClient : public QObject
{
    Q_OBJECT

public:
    // Why a save did not go through.
    enum class Failure
    {
        Unreachable,  // no answer (network, TLS)
        NotPermitted, // 403: not a site administrator
        Stale,        // 409: saved by someone else meanwhile: load again
        Invalid,      // 422: lines the server could not read (lineErrors), or settings it does not know
        TooLarge,     // 413
        Other,        // anything else (401, 503, …)
    };
    Q_ENUM(Failure)

    explicit WordListsClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~WordListsClient() override;

    void load(const ServerEndpoint &endpoint);
    // Saves `rules` (their text and settings) over `baseVersion`, the version they were loaded at.
    void save(const ServerEndpoint &endpoint, const ContentRules &rules, qint64 baseVersion);
    void abort();
    bool isRunning() const;

    // The body of the PUT (docs/api.md).
    static QJsonObject saveRequest(const ContentRules &rules, qint64 baseVersion);

signals:
    void loaded(const baosong::ContentRules &rules);
    void saved(const baosong::ContentRules &rules);
    // `message`: translated, with the request id; `lineErrors`: the server's per-line errors (422).
    void failed(baosong::WordListsClient::Failure failure, const QString &message,
                const QStringList &lineErrors);

private:
    void send(const ServerEndpoint &endpoint, const QByteArray &method, const QByteArray &body, bool saving);

    ApiRequest *m_request;
};

} // namespace baosong
