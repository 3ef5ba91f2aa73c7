#include "DemoData.h"

#include "Checks.h"
#include "Logging.h"

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

struct Sample
{
    UnitType unitType; // written by a correspondent of a unit of this type
    ItemKind kind;
    const char16_t *title;
    const char16_t *body;
    int ageDays;      // how many days ago the information arose
    int stagesPassed; // -1: draft, 0: submitted, n: n stages approved; >= route length: published
    bool urgent;
    bool returned;
};

const Sample kSamples[] = {
    {UnitType::Office, ItemKind::News, u"市自然资源和规划局召开2026年第四季度网站信息报送工作例会",
     u"<p>11月20日，市自然资源和规划局召开网站信息报送工作例会，各科室联络员、各区(分)局通讯员参加会议。</p>",
     6, 9, false, false},
    {UnitType::Section, ItemKind::Disclosure, u"关于巴中市国土空间总体规划(2021—2035年)批前公示的公告",
     u"<p>根据《中华人民共和国城乡规划法》有关规定，现将规划草案予以公示，公示期30日。</p>", 3, 1, false,
     false},
    {UnitType::Section, ItemKind::Disclosure, u"2026年度耕地保护目标责任考核结果公开",
     u"<p>全市耕地保护目标责任考核结果如下。</p>", 9, 0, false, false},
    {UnitType::AffiliatedUnit, ItemKind::CollectiveDecision,
     u"局长办公会议决定：开展不动产登记便民服务提升行动",
     u"<p>经局长办公会议集体研究，决定在全市开展不动产登记便民服务提升行动。</p>", 2, 0, false, false},
    {UnitType::Section, ItemKind::Repost, u"转载：自然资源部关于做好2026年汛期地质灾害防治工作的通知",
     u"<p>各省、自治区、直辖市自然资源主管部门：为做好汛期地质灾害防治工作，现通知如下。</p>", 1, 0, true,
     false},
    {UnitType::DistrictBureau, ItemKind::News, u"巴州区分局开展土地执法专项检查",
     u"<p>近日，巴州区分局组织开展土地执法专项检查。</p>", 16, 0, false, false},
    {UnitType::DistrictBureau, ItemKind::News, u"恩阳区分局完成农村宅基地确权登记发证工作",
     u"<p>恩阳区分局全面完成农村宅基地确权登记发证。</p>", 4, 0, false, true},
    {UnitType::AffiliatedUnit, ItemKind::Disclosure, u"市不动产登记中心办事指南(2026年修订)",
     u"<p>本指南适用于不动产首次登记、转移登记等事项。</p>", 1, -1, false, false},
};

} // namespace

