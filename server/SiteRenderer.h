#pragma once

// The public site (docs/design.md §6, §13; docs/server.md "The public site"): what approval publishes,
// written as static files into the configured site folder so that any web server can serve them.
//
// Layout of the folder (every link is relative, so the folder works under any path):
//   index.html                      home: every top-level column with its latest items
//   columns/<column>/index.html     a column (its own and its sub-columns' items, newest first),
//   columns/<column>/<n>.html       page n ≥ 2 of it
//   columns/<column>/feed.xml       the column's Atom feed
//   items/<item>.html               an item: title, dates, source, body, attachments; disclosure items
//                                   with their metadata table; a retracted item's page says so
//   feed.xml                        the whole site's Atom feed
//   sitemap.html, sitemap.xml       the site map for readers and for search engines
//   statement.html, contact.html    网站声明, 联系我们; 404.html the error page (#21.3)
//   leave/<hash>.html               外链提示: the notice before an external link of an item's body
//   care/…                          the 关怀版 (#21.2): every HTML page above again, with care.css
//   site.css, care.css, badge.<ext>, police.svg   the style sheets, the configured 党政机关 badge, the
//                                   police-filing icon
// Columns are listed in the navigation, the home page and the site maps by core's rule
// (shownColumnIds: not retired; something published or listed while empty); a change of the top-level
// ones rewrites every page (kind "all" in the pages due), a sub-column's its parent's pages.
// Attachments are linked as attachments/<sha256 hex>/<percent-encoded name>; SiteServer serves them
// from the attachments folder.
//
// Every file is written atomically (a temporary file in the same folder, then a rename), so a reader
// never sees half a page; a file whose content is unchanged is not rewritten. Item bodies always go
// through HtmlSanitizer. Templates are the files in resources/site/ (a file of the same name in the
// configured templates folder replaces one); their labels are Chinese text.
//
// Publication (issue #16): an action that changes what is on the site (publication, an approved
// change, a retraction) queues the item in the store's render queue in its own transaction
// (ServerStore::enqueueRender, with the columns it was listed in before) and Api calls notify()
// after the commit — the approval answers without waiting for the pages. The renderer attached to
// the store has a worker thread that takes every due job at once (a burst of publications makes one
// rewrite of the home page, feeds and sitemaps), writes the affected pages — the items, their
// columns and the columns' ancestors (old and new column on a move), their feeds, the home page, the
// site feed and the sitemaps — and removes the jobs; a failed render is retried after 1 s doubling
// to 5 min (GET /health and `baosong-server render-queue` show it). The worker drains the queue when
// it starts, so a server killed between the commit and the render writes the pages at its next start
// without a manual step. Renders are serialized in the process and, through a lock file in the
// folder, across server processes sharing a database; each reads the store after taking the lock,
// so the last render reflects every commit before it.

#include "Domain.h"
#include "ServerStore.h"
#include "SiteConfig.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace baosong::server {

Q_DECLARE_LOGGING_CATEGORY(lcSite)

class ServerStore;
class SiteSearch;
struct RenderJob;
namespace site {
struct Snapshot;
struct Frame;
struct ItemLinks;
class Writer;
} // namespace site

class SiteRenderer
{
    Q_DECLARE_TR_FUNCTIONS(SiteRenderer)

public:
    struct Report
    {
        QStringList written; // files written (relative to the site folder)
        int unchanged = 0;   // files whose content was already right
        QStringList removed; // files removed (retracted items' leftovers, surplus column pages)
        QString error;       // translated; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    SiteRenderer(SiteConfig config, ServerStore &store);
    ~SiteRenderer();

    const SiteConfig &config() const { return m_config; }

    // Writes the pages of queued jobs: their items, and the columns they are and were listed in.
    Report renderJobs(const QList<RenderJob> &jobs);
    // Renders every due job of the store's queue now, in this thread (the CLI's `render-queue run`);
    // false with *error when a render failed (the jobs are then retried later).
    bool drainQueue(QString *error);
    // Rebuilds the whole site from the store (after a template change or a restore) and removes
    // generated pages that no longer belong to it; rebuilds the site's index and search index too.
    Report republishAll();
    // Republishes when the site's index was never built from the store (a store from before schema
    // 7), was built for an older layout of the folder (before the 关怀版, #21) or the search index is
    // missing; a report with nothing written otherwise.
    Report ensureIndexed();

