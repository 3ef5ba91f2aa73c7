// The site's HTML pages (see SiteRenderer.h for the folder's layout).

#include "SiteParts.h"

#include "Disclosure.h"

#include "HtmlText.h"

#include <QCryptographicHash>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace baosong::server::site {

Frame::Frame(const Snapshot &snapshot, const SiteConfig &siteConfig, Writer &w)
    : s(snapshot)
    , t(snapshot.templates)
    , config(siteConfig)
    // Unset in the configuration: the organization's name (as imported), else the template's.
    , siteName(!siteConfig.name.isEmpty()             ? siteConfig.name
               : !snapshot.organizationName.isEmpty() ? snapshot.organizationName
                                                      : snapshot.templates.label(u"default_site_name"_s))
    , base(siteConfig.baseUrl())
    , publicSecurityCode(siteConfig.publicSecurity)
    , top(snapshot.shownChildren({}))
{
    publicSecurityCode.remove(QRegularExpression(u"[^0-9]"_s));
    // The badge is copied into the folder (PNG, JPEG or GIF).
    if (!config.badgeFile.isEmpty()) {
        const QString suffix = QFileInfo(config.badgeFile).suffix().toLower();
        QFile f(config.badgeFile);
        if (!QStringList{u"png"_s, u"jpg"_s, u"jpeg"_s, u"gif"_s}.contains(suffix)) {
            qCWarning(lcSite) << "the badge must be a PNG, JPEG or GIF file:" << config.badgeFile;
        } else if (!f.open(QIODevice::ReadOnly)) {
            qCWarning(lcSite) << "the badge" << config.badgeFile << "cannot be read:" << f.errorString();
        } else {
            badge = u"badge."_s + suffix;
            w.write(badge, f.readAll());
        }
    }
    w.write(u"site.css"_s, t.css());
    w.write(u"care.css"_s, t.careCss());
    if (!publicSecurityCode.isEmpty())
        w.write(u"police.svg"_s, t.policeIcon());
}

QString Frame::page(const QString &title, const QString &meta, const QString &main, const QString &currentTop,
                    const QString &feed, const QString &feedTitle) const
{
    const QString &root = kRootMark;
    QString nav;
    for (const Column *c : top)
        nav += t.render(u"nav-item"_s, {{u"href"_s, root + SiteRenderer::columnPath(c->id)},
                                        {u"name"_s, c->name},
                                        {u"current"_s, c->id == currentTop ? u"1"_s : QString()}});
    const Values v{
        {u"page_title"_s, title},
        {u"site_name"_s, siteName},
        {u"site_domain"_s, config.domain()},
        {u"site_code"_s, config.siteCode},
        {u"meta"_s, meta},
        {u"root"_s, root},
        {u"assets"_s, kAssetMark},
        {u"other_mode"_s, kOtherModeMark},
        {u"other_mode_name"_s, kModeNameMark},
        {u"care_css"_s, kCareCssMark},
        {u"nav"_s, nav},
        {u"main"_s, main},
        {u"feed"_s, feed},
        {u"feed_title"_s, feedTitle},
        {u"organizer"_s, config.organizer.isEmpty() ? s.organizationName : config.organizer},
        {u"contact"_s, config.contact},
        {u"police_icon"_s, publicSecurityCode.isEmpty() ? QString() : kAssetMark + u"police.svg"_s},
        {u"icp"_s, config.icp},
        {u"public_security"_s, config.publicSecurity},
        {u"public_security_code"_s, publicSecurityCode},
        {u"report_error_url"_s,
         HtmlSanitizer::isAllowedLinkUrl(config.reportErrorUrl) ? config.reportErrorUrl : QString()},
        {u"badge"_s, badge},
        {u"badge_link"_s, HtmlSanitizer::isAllowedLinkUrl(config.badgeLink) ? config.badgeLink : QString()}};
    return t.render(u"page"_s, v);
}

QString Frame::listItem(const SiteEntry &e, const QString &root) const
{
    return t.render(u"list-item"_s, {{u"href"_s, root + SiteRenderer::itemPath(e.itemId)},
                                     {u"title"_s, e.title},
                                     {u"date"_s, dateText(e.publishedAt)}});
}

QString Frame::crumbs(const QString &columnId, const QString &root) const
{
    QString out;
    for (const Column *c : s.path(columnId))
        out +=
            t.render(u"crumb"_s, {{u"href"_s, root + SiteRenderer::columnPath(c->id)}, {u"name"_s, c->name}});
    return out;
}

