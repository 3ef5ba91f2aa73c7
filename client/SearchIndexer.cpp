#include "SearchIndexer.h"

#include "LocalStore.h"
#include "Logging.h"

#include <QThread>

namespace baosong {

SearchIndexer::SearchIndexer(const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_path(storePath)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SearchIndexer::start);
}

SearchIndexer::~SearchIndexer()
{
    m_timer.stop();
    if (m_thread) {
        m_stop->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

void SearchIndexer::schedule()
{
    if (m_thread)
        m_again = true;
    else
        m_timer.start();
}

void SearchIndexer::start()
{
    if (m_thread) {
        m_again = true;
        return;
    }
    m_again = false;
    struct Outcome
    {
        int indexed = 0;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    m_thread = QThread::create([path = m_path, stop = m_stop, outcome] {
        outcome->indexed = LocalStore::catchUpSearchIndex(
            path, [stop] { return !stop->load(); }, &outcome->error);
    });
    connect(m_thread, &QThread::finished, this, [this, outcome] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (outcome->indexed < 0)
            qCWarning(lcStore) << "search index not brought up to date:" << outcome->error;
        else
            qCDebug(lcStore) << "search index: added" << outcome->indexed << "rows";
        emit finished(std::max(outcome->indexed, 0), outcome->error);
        if (m_again && !m_stop->load())
            m_timer.start();
    });
    m_thread->start(QThread::LowPriority);
}

} // namespace baosong
