// core/ItemDiff (issue #8): what changed between two revisions — the body's plain text compared per
// character (Chinese has no word boundaries), the fields, the attachments added and removed; which
// revision a review compares with; the HTML rendering.

#include "ItemDiff.h"
#include "Organization.h"

#include <QTest>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

using Op = TextChange::Op;

// The text on each side of a diff, rebuilt from its runs.
QString side(const QList<TextChange> &changes, Op skip)
{
    QString out;
    for (const TextChange &c : changes) {
        if (c.op != skip)
            out += c.text;
    }
    return out;
}

Attachment attachment(const QString &name, char fill)
{
    Attachment a;
    a.id = name;
    a.fileName = name;
    a.mimeType = u"application/pdf"_s;
    a.size = 10;
    a.sha256 = QByteArray(32, fill);
    return a;
}

Revision revision(int number, const QString &author, const QString &title, const QString &body)
{
    Revision r;
    r.number = number;
    r.authorId = author;
    r.content.title = title;
    r.content.bodyHtml = body;
    r.content.columnId = u"bureau_news"_s;
    r.content.infoDate = QDate(2024, 5, 6);
    return r;
}

} // namespace

class TestItemDiff : public QObject
{
    Q_OBJECT

private slots:
    void chineseCharacterLevel_data();
    void chineseCharacterLevel();
    void surrogatePairsAreNeverSplit();
    void identicalAndEmptyTexts();
    void fieldsAndAttachments();
    void bodyIsComparedAsPlainText();
    void baseRevisionForAChange();
    void baseRevisionAfterAReturn();
    void baseRevisionAfterMinorEdits();
    void nothingToCompare();
    void htmlMarksInsertionsAndDeletions();
    void longTexts();
    void changedCharacters();
};

void TestItemDiff::chineseCharacterLevel_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("deleted");  // all deleted characters, in order
    QTest::addColumn<QString>("inserted"); // all inserted characters, in order
    QTest::addColumn<int>("runs");

    QTest::newRow("one character replaced")
        << u"请做好耕地保护工作。"_s << u"请做好林地保护工作。"_s << u"耕"_s << u"林"_s << 4;
    QTest::newRow("inserted in the middle")
        << u"关于耕地保护的通知"_s << u"关于加强耕地保护的通知"_s << QString() << u"加强"_s << 3;
    QTest::newRow("deleted at the end")
        << u"各乡镇、街道：请做好工作。"_s << u"各乡镇、街道："_s << u"请做好工作。"_s << QString() << 2;
    QTest::newRow("inserted at the start") << u"通知"_s << u"紧急通知"_s << QString() << u"紧急"_s << 2;
    QTest::newRow("two separate edits")
        << u"巴中市自然资源局发布公告"_s << u"巴中市自然资源和规划局发布通告"_s << u"公"_s << u"和规划通"_s
        << 6;
    QTest::newRow("mixed with ASCII")
        << u"2024年5月6日会议"_s << u"2024年5月8日专题会议"_s << u"6"_s << u"8专题"_s << 6;
}

void TestItemDiff::chineseCharacterLevel()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, deleted);
    QFETCH(QString, inserted);
    QFETCH(int, runs);
    const QList<TextChange> d = ItemDiff::diffText(before, after);
    QCOMPARE(side(d, Op::Insert), before);
    QCOMPARE(side(d, Op::Delete), after);
    QString del;
    QString ins;
    for (const TextChange &c : d) {
        QVERIFY(!c.text.isEmpty());
        if (c.op == Op::Delete)
            del += c.text;
        else if (c.op == Op::Insert)
            ins += c.text;
    }
    QCOMPARE(del, deleted);
    QCOMPARE(ins, inserted);
    QCOMPARE(d.size(), runs);
    // Adjacent runs never have the same kind; a deletion comes before the insertion it pairs with.
    for (int i = 1; i < d.size(); ++i) {
        QVERIFY(d[i].op != d[i - 1].op);
        QVERIFY(!(d[i - 1].op == Op::Insert && d[i].op == Op::Delete));
    }
}

