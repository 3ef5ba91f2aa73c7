#pragma once

// The sync status area of the main window's status bar (issue #7): the state in words (synced at,
// syncing, offline with what waits, sign-in needed, stopped and why), a progress bar while a run
// sends or receives, the last error with the server's request id, and "Retry now"; while the local
// store is damaged, "Rebuild from server…" instead.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace baosong {

class SyncEngine;

class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(SyncEngine *engine, QWidget *parent = nullptr);

    QString stateText() const;
    QString errorText() const;

signals:
    // The user asked to sign in again (shown when the server refused the session).
    void signInRequested();
    // The user asked to rebuild a damaged local store from the server (shown while it is damaged).
    void rebuildRequested();

private:
    void refresh();

    SyncEngine *m_engine;
    QLabel *m_state;
    QProgressBar *m_progress;
    QLabel *m_error;
    QToolButton *m_retry;
    QToolButton *m_signIn;
    QToolButton *m_rebuild;
    QString m_lastSynced;
};

} // namespace baosong
