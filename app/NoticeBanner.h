#pragma once

// The main window's notice strip (issue #15 point 5): what the last sync brought — items waiting for
// my decision, my item returned or published — shown in the window itself, above the list, until the
// user opens it or closes it. A desktop tray, where there is one, shows the same notice as well; where
// there is none (many Linux desktops, a remote session), this is where news appears.

#include "Notifications.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace baosong {

class NoticeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBanner(QWidget *parent = nullptr);

    // Shows `notification` (replacing the one shown).
    void showNotice(const Notification &notification);
    const Notification &notice() const { return m_notice; }
    QString text() const;

signals:
    // "Show": the window goes to the items of the notice.
    void openRequested(const baosong::Notification &notification);

private:
    Notification m_notice;
    QLabel *m_text;
    QPushButton *m_open;
};

} // namespace baosong