void TestItemDiff::surrogatePairsAreNeverSplit()
{
    // 𠀀 (U+20000) and 𠀁 (U+20001) share their high surrogate: a UTF-16 diff would split them.
    const QString before = u"甲\U00020000乙"_s;
    const QString after = u"甲\U00020001乙"_s;
    const QList<TextChange> d = ItemDiff::diffText(before, after);
    QCOMPARE(d.size(), 4);
    QCOMPARE(d[1].op, Op::Delete);
    QCOMPARE(d[1].text, u"\U00020000"_s);
    QCOMPARE(d[2].op, Op::Insert);
    QCOMPARE(d[2].text, u"\U00020001"_s);
}

void TestItemDiff::identicalAndEmptyTexts()
{
    QCOMPARE(ItemDiff::diffText(u"相同"_s, u"相同"_s), (QList<TextChange>{{Op::Equal, u"相同"_s}}));
    QVERIFY(ItemDiff::diffText({}, {}).isEmpty());
    QCOMPARE(ItemDiff::diffText({}, u"新"_s), (QList<TextChange>{{Op::Insert, u"新"_s}}));
    QCOMPARE(ItemDiff::diffText(u"旧"_s, {}), (QList<TextChange>{{Op::Delete, u"旧"_s}}));
}

void TestItemDiff::fieldsAndAttachments()
{
    const Organization org = Organization::demo();
    RevisionContent a;
    a.title = u"关于耕地保护的通知"_s;
    a.columnId = u"bureau_news"_s;
    a.infoDate = QDate(2024, 5, 6);
    a.meeting = u"局长办公会"_s;
    a.attachments = {attachment(u"位置图.pdf"_s, 'a'), attachment(u"附件一.docx"_s, 'b')};
    RevisionContent b = a;
    b.title = u"关于加强耕地保护的通知"_s;
    b.columnId = u"notices"_s;
    b.infoDate = QDate(2024, 5, 8);
    b.urgent = true;
    b.attachments = {attachment(u"附件一.docx"_s, 'b'), attachment(u"附件二.xlsx"_s, 'c')};

    const ItemDiff d = ItemDiff::compare(a, b, &org);
    QStringList names;
    for (const FieldChange &f : d.fields)
        names << f.field;
    QCOMPARE(names, (QStringList{u"title"_s, u"column"_s, u"info_date"_s, u"urgent"_s}));
    QCOMPARE(d.field(u"column"_s)->before, u"局内动态"_s); // names, not ids
    QCOMPARE(d.field(u"column"_s)->after, u"通知公告"_s);
    QCOMPARE(d.field(u"info_date"_s)->before, u"2024-05-06"_s);
    QCOMPARE(d.field(u"info_date"_s)->after, u"2024-05-08"_s);
    QVERIFY(!d.field(u"meeting"_s)); // unchanged
    QCOMPARE(d.attachmentsAdded.size(), 1);
    QCOMPARE(d.attachmentsAdded.first().fileName, u"附件二.xlsx"_s);
    QCOMPARE(d.attachmentsRemoved.size(), 1);
    QCOMPARE(d.attachmentsRemoved.first().fileName, u"位置图.pdf"_s);
    QVERIFY(!d.bodyChanged());
    QVERIFY(!d.isEmpty());

    // An attachment renamed but with the same content is not added or removed.
    RevisionContent c = a;
    c.attachments[0].fileName = u"改名.pdf"_s;
    QVERIFY(ItemDiff::compare(a, c).isEmpty());
}

