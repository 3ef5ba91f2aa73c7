#include "Notifier.h"

#include "ClientSession.h"
#include "ItemViews.h"
#include "Settings.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>
#include <QSystemTrayIcon>

#include <utility>

using namespace Qt::StringLiterals;

namespace baosong {

Notifier::Notifier(ClientSession *session, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_enabled(settings->notificationsEnabled())
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray =
            new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_FileDialogListView), this);
        m_tray->show();
    }
    snapshotMine();
    SyncEngine *sync = &session->sync();
    connect(sync, &SyncEngine::itemsChanged, this, &Notifier::onItemsChanged);
    connect(sync, &SyncEngine::queueItemsArrived, this, &Notifier::onQueueArrived);
    connect(sync, &SyncEngine::urgentItemsAhead, this, [this](const QStringList &ids) { m_ahead += ids; });
    connect(sync, &SyncEngine::columnHealthChanged, this, [this] { m_columnHealthChanged = true; });
    // One plan per sync run, so that a run of many pages makes one grouped notification.
    connect(sync, &SyncEngine::runFinished, this, &Notifier::flush);
    updateCount();
}

void Notifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    m_settings->setNotificationsEnabled(enabled);
    m_settings->sync();
}

void Notifier::snapshotMine()
{
    ItemFilter mine;
    mine.authorId = m_session->personId();
    m_mine.clear();
    if (mine.authorId.isEmpty())
        return;
    for (int offset = 0;; offset += 1000) {
        const QList<ItemSummary> page = m_session->store().summaries(mine, offset, 1000);
        for (const ItemSummary &s : page)
            m_mine.insert(s.id, s.state);
        if (page.size() < 1000)
            break;
    }
}

void Notifier::onItemsChanged(const QStringList &ids)
{
    m_changed += ids;
}

void Notifier::onQueueArrived(const QStringList &ids)
{
    m_arrived += ids;
}

void Notifier::flush()
{
    const QString me = m_session->personId();
    QList<ItemSummary> mine;
    for (const ItemSummary &s : m_session->store().summariesOf(m_changed)) {
        if (s.authorId == me)
            mine.append(s);
    }
    const QList<ItemSummary> arrived = m_session->store().summariesOf(m_arrived);
    QList<Notification> plan =
        Notifications::plan(arrived, mine, m_mine, m_session->store().summariesOf(m_ahead));
    if (std::exchange(m_columnHealthChanged, false)) {
        if (std::optional<Notification> n = columnReminder())
            plan.append(*n);
    }
    for (const ItemSummary &s : std::as_const(mine))
        m_mine.insert(s.id, s.state);
    m_changed.clear();
    m_arrived.clear();
    m_ahead.clear();
    for (const Notification &n : plan) {
        m_history.append(n);
        emit notified(n);
        if (m_enabled && m_tray)
            m_tray->showMessage(n.title, n.text,
                                n.urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                                n.urgent ? 0 : 8000);
    }
    updateCount();
}

std::optional<Notification> Notifier::columnReminder()
{
    const std::optional<SiteHealth> health = m_session->sync().columnHealth();
    const std::optional<Organization> org = m_session->store().organization();
    const Person *person = org ? org->person(m_session->personId()) : nullptr;
    if (!health || !person)
        return std::nullopt;
    // Once a day per column.
    const QDate today = chinaToday();
    QSet<QString> already;
    for (auto it = m_reminded.cbegin(); it != m_reminded.cend(); ++it) {
        if (it.value() == today)
            already.insert(it.key());
    }
    std::optional<Notification> n = Notifications::columnReminder(*health, person->unitId, already);
    if (n) {
        for (const QString &id : n->columnIds)
            m_reminded.insert(id, today);
    }
    return n;
}

void Notifier::updateCount()
{
    const std::optional<Organization> org = m_session->store().organization();
    const Person *person = org ? org->person(m_session->personId()) : nullptr;
    const int waiting = person ? m_session->store().count(ItemViews::filterFor(
                                     ItemView::WaitingForMe, *person, RouteEngine::builtin(), &*org))
                               : 0;
    if (waiting == m_waiting)
        return;
    m_waiting = waiting;
    if (m_tray)
        m_tray->setToolTip(waiting > 0 ? tr("Baosong: %n item(s) wait for you", nullptr, waiting)
                                       : tr("Baosong"));
    emit waitingCountChanged(waiting);
}

} // namespace baosong
