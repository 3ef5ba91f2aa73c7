#pragma once

// Checks before submission (docs/design.md §2, §3, §4): a registry of checkers, each looking at an item and
// its latest revision and answering findings — blocking, warning or information, with a translated
// message that says what to do and, where it applies, the field it concerns (so the editor can put the
// cursor there). Built in:
//   "deadline"        Art. 15 through core/Deadline: due soon and past the 5-day target are warnings,
//                     past the 15-day limit blocks unless overridden with a reason; an information date
//                     in the future blocks.
//   "required_fields" what every item needs (title, a body or an attachment, a column of the
//                     organization, the information date) and what its kind needs (repost: source site
//                     and an http(s) source URL; collective decision: the meeting and its date;
//                     disclosure: its catalogue entry, topic, genre and date written — keywords expected,
//                     an amended or repealed one with its date and, if named, a disclosure replacing it —
//                     docs/design.md §2, §13; Art. 9: a release through another channel with its date,
//                     from which the deadline counts). The column must take items of
//                     the kind (columnSuits); a column another unit is responsible for (Art. 7, 12) is a
//                     warning where the route passes the office, which places items across units, and
//                     blocks otherwise. These never can be overridden.
//   "interpretation"  Art. 10: a major policy document without its interpretation item linked blocks
//                     unless overridden; a link to the item itself blocks. Where items can be looked up
//                     (findItem), the linked item must be one the person may see, in an interpretation
//                     column and not retracted; and when the step publishes (CheckContext::publishing)
//                     it must be live already, so that document and interpretation are on the site
//                     together. These block and cannot be overridden: fix or remove the link.
//   "content"         docs/design.md §4 through core/ContentScan (ContentChecker): classification
//                     markings, resident IDs, bank card numbers and precise coordinates block unless
//                     overridden; mobile numbers, misused words (with the correction) and confidentiality
//                     in running text are warnings; sensitive words per list entry. It reads the title,
//                     the body, the attachments' names and, where CheckContext::attachmentBytes gives
//                     them, their content (txt, csv, html, docx, xlsx); any other attachment is listed
//                     as unchecked (information). The code is the detector ("content/resident_id").
// Other checkers join through Checks::add() with their own ids. The same checks run on the server
// before every step that moves an item on (Checks::judge, docs/api.md "Checks"); the client's are for
// comfort.
//
// Overrides. A blocking finding with `overridable` set may be passed with a reason, which is recorded:
// Checks::blocks(findings, reason) is false once every blocking finding is overridable and the reason
// is not blank. The reason travels with the submit action in a SubmitRequest (below): the API's
// `override_reason` so far exists for `approve` at the last stage only (docs/api.md), so the submit
// action gains the fields `override_reason` and `overridden_checks` (the Finding::key() of every
// overridden finding). The server judges the step with its own run of the checks and the reason
// (Checks::judge) and records the keys of what it found and passed, with the reason, the item and its
// unit, as an `override` audit event; the client's `overridden_checks` is informative only.

#include "Deadline.h"
#include "Domain.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace baosong {

enum class Severity
{
    Blocking, // the step is refused (unless overridable and a reason is given)
    Warning,  // shown; the step goes on
    Info,     // for information
};

namespace keys {              // see Domain.h
QString toString(Severity v); // "blocking", "warning", "info"
} // namespace keys
QString displayName(Severity v);

// The fields a finding may concern (Finding::field), as the editor names its inputs.
namespace CheckField {
inline constexpr QLatin1StringView Title{"title"};
inline constexpr QLatin1StringView Kind{"kind"};
inline constexpr QLatin1StringView Body{"body"};
inline constexpr QLatin1StringView Attachments{"attachments"};
inline constexpr QLatin1StringView Column{"column"};
inline constexpr QLatin1StringView InfoDate{"info_date"};
inline constexpr QLatin1StringView SourceSite{"source_site"};
inline constexpr QLatin1StringView SourceUrl{"source_url"};
inline constexpr QLatin1StringView Meeting{"meeting"};
inline constexpr QLatin1StringView MeetingDate{"meeting_date"};
inline constexpr QLatin1StringView CatalogueEntry{"catalogue_entry"};
inline constexpr QLatin1StringView Interpretation{"interpretation"};
inline constexpr QLatin1StringView Topic{"topic"};
inline constexpr QLatin1StringView Genre{"genre"};
inline constexpr QLatin1StringView Keywords{"keywords"};
inline constexpr QLatin1StringView WrittenDate{"written_date"};
inline constexpr QLatin1StringView ValidityDate{"validity_date"};
inline constexpr QLatin1StringView ReplacedBy{"replaced_by"};
inline constexpr QLatin1StringView OtherChannel{"other_channel"};
inline constexpr QLatin1StringView OtherChannelDate{"other_channel_date"};
} // namespace CheckField

struct Finding
{
    QString checkerId; // Checker::id()
    QString code;      // what was found, stable within the checker ("breached", "title_missing", …)
    Severity severity = Severity::Info;
    QString message;          // translated; says what to do
    QString field;            // CheckField the finding concerns; empty when none
    bool overridable = false; // a blocking finding that a recorded reason may override

    // "<checkerId>/<code>": what an override names.
    QString key() const { return checkerId + QLatin1Char('/') + code; }
    bool operator==(const Finding &) const = default;
};