QString Frame::columnMeta(const Column *c) const
{
    if (!c)
        return QString();
    return metaTag(u"ColumnName"_s, c->name) + metaTag(u"ColumnDescription"_s, c->description) +
           metaTag(u"ColumnKeywords"_s, c->keywords.join(u',')) +
           metaTag(u"ColumnType"_s, t.label(u"column_type."_s + toString(c->type)));
}

QString Frame::topOf(const QString &columnId) const
{
    const QList<const Column *> p = s.path(columnId);
    return p.isEmpty() ? QString() : p.first()->id;
}

QString Frame::body(const RevisionContent &content, QHash<QString, QString> *leaving) const
{
    HtmlSanitizer::Policy policy = HtmlSanitizer::policyForAttachments(content.attachments);
    const QList<Attachment> attachments = content.attachments;
    policy.imageUrl = [attachments](const QString &id) {
        for (const Attachment &a : attachments) {
            if (a.id == id && a.sha256.size() == 32)
                return kAssetMark + SiteRenderer::attachmentPath(a);
        }
        return QString();
    };
    const QString html = HtmlSanitizer(policy).sanitize(content.bodyHtml);
    // Links to other sites go through their 外链提示 page (#21.3): a static page per address, made
    // only for addresses in published bodies (no redirector that would send readers anywhere).
    static const QRegularExpression link(uR"re(<a href="([^"]*)")re"_s);
    QString out;
    qsizetype at = 0;
    for (QRegularExpressionMatchIterator it = link.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString escaped = m.captured(1);
        QString plain = escaped;
        plain.replace(u"&quot;"_s, u"\""_s).replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s);
        plain.replace(u"&amp;"_s, u"&"_s);
        if (!isExternal(plain))
            continue;
        QString notice;
        const QString path = leavePage(escaped, &notice);
        if (leaving)
            leaving->insert(path, notice);
        out += QStringView(html).mid(at, m.capturedStart(1) - at);
        out += kRootMark + path;
        at = m.capturedEnd(1);
    }
    out += QStringView(html).mid(at);
    return out;
}

bool Frame::isExternal(const QString &url) const
{
    const QString scheme = HtmlSanitizer::urlScheme(url);
    if (scheme != u"http"_s && scheme != u"https"_s)
        return false;
    const QString host = QUrl(url).host().toLower();
    return !host.isEmpty() && host != config.domain().toLower();
}

QString Frame::leavePage(const QString &escapedHref, QString *page) const
{
    const QString path =
        u"leave/"_s +
        QString::fromLatin1(
            QCryptographicHash::hash(escapedHref.toUtf8(), QCryptographicHash::Sha256).toHex().left(32)) +
        u".html"_s;
    // The address as the sanitizer wrote it: escaped for an attribute and for text alike.
    const QString filled =
        t.render(u"leave"_s, {{u"root"_s, kRootMark}, {u"site_name"_s, siteName}, {u"href"_s, escapedHref}});
    *page = this->page(t.label(u"leave_title"_s) + u" - "_s + siteName, metaTag(u"robots"_s, u"noindex"_s),
                       filled, {});
    return path;
}

void PageWriter::item(const Item &item, const SiteEntry *e, const Links &links)
{
    const QString path = SiteRenderer::itemPath(item.id);
    const Revision *live = item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
    if (!e || !live) {
        if (live && item.state == WorkflowState::Retracted) {
            QDateTime withdrawnAt;
            for (const Decision &d : item.decisions) {
                if (d.type == DecisionType::Approve && d.at > withdrawnAt)
                    withdrawnAt = d.at;
            }
            const QString main = f.t.render(u"withdrawn"_s, {{u"root"_s, kRootMark},
                                                             {u"title"_s, live->content.title},
                                                             {u"withdrawn_date"_s, dateText(withdrawnAt)},
                                                             {u"withdrawn_datetime"_s, isoText(withdrawnAt)},
                                                             {u"pub_date"_s, dateText(item.publishedAt)},
                                                             {u"pub_datetime"_s, isoText(item.publishedAt)}});
            writePage(path, f.page(f.t.label(u"withdrawn_title"_s) + u" - "_s + f.siteName,
                                   metaTag(u"robots"_s, u"noindex"_s), main, {}));
        } else {
            removePage(path);
        }
        return;
    }
    const RevisionContent &c = live->content;
    const Column *column = f.s.column(c.columnId);
    const QString &root = kRootMark;
    QString attachments;
    for (const Attachment &a : c.attachments) {
        attachments += f.t.render(
            u"attachment"_s,
            {{u"href"_s, a.sha256.size() == 32 ? kAssetMark + SiteRenderer::attachmentPath(a) : QString()},
             {u"name"_s, a.fileName},
             {u"size"_s, sizeText(a.size)}});
    }
    QHash<QString, QString> leaving; // 外链提示 pages: path → page
    const QString html = f.body(c, &leaving);
    Values v{{u"root"_s, root},
             {u"crumbs"_s, f.crumbs(c.columnId, root)},
             {u"title"_s, c.title},
             {u"pub_date"_s, dateText(e->publishedAt)},
             {u"pub_datetime"_s, isoText(e->publishedAt)},
             {u"revised_date"_s, dateText(e->revisedAt)},
             {u"revised_datetime"_s, isoText(e->revisedAt)},
             {u"source"_s, f.s.unitName(item.unitId)},
             {u"body"_s, html},
             {u"attachments"_s, attachments}};
    if (item.kind == ItemKind::Repost) {
        v.insert(u"source_site"_s, c.sourceSite);
        if (HtmlSanitizer::isAllowedLinkUrl(c.sourceUrl) &&
            HtmlSanitizer::urlScheme(c.sourceUrl) != u"mailto"_s) {
            const QString url = HtmlSanitizer::cleanUrl(c.sourceUrl);
            if (f.isExternal(url)) {
                QString notice;
                const QString leave = f.leavePage(url.toHtmlEscaped(), &notice);
                leaving.insert(leave, notice);
                v.insert(u"source_url"_s, root + leave); // {{{source_url}}}: marks, escaped path
            } else {
                v.insert(u"source_url"_s, url.toHtmlEscaped());
            }
        }
    }
    if (item.kind == ItemKind::CollectiveDecision) {
        v.insert(u"meeting"_s, c.meeting);
        v.insert(u"meeting_date"_s, c.meetingDate.toString(Qt::ISODate));
    }
    if (item.kind == ItemKind::Disclosure) {
        v.insert(u"disclosure"_s, u"1"_s);
        v.insert(u"index_number"_s, item.indexNumber);
        v.insert(u"catalogue_entry"_s, c.catalogueEntry);
        // 发布机构: the organ that issues it (the bureau for its sections; configured, #21.4).
        v.insert(u"organ"_s,
                 f.config.organs.nameFor(item.unitId, f.config.organizer.isEmpty() ? f.s.organizationName
                                                                                   : f.config.organizer));
        v.insert(u"disclosure_method"_s, f.t.label(u"disclosure_method"_s));
        // 成文日期: the date on the document; items from before the field have the information date.
        v.insert(u"written_date"_s,
                 (c.writtenDate.isValid() ? c.writtenDate : c.infoDate).toString(Qt::ISODate));
        v.insert(u"document_number"_s, c.documentNumber);
        v.insert(u"topic"_s, c.topic);
        v.insert(u"genre"_s, c.genre);
        v.insert(u"keywords"_s, disclosure::joinKeywords(c.keywords));
        QString validity = f.t.label(u"validity."_s + toString(c.validity));
        if (c.validity != Validity::InForce && c.validityDate.isValid())
            validity += u"（"_s + c.validityDate.toString(Qt::ISODate) + u"）"_s;
        v.insert(u"validity"_s, validity);
        if (c.validity == Validity::Repealed) {
            v.insert(u"repealed_date"_s, c.validityDate.toString(Qt::ISODate));
            v.insert(u"repealed"_s, u"1"_s);
            if (links.replacement) {
                v.insert(u"replacement_href"_s,
                         QFileInfo(SiteRenderer::itemPath(links.replacement->itemId)).fileName());
                v.insert(u"replacement_title"_s, links.replacement->title);
            }
        } else if (c.validity == Validity::Amended) {
            v.insert(u"amended_date"_s, c.validityDate.toString(Qt::ISODate));
        }
    }
    if (links.interpretation) {
        v.insert(u"interpretation_href"_s,
                 QFileInfo(SiteRenderer::itemPath(links.interpretation->itemId)).fileName());
        v.insert(u"interpretation_title"_s, links.interpretation->title);
    }
    QString documents;
    for (const SiteEntry &d : links.documents)
        documents +=
            f.t.render(u"related"_s, {{u"href"_s, QFileInfo(SiteRenderer::itemPath(d.itemId)).fileName()},
                                      {u"title"_s, d.title}});
    v.insert(u"documents"_s, documents);
    const QString source =
        item.kind == ItemKind::Repost && !c.sourceSite.isEmpty() ? c.sourceSite : f.s.unitName(item.unitId);
    const QString meta = metaTag(u"ArticleTitle"_s, c.title) +
                         metaTag(u"PubDate"_s, minuteText(e->publishedAt)) +
                         metaTag(u"ContentSource"_s, source) +
                         // The item's own keywords (主题词, #21.4); the column's for an item without any.
                         metaTag(u"Keywords"_s, (!c.keywords.isEmpty() ? c.keywords
                                                 : column              ? column->keywords
                                                                       : QStringList())
                                                    .join(u',')) +
                         metaTag(u"Author"_s, f.s.unitName(item.unitId)) +
                         metaTag(u"Description"_s, HtmlText::plainText(html).simplified().left(120)) +
                         metaTag(u"Url"_s, f.base + path) + f.columnMeta(column);
    for (auto it = leaving.cbegin(); it != leaving.cend(); ++it)
        writePage(it.key(), it.value());
    writePage(path,
              f.page(c.title + u" - "_s + f.siteName, meta, f.t.render(u"item"_s, v), f.topOf(c.columnId)));
}

void PageWriter::columnPage(const Column &c, qint64 page, qint64 last, const QList<SiteEntry> &entries)
{
    const QString &root = kRootMark;
    QString children;
    for (const Column *child : f.s.shownChildren(c.id))
        children += f.t.render(u"nav-item"_s, {{u"href"_s, root + SiteRenderer::columnPath(child->id)},
                                               {u"name"_s, child->name}});
    QList<const Column *> ancestors = f.s.path(c.id);
    ancestors.removeLast();
    QString crumbLinks;
    for (const Column *a : std::as_const(ancestors))
        crumbLinks += f.t.render(u"crumb"_s,
                                 {{u"href"_s, root + SiteRenderer::columnPath(a->id)}, {u"name"_s, a->name}});
    crumbLinks +=
        f.t.render(u"crumb"_s, {{u"href"_s, root + SiteRenderer::columnPath(c.id)}, {u"name"_s, c.name}});
    QString list;
    for (const SiteEntry &e : entries)
        list += f.listItem(e, root);
    const auto file = [&](qint64 n) { return QFileInfo(SiteRenderer::columnPath(c.id, int(n))).fileName(); };
    // Newer (上一页) and older (下一页) pages. The index shows the newest items; the older ones follow
    // on the numbered page before the oldest of them.
    QString newer;
    QString older;
    if (page == 0) {
        const qint64 oldestShown = entries.isEmpty() ? 0 : entries.last().number;
        if (oldestShown > 1)
            older = file(SiteRenderer::listingPage(oldestShown - 1, f.config.pageSize));
    } else {
        newer = page < last ? file(page + 1) : u"index.html"_s;
        if (page > 1)
            older = file(page - 1);
    }
    const bool paged = last > 1 || page > 0;
    const Values v{{u"root"_s, root},
                   {u"crumbs"_s, crumbLinks},
                   {u"name"_s, c.name},
                   {u"description"_s, c.description},
                   {u"retired"_s, c.retired ? u"1"_s : QString()},
                   {u"feed"_s, kAssetMark + SiteRenderer::columnFeedPath(c.id)},
                   {u"children"_s, children},
                   {u"items"_s, list},
                   {u"paged"_s, paged ? u"1"_s : QString()},
                   {u"page"_s, page > 0 ? QString::number(page) : QString()},
                   {u"pages"_s, page == 0 && last > 1 ? QString::number(last) : QString()},
                   {u"first_href"_s, page == 0 && last > 1 ? file(1) : QString()},
                   {u"prev_href"_s, newer},
                   {u"next_href"_s, older}};
    QString numbered = f.t.label(u"page_title"_s);
    if (!numbered.contains(u"%2"_s))
        numbered = u"%1 (%2)"_s; // a replaced labels.json without it
    const QString title = (page > 0 ? numbered.arg(c.name).arg(page) : c.name) + u" - "_s + f.siteName;
    const QString feed = kAssetMark + SiteRenderer::columnFeedPath(c.id);
    writePage(SiteRenderer::columnPath(c.id, int(page)),
              f.page(title, f.columnMeta(&c), f.t.render(u"column"_s, v), f.topOf(c.id), feed, c.name));
}

void PageWriter::removePagesAfter(const Column &c, qint64 last)
{
    for (qint64 n = std::max<qint64>(last + 1, 1);; ++n) {
        const QString path = SiteRenderer::columnPath(c.id, int(n));
        if (!QFileInfo::exists(QDir(f.config.folder).filePath(path)))
            break;
        removePage(path);
    }
}

void PageWriter::home(const QHash<QString, QList<SiteEntry>> &newest)
{
    QString blocks;
    for (const Column *c : f.top) {
        QString list;
        for (const SiteEntry &e : newest.value(c->id))
            list += f.listItem(e, {});
        blocks += f.t.render(u"home-column"_s, {{u"column_id"_s, SiteRenderer::fileId(c->id)},
                                                {u"href"_s, SiteRenderer::columnPath(c->id)},
                                                {u"name"_s, c->name},
                                                {u"items"_s, list}});
    }
    writePage(u"index.html"_s,
              f.page(f.siteName, metaTag(u"Description"_s, f.siteName),
                     f.t.render(u"home"_s, {{u"site_name"_s, f.siteName}, {u"columns"_s, blocks}}), {}));
}

void PageWriter::sitemap()
{
    std::function<QString(const QString &)> tree = [&](const QString &parentId) {
        QString out;
        for (const Column *c : f.s.shownChildren(parentId))
            out += f.t.render(u"sitemap-node"_s, {{u"href"_s, SiteRenderer::columnPath(c->id)},
                                                  {u"name"_s, c->name},
                                                  {u"children"_s, tree(c->id)}});
        return out;
    };
    writePage(u"sitemap.html"_s,
              f.page(f.t.label(u"sitemap_title"_s) + u" - "_s + f.siteName, {},
                     f.t.render(u"sitemap"_s, {{u"root"_s, kRootMark}, {u"tree"_s, tree({})}}), {}));
}

} // namespace baosong::server::site

