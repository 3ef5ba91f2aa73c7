#pragma once

// Test support for the client against a real server (tst_gui_client*): fault-injecting managers
// for a session, widget lookup, typing Chinese as an input method does, dropping files, a sync run to
// its end, and a signed-in session.

#include "ClientEndpoint.h"
#include "FaultyNetworkAccessManager.h"

#include "ClientSession.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QInputMethodEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

namespace baosong::test {

// Makes fault-injecting managers for a session; the test sets the rule of the last one made.
class FaultyFactory : public NetworkAccessFactory
{
public:
    QNetworkAccessManager *create(QObject *parent) override
    {
        last = new FaultyNetworkAccessManager(parent);
        return last;
    }
    FaultyNetworkAccessManager *last = nullptr;
};

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

// Chinese text arrives from an input method: its commit string.
inline void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

// A drag of local files onto `target`, then the drop (as a file manager does).
inline void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPointF pos = QPointF(target->rect().center());
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

// One sync run to its end (a run that cannot start ends at once).
inline bool runSync(ClientSession &session, int timeoutMs = 30000)
{
    QSignalSpy done(&session.sync(), &SyncEngine::runFinished);
    session.sync().syncNow();
    return done.count() > 0 || done.wait(timeoutMs);
}

// A session of `login` on the profile, signed in to `h` with its certificate trusted, the organization
// synced; null on failure. Sync runs only when the test says (no polling, and the server's notice
// channel off: a test of it turns it on with setPushEnabled(true)).
inline std::unique_ptr<ClientSession> signedInSession(ServerHarness &h, const QString &profile,
                                                      const QString &login, FaultyFactory *factory = nullptr)
{
    auto session = std::make_unique<ClientSession>(profile, factory);
    QString error;
    if (!session->open(&error)) {
        qWarning() << error;
        return nullptr;
    }
    session->setSyncInterval(0);
    session->setPushEnabled(false);
    const QUrl server(QStringLiteral("https://127.0.0.1:%1").arg(h.port()));
    const TrustVerdict verdict = session->probe(server);
    if (!session->trustCertificate(server, verdict.certificate, &error))
        return nullptr;
    QSignalSpy done(session.get(), &ClientSession::signInFinished);
    session->signIn(server, login, ServerHarness::password(login));
    if (!done.wait(20000) || !done.first().at(0).toBool())
        return nullptr;
    if (!session->store().organization() && !runSync(*session))
        return nullptr;
    return session;
}

} // namespace baosong::test
