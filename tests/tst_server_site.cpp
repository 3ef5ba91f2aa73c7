// The public site (server/SiteRenderer, server/SiteServer) against the real server, on SQLite and on
// PostgreSQL: publication through the API writes the item page, its column pages and both feeds; the
// feeds are valid Atom; an approved change shows its revision date; a retraction leaves a "withdrawn"
// page and takes the item off the lists; pages are replaced atomically while a reader polls; the
// site server refuses paths leaving the folder and sends a Chinese attachment name correctly; headless
// Chromium loads the home, a column and an item page without console errors (screenshots kept).

#include "SampleContent.h"
#include "ServerBlobStore.h"
#include "ServerHarness.h"
#include "ServerProcess.h"

#include "ColumnHealth.h"
#include "DomainJson.h"
#include "HtmlSanitizer.h"
#include "SiteRenderer.h"
#include "SiteSearch.h"
#include "SiteServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

#include <QTimeZone>
#include <QUuid>
#include <QXmlStreamReader>
#include <sys/stat.h>

#include <atomic>
#include <future>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The top navigation of a page: the links between <nav aria-label="栏目导航"> and its </nav>.
QString navOf(const QString &html)
{
    const qsizetype from = html.indexOf(u"aria-label=\"栏目导航\""_s);
    const qsizetype to = html.indexOf(u"</nav>"_s, from);
    return from < 0 || to < 0 ? QString() : html.mid(from, to - from);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct AtomEntry
{
    QString id;
    QString title;
    QString link;
    QString updated;
};

// Parses an Atom feed strictly enough to catch what readers choke on: well-formed XML, the Atom
// namespace, the feed's required id, title and updated, and each entry's id, title, updated and link.
bool parseAtom(const QByteArray &xml, QList<AtomEntry> *entries, QString *error)
{
    const QString atom = u"http://www.w3.org/2005/Atom"_s;
    QXmlStreamReader r(xml);
    if (!r.readNextStartElement() || r.name() != "feed"_L1 || r.namespaceUri() != atom) {
        *error = u"the root is not an Atom feed"_s;
        return false;
    }
    QSet<QString> feedFields;
    while (r.readNextStartElement()) {
        if (r.name() != "entry"_L1) {
            feedFields.insert(r.name().toString());
            r.skipCurrentElement();
            continue;
        }
        AtomEntry e;
        while (r.readNextStartElement()) {
            if (r.namespaceUri() != atom) {
                *error = u"an element outside the Atom namespace"_s;
                return false;
            }
            if (r.name() == "id"_L1)
                e.id = r.readElementText();
            else if (r.name() == "title"_L1)
                e.title = r.readElementText();
            else if (r.name() == "updated"_L1)
                e.updated = r.readElementText();
            else if (r.name() == "link"_L1) {
                e.link = r.attributes().value(u"href"_s).toString();
                r.skipCurrentElement();
            } else
                r.skipCurrentElement();
        }
        if (e.id.isEmpty() || e.title.isEmpty() || e.link.isEmpty() ||
            !QDateTime::fromString(e.updated, Qt::ISODate).isValid()) {
            *error = u"an entry lacks id, title, link or a valid updated date"_s;
            return false;
        }
        entries->append(e);
    }
    if (r.hasError()) {
        *error = r.errorString();
        return false;
    }
    for (const QString &required : {u"id"_s, u"title"_s, u"updated"_s, u"author"_s}) {
        if (!feedFields.contains(required)) {
            *error = u"the feed has no "_s + required;
            return false;
        }
    }
    return true;
}

// Whether the sitemap (the index sitemap.xml and the files it lists) names `path`; *files gets the
// number of files, each checked to hold at most `perFile` URLs.
bool sitemapHas(const QString &folder, const QString &path, int perFile = 50000, int *files = nullptr)
{
    const QDir dir(folder);
    const QString index = QString::fromUtf8(readFile(dir.filePath(u"sitemap.xml"_s)));
    static const QRegularExpression loc(u"<loc>[^<]*/(sitemap-[a-z0-9-]+\\.xml)</loc>"_s);
    bool found = false;
    int count = 0;
    for (auto it = loc.globalMatch(index); it.hasNext();) {
        const QString name = it.next().captured(1);
        const QString file = QString::fromUtf8(readFile(dir.filePath(name)));
        ++count;
        if (name.startsWith(u"sitemap-items-"_s) && file.count(u"<url>"_s) > perFile)
            return false;
        found = found || file.contains(u"/"_s + path + u"</loc>"_s);
    }
    if (files)
        *files = count;
    return found;
}

// Renders what the store's queue holds now with `renderer` (tests that drive the renders themselves)
// and takes the jobs off the queue; the render's report.
server::SiteRenderer::Report renderQueued(server::ServerStore &store, server::SiteRenderer &renderer)
{
    const QList<server::RenderJob> jobs = store.dueRenderJobs(1000);
    server::SiteRenderer::Report report = renderer.renderJobs(jobs);
    if (report.ok() && !store.finishRenderJobs(jobs))
        report.error = store.lastError();
    return report;
}

bool feedHas(const QByteArray &xml, const QString &title)
{
    QList<AtomEntry> entries;
    QString error;
    if (!parseAtom(xml, &entries, &error))
        return false;
    return std::any_of(entries.cbegin(), entries.cend(),
                       [&](const AtomEntry &e) { return e.title == title; });
}

using test::decider;

const Person *correspondentOf(const Organization &org, const QString &unitId)
{
    for (const Person &p : org.people) {
        if (p.unitId == unitId && p.holds(Role::Correspondent, unitId) && !p.disabled)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestServerSite : public QObject
{
    Q_OBJECT

private slots:
    // Every case runs on SQLite and on PostgreSQL (QFETCH_GLOBAL(QString, backend)).
    void initTestCase_data() { backends(); }
    void initTestCase();

    void publicationWritesPages();
    void changeAndRetraction();
    void pagesAreReplacedAtomically();
    void republishCommand();
    void siteServerAndAttachments();
    void publishedAttachmentsReachTheSite();
    void nameAndOrganizerFromTheOrganization();
    void refusedTargets_data();
    void refusedTargets();
    void chromiumLoadsPages();
    void queuedPagesSurviveAKill();
    void burstRendersOnce();
    void failingRenderRetriedAndShown();
    void killedServerRendersOnRestart();
    void publicationWritesOnlyWhatChanges();
    void siteSearch();
    void policyAndInterpretationLinkBothWays();
    void disclosureMetadataAndRepeal();
    void columnHealthThroughTheApi();
    void columnsManagedByTheOffice();
    void columnsOffTheSiteUntilPublished();
    void inspectionReadySite();
    void inspectionScreenshots();

private:
    struct Site
    {
        std::unique_ptr<ServerHarness> harness;
        std::unique_ptr<server::SiteRenderer> renderer;
        server::SiteConfig config;
        QString folder;
        QString attachments;
        QString blobs; // the server's blob store ([blobs] folder)
        ~Site()
        {
            if (harness)
                server::SiteRenderer::detach(&harness->store());
        }
    };

    void backends()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : serverBackends())
            QTest::newRow(qPrintable(b)) << b;
    }
    // `org`: the organization to import (the demo's by default).
    std::unique_ptr<Site> start(const QString &backend, int sitemapUrls = 5000,
                                const Organization *org = nullptr,
                                const std::function<void(server::SiteConfig &)> &configure = {});
    QJsonObject act(ServerHarness &h, const QString &personId, const QString &itemId, const QString &action,
                    int baseRevision, const QJsonObject &extra, int *status);
    // Drives the item through its route's stages (every approval through the API); false on a refusal.
    bool approveAll(ServerHarness &h, const QString &itemId, QString *error);
    // Creates a draft of `kind` in `unitId` as its correspondent; its id, or empty when refused.
    QString createDraft(ServerHarness &h, ItemKind kind, const QString &unitId,
                        const RevisionContent &content);
    // Creates, submits and approves an item; returns its id (empty on failure, *error says why).
    QString publish(ServerHarness &h, ItemKind kind, const QString &unitId, const RevisionContent &content,
                    QString *error);
    static RevisionContent content(const QString &title, const QString &columnId);
    // Puts `bytes` in the server's blob store as uploaded by `personId` (theirs to attach).
    static bool storeBlobOf(Site &site, const QByteArray &bytes, const QString &personId)
    {
        const QByteArray hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        const QString path = server::BlobStore(site.blobs).blobPath(hex);
        QFile f(path);
        return QDir().mkpath(QFileInfo(path).path()) && f.open(QIODevice::WriteOnly) &&
               f.write(bytes) == bytes.size() && site.harness->store().addBlobOwner(hex, personId);
    }

    Organization m_org;
};

void TestServerSite::initTestCase()
{
    m_org = Organization::demo();
    QVERIFY(!m_org.people.isEmpty());
}

std::unique_ptr<TestServerSite::Site>
TestServerSite::start(const QString &backend, int sitemapUrls, const Organization *org,
                      const std::function<void(server::SiteConfig &)> &configure)
{
    auto site = std::make_unique<Site>();
    site->harness = std::make_unique<ServerHarness>(backend);
    if (!site->harness->ok()) {
        qWarning("server did not start: %s", qPrintable(site->harness->error()));
        return nullptr;
    }
    QString error;
    if (!site->harness->importOrganization(org ? *org : m_org, &error)) {
        qWarning("import failed: %s", qPrintable(error));
        return nullptr;
    }
    site->folder = QDir(site->harness->folder()).filePath(u"site"_s);
    site->attachments = QDir(site->harness->folder()).filePath(u"attachments"_s);
    QDir().mkpath(site->attachments);
    site->blobs = QDir(site->harness->folder()).filePath(u"blobs"_s);
    server::SiteConfig config;
    config.folder = site->folder;
    config.attachmentsFolder = site->attachments;
    config.blobFolder = site->blobs;
    config.name = m_org.name;
    config.url = u"https://zrzyj.example.gov.cn/"_s;
    config.siteCode = u"5119000001"_s;
    config.organizer = m_org.name;
    config.contact = u"电话：0827-5555555"_s;
    config.icp = u"蜀ICP备00000001号"_s;
    config.publicSecurity = u"川公网安备 51190202000001号"_s;
    config.reportErrorUrl = u"https://zfwzzc.www.gov.cn/"_s;
    config.pageSize = 3;
    config.sitemapUrls = sitemapUrls;
    config.searchIndex = QDir(site->harness->folder()).filePath(u"site-search.sqlite"_s);
    if (configure)
        configure(config);
    site->config = config;
    site->renderer = std::make_unique<server::SiteRenderer>(config, site->harness->store());
    if (!site->renderer->republishAll().ok())
        return nullptr;
    server::SiteRenderer::attach(&site->harness->store(), site->renderer.get());
    return site;
}

RevisionContent TestServerSite::content(const QString &title, const QString &columnId)
{
    RevisionContent c;
    c.title = title;
    c.bodyHtml = u"<p>为进一步做好国土空间规划工作，现将有关事项通知如下。</p>"
                 u"<script>alert(1)</script><p onclick=\"x()\">一、总体要求</p>"_s;
    c.columnId = columnId;
    c.infoDate = chinaToday().addDays(-1);
    // What a disclosure needs; the other kinds ignore it.
    c.catalogueEntry = u"政策文件"_s;
    c.topic = u"国土资源、能源"_s;
    c.genre = u"通知"_s;
    c.keywords = {u"国土空间规划"_s};
    c.writtenDate = c.infoDate;
    return c;
}

QJsonObject TestServerSite::act(ServerHarness &h, const QString &personId, const QString &itemId,
                                const QString &action, int baseRevision, const QJsonObject &extra,
                                int *status)
{
    QJsonObject body{{"action_id"_L1, uuid()},
                     {"action"_L1, action},
                     {"item_id"_L1, itemId},
                     {"base_revision"_L1, baseRevision}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const HttpResult r = h.post(u"/api/v1/actions"_s, h.login(personId), body);
    *status = r.status;
    // The pages follow the answer (the render queue): what the tests look at next is written.
    server::SiteRenderer::waitIdle(h.store(), 30000);
    return r.body;
}

bool TestServerSite::approveAll(ServerHarness &h, const QString &itemId, QString *error)
{
    for (int guard = 0; guard < 10; ++guard) {
        const std::optional<Item> item = h.store().item(itemId);
        if (!item || item->state != WorkflowState::InReview)
            return item.has_value();
        const std::optional<Stage> stage = RouteEngine::builtin().currentStage(*item);
        const Person *reviewer = stage ? decider(m_org, *stage, *item) : nullptr;
        if (!reviewer) {
            *error = u"nobody decides stage "_s + item->stageId;
            return false;
        }
        int status = 0;
        const QJsonObject answer =
            act(h, reviewer->id, itemId, u"approve"_s, item->latestNumber(),
                {{"stage_id"_L1, stage->id},
                 {"confidentiality_attested"_L1, RouteEngine::builtin().isLastStage(*item, stage->id)}},
                &status);
        if (status != 200) {
            *error = QString::fromUtf8(QJsonDocument(answer).toJson());
            return false;
        }
    }
    *error = u"the route did not end"_s;
    return false;
}

QString TestServerSite::createDraft(ServerHarness &h, ItemKind kind, const QString &unitId,
                                    const RevisionContent &c)
{
    const Person *author = correspondentOf(m_org, unitId);
    const QString id = uuid();
    int status = 0;
    if (author)
        act(h, author->id, id, u"create"_s, -1,
            {{"kind"_L1, toString(kind)}, {"unit_id"_L1, unitId}, {"content"_L1, json::toJson(c)}}, &status);
    return status == 200 ? id : QString();
}

QString TestServerSite::publish(ServerHarness &h, ItemKind kind, const QString &unitId,
                                const RevisionContent &c, QString *error)
{
    const Person *author = correspondentOf(m_org, unitId);
    const QString id = createDraft(h, kind, unitId, c);
    if (!author || id.isEmpty()) {
        *error = u"no draft made in "_s + unitId;
        return {};
    }
    int status = 0;
    const QJsonObject answer = act(h, author->id, id, u"submit"_s, 1, {}, &status);
    if (status != 200) {
        *error = QString::fromUtf8(QJsonDocument(answer).toJson());
        return {};
    }
    return approveAll(h, id, error) ? id : QString();
}

void TestServerSite::publicationWritesPages()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    // The empty site exists already: home, every column, feeds, site maps, style sheet.
    QVERIFY(QFileInfo::exists(dir.filePath(u"index.html"_s)));
    QVERIFY(QFileInfo::exists(dir.filePath(u"columns/bureau_news/index.html"_s)));
    QVERIFY(QFileInfo::exists(dir.filePath(u"sitemap.xml"_s)));
    const QByteArray homeBefore = readFile(dir.filePath(u"index.html"_s));
    const QByteArray columnBefore = readFile(dir.filePath(u"columns/bureau_news/index.html"_s));
    const QByteArray feedBefore = readFile(dir.filePath(u"feed.xml"_s));
    const QByteArray columnFeedBefore = readFile(dir.filePath(u"columns/bureau_news/feed.xml"_s));
    QList<AtomEntry> entries;
    QString error;
    QVERIFY2(parseAtom(feedBefore, &entries, &error), qPrintable(error));
    QVERIFY(entries.isEmpty());

    // A news item, published through the API.
    const QString title = u"市局召开国土空间规划工作会议 <严格> & \"落实\""_s;
    const QString id =
        publish(h, ItemKind::News, u"spatial_planning"_s, content(title, u"bureau_news"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    const Item item = *h.store().item(id);
    QCOMPARE(item.state, WorkflowState::Published);

    const QByteArray page = readFile(dir.filePath(server::SiteRenderer::itemPath(id)));
    QVERIFY(!page.isEmpty());
    const QString html = QString::fromUtf8(page);
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(html.contains(u"<html lang=\"zh-CN\">"_s));
    QVERIFY(html.contains(u"<meta charset=\"utf-8\">"_s));
    // Every text escaped; the body sanitized.
    QVERIFY(html.contains(u"市局召开国土空间规划工作会议 &lt;严格&gt; &amp; &quot;落实&quot;"_s));
    QVERIFY(!html.contains(u"<严格>"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"onclick"_s));
    QVERIFY(html.contains(u"<p>一、总体要求</p>"_s));
    QVERIFY(!html.contains(u"{{"_s));
    // Meta tags of docs/design.md §13; the publication date is the server's.
    const QString pubDate = item.publishedAt.toTimeZone(QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd HH:mm"_s);
    for (const QString &meta :
         {u"<meta name=\"SiteName\" content=\"%1\">"_s.arg(m_org.name),
          u"<meta name=\"SiteDomain\" content=\"zrzyj.example.gov.cn\">"_s,
          u"<meta name=\"SiteIDCode\" content=\"5119000001\">"_s,
          u"<meta name=\"ColumnName\" content=\"局内动态\">"_s,
          u"<meta name=\"PubDate\" content=\"%1\">"_s.arg(pubDate),
          u"<meta name=\"ContentSource\" content=\"%1\">"_s.arg(m_org.unit(u"spatial_planning"_s)->name),
          u"<meta name=\"Url\" content=\"https://zrzyj.example.gov.cn/%1\">"_s.arg(
              server::SiteRenderer::itemPath(id))})
        QVERIFY2(html.contains(meta), qPrintable(meta));
    QVERIFY(html.contains(u"<meta name=\"ArticleTitle\""_s));
    // The footer.
    QVERIFY(html.contains(u"网站标识码：5119000001"_s));
    QVERIFY(html.contains(u"蜀ICP备00000001号"_s));
    QVERIFY(html.contains(u"recordcode=51190202000001"_s));
    QVERIFY(html.contains(u"我为政府网站找错"_s));
    QVERIFY(html.contains(u"../sitemap.html"_s));

    // The column, its parent column, the home page and both feeds changed and list it.
    const QByteArray column = readFile(dir.filePath(u"columns/bureau_news/index.html"_s));
    QVERIFY(column != columnBefore);
    QVERIFY(QString::fromUtf8(column).contains(u"../../"_s + server::SiteRenderer::itemPath(id)));
    QVERIFY(QString::fromUtf8(column).contains(u"<meta name=\"ColumnType\" content=\"动态类\">"_s));
    QVERIFY(QString::fromUtf8(readFile(dir.filePath(u"columns/news/index.html"_s)))
                .contains(server::SiteRenderer::itemPath(id)));
    const QByteArray home = readFile(dir.filePath(u"index.html"_s));
    QVERIFY(home != homeBefore);
    QVERIFY(QString::fromUtf8(home).contains(server::SiteRenderer::itemPath(id)));
    const QByteArray feed = readFile(dir.filePath(u"feed.xml"_s));
    const QByteArray columnFeed = readFile(dir.filePath(u"columns/bureau_news/feed.xml"_s));
    QVERIFY(feed != feedBefore);
    QVERIFY(columnFeed != columnFeedBefore);
    entries.clear();
    QVERIFY2(parseAtom(feed, &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().title, title);
    QCOMPARE(entries.first().link, u"https://zrzyj.example.gov.cn/"_s + server::SiteRenderer::itemPath(id));
    QVERIFY(feedHas(columnFeed, title));
    QVERIFY(!feedHas(readFile(dir.filePath(u"columns/notices/feed.xml"_s)), title));
    QVERIFY(sitemapHas(dir.path(), server::SiteRenderer::itemPath(id)));

    // A disclosure item shows its metadata table, with the index number the server assigned.
    RevisionContent d = content(u"关于印发《巴中市国土空间规划管理办法》的通知"_s, u"policy_documents"_s);
    d.documentNumber = u"巴自然资规〔2025〕1号"_s;
    d.catalogueEntry = u"政策文件"_s;
    const QString disclosure = publish(h, ItemKind::Disclosure, u"policy_law"_s, d, &error);
    QVERIFY2(!disclosure.isEmpty(), qPrintable(error));
    const Item published = *h.store().item(disclosure);
    QVERIFY(!published.indexNumber.isEmpty());
    const QString table =
        QString::fromUtf8(readFile(dir.filePath(server::SiteRenderer::itemPath(disclosure))));
    QVERIFY(table.contains(u"<th scope=\"row\">索引号</th><td>%1</td>"_s.arg(published.indexNumber)));
    QVERIFY(table.contains(u"<td>巴自然资规〔2025〕1号</td>"_s));
    // 发布机构: a section's items are issued by the bureau (here the organizer; [site] organ sets it).
    QVERIFY(table.contains(u"<th scope=\"row\">发布机构</th><td>%1</td>"_s.arg(m_org.name)));
    // The other publication left the news item's page as it was but for the top navigation, which
    // now has 政务公开 (#21.1: an empty column is off the site until its first publication).
    const QString pageNow = QString::fromUtf8(readFile(dir.filePath(server::SiteRenderer::itemPath(id))));
    QVERIFY(!navOf(QString::fromUtf8(page)).contains(u"columns/disclosure/index.html"_s));
    QVERIFY(navOf(pageNow).contains(u"columns/disclosure/index.html"_s));
    QCOMPARE(QString(pageNow).remove(navOf(pageNow)),
             QString::fromUtf8(page).remove(navOf(QString::fromUtf8(page))));
    QVERIFY(feedHas(readFile(dir.filePath(u"feed.xml"_s)), title));
    QVERIFY(feedHas(readFile(dir.filePath(u"columns/disclosure/feed.xml"_s)), d.title));
}

void TestServerSite::changeAndRetraction()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    QString error;
    const QString first = u"征地启动公告（第一版）"_s;
    const QString id =
        publish(h, ItemKind::News, u"use_control"_s, content(first, u"land_acquisition"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    const QString path = dir.filePath(server::SiteRenderer::itemPath(id));
    QVERIFY(QString::fromUtf8(readFile(path)).contains(first));
    QVERIFY(!QString::fromUtf8(readFile(path)).contains(u"修订日期"_s));
    const Item live = *h.store().item(id);

    // An approved change replaces the page and shows its revision date; the publication date stays.
    const Person *author = correspondentOf(m_org, u"use_control"_s);
    const QString second = u"征地启动公告（修订）"_s;
    int status = 0;
    act(h, author->id, id, u"propose_change"_s, live.latestNumber(),
        {{"content"_L1, json::toJson(content(second, u"land_acquisition"_s))}}, &status);
    QCOMPARE(status, 200);
    // While the change is in review, the published version stays.
    QVERIFY(QString::fromUtf8(readFile(path)).contains(first));
    QVERIFY2(approveAll(h, id, &error), qPrintable(error));
    const QString changed = QString::fromUtf8(readFile(path));
    QVERIFY(changed.contains(second));
    QVERIFY(!changed.contains(first));
    QVERIFY(changed.contains(u"修订日期"_s));
    const QString pubDate = live.publishedAt.toTimeZone(QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd HH:mm"_s);
    QVERIFY(changed.contains(u"<meta name=\"PubDate\" content=\"%1\">"_s.arg(pubDate)));
    QCOMPARE(h.store().item(id)->publishedAt, live.publishedAt);
    QVERIFY(feedHas(readFile(dir.filePath(u"feed.xml"_s)), second));
    QVERIFY(!feedHas(readFile(dir.filePath(u"feed.xml"_s)), first));

    // An approved retraction: a "withdrawn" page with the date stays, the lists and feeds lose it.
    const Item current = *h.store().item(id);
    act(h, author->id, id, u"propose_retraction"_s, current.latestNumber(), {{"reason"_L1, u"信息有误"_s}},
        &status);
    QCOMPARE(status, 200);
    QVERIFY(QString::fromUtf8(readFile(path)).contains(second));
    QVERIFY2(approveAll(h, id, &error), qPrintable(error));
    QCOMPARE(h.store().item(id)->state, WorkflowState::Retracted);
    const QString withdrawn = QString::fromUtf8(readFile(path));
    QVERIFY(withdrawn.contains(u"此信息已撤回"_s));
    QVERIFY(!withdrawn.contains(u"一、总体要求"_s));
    QVERIFY(withdrawn.contains(u"<meta name=\"robots\" content=\"noindex\">"_s));
    const QString today =
        QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd"_s);
    QVERIFY(withdrawn.contains(today));
    for (const QString &page :
         {u"index.html"_s, u"columns/land_acquisition/index.html"_s, u"columns/announcements/index.html"_s})
        QVERIFY2(
            !QString::fromUtf8(readFile(dir.filePath(page))).contains(server::SiteRenderer::itemPath(id)),
            qPrintable(page));
    QVERIFY(!feedHas(readFile(dir.filePath(u"feed.xml"_s)), second));
    QVERIFY(!feedHas(readFile(dir.filePath(u"columns/land_acquisition/feed.xml"_s)), second));
    QVERIFY(!sitemapHas(dir.path(), server::SiteRenderer::itemPath(id)));
}

void TestServerSite::pagesAreReplacedAtomically()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    // Enough items for pages of some size: stored as published directly (the route is tested above).
    const Person *author = correspondentOf(m_org, u"office"_s);
    QVERIFY(author);
    for (int i = 0; i < 40; ++i) {
        Item item;
        item.id = uuid();
        item.kind = ItemKind::News;
        item.unitId = u"office"_s;
        item.authorId = author->id;
        item.state = WorkflowState::Published;
        item.liveRevision = 1;
        item.publishedAt = QDateTime::currentDateTimeUtc().addSecs(-i * 3600);
        RevisionContent c = content(u"第%1条动态"_s.arg(i), u"bureau_news"_s);
        c.bodyHtml = u"<p>"_s + u"自然资源和规划工作动态正文。"_s.repeated(400) + u"</p>"_s;
        item.revisions.append(Revision{1, author->id, item.publishedAt, c});
        QVERIFY(h.store().saveItem(item, {}));
    }
    // Two renderers of the same folder that differ in the site name: every republish rewrites every page.
    server::SiteConfig a = site->renderer->config();
    server::SiteConfig b = a;
    b.name = u"巴中市自然资源和规划局（测试）"_s;
    server::SiteRenderer ra(a, h.store());
    server::SiteRenderer rb(b, h.store());
    QVERIFY(ra.republishAll().ok());
    const QStringList pages{u"index.html"_s, u"columns/bureau_news/index.html"_s, u"columns/news/2.html"_s,
                            u"feed.xml"_s};
    std::atomic<bool> done = false;
    auto writer = std::async(std::launch::async, [&] {
        int rounds = 0;
        bool ok = true;
        for (; rounds < 12 && ok; ++rounds)
            ok = (rounds % 2 ? ra : rb).republishAll().ok();
        done = true;
        return ok ? rounds : -1;
    });
    int reads = 0;
    QSet<QByteArray> seen;
    const QDir dir(site->folder);
    while (!done) {
        for (const QString &p : pages) {
            const QByteArray data = readFile(dir.filePath(p));
            ++reads;
            const bool whole = p.endsWith(u".xml"_s)
                                   ? data.startsWith("<?xml") && data.trimmed().endsWith("</feed>")
                                   : data.startsWith("<!DOCTYPE html>") && data.trimmed().endsWith("</html>");
            QVERIFY2(whole, qPrintable(u"%1 read half-written (%2 bytes)"_s.arg(p).arg(data.size())));
            if (p == pages.first())
                seen.insert(QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        }
    }
    QCOMPARE(writer.get(), 12);
    QVERIFY(reads > 20);
    QVERIFY2(seen.size() == 2, "the reader saw both versions of the home page");
    // No temporary files are left behind.
    QDirIterator it(site->folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        QVERIFY2(name.endsWith(u".html"_s) || name.endsWith(u".xml"_s) || name.endsWith(u".css"_s) ||
                     name.endsWith(u".svg"_s) || name == u".baosong-render.lock"_s,
                 qPrintable(name));
    }
}

void TestServerSite::republishCommand()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    QString error;
    const QString id =
        publish(h, ItemKind::News, u"bazhou"_s, content(u"巴州区分局动态"_s, u"district_news"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    // A fresh folder (as after a restore) and a page of an item the store does not have.
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"public"_s);
    QDir().mkpath(folder + u"/items"_s);
    {
        QFile stale(folder + u"/items/gone.html"_s);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("<!DOCTYPE html>");
    }
    const QString ini = dir.filePath(u"baosong-server.ini"_s);
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray text = "[site]\nfolder="_ba + folder.toUtf8() + "\nname="_ba + m_org.name.toUtf8() + "\n"_ba;
    const server::StoreConfig &store = h.store().config();
    if (store.isPostgres()) {
        QFile pw(dir.filePath(u"pg-password"_s));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(store.password.toUtf8());
        text +=
            u"[store]\ndriver=QPSQL\nhost=%1\nport=%2\ndatabase=%3\nuser=%4\npassword_file=pg-password\n"_s
                .arg(store.host)
                .arg(store.port)
                .arg(store.database, store.user)
                .toUtf8();
    } else {
        text += "[store]\npath="_ba + store.sqlitePath.toUtf8() + "\n"_ba;
    }
    f.write(text);
    f.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(BAOSONG_SERVER_BIN), {u"--config"_s, ini, u"republish"_s});
    QVERIFY(p.waitForFinished(120000));
    const QString output = QString::fromUtf8(p.readAll());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(server::SiteRenderer::itemPath(id)), qPrintable(output));
    QVERIFY(output.contains(u"index.html"_s));
    QVERIFY2(output.contains(u"items/gone.html"_s), qPrintable(output)); // reported as removed
    QVERIFY(!QFileInfo::exists(folder + u"/items/gone.html"_s));
    QVERIFY(QString::fromUtf8(readFile(folder + u"/"_s + server::SiteRenderer::itemPath(id)))
                .contains(u"巴州区分局动态"_s));
    // Pages are for the public: readable by the web server's account, whatever the server's umask.
    QVERIFY(QFileInfo(folder + u"/index.html"_s).permissions().testFlag(QFileDevice::ReadOther));
    // It is an audit event; a second run writes nothing new.
    bool audited = false;
    for (const AuditEvent &e : h.store().auditEvents(1, 10000))
        audited = audited || e.type == u"site.republish"_s;
    QVERIFY(audited);
    p.start(QStringLiteral(BAOSONG_SERVER_BIN), {u"--config"_s, ini, u"republish"_s});
    QVERIFY(p.waitForFinished(120000));
    const QString again = QString::fromUtf8(p.readAll());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(!again.contains(server::SiteRenderer::itemPath(id)), qPrintable(again));
}

void TestServerSite::siteServerAndAttachments()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    // An attachment with a Chinese name, its file in the attachments folder under its SHA-256.
    const QByteArray pdf = "%PDF-1.4\n% 国土空间规划\n%%EOF\n"_ba;
    Attachment a;
    a.id = uuid();
    a.fileName = u"巴中市国土空间总体规划（2021—2035年）.pdf"_s;
    a.mimeType = u"application/pdf"_s;
    a.size = pdf.size();
    a.sha256 = QCryptographicHash::hash(pdf, QCryptographicHash::Sha256);
    {
        QFile f(QDir(site->attachments).filePath(QString::fromLatin1(a.sha256.toHex())));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
    }
    // As if its author had uploaded it: in the blob store, theirs to attach.
    QVERIFY(storeBlobOf(*site, pdf, correspondentOf(m_org, u"spatial_planning"_s)->id));
    RevisionContent c = content(u"巴中市国土空间总体规划公示"_s, u"plans"_s);
    c.attachments.append(a);
    QString error;
    // A disclosure: the planning column takes no news.
    const QString id = publish(h, ItemKind::Disclosure, u"spatial_planning"_s, c, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    server::SiteConfig config = site->renderer->config();
    const server::SiteServer handler(config);
    http::ServerConfig httpConfig;
    httpConfig.certificateFile = QDir(h.folder()).filePath(u"server.crt"_s);
    httpConfig.keyFile = QDir(h.folder()).filePath(u"server.key"_s);
    http::HttpsServer server(httpConfig, [&handler](const http::Request &r) { return handler.handle(r); });
    QVERIFY2(server.start(&error), qPrintable(error));

    QNetworkAccessManager nam;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(httpConfig.certificateFile));
    auto get = [&](const QString &path, const QByteArray &method = "GET") {
        QNetworkRequest req(QUrl(u"https://127.0.0.1:%1%2"_s.arg(server.port()).arg(path)));
        req.setSslConfiguration(ssl);
        QNetworkReply *reply = nam.sendCustomRequest(req, method);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply;
    };
    QNetworkReply *page = get(u"/"_s + server::SiteRenderer::itemPath(id));
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(page->rawHeader("Content-Type"), "text/html; charset=utf-8"_ba);
    QCOMPARE(page->rawHeader("X-Content-Type-Options"), "nosniff"_ba);
    QCOMPARE(page->rawHeader("Content-Security-Policy"), QByteArray(server::SiteServer::kPagePolicy));
    const QString html = QString::fromUtf8(page->readAll());
    QVERIFY(html.contains(a.fileName));
    QVERIFY(html.contains(u"（%1 B）"_s.arg(pdf.size())));
    const QRegularExpressionMatch link =
        QRegularExpression(u"href=\"\\.\\./(attachments/[^\"]+)\""_s).match(html);
    QVERIFY(link.hasMatch());
    QCOMPARE(link.captured(1), server::SiteRenderer::attachmentPath(a));
    QCOMPARE(get(u"/"_s)->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(get(u"/columns/plans/"_s)->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(get(u"/feed.xml"_s)->rawHeader("Content-Type"), "application/atom+xml; charset=utf-8"_ba);

    // The download: the original name (RFC 6266/5987), the type, nosniff.
    QNetworkReply *download = get(u"/"_s + link.captured(1));
    QCOMPARE(download->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(download->readAll(), pdf);
    QCOMPARE(download->rawHeader("Content-Type"), "application/pdf"_ba);
    QCOMPARE(download->rawHeader("X-Content-Type-Options"), "nosniff"_ba);
    const QByteArray disposition = download->rawHeader("Content-Disposition");
    QVERIFY2(disposition.startsWith("attachment; filename=\""), disposition.constData());
    const QRegularExpressionMatch star =
        QRegularExpression(u"filename\\*=UTF-8''([^;]+)"_s).match(QString::fromLatin1(disposition));
    QVERIFY(star.hasMatch());
    QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(star.captured(1).toLatin1())), a.fileName);
    // The fallback for old clients is plain ASCII, with the extension kept.
    const QByteArray fallback = disposition.mid(22, disposition.indexOf('"', 22) - 22);
    QVERIFY2(fallback.endsWith(".pdf") && fallback.contains("2021_2035"), disposition.constData());
    for (const char ch : fallback)
        QVERIFY(ch >= 0x20 && ch < 0x7f);

    // What a browser would run is sent as a plain download.
    QCOMPARE(server::SiteServer::attachmentType(u"a.html"_s), "application/octet-stream"_ba);
    QCOMPARE(server::SiteServer::attachmentType(u"a.svg"_s), "application/octet-stream"_ba);
    QCOMPARE(server::SiteServer::attachmentType(u"规划.docx"_s),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"_ba);
    // Only GET and HEAD; unknown files and attachments are 404.
    QNetworkReply *post = get(u"/index.html"_s, "POST");
    QCOMPARE(post->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QCOMPARE(post->rawHeader("Allow"), "GET, HEAD"_ba);
    QNetworkReply *head = get(u"/index.html"_s, "HEAD");
    QCOMPARE(head->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(get(u"/items/none.html"_s)->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(get(u"/attachments/"_s + u"0"_s.repeated(64) + u"/a.pdf"_s)
                 ->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                 .toInt(),
             404);
    server.stop();
}

// An approved item's attachments go from the blob store to the site's attachments folder (readable by
// the bureau's web server), and leave it when the item is retracted.
void TestServerSite::publishedAttachmentsReachTheSite()
{
    // As `serve` does (umask 0077): the site's folders must still be readable by the web server.
    const mode_t previousMask = ::umask(0077);
    const auto restoreMask = qScopeGuard([previousMask] { ::umask(previousMask); });
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QByteArray bytes = QByteArray("%PDF-1.4\n") + QByteArray(4096, 'x');
    const QByteArray sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const Person *author = correspondentOf(m_org, u"use_control"_s);
    QVERIFY(storeBlobOf(*site, bytes, author->id));
    RevisionContent c = content(u"关于附件的通知"_s, u"land_acquisition"_s);
    c.attachments.append(
        Attachment{uuid(), u"报送材料（定稿）.pdf"_s, u"application/pdf"_s, bytes.size(), sha});
    const QString published = QDir(site->attachments).filePath(QString::fromLatin1(sha.toHex()));
    QString error;
    const QString id = uuid();
    int status = 0;
    act(h, author->id, id, u"create"_s, -1,
        {{"kind"_L1, u"news"_s}, {"unit_id"_L1, u"use_control"_s}, {"content"_L1, json::toJson(c)}}, &status);
    QCOMPARE(status, 200);
    act(h, author->id, id, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 200);
    // Not on the site while in review.
    QVERIFY(!QFileInfo::exists(published));
    QVERIFY2(approveAll(h, id, &error), qPrintable(error));
    QCOMPARE(readFile(published), bytes);
    QVERIFY(QFile(published).permissions().testFlag(QFileDevice::ReadOther));
    // The folder too is readable and enterable by the web server's account, whatever the umask
    // (serve sets 0077): docs/server.md.
    const QFileDevice::Permissions folder = QFileInfo(site->attachments).permissions();
    QVERIFY2(folder.testFlag(QFileDevice::ReadOther) && folder.testFlag(QFileDevice::ExeOther),
             qPrintable(QString::number(int(folder), 16)));
    const QString page =
        QString::fromUtf8(readFile(QDir(site->folder).filePath(server::SiteRenderer::itemPath(id))));
    QVERIFY(page.contains(QString::fromLatin1(sha.toHex())));
    // Retracted: the attachment leaves the public site (the blob store keeps it).
    act(h, author->id, id, u"propose_retraction"_s, h.store().item(id)->latestNumber(),
        {{"reason"_L1, u"有误"_s}}, &status);
    QCOMPARE(status, 200);
    QVERIFY2(approveAll(h, id, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(published));
    QVERIFY(QFileInfo::exists(server::BlobStore(site->blobs).blobPath(sha.toHex())));
}

// Issue #15: a site whose configuration names neither the site nor its organizer (the embedded
// default) carries the imported organization's name in every page's title and footer, not "政府网站".
void TestServerSite::nameAndOrganizerFromTheOrganization()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    QTemporaryDir folder;
    server::SiteConfig bare;
    bare.folder = folder.path();
    bare.attachmentsFolder = site->attachments;
    bare.blobFolder = site->blobs;
    server::SiteRenderer renderer(bare, site->harness->store());
    QVERIFY(renderer.republishAll().ok());
    QFile index(QDir(folder.path()).filePath(u"index.html"_s));
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(index.readAll());
    const qsizetype from = html.indexOf(u"<title>"_s), to = html.indexOf(u"</title>"_s);
    QVERIFY(from >= 0 && to > from);
    QVERIFY2(html.mid(from, to - from).contains(m_org.name), qPrintable(html.mid(from, to - from)));
    QVERIFY(!html.contains(u"政府网站</"_s));
    QVERIFY(html.contains(u"主办单位："_s + m_org.name));
}

void TestServerSite::refusedTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::newRow("dot-dot") << "/../secret.txt"_ba << 400;
    QTest::newRow("inner dot-dot") << "/items/../../secret.txt"_ba << 400;
    QTest::newRow("encoded dot-dot") << "/%2e%2e/secret.txt"_ba << 400;
    QTest::newRow("encoded slash") << "/items%2f..%2f..%2fsecret.txt"_ba << 400;
    QTest::newRow("encoded backslash") << "/items%5c..%5csecret.txt"_ba << 400;
    QTest::newRow("backslash") << "/items\\..\\secret.txt"_ba << 400;
    QTest::newRow("NUL") << "/index.html%00.png"_ba << 400;
    QTest::newRow("control character") << "/index%0a.html"_ba << 400;
    QTest::newRow("invalid UTF-8") << "/index%ff.html"_ba << 400;
    QTest::newRow("dot file") << "/.baosong-render.lock"_ba << 400;
    QTest::newRow("empty segment") << "//etc/passwd"_ba << 400;
    QTest::newRow("absolute URL") << "http://x/index.html"_ba << 400;
    QTest::newRow("attachment dot-dot") << "/attachments/../index.html"_ba << 400;
    QTest::newRow("attachment not a hash") << "/attachments/secret.txt/a.txt"_ba << 404;
    QTest::newRow("symlink out of the folder") << "/link/secret.txt"_ba << 404;
    QTest::newRow("the page") << "/index.html?x=1"_ba << 200;
    QTest::newRow("the folder") << "/"_ba << 200;
}

void TestServerSite::refusedTargets()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"site"_s);
    QVERIFY(QDir().mkpath(folder));
    {
        QFile secret(dir.filePath(u"secret.txt"_s));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("secret");
        QFile index(folder + u"/index.html"_s);
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("<!DOCTYPE html>");
    }
    QVERIFY(QFile::link(dir.path(), folder + u"/link"_s));
    server::SiteConfig config;
    config.folder = folder;
    config.attachmentsFolder = dir.path();
    const server::SiteServer handler(config);
    http::Request request;
    request.method = "GET";
    request.target = target;
    const http::Response r = handler.handle(request);
    QCOMPARE(r.status, status);
    QVERIFY(!r.body.contains("secret"));
}

void TestServerSite::chromiumLoadsPages()
{
    QFETCH_GLOBAL(QString, backend);
    const QString chromium = QStandardPaths::findExecutable(u"chromium"_s);
    QVERIFY2(!chromium.isEmpty(), "Debian's chromium is needed (apt-get install chromium)");
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    QString error;
    RevisionContent c = content(u"全市耕地保护工作推进会召开"_s, u"bureau_news"_s);
    c.bodyHtml +=
        u"<table><tr><th>区县</th><th>面积（亩）</th></tr><tr><td>巴州区</td><td>1200</td></tr></table>"_s;
    const QString id = publish(h, ItemKind::News, u"farmland_protection"_s, c, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    RevisionContent d = content(u"关于规划许可批前公示的通知"_s, u"policy_documents"_s);
    d.documentNumber = u"巴自然资发〔2025〕8号"_s;
    const QString disclosure = publish(h, ItemKind::Disclosure, u"policy_law"_s, d, &error);
    QVERIFY2(!disclosure.isEmpty(), qPrintable(error));

    const server::SiteServer handler(site->renderer->config());
    http::ServerConfig httpConfig;
    httpConfig.certificateFile = QDir(h.folder()).filePath(u"server.crt"_s);
    httpConfig.keyFile = QDir(h.folder()).filePath(u"server.key"_s);
    http::HttpsServer server(httpConfig, [&handler](const http::Request &r) { return handler.handle(r); });
    QVERIFY2(server.start(&error), qPrintable(error));
    // Chromium trusts exactly this certificate's key (and nothing else it would otherwise refuse).
    const QSslCertificate certificate = QSslCertificate::fromPath(httpConfig.certificateFile).constFirst();
    const QByteArray spki =
        QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256).toBase64();

    const QString artefacts = QDir(QCoreApplication::applicationDirPath()).filePath(u"artefacts/site"_s);
    QVERIFY(QDir().mkpath(artefacts));
    const QList<QPair<QString, QString>> pages{{u"home"_s, QString()},
                                               {u"column"_s, u"columns/bureau_news/index.html"_s},
                                               {u"item"_s, server::SiteRenderer::itemPath(id)},
                                               {u"disclosure"_s, server::SiteRenderer::itemPath(disclosure)},
                                               {u"search"_s, u"search.html?q=%E8%A7%84%E5%88%92"_s}}; // 规划
    for (const auto &[name, path] : pages) {
        const QString url = u"https://127.0.0.1:%1/%2"_s.arg(server.port()).arg(path);
        for (const bool phone : {false, true}) {
            QTemporaryDir profile;
            const QString shot = QDir(artefacts).filePath(
                u"%1-%2%3.png"_s.arg(backend, name, phone ? u"-phone"_s : QString()));
            QFile::remove(shot);
            QProcess p;
            p.start(chromium, {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--disable-quic"_s,
                               u"--no-first-run"_s, u"--disable-background-networking"_s,
                               u"--disable-component-update"_s, u"--disable-sync"_s,
                               u"--user-data-dir="_s + profile.path(),
                               u"--ignore-certificate-errors-spki-list="_s + QString::fromLatin1(spki),
                               u"--enable-logging=stderr"_s, u"--v=0"_s,
                               phone ? u"--window-size=390,844"_s : u"--window-size=1280,900"_s,
                               u"--screenshot="_s + shot, url});
            QVERIFY(p.waitForFinished(120000));
            const QString log = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(p.exitCode() == 0, qPrintable(log));
            QVERIFY2(QFileInfo(shot).size() > 5000, qPrintable(log));
            // Console messages (CSP violations, failed loads, script errors) are logged as CONSOLE.
            QVERIFY2(!log.contains(u"CONSOLE"_s), qPrintable(log));
            QVERIFY2(!log.contains(u"Content Security Policy"_s), qPrintable(log));
            QVERIFY2(!log.contains(u"net::ERR"_s), qPrintable(log));
            qInfo("screenshot: %s", qPrintable(shot));
        }
        // The DOM Chromium built: the page's own title and the style sheet applied without refusal.
        QTemporaryDir profile;
        QProcess p;
        p.start(chromium,
                {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--disable-quic"_s,
                 u"--no-first-run"_s, u"--disable-background-networking"_s, u"--disable-component-update"_s,
                 u"--disable-sync"_s, u"--user-data-dir="_s + profile.path(),
                 u"--ignore-certificate-errors-spki-list="_s + QString::fromLatin1(spki),
                 u"--enable-logging=stderr"_s, u"--v=0"_s, u"--dump-dom"_s, url});
        QVERIFY(p.waitForFinished(120000));
        const QString dom = QString::fromUtf8(p.readAllStandardOutput());
        const QString log = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(dom.contains(u"<html lang=\"zh-CN\">"_s), qPrintable(log));
        QVERIFY(dom.contains(m_org.name));
        QVERIFY2(!log.contains(u"CONSOLE"_s), qPrintable(log));
    }
    server.stop();
}

// Issue #16 point 1: the pages are queued with the approval. A server that dies after the commit and
// before the render (here: no renderer running, then the store dropped as a killed process leaves it)
// writes them when it starts again — no `republish`.
void TestServerSite::queuedPagesSurviveAKill()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    server::SiteRenderer::detach(&h.store()); // the renderer never gets to them
    site->renderer.reset();
    QString error;
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const QString id = publish(h, ItemKind::News, u"spatial_planning"_s,
                                   content(u"重启后补写页面%1"_s.arg(i), u"bureau_news"_s), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        ids.append(id);
    }
    const QDir dir(site->folder);
    for (const QString &id : std::as_const(ids)) {
        QCOMPARE(h.store().item(id)->state, WorkflowState::Published); // the approval answered
        QVERIFY(!QFileInfo::exists(dir.filePath(server::SiteRenderer::itemPath(id))));
    }
    QCOMPARE(h.store().renderQueueStatus().queued, 3);

    QVERIFY(h.restart()); // the store as a killed process left it
    QCOMPARE(h.store().renderQueueStatus().queued, 3);
    site->renderer = std::make_unique<server::SiteRenderer>(site->config, h.store());
    server::SiteRenderer::attach(&h.store(), site->renderer.get()); // as `serve` does at start
    QVERIFY(server::SiteRenderer::waitIdle(h.store(), 30000));
    for (const QString &id : std::as_const(ids)) {
        const QByteArray page = readFile(dir.filePath(server::SiteRenderer::itemPath(id)));
        QVERIFY2(page.contains(h.store().item(id)->latest()->content.title.toUtf8()), qPrintable(id));
        QVERIFY(readFile(dir.filePath(u"columns/bureau_news/index.html"_s)).contains(id.toUtf8()));
    }
    QCOMPARE(h.store().renderQueueStatus().queued, 0);
}

// A burst of publications is rendered together: one rewrite of the home page and feeds for many
// items, not one per item; every page is there.
void TestServerSite::burstRendersOnce()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    server::SiteRenderer::detach(&h.store()); // held while the burst comes in
    QString error;
    QStringList ids;
    const int burst = 12;
    for (int i = 0; i < burst; ++i) {
        const QString id = publish(h, ItemKind::News, u"spatial_planning"_s,
                                   content(u"集中发布%1"_s.arg(i), u"bureau_news"_s), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        ids.append(id);
    }
    QCOMPARE(h.store().renderQueueStatus().queued, burst);
    const int batchesBefore = server::SiteRenderer::batchesRendered();
    server::SiteRenderer::attach(&h.store(), site->renderer.get());
    QVERIFY(server::SiteRenderer::waitIdle(h.store(), 30000));
    QCOMPARE(server::SiteRenderer::batchesRendered() - batchesBefore, 1);
    const QDir dir(site->folder);
    const QByteArray feed = readFile(dir.filePath(u"feed.xml"_s));
    for (const QString &id : std::as_const(ids)) {
        QVERIFY(QFileInfo::exists(dir.filePath(server::SiteRenderer::itemPath(id))));
        QVERIFY(feed.contains(id.toUtf8()));
    }
}

// A render that fails (the site folder not writable) is retried by itself with a growing wait, and
// shown in GET /health meanwhile; once the folder is writable again the pages are written.
void TestServerSite::failingRenderRetriedAndShown()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    // A file where the items' folder belongs: no page can be written (whoever runs the test).
    const QString items = dir.filePath(u"items"_s);
    QVERIFY(QDir(items).removeRecursively());
    {
        QFile blocker(items);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    QString error;
    const QString id = publish(h, ItemKind::News, u"spatial_planning"_s,
                               content(u"暂时写不进去"_s, u"bureau_news"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(h.store().renderQueueStatus().failing == 1, 20000);
    const HttpResult health = h.get(u"/api/v1/health"_s, {});
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.value("status"_L1).toString(), u"degraded"_s);
    QCOMPARE(health.body.value("render_queue"_L1).toObject().value("failing"_L1).toInt(), 1);
    // Counts, not the error: it names the site's folders, and /health needs no sign-in.
    QVERIFY(!health.body.value("render_queue"_L1).toObject().contains("last_error"_L1));
    QVERIFY(!QJsonDocument(health.body).toJson().contains(QFile::encodeName(site->folder)));
    QVERIFY(!h.store().renderQueueStatus().lastError.isEmpty()); // kept for the CLI
    QVERIFY(!QFileInfo::exists(dir.filePath(server::SiteRenderer::itemPath(id))));

    QVERIFY(QFile::remove(items));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(dir.filePath(server::SiteRenderer::itemPath(id))), 20000);
    QVERIFY(server::SiteRenderer::waitIdle(h.store(), 20000));
    QCOMPARE(h.get(u"/api/v1/health"_s, {}).body.value("status"_L1).toString(), u"ok"_s);
}

// Issue #16 point 1, with the real server: `serve` killed with SIGKILL again and again while items are
// published through the API (most kills land between an approval's commit and its pages); started
// once more, every item the API says is published gets its page, with no `republish`.
void TestServerSite::killedServerRendersOnRestart()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != "sqlite"_L1)
        QSKIP("the server process of this test runs on SQLite (the queue is the same SQL on both)");
    QTemporaryDir dir;
    test::ServerFolder folder;
    QVERIFY(test::prepareServerFolder(dir.filePath(u"server"_s), &folder));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(folder.dir + u"/server.crt"_s));
    QNetworkAccessManager network;
    quint16 port = 0;
    const auto call = [&](const QByteArray &method, const QString &path, const QByteArray &token,
                          const QJsonObject &body) {
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        request.setSslConfiguration(ssl);
        request.setTransferTimeout(10000);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        return waitForReply(network.sendCustomRequest(
            request, method,
            method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact)));
    };
    QHash<QString, QByteArray> tokens; // sessions live in the store: kept across the kills
    const auto tokenOf = [&](const QString &personId) {
        if (!tokens.contains(personId)) {
            const HttpResult r =
                call("POST", u"/api/v1/session"_s, {},
                     {{"login"_L1, personId}, {"password"_L1, folder.passwords.value(personId)}});
            tokens.insert(personId, r.body.value("token"_L1).toString().toLatin1());
        }
        return tokens.value(personId);
    };
    const auto act = [&](const QString &personId, const QJsonObject &body) {
        QJsonObject b = body;
        b.insert("action_id"_L1, uuid());
        return call("POST", u"/api/v1/actions"_s, tokenOf(personId), b);
    };
    const Person *author = correspondentOf(m_org, u"spatial_planning"_s);
    QVERIFY(author);

    QStringList created;
    QSet<QString> acknowledged; // the last approval answered: published
    QRandomGenerator random(20261206);
    const int rounds = 6;
    QProcess server;
    for (int round = 0; round < rounds; ++round) {
        port = test::startServer(folder, server);
        QVERIFY(port);
        QElapsedTimer running;
        running.start();
        const qint64 killAt = random.bounded(300, 1200);
        while (running.elapsed() < killAt) {
            // One item through its whole route; the kill comes right after an answer.
            const QString id = uuid();
            HttpResult r = act(
                author->id,
                {{"action"_L1, u"create"_s},
                 {"item_id"_L1, id},
                 {"kind"_L1, u"news"_s},
                 {"unit_id"_L1, u"spatial_planning"_s},
                 {"content"_L1,
                  json::toJson(content(u"杀进程第%1轮 %2"_s.arg(round).arg(id.left(8)), u"bureau_news"_s))}});
            QCOMPARE(r.status, 200);
            created.append(id);
            r = act(author->id, {{"action"_L1, u"submit"_s}, {"item_id"_L1, id}, {"base_revision"_L1, 1}});
            QCOMPARE(r.status, 200);
            for (int guard = 0; guard < 10 && running.elapsed() < killAt; ++guard) {
                Item item;
                QString error;
                QVERIFY2(json::fromJson(r.body.value("item"_L1).toObject(), &item, &error),
                         qPrintable(error));
                if (item.state == WorkflowState::Published) {
                    acknowledged.insert(id);
                    break;
                }
                const std::optional<Stage> stage = RouteEngine::builtin().currentStage(item);
                QVERIFY(stage);
                const Person *reviewer = decider(m_org, *stage, item);
                QVERIFY(reviewer);
                r = act(reviewer->id, {{"action"_L1, u"approve"_s},
                                       {"item_id"_L1, id},
                                       {"base_revision"_L1, item.latestNumber()},
                                       {"stage_id"_L1, stage->id},
                                       {"confidentiality_attested"_L1,
                                        RouteEngine::builtin().isLastStage(item, stage->id)}});
                QCOMPARE(r.status, 200);
            }
        }
        ::kill(pid_t(server.processId()), SIGKILL);
        QVERIFY(server.waitForFinished(10000));
    }
    qInfo("%d rounds: %lld items created, %lld published", rounds, qint64(created.size()),
          qint64(acknowledged.size()));
    QVERIFY(acknowledged.size() >= 3);

    // Started again: the queue is worked through by itself.
    port = test::startServer(folder, server);
    QVERIFY(port);
    QTRY_VERIFY_WITH_TIMEOUT(call("GET", u"/api/v1/health"_s, {}, {})
                                     .body.value("render_queue"_L1)
                                     .toObject()
                                     .value("queued"_L1)
                                     .toInt(-1) == 0,
                             30000);
    const QDir site(folder.dir + u"/site"_s);
    int published = 0;
    for (const QString &id : std::as_const(created)) {
        const HttpResult r = call("GET", u"/api/v1/items/"_s + id, tokenOf(author->id), {});
        QCOMPARE(r.status, 200);
        const bool live = r.body.value("item"_L1).toObject().value("state"_L1).toString() == "published"_L1;
        if (acknowledged.contains(id))
            QVERIFY(live);
        if (!live)
            continue;
        ++published;
        const QByteArray page = readFile(site.filePath(server::SiteRenderer::itemPath(id)));
        QVERIFY2(page.contains(id.left(8).toUtf8()), qPrintable(u"no page for published item "_s + id));
    }
    QVERIFY(published >= acknowledged.size());
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

QTEST_MAIN(TestServerSite)
// The site's search (issue #16 point 3): answered by the site port over published items only, Chinese
// terms of one character and more, all terms required, newest first, highlighted, paged; hostile
// queries are text, not syntax, and come back escaped.
void TestServerSite::siteSearch()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    server::SiteRenderer::detach(&h.store()); // this test runs the renders itself
    const Person *author = correspondentOf(m_org, u"office"_s);
    QVERIFY(author);
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-2);
    int n = 0;
    const auto store = [&](const QString &title, const QString &body, WorkflowState state) {
        Item item;
        item.id = u"s%1"_s.arg(++n);
        item.kind = ItemKind::News;
        item.unitId = u"office"_s;
        item.authorId = author->id;
        item.state = state;
        item.liveRevision = state == WorkflowState::InReview ? 0 : 1;
        item.publishedAt = base.addSecs(n * 60);
        RevisionContent c = content(title, u"bureau_news"_s);
        c.bodyHtml = u"<p>"_s + body + u"</p>"_s;
        item.revisions.append(Revision{1, author->id, item.publishedAt, c});
        return h.store().saveItem(item, {}) && h.store().enqueueRender(item.id, {}) ? item.id : QString();
    };
    const QString lake = store(u"湖泊保护工作推进会召开"_s,
                               u"市局召开湖泊保护工作推进会，部署下一阶段任务。"_s, WorkflowState::Published);
    const QString land =
        store(u"土地整治项目验收"_s, u"完成土地整治项目验收，新增耕地。Land consolidation."_s,
              WorkflowState::Published);
    const QString draft = store(u"湖区规划草稿"_s, u"尚未发布的湖区规划。"_s, WorkflowState::InReview);
    const QString withdrawn = store(u"湖滨绿道通知"_s, u"已撤回的湖滨绿道通知。"_s, WorkflowState::Retracted);
    for (int i = 0; i < 23; ++i)
        QVERIFY(!store(u"耕地保护简报第%1期"_s.arg(i + 1), u"耕地保护工作简报。"_s, WorkflowState::Published)
                     .isEmpty());
    QVERIFY(!lake.isEmpty() && !land.isEmpty() && !draft.isEmpty() && !withdrawn.isEmpty());
    QVERIFY(renderQueued(h.store(), *site->renderer).ok());

    server::SiteSearch search(site->config.searchIndex);
    const auto ids = [&](const QString &query) {
        QStringList out;
        const server::SiteSearch::Result r = search.search(query, 1, 50);
        for (const server::SiteSearch::Hit &hit : r.hits)
            out.append(hit.itemId);
        return r.error.isEmpty() ? out : QStringList{u"error: "_s + r.error};
    };
    // One character, two, more; several terms; Latin letters in any case. Only what is live.
    QCOMPARE(ids(u"湖"_s), QStringList{lake});
    QCOMPARE(ids(u"湖泊"_s), QStringList{lake});
    QCOMPARE(ids(u"湖泊保护"_s), QStringList{lake});
    QCOMPARE(ids(u"土地 验收"_s), QStringList{land});
    QCOMPARE(ids(u"LAND"_s), QStringList{land});
    QCOMPARE(ids(u"湖 土地"_s), QStringList{});
    QCOMPARE(ids(u"草稿"_s), QStringList{});
    QCOMPARE(ids(u"绿道"_s), QStringList{});
    QCOMPARE(ids(u"耕地"_s).size(), 24);        // 23 briefs and the land item
    QCOMPARE(ids(u"耕地"_s).first(), u"s27"_s); // newest first
    // Hostile or odd queries are text: no error, no hit.
    for (const QString &odd :
         {u"\" OR * NEAR(x"_s, u"title:湖"_s, u"^湖*"_s, u"NOT"_s, u"OR"_s, u"）。，"_s, u"%_"_s})
        QCOMPARE(ids(odd), QStringList{});
    QCOMPARE(server::SiteSearch::terms(u"a b c d e f g h i j"_s).size(), server::SiteSearch::kMaxTerms);
    QCOMPARE(server::SiteSearch::terms(u"湖"_s.repeated(500)).first().size(),
             server::SiteSearch::kMaxQueryChars);
    QCOMPARE(ids(u"湖"_s.repeated(500)), QStringList{});

    // Through the site port: the page in the site's frame, the hits highlighted, paged by ten.
    server::SiteConfig config = site->config;
    const server::SiteServer handler(config);
    const auto get = [&](const QByteArray &target) {
        http::Request request;
        request.method = "GET";
        request.target = target;
        return handler.handle(request);
    };
    http::Response r = get("/search.html?q=" + QUrl::toPercentEncoding(u"湖泊"_s));
    QCOMPARE(r.status, 200);
    QString html = QString::fromUtf8(r.body);
    QVERIFY(html.contains(u"<mark>湖泊</mark>保护工作推进会召开"_s));
    QVERIFY(html.contains(server::SiteRenderer::itemPath(lake)));
    QVERIFY(html.contains(u"找到 1 条相关信息"_s));
    QVERIFY(html.contains(u"<nav aria-label=\"栏目导航\">"_s)); // the site's frame
    QVERIFY(!html.contains(u"<!--baosong:search-->"_s));
    QVERIFY(r.headers.contains(
        qMakePair("Content-Security-Policy"_ba, QByteArray(server::SiteServer::kPagePolicy))));
    r = get("/search.html?q=" + QUrl::toPercentEncoding(u"耕地"_s) + "&page=3");
    html = QString::fromUtf8(r.body);
    QCOMPARE(html.count(u"class=\"search-snippet\""_s), 4);
    QVERIFY(html.contains(u"rel=\"prev\" href=\"search.html?q=%E8%80%95%E5%9C%B0&amp;page=2\""_s));
    QVERIFY(!html.contains(u"rel=\"next\""_s));
    // A form sends spaces as '+'; a query is echoed escaped.
    r = get("/search.html?q=%E5%9C%9F%E5%9C%B0+%E9%AA%8C%E6%94%B6");
    QVERIFY(QString::fromUtf8(r.body).contains(server::SiteRenderer::itemPath(land)));
    r = get("/search.html?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=x");
    QCOMPARE(r.status, 200);
    QVERIFY(!r.body.contains("<script>"));
    QVERIFY(r.body.contains("&lt;script&gt;"));
    // Every page has the search form.
    QVERIFY(readFile(QDir(site->folder).filePath(u"index.html"_s)).contains("action=\"search.html\""));
    QVERIFY(readFile(QDir(site->folder).filePath(server::SiteRenderer::itemPath(lake)))
                .contains("action=\"../search.html\""));

    // A retraction takes the item out of the search at its render.
    std::optional<Item> retracted = h.store().item(lake);
    QVERIFY(retracted);
    retracted->state = WorkflowState::Retracted;
    QVERIFY(h.store().saveItem(*retracted, {}));
    QVERIFY(h.store().enqueueRender(lake, {u"bureau_news"_s}));
    QVERIFY(renderQueued(h.store(), *site->renderer).ok());
    QCOMPARE(ids(u"湖"_s), QStringList{});

    // A lost search index is rebuilt from the store.
    QFile::remove(site->config.searchIndex);
    QFile::remove(site->config.searchIndex + u"-wal"_s);
    QFile::remove(site->config.searchIndex + u"-shm"_s);
    server::SiteRenderer fresh(site->config, h.store());
    QVERIFY(fresh.ensureIndexed().ok());
    server::SiteSearch rebuilt(site->config.searchIndex);
    QCOMPARE(rebuilt.search(u"土地"_s, 1, 10).hits.size(), 1);
}

