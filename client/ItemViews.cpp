#include "ItemViews.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace baosong {

QList<ItemView> ItemViews::all()
{
    return {ItemView::MyDrafts, ItemView::WaitingForMe, ItemView::Sent, ItemView::Published};
}

QString ItemViews::key(ItemView view)
{
    switch (view) {
    case ItemView::MyDrafts:
        return u"my_drafts"_s;
    case ItemView::WaitingForMe:
        return u"waiting_for_me"_s;
    case ItemView::Sent:
        return u"sent"_s;
    case ItemView::Published:
        return u"published"_s;
    }
    return {};
}

std::optional<ItemView> ItemViews::fromKey(const QString &key)
{
    for (ItemView v : all()) {
        if (ItemViews::key(v) == key)
            return v;
    }
    return std::nullopt;
}

QString ItemViews::displayName(ItemView view)
{
    switch (view) {
    case ItemView::MyDrafts:
        return tr("My drafts");
    case ItemView::WaitingForMe:
        return tr("Waiting for me");
    case ItemView::Sent:
        return tr("Sent (in review)");
    case ItemView::Published:
        return tr("Published");
    }
    return {};
}

QString ItemViews::description(ItemView view)
{
    switch (view) {
    case ItemView::MyDrafts:
        return tr("Your drafts, and your items returned to you for revision.");
    case ItemView::WaitingForMe:
        return tr("Items in review at a stage you decide.");
    case ItemView::Sent:
        return tr("Your items on their way through review.");
    case ItemView::Published:
        return tr("Items on the public site.");
    }
    return {};
}

ItemFilter ItemViews::filterFor(ItemView view, const Person &person, const RouteEngine &routes,
                                const Organization *organization)
{
    ItemFilter f;
    switch (view) {
    case ItemView::MyDrafts:
        f.states = {WorkflowState::Draft, WorkflowState::Returned};
        f.authorId = person.id;
        break;
    case ItemView::Sent:
        f.states = {WorkflowState::InReview, WorkflowState::SentToMunicipal};
        f.authorId = person.id;
        break;
    case ItemView::Published:
        f.states = {WorkflowState::Published};
        break;
    case ItemView::WaitingForMe: {
        f.states = {WorkflowState::InReview};
        f.excludeAuthorId = person.id;
        QList<ItemFilter::StageClause> clauses;
        for (ItemKind kind :
             {ItemKind::Disclosure, ItemKind::CollectiveDecision, ItemKind::News, ItemKind::Repost}) {
            QSet<QString> seen;
            for (const Stage &stage : routes.stages(kind, true)) {
                if (seen.contains(stage.id) || !person.hasRole(stage.role))
                    continue;
                seen.insert(stage.id);
                ItemFilter::StageClause c;
                c.kind = kind;
                c.stageId = stage.id;
                if (stage.scope == StageScope::Bureau) {
                    c.anyUnit = true;
                } else {
                    for (const RoleGrant &g : person.grants) {
                        if (g.role != stage.role)
                            continue;
                        c.anyUnit = c.anyUnit || g.bureauWide;
                        c.unitIds += g.unitIds;
                    }
                    if (c.unitIds.isEmpty() && !c.anyUnit)
                        continue;
                }
                clauses.append(c);
            }
            // And, with the people known, the stages that escalate to them (a sole unit head's own item
            // goes to the unit's leader in charge).
            if (!organization)
                continue;
            // One clause per stage and author, with its units (a short query for a bureau-wide role).
            QHash<QPair<QString, QString>, qsizetype> clauseOf;
            for (const RouteEngine::EscalatedStage &e : routes.escalatedTo(person, kind, *organization)) {
                const QPair<QString, QString> key(e.stageId, e.authorId);
                if (const auto it = clauseOf.constFind(key); it != clauseOf.cend()) {
                    clauses[*it].unitIds.append(e.unitId);
                    continue;
                }
                ItemFilter::StageClause c;
                c.kind = kind;
                c.stageId = e.stageId;
                c.unitIds = {e.unitId};
                c.authorId = e.authorId;
                clauseOf.insert(key, clauses.size());
                clauses.append(c);
            }
        }
        f.stages = clauses;
        break;
    }
    }
    return f;
}

} // namespace baosong
