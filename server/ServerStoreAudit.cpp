// The server store's audit log: the hash chain, its reading and its verification.
#include "ServerStoreInternal.h"

using namespace Qt::StringLiterals;

namespace baosong::server {

AuditEvent readAuditEvent(const QSqlQuery &q, bool *detailsOk)
{
    // Columns: seq, at, actor, type, subject, details, prev_hash, hash.
    AuditEvent e;
    e.sequence = q.value(0).toLongLong();
    e.at = parseTime(q.value(1));
    e.actorId = q.value(2).toString();
    e.type = q.value(3).toString();
    e.subjectId = q.value(4).toString();
    QString error;
    const std::optional<QJsonObject> details = parseObject(q.value(5).toString(), &error);
    if (details)
        e.details = *details;
    if (detailsOk)
        *detailsOk = details.has_value();
    e.previousHash = q.value(6).toString().toLatin1();
    e.hash = q.value(7).toString().toLatin1();
    return e;
}

// ---- audit -------------------------------------------------------------------------------------

void ServerStore::ThreadState::AuditEnd::chain(AuditEvent &e)
{
    e.sequence = ++counter;
    e.previousHash = lastHash;
    e.at = (e.at.isValid() ? e.at : QDateTime::currentDateTimeUtc()).toUTC();
    e.hash = e.computeHash();
    lastHash = e.hash;
}

void warnIfLogShort(qint64 lastSequence, qint64 counter)
{
    if (lastSequence != counter) // someone removed events at the end; verifyAudit() reports it
        qCWarning(lcServerStore) << "audit log: the last event is" << lastSequence << "but" << counter
                                 << "were written";
}

void logAuditEvents(const QList<AuditEvent> &events)
{
    for (const AuditEvent &e : events)
        qCDebug(lcAudit) << "event" << e.sequence << e.type << "by" << e.actorId << "on" << e.subjectId;
}

bool ServerStore::appendAudit(AuditEvent &event)
{
    clearError();
    AuditEvent e = event;
    const bool ok = write([&] {
        const QString what = QCoreApplication::translate("ServerStore", "Writing an audit event");
        // The counter's row lock (and the write lock of the transaction) make this the only writer
        // of the log's end until commit. The counter bumped and the log's end read in one statement.
        Query q(*this);
        if (!run(q,
                 u"UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value, "
                 u"(SELECT seq FROM audit ORDER BY seq DESC LIMIT 1), "
                 u"(SELECT hash FROM audit ORDER BY seq DESC LIMIT 1)"_s,
                 {kAuditCounter}))
            return failed(what, q.lastError());
        if (!q.next())
            return failed(what, counterMissing(kAuditCounter));
        const qint64 seq = q.value(0).toLongLong(); // bumped: the new event's
        warnIfLogShort(q.value(1).isNull() ? 0 : q.value(1).toLongLong(), seq - 1);
        ThreadState::AuditEnd end = ThreadState::AuditEnd::of(seq - 1, q.value(2));
        q.finish();
        end.chain(e);
        if (!run(q, u"INSERT INTO audit ("_s + kAuditColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {e.sequence, isoUtc(e.at), text(e.actorId), text(e.type), text(e.subjectId),
                  sql::compactJson(e.details), QString::fromLatin1(e.previousHash),
                  QString::fromLatin1(e.hash)}))
            return failed(what, q.lastError());
        // The keyed checkpoint moves with the head, in the same transaction.
        if (!m_auditKey.isEmpty() && !run(q,
                                          u"INSERT INTO meta (key, value) VALUES ('audit_checkpoint', ?) "
                                          u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                                          {checkpointValue(e.sequence, e.hash)}))
            return failed(what, q.lastError());
        return true;
    });
    threadState().auditEnd.reset(); // writeAction() reads the log's end again
    if (ok) {
        logAuditEvents({e});
        event = e;
    }
    return ok;
}

QList<AuditEvent> ServerStore::auditEvents(qint64 fromSequence, int limit)
{
    clearError();
    QList<AuditEvent> out;
    if (limit <= 0)
        return out;
    Query q(*this);
    if (!run(q, u"SELECT "_s + kAuditColumns + u" FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?"_s,
             {fromSequence, limit})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the audit log"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readAuditEvent(q, nullptr));
    return out;
}

QList<AuditEvent> ServerStore::auditEventsFor(const QString &subjectId)
{
    clearError();
    QList<AuditEvent> out;
    Query q(*this);
    if (!run(q, u"SELECT "_s + kAuditColumns + u" FROM audit WHERE subject = ? ORDER BY seq"_s,
             {text(subjectId)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the audit log"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readAuditEvent(q, nullptr));
    return out;
}

std::optional<ServerStore::AuditCheckpoint> ServerStore::auditCheckpoint()
{
    const QStringList parts = meta(u"audit_checkpoint"_s).split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 3)
        return std::nullopt;
    AuditCheckpoint c;
    c.sequence = parts[0].toLongLong();
    c.hash = parts[1].toLatin1();
    c.mac = parts[2].toLatin1();
    return c;
}

AuditVerification ServerStore::verifyAudit()
{
    clearError();
    AuditVerification v;
    auto bad = [&](qint64 sequence, const QString &problem) {
        v.ok = false;
        v.firstBadSequence = sequence;
        v.problem = problem;
        qCWarning(lcServerStore) << "audit log verification failed at event" << sequence << problem;
        return v;
    };
    auto unreadable = [&](const QSqlError &error) {
        failed(QCoreApplication::translate("ServerStore", "Reading the audit log"), error);
        v.ok = false;
        v.problem = lastError();
        return v;
    };

    Query q(*this);
    // The counter first: every event up to it was committed with it, so the walk below (which starts
    // later) must see them all.
    if (!run(q, u"SELECT value FROM counters WHERE name = ?"_s, {kAuditCounter}) || !q.next())
        return unreadable(q.lastError());
    const qint64 written = q.value(0).toLongLong();
    q.finish();

    // In pages, so that a long log never sits in memory at once (QPSQL fetches whole results).
    constexpr int kPage = 10000;
    // The keyed checkpoint, read before the walk (a write after it only moves it further on).
    const std::optional<AuditCheckpoint> checkpoint = m_auditKey.isEmpty() ? std::nullopt : auditCheckpoint();
    QByteArray hashAtCheckpoint;
    qint64 expected = 1;
    qint64 lastSeen = std::numeric_limits<qint64>::min();
    QByteArray previousHash = "";
    for (int rows = kPage; rows == kPage;) {
        rows = 0;
        if (!run(q, u"SELECT "_s + kAuditColumns + u" FROM audit WHERE seq > ? ORDER BY seq LIMIT ?"_s,
                 {lastSeen, kPage}))
            return unreadable(q.lastError());
        while (q.next()) {
            ++rows;
            bool detailsOk = true;
            const AuditEvent e = readAuditEvent(q, &detailsOk);
            if (e.sequence != expected) {
                return bad(expected,
                           QCoreApplication::translate(
                               "ServerStore", "Audit event %1 is missing: the log goes on with event %2.")
                               .arg(expected)
                               .arg(e.sequence));
            }
            if (e.previousHash != previousHash) {
                return bad(e.sequence,
                           expected == 1 ? QCoreApplication::translate(
                                               "ServerStore", "Audit event 1 does not start the log: events "
                                                              "before it were removed or it was changed.")
                                         : QCoreApplication::translate(
                                               "ServerStore",
                                               "Audit event %1 does not follow event %2: the events were "
                                               "reordered, or event %2 was changed and its hash rewritten.")
                                               .arg(e.sequence)
                                               .arg(e.sequence - 1));
            }
            if (!detailsOk || e.computeHash() != e.hash) {
                return bad(e.sequence, QCoreApplication::translate(
                                           "ServerStore", "Audit event %1 was changed: its content no longer "
                                                          "matches its hash.")
                                           .arg(e.sequence));
            }
            ++v.eventsChecked;
            if (checkpoint && e.sequence == checkpoint->sequence)
                hashAtCheckpoint = e.hash;
            previousHash = e.hash;
            lastSeen = e.sequence;
            ++expected;
        }
        if (q.lastError().isValid())
            return unreadable(q.lastError());
    }
    if (expected - 1 < written) {
        return bad(expected, QCoreApplication::translate("ServerStore",
                                                         "Audit events from %1 on are missing: %2 events "
                                                         "were written, the log ends with event %3.")
                                 .arg(expected)
                                 .arg(written)
                                 .arg(expected - 1));
    }
    // What the database alone can't show: an end cut off (counter and all), or a last event replaced
    // with its hash recomputed. Only the key's holder can move the checkpoint.
    if (!m_auditKey.isEmpty()) {
        const qint64 last = expected - 1;
        if (!checkpoint) {
            if (last > 0)
                return bad(last, QCoreApplication::translate(
                                     "ServerStore", "The keyed checkpoint of the audit log is missing: "
                                                    "it was removed from the database."));
        } else if (checkpoint->mac != checkpointMac(checkpoint->sequence, checkpoint->hash)) {
            return bad(checkpoint->sequence,
                       QCoreApplication::translate(
                           "ServerStore", "The keyed checkpoint of the audit log was not made with this "
                                          "server's key: it was forged, or the key file was replaced."));
        } else if (checkpoint->sequence > last) {
            return bad(last + 1, QCoreApplication::translate(
                                     "ServerStore", "Audit events %1 to %2 were removed from the end of "
                                                    "the log (the keyed checkpoint names event %2).")
                                     .arg(last + 1)
                                     .arg(checkpoint->sequence));
        } else if (hashAtCheckpoint != checkpoint->hash) {
            return bad(checkpoint->sequence,
                       QCoreApplication::translate(
                           "ServerStore", "Audit event %1 is not the event the keyed checkpoint recorded: "
                                          "it was replaced and its hash recomputed.")
                           .arg(checkpoint->sequence));
        } else if (checkpoint->sequence < last) {
            return bad(checkpoint->sequence + 1,
                       QCoreApplication::translate("ServerStore",
                                                   "Audit events after %1 were added without the audit key.")
                           .arg(checkpoint->sequence));
        }
        v.checkpointVerified = checkpoint.has_value();
    }
    return v;
}

} // namespace baosong::server
