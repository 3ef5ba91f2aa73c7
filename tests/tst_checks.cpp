// Checks before submission (core/Checks): each built-in checker on each kind, table-driven; the registry
// (checkers joining, replacing, order by severity); overrides with a recorded reason; the SubmitRequest
// that carries the override to the outbox.

#include "Checks.h"
#include "ContentScan.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace baosong;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(baosong::ItemKind)
Q_DECLARE_METATYPE(baosong::Proposal)

namespace {

const QDate kToday(2026, 11, 26); // a Thursday

// A complete, valid item of `kind` for the policy and law section, information from yesterday.
Item validItem(ItemKind kind)
{
    Item item;
    item.id = u"item-1"_s;
    item.kind = kind;
    item.unitId = u"policy_law"_s;
    item.authorId = u"peng.lu"_s;
    Revision r;
    r.number = 1;
    r.authorId = item.authorId;
    RevisionContent &c = r.content;
    c.title = u"关于规范自然资源行政执法的通知"_s;
    c.bodyHtml = u"<p>各区（分）局：现将有关事项通知如下。</p>"_s;
    c.columnId = kind == ItemKind::Disclosure || kind == ItemKind::CollectiveDecision ? u"policy_documents"_s
                                                                                      : u"bureau_news"_s;
    c.infoDate = kToday.addDays(-1);
    switch (kind) {
    case ItemKind::Repost:
        c.columnId = u"bureau_news"_s;
        c.sourceSite = u"四川省自然资源厅"_s;
        c.sourceUrl = u"https://dnr.sc.gov.cn/scdnr/news/2026/1125/1.shtml"_s;
        break;
    case ItemKind::CollectiveDecision:
        c.meeting = u"局长办公会"_s;
        c.meetingDate = kToday.addDays(-3);
        break;
    case ItemKind::Disclosure:
        c.catalogueEntry = u"政策文件/规范性文件"_s;
        c.topic = u"国土资源、能源"_s;
        c.genre = u"通知"_s;
        c.keywords = {u"行政执法"_s};
        c.writtenDate = kToday.addDays(-2);
        break;
    case ItemKind::News:
        break;
    }
    item.revisions.append(r);
    return item;
}

Item interpretationItem()
{
    Item item = validItem(ItemKind::Disclosure);
    item.id = u"interp-1"_s;
    item.revisions[0].content.title = u"《关于规范自然资源行政执法的通知》政策解读"_s;
    item.revisions[0].content.columnId = u"policy_interpretation"_s;
    return item;
}

// How a table row changes the valid item.
void mutate(Item &item, const QString &how)
{
    RevisionContent &c = item.revisions[0].content;
    if (how == "none"_L1)
        return;
    if (how == "no title"_L1)
        c.title = u"  "_s;
    else if (how == "no body"_L1)
        c.bodyHtml = u"<p> </p><p><span></span></p>"_s;
    else if (how == "attachment only"_L1) {
        c.bodyHtml.clear();
        c.attachments.append(
            Attachment{u"a1"_s, u"通知.pdf"_s, u"application/pdf"_s, 10, QByteArray(32, 'x')});
    } else if (how == "image only"_L1)
        c.bodyHtml = u"<p><img src=\"baosong-attachment:a1\" alt=\"\"></p>"_s;
    else if (how == "no column"_L1)
        c.columnId.clear();
    else if (how == "unknown column"_L1)
        c.columnId = u"gone"_s;
    else if (how == "other unit's column"_L1)
        c.columnId = u"mining_rights"_s;
    else if (how == "no info date"_L1)
        c.infoDate = QDate();
    else if (how == "info date in the future"_L1)
        c.infoDate = kToday.addDays(1);
    else if (how == "due soon"_L1)
        c.infoDate = kToday.addDays(-4); // target tomorrow
    else if (how == "due today"_L1)
        c.infoDate = kToday.addDays(-5);
    else if (how == "overdue"_L1)
        c.infoDate = kToday.addDays(-6); // target yesterday
    else if (how == "last day"_L1)
        c.infoDate = kToday.addDays(-15); // limit today
    else if (how == "breached"_L1)
        c.infoDate = kToday.addDays(-16); // limit yesterday
    else if (how == "breached change"_L1) {
        c.infoDate = kToday.addDays(-40);
        item.proposal = Proposal::Change;
    } else if (how == "retraction"_L1) {
        c = RevisionContent();
        c.majorPolicy = true;
        item.proposal = Proposal::Retraction;
    } else if (how == "no source site"_L1)
        c.sourceSite.clear();
    else if (how == "no source url"_L1)
        c.sourceUrl.clear();
    else if (how == "javascript source url"_L1)
        c.sourceUrl = u"javascript:alert(1)"_s;
    else if (how == "relative source url"_L1)
        c.sourceUrl = u"/news/1.html"_s;
    else if (how == "no meeting"_L1)
        c.meeting = u" "_s;
    else if (how == "no meeting date"_L1)
        c.meetingDate = QDate();
    else if (how == "meeting in the future"_L1)
        c.meetingDate = kToday.addDays(2);
    else if (how == "no catalogue entry"_L1)
        c.catalogueEntry.clear();
    else if (how == "major policy alone"_L1)
        c.majorPolicy = true;
    else if (how == "major policy, own link"_L1) {
        c.majorPolicy = true;
        c.interpretationItemId = item.id;
    } else if (how == "major policy, unknown link"_L1) {
        c.majorPolicy = true;
        c.interpretationItemId = u"nowhere"_s;
    } else if (how == "major policy, link to news"_L1) {
        c.majorPolicy = true;
        c.interpretationItemId = u"news-1"_s;
    } else if (how == "major policy, retracted link"_L1) {
        c.majorPolicy = true;
        c.interpretationItemId = u"interp-retracted"_s;
    } else if (how == "major policy, linked"_L1) {
        c.majorPolicy = true;
        c.interpretationItemId = u"interp-1"_s;
    } else if (how == "interpretation id without major policy"_L1)
        c.interpretationItemId = u"nowhere"_s;
    else if (how == "urgent"_L1)
        c.urgent = true;
    else if (how == "municipal portal"_L1)
        c.toMunicipalPortal = true;
    else if (how == "no topic"_L1)
        c.topic.clear();
    else if (how == "topic outside the scheme"_L1)
        c.topic = u"国土"_s;
    else if (how == "no genre"_L1)
        c.genre = QString();
    else if (how == "no keywords"_L1)
        c.keywords.clear();
    else if (how == "no date written"_L1)
        c.writtenDate = QDate();
    else if (how == "written in the future"_L1)
        c.writtenDate = kToday.addDays(1);
    else if (how == "repealed, undated"_L1)
        c.validity = Validity::Repealed;
    else if (how == "repealed before written"_L1) {
        c.validity = Validity::Repealed;
        c.validityDate = c.writtenDate.addDays(-1);
    } else if (how == "repealed, replaced by itself"_L1) {
        c.validity = Validity::Repealed;
        c.validityDate = kToday;
        c.replacedByItemId = item.id;
    } else if (how == "repealed, unknown replacement"_L1) {
        c.validity = Validity::Repealed;
        c.validityDate = kToday;
        c.replacedByItemId = u"nowhere"_s;
    } else if (how == "repealed, replaced by news"_L1) {
        c.validity = Validity::Repealed;
        c.validityDate = kToday;
        c.replacedByItemId = u"news-1"_s;
    } else if (how == "repealed, replaced"_L1) {
        c.validity = Validity::Repealed;
        c.validityDate = kToday;
        c.replacedByItemId = u"interp-1"_s;
    } else if (how == "amended, with a replacement"_L1) {
        c.validity = Validity::Amended;
        c.validityDate = kToday;
        c.replacedByItemId = u"interp-1"_s;
    } else if (how == "in force, with a replacement"_L1)
        c.replacedByItemId = u"interp-1"_s;
    else if (how == "other channel, no date"_L1)
        c.otherChannel = u"巴中日报"_s;
    else if (how == "other channel, date only"_L1)
        c.otherChannelDate = kToday.addDays(-2);
    else if (how == "other channel, in the future"_L1) {
        c.otherChannel = u"巴中电视台"_s;
        c.otherChannelDate = kToday.addDays(1);
    } else if (how == "other channel, 4 days ago"_L1) {
        c.otherChannel = u"巴中日报"_s;
        c.otherChannelDate = kToday.addDays(-4); // target tomorrow, though the information date is yesterday
    } else if (how == "other channel, 16 days ago"_L1) {
        c.otherChannel = u"巴中电视台"_s;
        c.otherChannelDate = kToday.addDays(-16);
    } else if (how == "everything missing"_L1)
        c = RevisionContent();
    else
        QFAIL(qPrintable(u"unknown mutation "_s + how));
}

QStringList describe(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << f.key() + u' ' + toString(f.severity) + (f.overridable ? u" overridable"_s : QString());
    return out;
}

class FakeConfidentialityChecker final : public Checker
{
public:
    explicit FakeConfidentialityChecker(QString word, QString checkerId = u"confidentiality"_s)
        : m_word(std::move(word))
        , m_id(std::move(checkerId))
    {}
    QString id() const override { return m_id; }
    QList<Finding> check(const CheckContext &c) const override
    {
        if (!c.content.bodyHtml.contains(m_word))
            return {};
        return {Finding{m_id, u"marking"_s, Severity::Blocking, u"classification marking"_s,
                        QString(CheckField::Body), true}};
    }

private:
    QString m_word;
    QString m_id;
};

} // namespace

