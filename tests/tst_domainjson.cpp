// The JSON forms of items (core/DomainJson): exact round trips and clear refusals of bad input.

#include "DomainJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

Attachment attachment(const QString &id, const QString &name, const QByteArray &content)
{
    Attachment a;
    a.id = id;
    a.fileName = name;
    a.mimeType = u"application/pdf"_s;
    a.size = content.size();
    a.sha256 = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    return a;
}

// An item with every field set, Chinese text, two revisions, attachments, decisions and comments.
Item fullItem()
{
    Item item;
    item.id = u"0b6f3c1e-6a57-4c3e-9d0e-2f9b7d1a4c11"_s;
    item.kind = ItemKind::Disclosure;
    item.unitId = u"planning"_s;
    item.authorId = u"zhangwei"_s;
    item.state = WorkflowState::InReview;
    item.proposal = Proposal::Change;
    item.stageId = u"leader"_s;
    item.liveRevision = 1;
    item.cycle = 2;
    item.publishedAt = utc(2024, 3, 5, 1, 2, 3, 456);
    item.indexNumber = u"113301000025/2024-00042"_s;
    // Art. 14: the municipal platform returned it, kept off the bureau site.
    item.municipal = MunicipalRecord{MunicipalStatus::Returned,
                                     2,
                                     1,
                                     false,
                                     u"6a4f1c2e-0b7d-5e3a-9c51-2f8d7e6b4a10"_s,
                                     u"请补充具体时间"_s,
                                     utc(2024, 3, 6, 9, 0, 0, 0)};

    Revision r1;
    r1.number = 1;
    r1.authorId = u"zhangwei"_s;
    r1.createdAt = utc(2024, 3, 1, 8, 30, 0, 1);
    r1.content.title = u"关于《国土空间总体规划（2021—2035年）》批前公示的公告"_s;
    r1.content.bodyHtml =
        u"<p>根据《中华人民共和国土地管理法》&amp;有关规定，现予公示。</p><p>公示期 30 日。</p>"_s;
    r1.content.columnId = u"planning-notices"_s;
    r1.content.infoDate = QDate(2024, 2, 29);
    r1.content.urgent = true;
    r1.content.catalogueEntry = u"规划计划"_s;
    r1.content.documentNumber = u"某自然资规〔2024〕3号"_s;
    r1.content.majorPolicy = true;
    r1.content.interpretationItemId = u"interp-7"_s;
    r1.content.toMunicipalPortal = true;
    r1.content.topic = u"国土资源、能源"_s;
    r1.content.genre = u"公告"_s;
    r1.content.keywords = {u"国土空间"_s, u"公示"_s};
    r1.content.writtenDate = QDate(2024, 2, 28);
    r1.content.validity = Validity::Repealed;
    r1.content.validityDate = QDate(2024, 12, 31);
    r1.content.replacedByItemId = u"doc-2025-1"_s;
    r1.content.otherChannel = u"巴中日报"_s;
    r1.content.otherChannelDate = QDate(2024, 2, 29);
    r1.content.attachments = {attachment(u"att-1"_s, u"公示图件（一）.pdf"_s, "map one"),
                              attachment(u"att-2"_s, u"说明 书.docx"_s, "notes")};
    r1.content.attachments[1].mimeType =
        u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;

    Revision r2 = r1;
    r2.number = 2;
    r2.authorId = u"lina"_s;
    r2.createdAt = utc(2024, 3, 6, 23, 59, 59, 999);
    r2.content.title = u"关于国土空间总体规划批前公示延期的公告"_s;
    r2.content.urgent = false;
    r2.content.sourceSite = u"省自然资源厅"_s;
    r2.content.sourceUrl = u"https://zrzyt.example.gov.cn/art/2024/3/6/art_1.html"_s;
    r2.content.meeting = u"局长办公会"_s;
    r2.content.meetingDate = QDate(2024, 3, 4);
    r2.content.attachments.removeLast();
    item.revisions = {r1, r2};

    Decision d1;
    d1.stageId = u"unit_head"_s;
    d1.personId = u"wangfang"_s;
    d1.type = DecisionType::Return;
    d1.revision = 1;
    d1.reason = u"附件缺少图例，请补充。"_s;
    d1.cycle = 1;
    d1.at = utc(2024, 3, 2, 9, 0, 0, 0);
    Decision d2;
    d2.stageId = u"office"_s;
    d2.personId = u"liuyang"_s;
    d2.type = DecisionType::Approve;
    d2.revision = 2;
    d2.confidentialityAttested = true;
    d2.overrideReason = u"解读材料三日内发布"_s;
    d2.cycle = 2;
    d2.at = utc(2024, 3, 7, 10, 11, 12, 13);
    item.decisions = {d1, d2};

    Comment c;
    c.personId = u"wangfang"_s;
    c.revision = 2;
    c.text = u"“公示期”请写明起止日期。\n另：注意保密审查。"_s;
    c.at = utc(2024, 3, 7, 8, 0, 0, 500);
    item.comments = {c};
    return item;
}

