#include "SiteSearch.h"

#include "SearchText.h"
#include "ServerLogging.h"
#include "Sql.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

using sql::run;

QString connectionPrefix()
{
    static QAtomicInteger<quint64> counter;
    return u"baosong.sitesearch.%1."_s.arg(counter.fetchAndAddRelaxed(1) + 1);
}

quint64 threadNumber()
{
    static QAtomicInteger<quint64> counter;
    thread_local const quint64 number = counter.fetchAndAddRelaxed(1) + 1;
    return number;
}

const QStringList kSchema{
    u"CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, item_id TEXT NOT NULL UNIQUE, title TEXT NOT "
    u"NULL, "
    u"body TEXT NOT NULL, published_at TEXT NOT NULL)"_s,
    u"CREATE VIRTUAL TABLE IF NOT EXISTS docs_tri USING fts5(title, body, content='docs', "
    u"content_rowid='id', "
    u"tokenize='trigram')"_s,
    // Contentless: a row's tokens are derived again (searchtext::appendCharacterTokens) to delete it.
    u"CREATE VIRTUAL TABLE IF NOT EXISTS docs_chars USING fts5(tokens, content='', "
    u"tokenize='unicode61 remove_diacritics 0')"_s,
    u"CREATE TRIGGER IF NOT EXISTS docs_ai AFTER INSERT ON docs BEGIN "
    u"INSERT INTO docs_tri (rowid, title, body) VALUES (new.id, new.title, new.body); END"_s,
    u"CREATE TRIGGER IF NOT EXISTS docs_ad AFTER DELETE ON docs BEGIN "
    u"INSERT INTO docs_tri (docs_tri, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END"_s,
    u"CREATE TRIGGER IF NOT EXISTS docs_au AFTER UPDATE ON docs BEGIN "
    u"INSERT INTO docs_tri (docs_tri, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
    u"INSERT INTO docs_tri (rowid, title, body) VALUES (new.id, new.title, new.body); END"_s,
};

QString characterTokens(const QString &title, const QString &body)
{
    QString out;
    searchtext::appendCharacterTokens(out, title);
    out += u' ';
    searchtext::appendCharacterTokens(out, body);
    return out;
}

} // namespace

SiteSearch::SiteSearch(QString path)
    : m_path(std::move(path))
    , m_prefix(connectionPrefix())
{}

SiteSearch::~SiteSearch()
{
    // Connections of other threads are removed without being used here (closing them from this thread
    // is not allowed); removeDatabase closes them.
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(m_prefix))
            QSqlDatabase::removeDatabase(name);
    }
}

QString SiteSearch::connection(QString *error)
{
    if (m_path.isEmpty()) {
        *error = tr("The site's search is not configured.");
        return {};
    }
    const QString name = m_prefix + QString::number(threadNumber());
    if (!QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open()) {
            *error = tr("The site's search index %1 cannot be opened: %2").arg(m_path, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return {};
        }
        QSqlQuery q(db);
        if (!run(q, u"PRAGMA journal_mode=WAL"_s) || !run(q, u"PRAGMA synchronous=FULL"_s)) {
            *error = tr("The site's search index %1 cannot be opened: %2").arg(m_path, q.lastError().text());
            return {};
        }
    }
    QMutexLocker lock(&m_schemaMutex);
    if (!m_schemaReady) {
        QSqlQuery q(QSqlDatabase::database(name));
        for (const QString &statement : kSchema) {
            if (!run(q, statement)) {
                *error =
                    tr("The site's search index %1 cannot be made: %2").arg(m_path, q.lastError().text());
                return {};
            }
        }
        m_schemaReady = true;
    }
    return name;
}