class TestChecks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtinFindings_data();
    void builtinFindings();
    void everyFindingIsComplete();
    void workingDayCalendar();
    void registry();
    void blocksAndOverride();
    void submitRequest();
    void interpretationLiveAtPublication();
    void columnsAllowed();
    void serverJudgement();
    void contentChecks();

private:
    CheckContext context(const Item &item, const Deadline &deadline = Deadline()) const;
    Organization m_org;
    Deadline m_deadline;
};

void TestChecks::initTestCase()
{
    m_org = Organization::demo();
    QVERIFY(m_org.column(u"policy_documents"_s));
}

CheckContext TestChecks::context(const Item &item, const Deadline &deadline) const
{
    static Deadline keep;
    keep = deadline;
    return CheckContext{item,
                        CheckContext::contentOf(item),
                        m_org,
                        RouteEngine::builtin(),
                        keep,
                        kToday,
                        [](const QString &id) -> std::optional<Item> {
                            if (id == "interp-1"_L1)
                                return interpretationItem();
                            if (id == "news-1"_L1) { // an item, but not an interpretation
                                Item news = validItem(ItemKind::News);
                                news.id = id;
                                return news;
                            }
                            if (id == "interp-retracted"_L1) {
                                Item gone = interpretationItem();
                                gone.id = id;
                                gone.state = WorkflowState::Retracted;
                                gone.liveRevision = 1;
                                return gone;
                            }
                            return std::nullopt;
                        }};
}