namespace baosong::server::site {

void PageWriter::searchPage()
{
    writePage(u"search.html"_s, f.page(f.t.label(u"search_title"_s) + u" - "_s + f.siteName,
                                       metaTag(u"robots"_s, u"noindex"_s), kSearchMarker, {}));
}

void PageWriter::fixedPages()
{
    const SiteConfig &c = f.config;
    const QString organizer = c.organizer.isEmpty() ? f.s.organizationName : c.organizer;
    const Values v{
        {u"root"_s, kRootMark},           {u"site_name"_s, f.siteName},       {u"organizer"_s, organizer},
        {u"address"_s, c.contactAddress}, {u"postcode"_s, c.contactPostcode}, {u"phone"_s, c.contactPhone},
        {u"email"_s, c.contactEmail},     {u"office_hours"_s, c.officeHours}, {u"contact"_s, c.contact}};
    writePage(u"statement.html"_s, f.page(f.t.label(u"statement_title"_s) + u" - "_s + f.siteName, {},
                                          f.t.render(u"statement"_s, v), {}));
    writePage(u"contact.html"_s, f.page(f.t.label(u"contact_title"_s) + u" - "_s + f.siteName, {},
                                        f.t.render(u"contact"_s, v), {}));
    // The error page is served at any address (SiteServer; a web server's error_page): its links
    // begin at the site's path from its public address, not relative to where it is.
    QString root = QUrl(f.base).path();
    if (!root.endsWith(u'/'))
        root += u'/';
    const QString notFound = f.page(f.t.label(u"not_found_title"_s) + u" - "_s + f.siteName,
                                    metaTag(u"robots"_s, u"noindex"_s), f.t.render(u"not-found"_s, v), {});
    w.write(u"404.html"_s, resolve(f.t, notFound, u"404.html"_s, false, root).toUtf8());
    w.write(kCareFolder + u"404.html"_s, resolve(f.t, notFound, u"404.html"_s, true, root).toUtf8());
}

QString PageWriter::resolve(const Templates &t, const QString &html, const QString &path, bool care,
                            const QString &root)
{
    const int depth = int(path.count(u'/'));
    const QString here = root.isEmpty() ? rootOf(depth) : (care ? root + kCareFolder : root);
    const QString site = root.isEmpty() ? rootOf(care ? depth + 1 : depth) : root;
    QString out = html;
    out.replace(kRootMark, here);
    out.replace(kAssetMark, site);
    out.replace(kOtherModeMark, care ? site + path : here + kCareFolder + path);
    out.replace(kModeNameMark, t.label(care ? u"mode_standard"_s : u"mode_care"_s));
    out.replace(kCareCssMark,
                care ? u"<link rel=\"stylesheet\" href=\""_s + site + u"care.css\">"_s : QString());
    return out;
}

void PageWriter::writePage(const QString &path, const QString &html)
{
    w.write(path, resolve(f.t, html, path, false).toUtf8());
    w.write(kCareFolder + path, resolve(f.t, html, path, true).toUtf8());
}

void PageWriter::removePage(const QString &path)
{
    w.remove(path);
    w.remove(kCareFolder + path);
}

} // namespace baosong::server::site