#include "tst_server_site.moc"

// A publication writes what it changes and no more (issue #16): the item's page; the index, newest
// numbered pages and feed of its column and the column's ancestors; the home page, the site feed, the
// newest sitemap file and the sitemap index. Older numbered pages keep their content and address, a
// retraction shortens only its own page, and a full republish finds nothing left to change.
void TestServerSite::publicationWritesOnlyWhatChanges()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend, 4);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    server::SiteRenderer::detach(&h.store()); // this test runs the renders itself
    const Person *author = correspondentOf(m_org, u"office"_s);
    QVERIFY(author);
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-1);
    const auto publishStored = [&](int i) {
        Item item;
        item.id = u"news-%1"_s.arg(i, 2, 10, QChar(u'0'));
        item.kind = ItemKind::News;
        item.unitId = u"office"_s;
        item.authorId = author->id;
        item.state = WorkflowState::Published;
        item.liveRevision = 1;
        item.publishedAt = base.addSecs(i * 60);
        item.revisions.append(
            Revision{1, author->id, item.publishedAt, content(u"第%1条动态"_s.arg(i), u"bureau_news"_s)});
        if (!h.store().saveItem(item, {}) || !h.store().enqueueRender(item.id, {}))
            return server::SiteRenderer::Report{{}, 0, {}, u"not stored"_s};
        return renderQueued(h.store(), *site->renderer);
    };
    for (int i = 0; i < 10; ++i)
        QVERIFY(publishStored(i).ok());
    // Numbered from the oldest, three to a page: 1.html holds items 0-2, 4.html item 9; the index the
    // newest three and a link to the page before them.
    const QDir dir(site->folder);
    const auto page = [&](const QString &name) {
        return QString::fromUtf8(readFile(dir.filePath(u"columns/bureau_news/"_s + name)));
    };
    const auto itemPage = [](int i) {
        return server::SiteRenderer::itemPath(u"news-%1"_s.arg(i, 2, 10, QChar(u'0')));
    };
    const auto lists = [&](const QString &html, int i) { return html.contains(itemPage(i)); };
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(lists(page(u"1.html"_s), i), i < 3);
        QCOMPARE(lists(page(u"4.html"_s), i), i == 9);
        QCOMPARE(lists(page(u"index.html"_s), i), i >= 7);
        QCOMPARE(lists(QString::fromUtf8(readFile(dir.filePath(u"columns/news/3.html"_s))), i),
                 i >= 6 && i < 9);
    }
    QVERIFY(page(u"index.html"_s).contains(u"rel=\"next\" href=\"3.html\""_s));
    QVERIFY(page(u"3.html"_s).contains(u"rel=\"prev\" href=\"4.html\""_s));
    QVERIFY(page(u"3.html"_s).contains(u"rel=\"next\" href=\"2.html\""_s));
    QVERIFY(page(u"4.html"_s).contains(u"rel=\"prev\" href=\"index.html\""_s));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"columns/bureau_news/5.html"_s)));
    const QByteArray page1 = readFile(dir.filePath(u"columns/bureau_news/1.html"_s));
    const QByteArray page2 = readFile(dir.filePath(u"columns/bureau_news/2.html"_s));

    // The eleventh: only the files it changes are written.
    const server::SiteRenderer::Report report = publishStored(10);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QStringList allowed{itemPage(10),     u"index.html"_s,        u"feed.xml"_s,
                        u"sitemap.xml"_s, u"sitemap-pages.xml"_s, u"sitemap-items-3.xml"_s};
    for (const QString &column : {u"news"_s, u"bureau_news"_s}) {
        for (const QString &file : {u"index.html"_s, u"3.html"_s, u"4.html"_s, u"feed.xml"_s})
            allowed.append(u"columns/"_s + column + u'/' + file);
    }
    for (const QString &page : QStringList(allowed)) {
        if (page.endsWith(u".html"_s))
            allowed.append(u"care/"_s + page); // the 关怀版 of each page (#21.2)
    }
    for (const QString &written : report.written)
        QVERIFY2(allowed.contains(written), qPrintable(written));
    QVERIFY(report.written.contains(itemPage(10)));
    QVERIFY(report.written.contains(u"care/"_s + itemPage(10)));
    QVERIFY(report.written.contains(u"columns/bureau_news/4.html"_s));
    QVERIFY(report.removed.isEmpty());
    QCOMPARE(readFile(dir.filePath(u"columns/bureau_news/1.html"_s)), page1);
    QCOMPARE(readFile(dir.filePath(u"columns/bureau_news/2.html"_s)), page2);
    QVERIFY(lists(page(u"4.html"_s), 10));

    // The sitemap: an index of files of at most four items here, together naming every item.
    int files = 0;
    for (int i = 0; i <= 10; ++i)
        QVERIFY(sitemapHas(dir.path(), itemPage(i), 4, &files));
    QCOMPARE(files, 1 + 3); // the pages' file and three of items

    // A retraction: its page (1.html) loses it, the others stay as they were.
    std::optional<Item> retracted = h.store().item(u"news-01"_s);
    QVERIFY(retracted);
    retracted->state = WorkflowState::Retracted;
    QVERIFY(h.store().saveItem(*retracted, {}));
    QVERIFY(h.store().enqueueRender(retracted->id, {u"bureau_news"_s}));
    QVERIFY(renderQueued(h.store(), *site->renderer).ok());
    QVERIFY(!lists(page(u"1.html"_s), 1));
    QVERIFY(lists(page(u"1.html"_s), 0) && lists(page(u"1.html"_s), 2));
    QCOMPARE(readFile(dir.filePath(u"columns/bureau_news/2.html"_s)), page2);
    QVERIFY(!sitemapHas(dir.path(), itemPage(1)));
    QVERIFY(readFile(dir.filePath(itemPage(1))).contains("noindex"));

    // The pages written one publication at a time are those a full rebuild writes.
    const server::SiteRenderer::Report full = site->renderer->republishAll();
    QVERIFY2(full.ok(), qPrintable(full.error));
    QVERIFY2(full.written.isEmpty(), qPrintable(full.written.join(u", "_s)));
    QVERIFY2(full.removed.isEmpty(), qPrintable(full.removed.join(u", "_s)));
}