// Sets (or, for an undefined value, removes) the value at a path like "revisions[0].content.title".
QJsonValue withValue(const QJsonValue &root, QStringView path, const QJsonValue &value)
{
    static const QRegularExpression segment(u"^([a-z_0-9]+)?(?:\\[(\\d+)\\])?"_s);
    const qsizetype dot = path.indexOf(u'.');
    const QStringView head = dot < 0 ? path : path.left(dot);
    const QStringView rest = dot < 0 ? QStringView() : path.mid(dot + 1);
    const QRegularExpressionMatch m = segment.match(head.toString());
    const QString key = m.captured(1);
    const bool indexed = m.hasCaptured(2);
    const int index = m.captured(2).toInt();

    QJsonObject o = root.toObject();
    if (!indexed) {
        if (rest.isEmpty()) {
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
        } else {
            o.insert(key, withValue(o.value(key), rest, value));
        }
        return o;
    }
    QJsonArray a = o.value(key).toArray();
    if (rest.isEmpty())
        a.replace(index, value);
    else
        a.replace(index, withValue(a.at(index), rest, value));
    o.insert(key, a);
    return o;
}

} // namespace

class TestDomainJson : public QObject
{
    Q_OBJECT

private slots:
    void serverLimits();
    void fullItemRoundTrip();
    void minimalItemRoundTrip();
    void fieldForms();
    void parseErrors_data();
    void parseErrors();
    void attachmentErrors_data();
    void attachmentErrors();
    void memberTexts();
};

