#include "ConnectDialog.h"
#include "Colours.h"
#include "ui_ConnectDialog.h"

#include "ClientSession.h"

#include <QPushButton>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace baosong {

ConnectDialog::ConnectDialog(ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectDialog>())
    , m_session(session)
{
    m_ui->setupUi(this);
    QFont mono = m_ui->fingerprintLabel->font();
    mono.setFamilies({u"Noto Sans Mono"_s, u"DejaVu Sans Mono"_s, u"monospace"_s});
    mono.setPointSizeF(mono.pointSizeF() * 1.15);
    m_ui->fingerprintLabel->setFont(mono);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &ConnectDialog::connectToServer);
    connect(m_ui->serverEdit, &QLineEdit::returnPressed, this, &ConnectDialog::connectToServer);
    connect(m_ui->confirmCheck, &QCheckBox::toggled, m_ui->trustButton, &QWidget::setEnabled);
    connect(m_ui->trustButton, &QPushButton::clicked, this, &ConnectDialog::trustServer);
    connect(m_ui->backButton, &QPushButton::clicked, this, [this] {
        m_ui->pages->setCurrentIndex(ServerPage);
        showMessage({}, false);
    });
    connect(m_ui->signInButton, &QPushButton::clicked, this, &ConnectDialog::signIn);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &ConnectDialog::signIn);
    connect(m_ui->offlineButton, &QPushButton::clicked, this, [this] {
        m_offline = true;
        accept();
    });
    connect(m_session, &ClientSession::signInFinished, this, [this](bool ok, const QString &message) {
        m_ui->signInButton->setEnabled(true);
        if (ok) {
            accept();
            return;
        }
        m_ui->passwordEdit->clear();
        m_ui->passwordEdit->setFocus();
        showMessage(message, true);
    });

    // Working offline is offered only when there is something to work on.
    m_ui->offlineButton->setVisible(m_session->store().organization().has_value());
    const QUrl known = m_session->serverUrl();
    if (!known.isEmpty()) {
        m_server = known;
        m_ui->serverEdit->setText(u"%1:%2"_s.arg(known.host()).arg(known.port(443)));
        m_ui->loginEdit->setText(m_session->login());
        showSignIn();
    } else {
        m_ui->pages->setCurrentIndex(ServerPage);
        m_ui->serverEdit->setFocus();
    }
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setServerText(const QString &text)
{
    m_ui->serverEdit->setText(text);
}

void ConnectDialog::setLogin(const QString &login)
{
    m_ui->loginEdit->setText(login);
}

ConnectDialog::Page ConnectDialog::page() const
{
    return Page(m_ui->pages->currentIndex());
}

QString ConnectDialog::message() const
{
    return m_ui->messageLabel->text();
}

void ConnectDialog::showMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setStyleSheet(error ? u"color: %1;"_s.arg(errorColour().name()) : QString());
}

void ConnectDialog::connectToServer()
{
    const QUrl server = ClientSession::normalizeServerUrl(m_ui->serverEdit->text());
    if (!server.isValid()) {
        showMessage(tr("\"%1\" is not a server address. Write it as host:port, for example 127.0.0.1:8443 "
                       "(HTTPS only).")
                        .arg(m_ui->serverEdit->text()),
                    true);
        return;
    }
    const QUrl bound = m_session->serverUrl();
    if (!bound.isEmpty() && bound != server) {
        showMessage(tr("This profile belongs to the server %1. Start Baosong with another profile "
                       "(--profile) to use %2, so that their data stay apart.")
                        .arg(bound.toString(), server.toString()),
                    true);
        return;
    }
    m_server = server;
    showMessage(tr("Connecting to %1…").arg(server.toString()), false);
    m_ui->connectButton->setEnabled(false);
    // The handshake runs while the window stays responsive; its answer comes back here.
    m_session->probeAsync(server, this, [this, server](const TrustVerdict &verdict) {
        m_ui->connectButton->setEnabled(true);
        showVerdict(server, verdict);
    });
}

void ConnectDialog::showVerdict(const QUrl &server, const TrustVerdict &verdict)
{
    switch (verdict.status) {
    case TrustStatus::Trusted:
        showMessage({}, false);
        showSignIn();
        return;
    case TrustStatus::Unknown:
        m_certificatePem = verdict.certificate.toPem();
        m_ui->certificateIntro->setText(
            tr("The server at %1 presents a certificate that no certificate authority vouches for. This "
               "is usual for a bureau's own server, but make sure it is yours: compare the fingerprint "
               "below with the one your administrator gave you (baosong-server prints it). Only if they "
               "are the same, trust it. Baosong remembers it and warns you if it ever changes.")
                .arg(server.toString()));
        m_ui->fingerprintLabel->setText(TlsTrust::readableFingerprint(verdict.fingerprint));
        m_ui->confirmCheck->setChecked(false);
        m_ui->pages->setCurrentIndex(CertificatePage);
        showMessage({}, false);
        return;
    case TrustStatus::Changed:
    case TrustStatus::Refused:
    case TrustStatus::Unreachable:
        showMessage(verdict.message.isEmpty()
                        ? tr("The server at %1 cannot be reached.").arg(server.toString())
                        : verdict.message,
                    true);
        return;
    }
}

void ConnectDialog::trustServer()
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(m_certificatePem);
    QString error;
    if (certificates.isEmpty() || !m_session->trustCertificate(m_server, certificates.first(), &error)) {
        showMessage(tr("The certificate could not be kept: %1").arg(error), true);
        return;
    }
    showMessage({}, false);
    showSignIn();
}

void ConnectDialog::showSignIn()
{
    m_ui->signInIntro->setText(tr("Sign in to %1 with the user name and password your administrator gave "
                                  "you. Your password is not kept on this computer.")
                                   .arg(m_server.toString()));
    m_ui->pages->setCurrentIndex(SignInPage);
    if (m_ui->loginEdit->text().isEmpty())
        m_ui->loginEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
}

void ConnectDialog::signIn()
{
    const QString login = m_ui->loginEdit->text().trimmed();
    if (login.isEmpty() || m_ui->passwordEdit->text().isEmpty()) {
        showMessage(tr("Enter your user name and your password."), true);
        return;
    }
    const QString bound = m_session->login();
    if (!bound.isEmpty() && bound != login) {
        showMessage(tr("This profile belongs to the account \"%1\". Start Baosong with another profile "
                       "(--profile) to sign in as \"%2\", so that your data stay apart.")
                        .arg(bound, login),
                    true);
        return;
    }
    showMessage(tr("Signing in…"), false);
    m_ui->signInButton->setEnabled(false);
    m_session->signIn(m_server, login, m_ui->passwordEdit->text());
}

} // namespace baosong
