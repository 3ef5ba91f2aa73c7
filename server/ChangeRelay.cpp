#include "ChangeRelay.h"

#include "ServerLogging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong::server {

ChangeRelay::ChangeRelay(const StoreConfig &config, std::function<void()> onOtherServer, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_onOtherServer(std::move(onOtherServer))
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_connection(u"baosong.relay."_s + m_instance)
{
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (!isListening())
            listen();
    });
    listen();
    m_retry.start();
}

ChangeRelay::~ChangeRelay()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.driver()->unsubscribeFromNotification(QString::fromLatin1(kChannel));
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool ChangeRelay::isListening() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return false;
    // A cheap round trip: a connection the database server dropped fails it.
    QSqlQuery q(db);
    return q.exec(u"SELECT 1"_s) &&
           db.driver()->subscribedToNotifications().contains(QString::fromLatin1(kChannel));
}

void ChangeRelay::listen()
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection, false)
                          : QSqlDatabase::addDatabase(u"QPSQL"_s, m_connection);
    db.close();
    ServerStore::configurePostgres(db, m_config);
    if (!db.open() || !db.driver()->subscribeToNotification(QString::fromLatin1(kChannel))) {
        qCWarning(lcServerStore) << "change relay: not listening yet:" << db.lastError().text();
        return;
    }
    disconnect(db.driver(), nullptr, this, nullptr);
    connect(db.driver(), &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name == QLatin1StringView(kChannel) && payload.toString() != m_instance &&
                    m_onOtherServer)
                    m_onOtherServer();
            });
    qCInfo(lcServerStore) << "change relay: listening for the other servers' changes";
}

void ChangeRelay::announce(ServerStore &store) const
{
    store.notifyOthers(QString::fromLatin1(kChannel), m_instance);
}

} // namespace baosong::server