bool SiteSearch::update(const QList<Document> &documents, const QStringList &removed, QString *error)
{
    const QString name = connection(error);
    if (name.isEmpty())
        return false;
    QSqlDatabase db = QSqlDatabase::database(name);
    QSqlError sqlError;
    if (!sql::beginImmediate(db, &sqlError)) {
        *error = tr("The site's search index cannot be updated: %1").arg(sqlError.text());
        return false;
    }
    QSqlQuery q(db);
    QSqlQuery w(db);
    const auto fail = [&](const QSqlQuery &failed) {
        *error = tr("The site's search index cannot be updated: %1").arg(failed.lastError().text());
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return false;
    };
    // Takes the item's row out of the character index; its id when it had one.
    const auto forget = [&](const QString &itemId, qint64 *id) {
        *id = 0;
        if (!run(q, u"SELECT id, title, body FROM docs WHERE item_id = ?"_s, {itemId}))
            return false;
        if (q.next()) {
            *id = q.value(0).toLongLong();
            if (!run(w, u"INSERT INTO docs_chars (docs_chars, rowid, tokens) VALUES ('delete', ?, ?)"_s,
                     {*id, characterTokens(q.value(1).toString(), q.value(2).toString())}))
                return false;
        }
        q.finish();
        return true;
    };
    for (const QString &itemId : removed) {
        qint64 id = 0;
        if (!forget(itemId, &id))
            return fail(q.lastError().isValid() ? q : w);
        if (id && !run(w, u"DELETE FROM docs WHERE id = ?"_s, {id}))
            return fail(w);
    }
    for (const Document &d : documents) {
        qint64 id = 0;
        if (!forget(d.itemId, &id))
            return fail(q.lastError().isValid() ? q : w);
        const QVariantList values{sql::text(d.title), sql::text(d.text), sql::isoUtc(d.publishedAt),
                                  d.itemId};
        if (id) {
            if (!run(w, u"UPDATE docs SET title = ?, body = ?, published_at = ? WHERE item_id = ?"_s, values))
                return fail(w);
        } else {
            // A new row is numbered after every other: hits come newest first by their number.
            if (!run(w, u"INSERT INTO docs (title, body, published_at, item_id) VALUES (?, ?, ?, ?)"_s,
                     values))
                return fail(w);
            id = w.lastInsertId().toLongLong();
        }
        if (!run(w, u"INSERT INTO docs_chars (rowid, tokens) VALUES (?, ?)"_s,
                 {id, characterTokens(d.title, d.text)}))
            return fail(w);
    }
    if (!run(w, u"COMMIT"_s))
        return fail(w);
    return true;
}

