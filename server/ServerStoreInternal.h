#pragma once

// What the files of the server's store share (ServerStore.cpp: connections, schema, transactions;
// ServerStoreOrganization.cpp: organization, accounts, sessions; ServerStoreItems.cpp: items, change
// feed, actions, uploads; ServerStoreAudit.cpp: the audit chain). Not for other files.

#include "DomainJson.h"
#include "ServerLogging.h"
#include "ServerStore.h"
#include "Sql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace baosong::server {

using sql::isoUtc;
using sql::marks;
using sql::nullText;
using sql::optionalTime;
using sql::parseObject;
using sql::parseTime;
using sql::run;
inline bool run(ServerStore::Query &q, const QString &statement, const QVariantList &values = {})
{
    return q.run(statement, values);
}
using sql::text;

// The names of the counters (table `counters`) and of the meta key of the change feed's oldest cursor.
inline const QString kFeedCounter = QStringLiteral("feed");
inline const QString kAuditCounter = QStringLiteral("audit");
// Bumped with every change that ends sessions or changes a person (schema 7): Accounts' session cache.
inline const QString kAuthCounter = QStringLiteral("auth");
inline const QString kOldestValidCursor = QStringLiteral("oldest_valid_cursor");
// Transaction-scoped PostgreSQL advisory lock that serializes the store's writers ("baosong").
inline constexpr qint64 kWriteLock = 0x62616f736f6e67;

// A stored JSON object read into T (a unit, column, person or item); nullopt with *error.
template <typename T> std::optional<T> parseData(const QString &data, QString *error)
{
    const std::optional<QJsonObject> o = sql::parseObject(data, error);
    T value;
    if (!o || !json::fromJson(*o, &value, error))
        return std::nullopt;
    return value;
}

// The error of a counter row that is not there (the schema's rows were removed by hand).
inline QSqlError counterMissing(const QString &name)
{
    return QSqlError(QCoreApplication::translate("ServerStore", "the counter “%1” is missing").arg(name),
                     QString(), QSqlError::StatementError);
}

// One row of the audit table read as an event. Columns, in this order: kAuditColumns.
inline const QString kAuditColumns =
    QStringLiteral("seq, at, actor, type, subject, details, prev_hash, hash");
// *detailsOk (when given) says whether the details were readable JSON.
AuditEvent readAuditEvent(const QSqlQuery &q, bool *detailsOk);
// Logs that the log's last event is not the counter's last sequence (events removed at the end;
// verifyAudit() reports it: recording goes on).
void warnIfLogShort(qint64 lastSequence, qint64 counter);
// Each event written, at debug level (baosong.audit).
void logAuditEvents(const QList<AuditEvent> &events);
// The current row's first `columns` values.
QVariantList rowValues(const QSqlQuery &q, int columns);
// An action's record from the columns action_id, person_id, item_id, status, response, at,
// request_hash, starting at column `first`.
ActionRecord readActionRecord(const QVariantList &row, int first);
// What ServerStore::actionOrItem() reads, one row per kind (first column): 0 the action's record
// (then readActionRecord's columns), 1 the item (data, -, -, its feed sequence), and with `auditEnd`
// 2 the audit log's end (last hash, -, -, the audit counter); 8 columns. Binds the action's id, then
// the item's.
QString actionOrItemStatement(bool auditEnd);

// Rows of (id, data JSON, ...): parsed into T; an unreadable row is logged and named in lastError()
// (`unreadable` has %1 for the id and %2 for the reason) and the others are still returned.
template <typename T>
QList<T> ServerStore::readRows(QSqlQuery &q, const QString &unreadable,
                               const std::function<void(T &, const QSqlQuery &)> &adjust)
{
    QList<T> out;
    while (q.next()) {
        QString error;
        if (std::optional<T> value = parseData<T>(q.value(1).toString(), &error)) {
            if (adjust)
                adjust(*value, q);
            out.append(std::move(*value));
        } else {
            qCWarning(lcServerStore) << "unreadable row" << q.value(0).toString() << error;
            setError(unreadable.arg(q.value(0).toString(), error));
        }
    }
    return out;
}

template <typename Body> bool ServerStore::write(Body &&body)
{
    if (threadState().inTransaction)
        return lockWrites() && body(); // a deferred lock (LockMode::AtFirstWrite) is taken now
    QString error;
    if (!beginWrite(&error)) {
        qCWarning(lcServerStore) << error;
        setError(error);
        return false;
    }
    if (!body()) {
        endWrite(false);
        return false;
    }
    return endWrite(true);
}

template <typename T>
QList<T> ServerStore::readAll(const QString &statement, const QString &reading, const QString &unreadable,
                              const std::function<void(T &, const QSqlQuery &)> &adjust)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, statement)) {
        failed(reading, q.lastError());
        return {};
    }
    return readRows<T>(q, unreadable, adjust);
}

} // namespace baosong::server