void TestItemDiff::bodyIsComparedAsPlainText()
{
    RevisionContent a;
    a.bodyHtml = u"<p>各乡镇、街道：</p><p>请做好<strong>耕地</strong>保护工作。</p>"_s;
    RevisionContent b;
    b.bodyHtml = u"<p>各乡镇、街道：</p><p>请切实做好耕地保护工作。</p>"_s; // markup changed too
    const ItemDiff d = ItemDiff::compare(a, b);
    QVERIFY(d.bodyChanged());
    QCOMPARE(d.insertedCharacters(), 2);
    QCOMPARE(d.deletedCharacters(), 0);
    QString inserted;
    for (const TextChange &c : d.body) {
        if (c.op == Op::Insert)
            inserted += c.text;
    }
    QCOMPARE(inserted, u"切实"_s);
}

void TestItemDiff::baseRevisionForAChange()
{
    Item item;
    item.id = u"i"_s;
    item.state = WorkflowState::InReview;
    item.proposal = Proposal::Change;
    item.liveRevision = 2;
    item.cycle = 2;
    item.revisions = {revision(1, u"a"_s, u"旧标题"_s, u"<p>一</p>"_s),
                      revision(2, u"a"_s, u"旧标题"_s, u"<p>二</p>"_s),
                      revision(3, u"a"_s, u"新标题"_s, u"<p>二三</p>"_s)};
    QCOMPARE(ItemDiff::baseRevision(item), 2);
    const std::optional<ItemDiff> d = ItemDiff::forReview(item);
    QVERIFY(d);
    QCOMPARE(d->fromRevision, 2);
    QCOMPARE(d->toRevision, 3);
    QCOMPARE(d->field(u"title"_s)->after, u"新标题"_s);
    QCOMPARE(d->insertedCharacters(), 1);
}

void TestItemDiff::baseRevisionAfterAReturn()
{
    Item item;
    item.id = u"i"_s;
    item.state = WorkflowState::InReview;
    item.cycle = 2;
    item.revisions = {revision(1, u"a"_s, u"标题"_s, u"<p>请做好工作</p>"_s),
                      revision(2, u"a"_s, u"标题"_s, u"<p>请做好耕地保护工作</p>"_s)};
    Decision returned;
    returned.stageId = u"unit_review"_s;
    returned.personId = u"b"_s;
    returned.type = DecisionType::Return;
    returned.revision = 1;
    returned.cycle = 1;
    returned.reason = u"请写明工作内容"_s;
    item.decisions = {returned};
    QCOMPARE(ItemDiff::baseRevision(item), 1);
    // Later approvals in the new cycle keep the comparison with the returned revision.
    Decision approved = returned;
    approved.type = DecisionType::Approve;
    approved.revision = 2;
    approved.cycle = 2;
    item.decisions.append(approved);
    item.stageId = u"office_signoff"_s;
    QCOMPARE(ItemDiff::baseRevision(item), 1);
    const std::optional<ItemDiff> d = ItemDiff::forReview(item);
    QVERIFY(d);
    QCOMPARE(d->insertedCharacters(), 4);
    QVERIFY(d->fields.isEmpty());
}

void TestItemDiff::baseRevisionAfterMinorEdits()
{
    Item item;
    item.id = u"i"_s;
    item.state = WorkflowState::InReview;
    item.cycle = 1;
    item.authorId = u"a"_s;
    item.revisions = {revision(1, u"a"_s, u"标题"_s, u"<p>正文</p>"_s),
                      revision(2, u"b"_s, u"标题。"_s, u"<p>正文</p>"_s)};
    Decision approved;
    approved.stageId = u"unit_review"_s;
    approved.personId = u"b"_s;
    approved.revision = 2;
    approved.cycle = 1;
    item.decisions = {approved};
    QCOMPARE(ItemDiff::baseRevision(item), 1);
}

