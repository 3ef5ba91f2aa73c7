#pragma once

// Oversight → Accountability register (issue #18 point 6; Art. 23): for a quarter or any days, per unit,
// the columns left stale, the check that every publication passed its whole route, the overrides of
// blocking findings, the corrections and retractions of published items, the items published past the
// 15-day limit and the inspection notices — with a CSV export. A site administrator (or an
// administrator) adds, edits and closes notices here. Everything comes from the server
// (client/RegisterClient, GET /api/v1/register), which also decides whose units the person sees.

#include "Register.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class RegisterDialog;
}

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStandardItemModel;

namespace baosong {

class ClientSession;
class Organization;
class RegisterClient;

// The form of one notice: date, source, finding, unit, follow-up, closed and when. Checks what it can
// before sending (InspectionNotices::problems); the server checks again.
class NoticeDialog : public QDialog
{
    Q_OBJECT

public:
    NoticeDialog(const Organization *organization, const InspectionNotice &notice, QWidget *parent = nullptr);

    InspectionNotice notice() const;
    // The problems of what is filled in (empty: it may be saved).
    QStringList problems() const;

    void accept() override;

private:
    const Organization *m_organization;
    InspectionNotice m_notice;
    QDateEdit *m_date;
    QComboBox *m_source;
    QPlainTextEdit *m_finding;
    QComboBox *m_unit;
    QPlainTextEdit *m_followUp;
    QCheckBox *m_closed;
    QDateEdit *m_closedOn;
    QLabel *m_problems;
};

class RegisterDialog : public QDialog
{
    Q_OBJECT

public:
    RegisterDialog(ClientSession *session, const Organization *organization, QWidget *parent = nullptr);
    ~RegisterDialog() override;

    // Asks the server for the period (what the selectors then show).
    void fetch(const StatisticsPeriod &period);
    // Shows the server's answer (also for tests).
    void setRegister(const AccountabilityRegister &r, bool mayWriteNotices);
    std::optional<AccountabilityRegister> currentRegister() const { return m_register; }
    // The period the selectors show.
    StatisticsPeriod selectedPeriod() const;

    QStandardItemModel *summaryModel() const { return m_summary; }
    QStandardItemModel *staleModel() const { return m_stale; }
    QStandardItemModel *routeModel() const { return m_route; }
    QStandardItemModel *overrideModel() const { return m_overrides; }
    QStandardItemModel *correctionModel() const { return m_corrections; }
    QStandardItemModel *lateModel() const { return m_late; }
    QStandardItemModel *noticeModel() const { return m_notices; }
    // The route check's result as shown.
    QString routeCheckText() const;

    // Opens the notice form (a new notice, or the selected one; `closing`: to close it); sends what is
    // saved to the server. The form, for tests, through `formShown` before it runs.
    void addNotice();
    void editNotice(bool closing = false);
    // Writes the CSV export (RegisterCalculator::csv) to `path`; false (and the user told) when not.
    bool exportCsv(const QString &path);

signals:
    void shown();
    void formShown(baosong::NoticeDialog *form);
    void noticeSent(const baosong::InspectionNotice &notice);

private:
    void fetchSelected();
    void updatePeriodControls();
    void openNoticeForm(const InspectionNotice &notice);
    void updateNoticeButtons();

    std::unique_ptr<Ui::RegisterDialog> m_ui;
    ClientSession *m_session;
    const Organization *m_organization;
    RegisterClient *m_client;
    QStandardItemModel *m_summary;
    QStandardItemModel *m_stale;
    QStandardItemModel *m_route;
    QStandardItemModel *m_overrides;
    QStandardItemModel *m_corrections;
    QStandardItemModel *m_late;
    QStandardItemModel *m_notices;
    std::optional<AccountabilityRegister> m_register;
    bool m_mayWrite = false;
};

} // namespace baosong
