#include "Settings.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace baosong {

Settings::Settings(const QString &profileDir)
    : m_settings(QDir(profileDir).filePath(u"settings.ini"_s), QSettings::IniFormat)
{}

QString Settings::language() const
{
    return m_settings.value("ui/language"_L1).toString();
}
void Settings::setLanguage(const QString &language)
{
    m_settings.setValue("ui/language"_L1, language);
}

QByteArray Settings::mainWindowGeometry() const
{
    return m_settings.value("window/geometry"_L1).toByteArray();
}
void Settings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue("window/geometry"_L1, geometry);
}
QByteArray Settings::mainWindowState() const
{
    return m_settings.value("window/state"_L1).toByteArray();
}
void Settings::setMainWindowState(const QByteArray &state)
{
    m_settings.setValue("window/state"_L1, state);
}
bool Settings::keepTokenInFile() const
{
    return m_settings.value("session/token_in_file"_L1, false).toBool();
}
void Settings::setKeepTokenInFile(bool inFile)
{
    m_settings.setValue("session/token_in_file"_L1, inFile);
}

bool Settings::notificationsEnabled() const
{
    return m_settings.value("notifications/enabled"_L1, true).toBool();
}
void Settings::setNotificationsEnabled(bool enabled)
{
    m_settings.setValue("notifications/enabled"_L1, enabled);
}

QByteArray Settings::navigationSplitterState() const
{
    return m_settings.value("window/navigation_splitter"_L1).toByteArray();
}
void Settings::setNavigationSplitterState(const QByteArray &state)
{
    m_settings.setValue("window/navigation_splitter"_L1, state);
}

QByteArray Settings::mainSplitterState() const
{
    return m_settings.value("window/splitter"_L1).toByteArray();
}
void Settings::setMainSplitterState(const QByteArray &state)
{
    m_settings.setValue("window/splitter"_L1, state);
}

QByteArray Settings::listHeaderState(const QString &viewKey) const
{
    return m_settings.value("list/"_L1 + (viewKey.isEmpty() ? u"all"_s : viewKey)).toByteArray();
}
void Settings::setListHeaderState(const QString &viewKey, const QByteArray &state)
{
    m_settings.setValue("list/"_L1 + (viewKey.isEmpty() ? u"all"_s : viewKey), state);
}

QString Settings::editorRecoveryDraftId() const
{
    return m_settings.value("editor/recoveryDraftId"_L1).toString();
}
void Settings::setEditorRecoveryDraftId(const QString &itemId)
{
    if (itemId.isEmpty())
        m_settings.remove("editor/recoveryDraftId"_L1);
    else
        m_settings.setValue("editor/recoveryDraftId"_L1, itemId);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace baosong