bool SiteSearch::clear(QString *error)
{
    const QString name = connection(error);
    if (name.isEmpty())
        return false;
    QSqlQuery q(QSqlDatabase::database(name));
    if (!run(q, u"DELETE FROM docs"_s) ||
        !run(q, u"INSERT INTO docs_chars (docs_chars) VALUES ('delete-all')"_s)) {
        *error = tr("The site's search index cannot be updated: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

QStringList SiteSearch::terms(const QString &query)
{
    static const QRegularExpression space(u"[\\s\\x{3000}]+"_s);
    QStringList out = query.left(kMaxQueryChars).split(space, Qt::SkipEmptyParts);
    out.removeDuplicates();
    return out.mid(0, kMaxTerms);
}

SiteSearch::Result SiteSearch::search(const QString &query, int page, int pageSize)
{
    Result r;
    r.terms = terms(query);
    if (r.terms.isEmpty())
        return r;
    page = std::clamp(page, 1, kMaxPage);
    pageSize = std::clamp(pageSize, 1, 50);
    QStringList trigram; // terms of 3+ characters
    QStringList tokens;  // 1-2 character terms' tokens in the character index
    QStringList checked; // short terms with punctuation: their tokens narrow, instr() decides
    for (const QString &term : std::as_const(r.terms)) {
        if (term.size() >= searchtext::kTrigramChars) {
            trigram.append(searchtext::ftsString(term));
            continue;
        }
        bool whole = false;
        const QStringList found = searchtext::termTokens(term, &whole);
        for (const QString &token : found)
            tokens.append(searchtext::ftsString(token));
        if (!whole && !found.isEmpty())
            checked.append(term);
        // A term of punctuation alone finds nothing of its own: it is left out.
    }
    if (trigram.isEmpty() && tokens.isEmpty())
        return r;
    QString from;
    QVariantList values;
    if (!trigram.isEmpty()) {
        from = u"FROM docs_tri f JOIN docs d ON d.id = f.rowid WHERE docs_tri MATCH ?"_s;
        values.append(trigram.join(u" AND "_s));
        if (!tokens.isEmpty()) {
            from += u" AND d.id IN (SELECT rowid FROM docs_chars WHERE docs_chars MATCH ?)"_s;
            values.append(tokens.join(u" AND "_s));
        }
    } else {
        from = u"FROM docs_chars f JOIN docs d ON d.id = f.rowid WHERE docs_chars MATCH ?"_s;
        values.append(tokens.join(u" AND "_s));
    }
    for (const QString &term : std::as_const(checked)) {
        from += u" AND instr(lower(d.title || ' ' || d.body), lower(?)) > 0"_s;
        values.append(term);
    }
    QString error;
    const QString name = connection(&error);
    if (name.isEmpty()) {
        r.error = error;
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(name));
    QVariantList counted = values;
    counted.append(kMaxCounted + 1);
    if (!run(q, u"SELECT count(*) FROM (SELECT d.id "_s + from + u" LIMIT ?)"_s, counted) || !q.next()) {
        r.error = tr("The search failed: %1").arg(q.lastError().text());
        return r;
    }
    const int total = q.value(0).toInt();
    r.more = total > kMaxCounted;
    r.total = std::min(total, kMaxCounted);
    q.finish();
    QVariantList paged = values;
    paged.append(pageSize);
    paged.append((page - 1) * pageSize);
    if (!run(q,
             u"SELECT d.item_id, d.title, d.body, d.published_at "_s + from +
                 u" ORDER BY f.rowid DESC LIMIT ? OFFSET ?"_s,
             paged)) {
        r.error = tr("The search failed: %1").arg(q.lastError().text());
        return r;
    }
    while (q.next()) {
        Hit h;
        h.itemId = q.value(0).toString();
        h.titleHtml = highlight(q.value(1).toString(), r.terms);
        h.snippetHtml = snippet(q.value(2).toString(), r.terms);
        h.publishedAt = sql::parseTime(q.value(3));
        r.hits.append(std::move(h));
    }
    return r;
}

QString SiteSearch::highlight(QStringView text, const QStringList &terms)
{
    QString out;
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size();) {
        qsizetype longest = 0;
        for (const QString &term : terms) {
            if (term.size() > longest && text.mid(i).startsWith(term, Qt::CaseInsensitive))
                longest = term.size();
        }
        if (longest == 0) {
            ++i;
            continue;
        }
        out += text.mid(plainFrom, i - plainFrom).toString().toHtmlEscaped();
        out += u"<mark>"_s + text.mid(i, longest).toString().toHtmlEscaped() + u"</mark>"_s;
        i += longest;
        plainFrom = i;
    }
    out += text.mid(plainFrom).toString().toHtmlEscaped();
    return out;
}

QString SiteSearch::snippet(const QString &text, const QStringList &terms, int length)
{
    qsizetype first = -1;
    for (const QString &term : terms) {
        const qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    qsizetype start = first < 0 ? 0 : std::max<qsizetype>(0, first - length / 3);
    if (start > 0 && start < text.size() && text.at(start).isLowSurrogate())
        --start;
    qsizetype end = std::min<qsizetype>(text.size(), start + length);
    if (end < text.size() && end > 0 && text.at(end - 1).isHighSurrogate())
        ++end;
    return (start > 0 ? u"…"_s : QString()) + highlight(QStringView(text).mid(start, end - start), terms) +
           (end < text.size() ? u"…"_s : QString());
}

} // namespace baosong::server
