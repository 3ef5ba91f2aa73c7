#include "Checks.h"
#include "Disclosure.h"

#include "ContentScan.h"
#include "HtmlSanitizer.h"
#include "HtmlText.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

QString keys::toString(Severity v)
{
    switch (v) {
    case Severity::Blocking:
        return u"blocking"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Info:
        return u"info"_s;
    }
    return {};
}

QString displayName(Severity v)
{
    switch (v) {
    case Severity::Blocking:
        return QCoreApplication::translate("Checks", "Blocks submission");
    case Severity::Warning:
        return QCoreApplication::translate("Checks", "Warning");
    case Severity::Info:
        return QCoreApplication::translate("Checks", "Information");
    }
    return {};
}

const RevisionContent &CheckContext::contentOf(const Item &item)
{
    static const RevisionContent empty;
    const Revision *latest = item.latest();
    return latest ? latest->content : empty;
}

namespace {

Finding finding(const QString &checker, const QString &code, Severity severity, const QString &message,
                QLatin1StringView field = {}, bool overridable = false)
{
    return Finding{checker, code, severity, message, QString(field), overridable};
}

QString isoDate(QDate d)
{
    return d.toString(Qt::ISODate);
}

// ---- deadline (Art. 15) -------------------------------------------------------------------------

class DeadlineChecker final : public Checker
{
public:
    QString id() const override { return Checks::deadlineId(); }

