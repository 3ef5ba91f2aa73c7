#pragma once

// The public site's search (issue #16 point 3; 政府网站发展指引 asks for one): the published items'
// title and text in a SQLite file of their own (`[site] search_index`, by default beside the server's
// data), derived from the site — the renderer keeps it with the pages it writes (SiteRenderer) and
// `republish` rebuilds it — and read by the site port (SiteServer: GET search.html?q=…&page=n).
// Only what is live is in it: a retraction takes its item out in the same render.
//
// Chinese is written without spaces: a term of 3 or more characters is looked up in an FTS5 trigram
// index, a term of 1 or 2 characters in an FTS5 index of every character and pair of adjacent
// characters (core/SearchText, the client's scheme). Several terms (separated by spaces) must all be
// found. Hits are newest first; every query is bounded: at most kMaxQueryChars characters and
// kMaxTerms terms, text quoted so that no input is read as query syntax, and hits counted up to
// kMaxCounted.

#include <QCoreApplication>
#include <QDateTime>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

namespace baosong::server {

class SiteSearch
{
    Q_DECLARE_TR_FUNCTIONS(SiteSearch)

public:
    static constexpr int kMaxQueryChars = 64;
    static constexpr int kMaxTerms = 8;
    static constexpr int kMaxCounted = 1000;
    static constexpr int kMaxPage = 100;

    struct Document
    {
        QString itemId;
        QString title;
        QString text; // the body's plain text
        QDateTime publishedAt;
    };

    struct Hit
    {
        QString itemId;
        QString titleHtml;   // the title, HTML-escaped, the terms in <mark>
        QString snippetHtml; // a passage of the text around the first term found, likewise
        QDateTime publishedAt;
    };

    struct Result
    {
        QStringList terms; // as searched (after the limits)
        QList<Hit> hits;   // of the page asked for
        int total = 0;     // hits counted, at most kMaxCounted
        bool more = false; // more than kMaxCounted
        QString error;     // translated; empty on success
    };

    explicit SiteSearch(QString path);
    ~SiteSearch();

    const QString &path() const { return m_path; }

    // Adds or replaces `documents` and removes `removed` (item ids), in one transaction.
    bool update(const QList<Document> &documents, const QStringList &removed, QString *error);
    // Removes every document (a full rebuild follows).
    bool clear(QString *error);

    // The terms of a query: split at white space, the whole cut to kMaxQueryChars characters and
    // kMaxTerms terms.
    static QStringList terms(const QString &query);
    // Page `page` (1, 2, …) of the hits, `pageSize` to a page.
    Result search(const QString &query, int page, int pageSize);

    // `text` HTML-escaped with every occurrence of `terms` (case-insensitive) in <mark>.
    static QString highlight(QStringView text, const QStringList &terms);
    // A passage of about `length` characters of `text` around the first occurrence of a term,
    // highlighted; the text's beginning when none occurs.
    static QString snippet(const QString &text, const QStringList &terms, int length = 120);

private:
    QString connection(QString *error);

    QString m_path;
    QString m_prefix;
    QMutex m_schemaMutex;
    bool m_schemaReady = false;
};

} // namespace baosong::server
