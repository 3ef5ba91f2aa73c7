#include "AuditDialog.h"
#include "ui_AuditDialog.h"

#include "ClientSession.h"
#include "Colours.h"
#include "Csv.h"
#include "DisplayText.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "Organization.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
const QDate kNoDate(2000, 1, 1);
}

AuditDialog::AuditDialog(ClientSession *session, const Organization *organization, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AuditDialog>())
    , m_session(session)
    , m_organization(organization)
    , m_client(new AuditClient(session ? session->network() : nullptr, this))
    , m_model(new QStandardItemModel(this))
{
    m_ui->setupUi(this);
    m_ui->unitCombo->addItem(tr("— every unit —"), QString());
    if (organization) {
        for (const Unit &u : organization->units)
            m_ui->unitCombo->addItem(u.name, u.id);
    }
    for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        edit->setMinimumDate(kNoDate);
        edit->setSpecialValueText(tr("any day"));
        edit->setDate(kNoDate);
    }
    m_ui->eventTable->setModel(m_model);
    m_ui->eventTable->verticalHeader()->hide();
    m_ui->moreButton->setEnabled(false);
    m_ui->csvButton->setEnabled(false);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &AuditDialog::search);
    connect(m_ui->moreButton, &QPushButton::clicked, this, [this] {
        m_fresh = false;
        m_client->fetch(m_session ? m_session->endpoint() : ServerEndpoint(), filter(), m_next);
    });
    connect(m_ui->csvButton, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::getSaveFileName(this, tr("Export the audit events"),
                                                         tr("Audit log.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_client, &AuditClient::fetched, this, [this](const AuditPage &page) { addPage(page, m_fresh); });
    connect(m_client, &AuditClient::failed, this, [this](const QString &message) {
        m_ui->chainLabel->setText(tr("The audit log could not be read: %1").arg(message));
    });
}

AuditDialog::~AuditDialog() = default;

AuditFilter AuditDialog::filter() const
{
    const auto date = [](const QDateEdit *e) { return e->date() == e->minimumDate() ? QDate() : e->date(); };
    return AuditFilter{m_ui->actorEdit->text().trimmed(),
                       m_ui->itemEdit->text().trimmed(),
                       m_ui->typeEdit->text().trimmed(),
                       m_ui->unitCombo->currentData().toString(),
                       date(m_ui->fromEdit),
                       date(m_ui->toEdit)};
}

void AuditDialog::search()
{
    m_fresh = true;
    m_ui->chainLabel->setText(tr("Reading the audit log…"));
    m_client->fetch(m_session ? m_session->endpoint() : ServerEndpoint(), filter(), 0);
}

void AuditDialog::addPage(const AuditPage &page, bool fresh)
{
    if (fresh) {
        m_model->clear();
        m_model->setHorizontalHeaderLabels(
            {tr("No."), tr("Time"), tr("Person"), tr("Type"), tr("Subject"), tr("Details")});
        m_chainOk = true;
    }
    for (const AuditEvent &e : page.events) {
        const Person *p = m_organization ? m_organization->person(e.actorId) : nullptr;
        QList<QStandardItem *> row{
            new QStandardItem(QString::number(e.sequence)),
            new QStandardItem(dateTimeText(e.at)),
            new QStandardItem(p ? tr("%1 (%2)").arg(p->name, e.actorId) : e.actorId),
            new QStandardItem(e.type),
            new QStandardItem(e.subjectId),
            new QStandardItem(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)))};
        row[5]->setToolTip(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Indented)));
        m_model->appendRow(row);
    }
    m_next = page.next;
    m_chainOk = m_chainOk && page.chainOk;
    m_ui->moreButton->setEnabled(page.more);
    m_ui->csvButton->setEnabled(m_model->rowCount() > 0);
    if (m_chainOk) {
        m_ui->chainLabel->setStyleSheet({});
        m_ui->chainLabel->setText(tr("%n event(s) shown. The chain holds over every event read: each has its "
                                     "hash and links to the one before.",
                                     nullptr, m_model->rowCount()));
    } else {
        m_ui->chainLabel->setStyleSheet(u"color: %1; font-weight: bold"_s.arg(errorColour().name()));
        m_ui->chainLabel->setText(tr("The chain is broken at event %1: the log was changed there. Tell the "
                                     "information centre's head; `baosong-server audit verify` says more.")
                                      .arg(page.brokenAt));
    }
    m_ui->eventTable->resizeColumnsToContents();
    m_ui->eventTable->horizontalHeader()->setStretchLastSection(true);
    emit pageShown();
}

bool AuditDialog::exportCsv(const QString &path)
{
    QList<QStringList> rows;
    QStringList header;
    for (int c = 0; c < m_model->columnCount(); ++c)
        header << m_model->headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_model->columnCount(); ++c)
            row << m_model->item(r, c)->text();
        rows << row;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csvDocument(rows)) < 0 || !file.commit()) {
        MessageBox::critical(
            this, tr("Not exported"),
            tr("The audit events could not be written to %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace baosong
