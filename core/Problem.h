#pragma once

// The one reader of the server's error answers (RFC 9457 problem+json, docs/api.md): the sync engine,
// the sign-in, the item history and the transfers all turn a failed answer into a message here, with
// the same fallbacks and the same request-id suffix.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace baosong {

struct Problem
{
    Q_DECLARE_TR_FUNCTIONS(Problem)

public:
    int status = 0;            // the HTTP status; 0 when the server was not reached
    QString title;             // "title": the kind of problem
    QString detail;            // "detail": what went wrong with this request
    QString refusal;           // "refusal": the machine-readable reason of a refused action, if any
    QString requestId;         // the X-Request-Id header, else the body's "request_id"
    int retryAfterSeconds = 0; // Retry-After (429, 503), 0 when absent

    // Reads a failed answer: its status, body (problem+json or anything else), X-Request-Id and
    // Retry-After headers. A body that is not a JSON object leaves title, detail and refusal empty.
    static Problem fromAnswer(int status, const QByteArray &body, const QByteArray &requestIdHeader = {},
                              const QByteArray &retryAfterHeader = {});

    // What went wrong, for a person, in the UI's language: for a refused action the client's own words
    // for its refusal (refusalText(): the server's detail is in the server's language); otherwise
    // the detail, else the title, else "The server answered <status>."
    QString text() const;
    // The client's words (translated, saying what to do) for a refusal key of docs/api.md, or empty
    // for a key it does not know.
    static QString refusalText(const QString &refusal);
    // text() followed by " (request <id>)" when the answer had an id: what a message shows, so that a
    // report names the line in the server's log.
    QString message() const;
    // " (request <id>)" for `requestId`, or nothing when it is empty.
    static QString requestIdSuffix(const QString &requestId);
};

} // namespace baosong