void TestDomainJson::fullItemRoundTrip()
{
    const Item item = fullItem();
    const QJsonObject o = json::toJson(item);

    Item parsed;
    QString error;
    QVERIFY2(json::fromJson(o, &parsed, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(parsed, item);

    // Through text, as the store and the wire carry it.
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    Item fromText;
    QVERIFY2(json::fromJson(QJsonDocument::fromJson(text).object(), &fromText, &error), qPrintable(error));
    QCOMPARE(fromText, item);
    QCOMPARE(QJsonDocument(json::toJson(fromText)).toJson(QJsonDocument::Compact), text);

    // A date-time given in another zone comes back as the same instant, in UTC.
    Item shifted = item;
    shifted.publishedAt = item.publishedAt.toOffsetFromUtc(8 * 3600);
    QVERIFY(json::fromJson(json::toJson(shifted), &parsed, &error));
    QCOMPARE(parsed.publishedAt, item.publishedAt);
    QCOMPARE(parsed.publishedAt.timeSpec(), Qt::UTC);

    // Issue #15: whether a version was sent round travels; stored data from before the field had
    // only versions that are kept, so a missing "sent" reads as sent.
    Item working = item;
    working.revisions.last().sent = false;
    QVERIFY(json::fromJson(json::toJson(working), &parsed, &error));
    QVERIFY(!parsed.revisions.last().sent);
    QJsonObject old = json::toJson(working);
    QJsonArray revisions = old.value(u"revisions"_s).toArray();
    QJsonObject last = revisions.last().toObject();
    last.remove(u"sent"_s);
    revisions.replace(revisions.size() - 1, last);
    old.insert(u"revisions"_s, revisions);
    QVERIFY(json::fromJson(old, &parsed, &error));
    QVERIFY(parsed.revisions.last().sent);
}

void TestDomainJson::minimalItemRoundTrip()
{
    Item item;
    item.id = u"draft-1"_s;
    Revision r;
    r.number = 1;
    item.revisions = {r}; // no dates, no title text, no attachments

    const QJsonObject o = json::toJson(item);
    const QJsonObject content =
        o.value(u"revisions"_s).toArray().at(0).toObject().value(u"content"_s).toObject();
    QVERIFY(!content.contains(u"info_date"_s)); // invalid dates are left out, not written empty
    QVERIFY(!o.contains(u"published_at"_s));

    Item parsed;
    parsed.id = u"something else"_s;
    QString error;
    QVERIFY2(json::fromJson(o, &parsed, &error), qPrintable(error));
    QCOMPARE(parsed, item);
    QVERIFY(!parsed.revisions.at(0).content.infoDate.isValid());
    QVERIFY(!parsed.publishedAt.isValid());
}

void TestDomainJson::fieldForms()
{
    const Item item = fullItem();
    const QJsonObject o = json::toJson(item);
    QCOMPARE(o.value(u"kind"_s).toString(), u"disclosure"_s);
    QCOMPARE(o.value(u"state"_s).toString(), u"in_review"_s);
    QCOMPARE(o.value(u"proposal"_s).toString(), u"change"_s);
    QCOMPARE(o.value(u"live_revision"_s).toInt(), 1);
    QCOMPARE(o.value(u"index_number"_s).toString(), u"113301000025/2024-00042"_s);
    QCOMPARE(o.value(u"published_at"_s).toString(), u"2024-03-05T01:02:03.456Z"_s);

    const QJsonObject r1 = o.value(u"revisions"_s).toArray().at(0).toObject();
    QCOMPARE(r1.value(u"created_at"_s).toString(), u"2024-03-01T08:30:00.001Z"_s);
    const QJsonObject c1 = r1.value(u"content"_s).toObject();
    QCOMPARE(c1.value(u"info_date"_s).toString(), u"2024-02-29"_s);
    QCOMPARE(c1.value(u"document_number"_s).toString(), u"某自然资规〔2024〕3号"_s);
    QCOMPARE(c1.value(u"to_municipal_portal"_s).toBool(), true);
    const QJsonObject a1 = c1.value(u"attachments"_s).toArray().at(0).toObject();
    QCOMPARE(a1.value(u"file_name"_s).toString(), u"公示图件（一）.pdf"_s);
    QCOMPARE(a1.value(u"size"_s).toInteger(), 7);
    const QString hex =
        QString::fromLatin1(QCryptographicHash::hash("map one", QCryptographicHash::Sha256).toHex());
    QCOMPARE(a1.value(u"sha256"_s).toString(), hex);
    QCOMPARE(hex, hex.toLower());

    const QJsonObject d1 = o.value(u"decisions"_s).toArray().at(0).toObject();
    QCOMPARE(d1.value(u"type"_s).toString(), u"return"_s);
    QCOMPARE(d1.value(u"stage_id"_s).toString(), u"unit_head"_s);
    QCOMPARE(o.value(u"decisions"_s).toArray().at(1).toObject().value(u"confidentiality_attested"_s).toBool(),
             true);
}

void TestDomainJson::parseErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // undefined: the field is removed

    const QJsonValue missing(QJsonValue::Undefined);
    QTest::newRow("id missing") << u"id"_s << missing;
    QTest::newRow("id empty") << u"id"_s << QJsonValue(u""_s);
    QTest::newRow("id a number") << u"id"_s << QJsonValue(42);
    QTest::newRow("id null") << u"id"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("kind missing") << u"kind"_s << missing;
    QTest::newRow("kind unknown") << u"kind"_s << QJsonValue(u"blog_post"_s);
    QTest::newRow("state unknown") << u"state"_s << QJsonValue(u"approved"_s);
    QTest::newRow("state missing") << u"state"_s << missing;
    QTest::newRow("proposal missing") << u"proposal"_s << missing;
    QTest::newRow("live_revision negative") << u"live_revision"_s << QJsonValue(-1);
    QTest::newRow("live_revision fraction") << u"live_revision"_s << QJsonValue(1.5);
    QTest::newRow("published_at not a date") << u"published_at"_s << QJsonValue(u"上周三"_s);
    QTest::newRow("revisions not a list") << u"revisions"_s << QJsonValue(u"r1"_s);
    QTest::newRow("revision not an object") << u"revisions[1]"_s << QJsonValue(2);
    QTest::newRow("revision number missing") << u"revisions[0].number"_s << missing;
    QTest::newRow("revision number zero") << u"revisions[0].number"_s << QJsonValue(0);
    QTest::newRow("revision number text") << u"revisions[0].number"_s << QJsonValue(u"1"_s);
    QTest::newRow("revision content missing") << u"revisions[1].content"_s << missing;
    QTest::newRow("revision content a list") << u"revisions[1].content"_s << QJsonValue(QJsonArray());
    QTest::newRow("created_at invalid")
        << u"revisions[0].created_at"_s << QJsonValue(u"2024-02-30T00:00:00Z"_s);
    QTest::newRow("title missing") << u"revisions[1].content.title"_s << missing;
    QTest::newRow("title a number") << u"revisions[0].content.title"_s << QJsonValue(3);
    QTest::newRow("info_date month 13") << u"revisions[0].content.info_date"_s << QJsonValue(u"2024-13-01"_s);
    QTest::newRow("info_date slashes") << u"revisions[0].content.info_date"_s << QJsonValue(u"2024/01/02"_s);
    QTest::newRow("urgent text") << u"revisions[0].content.urgent"_s << QJsonValue(u"yes"_s);
    QTest::newRow("attachments an object")
        << u"revisions[0].content.attachments"_s << QJsonValue(QJsonObject());
    QTest::newRow("attachment sha256 short")
        << u"revisions[0].content.attachments[1].sha256"_s << QJsonValue(u"abc123"_s);
    QTest::newRow("attachment size missing") << u"revisions[1].content.attachments[0].size"_s << missing;
    QTest::newRow("decision type unknown") << u"decisions[0].type"_s << QJsonValue(u"maybe"_s);
    QTest::newRow("decision at missing") << u"decisions[1].at"_s << missing;
    QTest::newRow("decision stage missing") << u"decisions[0].stage_id"_s << missing;
    QTest::newRow("decision revision missing") << u"decisions[0].revision"_s << missing;
    QTest::newRow("comment text missing") << u"comments[0].text"_s << missing;
    QTest::newRow("comment person empty") << u"comments[0].person_id"_s << QJsonValue(u""_s);
    QTest::newRow("comment at a number") << u"comments[0].at"_s << QJsonValue(1709798400);
}

void TestDomainJson::parseErrors()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);

    const QJsonObject broken = withValue(json::toJson(fullItem()), path, value).toObject();
    QVERIFY(broken != json::toJson(fullItem()));

    Item out;
    out.id = u"untouched"_s;
    QString error;
    QVERIFY(!json::fromJson(broken, &out, &error));
    // The message names the field by its full path, e.g. "revisions[0].content.title".
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(out.id, u"untouched"_s); // a failed parse leaves the output alone
    QVERIFY(out.revisions.isEmpty());
}

