#pragma once

// Runs the sync engine's feed-page writes on a thread of its own, with its own connection to the
// local store (a LocalStore opened there), so that the thread of the user interface is never held by
// a page of thousands of items, and the next page arrives while one is written (bench_sync).
// SQLite serialises its writes with the user's (WAL, BEGIN IMMEDIATE, busy timeout).

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace baosong {

class LocalStore;

class FeedWriter
{
public:
    explicit FeedWriter(const QString &storePath);
    // Waits for the work under way, then closes the store on its thread.
    ~FeedWriter();
    FeedWriter(const FeedWriter &) = delete;
    FeedWriter &operator=(const FeedWriter &) = delete;

    // Runs `work` on the writer's thread, in the order posted, with its store (opened at the first
    // work), or with null and the translated reason when the store could not be opened.
    void post(std::function<void(LocalStore *store, const QString &openError)> work);

private:
    QString m_path;
    QThread m_thread;
    QObject m_context;                   // lives in m_thread: the receiver of posted work
    std::unique_ptr<LocalStore> m_store; // used on m_thread only
};

} // namespace baosong
