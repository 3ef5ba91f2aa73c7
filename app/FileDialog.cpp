#include "FileDialog.h"

#include <QFileDialog>

#include <utility>

namespace baosong {

namespace {
std::optional<QStringList> g_nextOpenFileNames;
std::optional<QString> g_nextSaveFileName;
QString g_lastCaption;
} // namespace

QStringList FileDialog::getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                         const QString &filter)
{
    g_lastCaption = caption;
    if (g_nextOpenFileNames)
        return *std::exchange(g_nextOpenFileNames, std::nullopt);
    return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    g_lastCaption = caption;
    if (g_nextSaveFileName)
        return *std::exchange(g_nextSaveFileName, std::nullopt);
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextSaveFileName(const QString &path)
{
    g_nextSaveFileName = path;
}

void FileDialog::setNextOpenFileNames(const QStringList &files)
{
    g_nextOpenFileNames = files;
}

QString FileDialog::lastCaption()
{
    return g_lastCaption;
}

} // namespace baosong
