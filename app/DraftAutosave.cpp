#include "DraftAutosave.h"

#include "ItemEditor.h"
#include "Logging.h"
#include "Settings.h"

#include <QApplication>

namespace baosong {

DraftAutosave::DraftAutosave(ItemEditor *editor, Settings *settings, SaveFunction save, QObject *parent)
    : QObject(parent ? parent : editor)
    , m_editor(editor)
    , m_settings(settings)
    , m_save(std::move(save))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosave::saveNow);
    connect(editor, &ItemEditor::edited, this, &DraftAutosave::edited);
    connect(editor, &ItemEditor::itemLoaded, this, [this](const QString &id) {
        // Another item in the editor: the previous one's edits were saved by its owner, or are lost
        // on purpose (setItem replaces them).
        m_timer.stop();
        m_dirty = false;
        markOpen(id);
    });
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        connect(app, &QApplication::focusChanged, this, [this] {
            if (m_dirty)
                saveNow();
        });
    markOpen(editor->itemId());
}

void DraftAutosave::setDelay(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void DraftAutosave::markOpen(const QString &itemId)
{
    if (!m_settings)
        return;
    m_settings->setEditorRecoveryDraftId(itemId);
    m_settings->sync(); // on disk now: a crash may come at any moment
}

void DraftAutosave::edited()
{
    m_dirty = true;
    m_timer.start();
}

bool DraftAutosave::saveNow()
{
    m_timer.stop();
    if (!m_dirty)
        return true;
    if (m_saving || !m_save)
        return false;
    m_saving = true; // a save that changes focus (a message box) must not save again from within
    const Item item = m_editor->item();
    const bool ok = m_save(item);
    m_saving = false;
    if (ok) {
        m_dirty = false;
        emit saved(item.id);
    } else {
        qCWarning(lcApp) << "autosave of draft" << item.id << "failed";
        emit saveFailed(item.id);
    }
    return ok;
}

bool DraftAutosave::finish()
{
    if (!saveNow())
        return false;
    if (m_settings) {
        m_settings->setEditorRecoveryDraftId(QString());
        m_settings->sync();
    }
    return true;
}

QString DraftAutosave::draftToRecover(Settings &settings)
{
    return settings.editorRecoveryDraftId();
}

} // namespace baosong
