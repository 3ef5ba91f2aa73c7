#pragma once

// Oversight → Statistics (issue #18 points 3–5): the quarter's figures per unit (ranked) and per column,
// three charts (submissions, publications and adoptions per unit; on-time rates per unit; the trend by
// month, overall or for one unit) drawn so that they read in black and white too, and CSV, XLSX and
// PDF exports. The figures come from the server
// (client/StatisticsClient, GET /api/v1/statistics), which also decides whose figures the person sees.

#include "Statistics.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class StatisticsDialog;
}

class QChart;
class QChartView;
class QStandardItemModel;

namespace baosong {

class ClientSession;
class StatisticsClient;

class StatisticsDialog : public QDialog
{
    Q_OBJECT

public:
    StatisticsDialog(ClientSession *session, QWidget *parent = nullptr);
    ~StatisticsDialog() override;

    // Asks the server for quarter `q` of `year` (what the selectors show).
    void fetch(int year, int q);
    // Shows `statistics` (the server's answer; also for tests).
    void show(const Statistics &statistics);
    using QDialog::show;
    QStandardItemModel *unitModel() const { return m_units; }
    QStandardItemModel *columnModel() const { return m_columns; }
    // The charts' series as shown (tests): per chart, its sets' labels (a line: its points).
    QStringList chartTitles() const;
    // The trend by month for one unit (empty: every unit), as the third chart shows it.
    void showTrend(const QString &unitId);
    // The trend's values as drawn (tests): per series, its name and the y of each month.
    QList<std::pair<QString, QList<int>>> trendValues() const;
    // Writes the CSV export to `path`; false (and the user told) when it can't be written.
    bool exportCsv(const QString &path);
    // Writes the XLSX workbook (client/StatisticsWorkbook) to `path`; false (and the user told) when not.
    bool exportXlsx(const QString &path);
    // The report for the quarterly meeting (Art. 20, 21) as PDF: title, period, the tables and the two
    // charts; false (and the user told) when it can't be written.
    bool exportPdf(const QString &path);

signals:
    void shown();

private:
    void fetchSelected();
    void fillCharts(const Statistics &statistics);
    QChart *trendChart(const Statistics &statistics, const QString &unitId) const;

    std::unique_ptr<Ui::StatisticsDialog> m_ui;
    ClientSession *m_session;
    StatisticsClient *m_client;
    QStandardItemModel *m_units;
    QStandardItemModel *m_columns;
    QChartView *m_countsChart;
    QChartView *m_ratesChart;
    QChartView *m_trendChart;
    std::optional<Statistics> m_statistics;
};

} // namespace baosong
