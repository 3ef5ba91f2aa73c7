// The server store's municipal-portal outbox (Art. 14, issue #17 point 6; server/PortalSender works
// it): the items whose municipal-portal route ended, written in the transaction of that approval.
#include "ServerStoreInternal.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

QString whatQueue()
{
    return QCoreApplication::translate("ServerStore", "Reading the municipal portal's outbox");
}

QString whatUpdate()
{
    return QCoreApplication::translate("ServerStore", "Updating the municipal portal's outbox");
}

} // namespace

bool ServerStore::enqueuePortal(const QString &itemId, int cycle, int revision)
{
    clearError();
    return write([&] {
        Query q(*this);
        if (!run(q,
                 u"INSERT INTO portal_queue (item_id, cycle, revision, phase, upstream_id, uploads, "
                 u"queued_at) "
                 u"VALUES (?, ?, ?, 'send', '', '{}', ?) "
                 u"ON CONFLICT (item_id) DO UPDATE SET cycle = excluded.cycle, revision = excluded.revision, "
                 u"phase = 'send', upstream_id = '', uploads = '{}', queued_at = excluded.queued_at, "
                 u"attempts = 0, next_attempt_at = NULL, last_error = ''"_s,
                 {itemId, cycle, revision, isoUtc(QDateTime::currentDateTimeUtc())}))
            return failed(whatUpdate(), q.lastError());
        return true;
    });
}

QList<PortalJob> ServerStore::duePortalJobs(int limit, const QDateTime &now)
{
    clearError();
    QList<PortalJob> out;
    Query q(*this);
    if (!run(q,
             u"SELECT item_id, cycle, revision, phase, upstream_id, uploads, attempts FROM portal_queue "
             u"WHERE next_attempt_at IS NULL OR next_attempt_at <= ? ORDER BY queued_at, item_id LIMIT ?"_s,
             {isoUtc(now), limit})) {
        failed(whatQueue(), q.lastError());
        return out;
    }
    while (q.next()) {
        PortalJob job;
        job.itemId = q.value(0).toString();
        job.cycle = q.value(1).toInt();
        job.revision = q.value(2).toInt();
        job.phase = q.value(3).toString();
        job.upstreamId = q.value(4).toString();
        job.uploads = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        job.attempts = q.value(6).toInt();
        out.append(job);
    }
    return out;
}

bool ServerStore::updatePortalJob(const PortalJob &job, const QDateTime &nextAttempt, const QString &error)
{
    clearError();
    return write([&] {
        Query q(*this);
        if (!run(q,
                 u"UPDATE portal_queue SET phase = ?, upstream_id = ?, uploads = ?, attempts = ?, "
                 u"next_attempt_at = ?, last_error = ? WHERE item_id = ? AND cycle = ?"_s,
                 {job.phase, text(job.upstreamId),
                  QString::fromUtf8(QJsonDocument(job.uploads).toJson(QJsonDocument::Compact)), job.attempts,
                  nextAttempt.isValid() ? QVariant(isoUtc(nextAttempt)) : nullText(), text(error), job.itemId,
                  job.cycle}))
            return failed(whatUpdate(), q.lastError());
        return true;
    });
}

bool ServerStore::removePortalJob(const QString &itemId, int cycle)
{
    clearError();
    return write([&] {
        Query q(*this);
        if (!run(q, u"DELETE FROM portal_queue WHERE item_id = ? AND cycle = ?"_s, {itemId, cycle}))
            return failed(whatUpdate(), q.lastError());
        return true;
    });
}

bool ServerStore::recordMunicipal(const PortalJob &job, const MunicipalRecord &record,
                                  const QJsonObject &details, const QDateTime &nextPoll)
{
    clearError();
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    std::optional<Item> item = this->item(job.itemId);
    if (!item || item->municipal.cycle != job.cycle) {
        // Deleted, or a later cycle was queued meanwhile: this job's answer no longer belongs to it.
        // The job is dropped.
        return removePortalJob(job.itemId, job.cycle) && tx.commit();
    }
    Query q(*this);
    if (!run(q, u"SELECT stage_role FROM items WHERE id = ?"_s, {job.itemId}) || !q.next())
        return failed(whatUpdate(), q.lastError());
    const QString stageRole = q.value(0).toString();
    q.finish();
    const bool changed = item->municipal != record;
    if (changed) {
        item->municipal = record;
        if (!saveItem(*item, stageRole))
            return false;
        AuditEvent e;
        e.at = record.at.isValid() ? record.at : QDateTime::currentDateTimeUtc();
        e.actorId = u"municipal_platform"_s;
        e.subjectId = job.itemId;
        e.type = u"municipal."_s + toString(record.status);
        e.details = details;
        if (!appendAudit(e))
            return false;
    }
    if (nextPoll.isValid()) {
        PortalJob next = job;
        next.phase = u"poll"_s;
        next.upstreamId = record.upstreamItemId;
        next.uploads = {};
        next.attempts = 0;
        if (!updatePortalJob(next, nextPoll, {}))
            return false;
    } else if (!removePortalJob(job.itemId, job.cycle)) {
        return false;
    }
    return tx.commit();
}

PortalQueueStatus ServerStore::portalQueueStatus()
{
    clearError();
    PortalQueueStatus status;
    Query q(*this);
    if (!run(q, u"SELECT sum(CASE WHEN phase = 'send' THEN 1 ELSE 0 END), "
                u"sum(CASE WHEN phase = 'poll' THEN 1 ELSE 0 END), min(queued_at), "
                u"sum(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), min(next_attempt_at) FROM portal_queue"_s) ||
        !q.next()) {
        failed(whatQueue(), q.lastError());
        return status;
    }
    status.queued = q.value(0).toInt();
    status.waiting = q.value(1).toInt();
    status.oldest = parseTime(q.value(2));
    status.failing = q.value(3).toInt();
    status.nextAttempt = parseTime(q.value(4));
    q.finish();
    if (status.failing > 0 &&
        run(q, u"SELECT last_error FROM portal_queue WHERE attempts > 0 ORDER BY attempts DESC LIMIT 1"_s) &&
        q.next())
        status.lastError = q.value(0).toString();
    return status;
}

} // namespace baosong::server
