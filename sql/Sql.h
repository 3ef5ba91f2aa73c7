#pragma once

// The small SQL helper that the server's store (server/ServerStore*) and the client's local store
// (client/LocalStore*) share: how a statement is prepared, bound and run, how values are written into
// and read from rows, and how a SQLite write transaction begins. Qt SQL only; no rule of the product
// lives here (core/ has those and links no QtSql).

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <optional>

class QSqlDatabase;

namespace baosong::sql {

// Runs `statement` on `query`, forward-only: prepared with `values` bound in order, or executed
// directly when there are none (PostgreSQL can't prepare DDL). False on failure (query.lastError()).
bool run(QSqlQuery &query, const QString &statement, const QVariantList &values = {});

// "?, ?, ?": `n` placeholders for an IN (...) list or a VALUES row.
QString marks(qsizetype n);

// Values as the stores write them. Qt binds a null QString as SQL NULL: NOT NULL text columns get
// text() (the empty string instead); optional columns nullText(). Times are ISO 8601 UTC with
// milliseconds; JSON is compact.
QString text(const QString &s);
QVariant nullText();
QString isoUtc(const QDateTime &t);
QVariant optionalTime(const QDateTime &t); // NULL for an invalid time
QDateTime parseTime(const QVariant &v);    // invalid for NULL
QString compactJson(const QJsonObject &o);
// A stored JSON object; nullopt with *error when the text is not one.
std::optional<QJsonObject> parseObject(const QString &data, QString *error);

// SQLite: BEGIN IMMEDIATE takes the write lock at once (waiting through the busy timeout), so a
// transaction never finds its snapshot stale when it first writes.
bool beginImmediate(const QSqlDatabase &db, QSqlError *error);

} // namespace baosong::sql
