#pragma once

// The findings of the checks before submission (core/Checks), one line each with its severity's icon;
// activating a line asks to focus the field it concerns (fieldActivated). Blocking findings that may
// be overridden offer "Override with reason…": the reason is mandatory (asked through
// MessageBox::getText, which tests pre-answer) and is what the submit action records. The override
// covers the blocking findings shown when it was given; a new blocking finding needs a new reason.

#include "Checks.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace baosong {

class ChecksPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChecksPanel(QWidget *parent = nullptr);

    void setFindings(const QList<Finding> &findings);
    QList<Finding> findings() const { return m_findings; }

    // True while a blocking finding stops the submission (none overridden with a reason).
    bool isBlocked() const;
    // The reason given for the override, while it covers every blocking finding; else empty.
    QString overrideReason() const;
    // Asks for the override reason (mandatory). False when the findings can't be overridden, or the
    // user cancelled or gave no reason (they are told so).
    bool askOverride();
    // Forgets a given override.
    void clearOverride();

signals:
    // The user activated a finding that concerns this field (Finding::field, a CheckField).
    void fieldActivated(const QString &field);
    void overrideChanged();

private:
    void activate(QTreeWidgetItem *item);
    void updateState();

    QList<Finding> m_findings;
    QString m_overrideReason;
    QSet<QString> m_overridden; // Finding::key() of the blocking findings the reason covers
    QTreeWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_overrideButton;
};

} // namespace baosong
