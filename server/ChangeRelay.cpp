#include "ChangeRelay.h"

#include "ServerLogging.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

constexpr auto kHello = "hello "_L1; // "hello <instance>": who else listens?
constexpr auto kHere = "here "_L1;   // "here <instance>": the answer

} // namespace

ChangeRelay::ChangeRelay(const StoreConfig &config, std::function<void()> onOtherServer, ServerStore *store,
                         QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_onOtherServer(std::move(onOtherServer))
    , m_store(store)
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_connection(u"baosong.relay."_s + m_instance)
{
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (!isListening()) {
            setOthers(true); // not knowing: tell them
            listen();
        }
    });
    m_hello.setInterval(60000);
    connect(&m_hello, &QTimer::timeout, this, &ChangeRelay::hello);
    m_answers.setSingleShot(true);
    m_answers.setInterval(5000);
    connect(&m_answers, &QTimer::timeout, this, [this] {
        if (m_heardAt < m_helloAt && isListening())
            setOthers(false);
    });
    listen();
    m_retry.start();
    m_hello.start();
}

void ChangeRelay::setHelloTiming(int everyMs, int answerWithinMs)
{
    m_hello.setInterval(everyMs);
    m_answers.setInterval(answerWithinMs);
}

void ChangeRelay::setOthers(bool others)
{
    if (!m_store || m_store->othersListening() == others)
        return;
    m_store->setOthersListening(others);
    qCInfo(lcServerStore) << (others ? "change relay: another server listens; actions tell it"
                                     : "change relay: no other server listens; actions tell nobody");
}

void ChangeRelay::send(const QString &payload) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(u"SELECT pg_notify(?, ?)"_s);
    q.addBindValue(QString::fromLatin1(kChannel));
    q.addBindValue(payload);
    if (!q.exec())
        qCWarning(lcServerStore) << "change relay: sending failed:" << q.lastError().text();
}

void ChangeRelay::hello()
{
    if (!QSqlDatabase::database(m_connection, false).isOpen())
        return;
    m_helloAt = QDateTime::currentMSecsSinceEpoch();
    send(kHello + m_instance);
    m_answers.start();
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
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &value) {
                if (name != QLatin1StringView(kChannel))
                    return;
                const QString payload = value.toString();
                const bool isHello = payload.startsWith(kHello);
                const QString from = isHello                     ? payload.mid(kHello.size())
                                     : payload.startsWith(kHere) ? payload.mid(kHere.size())
                                                                 : payload;
                if (from == m_instance)
                    return;
                m_heardAt = QDateTime::currentMSecsSinceEpoch();
                setOthers(true);
                if (isHello)
                    send(kHere + m_instance);
                else if (from == payload && m_onOtherServer)
                    m_onOtherServer(); // a change
            });
    qCInfo(lcServerStore) << "change relay: listening for the other servers' changes";
    hello();
}

void ChangeRelay::announce(ServerStore &store) const
{
    if (!store.othersListening())
        return;
    store.notifyOthers(QString::fromLatin1(kChannel), m_instance);
}

} // namespace baosong::server