    QList<Finding> check(const CheckContext &c) const override
    {
        QList<Finding> out;
        // A change or retraction of a published item is not a new publication: Art. 15 was judged then.
        if (c.item.proposal != Proposal::New || !c.content.infoDate.isValid())
            return out;
        const QDate today = c.effectiveToday();
        const QDate info = c.content.infoDate;
        if (info > today) {
            out << finding(id(), u"info_date_future"_s, Severity::Blocking,
                           Checks::tr("The information date %1 is in the future. Enter the date the "
                                      "information arose (信息产生日期): dates are facts.")
                               .arg(isoDate(info)),
                           CheckField::InfoDate);
            return out;
        }
        // Art. 9: released through another channel first, it is due from that day.
        const QDate from = c.content.deadlineFrom();
        if (from != info && from <= today)
            out << finding(id(), u"other_channel"_s, Severity::Info,
                           Checks::tr("Released through %1 on %2: the deadline counts from that day (Art. "
                                      "9: what other channels publish is published on the site too).")
                               .arg(c.content.otherChannel.trimmed(), isoDate(from)),
                           CheckField::OtherChannelDate);
        const QDate target = c.deadline.targetDate(from);
        const QDate limit = c.deadline.limitDate(from);
        if (Checks::limitBreached(c.item, c.content, c.deadline, today)) {
            out << finding(id(), u"breached"_s, Severity::Blocking,
                           Checks::tr("The limit for publishing this information passed on %1 (Art. 15: at "
                                      "the latest %n day(s) after it arose). Check the information date, "
                                      "or give a reason to submit it anyway, which is recorded.",
                                      nullptr, c.deadline.policy().limitDays)
                               .arg(isoDate(limit)),
                           CheckField::InfoDate, true);
            return out;
        }
        switch (c.deadline.state(from, today)) {
        case DeadlineState::OnTime:
            out << finding(id(), u"on_time"_s, Severity::Info,
                           Checks::tr("To be published by %1 (Art. 15: within %n day(s)), at the latest %2.",
                                      nullptr, c.deadline.policy().targetDays)
                               .arg(isoDate(target), isoDate(limit)),
                           CheckField::InfoDate);
            break;
        case DeadlineState::DueSoon:
            out << finding(id(), u"due_soon"_s, Severity::Warning,
                           Checks::tr("Due soon: to be published on time this item must be published by %1 "
                                      "(Art. 15). Submit it now.")
                               .arg(isoDate(target)),
                           CheckField::InfoDate);
            break;
        case DeadlineState::Overdue:
            out << finding(id(), u"overdue"_s, Severity::Warning,
                           Checks::tr("Past the target date %1 (Art. 15: within %n day(s)); it must be "
                                      "published by %2 at the latest.",
                                      nullptr, c.deadline.policy().targetDays)
                               .arg(isoDate(target), isoDate(limit)),
                           CheckField::InfoDate);
            break;
        case DeadlineState::Breached: // above
            break;
        }
        return out;
    }
};

// ---- required fields ----------------------------------------------------------------------------

bool isWebUrl(const QString &text)
{
    const QUrl url(HtmlSanitizer::cleanUrl(text), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
}

class RequiredFieldsChecker final : public Checker
{
public:
    QString id() const override { return Checks::requiredFieldsId(); }

    // 政府信息公开目录 (docs/design.md §13): topic, genre and the date written are required; keywords are
    // expected; an amended or repealed document says when, and a repealed one may name its replacement.
    void disclosureMetadata(const CheckContext &c, QList<Finding> &out) const
    {
        const RevisionContent &r = c.content;
        auto blocking = [&](const QString &code, const QString &message, QLatin1StringView field) {
            out << finding(id(), code, Severity::Blocking, message, field);
        };
        auto warning = [&](const QString &code, const QString &message, QLatin1StringView field) {
            out << finding(id(), code, Severity::Warning, message, field);
        };
        if (r.topic.trimmed().isEmpty())
            blocking(u"topic_missing"_s,
                     Checks::tr("Choose the topic (主题分类) of the disclosure catalogue."),
                     CheckField::Topic);
        else if (!disclosure::topics().contains(r.topic.trimmed()))
            warning(u"topic_unknown"_s,
                    Checks::tr("The topic \"%1\" is not a class of the catalogue's scheme; choose one from "
                               "the list.")
                        .arg(r.topic),
                    CheckField::Topic);
        if (r.genre.trimmed().isEmpty())
            blocking(u"genre_missing"_s, Checks::tr("Choose the genre (体裁) of the document."),
                     CheckField::Genre);
        else if (!disclosure::genres().contains(r.genre.trimmed()))
            warning(u"genre_unknown"_s,
                    Checks::tr("The genre \"%1\" is not one of the catalogue's genres; choose one from the "
                               "list.")
                        .arg(r.genre),
                    CheckField::Genre);
        if (r.keywords.isEmpty())
            warning(u"keywords_missing"_s,
                    Checks::tr("Enter the keywords (主题词) of the document; the catalogue and search use "
                               "them."),
                    CheckField::Keywords);
        if (!r.writtenDate.isValid())
            blocking(u"written_date_missing"_s,
                     Checks::tr("Enter the date the document was written (成文日期)."),
                     CheckField::WrittenDate);
        else if (r.writtenDate > c.effectiveToday())
            blocking(u"written_date_future"_s,
                     Checks::tr("The date written %1 is in the future; enter the date on the document.")
                         .arg(isoDate(r.writtenDate)),
                     CheckField::WrittenDate);
        if (r.validity == Validity::InForce) {
            if (!r.replacedByItemId.isEmpty())
                blocking(u"replacement_in_force"_s,
                         Checks::tr("A document in force has no replacement: set it repealed, or remove the "
                                    "replacing document."),
                         CheckField::ReplacedBy);
            return;
        }
        if (!r.validityDate.isValid())
            blocking(u"validity_date_missing"_s,
                     Checks::tr("Enter the date the document was %1.").arg(displayName(r.validity)),
                     CheckField::ValidityDate);
        else if (r.writtenDate.isValid() && r.validityDate < r.writtenDate)
            blocking(u"validity_date_early"_s,
                     Checks::tr("The document cannot be %1 on %2, before it was written (%3).")
                         .arg(displayName(r.validity), isoDate(r.validityDate), isoDate(r.writtenDate)),
                     CheckField::ValidityDate);
        if (r.validity != Validity::Repealed) {
            if (!r.replacedByItemId.isEmpty())
                blocking(u"replacement_not_repealed"_s,
                         Checks::tr("Only a repealed document names the one that replaces it."),
                         CheckField::ReplacedBy);
            return;
        }
        if (r.replacedByItemId.isEmpty())
            return;
        if (r.replacedByItemId == c.item.id) {
            blocking(u"replacement_self"_s, Checks::tr("A document cannot replace itself."),
                     CheckField::ReplacedBy);
        } else if (c.findItem) {
            const std::optional<Item> other = c.findItem(r.replacedByItemId);
            if (!other || !other->latest())
                blocking(u"replacement_unknown"_s,
                         Checks::tr("There is no document %1 that you may see to name as the replacement.")
                             .arg(r.replacedByItemId),
                         CheckField::ReplacedBy);
            else if (other->kind != ItemKind::Disclosure)
                blocking(u"replacement_wrong_kind"_s,
                         Checks::tr("The replacement \"%1\" is not a disclosure document.")
                             .arg(other->latest()->content.title),
                         CheckField::ReplacedBy);
        }
    }

    QList<Finding> check(const CheckContext &c) const override
    {
        QList<Finding> out;
        if (c.item.proposal == Proposal::Retraction)
            return out; // a retraction sends no new content
        const RevisionContent &r = c.content;
        auto missing = [&](const QString &code, const QString &message, QLatin1StringView field) {
            out << finding(id(), code, Severity::Blocking, message, field);
        };

        if (r.title.trimmed().isEmpty())
            missing(u"title_missing"_s, Checks::tr("Enter a title."), CheckField::Title);
        const bool hasImage = r.bodyHtml.contains("<img"_L1, Qt::CaseInsensitive);
        if (HtmlText::plainText(r.bodyHtml).trimmed().isEmpty() && !hasImage && r.attachments.isEmpty())
            missing(u"body_missing"_s, Checks::tr("Write the body of the item, or attach its document."),
                    CheckField::Body);
        if (r.columnId.isEmpty()) {
            missing(u"column_missing"_s, Checks::tr("Choose the column the item is published in."),
                    CheckField::Column);
        } else if (const Column *column = c.organization.column(r.columnId); !column) {
            missing(u"column_unknown"_s,
                    Checks::tr("The column of this item no longer exists; choose another column."),
                    CheckField::Column);
        } else if (column->retired && !Checks::staysInColumn(c.item, r.columnId)) {
            missing(u"column_retired"_s,
                    Checks::tr("The column \"%1\" has been retired by the office and takes no new items; "
                               "choose another column.")
                        .arg(column->name),
                    CheckField::Column);
        } else if (!Checks::columnSuits(c.item.kind, column->type)) {
            missing(u"column_unsuitable"_s,
                    Checks::tr("The column \"%1\" does not take %2 items; choose a column for them.")
                        .arg(column->name, displayName(c.item.kind)),
                    CheckField::Column);
        } else if (!Checks::columnAllowed(*column, c.item.kind, c.item.unitId, r.toMunicipalPortal,
                                          c.routes)) {
            missing(u"column_other_unit"_s,
                    Checks::tr("Another unit is responsible for the column \"%1\" (Art. 7), and this "
                               "item's route does not pass the office: choose one of your unit's columns.")
                        .arg(column->name),
                    CheckField::Column);
        } else if (!column->responsibleUnitIds.isEmpty() &&
                   !column->responsibleUnitIds.contains(c.item.unitId)) {
            out << finding(id(), u"column_other_unit"_s, Severity::Warning,
                           Checks::tr("Your unit is not responsible for the column \"%1\"; make sure the "
                                      "item belongs there (the office decides).")
                               .arg(column->name),
                           CheckField::Column);
        }
        if (!r.infoDate.isValid())
            missing(u"info_date_missing"_s,
                    Checks::tr("Enter the date the information arose (信息产生日期, Art. 15)."),
                    CheckField::InfoDate);
        if (c.routes.stages(c.item.kind, r.toMunicipalPortal).isEmpty())
            missing(u"no_route"_s,
                    Checks::tr("The route definition has no route for %1 items; ask the administrator.")
                        .arg(displayName(c.item.kind)),
                    CheckField::Kind);

        switch (c.item.kind) {
        case ItemKind::Repost:
            if (r.sourceSite.trimmed().isEmpty())
                missing(u"source_site_missing"_s,
                        Checks::tr("Enter the site the reposted item comes from (Art. 13.4)."),
                        CheckField::SourceSite);
            if (r.sourceUrl.trimmed().isEmpty())
                missing(u"source_url_missing"_s, Checks::tr("Enter the address (URL) of the original item."),
                        CheckField::SourceUrl);
            else if (!isWebUrl(r.sourceUrl))
                missing(u"source_url_invalid"_s,
                        Checks::tr("The source address must be a web address starting with http:// or "
                                   "https://."),
                        CheckField::SourceUrl);
            break;
        case ItemKind::CollectiveDecision:
            if (r.meeting.trimmed().isEmpty())
                missing(u"meeting_missing"_s,
                        Checks::tr("Enter the meeting that decided it (局长办公会, 专题会议…; Art. 13.2)."),
                        CheckField::Meeting);
            if (!r.meetingDate.isValid())
                missing(u"meeting_date_missing"_s, Checks::tr("Enter the date of the meeting."),
                        CheckField::MeetingDate);
            else if (r.meetingDate > c.effectiveToday())
                missing(u"meeting_date_future"_s,
                        Checks::tr("The meeting date %1 is in the future; a decision is published after "
                                   "the meeting.")
                            .arg(isoDate(r.meetingDate)),
                        CheckField::MeetingDate);
            break;
        case ItemKind::Disclosure:
            if (r.catalogueEntry.trimmed().isEmpty())
                missing(
                    u"catalogue_entry_missing"_s,
                    Checks::tr("Enter the disclosure catalogue entry (主动公开目录) the item belongs to."),
                    CheckField::CatalogueEntry);
            disclosureMetadata(c, out);
            break;
        case ItemKind::News:
            break;
        }
        if (!r.otherChannel.trimmed().isEmpty() && !r.otherChannelDate.isValid())
            missing(u"other_channel_date_missing"_s,
                    Checks::tr("Enter the date it was released through %1 (Art. 9).")
                        .arg(r.otherChannel.trimmed()),
                    CheckField::OtherChannelDate);
        else if (!r.otherChannel.trimmed().isEmpty() && r.otherChannelDate > c.effectiveToday())
            missing(u"other_channel_date_future"_s,
                    Checks::tr("The release date %1 through %2 is in the future; enter the day it was "
                               "released there.")
                        .arg(isoDate(r.otherChannelDate), r.otherChannel.trimmed()),
                    CheckField::OtherChannelDate);
        else if (r.otherChannel.trimmed().isEmpty() && r.otherChannelDate.isValid())
            missing(u"other_channel_missing"_s,
                    Checks::tr("Name the channel (TV, newspaper…) it was released through on %1, or clear "
                               "the date.")
                        .arg(isoDate(r.otherChannelDate)),
                    CheckField::OtherChannel);
        if (r.urgent)
            out << finding(id(), u"urgent"_s, Severity::Info,
                           Checks::tr("Urgent (Art. 9): it goes ahead of every queue, every reviewer on its "
                                      "route is notified at once, and it is due within %n hour(s) of its "
                                      "submission.",
                                      nullptr, c.deadline.policy().urgentHours));
        return out;
    }
};

// ---- interpretation (Art. 10) -------------------------------------------------------------------

class InterpretationChecker final : public Checker
{
public:
    QString id() const override { return Checks::interpretationId(); }

    QList<Finding> check(const CheckContext &c) const override
    {
        QList<Finding> out;
        const RevisionContent &r = c.content;
        if (c.item.proposal == Proposal::Retraction || !r.majorPolicy)
            return out;
        if (r.interpretationItemId.isEmpty()) {
            out << finding(id(), u"interpretation_missing"_s, Severity::Blocking,
                           Checks::tr("A major policy document is published with its interpretation (Art. "
                                      "10): link the interpretation item, or give a reason to submit without "
                                      "it, which is recorded."),
                           CheckField::Interpretation, true);
        } else if (r.interpretationItemId == c.item.id) {
            out << finding(id(), u"interpretation_self"_s, Severity::Blocking,
                           Checks::tr("A document cannot be its own interpretation; link the interpretation "
                                      "item."),
                           CheckField::Interpretation);
        } else if (c.findItem) {
            const std::optional<Item> linked = c.findItem(r.interpretationItemId);
            const auto blocking = [&](const QString &code, const QString &message) {
                out << finding(id(), code, Severity::Blocking, message, CheckField::Interpretation);
            };
            if (!linked || !linked->latest()) {
                blocking(u"interpretation_unknown"_s,
                         Checks::tr("There is no interpretation item %1 that you may see: link an existing "
                                    "interpretation, or remove the link and give a reason to go without it.")
                             .arg(r.interpretationItemId));
                return out;
            }
            // What the site shows of it, or what it will show.
            const Revision *shown = linked->isLive() ? linked->revision(linked->liveRevision) : nullptr;
            const RevisionContent &lc = shown ? shown->content : linked->latest()->content;
            const Column *column = c.organization.column(lc.columnId);
            if (!column || column->type != ColumnType::Interpretation)
                blocking(u"interpretation_wrong_kind"_s,
                         Checks::tr("The linked item \"%1\" is not an interpretation (it is not in a policy "
                                    "interpretation column): link the interpretation item.")
                             .arg(lc.title));
            else if (linked->state == WorkflowState::Retracted)
                blocking(u"interpretation_retracted"_s,
                         Checks::tr("The linked interpretation \"%1\" was retracted: link a current one.")
                             .arg(lc.title));
            else if (c.publishing && !linked->isLive())
                blocking(u"interpretation_not_live"_s,
                         Checks::tr("The linked interpretation \"%1\" is not published yet: approve it "
                                    "first, so that both are on the site together (Art. 10).")
                             .arg(lc.title));
        }
        return out;
    }
};

} // namespace

QString Checks::deadlineId()
{
    return u"deadline"_s;
}
QString Checks::requiredFieldsId()
{
    return u"required_fields"_s;
}
QString Checks::interpretationId()
{
    return u"interpretation"_s;
}
QString Checks::contentId()
{
    return ContentScanner::checkerId();
}

Checks Checks::builtin()
{
    Checks checks;
    checks.add(std::make_shared<DeadlineChecker>());
    checks.add(std::make_shared<RequiredFieldsChecker>());
    checks.add(std::make_shared<InterpretationChecker>());
    // One for every registry: its scanner is built once, and it remembers attachments' scans.
    static const auto content = std::make_shared<const ContentChecker>();
    checks.add(content);
    return checks;
}

void Checks::add(std::shared_ptr<const Checker> checker)
{
    if (!checker)
        return;
    for (auto &existing : m_checkers) {
        if (existing->id() == checker->id()) {
            existing = std::move(checker);
            return;
        }
    }
    m_checkers.append(std::move(checker));
}

bool Checks::remove(const QString &id)
{
    return m_checkers.removeIf([&](const auto &c) { return c->id() == id; }) > 0;
}

QStringList Checks::ids() const
{
    QStringList out;
    for (const auto &c : m_checkers)
        out << c->id();
    return out;
}

const Checker *Checks::checker(const QString &id) const
{
    for (const auto &c : m_checkers) {
        if (c->id() == id)
            return c.get();
    }
    return nullptr;
}

QList<Finding> Checks::run(const CheckContext &context) const
{
    QList<Finding> out;
    for (const auto &c : m_checkers)
        out += c->check(context);
    std::stable_sort(out.begin(), out.end(),
                     [](const Finding &a, const Finding &b) { return int(a.severity) < int(b.severity); });
    return out;
}

QList<Finding> Checks::blocking(const QList<Finding> &findings)
{
    QList<Finding> out;
    for (const Finding &f : findings) {
        if (f.severity == Severity::Blocking)
            out << f;
    }
    return out;
}

bool Checks::blocks(const QList<Finding> &findings, const QString &overrideReason)
{
    const bool reasonGiven = !overrideReason.trimmed().isEmpty();
    for (const Finding &f : findings) {
        if (f.severity == Severity::Blocking && (!f.overridable || !reasonGiven))
            return true;
    }
    return false;
}

bool Checks::canOverride(const QList<Finding> &findings)
{
    const QList<Finding> b = blocking(findings);
    return !b.isEmpty() && std::all_of(b.begin(), b.end(), [](const Finding &f) { return f.overridable; });
}

bool Checks::limitBreached(const Item &item, const RevisionContent &content, const Deadline &deadline,
                           QDate today)
{
    const QDate from = content.deadlineFrom();
    return item.proposal == Proposal::New && from.isValid() && from <= today &&
           deadline.state(from, today) == DeadlineState::Breached;
}

bool Checks::columnSuits(ItemKind kind, ColumnType type)
{
    switch (type) {
    case ColumnType::Dynamic:
        return kind == ItemKind::News || kind == ItemKind::Repost;
    case ColumnType::Notice:
        return true;
    case ColumnType::Policy:
        return kind == ItemKind::Disclosure || kind == ItemKind::CollectiveDecision;
    case ColumnType::Interpretation:
        return kind == ItemKind::Disclosure || kind == ItemKind::News;
    case ColumnType::Static:
        return kind == ItemKind::Disclosure;
    }
    return false;
}

bool Checks::columnAllowed(const Column &column, ItemKind kind, const QString &unitId, bool toMunicipalPortal,
                           const RouteEngine &routes)
{
    if (!columnSuits(kind, column.type))
        return false;
    if (column.responsibleUnitIds.isEmpty() || column.responsibleUnitIds.contains(unitId))
        return true;
    const QList<Stage> route = routes.stages(kind, toMunicipalPortal);
    return std::any_of(route.cbegin(), route.cend(),
                       [](const Stage &s) { return s.role == Role::OfficeDirector; });
}

QList<const Column *> Checks::allowedColumns(const Organization &organization, ItemKind kind,
                                             const QString &unitId, bool toMunicipalPortal,
                                             const RouteEngine &routes)
{
    QList<const Column *> out;
    for (const Column &c : organization.columns) {
        if (!c.retired && columnAllowed(c, kind, unitId, toMunicipalPortal, routes))
            out << &c;
    }
    return out;
}

bool Checks::staysInColumn(const Item &item, const QString &columnId)
{
    const Revision *live =
        item.isLive() && item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
    return live && live->content.columnId == columnId;
}

Checks::Judgement Checks::judge(const QList<Finding> &findings, bool decides, const QString &overrideReason)
{
    Judgement j;
    const bool reasonGiven = !overrideReason.trimmed().isEmpty();
    for (const Finding &f : findings) {
        if (f.severity != Severity::Blocking)
            continue;
        if (!f.overridable)
            j.stopping << f;
        else if (decides && !reasonGiven)
            j.stopping << f;
        else if (decides)
            j.overridden << f;
    }
    return j;
}

QString Checks::Judgement::message() const
{
    QStringList lines;
    for (const Finding &f : stopping)
        lines << f.message;
    return lines.join(u'\n');
}

// ---- SubmitRequest --------------------------------------------------------------------------------

std::optional<SubmitRequest> SubmitRequest::make(const Item &item, const QList<Finding> &findings,
                                                 const QString &overrideReason)
{
    if (Checks::blocks(findings, overrideReason))
        return std::nullopt;
    SubmitRequest request;
    request.itemId = item.id;
    request.baseRevision = item.latestNumber();
    request.findings = findings;
    for (const Finding &f : Checks::blocking(findings))
        request.overriddenChecks << f.key();
    if (!request.overriddenChecks.isEmpty())
        request.overrideReason = overrideReason.trimmed();
    return request;
}

ActionRequest SubmitRequest::toActionRequest() const
{
    ActionRequest r;
    r.action = Action::Submit;
    r.baseRevision = baseRevision;
    r.overrideReason = overrideReason;
    r.overriddenChecks = overriddenChecks;
    return r;
}

void SubmitRequest::writeTo(QJsonObject &action) const
{
    action.insert(u"action"_s, toString(Action::Submit));
    action.insert(u"item_id"_s, itemId);
    action.insert(u"base_revision"_s, baseRevision);
    if (!overriddenChecks.isEmpty()) {
        action.insert(u"override_reason"_s, overrideReason);
        action.insert(u"overridden_checks"_s, QJsonArray::fromStringList(overriddenChecks));
    }
}

} // namespace baosong
