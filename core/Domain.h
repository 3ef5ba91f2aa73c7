#pragma once

// The domain of Baosong (docs/design.md §1–§2): units, people and their scoped roles, columns, items with
// their revisions, attachments, comments and decisions, and audit events. Plain value types: no
// Widgets, no I/O. The rules that act on them live in RouteEngine (routes), Deadline (Art. 15) and
// the stores.

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace baosong {

// ---- units -------------------------------------------------------------------------------------

enum class UnitType
{
    Office,            // 局办公室
    Section,           // 机关科室
    DistrictBureau,    // 区(分)局
    AffiliatedUnit,    // 直属单位
    InformationCentre, // 信息中心
};

struct Unit
{
    QString id;   // stable key, e.g. "office", "planning"
    QString name; // full name (Art. 13 metadata: no abbreviation)
    UnitType type = UnitType::Section;
    QString code; // code used in disclosure index numbers (<unit code>/<year>-<serial>)
    bool operator==(const Unit &) const = default;
};

// ---- people and roles --------------------------------------------------------------------------

enum class Role
{
    Correspondent,     // 联络员/通讯员
    UnitHead,          // 科室/单位负责人
    LeaderInCharge,    // 分管领导
    OfficeDirector,    // 办公室主任
    SiteAdministrator, // 网站管理人员
    Auditor,           // 信息中心 (reads audit, approves nothing)
    Administrator,     // 信息中心 (users, units, roles, columns; approves nothing)
};

// A role held by a person, scoped to units. For a correspondent or unit head the units are their own;
// for a leader in charge, the units they oversee. Bureau-wide roles (office director, site
// administrator, auditor, administrator) are granted with `bureauWide` set.
struct RoleGrant
{
    Role role = Role::Correspondent;
    QStringList unitIds;
    bool bureauWide = false;

    bool covers(const QString &unitId) const { return bureauWide || unitIds.contains(unitId); }
    bool operator==(const RoleGrant &) const = default;
};

struct Person
{
    QString id;     // stable key, also the login name
    QString name;   // display name (Chinese)
    QString title;  // job title, shown on the approval slip
    QString unitId; // the unit the person belongs to
    QList<RoleGrant> grants;
    bool disabled = false;

    bool hasRole(Role role) const;
    // True when the person holds `role` with a scope that covers `unitId`.
    bool holds(Role role, const QString &unitId) const;
    bool operator==(const Person &) const = default;
};

// ---- columns -----------------------------------------------------------------------------------

enum class ColumnType
{
    Dynamic,        // 动态类: expected update within 2 weeks by default
    Notice,         // 通知公告
    Policy,         // 政策文件
    Static,         // 机构概况 etc.: no expected interval
    Interpretation, // 政策解读: the items a major policy document links to (Art. 10)
};

struct Column
{
    QString id;
    QString parentId; // empty for a top-level column
    QString name;
    QString description;
    QStringList keywords;
    ColumnType type = ColumnType::Dynamic;
    QStringList responsibleUnitIds;
    int updateIntervalDays = 0; // 0: no expected interval
    int sortOrder = 0;
    // Retired (撤销) by the office: no new items, out of the site's navigation, home page and site
    // map; its pages and items stay where they are (links keep working) and say it is no longer updated.
    bool retired = false;
    // Listed in the site's navigation, home page and site map even while nothing is published in it
    // (an empty column fails an inspection, so by default it stays out until it has content).
    bool listedWhenEmpty = false;
    bool operator==(const Column &) const = default;
};

// ---- items -------------------------------------------------------------------------------------

enum class ItemKind
{
    Disclosure,         // 主动公开目录内信息 (Art. 13.1)
    CollectiveDecision, // 集体决策 (Art. 13.2)
    News,               // 新闻动态 (Art. 13.3)
    Repost,             // 转载上级网站 (Art. 13.4)
};

// What the in-flight revision proposes: a new item, a change to the published one, or its retraction
// (Art. 13: "包括信息的修改").
enum class Proposal
{
    New,
    Change,
    Retraction,
};

// Where the item's workflow stands. The published (live) revision is tracked separately
// (Item::liveRevision) so that a change in review never takes the live version down.
enum class WorkflowState
{
    Draft,           // being written (or a change being written); not yet submitted
    InReview,        // submitted, at Item::stageId
    Returned,        // returned to the author with a reason
    Published,       // nothing in flight; liveRevision is on the site
    Retracted,       // retraction approved; nothing live
    SentToMunicipal, // municipal-portal route finished without publication on the bureau site
};

// 有效性 of a disclosure document (政府信息公开目录, docs/design.md §13): in force, amended (修订) or
// repealed (废止) — the last two with the date, a repealed one with the document that replaces it.
enum class Validity
{
    InForce,
    Amended,
    Repealed,
};

struct Attachment
{
    QString id;
    QString fileName; // the user's name: metadata only, never a path
    QString mimeType;
    qint64 size = 0;
    QByteArray sha256; // raw 32 bytes
    bool operator==(const Attachment &) const = default;
};

// Fields that change with a revision.
struct RevisionContent
{
    QString title;
    QString bodyHtml;
    QString columnId;
    QDate infoDate;      // 信息产生日期 (Art. 15)
    bool urgent = false; // Art. 9
    // kind-specific
    QString sourceSite;             // repost
    QString sourceUrl;              // repost
    QString meeting;                // collectively decided: 局长办公会/专题会
    QDate meetingDate;              // collectively decided
    QString catalogueEntry;         // disclosure catalogue entry
    QString documentNumber;         // 文号
    bool majorPolicy = false;       // 重要政策性文件 (Art. 10)
    QString interpretationItemId;   // its 解读 item
    bool toMunicipalPortal = false; // Art. 14
    // Disclosure metadata (政府信息公开目录, docs/design.md §13; checked per kind by core/Checks)
    QString topic;                         // 主题分类: a class of core/Disclosure's scheme
    QString genre;                         // 体裁 (公文种类): one of core/Disclosure's genres
    QStringList keywords;                  // 主题词, also the page's Keywords meta tag
    QDate writtenDate;                     // 成文日期
    Validity validity = Validity::InForce; // 有效性
    QDate validityDate;                    // amended or repealed on
    QString replacedByItemId;              // repealed: the document that replaces it (an item id)
    // Art. 9: also released through another channel (TV, press…) on that date; the deadline counts
    // from it (deadlineFrom()).
    QString otherChannel;
    QDate otherChannelDate;
    QList<Attachment> attachments;

    // The day Art. 15's deadline counts from: the other channel's release date when there is one
    // (Art. 9: published there, it is due here at once), else the information date.
    QDate deadlineFrom() const
    {
        return !otherChannel.trimmed().isEmpty() && otherChannelDate.isValid() ? otherChannelDate : infoDate;
    }
    bool operator==(const RevisionContent &) const = default;
};

struct Revision
{
    // Grows with every save (a stale step is refused by it); not shown: users see versionOrdinal().
    int number = 0;
    QString authorId;
    QDateTime createdAt;
    RevisionContent content;
    // Sent round: submitted, proposed as a change, or a reviewer's edit. A version not yet sent is
    // its author's working copy, which their saves replace (Item::recordEdit). Absent in stored data
    // written before this field: sent (such versions are kept, as they always were).
    bool sent = true;
    bool operator==(const Revision &) const = default;
};

enum class DecisionType
{
    Approve,
    Return,
};

struct Decision
{
    QString stageId;
    QString personId;
    DecisionType type = DecisionType::Approve;
    int revision = 0;
    QString reason;                       // mandatory for a return
    bool confidentialityAttested = false; // 保密审查, last stage
    QString overrideReason; // a blocking finding overridden with this recorded reason (e.g. Art. 10)
    int cycle = 0;          // the submission cycle (Item::cycle) the decision belongs to
    QDateTime at;
    bool operator==(const Decision &) const = default;
};

struct Comment
{
    QString personId;
    int revision = 0;
    QString text;
    QDateTime at;
    bool operator==(const Comment &) const = default;
};

// Where an item sent to the municipal platform stands there (Art. 14; issue #17 point 6): set by the
// bureau server's portal outbox (server/PortalSender), never by a client.
enum class MunicipalStatus
{
    None,     // not sent (not a municipal-portal item, or its route not finished)
    Queued,   // the route finished: waiting in the bureau server's portal outbox
    Sent,     // submitted on the municipal platform, its review under way
    Adopted,  // 采用: published by the municipal platform
    Returned, // 退回: returned by the municipal platform, with its reason
    Refused,  // 拒收: refused for good by the platform (too large, fails its checks…), with its answer;
              // not sent again (issue #19: retrying could only be answered the same way)
};

struct MunicipalRecord
{
    MunicipalStatus status = MunicipalStatus::None;
    int cycle = 0;          // the submission cycle (Item::cycle) that was sent
    int revision = 0;       // the revision sent
    bool bureauSite = true; // the reviewer's choice at the route's end: also on the bureau site
    QString upstreamItemId; // the item's id on the municipal platform
    QString reason;         // the platform's return reason
    QDateTime at;           // of the last change of status
    bool operator==(const MunicipalRecord &) const = default;
};

struct Item
{
    QString id;
    ItemKind kind = ItemKind::News;
    QString unitId;
    // Who drives the current cycle: the correspondent who created the item, or the one who proposed
    // the change or retraction in flight. The creator stays revisions.first().authorId.
    QString authorId;
    WorkflowState state = WorkflowState::Draft;
    Proposal proposal = Proposal::New;
    QString stageId;            // current stage while InReview
    int liveRevision = 0;       // revision on the site (or last on it, once retracted); 0 if none
    int cycle = 0;              // incremented by every submission; decisions carry the cycle they belong to
    QDateTime publishedAt;      // set by the server at first publication, never edited
    QDateTime submittedAt;      // when the current cycle began (submission or proposal); an urgent item's
                                // deadline counts in hours from it (Deadline::urgentDue, Art. 9)
    QDateTime firstSubmittedAt; // its first submission, set once (quarterly statistics: "submitted")
    QString indexNumber;        // disclosure index number, assigned once
    QList<Revision> revisions;
    QList<Decision> decisions; // of the current submission cycle and earlier ones
    QList<Comment> comments;
    MunicipalRecord municipal; // Art. 14: the municipal platform's side (server-set)

    const Revision *latest() const { return revisions.isEmpty() ? nullptr : &revisions.constLast(); }
    int latestNumber() const { return revisions.isEmpty() ? 0 : revisions.constLast().number; }
    // What users call 第N稿 (issue #15): the place of the version among the versions kept, 1 for the
    // first. A number a later save replaced counts as the version that replaced it.
    int versionOrdinal(int number) const;
    // `personId` saves `content` at `at` (an edit, or a create on an empty item): the latest version is
    // replaced in place — under a new number — when it was never sent round and is theirs; otherwise
    // a new, unsent version is added. Autosaves thus never add versions. Returns the new number.
    int recordEdit(const QString &personId, const RevisionContent &content, const QDateTime &at);
    const Revision *revision(int number) const;
    // True while a revision is on the public site: a change or retraction in review keeps it live.
    bool isLive() const
    {
        return liveRevision > 0 && state != WorkflowState::Retracted &&
               state != WorkflowState::SentToMunicipal;
    }
    bool operator==(const Item &) const = default;
};

// The disclosure index number (索引号) of docs/design.md §13: `<unit code>/<year>-<5-digit serial>`, assigned
// once at first publication and never changed.
QString disclosureIndexNumber(const QString &unitCode, int year, int serial);

// ---- the server's limits ---------------------------------------------------------------------

// What the server tells a client of its limits ("limits" in GET /me, docs/api.md), so that the client
// refuses at once what the server would refuse. 0: not known.
struct ServerLimits
{
    qint64 maxUploadBytes = 0; // the largest attachment accepted
    qint64 chunkSize = 0;      // the size of an upload's chunks

    bool operator==(const ServerLimits &) const = default;
};

// ---- audit -------------------------------------------------------------------------------------

struct AuditEvent
{
    qint64 sequence = 0;
    QDateTime at;
    QString actorId;
    QString type;      // "login", "action.approve", "override", "publish", "admin.user", ...
    QString subjectId; // item id, person id, ...
    QJsonObject details;
    QByteArray previousHash; // hash of the event before (hex)
    QByteArray hash;         // SHA-256 over previousHash and this event's canonical form (hex)

    // Canonical bytes the hash covers (everything but `hash`).
    QByteArray canonical() const;
    QByteArray computeHash() const;
};

// ---- string forms (stable identifiers used in files, the wire format and the store) -------------
// They live in baosong::keys (pulled into baosong by a using-directive) so that argument-dependent
// lookup from QTest's QCOMPARE does not pick them up as QTest::toString overloads.
namespace keys {

QString toString(UnitType v);
QString toString(Role v);
QString toString(ColumnType v);
QString toString(ItemKind v);
QString toString(Proposal v);
QString toString(WorkflowState v);
QString toString(DecisionType v);
QString toString(Validity v);
QString toString(MunicipalStatus v);

std::optional<UnitType> unitTypeFromString(const QString &s);
std::optional<Role> roleFromString(const QString &s);
std::optional<ColumnType> columnTypeFromString(const QString &s);
std::optional<ItemKind> itemKindFromString(const QString &s);
std::optional<Proposal> proposalFromString(const QString &s);
std::optional<WorkflowState> workflowStateFromString(const QString &s);
std::optional<DecisionType> decisionTypeFromString(const QString &s);
std::optional<Validity> validityFromString(const QString &s);
std::optional<MunicipalStatus> municipalStatusFromString(const QString &s);
} // namespace keys
using namespace keys;

// Translated names for the UI.
QString displayName(UnitType v);
QString displayName(Role v);
QString displayName(ItemKind v);
QString displayName(WorkflowState v);
QString displayName(Proposal v);
QString displayName(Validity v); // 现行有效, 已修订, 已废止
QString displayName(ColumnType v); // 动态类, 通知公告类, 政策文件类, 机构概况类, 政策解读类
// 待报送, 已报送, 采用, 退回 (the municipal platform's answer, Art. 14); empty for None.
QString displayName(MunicipalStatus v);

QList<ItemKind> allItemKinds();
QList<Role> allRoles();

} // namespace baosong
