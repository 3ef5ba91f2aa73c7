#pragma once

// Autosave of the draft open in an ItemEditor (docs/design.md §9.1, §11): the draft is saved a few seconds
// after the last edit (kDefaultDelayMs, restarted by every edit) and at every focus change while
// there are unsaved edits, through the owner's save function (the lead's: the local store and
// outbox; tests: LocalStore::saveItem).
//
// Recovery: while an item is open in the editor its id is kept in Settings (written to disk at once),
// and cleared only by finish() — the editor closed normally and its last edits saved. After a crash the
// id is still there: draftToRecover() tells the owner which draft to reopen from the local store. A
// failed save keeps the edits marked unsaved and is tried again at the next edit or focus change.

#include "Domain.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace baosong {

class ItemEditor;
class Settings;

class DraftAutosave : public QObject
{
    Q_OBJECT

public:
    using SaveFunction = std::function<bool(const Item &)>;
    static constexpr int kDefaultDelayMs = 3000;

    // `editor` and `settings` must outlive the autosave (it is usually the editor's child).
    DraftAutosave(ItemEditor *editor, Settings *settings, SaveFunction save, QObject *parent = nullptr);

    void setDelay(int milliseconds);
    int delay() const { return m_timer.interval(); }

    // True while edits are not saved.
    bool isDirty() const { return m_dirty; }
    // Saves now when there are unsaved edits; true when nothing is left unsaved.
    bool saveNow();
    // The editor is being closed normally: saves, and when that succeeds clears the recovery mark.
    bool finish();

    // The id of the draft that was open when the client last ended without closing the editor
    // normally (a crash); empty when none.
    static QString draftToRecover(Settings &settings);

signals:
    void saved(const QString &itemId);
    void saveFailed(const QString &itemId);

private:
    void edited();
    void markOpen(const QString &itemId);

    ItemEditor *m_editor;
    Settings *m_settings;
    SaveFunction m_save;
    QTimer m_timer;
    bool m_dirty = false;
    bool m_saving = false;
};

} // namespace baosong
