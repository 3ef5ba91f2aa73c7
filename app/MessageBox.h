#pragma once

// Every message box of the client goes through here (docs/design.md §12, after KeePassXC's MessageBox), so
// that tests can pre-answer them: setNextAnswer() makes the next box return at once without showing,
// and lastMessage() tells what it said.

#include <QMessageBox>
#include <QString>

#include <optional>

namespace baosong {

class MessageBox
{
public:
    static QMessageBox::StandardButton information(QWidget *parent, const QString &title,
                                                   const QString &text);
    static QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text);
    static QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text);
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);

    // Asks for a line of text (or several lines with `multiLine`): the text, or empty when cancelled.
    static std::optional<QString> getText(QWidget *parent, const QString &title, const QString &label,
                                          const QString &text = {}, bool multiLine = false);

    // Tests: the next box returns `answer` without being shown.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // Tests: the next getText() returns `answer` (nullopt: cancelled) without being shown.
    static void setNextText(std::optional<QString> answer);
    // Tests: the text of the last box asked for (shown or pre-answered; for getText(), its label).
    static QString lastMessage();

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                            const QString &text, QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

} // namespace baosong