// Art. 10 through the API, as an outsider would: a major policy document without its interpretation is
// refused; with it, both are on the site and their pages link to each other.
void TestServerSite::policyAndInterpretationLinkBothWays()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    const QString unit = u"policy_law"_s;
    const Person *author = correspondentOf(m_org, unit);
    QVERIFY(author);
    QString error;
    int status = 0;
    RevisionContent document =
        content(u"关于印发《巴中市国土空间用途管制办法》的通知"_s, u"policy_documents"_s);
    document.majorPolicy = true;
    // No interpretation linked, no reason: refused at submission (the client's check skipped).
    const QString lone = createDraft(h, ItemKind::Disclosure, unit, document);
    QVERIFY(!lone.isEmpty());
    QJsonObject answer = act(h, author->id, lone, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 422);
    QVERIFY(QJsonDocument(answer).toJson().contains("interpretation/interpretation_missing"));
    QCOMPARE(h.store().item(lone)->state, WorkflowState::Draft);

    // The interpretation, then the document linking it: both on the site, linked both ways.
    const QString interpretation =
        publish(h, ItemKind::Disclosure, unit,
                content(u"《巴中市国土空间用途管制办法》政策解读"_s, u"policy_interpretation"_s), &error);
    QVERIFY2(!interpretation.isEmpty(), qPrintable(error));
    const QString interpretationPath = dir.filePath(server::SiteRenderer::itemPath(interpretation));
    QVERIFY(!QString::fromUtf8(readFile(interpretationPath)).contains(u"本文解读的文件"_s));
    document.interpretationItemId = interpretation;
    const QString policy = publish(h, ItemKind::Disclosure, unit, document, &error);
    QVERIFY2(!policy.isEmpty(), qPrintable(error));
    const QString policyPage =
        QString::fromUtf8(readFile(dir.filePath(server::SiteRenderer::itemPath(policy))));
    const QString interpretationPage = QString::fromUtf8(readFile(interpretationPath));
    const QString policyFile = QFileInfo(server::SiteRenderer::itemPath(policy)).fileName();
    const QString interpretationFile = QFileInfo(server::SiteRenderer::itemPath(interpretation)).fileName();
    QVERIFY2(policyPage.contains(
                 u"<a href=\"%1\">《巴中市国土空间用途管制办法》政策解读</a>"_s.arg(interpretationFile)),
             qPrintable(policyPage));
    QVERIFY2(interpretationPage.contains(u"本文解读的文件"_s), qPrintable(interpretationPage));
    QVERIFY(interpretationPage.contains(
        u"<a href=\"%1\">关于印发《巴中市国土空间用途管制办法》的通知</a>"_s.arg(policyFile)));

    // The document's retraction takes the back-link off the interpretation's page.
    const Item live = *h.store().item(policy);
    act(h, author->id, policy, u"propose_retraction"_s, live.latestNumber(), {{"reason"_L1, u"文件废止"_s}},
        &status);
    QCOMPARE(status, 200);
    QVERIFY2(approveAll(h, policy, &error), qPrintable(error));
    QVERIFY(!QString::fromUtf8(readFile(interpretationPath)).contains(policyFile));
}

