#include "Domain.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

#include <array>
#include <utility>

namespace baosong {

bool Person::hasRole(Role role) const
{
    for (const RoleGrant &g : grants) {
        if (g.role == role)
            return true;
    }
    return false;
}

bool Person::holds(Role role, const QString &unitId) const
{
    if (disabled)
        return false;
    for (const RoleGrant &g : grants) {
        if (g.role == role && g.covers(unitId))
            return true;
    }
    return false;
}

int Item::versionOrdinal(int number) const
{
    int before = 0;
    for (const Revision &r : revisions) {
        if (r.number < number)
            ++before;
    }
    return before + 1;
}

int Item::recordEdit(const QString &personId, const RevisionContent &content, const QDateTime &at)
{
    const int number = latestNumber() + 1;
    if (!revisions.isEmpty() && !revisions.constLast().sent && revisions.constLast().authorId == personId) {
        Revision &working = revisions.last();
        working.number = number;
        working.createdAt = at;
        working.content = content;
        return number;
    }
    Revision r;
    r.number = number;
    r.authorId = personId;
    r.createdAt = at;
    r.content = content;
    r.sent = false;
    revisions.append(r);
    return number;
}

const Revision *Item::revision(int number) const
{
    for (const Revision &r : revisions) {
        if (r.number == number)
            return &r;
    }
    return nullptr;
}

QString disclosureIndexNumber(const QString &unitCode, int year, int serial)
{
    return QStringLiteral("%1/%2-%3").arg(unitCode).arg(year).arg(serial, 5, 10, QLatin1Char('0'));
}

QByteArray AuditEvent::canonical() const
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), QString::number(sequence));
    o.insert(QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("actor"), actorId);
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("subject"), subjectId);
    o.insert(QStringLiteral("details"), details);
    o.insert(QStringLiteral("prev"), QString::fromLatin1(previousHash));
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray AuditEvent::computeHash() const
{
    return QCryptographicHash::hash(canonical(), QCryptographicHash::Sha256).toHex();
}

namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char16_t *>, N> &table, E v)
{
    for (const auto &[e, s] : table) {
        if (e == v)
            return QString::fromUtf16(s);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t *>, N> &table, const QString &s)
{
    for (const auto &[e, name] : table) {
        if (s == QStringView(name))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<UnitType, const char16_t *>, 5> kUnitTypes{{
    {UnitType::Office, u"office"},
    {UnitType::Section, u"section"},
    {UnitType::DistrictBureau, u"district_bureau"},
    {UnitType::AffiliatedUnit, u"affiliated_unit"},
    {UnitType::InformationCentre, u"information_centre"},
}};

constexpr std::array<std::pair<Role, const char16_t *>, 7> kRoles{{
    {Role::Correspondent, u"correspondent"},
    {Role::UnitHead, u"unit_head"},
    {Role::LeaderInCharge, u"leader_in_charge"},
    {Role::OfficeDirector, u"office_director"},
    {Role::SiteAdministrator, u"site_administrator"},
    {Role::Auditor, u"auditor"},
    {Role::Administrator, u"administrator"},
}};

constexpr std::array<std::pair<ColumnType, const char16_t *>, 5> kColumnTypes{{
    {ColumnType::Dynamic, u"dynamic"},
    {ColumnType::Notice, u"notice"},
    {ColumnType::Policy, u"policy"},
    {ColumnType::Static, u"static"},
    {ColumnType::Interpretation, u"interpretation"},
}};

constexpr std::array<std::pair<ItemKind, const char16_t *>, 4> kKinds{{
    {ItemKind::Disclosure, u"disclosure"},
    {ItemKind::CollectiveDecision, u"collective_decision"},
    {ItemKind::News, u"news"},
    {ItemKind::Repost, u"repost"},
}};

constexpr std::array<std::pair<Proposal, const char16_t *>, 3> kProposals{{
    {Proposal::New, u"new"},
    {Proposal::Change, u"change"},
    {Proposal::Retraction, u"retraction"},
}};

constexpr std::array<std::pair<WorkflowState, const char16_t *>, 6> kStates{{
    {WorkflowState::Draft, u"draft"},
    {WorkflowState::InReview, u"in_review"},
    {WorkflowState::Returned, u"returned"},
    {WorkflowState::Published, u"published"},
    {WorkflowState::Retracted, u"retracted"},
    {WorkflowState::SentToMunicipal, u"sent_to_municipal"},
}};

constexpr std::array<std::pair<DecisionType, const char16_t *>, 2> kDecisions{{
    {DecisionType::Approve, u"approve"},
    {DecisionType::Return, u"return"},
}};

constexpr std::array<std::pair<Validity, const char16_t *>, 3> kValidities{{
    {Validity::InForce, u"in_force"},
    {Validity::Amended, u"amended"},
    {Validity::Repealed, u"repealed"},
}};

constexpr std::array<std::pair<MunicipalStatus, const char16_t *>, 6> kMunicipalStates{{
    {MunicipalStatus::None, u"none"},
    {MunicipalStatus::Queued, u"queued"},
    {MunicipalStatus::Sent, u"sent"},
    {MunicipalStatus::Adopted, u"adopted"},
    {MunicipalStatus::Returned, u"returned"},
    {MunicipalStatus::Refused, u"refused"},
}};

} // namespace

namespace keys {
QString toString(UnitType v)
{
    return nameOf(kUnitTypes, v);
}
QString toString(Role v)
{
    return nameOf(kRoles, v);
}
QString toString(ColumnType v)
{
    return nameOf(kColumnTypes, v);
}
QString toString(ItemKind v)
{
    return nameOf(kKinds, v);
}
QString toString(Proposal v)
{
    return nameOf(kProposals, v);
}
QString toString(WorkflowState v)
{
    return nameOf(kStates, v);
}
QString toString(DecisionType v)
{
    return nameOf(kDecisions, v);
}
QString toString(MunicipalStatus v)
{
    return nameOf(kMunicipalStates, v);
}

QString toString(Validity v)
{
    return nameOf(kValidities, v);
}

std::optional<UnitType> unitTypeFromString(const QString &s)
{
    return valueOf(kUnitTypes, s);
}
std::optional<Role> roleFromString(const QString &s)
{
    return valueOf(kRoles, s);
}
std::optional<ColumnType> columnTypeFromString(const QString &s)
{
    return valueOf(kColumnTypes, s);
}
std::optional<ItemKind> itemKindFromString(const QString &s)
{
    return valueOf(kKinds, s);
}
std::optional<Proposal> proposalFromString(const QString &s)
{
    return valueOf(kProposals, s);
}
std::optional<WorkflowState> workflowStateFromString(const QString &s)
{
    return valueOf(kStates, s);
}
std::optional<DecisionType> decisionTypeFromString(const QString &s)
{
    return valueOf(kDecisions, s);
}
std::optional<Validity> validityFromString(const QString &s)
{
    return valueOf(kValidities, s);
}
std::optional<MunicipalStatus> municipalStatusFromString(const QString &s)
{
    return valueOf(kMunicipalStates, s);
}
} // namespace keys

QString displayName(Validity v)
{
    switch (v) {
    case Validity::InForce:
        return QCoreApplication::translate("Domain", "In force");
    case Validity::Amended:
        return QCoreApplication::translate("Domain", "Amended");
    case Validity::Repealed:
        return QCoreApplication::translate("Domain", "Repealed");
    }
    return {};
}

QString displayName(ColumnType v)
{
    switch (v) {
    case ColumnType::Dynamic:
        return QCoreApplication::translate("Domain", "News and updates");
    case ColumnType::Notice:
        return QCoreApplication::translate("Domain", "Notices");
    case ColumnType::Policy:
        return QCoreApplication::translate("Domain", "Policy documents");
    case ColumnType::Static:
        return QCoreApplication::translate("Domain", "Standing information");
    case ColumnType::Interpretation:
        return QCoreApplication::translate("Domain", "Policy interpretations");
    }
    return {};
}

QString displayName(MunicipalStatus v)
{
    switch (v) {
    case MunicipalStatus::None:
        return {};
    case MunicipalStatus::Queued:
        return QCoreApplication::translate("Domain", "Waiting to be sent to the municipal platform");
    case MunicipalStatus::Sent:
        return QCoreApplication::translate("Domain", "Sent to the municipal platform, in its review");
    case MunicipalStatus::Adopted:
        return QCoreApplication::translate("Domain", "Adopted by the municipal platform");
    case MunicipalStatus::Returned:
        return QCoreApplication::translate("Domain", "Returned by the municipal platform");
    case MunicipalStatus::Refused:
        return QCoreApplication::translate("Domain", "Refused by the municipal platform");
    }
    return {};
}

QString displayName(UnitType v)
{
    switch (v) {
    case UnitType::Office:
        return QCoreApplication::translate("Domain", "Office");
    case UnitType::Section:
        return QCoreApplication::translate("Domain", "Section");
    case UnitType::DistrictBureau:
        return QCoreApplication::translate("Domain", "District bureau");
    case UnitType::AffiliatedUnit:
        return QCoreApplication::translate("Domain", "Affiliated unit");
    case UnitType::InformationCentre:
        return QCoreApplication::translate("Domain", "Information centre");
    }
    return {};
}

QString displayName(Role v)
{
    switch (v) {
    case Role::Correspondent:
        return QCoreApplication::translate("Domain", "Correspondent");
    case Role::UnitHead:
        return QCoreApplication::translate("Domain", "Unit head");
    case Role::LeaderInCharge:
        return QCoreApplication::translate("Domain", "Leader in charge");
    case Role::OfficeDirector:
        return QCoreApplication::translate("Domain", "Office director");
    case Role::SiteAdministrator:
        return QCoreApplication::translate("Domain", "Site administrator");
    case Role::Auditor:
        return QCoreApplication::translate("Domain", "Auditor");
    case Role::Administrator:
        return QCoreApplication::translate("Domain", "Administrator");
    }
    return {};
}

QString displayName(ItemKind v)
{
    switch (v) {
    case ItemKind::Disclosure:
        return QCoreApplication::translate("Domain", "Disclosure item");
    case ItemKind::CollectiveDecision:
        return QCoreApplication::translate("Domain", "Collectively decided");
    case ItemKind::News:
        return QCoreApplication::translate("Domain", "News");
    case ItemKind::Repost:
        return QCoreApplication::translate("Domain", "Repost");
    }
    return {};
}

QString displayName(WorkflowState v)
{
    switch (v) {
    case WorkflowState::Draft:
        return QCoreApplication::translate("Domain", "Draft");
    case WorkflowState::InReview:
        return QCoreApplication::translate("Domain", "In review");
    case WorkflowState::Returned:
        return QCoreApplication::translate("Domain", "Returned");
    case WorkflowState::Published:
        return QCoreApplication::translate("Domain", "Published");
    case WorkflowState::Retracted:
        return QCoreApplication::translate("Domain", "Retracted");
    case WorkflowState::SentToMunicipal:
        return QCoreApplication::translate("Domain", "Sent to the municipal portal");
    }
    return {};
}

QString displayName(Proposal v)
{
    switch (v) {
    case Proposal::New:
        return QCoreApplication::translate("Domain", "New item");
    case Proposal::Change:
        return QCoreApplication::translate("Domain", "Change");
    case Proposal::Retraction:
        return QCoreApplication::translate("Domain", "Retraction");
    }
    return {};
}

QList<ItemKind> allItemKinds()
{
    QList<ItemKind> out;
    for (const auto &[k, s] : kKinds)
        out.append(k);
    return out;
}

QList<Role> allRoles()
{
    QList<Role> out;
    for (const auto &[r, s] : kRoles)
        out.append(r);
    return out;
}

} // namespace baosong
