#include "FeedWriter.h"

#include "LocalStore.h"

#include <QCoreApplication>

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
            if (!m_store && LocalStore::damageMarked(m_path)) {
                // Damage was found meanwhile: the engine's own store deals with it (the engine stops);
                // this connection must not check the file and move it aside from under that store.
                work(nullptr, QCoreApplication::translate("LocalStore", "The local store is damaged; nothing "
                                                                        "more is written into it."));
                return;
            }
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
