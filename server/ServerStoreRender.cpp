// The server store's render queue (issue #16; server/RenderQueue runs it): what the public site must
// render, written in the transaction of the action that published, changed or retracted an item.
#include "ServerStoreInternal.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

QStringList columnList(const QString &stored)
{
    return stored.split(u',', Qt::SkipEmptyParts);
}

} // namespace

bool ServerStore::enqueueRender(const QString &itemId, const QStringList &columnIds)
{
    clearError();
    return write([&] {
        Query q(*this);
        const QString what =
            QCoreApplication::translate("ServerStore", "Queueing the site's pages of %1").arg(itemId);
        // Queued again while waiting: the columns of both changes, the first queueing time.
        QStringList columns = columnIds;
        if (!run(q, u"SELECT columns FROM render_queue WHERE item_id = ?"_s, {itemId}))
            return failed(what, q.lastError());
        if (q.next()) {
            for (const QString &c : columnList(q.value(0).toString())) {
                if (!columns.contains(c))
                    columns.append(c);
            }
        }
        q.finish();
        if (!run(q,
                 u"INSERT INTO render_queue (item_id, columns, ticket, queued_at) VALUES (?, ?, ?, ?) "
                 u"ON CONFLICT (item_id) DO UPDATE SET columns = excluded.columns, ticket = excluded.ticket, "
                 u"attempts = 0, next_attempt_at = NULL, last_error = ''"_s,
                 {itemId, text(columns.join(u',')), QUuid::createUuid().toString(QUuid::WithoutBraces),
                  isoUtc(QDateTime::currentDateTimeUtc())}))
            return failed(what, q.lastError());
        return true;
    });
}

QList<RenderJob> ServerStore::dueRenderJobs(int limit, const QDateTime &now)
{
    clearError();
    QList<RenderJob> out;
    Query q(*this);
    if (!run(q,
             u"SELECT item_id, columns, ticket, attempts FROM render_queue "
             u"WHERE next_attempt_at IS NULL OR next_attempt_at <= ? ORDER BY queued_at, item_id LIMIT ?"_s,
             {isoUtc(now), limit})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the site's render queue"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(RenderJob{q.value(0).toString(), columnList(q.value(1).toString()), q.value(2).toString(),
                             q.value(3).toInt()});
    return out;
}

bool ServerStore::finishRenderJobs(const QList<RenderJob> &jobs)
{
    clearError();
    return write([&] {
        Query q(*this);
        for (const RenderJob &job : jobs) {
            if (!run(q, u"DELETE FROM render_queue WHERE item_id = ? AND ticket = ?"_s,
                     {job.itemId, job.ticket}))
                return failed(QCoreApplication::translate("ServerStore", "Updating the site's render queue"),
                              q.lastError());
        }
        return true;
    });
}

bool ServerStore::retryRenderJobs(const QList<RenderJob> &jobs, const QString &error,
                                  const QDateTime &nextAttempt)
{
    clearError();
    return write([&] {
        Query q(*this);
        for (const RenderJob &job : jobs) {
            if (!run(q,
                     u"UPDATE render_queue SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                     u"WHERE item_id = ? AND ticket = ?"_s,
                     {isoUtc(nextAttempt), text(error), job.itemId, job.ticket}))
                return failed(QCoreApplication::translate("ServerStore", "Updating the site's render queue"),
                              q.lastError());
        }
        return true;
    });
}

RenderQueueStatus ServerStore::renderQueueStatus()
{
    clearError();
    RenderQueueStatus status;
    Query q(*this);
    const QString what = QCoreApplication::translate("ServerStore", "Reading the site's render queue");
    if (!run(q, u"SELECT count(*), min(queued_at), sum(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), "
                u"min(next_attempt_at) FROM render_queue"_s) ||
        !q.next()) {
        failed(what, q.lastError());
        return status;
    }
    status.queued = q.value(0).toInt();
    status.oldest = parseTime(q.value(1));
    status.failing = q.value(2).toInt();
    status.nextAttempt = parseTime(q.value(3));
    q.finish();
    if (status.failing > 0 &&
        run(q, u"SELECT last_error FROM render_queue WHERE attempts > 0 ORDER BY attempts DESC LIMIT 1"_s) &&
        q.next())
        status.lastError = q.value(0).toString();
    return status;
}

} // namespace baosong::server
