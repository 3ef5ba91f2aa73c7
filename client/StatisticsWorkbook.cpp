#include "StatisticsWorkbook.h"

#include <QCoreApplication>
#include <QFile>

#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *percent = nullptr;
    lxw_format *decimal = nullptr;
};

void writeFigures(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const Figures &f, const Formats &fmt)
{
    worksheet_write_number(sheet, row, col + 0, f.submitted, nullptr);
    worksheet_write_number(sheet, row, col + 1, f.published, nullptr);
    worksheet_write_number(sheet, row, col + 2, f.returned, nullptr);
    worksheet_write_number(sheet, row, col + 3, f.retracted, nullptr);
    worksheet_write_number(sheet, row, col + 4, f.adopted, nullptr);
    worksheet_write_number(sheet, row, col + 5, f.averageDays(), fmt.decimal);
    worksheet_write_number(sheet, row, col + 6, f.maxDays, nullptr);
    worksheet_write_number(sheet, row, col + 7, f.onTime5Rate(), fmt.percent);
    worksheet_write_number(sheet, row, col + 8, f.onTime15Rate(), fmt.percent);
    worksheet_write_number(sheet, row, col + 9, f.points, nullptr);
}

void writeHeader(lxw_worksheet *sheet, lxw_row_t row, const QStringList &names, const Formats &fmt)
{
    for (qsizetype i = 0; i < names.size(); ++i)
        worksheet_write_string(sheet, row, lxw_col_t(i), names.at(i).toUtf8().constData(), fmt.header);
}

} // namespace

bool writeStatisticsWorkbook(const Statistics &s, const QString &path, QString *error)
{
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook *book = workbook_new(file.constData());
    if (!book) {
        *error =
            QCoreApplication::translate("StatisticsWorkbook", "The workbook %1 cannot be made.").arg(path);
        return false;
    }
    Formats fmt;
    fmt.header = workbook_add_format(book);
    format_set_bold(fmt.header);
    format_set_text_wrap(fmt.header);
    fmt.percent = workbook_add_format(book);
    format_set_num_format(fmt.percent, "0.0%");
    fmt.decimal = workbook_add_format(book);
    format_set_num_format(fmt.decimal, "0.0");
    const QStringList figures = StatisticsCalculator::figureNames();
    const QString period = QCoreApplication::translate("StatisticsWorkbook", "%1 to %2")
                               .arg(s.period.from.toString(Qt::ISODate), s.period.to.toString(Qt::ISODate));

    const QByteArray unitsName = QCoreApplication::translate("StatisticsWorkbook", "By unit").toUtf8();
    lxw_worksheet *units = workbook_add_worksheet(book, unitsName.constData());
    worksheet_write_string(units, 0, 0, period.toUtf8().constData(), fmt.header);
    writeHeader(units, 2,
                QStringList{StatisticsCalculator::tr("Rank"), StatisticsCalculator::tr("Unit")} + figures +
                    QStringList{StatisticsCalculator::tr("Nothing submitted")},
                fmt);
    lxw_row_t row = 3;
    for (const UnitFigures &u : s.units) {
        worksheet_write_number(units, row, 0, u.rank, nullptr);
        worksheet_write_string(units, row, 1, u.name.toUtf8().constData(), nullptr);
        writeFigures(units, row, 2, u.figures, fmt);
        if (u.nothingSubmitted)
            worksheet_write_string(units, row, 12, StatisticsCalculator::tr("yes").toUtf8().constData(),
                                   nullptr);
        ++row;
    }
    worksheet_write_string(units, row, 1, StatisticsCalculator::tr("Total").toUtf8().constData(), fmt.header);
    writeFigures(units, row, 2, s.total, fmt);
    worksheet_set_column(units, 1, 1, 40, nullptr);
    worksheet_set_column(units, 2, 12, 12, nullptr);

    const QByteArray columnsName = QCoreApplication::translate("StatisticsWorkbook", "By column").toUtf8();
    lxw_worksheet *columns = workbook_add_worksheet(book, columnsName.constData());
    worksheet_write_string(columns, 0, 0, period.toUtf8().constData(), fmt.header);
    writeHeader(columns, 2, QStringList{StatisticsCalculator::tr("Column")} + figures, fmt);
    row = 3;
    for (const ColumnFigures &c : s.columns) {
        worksheet_write_string(columns, row, 0, c.name.toUtf8().constData(), nullptr);
        writeFigures(columns, row, 1, c.figures, fmt);
        ++row;
    }
    worksheet_set_column(columns, 0, 0, 30, nullptr);
    worksheet_set_column(columns, 1, 10, 12, nullptr);

    const lxw_error result = workbook_close(book);
    if (result != LXW_NO_ERROR) {
        *error = QCoreApplication::translate("StatisticsWorkbook", "The workbook %1 could not be written: %2")
                     .arg(path, QString::fromUtf8(lxw_strerror(result)));
        return false;
    }
    return true;
}

} // namespace baosong
