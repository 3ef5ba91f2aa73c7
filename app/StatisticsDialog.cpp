#include "StatisticsDialog.h"
#include "ui_StatisticsDialog.h"

#include "ApprovalSlip.h"
#include "ClientSession.h"
#include "DisplayText.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "StatisticsClient.h"
#include "StatisticsWorkbook.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScatterSeries>
#include <QStandardItemModel>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

QList<QStandardItem *> figureItems(const Figures &f)
{
    QList<QStandardItem *> row;
    const QStringList texts = StatisticsCalculator::figureTexts(f, true);
    const QList<double> values = StatisticsCalculator::figureValues(f);
    for (qsizetype i = 0; i < texts.size(); ++i) {
        auto *item = new QStandardItem(texts.at(i));
        item->setData(values.at(i), Qt::UserRole);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.append(item);
    }
    return row;
}

// Sets that read in black and white as well as in colour: dark, hatched, light.
void styleSets(const QList<QBarSet *> &sets)
{
    const QList<std::pair<QColor, Qt::BrushStyle>> styles{
        {QColor(0x1f, 0x3a, 0x5f), Qt::SolidPattern},
        {QColor(0x5a, 0x7d, 0xa8), Qt::BDiagPattern},
        {QColor(0xa9, 0xbf, 0xd9), Qt::Dense4Pattern},
    };
    for (qsizetype i = 0; i < sets.size(); ++i) {
        const auto &[colour, style] = styles.at(i % styles.size());
        sets[i]->setBrush(QBrush(colour, style));
        sets[i]->setPen(QPen(Qt::black, 1));
    }
}

} // namespace

