#pragma once

// Brings the local store's search indexes (items_fts, items_chars) up to date with its rows, on a
// thread of its own (docs/design.md §10: a first sync of 10,000 items in about a second; indexing
// their trigrams takes longer than receiving and saving them). LocalStore makes one per open store and
// schedules it after a commit that left more rows unindexed than it indexes at once; until it has
// caught up, search() reads the unindexed rows directly, so nothing is ever missing from a search.
//
// The work is LocalStore::catchUpSearchIndex(): batches of a few hundred rows per transaction on its
// own connection (a save of the user waits at most for one batch), then a passive WAL checkpoint. It
// starts `delayMs` after the last schedule() (the rest of a sync's pages are written first, without
// sharing the disk and the cores with it) and runs until nothing is left; a schedule() during a run
// makes it look once more afterwards. The destructor stops it after the current batch and waits.

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>

class QThread;

namespace baosong {

class SearchIndexer : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexer(const QString &storePath, QObject *parent = nullptr);
    ~SearchIndexer() override;

    // Catch up `delayMs` from now (again, if it is running now).
    void schedule();
    // How long schedule() waits before starting (default 1000 ms; tests use 0).
    void setDelay(int delayMs) { m_timer.setInterval(delayMs); }
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    // A run ended: `indexed` rows added; `error` is empty unless it failed (it is tried again at the
    // next schedule()).
    void finished(int indexed, const QString &error);

private:
    void start();

    QString m_path;
    QTimer m_timer;
    QThread *m_thread = nullptr;
    bool m_again = false;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
};

} // namespace baosong
