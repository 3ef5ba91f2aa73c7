#pragma once

// Test support for the client against a real server (tst_gui_client*): fault-injecting managers
// for a session, widget lookup, typing Chinese as an input method does, dropping files, and a sync
// run to its end.

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

} // namespace baosong::test