QList<Item> DemoData::items(const Organization &organization, const RouteEngine &engine, const QDate &today)
{
    // Correspondents whose units have everything a route needs, in file order.
    QList<const Person *> authors;
    for (const Person &p : organization.people) {
        for (const RoleGrant &g : p.grants) {
            if (g.role == Role::Correspondent && !g.unitIds.isEmpty() &&
                !organization.holders(Role::UnitHead, g.unitIds.first()).isEmpty() &&
                !organization.holders(Role::LeaderInCharge, g.unitIds.first()).isEmpty())
                authors.append(&p);
        }
    }
    if (authors.isEmpty())
        return {};

    // The column an item of `kind` from `unitId` goes to: one the rules allow it (core/Checks), of the
    // type that fits best, the unit's own first.
    auto columnFor = [&](ItemKind kind, const QString &unitId) {
        const ColumnType wanted = kind == ItemKind::News || kind == ItemKind::Repost ? ColumnType::Dynamic
                                  : kind == ItemKind::Disclosure                     ? ColumnType::Notice
                                                                                     : ColumnType::Policy;
        const QList<const Column *> allowed =
            Checks::allowedColumns(organization, kind, unitId, false, engine);
        const auto pick = [&](auto &&accept) -> const Column * {
            for (const Column *c : allowed) {
                if (accept(c))
                    return c;
            }
            return nullptr;
        };
        const Column *c = pick(
            [&](const Column *c) { return c->type == wanted && c->responsibleUnitIds.contains(unitId); });
        if (!c)
            c = pick([&](const Column *c) { return c->type == wanted; });
        if (!c)
            c = pick([](const Column *) { return true; });
        return c ? c->id : QString();
    };

    QList<Item> out;
    int n = 0;
    QHash<UnitType, int> usedOfType;
    for (const Sample &s : kSamples) {
        QList<const Person *> candidates;
        for (const Person *p : std::as_const(authors)) {
            const Unit *u = organization.unit(p->unitId);
            if (u && u->type == s.unitType)
                candidates.append(p);
        }
        if (candidates.isEmpty())
            candidates = authors;
        const Person *author = candidates.at(usedOfType[s.unitType]++ % candidates.size());
        const QString unitId = author->unitId;
        Item item;
        item.id = u"demo-%1"_s.arg(n + 1, 3, 10, QLatin1Char('0'));
        item.kind = s.kind;
        item.unitId = unitId;
        const QDateTime at(today.addDays(-s.ageDays), QTime(9, 30), Qt::UTC);

        ActionRequest create;
        create.action = Action::Create;
        RevisionContent content;
        content.title = QString::fromUtf16(s.title);
        content.bodyHtml = QString::fromUtf16(s.body);
        content.infoDate = today.addDays(-s.ageDays);
        content.urgent = s.urgent;
        content.columnId = columnFor(s.kind, unitId);
        if (s.kind == ItemKind::Repost) {
            content.sourceSite = u"自然资源部"_s;
            content.sourceUrl = u"https://www.mnr.gov.cn/"_s;
        }
        if (s.kind == ItemKind::Disclosure) {
            const Column *column = organization.column(content.columnId);
            content.catalogueEntry = column ? column->name : QString();
            content.topic = u"国土资源、能源"_s;
            content.genre = u"公告"_s;
            content.keywords = {u"自然资源"_s, u"规划"_s};
            content.writtenDate = content.infoDate;
        }
        if (s.kind == ItemKind::CollectiveDecision) {
            content.meeting = u"局长办公会"_s;
            content.meetingDate = content.infoDate;
        }
        create.content = content;
        bool ok = bool(engine.apply(*author, item, create, at));
        if (ok && s.stagesPassed >= 0) {
            ActionRequest submit;
            submit.action = Action::Submit;
            ok = bool(engine.apply(*author, item, submit, at));
        }
        const QList<Stage> stages = engine.stages(item);
        QStringList decided; // one person decides one stage
        for (int i = 0; ok && i < std::min<qsizetype>(s.stagesPassed, stages.size()); ++i) {
            const Stage &stage = stages.at(i);
            const Person *reviewer = nullptr;
            for (const Person &p : organization.people) {
                const bool holds =
                    stage.scope == StageScope::Bureau ? p.hasRole(stage.role) : p.holds(stage.role, unitId);
                if (holds && p.id != author->id && !decided.contains(p.id)) {
                    reviewer = &p;
                    break;
                }
            }
            ActionRequest approve;
            approve.action = Action::Approve;
            approve.confidentialityAttested = true;
            ok = reviewer && engine.apply(*reviewer, item, approve, at.addSecs(3600 * (i + 1)));
            if (reviewer)
                decided << reviewer->id;
        }
        if (ok && s.returned) {
            const Stage &stage = stages.first();
            for (const Person *p : organization.holders(stage.role, unitId)) {
                if (p->id != author->id) {
                    ActionRequest ret;
                    ret.action = Action::Return;
                    ret.reason = tr("Please add the date and place of the event.");
                    ok = bool(engine.apply(*p, item, ret, at.addSecs(3600)));
                    break;
                }
            }
        }
        if (ok)
            out.append(item);
        else
            qCWarning(lcCore) << "demo item" << item.id << "could not be made with this organization";
        ++n;
    }
    return out;
}

} // namespace baosong