// 政府信息公开目录: a disclosure's page shows its topic, genre, keywords, date written and validity; the
// server refuses a disclosure without them; a repealed document's page says so and links its
// replacement.
void TestServerSite::disclosureMetadataAndRepeal()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    const QString unit = u"policy_law"_s;
    const Person *author = correspondentOf(m_org, unit);
    QVERIFY(author);
    QString error;
    int status = 0;

    // Without topic, genre and date written: refused by the server, whatever the client checked.
    RevisionContent bare = content(u"关于开展耕地保护检查的通知"_s, u"policy_documents"_s);
    bare.topic.clear();
    bare.genre.clear();
    bare.writtenDate = {};
    const QString refused = createDraft(h, ItemKind::Disclosure, unit, bare);
    QVERIFY(!refused.isEmpty());
    const QByteArray answer =
        QJsonDocument(act(h, author->id, refused, u"submit"_s, 1, {}, &status)).toJson();
    QCOMPARE(status, 422);
    for (const char *code : {"required_fields/topic_missing", "required_fields/genre_missing",
                             "required_fields/written_date_missing"})
        QVERIFY2(answer.contains(code), code);
    // A repealed one without the date of repeal is refused too.
    RevisionContent undated = content(u"关于废止文件的通知"_s, u"policy_documents"_s);
    undated.validity = Validity::Repealed;
    const QString undatedId = createDraft(h, ItemKind::Disclosure, unit, undated);
    QVERIFY(!undatedId.isEmpty());
    QVERIFY(QJsonDocument(act(h, author->id, undatedId, u"submit"_s, 1, {}, &status))
                .toJson()
                .contains("required_fields/validity_date_missing"));
    QCOMPARE(status, 422);

    // The old rules and the new ones, published.
    RevisionContent old = content(u"巴中市国土空间规划管理暂行办法"_s, u"policy_documents"_s);
    old.genre = u"办法"_s;
    old.topic = u"城乡建设、环境保护"_s;
    old.keywords = {u"国土空间"_s, u"规划管理"_s};
    old.documentNumber = u"巴自然资规〔2024〕2号"_s;
    old.writtenDate = chinaToday().addDays(-400);
    const QString oldId = publish(h, ItemKind::Disclosure, unit, old, &error);
    QVERIFY2(!oldId.isEmpty(), qPrintable(error));
    const QString oldPath = dir.filePath(server::SiteRenderer::itemPath(oldId));
    QString page = QString::fromUtf8(readFile(oldPath));
    QVERIFY2(page.contains(u"<th scope=\"row\">主题分类</th><td>城乡建设、环境保护</td>"_s),
             qPrintable(page));
    QVERIFY(page.contains(u"<th scope=\"row\">体裁</th><td>办法</td>"_s));
    QVERIFY(page.contains(u"<th scope=\"row\">主题词</th><td>国土空间，规划管理</td>"_s));
    QVERIFY(page.contains(
        u"<th scope=\"row\">成文日期</th><td>%1</td>"_s.arg(old.writtenDate.toString(Qt::ISODate))));
    QVERIFY(page.contains(u"<th scope=\"row\">有效性</th><td>现行有效</td>"_s));
    QVERIFY(page.contains(u"<meta name=\"Keywords\" content=\"国土空间,规划管理"_s));
    QVERIFY(!page.contains(u"validity-notice"_s));

    RevisionContent replacement = content(u"巴中市国土空间规划管理办法"_s, u"policy_documents"_s);
    replacement.genre = u"办法"_s;
    replacement.documentNumber = u"巴自然资规〔2026〕1号"_s;
    const QString newId = publish(h, ItemKind::Disclosure, unit, replacement, &error);
    QVERIFY2(!newId.isEmpty(), qPrintable(error));

    // Repealed through a change of the published document (its route): the page says so, links the
    // replacement and keeps the document readable.
    RevisionContent repealed = h.store().item(oldId)->latest()->content;
    repealed.validity = Validity::Repealed;
    repealed.validityDate = chinaToday();
    repealed.replacedByItemId = newId;
    act(h, author->id, oldId, u"propose_change"_s, h.store().item(oldId)->latestNumber(),
        {{"content"_L1, json::toJson(repealed)}}, &status);
    QCOMPARE(status, 200);
    QVERIFY2(approveAll(h, oldId, &error), qPrintable(error));
    page = QString::fromUtf8(readFile(oldPath));
    const QString newFile = QFileInfo(server::SiteRenderer::itemPath(newId)).fileName();
    QVERIFY2(page.contains(u"本文件已于%1废止，现行文件：<a href=\"%2\">巴中市国土空间规划管理办法</a>"_s.arg(
                 chinaToday().toString(Qt::ISODate), newFile)),
             qPrintable(page));
    // 有效性 with its date and the replacing document (#21.4).
    QVERIFY(
        page.contains(u"<td>已废止（%1），现行文件：<a href=\"%2\">巴中市国土空间规划管理办法</a></td>"_s.arg(
            chinaToday().toString(Qt::ISODate), newFile)));
    QVERIFY(page.contains(u"巴中市国土空间规划管理暂行办法"_s));
}

