#pragma once

// The site administrator's settings page of the content checks (issue #17 point 7): the sensitive and
// misused word lists in their text form (WordLists::parse) and the detectors turned on or off
// (ContentSettings), loaded from and saved to the server through client/WordListsClient. Thin: the
// lines are read by core (errors translated, with their line, before anything is sent), the server
// decides (403, 409 stale: load again, 422 with its lines). Reachable from the main window's Settings
// menu for site administrators only.

#include "ContentScan.h"

#include <QDialog>
#include <QHash>

#include <memory>

namespace Ui {
class WordListsDialog;
}

class QCheckBox;

namespace baosong {

class ClientSession;
class WordListsClient;

class WordListsDialog : public QDialog
{
    Q_OBJECT

public:
    // `session` must outlive the dialog. Loads the server's lists at once.
    explicit WordListsDialog(ClientSession *session, QWidget *parent = nullptr);
    ~WordListsDialog() override;

    // What the page holds now (its version: the one loaded, the base of a save).
    ContentRules rules() const;
    // Whether a request is under way (loading or saving).
    bool isBusy() const;

    void load();
    // Reads the lines (errors shown, nothing sent), then sends them.
    void save();

signals:
    // A load or a save ended (tests; `ok` false: the error label says why).
    void settled(bool ok);

private:
    void fill(const ContentRules &rules);
    void setBusy(bool busy);
    void showError(const QString &message, const QStringList &lines = {});

    std::unique_ptr<Ui::WordListsDialog> m_ui;
    ClientSession *m_session;
    WordListsClient *m_client;
    QHash<QString, QCheckBox *> m_detectors;
    qint64 m_version = -1; // loaded; -1 before
    bool m_busy = false;
};

} // namespace baosong
