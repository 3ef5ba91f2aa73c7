#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The server's TLS certificate: the embedded default generates a self-signed one on first start
// (docs/design.md §6), and clients pin its SHA-256 fingerprint after the user confirms it (§8).
namespace baosong::http::Certificate {

// Writes a new self-signed certificate (PEM, X.509 v3, CN "Baosong server", an EC P-256 key,
// subjectAltName with the given DNS names and IP addresses, valid from an hour ago for validDays)
// to certPath and its private key (PKCS#8 PEM) to keyPath. The key file is created with mode 0600
// and both files are replaced atomically. At least one host name or IP address is required.
// Returns false with a message in *error (if given) on failure.
bool generateSelfSigned(const QString &certPath, const QString &keyPath, const QStringList &hostNames,
                        const QStringList &ipAddresses, int validDays, QString *error);

// The SHA-256 fingerprint of the PEM certificate at certPath (its DER form), as colon-separated
// upper-case hex ("AB:CD:…", like `openssl x509 -noout -fingerprint -sha256`). Returns an empty
// array with a message in *error (if given) on failure.
QByteArray sha256Fingerprint(const QString &certPath, QString *error);

} // namespace baosong::http::Certificate