// #18.1 column health through the API, as a correspondent would read it: every column with its state
// and the inspection's counts; a publication freshens its column and the parents.
void TestServerSite::columnHealthThroughTheApi()
{
    QFETCH_GLOBAL(QString, backend);
    // Every column listed even while empty (#21.1: by default an empty column is off the site and
    // not counted; columnsOffTheSiteUntilPublished shows that).
    Organization listed = m_org;
    for (Column &c : listed.columns)
        c.listedWhenEmpty = true;
    auto site = start(backend, 5000, &listed);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QByteArray token = h.login(u"he.xiaoyu"_s);
    HttpResult r = h.get(u"/api/v1/columns/health"_s, token);
    QCOMPARE(r.status, 200);
    SiteHealth before;
    QString error;
    QVERIFY2(fromJson(r.body, &before, &error), qPrintable(error));
    QCOMPARE(before.columns.size(), m_org.columns.size());
    for (const ColumnHealth &c : before.columns)
        QCOMPARE(c.state, ColumnHealthState::Empty);
    QVERIFY(before.empty.failing);
    QVERIFY(!r.body.value("messages"_L1).toArray().isEmpty());
    // Without a session: refused.
    QCOMPARE(h.get(u"/api/v1/columns/health"_s, {}).status, 401);

    const QString id = publish(h, ItemKind::News, u"office"_s,
                               content(u"局机关开展消防安全演练"_s, u"bureau_news"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    r = h.get(u"/api/v1/columns/health"_s, token);
    SiteHealth after;
    QVERIFY(fromJson(r.body, &after, &error));
    const Column *news = m_org.column(u"bureau_news"_s);
    QVERIFY(news);
    for (const ColumnHealth &c : after.columns) {
        if (c.columnId == news->id || c.columnId == news->parentId) {
            QCOMPARE(c.state, ColumnHealthState::Fresh);
            QCOMPARE(c.daysSince, 0);
            QVERIFY(c.lastPublished.isValid());
        } else {
            QCOMPARE(c.state, ColumnHealthState::Empty);
        }
    }
    QCOMPARE(after.empty.count, before.empty.count - 1);
    // Each listed empty column is warned of by name; the one published in no more.
    QCOMPARE(after.linkedEmpty.size(), before.linkedEmpty.size() - 2); // it and its parent
    QVERIFY(before.linkedEmpty.contains(news->id) && !after.linkedEmpty.contains(news->id));
    QVERIFY(r.body.value("messages"_L1).toArray().size() > after.linkedEmpty.size());
    // /health shows the counts only.
    const HttpResult health = h.get(u"/api/v1/health"_s, {});
    QCOMPARE(health.body.value("columns"_L1).toObject().value("empty"_L1).toInt(), after.empty.count);
    QCOMPARE(health.body.value("columns"_L1).toObject().value("linked_empty"_L1).toInt(),
             after.linkedEmpty.size());
    QVERIFY(!QJsonDocument(health.body).toJson().contains("bureau_news"));
}

namespace {

// A small PNG (8×4, blue) for an image in an item's body.
QByteArray smallPng()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEUlEQVR4nGPQyt+KFTFQTwIAFvwpwbbkZz8AAAAASUVORK5CYII="_ba);
}

} // namespace

// #21.1: a column with nothing published stays out of the navigation, the home page and the site
// maps until it has content (unless the office lists it while empty); a retired column is out of
// them for good and its page says so; when the top-level columns change, every page follows.
void TestServerSite::columnsOffTheSiteUntilPublished()
{
    QFETCH_GLOBAL(QString, backend);
    Organization org = m_org;
    for (Column &c : org.columns) {
        if (c.id == u"consultation"_s)
            c.listedWhenEmpty = true; // 意见征集: linked while empty, and its parent 互动交流 with it
        if (c.id == u"mining_rights"_s)
            c.retired = true;
    }
    auto site = start(backend, 5000, &org);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    const auto read = [&](const QString &path) { return QString::fromUtf8(readFile(dir.filePath(path))); };
    // Empty: only the column listed while empty (and its parent) is on the site.
    QString home = read(u"index.html"_s);
    QVERIFY(navOf(home).contains(u"columns/interaction/index.html"_s));
    QVERIFY(!navOf(home).contains(u"columns/news/index.html"_s));
    QVERIFY(!home.contains(u"暂无信息"_s) || home.contains(u"互动交流"_s));
    QVERIFY(!home.contains(u"columns/news/index.html"_s));
    QVERIFY(!read(u"sitemap.html"_s).contains(u"columns/news/"_s));
    QVERIFY(read(u"sitemap.html"_s).contains(u"columns/consultation/index.html"_s));
    QVERIFY(!read(u"sitemap-pages.xml"_s).contains(u"columns/news/"_s));
    QVERIFY(read(u"sitemap-pages.xml"_s).contains(u"columns/consultation/index.html"_s));
    // The column pages exist all the same (nothing links to them yet); a retired one says so.
    QVERIFY(QFileInfo::exists(dir.filePath(u"columns/news/index.html"_s)));
    QVERIFY(read(u"columns/mining_rights/index.html"_s).contains(u"本栏目已停止更新"_s));
    QVERIFY(!read(u"columns/news/index.html"_s).contains(u"本栏目已停止更新"_s));

    // The first publication in 工作动态 brings it (and 局内动态) onto the site.
    QString error;
    const QString first = publish(h, ItemKind::News, u"office"_s,
                                  content(u"局机关开展安全生产检查"_s, u"bureau_news"_s), &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error));
    home = read(u"index.html"_s);
    QVERIFY(navOf(home).contains(u"columns/news/index.html"_s));
    QVERIFY(home.contains(u"columns/news/index.html"_s));
    QVERIFY(!home.contains(u"columns/announcements/index.html"_s));
    QVERIFY(read(u"sitemap.html"_s).contains(u"columns/bureau_news/index.html"_s));
    QVERIFY(!read(u"sitemap.html"_s).contains(u"columns/district_news/index.html"_s));
    QVERIFY(read(u"columns/news/index.html"_s).contains(u"columns/bureau_news/index.html"_s));
    QVERIFY(!read(u"columns/news/index.html"_s).contains(u"columns/district_news/index.html"_s));
    const QString firstPage = server::SiteRenderer::itemPath(first);
    QVERIFY(!navOf(read(firstPage)).contains(u"columns/announcements/index.html"_s));

    // A publication in 公示公告 changes the top navigation: the earlier item's page (and its 关怀版)
    // is written again with it, and so is a column page that nothing else changed.
    const QString second = publish(h, ItemKind::News, u"use_control"_s,
                                   content(u"征地补偿安置方案公告"_s, u"land_acquisition"_s), &error);
    QVERIFY2(!second.isEmpty(), qPrintable(error));
    QVERIFY(navOf(read(firstPage)).contains(u"columns/announcements/index.html"_s));
    QVERIFY(navOf(read(u"care/"_s + firstPage)).contains(u"columns/announcements/index.html"_s));
    QVERIFY(navOf(read(u"columns/about/index.html"_s)).contains(u"columns/announcements/index.html"_s));
    QVERIFY(!navOf(read(u"columns/about/index.html"_s)).contains(u"columns/about/index.html"_s));

    // Its retraction takes 公示公告 off again; its pages stay (the withdrawn notice, the column's).
    int status = 0;
    act(h, correspondentOf(m_org, u"use_control"_s)->id, second, u"propose_retraction"_s,
        h.store().item(second)->latestNumber(), {{"reason"_L1, u"内容有误"_s}}, &status);
    QCOMPARE(status, 200);
    QVERIFY2(approveAll(h, second, &error), qPrintable(error));
    QVERIFY(!navOf(read(firstPage)).contains(u"columns/announcements/index.html"_s));
    QVERIFY(!read(u"index.html"_s).contains(u"columns/announcements/index.html"_s));
    QVERIFY(QFileInfo::exists(dir.filePath(u"columns/announcements/index.html"_s)));
    QVERIFY(read(server::SiteRenderer::itemPath(second)).contains(u"此信息已撤回"_s));

    // The health: the linked empty columns by name, the unlisted ones not counted.
    const std::optional<SiteHealth> health = server::Api::siteHealth(h.store(), chinaToday());
    QVERIFY(health);
    QCOMPARE(health->linkedEmpty, (QStringList{u"interaction"_s, u"consultation"_s}));
    QCOMPARE(health->empty.count, 1); // 意见征集 (its parent is judged by it)
    // A full rebuild gives the same navigation.
    QVERIFY(site->renderer->republishAll().ok());
    QVERIFY(navOf(read(firstPage)).contains(u"columns/news/index.html"_s));
    QVERIFY(!navOf(read(firstPage)).contains(u"columns/announcements/index.html"_s));
    // The office stops listing 意见征集 while empty (PUT /api/v1/columns/…, #18.2): its parent leaves
    // the top navigation, so every page follows.
    QVERIFY(navOf(read(firstPage)).contains(u"columns/interaction/index.html"_s));
    const QByteArray director = h.login(u"xie.bo"_s);
    Column consultation = *org.column(u"consultation"_s);
    consultation.listedWhenEmpty = false;
    const HttpResult edited =
        h.request("PUT", u"/api/v1/columns/consultation"_s, director,
                  QJsonObject{{"base_version"_L1,
                               h.get(u"/api/v1/me"_s, director).body.value("organization_version"_L1)},
                              {"column"_L1, json::toJson(consultation)}});
    QVERIFY2(edited.status == 200, edited.body.value("detail"_L1).toString().toUtf8().constData());
    QVERIFY(server::SiteRenderer::waitIdle(h.store(), 30000));
    QVERIFY(!navOf(read(firstPage)).contains(u"columns/interaction/index.html"_s));
    QVERIFY(!navOf(read(u"care/"_s + firstPage)).contains(u"columns/interaction/index.html"_s));
    QVERIFY(!read(u"sitemap.html"_s).contains(u"columns/consultation/"_s));
    QVERIFY(read(server::SiteRenderer::itemPath(second)).contains(u"此信息已撤回"_s));
}