void TestChecks::builtinFindings_data()
{
    QTest::addColumn<ItemKind>("kind");
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QStringList>("expected"); // Finding::key() severity [overridable], in run order
    QTest::addColumn<bool>("blocks");          // without a reason
    QTest::addColumn<bool>("overridable");     // Checks::canOverride

    const QString onTime = u"deadline/on_time info"_s;
    for (ItemKind kind : allItemKinds()) {
        const QByteArray k = toString(kind).toLatin1();
        auto row = [&](const char *name) -> QTestData & {
            return QTest::newRow((k + ": " + name).constData()) << kind;
        };
        row("valid") << u"none"_s << QStringList{onTime} << false << false;
        row("no title") << u"no title"_s << QStringList{u"required_fields/title_missing blocking"_s, onTime}
                        << true << false;
        row("no body") << u"no body"_s << QStringList{u"required_fields/body_missing blocking"_s, onTime}
                       << true << false;
        // A PDF's content cannot be read: the content checks list it for the reviewer's eye.
        row("attachment only") << u"attachment only"_s
                               << QStringList{onTime, u"content/unchecked_attachment info"_s} << false
                               << false;
        row("image only") << u"image only"_s << QStringList{onTime} << false << false;
        row("no column") << u"no column"_s
                         << QStringList{u"required_fields/column_missing blocking"_s, onTime} << true
                         << false;
        row("unknown column") << u"unknown column"_s
                              << QStringList{u"required_fields/column_unknown blocking"_s, onTime} << true
                              << false;
        // Another unit's column: where the route passes the office (news), the office places it; on
        // the other routes it is refused (Art. 7, 12).
        const bool viaOffice = kind == ItemKind::News;
        row("other unit's column") << u"other unit's column"_s
                                   << QStringList{viaOffice ? u"required_fields/column_other_unit warning"_s
                                                            : u"required_fields/column_other_unit blocking"_s,
                                                  onTime}
                                   << !viaOffice << false;
        row("no info date") << u"no info date"_s
                            << QStringList{u"required_fields/info_date_missing blocking"_s} << true << false;
        row("info date in the future")
            << u"info date in the future"_s << QStringList{u"deadline/info_date_future blocking"_s} << true
            << false;
        row("due soon") << u"due soon"_s << QStringList{u"deadline/due_soon warning"_s} << false << false;
        row("due today") << u"due today"_s << QStringList{u"deadline/due_soon warning"_s} << false << false;
        row("overdue") << u"overdue"_s << QStringList{u"deadline/overdue warning"_s} << false << false;
        row("last day") << u"last day"_s << QStringList{u"deadline/overdue warning"_s} << false << false;
        row("breached") << u"breached"_s << QStringList{u"deadline/breached blocking overridable"_s} << true
                        << true;
        row("change of a published item: no deadline")
            << u"breached change"_s << QStringList{} << false << false;
        row("retraction: nothing to check") << u"retraction"_s << QStringList{} << false << false;
        row("major policy alone")
            << u"major policy alone"_s
            << QStringList{u"interpretation/interpretation_missing blocking overridable"_s, onTime} << true
            << true;
        row("major policy, own link")
            << u"major policy, own link"_s
            << QStringList{u"interpretation/interpretation_self blocking"_s, onTime} << true << false;
        row("major policy, unknown link")
            << u"major policy, unknown link"_s
            << QStringList{u"interpretation/interpretation_unknown blocking"_s, onTime} << true << false;
        row("major policy, link to news")
            << u"major policy, link to news"_s
            << QStringList{u"interpretation/interpretation_wrong_kind blocking"_s, onTime} << true << false;
        row("major policy, retracted link")
            << u"major policy, retracted link"_s
            << QStringList{u"interpretation/interpretation_retracted blocking"_s, onTime} << true << false;
        row("major policy, linked") << u"major policy, linked"_s << QStringList{onTime} << false << false;
        row("interpretation id without major policy")
            << u"interpretation id without major policy"_s << QStringList{onTime} << false << false;
        row("urgent") << u"urgent"_s << QStringList{onTime, u"required_fields/urgent info"_s} << false
                      << false;
        row("municipal portal") << u"municipal portal"_s << QStringList{onTime} << false << false;
        // Art. 9: released through another channel, it is due from that day.
        row("other channel, no date")
            << u"other channel, no date"_s
            << QStringList{u"required_fields/other_channel_date_missing blocking"_s, onTime} << true << false;
        row("other channel, date only")
            << u"other channel, date only"_s
            << QStringList{u"required_fields/other_channel_missing blocking"_s, onTime} << true << false;
        row("other channel, in the future")
            << u"other channel, in the future"_s
            << QStringList{u"required_fields/other_channel_date_future blocking"_s, onTime} << true << false;
        row("other channel, 4 days ago")
            << u"other channel, 4 days ago"_s
            << QStringList{u"deadline/due_soon warning"_s, u"deadline/other_channel info"_s} << false
            << false;
        row("other channel, 16 days ago")
            << u"other channel, 16 days ago"_s
            << QStringList{u"deadline/breached blocking overridable"_s, u"deadline/other_channel info"_s}
            << true << true;
    }
    // 政府信息公开目录 (docs/design.md §13).
    const auto disclosureRow = [&](const char *name, const QStringList &findings, bool blocks) {
        QTest::newRow((QByteArray("disclosure: ") + name).constData())
            << ItemKind::Disclosure << QString::fromLatin1(name) << findings << blocks << false;
    };
    const QString onTime2 = onTime;
    disclosureRow("no topic", {u"required_fields/topic_missing blocking"_s, onTime2}, true);
    disclosureRow("topic outside the scheme", {u"required_fields/topic_unknown warning"_s, onTime2}, false);
    disclosureRow("no genre", {u"required_fields/genre_missing blocking"_s, onTime2}, true);
    disclosureRow("no keywords", {u"required_fields/keywords_missing warning"_s, onTime2}, false);
    disclosureRow("no date written", {u"required_fields/written_date_missing blocking"_s, onTime2}, true);
    disclosureRow("written in the future", {u"required_fields/written_date_future blocking"_s, onTime2},
                  true);
    disclosureRow("repealed, undated", {u"required_fields/validity_date_missing blocking"_s, onTime2}, true);
    disclosureRow("repealed before written", {u"required_fields/validity_date_early blocking"_s, onTime2},
                  true);
    disclosureRow("repealed, replaced by itself", {u"required_fields/replacement_self blocking"_s, onTime2},
                  true);
    disclosureRow("repealed, unknown replacement",
                  {u"required_fields/replacement_unknown blocking"_s, onTime2}, true);
    disclosureRow("repealed, replaced by news",
                  {u"required_fields/replacement_wrong_kind blocking"_s, onTime2}, true);
    disclosureRow("repealed, replaced", {onTime2}, false);
    disclosureRow("amended, with a replacement",
                  {u"required_fields/replacement_not_repealed blocking"_s, onTime2}, true);
    disclosureRow("in force, with a replacement",
                  {u"required_fields/replacement_in_force blocking"_s, onTime2}, true);

    // Kind-specific fields.
    auto kindRow = [](ItemKind kind, const char *name) -> QTestData & { return QTest::newRow(name) << kind; };
    kindRow(ItemKind::Repost, "repost: no source site")
        << u"no source site"_s
        << QStringList{u"required_fields/source_site_missing blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::Repost, "repost: no source url")
        << u"no source url"_s
        << QStringList{u"required_fields/source_url_missing blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::Repost, "repost: javascript source url")
        << u"javascript source url"_s
        << QStringList{u"required_fields/source_url_invalid blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::Repost, "repost: relative source url")
        << u"relative source url"_s
        << QStringList{u"required_fields/source_url_invalid blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::News, "news: no source url needed")
        << u"no source url"_s << QStringList{u"deadline/on_time info"_s} << false << false;
    kindRow(ItemKind::CollectiveDecision, "collective: no meeting")
        << u"no meeting"_s
        << QStringList{u"required_fields/meeting_missing blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::CollectiveDecision, "collective: no meeting date")
        << u"no meeting date"_s
        << QStringList{u"required_fields/meeting_date_missing blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::CollectiveDecision, "collective: meeting in the future")
        << u"meeting in the future"_s
        << QStringList{u"required_fields/meeting_date_future blocking"_s, u"deadline/on_time info"_s} << true
        << false;
    kindRow(ItemKind::News, "news: no meeting needed")
        << u"no meeting"_s << QStringList{u"deadline/on_time info"_s} << false << false;
    kindRow(ItemKind::Disclosure, "disclosure: no catalogue entry")
        << u"no catalogue entry"_s
        << QStringList{u"required_fields/catalogue_entry_missing blocking"_s, u"deadline/on_time info"_s}
        << true << false;
    kindRow(ItemKind::Repost, "repost: everything missing")
        << u"everything missing"_s << QStringList{u"required_fields/title_missing blocking"_s,
                                                  u"required_fields/body_missing blocking"_s,
                                                  u"required_fields/column_missing blocking"_s,
                                                  u"required_fields/info_date_missing blocking"_s,
                                                  u"required_fields/source_site_missing blocking"_s,
                                                  u"required_fields/source_url_missing blocking"_s}
        << true << false;
}

void TestChecks::builtinFindings()
{
    QFETCH(ItemKind, kind);
    QFETCH(QString, mutation);
    QFETCH(QStringList, expected);
    QFETCH(bool, blocks);
    QFETCH(bool, overridable);

    Item item = validItem(kind);
    mutate(item, mutation);
    const QList<Finding> findings = Checks::builtin().run(context(item));
    QCOMPARE(describe(findings), expected);
    QCOMPARE(Checks::blocks(findings), blocks);
    QCOMPARE(Checks::canOverride(findings), overridable);
    // A reason passes exactly the overridable ones.
    QCOMPARE(Checks::blocks(findings, u"领导已同意先行发布"_s), blocks && !overridable);
    QVERIFY(Checks::blocks(findings, u"   "_s) == blocks); // a blank reason is no reason
}

void TestChecks::everyFindingIsComplete()
{
    // Every finding of every row has a message and, unless it is about the item as a whole, a field.
    for (ItemKind kind : allItemKinds()) {
        for (const QString &how : {u"everything missing"_s, u"breached"_s, u"major policy alone"_s,
                                   u"urgent"_s, u"other unit's column"_s, u"overdue"_s}) {
            Item item = validItem(kind);
            mutate(item, how);
            for (const Finding &f : Checks::builtin().run(context(item))) {
                QVERIFY2(!f.message.isEmpty(), qPrintable(f.key()));
                QVERIFY(!f.checkerId.isEmpty() && !f.code.isEmpty());
                if (f.code != "urgent"_L1)
                    QVERIFY2(!f.field.isEmpty(), qPrintable(f.key()));
                if (f.overridable)
                    QCOMPARE(f.severity, Severity::Blocking);
            }
        }
    }
    // Dates in the messages are the deadline's dates.
    Item item = validItem(ItemKind::News);
    mutate(item, u"breached"_s);
    const QList<Finding> findings = Checks::builtin().run(context(item));
    QCOMPARE(findings.size(), 1);
    QVERIFY2(findings[0].message.contains(kToday.addDays(-1).toString(Qt::ISODate)),
             qPrintable(findings[0].message));
}

void TestChecks::workingDayCalendar()
{
    // Working days: information on Friday 20 Nov 2026, target Friday 27 Nov; on Thursday 26 Nov one
    // working day is left: due soon (with calendar days it would be overdue).
    DeadlinePolicy policy;
    policy.workingDays = true;
    const Deadline working(policy);
    Item item = validItem(ItemKind::News);
    item.revisions[0].content.infoDate = QDate(2026, 11, 20);
    QCOMPARE(describe(Checks::builtin().run(context(item, working))),
             QStringList{u"deadline/due_soon warning"_s});
    QCOMPARE(describe(Checks::builtin().run(context(item))), QStringList{u"deadline/overdue warning"_s});
    // A holiday list pushes the target further.
    policy.holidays = {QDate(2026, 11, 23), QDate(2026, 11, 24)};
    QCOMPARE(describe(Checks::builtin().run(context(item, Deadline(policy)))),
             QStringList{u"deadline/on_time info"_s});
}

void TestChecks::registry()
{
    Checks checks = Checks::builtin();
    QCOMPARE(checks.ids(),
             (QStringList{u"deadline"_s, u"required_fields"_s, u"interpretation"_s, u"content"_s}));
    QVERIFY(checks.checker(u"deadline"_s));
    QVERIFY(!checks.checker(u"confidentiality"_s));
    QVERIFY(checks.remove(Checks::contentId())); // below: a checker of one's own

    // A new checker joins; its findings are sorted among the others by severity.
    Item item = validItem(ItemKind::News);
    item.revisions[0].content.bodyHtml = u"<p>本文件密级：机密★</p>"_s;
    item.revisions[0].content.urgent = true;
    checks.add(std::make_shared<FakeConfidentialityChecker>(u"机密"_s));
    QCOMPARE(checks.ids().size(), 4);
    QCOMPARE(describe(checks.run(context(item))),
             (QStringList{u"confidentiality/marking blocking overridable"_s, u"deadline/on_time info"_s,
                          u"required_fields/urgent info"_s}));
    // The same id replaces the checker in its place.
    checks.add(std::make_shared<FakeConfidentialityChecker>(u"绝密"_s));
    QCOMPARE(checks.ids().size(), 4);
    QCOMPARE(checks.ids().last(), u"confidentiality"_s);
    QVERIFY(!Checks::blocks(checks.run(context(item))));
    QVERIFY(checks.remove(u"deadline"_s));
    QVERIFY(!checks.remove(u"deadline"_s));
    QCOMPARE(describe(checks.run(context(item))), QStringList{u"required_fields/urgent info"_s});
    checks.add(nullptr);
    QCOMPARE(checks.ids().size(), 3);
    QVERIFY(Checks().run(context(item)).isEmpty());
}

void TestChecks::blocksAndOverride()
{
    const Finding hard{u"required_fields"_s, u"title_missing"_s, Severity::Blocking, u"x"_s, {}, false};
    const Finding soft{
        u"interpretation"_s, u"interpretation_missing"_s, Severity::Blocking, u"x"_s, {}, true};
    const Finding warn{u"deadline"_s, u"overdue"_s, Severity::Warning, u"x"_s, {}, false};
    QVERIFY(!Checks::blocks({}));
    QVERIFY(!Checks::blocks({warn}));
    QVERIFY(Checks::blocks({soft, warn}));
    QVERIFY(!Checks::blocks({soft, warn}, u"解读稿随后报送"_s));
    QVERIFY(Checks::blocks({soft, hard}, u"解读稿随后报送"_s));
    QVERIFY(Checks::canOverride({soft, warn}));
    QVERIFY(!Checks::canOverride({soft, hard}));
    QVERIFY(!Checks::canOverride({warn}));
    QCOMPARE(Checks::blocking({warn, soft, hard}).size(), 2);
}

void TestChecks::submitRequest()
{
    Item item = validItem(ItemKind::Disclosure);
    mutate(item, u"major policy alone"_s);
    const QList<Finding> findings = Checks::builtin().run(context(item));

    QVERIFY(!SubmitRequest::make(item, findings));
    QVERIFY(!SubmitRequest::make(item, findings, u" \n"_s));
    const std::optional<SubmitRequest> request =
        SubmitRequest::make(item, findings, u" 解读稿正在会签，随后报送 "_s);
    QVERIFY(request);
    QCOMPARE(request->itemId, item.id);
    QCOMPARE(request->baseRevision, 1);
    QCOMPARE(request->overrideReason, u"解读稿正在会签，随后报送"_s);
    QCOMPARE(request->overriddenChecks, QStringList{u"interpretation/interpretation_missing"_s});
    QCOMPARE(request->findings, findings);

    const ActionRequest action = request->toActionRequest();
    QCOMPARE(action.action, Action::Submit);
    QCOMPARE(action.baseRevision, 1);
    QCOMPARE(action.overrideReason, request->overrideReason);

    QJsonObject body;
    request->writeTo(body);
    QCOMPARE(body.value("action"_L1).toString(), u"submit"_s);
    QCOMPARE(body.value("item_id"_L1).toString(), item.id);
    QCOMPARE(body.value("base_revision"_L1).toInt(), 1);
    QCOMPARE(body.value("override_reason"_L1).toString(), request->overrideReason);
    QCOMPARE(body.value("overridden_checks"_L1).toArray(),
             QJsonArray{u"interpretation/interpretation_missing"_s});

    // Nothing overridden: no override fields, and a reason given anyway is not kept.
    const Item valid = validItem(ItemKind::News);
    const std::optional<SubmitRequest> plain =
        SubmitRequest::make(valid, Checks::builtin().run(context(valid)), u"不需要"_s);
    QVERIFY(plain);
    QVERIFY(plain->overrideReason.isEmpty());
    QJsonObject plainBody;
    plain->writeTo(plainBody);
    QVERIFY(!plainBody.contains("override_reason"_L1));
    QVERIFY(!plainBody.contains("overridden_checks"_L1));

    // The route engine lets the author submit it (its own Art. 10 check is at the last stage).
    const Person *author = m_org.person(u"peng.lu"_s);
    QVERIFY(author);
    QVERIFY(RouteEngine::builtin().check(*author, item, action).allowed());
}

void TestChecks::interpretationLiveAtPublication()
{
    // Linked to an interpretation still in review: fine for submission and the stages between; the
    // step that publishes needs it live (Art. 10: both on the site together).
    Item item = validItem(ItemKind::Disclosure);
    mutate(item, u"major policy, linked"_s);
    CheckContext c = context(item);
    QVERIFY(!Checks::blocks(Checks::builtin().run(c)));
    c.publishing = true;
    QCOMPARE(describe(Checks::builtin().run(c)).first(),
             u"interpretation/interpretation_not_live blocking"_s);
    c.findItem = [](const QString &) -> std::optional<Item> {
        Item live = interpretationItem();
        live.state = WorkflowState::Published;
        live.liveRevision = 1;
        return live;
    };
    QVERIFY(!Checks::blocks(Checks::builtin().run(c)));
}

void TestChecks::columnsAllowed()
{
    // Kinds and column types (Art. 7, 12).
    QVERIFY(Checks::columnSuits(ItemKind::News, ColumnType::Dynamic));
    QVERIFY(!Checks::columnSuits(ItemKind::News, ColumnType::Policy));
    QVERIFY(!Checks::columnSuits(ItemKind::Repost, ColumnType::Interpretation));
    QVERIFY(Checks::columnSuits(ItemKind::CollectiveDecision, ColumnType::Policy));
    QVERIFY(!Checks::columnSuits(ItemKind::CollectiveDecision, ColumnType::Dynamic));
    for (ItemKind k : allItemKinds())
        QVERIFY(Checks::columnSuits(k, ColumnType::Notice));
    // Another unit's column: news passes the office, a disclosure does not unless it goes to the
    // municipal portal (whose route starts at the office).
    const RouteEngine &routes = RouteEngine::builtin();
    const Column &plans = *m_org.column(u"plans"_s);
    QVERIFY(!Checks::columnAllowed(plans, ItemKind::Disclosure, u"policy_law"_s, false, routes));
    QVERIFY(Checks::columnAllowed(plans, ItemKind::Disclosure, u"spatial_planning"_s, false, routes));
    QVERIFY(Checks::columnAllowed(plans, ItemKind::Disclosure, u"policy_law"_s, true, routes));
    const QList<const Column *> newsColumns =
        Checks::allowedColumns(m_org, ItemKind::News, u"bazhou"_s, false, routes);
    QVERIFY(!newsColumns.isEmpty());
    for (const Column *c : newsColumns)
        QVERIFY2(Checks::columnSuits(ItemKind::News, c->type), qPrintable(c->id));

    // A retired column (issue #18 point 2): never offered, no new item in it, but a published item
    // listed there may change where it is.
    Organization org = m_org;
    for (Column &c : org.columns) {
        if (c.id == u"district_news"_s)
            c.retired = true;
    }
    const QList<const Column *> offered =
        Checks::allowedColumns(org, ItemKind::News, u"bazhou"_s, false, routes);
    QVERIFY(std::none_of(offered.cbegin(), offered.cend(), [](const Column *c) { return c->retired; }));
    QVERIFY(offered.size() == newsColumns.size() - 1);
    Item item;
    item.kind = ItemKind::News;
    item.unitId = u"bazhou"_s;
    Revision r;
    r.number = 1;
    r.content.title = u"恩阳区开展地灾巡查"_s;
    r.content.bodyHtml = u"<p>正文</p>"_s;
    r.content.columnId = u"district_news"_s;
    r.content.infoDate = chinaToday();
    item.revisions = {r};
    const Deadline deadline;
    const auto codes = [&](const Item &i) {
        QStringList out;
        for (const Finding &f :
             Checks::builtin().run(CheckContext{i, CheckContext::contentOf(i), org, routes, deadline}))
            out << f.key();
        return out;
    };
    QVERIFY(codes(item).contains(u"required_fields/column_retired"_s));
    item.state = WorkflowState::Published;
    item.liveRevision = 1;
    item.proposal = Proposal::Change;
    Revision change = r;
    change.number = 2;
    change.content.title = u"恩阳区开展地质灾害巡查（更正）"_s;
    item.revisions.append(change);
    QVERIFY(!codes(item).contains(u"required_fields/column_retired"_s));
}

void TestChecks::serverJudgement()
{
    const Finding hard{u"required_fields"_s, u"title_missing"_s, Severity::Blocking, u"t"_s, {}, false};
    const Finding soft{u"deadline"_s, u"breached"_s, Severity::Blocking, u"b"_s, {}, true};
    const Finding warn{u"required_fields"_s, u"column_other_unit"_s, Severity::Warning, u"w"_s, {}, false};
    // Where overrides are decided: a reason passes the overridable ones and records them.
    Checks::Judgement j = Checks::judge({soft, warn}, true, u"  "_s);
    QVERIFY(!j.allowed());
    QCOMPARE(j.message(), u"b"_s);
    j = Checks::judge({soft, warn}, true, u"领导同意"_s);
    QVERIFY(j.allowed());
    QCOMPARE(j.overridden, QList<Finding>{soft});
    // Between stages the overridable ones pass unrecorded; the others stop every step.
    j = Checks::judge({soft}, false, {});
    QVERIFY(j.allowed());
    QVERIFY(j.overridden.isEmpty());
    j = Checks::judge({hard, soft}, false, u"理由"_s);
    QCOMPARE(j.stopping, QList<Finding>{hard});
}

void TestChecks::contentChecks()
{
    // The content detectors (core/ContentScan) are built in: a classification marking in the body
    // blocks, says where and what, and may be overridden with a reason.
    QVERIFY(Checks::builtin().ids().contains(u"content"_s));
    Item item = validItem(ItemKind::News);
    RevisionContent &c = item.revisions[0].content;
    c.bodyHtml = u"<p>本文件密级：机密★</p>"_s;
    QList<Finding> findings = Checks::builtin().run(context(item));
    QCOMPARE(describe(findings).first(), u"content/classification_marking blocking overridable"_s);
    QCOMPARE(findings.first().field, QString(CheckField::Body));
    QVERIFY2(findings.first().message.startsWith(u"Body, character 7: "_s),
             qPrintable(findings.first().message));
    QVERIFY2(findings.first().message.contains(u"机密★"_s), qPrintable(findings.first().message));
    QVERIFY(Checks::blocks(findings));
    QVERIFY(!Checks::blocks(findings, u"已解密，经保密办同意"_s));

    // A misused word is a warning with its correction: nothing blocks.
    c.bodyHtml = u"<p>中华人名共和国成立以来</p>"_s;
    findings = Checks::builtin().run(context(item));
    QCOMPARE(describe(findings),
             (QStringList{u"content/misused_word warning"_s, u"deadline/on_time info"_s}));
    QVERIFY(findings.first().message.contains(u"中华人民共和国"_s));
    QVERIFY(!Checks::blocks(findings));

    // Attachments: read through CheckContext::attachmentBytes (once per content), or listed as
    // unchecked without it.
    c.bodyHtml = u"<p>附件见下。</p>"_s;
    QByteArray sha(32, Qt::Uninitialized);
    for (char &b : sha)
        b = char(QRandomGenerator::global()->bounded(256));
    const QByteArray text = "保密期限：机密★一年\n"_ba;
    c.attachments = {Attachment{u"a1"_s, u"通知.txt"_s, u"text/plain"_s, text.size(), sha}};
    QCOMPARE(describe(Checks::builtin().run(context(item))),
             (QStringList{u"deadline/on_time info"_s, u"content/unchecked_attachment info"_s}));
    int reads = 0;
    CheckContext withFiles = context(item);
    withFiles.attachmentBytes = [&](const Attachment &a) -> std::optional<QByteArray> {
        ++reads;
        return a.sha256 == sha ? std::optional<QByteArray>(text) : std::nullopt;
    };
    for (int i = 0; i < 2; ++i) {
        findings = Checks::builtin().run(withFiles);
        QCOMPARE(describe(findings).first(), u"content/classification_marking blocking overridable"_s);
        QCOMPARE(findings.first().field, QString(CheckField::Attachments));
        QVERIFY2(findings.first().message.contains(u"通知.txt"_s), qPrintable(findings.first().message));
    }
    QCOMPARE(reads, 1);

    // A retraction publishes nothing: not checked.
    item.proposal = Proposal::Retraction;
    QVERIFY(ContentChecker().check(withFiles).isEmpty());
    item.proposal = Proposal::New;

    // Many of one kind in one part: the first ones, and how many more.
    c.attachments.clear();
    QString numbers;
    for (int i = 0; i < ContentChecker::kMaxPerDetector + 5; ++i)
        numbers += u"<p>联系电话：138%1</p>"_s.arg(10000000 + i);
    c.bodyHtml = numbers;
    findings = ContentChecker().check(context(item));
    QCOMPARE(findings.size(), ContentChecker::kMaxPerDetector);
    QVERIFY2(findings.last().message.endsWith(u"(5 more like this here)"_s),
             qPrintable(findings.last().message));

    // A long body (20,000 characters) of ordinary text passes (its speed is bench_contentscan's).
    QString body;
    while (body.size() < 20'000)
        body +=
            u"<p>为进一步规范自然资源行政执法行为，现将有关事项通知如下，编号2026-117，面积3.5公顷。</p>"_s;
    c.bodyHtml = body;
    findings = Checks::builtin().run(context(item));
    QVERIFY(!Checks::blocks(findings));
}

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