StatisticsDialog::StatisticsDialog(ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StatisticsDialog>())
    , m_session(session)
    , m_client(new StatisticsClient(session ? session->network() : nullptr, this))
    , m_units(new QStandardItemModel(this))
    , m_columns(new QStandardItemModel(this))
    , m_countsChart(new QChartView(this))
    , m_ratesChart(new QChartView(this))
    , m_trendChart(new QChartView(this))
{
    m_ui->setupUi(this);
    for (int q = 1; q <= 4; ++q)
        m_ui->quarterCombo->addItem(tr("Quarter %1").arg(q), q);
    const QDate today = chinaToday();
    m_ui->yearSpin->setValue(today.year());
    m_ui->quarterCombo->setCurrentIndex((today.month() - 1) / 3);
    for (QTableView *table : {m_ui->unitTable, m_ui->columnTable}) {
        table->verticalHeader()->hide();
        table->setSortingEnabled(true);
    }
    m_units->setSortRole(Qt::UserRole);
    m_columns->setSortRole(Qt::UserRole);
    m_ui->unitTable->setModel(m_units);
    m_ui->columnTable->setModel(m_columns);
    for (QChartView *view : {m_countsChart, m_ratesChart}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(300);
        m_ui->chartsLayout->addWidget(view);
    }
    m_trendChart->setRenderHint(QPainter::Antialiasing);
    m_trendChart->setMinimumHeight(300);
    m_ui->trendLayout->addWidget(m_trendChart, 1);
    connect(m_ui->trendUnitCombo, &QComboBox::activated, this,
            [this] { showTrend(m_ui->trendUnitCombo->currentData().toString()); });
    m_ui->csvButton->setEnabled(false);
    m_ui->xlsxButton->setEnabled(false);
    m_ui->pdfButton->setEnabled(false);
    connect(m_ui->pdfButton, &QPushButton::clicked, this, [this] {
        const QString suggested = m_statistics ? tr("Statistics report %1 to %2.pdf")
                                                     .arg(m_statistics->period.from.toString(Qt::ISODate),
                                                          m_statistics->period.to.toString(Qt::ISODate))
                                               : QString();
        const QString path = FileDialog::getSaveFileName(this, tr("Save the statistics report"), suggested,
                                                         tr("PDF documents (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    connect(m_ui->xlsxButton, &QPushButton::clicked, this, [this] {
        const QString suggested = m_statistics ? tr("Statistics %1 to %2.xlsx")
                                                     .arg(m_statistics->period.from.toString(Qt::ISODate),
                                                          m_statistics->period.to.toString(Qt::ISODate))
                                               : QString();
        const QString path = FileDialog::getSaveFileName(this, tr("Export the statistics"), suggested,
                                                         tr("Excel workbooks (*.xlsx)"));
        if (!path.isEmpty())
            exportXlsx(path);
    });
    connect(m_ui->showButton, &QPushButton::clicked, this, &StatisticsDialog::fetchSelected);
    connect(m_ui->csvButton, &QPushButton::clicked, this, [this] {
        const QString suggested = m_statistics ? tr("Statistics %1 to %2.csv")
                                                     .arg(m_statistics->period.from.toString(Qt::ISODate),
                                                          m_statistics->period.to.toString(Qt::ISODate))
                                               : QString();
        const QString path = FileDialog::getSaveFileName(this, tr("Export the statistics"), suggested,
                                                         tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_client, &StatisticsClient::fetched, this, [this](const Statistics &s) { show(s); });
    connect(m_client, &StatisticsClient::failed, this, [this](const QString &message) {
        m_ui->statusLabel->setText(tr("The statistics could not be fetched: %1").arg(message));
        m_ui->showButton->setEnabled(true);
    });
}

StatisticsDialog::~StatisticsDialog() = default;

void StatisticsDialog::fetchSelected()
{
    fetch(m_ui->yearSpin->value(), m_ui->quarterCombo->currentData().toInt());
}

void StatisticsDialog::fetch(int year, int q)
{
    m_ui->yearSpin->setValue(year);
    m_ui->quarterCombo->setCurrentIndex(q - 1);
    m_ui->statusLabel->setText(tr("Fetching the statistics from the server…"));
    m_ui->showButton->setEnabled(false);
    m_client->fetch(m_session ? m_session->endpoint() : ServerEndpoint(), StatisticsPeriod::quarter(year, q));
}

void StatisticsDialog::show(const Statistics &s)
{
    m_statistics = s;
    m_ui->showButton->setEnabled(true);
    m_ui->csvButton->setEnabled(true);
    m_ui->xlsxButton->setEnabled(true);
    m_ui->pdfButton->setEnabled(true);
    const QStringList figures = StatisticsCalculator::figureNames();
    m_units->clear();
    m_units->setHorizontalHeaderLabels(QStringList{tr("Rank"), tr("Unit")} + figures);
    int silent = 0;
    for (const UnitFigures &u : s.units) {
        auto *rank = new QStandardItem(QString::number(u.rank));
        rank->setData(u.rank, Qt::UserRole);
        auto *name =
            new QStandardItem(u.nothingSubmitted ? tr("%1 (nothing submitted)").arg(u.name) : u.name);
        name->setData(u.name, Qt::UserRole);
        if (u.nothingSubmitted) {
            QFont f = name->font();
            f.setItalic(true);
            name->setFont(f);
            ++silent;
        }
        m_units->appendRow(QList<QStandardItem *>{rank, name} + figureItems(u.figures));
    }
    m_columns->clear();
    m_columns->setHorizontalHeaderLabels(QStringList{tr("Column")} + figures);
    for (const ColumnFigures &c : s.columns) {
        auto *name = new QStandardItem(c.name);
        name->setData(c.name, Qt::UserRole);
        m_columns->appendRow(QList<QStandardItem *>{name} + figureItems(c.figures));
    }
    m_ui->unitTable->resizeColumnsToContents();
    m_ui->columnTable->resizeColumnsToContents();
    m_ui->statusLabel->setText(
        tr("%1 to %2: %3 submitted, %4 published (%5 within 5 days); %n unit(s) submitted nothing.", nullptr,
           silent)
            .arg(s.period.from.toString(Qt::ISODate), s.period.to.toString(Qt::ISODate))
            .arg(s.total.submitted)
            .arg(s.total.published)
            .arg(StatisticsCalculator::figureTexts(s.total, true).at(7))); // within 5 days
    fillCharts(s);
    emit shown();
}

void StatisticsDialog::fillCharts(const Statistics &s)
{
    // The units with something to show, in rank order.
    QStringList names;
    const QStringList figures = StatisticsCalculator::figureNames();
    auto *submitted = new QBarSet(figures.at(0));
    auto *published = new QBarSet(figures.at(1));
    auto *adopted = new QBarSet(figures.at(4));
    auto *within5 = new QBarSet(figures.at(7));
    auto *within15 = new QBarSet(figures.at(8));
    QStringList rated;
    for (const UnitFigures &u : s.units) {
        if (u.figures.submitted == 0 && u.figures.published == 0)
            continue;
        names << u.name;
        *submitted << u.figures.submitted;
        *published << u.figures.published;
        *adopted << u.figures.adopted;
        if (u.figures.published > 0) {
            rated << u.name;
            *within5 << u.figures.onTime5Rate() * 100;
            *within15 << u.figures.onTime15Rate() * 100;
        }
    }
    const auto chart = [](const QString &title, const QList<QBarSet *> &sets, const QStringList &categories,
                          std::optional<double> maximum) {
        auto *series = new QBarSeries;
        styleSets(sets);
        for (QBarSet *set : sets)
            series->append(set);
        auto *c = new QChart;
        c->setTitle(title);
        c->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        x->setLabelsAngle(-45);
        c->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto *y = new QValueAxis;
        y->setLabelFormat(u"%d"_s);
        if (maximum) {
            y->setRange(0, *maximum);
        } else {
            // Counts: whole numbers on the axis.
            double top = 1;
            for (QBarSet *set : sets) {
                for (int i = 0; i < set->count(); ++i)
                    top = std::max(top, set->at(i));
            }
            y->setRange(0, std::ceil(top));
            if (top <= 10)
                y->setTickCount(int(std::ceil(top)) + 1);
            else
                y->applyNiceNumbers();
        }
        c->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        c->legend()->setAlignment(Qt::AlignBottom);
        c->setAnimationOptions(QChart::NoAnimation);
        return c;
    };
    const auto replace = [](QChartView *view, QChart *c) {
        QChart *old = view->chart();
        view->setChart(c);
        delete old;
    };
    // The units' names without what they all begin with (巴中市自然资源和规划局…), so that they fit.
    const auto shortened = [](QStringList list) {
        QString prefix = list.isEmpty() ? QString() : list.constFirst();
        for (const QString &n : std::as_const(list)) {
            qsizetype i = 0;
            while (i < prefix.size() && i < n.size() && prefix.at(i) == n.at(i))
                ++i;
            prefix.truncate(i);
        }
        if (list.size() > 1 && prefix.size() >= 4) {
            for (QString &n : list)
                n = n.mid(prefix.size());
        }
        return list;
    };
    names = shortened(names);
    rated = shortened(rated);
    replace(m_countsChart, chart(tr("Submitted, published and adopted per unit"),
                                 {submitted, published, adopted}, names, std::nullopt));
    replace(m_ratesChart, chart(tr("Published on time per unit (%)"), {within5, within15}, rated, 100.0));
    // The trend: every unit, or one of those with something in the period.
    const QString chosen = m_ui->trendUnitCombo->currentData().toString();
    m_ui->trendUnitCombo->clear();
    m_ui->trendUnitCombo->addItem(tr("All units"), QString());
    for (const UnitFigures &u : s.units) {
        if (u.figures.submitted > 0 || u.figures.published > 0)
            m_ui->trendUnitCombo->addItem(u.name, u.unitId);
    }
    m_ui->trendUnitCombo->setCurrentIndex(std::max(0, m_ui->trendUnitCombo->findData(chosen)));
    showTrend(m_ui->trendUnitCombo->currentData().toString());
}

void StatisticsDialog::showTrend(const QString &unitId)
{
    if (!m_statistics)
        return;
    const int index = m_ui->trendUnitCombo->findData(unitId);
    if (index >= 0)
        m_ui->trendUnitCombo->setCurrentIndex(index);
    QChart *old = m_trendChart->chart();
    m_trendChart->setChart(trendChart(*m_statistics, unitId));
    delete old;
}

QChart *StatisticsDialog::trendChart(const Statistics &s, const QString &unitId) const
{
    // Two lines told apart without colour: a broad solid one with large round points, and over it a
    // thin dashed one with small square points — both stay visible where the counts are equal; the
    // legend shows the points' shapes.
    const QStringList figures = StatisticsCalculator::figureNames();
    struct Look
    {
        QString name;
        QPen pen;
        QScatterSeries::MarkerShape marker;
        qreal size;
        QColor fill;
    };
    const QList<Look> looks{{figures.at(0), QPen(QColor(0x5a, 0x5a, 0x5a), 4, Qt::SolidLine),
                             QScatterSeries::MarkerShapeCircle, 14, QColor(0x1f, 0x3a, 0x5f)},
                            {figures.at(1), QPen(Qt::black, 1.5, Qt::DashLine),
                             QScatterSeries::MarkerShapeRectangle, 8, Qt::white}};
    QStringList months;
    QList<QList<int>> values(looks.size());
    int top = 1;
    for (const MonthFigures &m : s.months) {
        months << StatisticsCalculator::monthName(m.month);
        const MonthCount c = unitId.isEmpty() ? m.total : m.units.value(unitId);
        values[0] << c.submitted;
        values[1] << c.published;
        top = std::max({top, c.submitted, c.published});
    }
    auto *c = new QChart;
    QString unitName;
    for (const UnitFigures &u : s.units) {
        if (u.unitId == unitId)
            unitName = u.name;
    }
    c->setTitle(unitName.isEmpty() ? tr("Trend by month") : tr("Trend by month: %1").arg(unitName));
    auto *x = new QBarCategoryAxis;
    x->append(months);
    c->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%d"_s);
    // One more than the highest count: the highest points are not cut by the frame.
    y->setRange(0, top + 1);
    if (top < 10)
        y->setTickCount(top + 2);
    else
        y->applyNiceNumbers();
    c->addAxis(y, Qt::AlignLeft);
    for (qsizetype i = 0; i < looks.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(looks[i].name);
        line->setPen(looks[i].pen);
        auto *points = new QScatterSeries;
        points->setName(looks[i].name);
        points->setMarkerShape(looks[i].marker);
        points->setMarkerSize(looks[i].size);
        points->setColor(looks[i].fill);
        points->setBorderColor(Qt::black);
        for (qsizetype m = 0; m < values[i].size(); ++m) {
            line->append(double(m), values[i][m]);
            points->append(double(m), values[i][m]);
        }
        for (QXYSeries *series : {static_cast<QXYSeries *>(line), static_cast<QXYSeries *>(points)}) {
            c->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        for (QLegendMarker *marker : c->legend()->markers(line))
            marker->setVisible(false);
    }
    c->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setAnimationOptions(QChart::NoAnimation);
    return c;
}

QList<std::pair<QString, QList<int>>> StatisticsDialog::trendValues() const
{
    QList<std::pair<QString, QList<int>>> out;
    if (!m_trendChart->chart())
        return out;
    for (QAbstractSeries *series : m_trendChart->chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series);
            line && !qobject_cast<QScatterSeries *>(series)) {
            QList<int> ys;
            for (const QPointF &p : line->points())
                ys << int(p.y());
            out.append({line->name(), ys});
        }
    }
    return out;
}

QStringList StatisticsDialog::chartTitles() const
{
    QStringList out;
    for (QChartView *view : {m_countsChart, m_ratesChart, m_trendChart}) {
        if (!view->chart())
            continue;
        QStringList sets;
        for (QAbstractSeries *series : view->chart()->series()) {
            if (auto *bars = qobject_cast<QBarSeries *>(series)) {
                for (QBarSet *set : bars->barSets())
                    sets << set->label() + u':' + QString::number(set->count());
            } else if (auto *line = qobject_cast<QLineSeries *>(series);
                       line && !qobject_cast<QScatterSeries *>(series)) {
                sets << line->name() + u':' + QString::number(line->count());
            }
        }
        out << view->chart()->title() + u" — "_s + sets.join(u", "_s);
    }
    return out;
}

bool StatisticsDialog::exportPdf(const QString &path)
{
    if (!m_statistics)
        return false;
    const Statistics &s = *m_statistics;
    const QStringList figures = StatisticsCalculator::figureNames();
    const auto cell = [](const QString &text, bool header = false) {
        return (header ? u"<th>"_s : u"<td>"_s) + text.toHtmlEscaped() + (header ? u"</th>"_s : u"</td>"_s);
    };
    const auto figureCells = [&](const Figures &f) {
        QString row;
        for (const QString &v : StatisticsCalculator::figureTexts(f, true))
            row += cell(v);
        return row;
    };
    QString html =
        u"<html><body style=\"font-family:'%1'; font-size:9pt;\">"_s.arg(ApprovalSlip::fontFamily());
    html += u"<h1>"_s + tr("Statistics of the web-site items").toHtmlEscaped() + u"</h1>"_s;
    // The period in a table of its own: its cells are what every PDF reader extracts reliably.
    html += u"<table cellpadding=\"3\"><tr>"_s + cell(tr("Period")) +
            cell(s.period.from.toString(Qt::ISODate)) + cell(tr("to")) +
            cell(s.period.to.toString(Qt::ISODate)) + cell(tr("Printed")) +
            cell(dateTimeText(QDateTime::currentDateTime())) + u"</tr></table>"_s;
    const QString table = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"_s;
    html += u"<h2>"_s + tr("By unit").toHtmlEscaped() + u"</h2>"_s + table + u"<tr>"_s +
            cell(tr("Rank"), true) + u"<th width=\"24%\">"_s + tr("Unit").toHtmlEscaped() + u"</th>"_s;
    for (const QString &f : figures)
        html += cell(f, true);
    html += u"</tr>"_s;
    for (const UnitFigures &u : s.units)
        html += u"<tr>"_s + cell(QString::number(u.rank)) +
                cell(u.nothingSubmitted ? tr("%1 (nothing submitted)").arg(u.name) : u.name) +
                figureCells(u.figures) + u"</tr>"_s;
    html += u"<tr>"_s + cell(QString()) + cell(tr("Total"), true) + figureCells(s.total) + u"</tr></table>"_s;
    // The charts as pictures, at print size.
    QTextDocument document;
    int n = 0;
    for (QChartView *view : {m_countsChart, m_ratesChart, m_trendChart}) {
        view->resize(900, 480);
        const QImage image = view->grab().toImage();
        const QUrl name(u"chart%1.png"_s.arg(++n));
        document.addResource(QTextDocument::ImageResource, name, image);
        html += u"<p><img src=\"%1\" width=\"420\" height=\"224\"></p>"_s.arg(name.toString());
    }
    html += u"<h2>"_s + tr("By column").toHtmlEscaped() + u"</h2>"_s + table + u"<tr>"_s +
            u"<th width=\"24%\">"_s + tr("Column").toHtmlEscaped() + u"</th>"_s;
    for (const QString &f : figures)
        html += cell(f, true);
    html += u"</tr>"_s;
    for (const ColumnFigures &c : s.columns)
        html += u"<tr>"_s + cell(c.name) + figureCells(c.figures) + u"</tr>"_s;
    html += u"</table>"_s;
    // The trend by month, as the third chart shows it.
    html += u"<h2>"_s + tr("By month").toHtmlEscaped() + u"</h2>"_s +
            u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>"_s + cell(tr("Month"), true) +
            cell(figures.at(0), true) + cell(figures.at(1), true) + u"</tr>"_s;
    for (const MonthFigures &m : s.months)
        html += u"<tr>"_s + cell(StatisticsCalculator::monthName(m.month)) +
                cell(QString::number(m.total.submitted)) + cell(QString::number(m.total.published)) +
                u"</tr>"_s;
    html += u"</table></body></html>"_s;
    QFont font(ApprovalSlip::fontFamily());
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    document.setHtml(html);
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Statistics of the web-site items"));
        writer.setCreator(u"Baosong"_s);
        document.print(&writer);
    }
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0) {
        MessageBox::critical(this, tr("Not exported"),
                             tr("The statistics report could not be written to %1. Check that the folder "
                                "exists and that you may write there.")
                                 .arg(path));
        return false;
    }
    m_ui->statusLabel->setText(tr("Exported to %1.").arg(path));
    return true;
}

bool StatisticsDialog::exportXlsx(const QString &path)
{
    if (!m_statistics)
        return false;
    QString error;
    if (!writeStatisticsWorkbook(*m_statistics, path, &error)) {
        MessageBox::critical(this, tr("Not exported"), error);
        return false;
    }
    m_ui->statusLabel->setText(tr("Exported to %1.").arg(path));
    return true;
}

bool StatisticsDialog::exportCsv(const QString &path)
{
    if (!m_statistics)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(StatisticsCalculator::csv(*m_statistics)) < 0 ||
        !file.commit()) {
        MessageBox::critical(
            this, tr("Not exported"),
            tr("The statistics could not be written to %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_ui->statusLabel->setText(tr("Exported to %1.").arg(path));
    return true;
}

} // namespace baosong