// #21: the site of a bureau configured for an inspection, with items of every kind: each point of the
// issue checked on the written files.
void TestServerSite::inspectionReadySite()
{
    QFETCH_GLOBAL(QString, backend);
    Organization org = m_org;
    for (Column &c : org.columns) {
        if (c.id == u"mining_rights"_s)
            c.retired = true;
    }
    auto site = start(backend, 5000, &org, [](server::SiteConfig &c) {
        c.contactAddress = u"四川省巴中市巴州区江北大道西段 88 号"_s;
        c.contactPostcode = u"636000"_s;
        c.contactPhone = u"0827-5261234"_s;
        c.contactEmail = u"zrzyj@example.gov.cn"_s;
        c.officeHours = u"工作日 9:00—12:00，14:30—17:30"_s;
        c.organs.name = u"巴中市自然资源和规划局"_s;
        c.organs.code = u"11511900MB1520412X"_s;
        c.organs.unitNames.insert(u"registration_centre"_s, u"巴中市不动产登记中心"_s);
        c.organs.unitCodes.insert(u"registration_centre"_s, u"12511900MB1599999Y"_s);
    });
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    h.api().setOrgans(site->config.organs);
    // Beijing time 04:00 on 1 January 2026 (20:00 UTC on 31 December 2025).
    const QDateTime newYear(QDate(2025, 12, 31), QTime(20, 0), QTimeZone::utc());
    h.api().setClock([newYear] { return newYear; });
    const QDir dir(site->folder);
    const auto read = [&](const QString &path) { return QString::fromUtf8(readFile(dir.filePath(path))); };
    QString error;
    // Dated the day before (the checks judge dates by the server's clock).
    const auto dated = [](RevisionContent c) {
        c.infoDate = QDate(2025, 12, 30);
        c.writtenDate = c.infoDate;
        return c;
    };

    // Items of every kind.
    RevisionContent policy = dated(content(u"巴中市国土空间规划管理办法"_s, u"policy_documents"_s));
    policy.documentNumber = u"巴自然资规〔2025〕3号"_s;
    policy.keywords = {u"国土空间"_s, u"规划管理"_s};
    policy.bodyHtml =
        u"<p>第一条 为加强国土空间规划管理，制定本办法。</p>"
        u"<p>详见<a href=\"https://www.gov.cn/zhengce/content/2019-05/23/content_5394187.htm?a=1&amp;b=2\">"
        u"国务院文件</a>和<a href=\"https://zrzyj.example.gov.cn/columns/news/index.html\">本站动态</a>。</p>"_s;
    const QString policyId = publish(h, ItemKind::Disclosure, u"policy_law"_s, policy, &error);
    QVERIFY2(!policyId.isEmpty(), qPrintable(error));
    RevisionContent bare = dated(content(u"不动产登记业务办理指南"_s, u"registration_announcements"_s));
    bare.documentNumber.clear();
    bare.keywords.clear();
    bare.topic.clear();
    bare.genre = u"其他"_s;
    bare.topic = u"其他"_s;
    const QString bareId = publish(h, ItemKind::Disclosure, u"registration_centre"_s, bare, &error);
    QVERIFY2(!bareId.isEmpty(), qPrintable(error));
    RevisionContent interpretation =
        dated(content(u"《巴中市国土空间规划管理办法》政策解读"_s, u"policy_interpretation"_s));
    const QString interpretationId = publish(h, ItemKind::News, u"policy_law"_s, interpretation, &error);
    QVERIFY2(!interpretationId.isEmpty(), qPrintable(error));
    RevisionContent meeting = dated(content(u"局党组会议研究国土空间规划工作"_s, u"notices"_s));
    meeting.meeting = u"局党组2025年第20次会议"_s;
    meeting.meetingDate = QDate(2025, 12, 30);
    const QString meetingId = publish(h, ItemKind::CollectiveDecision, u"office"_s, meeting, &error);
    QVERIFY2(!meetingId.isEmpty(), qPrintable(error));
    RevisionContent repost = dated(content(u"自然资源部关于做好耕地保护工作的通知"_s, u"superior_news"_s));
    repost.sourceSite = u"自然资源部"_s;
    repost.sourceUrl = u"https://www.mnr.gov.cn/gk/tzgg/202512/t20251201_0000001.html"_s;
    const QString repostId = publish(h, ItemKind::Repost, u"office"_s, repost, &error);
    QVERIFY2(!repostId.isEmpty(), qPrintable(error));
    // A news item with an image captioned by its author and one without a caption.
    const QByteArray png = smallPng();
    const Person *author = correspondentOf(m_org, u"farmland_protection"_s);
    QVERIFY(storeBlobOf(*site, png, author->id));
    Attachment image{uuid(), u"现场.png"_s, u"image/png"_s, png.size(),
                     QCryptographicHash::hash(png, QCryptographicHash::Sha256)};
    RevisionContent news = dated(content(u"全市耕地保护工作推进会召开"_s, u"bureau_news"_s));
    news.attachments.append(image);
    news.bodyHtml = u"<p>12月30日，全市耕地保护工作推进会召开。</p>"
                    u"<figure><img src=\"%1\" alt=\"推进会现场\" width=\"1600\" height=\"800\">"
                    u"<figcaption>推进会现场（市自然资源和规划局 供图）</figcaption></figure>"
                    u"<p><img src=\"%1\" alt=\"与会人员\" width=\"1600\" height=\"800\"></p>"_s.arg(
                        HtmlSanitizer::attachmentImageSource(image.id));
    const QString newsId = publish(h, ItemKind::News, u"farmland_protection"_s, news, &error);
    QVERIFY2(!newsId.isEmpty(), qPrintable(error));

    // 1. Empty columns are off the site; a retired one too, its page saying so.
    const QString home = read(u"index.html"_s);
    QVERIFY(!home.contains(u"暂无信息"_s));
    QVERIFY(!home.contains(u"columns/about/index.html"_s));
    QVERIFY(!home.contains(u"columns/interaction/index.html"_s));
    QVERIFY(home.contains(u"columns/news/index.html"_s) && home.contains(u"columns/disclosure/index.html"_s));
    QVERIFY(!read(u"sitemap.html"_s).contains(u"columns/mining_rights/"_s));
    QVERIFY(!read(u"columns/disclosure/index.html"_s).contains(u"columns/personnel/index.html"_s));
    QVERIFY(read(u"columns/mining_rights/index.html"_s).contains(u"本栏目已停止更新"_s));

    // 2. 关怀版: every page has its twin under care/, with the large-type style sheet, links within
    //    the mode and a plain link between the two.
    const QString newsPath = server::SiteRenderer::itemPath(newsId);
    const QString standard = read(newsPath);
    const QString care = read(u"care/"_s + newsPath);
    QVERIFY(standard.contains(u"<a href=\"../care/%1\">关怀版</a>"_s.arg(newsPath)));
    QVERIFY(care.contains(u"<a href=\"../../%1\">标准版</a>"_s.arg(newsPath)));
    QVERIFY(!standard.contains(u"care.css"_s));
    QVERIFY(care.contains(u"<link rel=\"stylesheet\" href=\"../../site.css\">"_s));
    QVERIFY(care.contains(u"<link rel=\"stylesheet\" href=\"../../care.css\">"_s));
    QVERIFY(care.contains(u"href=\"../index.html\""_s));   // care/index.html
    QVERIFY(care.contains(u"src=\"../../attachments/"_s)); // the site's attachments
    QVERIFY(care.contains(u"href=\"../../feed.xml\""_s));
    for (const QString &page : {u"index.html"_s, u"sitemap.html"_s, u"search.html"_s, u"statement.html"_s,
                                u"contact.html"_s, u"columns/news/index.html"_s})
        QVERIFY2(read(u"care/"_s + page).contains(u"care.css"_s), qPrintable(page));
    QVERIFY(QFileInfo::exists(dir.filePath(u"care.css"_s)));
    const QString siteCss = read(u"site.css"_s);
    QVERIFY(siteCss.contains(u".item-body img { max-width: 100%; height: auto; }"_s));
    QVERIFY(siteCss.contains(u".item-body p:has(img)"_s));
    QVERIFY(siteCss.contains(u".item > h1 { order: -1; }"_s));
    QVERIFY(!siteCss.contains(u"#f0a000"_s)); // the old focus ring (2:1 on white)
    for (const QString &page : {standard, care}) {
        QCOMPARE(page.count(u"<h1"_s), 1);
        QVERIFY(!page.contains(u"<script"_s) && !page.contains(u"style="_s) && !page.contains(u"<style"_s));
        QVERIFY(!page.contains(QChar(0xE000)));
    }

    // 3. The pages inspectors open.
    const QString statement = read(u"statement.html"_s);
    QVERIFY(statement.contains(u"版权声明"_s) && statement.contains(u"隐私声明"_s));
    QVERIFY(standard.contains(u"href=\"../statement.html\">网站声明</a>"_s));
    QVERIFY(standard.contains(u"href=\"../contact.html\">联系我们</a>"_s));
    const QString contact = read(u"contact.html"_s);
    for (const QString &fact : {u"四川省巴中市巴州区江北大道西段 88 号"_s, u"0827-5261234"_s,
                                u"工作日 9:00—12:00，14:30—17:30"_s, u"636000"_s})
        QVERIFY2(contact.contains(fact), qPrintable(fact));
    QVERIFY(
        standard.contains(u"<img src=\"../police.svg\" alt=\"\" width=\"20\" height=\"20\">川公网安备"_s));
    QVERIFY(read(u"police.svg"_s).startsWith(u"<svg"_s));
    const server::SiteServer handler(site->renderer->config());
    http::Request request;
    request.method = "GET";
    for (const QByteArray &target : {"/no/such/page.html"_ba, "/care/items/none.html"_ba}) {
        request.target = target;
        request.path = target;
        const http::Response r = handler.handle(request);
        QCOMPARE(r.status, 404);
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(QString::fromUtf8(r.body).contains(u"您访问的页面不存在"_s));
        QVERIFY(QString::fromUtf8(r.body).contains(u"href=\"/site.css\""_s)); // from the site's root
        QCOMPARE(QString::fromUtf8(r.body).contains(u"care.css"_s), target.startsWith("/care/"));
    }
    request.target = request.path = "/police.svg";
    QCOMPARE(handler.handle(request).contentType, "image/svg+xml"_ba);
    request.target = request.path = "/care/search.html?q=%E8%A7%84%E5%88%92";
    request.path = "/care/search.html";
    request.query = "q=%E8%A7%84%E5%88%92";
    const http::Response found = handler.handle(request);
    QCOMPARE(found.status, 200);
    QVERIFY(QString::fromUtf8(found.body).contains(u"care.css"_s));
    QVERIFY(QString::fromUtf8(found.body).contains(server::SiteRenderer::itemPath(policyId)));
    // 外链提示: the link to another site goes through a notice page naming it; the site's own does not.
    const QString policyPath = server::SiteRenderer::itemPath(policyId);
    const QString policyPage = read(policyPath);
    static const QRegularExpression leaveLink(
        u"href=\"\\.\\./(leave/[0-9a-f]{32}\\.html)\" rel=\"noopener noreferrer\">国务院文件</a>"_s);
    const QRegularExpressionMatch leave = leaveLink.match(policyPage);
    QVERIFY2(leave.hasMatch(), qPrintable(policyPage.mid(policyPage.indexOf(u"item-body"_s))));
    QVERIFY(policyPage.contains(u"href=\"https://zrzyj.example.gov.cn/columns/news/index.html\""_s));
    QVERIFY(!policyPage.contains(u"href=\"https://www.gov.cn"_s));
    const QString notice = read(leave.captured(1));
    const QString target = u"https://www.gov.cn/zhengce/content/2019-05/23/content_5394187.htm?a=1&amp;b=2"_s;
    QVERIFY(notice.contains(u"您即将离开本站"_s));
    QVERIFY(notice.contains(u"<a href=\"%1\" rel=\"noopener noreferrer\">继续访问</a>"_s.arg(target)));
    QVERIFY(notice.contains(u"<p class=\"leave-address\">%1</p>"_s.arg(target)));
    QVERIFY(notice.contains(u"<meta name=\"robots\" content=\"noindex\">"_s));
    QVERIFY(read(u"care/"_s + leave.captured(1)).contains(u"care.css"_s));
    // The repost's source link too.
    const QString repostPage = read(server::SiteRenderer::itemPath(repostId));
    QVERIFY(repostPage.contains(u"<a href=\"../leave/"_s));
    QVERIFY(!repostPage.contains(u"href=\"https://www.mnr.gov.cn"_s));

    // 4. The disclosure catalogue's fields; 无 for what is empty; the item's keywords in the meta tag.
    for (const QString &field :
         {u"<th scope=\"row\">名称</th><td colspan=\"3\">巴中市国土空间规划管理办法</td>"_s,
          u"<th scope=\"row\">发布机构</th><td>巴中市自然资源和规划局</td>"_s,
          u"<th scope=\"row\">文号</th><td>巴自然资规〔2025〕3号</td>"_s,
          u"<th scope=\"row\">主题词</th><td>国土空间，规划管理</td>"_s,
          u"<th scope=\"row\">公开方式</th><td>主动公开</td>"_s,
          u"<th scope=\"row\">有效性</th><td>现行有效</td>"_s,
          u"<meta name=\"Keywords\" content=\"国土空间,规划管理\">"_s})
        QVERIFY2(policyPage.contains(field), qPrintable(field));
    const QString barePage = read(server::SiteRenderer::itemPath(bareId));
    for (const QString &field :
         {u"<th scope=\"row\">发布机构</th><td>巴中市不动产登记中心</td>"_s,
          u"<th scope=\"row\">文号</th><td>无</td>"_s, u"<th scope=\"row\">主题词</th><td>无</td>"_s})
        QVERIFY2(barePage.contains(field), qPrintable(field));
    QVERIFY(!barePage.contains(u"<td></td>"_s));

    // 5. 索引号: the organ's code and the year in Beijing time (2026, though it is 2025 in UTC).
    const Item policyItem = *h.store().item(policyId);
    QVERIFY2(policyItem.indexNumber.startsWith(u"11511900MB1520412X/2026-"_s),
             qPrintable(policyItem.indexNumber));
    QVERIFY(policyPage.contains(u"<th scope=\"row\">索引号</th><td>%1</td>"_s.arg(policyItem.indexNumber)));
    QVERIFY2(h.store().item(bareId)->indexNumber.startsWith(u"12511900MB1599999Y/2026-"_s),
             qPrintable(h.store().item(bareId)->indexNumber));

    // 6. (#17) and 7. Captions: the marked image has its caption; the other none; neither overflows.
    const QString newsPage = standard;
    QVERIFY(newsPage.contains(
        u"alt=\"推进会现场\" width=\"1600\" height=\"800\"><figcaption>推进会现场（市自然资源和规划局 供图）</figcaption></figure>"_s));
    QCOMPARE(newsPage.count(u"<figcaption>"_s), 1);
    QVERIFY(newsPage.contains(u"alt=\"与会人员\""_s));
    Q_UNUSED(interpretationId);
    Q_UNUSED(meetingId);

    // A site built before the 关怀版 (layout "7") is rebuilt once, its care/ pages written.
    QVERIFY(QDir(dir.filePath(u"care"_s)).removeRecursively());
    QVERIFY(h.store().setMeta(u"site_index_built"_s, u"7"_s));
    QVERIFY(site->renderer->ensureIndexed().ok());
    QVERIFY(read(u"care/"_s + newsPath).contains(u"care.css"_s));
    QVERIFY(site->renderer->ensureIndexed().written.isEmpty()); // once
}

