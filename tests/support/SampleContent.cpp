#include "SampleContent.h"

#include "Checks.h"
#include "Organization.h"
#include "RouteEngine.h"

using namespace Qt::StringLiterals;

namespace baosong::test {

QString allowedColumn(ItemKind kind, const QString &unitId, bool toMunicipalPortal)
{
    static const Organization org = Organization::demo();
    const QList<const Column *> columns =
        Checks::allowedColumns(org, kind, unitId, toMunicipalPortal, RouteEngine::builtin());
    // The unit's own column first (no warning about another unit's column), and not an interpretation
    // column, which is for the interpretations that major policy documents link.
    for (const Column *c : columns) {
        if (c->responsibleUnitIds.contains(unitId) && c->type != ColumnType::Interpretation)
            return c->id;
    }
    return columns.isEmpty() ? QString() : columns.first()->id;
}

RevisionContent submittableContent(ItemKind kind, const QString &unitId, const QString &title,
                                   bool toMunicipalPortal)
{
    RevisionContent c;
    c.title = title;
    c.bodyHtml = u"<p>关于国土空间规划的正文。</p>"_s;
    c.infoDate = chinaToday().addDays(-1);
    c.toMunicipalPortal = toMunicipalPortal;
    c.columnId = allowedColumn(kind, unitId, toMunicipalPortal);
    switch (kind) {
    case ItemKind::Repost:
        c.sourceSite = u"自然资源部"_s;
        c.sourceUrl = u"https://www.mnr.gov.cn/gk/"_s;
        break;
    case ItemKind::CollectiveDecision:
        c.meeting = u"局长办公会"_s;
        c.meetingDate = c.infoDate;
        break;
    case ItemKind::Disclosure:
        c.catalogueEntry = u"通知公告"_s;
        c.topic = u"国土资源、能源"_s;
        c.genre = u"通知"_s;
        c.keywords = {u"国土空间规划"_s, u"公示"_s};
        c.writtenDate = c.infoDate;
        break;
    case ItemKind::News:
        break;
    }
    return c;
}

const Person *decider(const Organization &org, const Stage &stage, const Item &item)
{
    QStringList decided;
    for (const Decision &d : item.decisions) {
        if (d.cycle == item.cycle)
            decided << d.personId;
    }
    for (const Person &p : org.people) {
        const bool holds =
            stage.scope == StageScope::Bureau ? p.hasRole(stage.role) : p.holds(stage.role, item.unitId);
        if (holds && p.id != item.authorId && !p.disabled && !decided.contains(p.id))
            return &p;
    }
    return nullptr;
}

} // namespace baosong::test