void TestDomainJson::attachmentErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");

    const QJsonValue missing(QJsonValue::Undefined);
    QTest::newRow("unchanged") << u"id"_s << QJsonValue(u"att-1"_s) << true;
    QTest::newRow("upper-case hex accepted") << u"sha256"_s << QJsonValue(QString(64, u'A')) << true;
    QTest::newRow("mime type optional") << u"mime_type"_s << missing << true;
    QTest::newRow("id missing") << u"id"_s << missing << false;
    QTest::newRow("file_name missing") << u"file_name"_s << missing << false;
    QTest::newRow("file_name empty") << u"file_name"_s << QJsonValue(u""_s) << false;
    QTest::newRow("size negative") << u"size"_s << QJsonValue(-5) << false;
    QTest::newRow("size text") << u"size"_s << QJsonValue(u"7"_s) << false;
    QTest::newRow("sha256 missing") << u"sha256"_s << missing << false;
    QTest::newRow("sha256 not hex") << u"sha256"_s << QJsonValue(QString(64, u'z')) << false;
    QTest::newRow("sha256 65 digits") << u"sha256"_s << QJsonValue(QString(65, u'a')) << false;
}

void TestDomainJson::attachmentErrors()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);

    const Attachment original = attachment(u"att-1"_s, u"图.pdf"_s, "x");
    const QJsonObject o = withValue(json::toJson(original), field, value).toObject();
    Attachment out;
    QString error;
    QCOMPARE(json::fromJson(o, &out, &error), valid);
    if (valid) {
        QVERIFY(error.isEmpty());
        QCOMPARE(out.id, original.id);
        QCOMPARE(out.sha256.size(), 32);
    } else {
        QVERIFY2(error.contains(field), qPrintable(error));
        QCOMPARE(out, Attachment());
    }
}