// #21: screenshots of the inspection-ready site in Chromium — desktop (1280), 200 % zoom (a 640-px
// window at device scale 2), a phone (390) and the 关怀版 — with no console message (CSP, loads).
// With BAOSONG_SCREENSHOTS set to a folder (docs/screenshots), they are copied there.
void TestServerSite::inspectionScreenshots()
{
    QFETCH_GLOBAL(QString, backend);
    const QString chromium = QStandardPaths::findExecutable(u"chromium"_s);
    QVERIFY2(!chromium.isEmpty(), "Debian's chromium is needed (apt-get install chromium)");
    auto site = start(backend, 5000, nullptr, [](server::SiteConfig &c) {
        c.contactAddress = u"四川省巴中市巴州区江北大道西段 88 号"_s;
        c.contactPhone = u"0827-5261234"_s;
        c.officeHours = u"工作日 9:00—12:00，14:30—17:30"_s;
        c.organs.name = u"巴中市自然资源和规划局"_s;
        c.organs.code = u"11511900MB1520412X"_s;
    });
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    h.api().setOrgans(site->config.organs);
    QString error;
    const QByteArray png = smallPng();
    QVERIFY(storeBlobOf(*site, png, correspondentOf(m_org, u"farmland_protection"_s)->id));
    const Attachment image{uuid(), u"现场.png"_s, u"image/png"_s, png.size(),
                           QCryptographicHash::hash(png, QCryptographicHash::Sha256)};
    RevisionContent news = content(u"全市耕地保护工作推进会召开"_s, u"bureau_news"_s);
    news.attachments.append(image);
    news.bodyHtml = u"<p>12月30日，全市耕地保护工作推进会召开，会议通报了全市耕地保护目标责任落实情况。</p>"
                    u"<figure><img src=\"%1\" alt=\"推进会现场\" width=\"1600\" height=\"800\">"
                    u"<figcaption>推进会现场（市自然资源和规划局 供图）</figcaption></figure>"
                    u"<p><img src=\"%1\" alt=\"与会人员\" width=\"1600\" height=\"800\"></p>"
                    u"<p>会议要求，详见<a href=\"https://www.mnr.gov.cn/\">自然资源部网站</a>。</p>"_s.arg(
                        HtmlSanitizer::attachmentImageSource(image.id));
    const QString newsId = publish(h, ItemKind::News, u"farmland_protection"_s, news, &error);
    QVERIFY2(!newsId.isEmpty(), qPrintable(error));
    RevisionContent d = content(u"巴中市国土空间规划管理办法"_s, u"policy_documents"_s);
    d.documentNumber = u"巴自然资规〔2025〕3号"_s;
    d.keywords = {u"国土空间"_s, u"规划管理"_s};
    const QString disclosure = publish(h, ItemKind::Disclosure, u"policy_law"_s, d, &error);
    QVERIFY2(!disclosure.isEmpty(), qPrintable(error));
    QVERIFY(publish(h, ItemKind::News, u"use_control"_s,
                    content(u"征地补偿安置方案公告"_s, u"land_acquisition"_s), &error)
                .size());

    const server::SiteServer handler(site->renderer->config());
    http::ServerConfig httpConfig;
    httpConfig.certificateFile = QDir(h.folder()).filePath(u"server.crt"_s);
    httpConfig.keyFile = QDir(h.folder()).filePath(u"server.key"_s);
    http::HttpsServer server(httpConfig, [&handler](const http::Request &r) { return handler.handle(r); });
    QVERIFY2(server.start(&error), qPrintable(error));
    const QSslCertificate certificate = QSslCertificate::fromPath(httpConfig.certificateFile).constFirst();
    const QByteArray spki =
        QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256).toBase64();
    const QString artefacts = QDir(QCoreApplication::applicationDirPath()).filePath(u"artefacts/site"_s);
    QVERIFY(QDir().mkpath(artefacts));
    const QString publishTo = qEnvironmentVariable("BAOSONG_SCREENSHOTS");
    struct Shot
    {
        QString name;
        QString path;
        QString size;
        QString scale;
    };
    const QString item = server::SiteRenderer::itemPath(newsId);
    const QString disclosurePath = server::SiteRenderer::itemPath(disclosure);
    const QList<Shot> shots{
        {u"site-home-desktop"_s, QString(), u"1280,1000"_s, u"1"_s},
        {u"site-item-desktop"_s, item, u"1280,1400"_s, u"1"_s},
        {u"site-disclosure-desktop"_s, disclosurePath, u"1280,1000"_s, u"1"_s},
        {u"site-item-zoom200"_s, item, u"640,1000"_s, u"2"_s},
        {u"site-disclosure-zoom200"_s, disclosurePath, u"640,1000"_s, u"2"_s},
        {u"site-disclosure-phone"_s, disclosurePath, u"390,1200"_s, u"1"_s},
        {u"site-item-phone"_s, item, u"390,1400"_s, u"1"_s},
        {u"site-care-home"_s, u"care/index.html"_s, u"1280,1000"_s, u"1"_s},
        {u"site-care-item-phone"_s, u"care/"_s + item, u"390,1400"_s, u"1"_s},
        {u"site-contact"_s, u"contact.html"_s, u"1280,900"_s, u"1"_s},
        {u"site-statement-phone"_s, u"statement.html"_s, u"390,1200"_s, u"1"_s},
        {u"site-not-found"_s, u"no/such/page.html"_s, u"1280,700"_s, u"1"_s},
    };
    for (const Shot &shot : shots) {
        QTemporaryDir profile;
        const QString file = QDir(artefacts).filePath(u"%1-%2.png"_s.arg(backend, shot.name));
        QFile::remove(file);
        QProcess p;
        p.start(chromium,
                {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--disable-quic"_s,
                 u"--no-first-run"_s, u"--disable-background-networking"_s, u"--disable-component-update"_s,
                 u"--disable-sync"_s, u"--hide-scrollbars"_s, u"--user-data-dir="_s + profile.path(),
                 u"--ignore-certificate-errors-spki-list="_s + QString::fromLatin1(spki),
                 u"--enable-logging=stderr"_s, u"--v=0"_s, u"--window-size="_s + shot.size,
                 u"--force-device-scale-factor="_s + shot.scale, u"--screenshot="_s + file,
                 u"https://127.0.0.1:%1/%2"_s.arg(server.port()).arg(shot.path)});
        QVERIFY(p.waitForFinished(120000));
        const QString log = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(log));
        QVERIFY2(QFileInfo(file).size() > 5000, qPrintable(log));
        QVERIFY2(!log.contains(u"CONSOLE"_s), qPrintable(log));
        QVERIFY2(!log.contains(u"Content Security Policy"_s), qPrintable(log));
        if (!publishTo.isEmpty()) {
            const QString target = QDir(publishTo).filePath(shot.name + u".png"_s);
            QFile::remove(target);
            QVERIFY(QFile::copy(file, target));
        }
    }
    server.stop();
}

