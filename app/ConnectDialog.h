#pragma once

// First run and sign-in (issue #7): the server's address, its certificate's fingerprint shown in
// plain words for the user to confirm (then pinned, client/TlsTrust), and the user name and password.
// Thin: ClientSession does the work. Opens on the sign-in page when the profile already has a server.

#include "TlsTrust.h"

#include <QDialog>
#include <QUrl>

#include <memory>

namespace Ui {
class ConnectDialog;
}

namespace baosong {

class ClientSession;

class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    enum Page
    {
        ServerPage,
        CertificatePage,
        SignInPage,
    };

    explicit ConnectDialog(ClientSession *session, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Prefills the address (the embedded default passes it on the command line).
    void setServerText(const QString &text);
    void setLogin(const QString &login);
    // Connects to the address filled in now (a trusted server goes straight to the sign-in).
    void connectNow() { connectToServer(); }
    // True when the user chose to work offline (only offered when the profile has data).
    bool workOffline() const { return m_offline; }
    Page page() const;
    QString message() const;

private:
    void connectToServer();
    void showVerdict(const QUrl &server, const TrustVerdict &verdict);
    void trustServer();
    void signIn();
    void showSignIn();
    void showMessage(const QString &text, bool error);

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    ClientSession *m_session;
    QUrl m_server;
    QByteArray m_certificatePem;
    bool m_offline = false;
};

} // namespace baosong
