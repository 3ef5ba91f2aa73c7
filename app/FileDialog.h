#pragma once

// Every file dialog of the client goes through here, like message boxes (app/MessageBox), so that tests
// can pre-answer them: setNextOpenFileNames() makes the next dialog return at once without showing.

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace baosong {

class FileDialog
{
public:
    // The files the user chose to open (several at once); empty when cancelled.
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir = {},
                                        const QString &filter = {});

    // Where to save a file (a suggested name or path in `dir`); empty when cancelled.
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir = {},
                                   const QString &filter = {});

    // Tests: the next getOpenFileNames() returns `files` (empty: cancelled) without being shown.
    static void setNextOpenFileNames(const QStringList &files);
    // Tests: the next getSaveFileName() returns `path` (empty: cancelled) without being shown.
    static void setNextSaveFileName(const QString &path);
    // Tests: the caption of the last dialog asked for.
    static QString lastCaption();
};

} // namespace baosong