// Issue #18 point 2: the office adds, renames, moves and retires columns through the API; everyone
// else is refused; a stale version, a cycle and hostile input change nothing; every change is audited
// and raises the organization's version; the site follows (a rename of a top-level column reaches
// every page's navigation, a move lists the items under the new parent); a retired column takes no
// new items through the API while a published item there may still change.
void TestServerSite::columnsManagedByTheOffice()
{
    QFETCH_GLOBAL(QString, backend);
    auto site = start(backend);
    QVERIFY(site);
    ServerHarness &h = *site->harness;
    const QDir dir(site->folder);
    QString error;
    const QString newsItem = publish(h, ItemKind::News, u"office"_s,
                                     content(u"局机关开展消防安全演练"_s, u"bureau_news"_s), &error);
    QVERIFY2(!newsItem.isEmpty(), qPrintable(error));
    const QString noticeItem =
        publish(h, ItemKind::News, u"office"_s,
                content(u"关于开展土地卫片执法检查的通知"_s, u"superior_news"_s), &error);
    QVERIFY2(!noticeItem.isEmpty(), qPrintable(error));

    const QByteArray director = h.login(u"xie.bo"_s);
    const auto version = [&] {
        return h.get(u"/api/v1/me"_s, director).body.value("organization_version"_L1).toInteger(-1);
    };
    const qint64 v0 = version();
    QVERIFY(v0 >= 0);
    Column added;
    added.id = u"land_supervision"_s;
    added.parentId = u"news"_s;
    added.name = u"执法监察"_s;
    added.type = ColumnType::Dynamic;
    added.responsibleUnitIds = {u"use_control"_s};
    added.updateIntervalDays = 30;
    added.sortOrder = 40;
    const auto put = [&](const QByteArray &token, const Column &c, qint64 base) {
        return h.request("PUT", u"/api/v1/columns/"_s + c.id, token,
                         QJsonObject{{"base_version"_L1, base}, {"column"_L1, json::toJson(c)}});
    };
    const auto columnsNow = [&] { return h.store().columns(); };
    const QList<Column> original = columnsNow();

    // Not the office: a correspondent, a unit head, the auditor — refused, nothing stored.
    for (const QString &who : {u"he.xiaoyu"_s, u"deng.kaiyuan"_s, u"qin.hao"_s}) {
        const HttpResult r = put(h.login(who), added, v0);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body.value("refusal"_L1).toString(), u"not_permitted"_s);
    }
    QCOMPARE(put({}, added, v0).status, 401);
    // Hostile and broken input: refused with a reason, nothing stored.
    Column bad = added;
    bad.name = u"  "_s;
    QCOMPARE(put(director, bad, v0).status, 422);
    bad = added;
    bad.parentId = u"nowhere"_s;
    QCOMPARE(put(director, bad, v0).status, 422);
    bad = added;
    bad.id = u"../../etc"_s;
    HttpResult r = h.request("PUT", u"/api/v1/columns/x"_s, director,
                             QJsonObject{{"base_version"_L1, v0}, {"column"_L1, json::toJson(bad)}});
    QCOMPARE(r.status, 422); // the id is not the address's
    bad = added;
    bad.name = QString(200, u'栏');
    QCOMPARE(put(director, bad, v0).status, 422);
    bad = added;
    bad.responsibleUnitIds = {u"nobody"_s};
    QCOMPARE(put(director, bad, v0).status, 422);
    r = h.request("PUT", u"/api/v1/columns/land_supervision"_s, director, QJsonObject{{"column"_L1, 1}});
    QCOMPARE(r.status, 400);
    // news under its own sub-column: a cycle.
    Column cycle = *m_org.column(u"news"_s);
    cycle.parentId = u"bureau_news"_s;
    r = put(director, cycle, v0);
    QCOMPARE(r.status, 422);
    QVERIFY(r.body.value("detail"_L1).toString().contains(u"sub-column"_s));
    // A stale version: 409, nothing stored.
    r = put(director, added, v0 - 1);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.body.value("refusal"_L1).toString(), u"stale_version"_s);
    QCOMPARE(columnsNow(), original);
    QCOMPARE(version(), v0);

    // Added by the office director: 201, audited, the version raised, GET /organization lists it.
    r = put(director, added, v0);
    QCOMPARE(r.status, 201);
    const qint64 v1 = r.body.value("organization_version"_L1).toInteger();
    QVERIFY(v1 > v0);
    QCOMPARE(version(), v1);
    const HttpResult org = h.get(u"/api/v1/organization"_s, h.login(u"he.xiaoyu"_s));
    QVERIFY(QJsonDocument(org.body).toJson().contains("land_supervision"));
    server::SiteRenderer::waitIdle(h.store(), 30000);
    QVERIFY(QFileInfo::exists(dir.filePath(u"columns/land_supervision/index.html"_s)));
    // The same again: nothing changes, the version stays.
    r = put(director, added, v1);
    QCOMPARE(r.status, 200);
    QCOMPARE(version(), v1);

    // Renamed top-level column (a site administrator): every page's navigation says the new name.
    const QString newsPage = server::SiteRenderer::itemPath(newsItem);
    QVERIFY(QString::fromUtf8(readFile(dir.filePath(newsPage))).contains(u">工作动态<"_s));
    Column news = *m_org.column(u"news"_s);
    news.name = u"新闻中心"_s;
    r = put(h.login(u"ma.lingyun"_s), news, v1);
    QCOMPARE(r.status, 200);
    const qint64 v2 = r.body.value("organization_version"_L1).toInteger();
    server::SiteRenderer::waitIdle(h.store(), 30000);
    for (const QString &path : {newsPage, server::SiteRenderer::itemPath(noticeItem), u"index.html"_s,
                                u"columns/bureau_news/index.html"_s, u"sitemap.html"_s}) {
        const QString page = QString::fromUtf8(readFile(dir.filePath(path)));
        // As a link's text (the column's description and keywords still say 工作动态).
        QVERIFY2(page.contains(u">新闻中心<"_s), qPrintable(path));
        QVERIFY2(!page.contains(u">工作动态<"_s), qPrintable(path));
    }

    // Moved: 上级动态 (with its item) under 政务公开; that column's page lists the item now, 新闻中心's no
    // more.
    Column superior = *m_org.column(u"superior_news"_s);
    superior.parentId = u"disclosure"_s;
    r = put(director, superior, v2);
    QCOMPARE(r.status, 200);
    const qint64 v3 = r.body.value("organization_version"_L1).toInteger();
    server::SiteRenderer::waitIdle(h.store(), 30000);
    QVERIFY(QString::fromUtf8(readFile(dir.filePath(u"columns/disclosure/index.html"_s)))
                .contains(u"关于开展土地卫片执法检查的通知"_s));
    QVERIFY(!QString::fromUtf8(readFile(dir.filePath(u"columns/news/index.html"_s)))
                 .contains(u"关于开展土地卫片执法检查的通知"_s));

    // Retired 局内动态: a new item there is refused through the API; the published one may change.
    Column bureauNews = *m_org.column(u"bureau_news"_s);
    bureauNews.retired = true;
    r = put(director, bureauNews, v3);
    QCOMPARE(r.status, 200);
    const QString fresh =
        createDraft(h, ItemKind::News, u"office"_s, content(u"新的动态"_s, u"bureau_news"_s));
    QVERIFY(!fresh.isEmpty());
    int status = 0;
    QJsonObject answer = act(h, u"he.xiaoyu"_s, fresh, u"submit"_s, 1, {}, &status);
    QCOMPARE(status, 422);
    QVERIFY2(QJsonDocument(answer).toJson().contains("column_retired"), QJsonDocument(answer).toJson());
    const std::optional<Item> live = h.store().item(newsItem);
    QVERIFY(live);
    RevisionContent changed = live->revision(live->liveRevision)->content;
    changed.title = u"局机关开展消防安全演练（更正）"_s;
    answer = act(h, u"he.xiaoyu"_s, newsItem, u"propose_change"_s, live->latestNumber(),
                 {{"content"_L1, json::toJson(changed)}}, &status);
    QVERIFY2(status == 200, QJsonDocument(answer).toJson());

    // Every change is in the audit log, with what changed.
    QStringList types;
    for (const AuditEvent &e : h.store().auditEvents(0, 100000)) {
        if (e.type.startsWith(u"column."_s)) {
            types << e.type;
            QCOMPARE(e.actorId, e.subjectId == u"news"_s ? u"ma.lingyun"_s : u"xie.bo"_s);
            QVERIFY(!e.details.value("changes"_L1).toObject().isEmpty());
        }
    }
    QCOMPARE(types,
             (QStringList{u"column.add"_s, u"column.change"_s, u"column.change"_s, u"column.retire"_s}));
    QVERIFY(h.store().verifyAudit().ok);
}