    // A column's change by the office (Api's PUT /api/v1/columns/<id>, `column add`), in the caller's
    // Transaction, when it shows on the site (ColumnChange::showsOnSite): every item listed in the
    // column or below is queued (re-indexed — a move lists it under its new parents — and its page
    // redone), the column's pages and those of its old and new parents are due, and when the column is
    // or was at the top level (the navigation every page carries) every page of the site is due: a
    // rename of a top-level column rewrites the whole site in the background, once. Then notify().
    static bool queueColumnChange(ServerStore &store, const QList<Column> &columnsBefore,
                                  const Column *before, const Column &after);
    // The render queue's key of a job that is no item: pages due in the site's index wait for it.
    static QString siteJobKey();

    // True when the change from `before` to `after` changes the public site: the item goes live or
    // stops being live, or its live revision changes.
    static bool affectsSite(const Item &before, const Item &after);
    // The column the item's live revision is listed in (empty when nothing of it is live).
    static QString liveColumn(const Item &item);

    // Paths relative to the site folder.
    static QString itemPath(const QString &itemId);
    // A column's index page (page 0) or its numbered page `page` (1 = the oldest items).
    static QString columnPath(const QString &columnId, int page = 0);
    // The numbered page that holds the item numbered `number` in a column's listing.
    static qint64 listingPage(qint64 number, int pageSize);
    static QString columnFeedPath(const QString &columnId);
    // "attachments/<sha256 hex>/<percent-encoded file name>"
    static QString attachmentPath(const Attachment &attachment);
    // The id as used in a file name: itself when it is made of letters, digits, '-' and '_' (at most
    // 64), otherwise "x" and the hex SHA-256 of it.
    static QString fileId(const QString &id);

    // The renderer that works through `store`'s render queue (none: the queue waits). attach() starts
    // its worker thread, which first renders what is queued; detach() stops it after a render under way.
    static void attach(ServerStore *store, SiteRenderer *renderer);
    static void detach(ServerStore *store);
    // Called by Api after an action that queued pages committed: wakes the worker.
    static void notify(ServerStore &store);
    // Tests and the CLI: waits until the queue of `store` is empty and its worker idle; false after
    // `timeoutMs` (or when a job keeps failing).
    static bool waitIdle(ServerStore &store, int timeoutMs);
    // Renders done by workers since the start (each one a batch of jobs): a burst makes few.
    static int batchesRendered();

private:
    using Snapshot = site::Snapshot;
    using Writer = site::Writer;

    bool load(Snapshot *snapshot, QString *error);
    // Fills snapshot.shown from the site's index; false on a store error.
    bool computeShown(Snapshot &snapshot);
    bool indexItems(Snapshot &s, const QList<Item> &items, const QStringList &missing,
                    QList<std::pair<QString, QString>> *due);
    void renderDue(const Snapshot &s, const QList<std::pair<QString, QString>> &due, Writer &w);
    void writeColumn(const Snapshot &s, const site::Frame &frame, const QString &columnId, bool everything,
                     Writer &w);
    void writeSite(const Snapshot &s, const site::Frame &frame, const QSet<qint64> &sitemapFiles,
                   bool everything, Writer &w);
    QHash<QString, Item> itemsOf(const QList<SiteEntry> &entries);
    // What the page of `item` (live as `entry`) links to (site::ItemLinks).
    site::ItemLinks linksOf(const Item &item, const SiteEntry &entry);
    int sitemapUrls() const { return std::clamp(m_config.sitemapUrls, 1, 50000); }
    // Copies the live attachments of `items` from the blob store into the site's attachments folder
    // and removes those that nothing live names any more (after a retraction).
    void syncAttachments(const QList<Item> &items) const;

    void startWorker();
    void stopWorker();
    void wake();
    void work();

    // The search index's documents for `items` (live ones) and the ids to take out of it.
    bool updateSearch(const QList<Item> &items, const QStringList &missing, QString *error);

    SiteConfig m_config;
    ServerStore &m_store;
    std::unique_ptr<SiteSearch> m_search; // none without [site] search_index
    std::thread m_worker;
    std::mutex m_wakeMutex;
    std::condition_variable m_wakeCondition;
    bool m_woken = false;
    bool m_stopping = false;
    std::atomic<bool> m_busy{false};
};

} // namespace baosong::server
