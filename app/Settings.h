#pragma once

// The one typed settings class of the client (docs/design.md §12): every setting is read and written here,
// in the profile's settings.ini, never through QSettings elsewhere.

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace baosong {

class Settings
{
public:
    explicit Settings(const QString &profileDir);

    // UI language: "zh_CN", "en", or empty for the system's (Chinese on a Chinese system, else English).
    QString language() const;
    void setLanguage(const QString &language);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
    QByteArray mainSplitterState() const;
    void setMainSplitterState(const QByteArray &state);
    // The item list's columns (shown, order, widths) as the user left them in a view (ItemViews::key;
    // empty: the list without a session).
    QByteArray listHeaderState(const QString &viewKey) const;
    void setListHeaderState(const QString &viewKey, const QByteArray &state);
    QByteArray navigationSplitterState() const;
    void setNavigationSplitterState(const QByteArray &state);

    // The id of the draft open in the item editor, kept until the editor is closed normally, so that
    // after a crash the draft can be reopened (DraftAutosave). Empty when none.
    QString editorRecoveryDraftId() const;
    void setEditorRecoveryDraftId(const QString &itemId);

    // Tray notifications of new queue items and of my items returned or published (default on).
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    // Without a system keychain: keep the session token in a file only this user can read (the user's
    // explicit choice; default off: memory only, sign in again after a restart).
    bool keepTokenInFile() const;
    void setKeepTokenInFile(bool inFile);

    void sync();

private:
    QSettings m_settings;
};

} // namespace baosong
