#include "FeedWriter.h"

#include "LocalStore.h"

namespace baosong {

FeedWriter::FeedWriter(const QString &storePath)
    : m_path(storePath)
{
    m_thread.setObjectName(QStringLiteral("baosong-feed-writer"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

FeedWriter::~FeedWriter()
{
    QMetaObject::invokeMethod(
        &m_context, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void FeedWriter::post(std::function<void(LocalStore *, const QString &)> work)
{
    QMetaObject::invokeMethod(
        &m_context,
        [this, work = std::move(work)] {
            if (!m_store) {
                auto store = std::make_unique<LocalStore>(m_path);
                store->setDeferredCheck(true); // the engine's own store checked it at open
                const LocalStore::OpenResult opened = store->open();
                if (!opened.ok()) {
                    work(nullptr, opened.message);
                    return;
                }
                m_store = std::move(store);
            }
            work(m_store.get(), QString());
        },
        Qt::QueuedConnection);
}

} // namespace baosong
