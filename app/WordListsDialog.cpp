#include "WordListsDialog.h"

#include "ClientSession.h"
#include "WordListsClient.h"
#include "ui_WordListsDialog.h"

#include <QCheckBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace baosong {

WordListsDialog::WordListsDialog(ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WordListsDialog>())
    , m_session(session)
    , m_client(new WordListsClient(session->network(), this))
{
    m_ui->setupUi(this);
    for (const QString &detector : ContentSettings::configurable()) {
        auto *box = new QCheckBox(ContentSettings::displayName(detector), m_ui->detectorBoxes);
        box->setObjectName(detector);
        m_ui->detectorBoxesLayout->addWidget(box);
        m_detectors.insert(detector, box);
    }
    m_ui->errorLabel->hide();
    connect(m_ui->buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &WordListsDialog::save);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->reloadButton, &QPushButton::clicked, this, &WordListsDialog::load);
    connect(m_client, &WordListsClient::loaded, this, [this](const ContentRules &rules) {
        setBusy(false);
        fill(rules);
        m_ui->statusLabel->setText(tr("Version %1 of the server's word lists.").arg(rules.version));
        emit settled(true);
    });
    connect(m_client, &WordListsClient::saved, this, [this](const ContentRules &rules) {
        setBusy(false);
        m_version = rules.version;
        m_ui->statusLabel->setText(
            tr("Saved as version %1. Every client uses these lists from its next sync.").arg(rules.version));
        // This client's own checks: fetched by the next run (as every other client's).
        m_session->sync().syncNow();
        emit settled(true);
    });
    connect(m_client, &WordListsClient::failed, this,
            [this](WordListsClient::Failure failure, const QString &message, const QStringList &lines) {
                setBusy(false);
                if (m_version < 0) // nothing loaded: nothing to save over
                    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
                if (failure == WordListsClient::Failure::Stale)
                    m_ui->reloadButton->setFocus();
                showError(message, lines);
                emit settled(false);
            });
    load();
}

WordListsDialog::~WordListsDialog() = default;

bool WordListsDialog::isBusy() const
{
    return m_busy;
}

void WordListsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(!busy && m_version >= 0);
    m_ui->reloadButton->setEnabled(!busy);
}

void WordListsDialog::showError(const QString &message, const QStringList &lines)
{
    QString text = message;
    if (!lines.isEmpty())
        text += u'\n' + lines.join(u'\n');
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void WordListsDialog::load()
{
    showError({});
    m_ui->statusLabel->setText(tr("Loading the word lists from the server…"));
    setBusy(true);
    m_client->load(m_session->endpoint());
}

void WordListsDialog::fill(const ContentRules &rules)
{
    m_version = rules.version;
    m_ui->sensitiveEdit->setPlainText(rules.sensitiveText);
    m_ui->misusedEdit->setPlainText(rules.misusedText);
    for (auto it = m_detectors.cbegin(); it != m_detectors.cend(); ++it)
        it.value()->setChecked(rules.settings.enabled(it.key()));
    setBusy(false);
}

ContentRules WordListsDialog::rules() const
{
    ContentRules rules;
    rules.version = m_version;
    rules.sensitiveText = m_ui->sensitiveEdit->toPlainText();
    rules.misusedText = m_ui->misusedEdit->toPlainText();
    for (auto it = m_detectors.cbegin(); it != m_detectors.cend(); ++it)
        rules.settings.setEnabled(it.key(), it.value()->isChecked());
    return rules;
}

void WordListsDialog::save()
{
    if (m_busy || m_version < 0)
        return;
    const ContentRules edited = rules();
    // The lines as the server reads them (the same function), in this client's language.
    QStringList errors;
    edited.lists(&errors);
    if (!errors.isEmpty()) {
        showError(tr("Not saved: these lines cannot be read. Correct them and save again."), errors);
        emit settled(false);
        return;
    }
    showError({});
    m_ui->statusLabel->setText(tr("Saving…"));
    setBusy(true);
    m_client->save(m_session->endpoint(), edited, m_version);
}

} // namespace baosong
