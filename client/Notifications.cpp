#include "Notifications.h"

using namespace Qt::StringLiterals;

namespace baosong {

QList<Notification> Notifications::plan(const QList<ItemSummary> &arrived, const QList<ItemSummary> &mine,
                                        const QHash<QString, WorkflowState> &before,
                                        const QList<ItemSummary> &ahead)
{
    QList<Notification> out;
    // An urgent item: a notification of its own.
    const auto urgent = [&out](const ItemSummary &s, const QString &title) {
        Notification n;
        n.kind = Notification::Kind::Queue;
        n.urgent = true;
        n.itemIds = {s.id};
        n.title = title;
        n.text = s.title;
        out.append(n);
    };
    for (const ItemSummary &s : ahead)
        urgent(s, tr("Urgent item on its way to you (Art. 9)"));
    QList<ItemSummary> grouped;
    for (const ItemSummary &s : arrived) {
        if (s.urgent)
            urgent(s, tr("Urgent item waits for you"));
        else
            grouped.append(s);
    }
    if (!grouped.isEmpty()) {
        Notification n;
        n.kind = Notification::Kind::Queue;
        for (const ItemSummary &s : grouped)
            n.itemIds.append(s.id);
        n.title = tr("%n new item(s) wait for you", nullptr, int(grouped.size()));
        n.text = grouped.size() == 1
                     ? grouped.first().title
                     : tr("%1 and %n more", nullptr, int(grouped.size()) - 1).arg(grouped.first().title);
        out.append(n);
    }

    QList<ItemSummary> published;
    for (const ItemSummary &s : mine) {
        const auto was = before.constFind(s.id);
        if (was != before.cend() && *was == s.state)
            continue;
        if (s.state == WorkflowState::Returned) {
            // Each returned item needs the author's work: one notification each.
            Notification n;
            n.kind = Notification::Kind::Returned;
            n.urgent = s.urgent;
            n.itemIds = {s.id};
            n.title = tr("Returned to you for revision");
            n.text = s.title;
            out.append(n);
        } else if (s.state == WorkflowState::Published && was != before.cend()) {
            published.append(s);
        }
    }
    if (!published.isEmpty()) {
        Notification n;
        n.kind = Notification::Kind::Published;
        for (const ItemSummary &s : published)
            n.itemIds.append(s.id);
        n.title = tr("%n item(s) of yours published", nullptr, int(published.size()));
        n.text = published.size() == 1
                     ? published.first().title
                     : tr("%1 and %n more", nullptr, int(published.size()) - 1).arg(published.first().title);
        out.append(n);
    }
    return out;
}

std::optional<Notification> Notifications::columnReminder(const SiteHealth &health, const QString &unitId,
                                                          const QSet<QString> &already)
{
    QStringList stale;
    QStringList dueSoon;
    Notification n;
    n.kind = Notification::Kind::Column;
    for (const ColumnHealth &c : health.columns) {
        if (!c.responsibleUnitIds.contains(unitId) || already.contains(c.columnId))
            continue;
        if (c.state == ColumnHealthState::Stale)
            stale << c.name;
        else if (c.state == ColumnHealthState::DueSoon)
            dueSoon << tr("%1 (%n day(s) left)", nullptr, c.daysLeft).arg(c.name);
        else
            continue;
        n.columnIds << c.columnId;
    }
    if (n.columnIds.isEmpty())
        return std::nullopt;
    n.urgent = !stale.isEmpty();
    n.title = stale.isEmpty()
                  ? tr("%n column(s) of your unit need an update soon", nullptr, int(dueSoon.size()))
                  : tr("%n column(s) of your unit are not updated in time", nullptr, int(stale.size()));
    QStringList lines;
    if (!stale.isEmpty())
        lines << tr("Not updated in time: %1").arg(stale.join(tr(", ")));
    if (!dueSoon.isEmpty())
        lines << tr("Due soon: %1").arg(dueSoon.join(tr(", ")));
    n.text = lines.join(u'\n');
    return n;
}

Notification Notifications::restored(const QStringList &resent, const QStringList &attention)
{
    Notification n;
    n.kind = Notification::Kind::Restored;
    n.urgent = true;
    n.itemIds = attention;
    for (const QString &id : resent) {
        if (!n.itemIds.contains(id))
            n.itemIds.append(id);
    }
    n.title = tr("The server was restored from a backup");
    n.text =
        attention.isEmpty()
            ? tr("%n item(s) of yours it no longer had were sent to it again.", nullptr, int(resent.size()))
            : tr("%n item(s) of yours were sent to it again; %1 need your step again (submit "
                 "again or check).",
                 nullptr, int(resent.size()))
                  .arg(attention.size());
    return n;
}

} // namespace baosong