// The texts of a feed page's items as written: strings with quotes, brackets and escapes inside,
// nested objects and arrays, spaces, members in any order, elements without the member.
void TestDomainJson::memberTexts()
{
    const QByteArray page = R"( { "server_id" : "s{1}", "skip": [1, {"changes": []}],
        "changes" : [
          {"sequence":"1","item":{"id":"a","title":"引号\"{[}]\\","n":[1,{"x":"]"}]}},
          { "item" : {"id":"b"} , "sequence" : "2" },
          {"sequence":"3","item_id":"c","deleted":true},
          {"item":{}}
        ],
        "cursor":"3", "more":false } )";
    QVERIFY(QJsonDocument::fromJson(page).isObject());
    const std::optional<QList<QByteArrayView>> texts = json::memberTexts(page, "changes", "item");
    QVERIFY(texts);
    QCOMPARE(texts->size(), 4);
    QCOMPARE(texts->at(0), QByteArrayView(R"({"id":"a","title":"引号\"{[}]\\","n":[1,{"x":"]"}]})"));
    QCOMPARE(texts->at(1), QByteArrayView(R"({"id":"b"})"));
    QVERIFY(texts->at(2).isEmpty());
    QCOMPARE(texts->at(3), QByteArrayView("{}"));
    // Each text reads as the same object as the parsed document's.
    const QJsonArray changes = QJsonDocument::fromJson(page).object().value("changes"_L1).toArray();
    QCOMPARE(QJsonDocument::fromJson(texts->at(0).toByteArray()).object(),
             changes.at(0).toObject().value("item"_L1).toObject());

    QCOMPARE(json::memberTexts(R"({"changes":[]})", "changes", "item")->size(), 0);
    QVERIFY(!json::memberTexts(R"({"cursor":"1"})", "changes", "item"));
    QVERIFY(!json::memberTexts(R"([1,2])", "changes", "item"));
    QVERIFY(!json::memberTexts(R"({"changes":{"item":1}})", "changes", "item"));
    QVERIFY(!json::memberTexts(R"({"changes":[{"item":"unterminated}])", "changes", "item"));
}

// The server's limits in GET /me: one typed form on both sides (docs/api.md "Who am I").
void TestDomainJson::serverLimits()
{
    ServerLimits l;
    l.maxUploadBytes = 2LL * 1024 * 1024 * 1024;
    l.chunkSize = 8 * 1024 * 1024;
    const QJsonObject o = json::toJson(l);
    QCOMPARE(o.value("max_upload_bytes"_L1).toInteger(), l.maxUploadBytes);
    QCOMPARE(o.value("chunk_size"_L1).toInteger(), l.chunkSize);
    QCOMPARE(json::serverLimitsFromJson(o), l);
    // Missing or malformed members are "not known".
    const ServerLimits none =
        json::serverLimitsFromJson(QJsonObject{{"max_upload_bytes"_L1, u"big"_s}, {"chunk_size"_L1, -5}});
    QCOMPARE(none, ServerLimits{});
}

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
