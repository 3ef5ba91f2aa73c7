#pragma once

// The one typed settings class of the client (DESIGN.md §12): every setting is read and written here,
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

    void sync();

private:
    QSettings m_settings;
};

} // namespace baosong
