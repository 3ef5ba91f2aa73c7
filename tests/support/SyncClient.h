#pragma once

// Test support for tests that link the client library and drive the sync engine without widgets: a
// client with its own local store in a temporary folder and an injecting network access manager, and a
// sample news draft of a unit (its column one the unit may use).

#include "FaultyNetworkAccessManager.h"
#include "SampleContent.h"

#include "LocalStore.h"
#include "SyncEngine.h"

#include <QDate>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace baosong::test {

struct SyncClient
{
    // `path`: the local store's file (another client's, a kept one); empty: one in its own folder.
    explicit SyncClient(const ServerEndpoint &endpoint, const QString &path = {})
        : store(path.isEmpty() ? dir.filePath(QStringLiteral("local.sqlite")) : path)
    {
        opened = store.open().ok();
        engine = std::make_unique<SyncEngine>(store, &nam);
        engine->setEndpoint(endpoint);
    }
    // Runs one sync to its end; false when it did not end in time.
    bool sync(int timeoutMs = 60000)
    {
        QSignalSpy done(engine.get(), &SyncEngine::runFinished);
        engine->syncNow();
        return done.count() > 0 || done.wait(timeoutMs);
    }
    // Every item here: id → title of its latest revision.
    QHash<QString, QString> titles()
    {
        QHash<QString, QString> out;
        for (const ItemSummary &s : store.summaries(0, 1000000))
            out.insert(s.id, s.title);
        return out;
    }
    QTemporaryDir dir;
    LocalStore store;
    FaultyNetworkAccessManager nam;
    std::unique_ptr<SyncEngine> engine;
    bool opened = false;
};

// A news draft of `unitId` with a body, yesterday's information date and a column the unit may use.
inline Item sampleDraft(const QString &title, const QString &unitId)
{
    Item item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = ItemKind::News;
    item.unitId = unitId;
    Revision r;
    r.number = 1;
    r.content.title = title;
    r.content.bodyHtml = QStringLiteral("<p>关于国土空间规划的正文。</p>");
    r.content.infoDate = chinaToday().addDays(-1);
    r.content.columnId = allowedColumn(ItemKind::News, unitId);
    item.revisions = {r};
    return item;
}

} // namespace baosong::test