struct CheckContext
{
    const Item &item;
    const RevisionContent &content; // the revision checked: the item's latest (contentOf(item))
    const Organization &organization;
    const RouteEngine &routes;
    const Deadline &deadline; // the deadline calendar (policy, holidays)
    QDate today;              // invalid: chinaToday()
    // Looks up another item (the linked interpretation) among those the person may see (the local
    // store, or the server's store through RouteEngine::canSee); unset: not looked up.
    std::function<std::optional<Item>(const QString &id)> findItem = {};
    // The step checked publishes the item (the last stage's approval): links must be live now.
    bool publishing = false;
    // The content of an attachment of the revision checked (the server's blob store, the client's
    // local one); nullopt when the file is not there. Unset: attachments' content is not checked.
    std::function<std::optional<QByteArray>(const Attachment &)> attachmentBytes = {};

    QDate effectiveToday() const { return today.isValid() ? today : chinaToday(); }
    // The latest revision's content, or an empty one when the item has none.
    static const RevisionContent &contentOf(const Item &item);
};

class Checker
{
public:
    virtual ~Checker() = default;
    virtual QString id() const = 0;
    virtual QList<Finding> check(const CheckContext &context) const = 0;
};

class Checks
{
    Q_DECLARE_TR_FUNCTIONS(Checks)

public:
    // Ids of the built-in checkers.
    static QString deadlineId();       // "deadline"
    static QString requiredFieldsId(); // "required_fields"
    static QString interpretationId(); // "interpretation"
    static QString contentId();        // "content" (ContentScanner::checkerId())

    Checks() = default; // no checkers
    // The built-in checkers, in the order above.
    static Checks builtin();

    // Adds a checker, replacing one with the same id (kept in its place).
    void add(std::shared_ptr<const Checker> checker);
    bool remove(const QString &id);
    QStringList ids() const;
    const Checker *checker(const QString &id) const;

    // Every checker's findings, blocking first, then warnings, then information; within a severity in
    // the order of the checkers and of their findings.
    QList<Finding> run(const CheckContext &context) const;

    // True when a blocking finding stops the step: one that cannot be overridden, or one that can but
    // `overrideReason` is blank.
    static bool blocks(const QList<Finding> &findings, const QString &overrideReason = {});
    // True when there is a blocking finding and every one of them may be overridden with a reason.
    static bool canOverride(const QList<Finding> &findings);
    static QList<Finding> blocking(const QList<Finding> &findings);

    // Art. 15: whether publishing `content` of `item` now is past the limit — a new item only (a change
    // or retraction was judged when it was first published). The publisher then gives a reason.
    static bool limitBreached(const Item &item, const RevisionContent &content, const Deadline &deadline,
                              QDate today);

    // Art. 7, 12: whether a column of `type` takes items of `kind` (dynamic: news and reposts;
    // notices: every kind; policy: disclosures and collective decisions; interpretation: disclosures
    // and news; static: disclosures).
    static bool columnSuits(ItemKind kind, ColumnType type);
    // Whether an item of `kind` from `unitId` may be placed in `column`: the column suits the kind, and
    // the unit is responsible for it, or nobody is, or the route passes the office.
    static bool columnAllowed(const Column &column, ItemKind kind, const QString &unitId,
                              bool toMunicipalPortal, const RouteEngine &routes);
    // Whether the item's live revision is listed in `columnId`: a retired column takes no new items,
    // but a published item's change or retraction may stay where it is.
    static bool staysInColumn(const Item &item, const QString &columnId);
    // The columns an item of `kind` from `unitId` may be placed in (retired ones never), in the order
    // of the organization.
    static QList<const Column *> allowedColumns(const Organization &organization, ItemKind kind,
                                                const QString &unitId, bool toMunicipalPortal,
                                                const RouteEngine &routes);

    // The server's judgement of a step (docs/api.md "Checks"). `decides`: the step is one where
    // overridable findings are decided — submission, a proposed change, and the last stage's approval
    // (publication) — with `overrideReason` (the actor's). At the stages between, overridable findings
    // pass (they were decided at submission and are decided again at publication); findings that cannot
    // be overridden stop every step.
    struct Judgement
    {
        QList<Finding> stopping;   // blocking findings that stop the step
        QList<Finding> overridden; // blocking findings passed with the recorded reason
        bool allowed() const { return stopping.isEmpty(); }
        // The stopping findings' messages, one per line.
        QString message() const;
    };
    static Judgement judge(const QList<Finding> &findings, bool decides, const QString &overrideReason);

private:
    QList<std::shared_ptr<const Checker>> m_checkers;
};

// What the submit action carries beyond the item and its revision: the override of blocking findings
// (see the header comment). The lead's outbox sends it as
//   {"action":"submit", "item_id", "base_revision", "override_reason", "overridden_checks":[…]}
// with its own action_id; the override fields are left out when nothing was overridden.
struct SubmitRequest
{
    QString itemId;
    int baseRevision = -1;
    QString overrideReason;       // mandatory (not blank) when overriddenChecks is not empty
    QStringList overriddenChecks; // Finding::key() of each overridden blocking finding
    QList<Finding> findings;      // everything the checks found (for the log and the user)

    // Makes the request for `item` from its findings. Empty when the findings block (Checks::blocks)
    // with this reason. The reason is trimmed and kept only when something was overridden.
    static std::optional<SubmitRequest> make(const Item &item, const QList<Finding> &findings,
                                             const QString &overrideReason = {});
    // The route engine's request for the same action (Action::Submit with the override reason).
    ActionRequest toActionRequest() const;
    // Adds "action", "item_id", "base_revision" and the override fields to an action body.
    void writeTo(QJsonObject &action) const;
};

} // namespace baosong