void TestItemDiff::nothingToCompare()
{
    Item item;
    item.state = WorkflowState::InReview;
    item.cycle = 1;
    item.revisions = {revision(1, u"a"_s, u"标题"_s, u"<p>正文</p>"_s)};
    QCOMPARE(ItemDiff::baseRevision(item), 0);
    QVERIFY(!ItemDiff::forReview(item));
    item.revisions.append(revision(2, u"a"_s, u"标题二"_s, u"<p>正文</p>"_s));
    item.state = WorkflowState::Published; // nothing in flight
    item.liveRevision = 2;
    QCOMPARE(ItemDiff::baseRevision(item), 0);
    QVERIFY(!ItemDiff::compare(item, 1, 7));
}

void TestItemDiff::htmlMarksInsertionsAndDeletions()
{
    RevisionContent a;
    a.title = u"<旧>"_s;
    a.bodyHtml = u"<p>请做好耕地保护工作。</p>"_s;
    RevisionContent b = a;
    b.title = u"新 & 好"_s;
    b.bodyHtml = u"<p>请做好林地保护工作。</p>"_s;
    ItemDiff d = ItemDiff::compare(a, b);
    d.fromRevision = 1;
    d.toRevision = 2;
    const QString html = d.toHtml();
    QVERIFY(html.contains(u"请做好<del"_s));
    QVERIFY(html.contains(u">耕</span></del><ins"_s));
    QVERIFY(html.contains(u">林</span></ins>地保护工作。"_s));
    QVERIFY(html.contains(u"&lt;旧&gt;"_s)); // escaped
    QVERIFY(html.contains(u"新 &amp; 好"_s));
    QVERIFY(!html.contains(u"<旧>"_s));
    QVERIFY(ItemDiff::textToHtml({{Op::Equal, u"一\n二"_s}}).contains(u"一<br>二"_s));
}

void TestItemDiff::changedCharacters()
{
    QCOMPARE(ItemDiff::changedCharacters(u"一二三"_s, u"一二三"_s), 0);
    // One character replaced: one deleted, one inserted.
    QCOMPARE(ItemDiff::changedCharacters(u"关于开展规划的通知"_s, u"关于开展规划的公告"_s), 4);
    // Lines matched first: an edit in each of two lines counts each edit, not the text between them.
    const QString before = u"第一段文字。\n第二段保持不变的很长的文字。\n第三段文字。"_s;
    const QString after = u"第一段文本。\n第二段保持不变的很长的文字。\n第三段文本。"_s;
    QCOMPARE(ItemDiff::changedCharacters(before, after), 4);
    // A line added counts whole (with its line break); a line removed too.
    QCOMPARE(ItemDiff::changedCharacters(u"甲\n乙"_s, u"甲\n乙\n丙丁"_s), 3);
    QCOMPARE(ItemDiff::changedCharacters(u"甲\n乙\n丙丁"_s, u"甲\n乙"_s), 3);
    // Long texts with many lines stay cheap and give a bound.
    QString a, b;
    for (int i = 0; i < 5000; ++i) {
        a += u"第%1行\n"_s.arg(i);
        b += u"第%1列\n"_s.arg(i);
    }
    QVERIFY(ItemDiff::changedCharacters(a, b) >= 10000);
}

void TestItemDiff::longTexts()
{
    // A long body with a few edits: the result rebuilds both sides exactly.
    QString before;
    for (int i = 0; i < 3000; ++i)
        before += u"第%1条：自然资源和规划工作。"_s.arg(i);
    QString after = before;
    after.replace(u"第1500条"_s, u"第一千五百条"_s);
    after.insert(10, u"（修订）"_s);
    after.chop(5);
    const QList<TextChange> d = ItemDiff::diffText(before, after);
    QCOMPARE(side(d, Op::Insert), before);
    QCOMPARE(side(d, Op::Delete), after);
    int changed = 0;
    for (const TextChange &c : d)
        changed += c.op == Op::Equal ? 0 : 1;
    QVERIFY(changed <= 6);
}

QTEST_APPLESS_MAIN(TestItemDiff)
#include "tst_itemdiff.moc"
