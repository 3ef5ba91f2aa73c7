#include "Certificate.h"

#include <QFile>
#include <QHostAddress>
#include <QtEndian>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace baosong::http::Certificate {

namespace {

template <auto Free> struct Deleter
{
    template <typename T> void operator()(T *p) const { Free(p); }
};

using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME_free>>;
using Asn1StringPtr = std::unique_ptr<ASN1_STRING, Deleter<ASN1_STRING_free>>;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The queued OpenSSL errors as one line (and the queue emptied).
QString opensslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        parts.append(QString::fromLatin1(buffer));
    }
    return parts.isEmpty() ? u"unknown OpenSSL error"_s : parts.join(u"; ");
}

bool failOpenssl(QString *error, const QString &what)
{
    return fail(error, u"%1: %2"_s.arg(what, opensslErrors()));
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value, QString *error)
{
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
    if (!ext)
        return failOpenssl(error, u"cannot build the %1 extension"_s.arg(QLatin1StringView(OBJ_nid2sn(nid))));
    const int added = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    if (!added)
        return failOpenssl(error, u"cannot add the %1 extension"_s.arg(QLatin1StringView(OBJ_nid2sn(nid))));
    return true;
}

bool addSubjectAltNames(X509 *cert, const QStringList &hostNames, const QStringList &ipAddresses,
                        QString *error)
{
    GeneralNamesPtr names(GENERAL_NAMES_new());
    if (!names)
        return failOpenssl(error, u"out of memory"_s);
    for (const QString &host : hostNames) {
        const QByteArray ascii = host.toLatin1();
        if (host.isEmpty() || ascii.contains(',') || ascii.contains(' ') ||
            QString::fromLatin1(ascii) != host)
            return fail(error, u"invalid host name for the certificate: %1"_s.arg(host));
        Asn1StringPtr ia5(ASN1_IA5STRING_new());
        GeneralNamePtr name(GENERAL_NAME_new());
        if (!ia5 || !name || !ASN1_STRING_set(ia5.get(), ascii.constData(), int(ascii.size())))
            return failOpenssl(error, u"out of memory"_s);
        GENERAL_NAME_set0_value(name.get(), GEN_DNS, ia5.release());
        if (!sk_GENERAL_NAME_push(names.get(), name.get()))
            return failOpenssl(error, u"out of memory"_s);
        name.release();
    }
    for (const QString &ip : ipAddresses) {
        QHostAddress address;
        if (!address.setAddress(ip))
            return fail(error, u"invalid IP address for the certificate: %1"_s.arg(ip));
        QByteArray raw;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            raw.resize(4);
            qToBigEndian(address.toIPv4Address(), raw.data());
        } else {
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            raw = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
        }
        Asn1StringPtr octets(ASN1_OCTET_STRING_new());
        GeneralNamePtr name(GENERAL_NAME_new());
        if (!octets || !name ||
            !ASN1_OCTET_STRING_set(octets.get(), reinterpret_cast<const unsigned char *>(raw.constData()),
                                   int(raw.size())))
            return failOpenssl(error, u"out of memory"_s);
        GENERAL_NAME_set0_value(name.get(), GEN_IPADD, octets.release());
        if (!sk_GENERAL_NAME_push(names.get(), name.get()))
            return failOpenssl(error, u"out of memory"_s);
        name.release();
    }
    if (!X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT))
        return failOpenssl(error, u"cannot add the subjectAltName extension"_s);
    return true;
}

// Writes data to path atomically: a temporary file in the same folder (created by mkstemp with
// mode 0600, then given `mode`), synced, renamed over path.
bool writeFileAtomically(const QString &path, const QByteArray &data, mode_t mode, QString *error)
{
    QByteArray tmpl = QFile::encodeName(path) + ".XXXXXX";
    const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(error, u"cannot create %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    auto cleanup = [&](const QString &what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(tmpl.constData());
        return fail(error,
                    u"cannot %1 %2: %3"_s.arg(what, path, QString::fromLocal8Bit(std::strerror(saved))));
    };
    if (mode != 0600 && ::fchmod(fd, mode) != 0)
        return cleanup(u"set the permissions of"_s);
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return cleanup(u"write"_s);
        written += n;
    }
    if (::fsync(fd) != 0)
        return cleanup(u"sync"_s);
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(tmpl.constData());
        return fail(error, u"cannot write %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(saved))));
    }
    if (::rename(tmpl.constData(), QFile::encodeName(path).constData()) != 0) {
        const int saved = errno;
        ::unlink(tmpl.constData());
        return fail(error,
                    u"cannot replace %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(saved))));
    }
    return true;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

} // namespace

bool generateSelfSigned(const QString &certPath, const QString &keyPath, const QStringList &hostNames,
                        const QStringList &ipAddresses, int validDays, QString *error)
{
    ERR_clear_error();
    if (hostNames.isEmpty() && ipAddresses.isEmpty())
        return fail(error, u"a certificate needs at least one host name or IP address"_s);
    if (validDays <= 0 || validDays > 100 * 366)
        return fail(error, u"invalid certificate validity: %1 days"_s.arg(validDays));

    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return failOpenssl(error, u"cannot generate an EC P-256 key"_s);

    X509Ptr cert(X509_new());
    if (!cert || !X509_set_version(cert.get(), X509_VERSION_3))
        return failOpenssl(error, u"cannot create a certificate"_s);

    // A positive random 127-bit serial number (RFC 5280: at most 20 octets, positive).
    BnPtr serial(BN_new());
    if (!serial || !BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return failOpenssl(error, u"cannot set the serial number"_s);

    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), validDays, 0, nullptr))
        return failOpenssl(error, u"cannot set the validity period"_s);
    if (!X509_set_pubkey(cert.get(), key.get()))
        return failOpenssl(error, u"cannot set the public key"_s);

    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char *>("Baosong server"), -1, -1, 0) ||
        !X509_set_issuer_name(cert.get(), name))
        return failOpenssl(error, u"cannot set the subject name"_s);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    if (!addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE", error) ||
        !addExtension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth", error) ||
        !addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash", error) ||
        !addSubjectAltNames(cert.get(), hostNames, ipAddresses, error))
        return false;

    if (!X509_sign(cert.get(), key.get(), EVP_sha256()))
        return failOpenssl(error, u"cannot sign the certificate"_s);

    BioPtr keyBio(BIO_new(BIO_s_secmem())); // cleared when freed
    BioPtr certBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certBio ||
        !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
        !PEM_write_bio_X509(certBio.get(), cert.get()))
        return failOpenssl(error, u"cannot encode the certificate"_s);
    QByteArray keyPem = bioContents(keyBio.get());
    const bool ok = writeFileAtomically(keyPath, keyPem, 0600, error) &&
                    writeFileAtomically(certPath, bioContents(certBio.get()), 0644, error);
    OPENSSL_cleanse(keyPem.data(), size_t(keyPem.size()));
    return ok;
}

QByteArray sha256Fingerprint(const QString &certPath, QString *error)
{
    ERR_clear_error();
    BioPtr bio(BIO_new_file(QFile::encodeName(certPath).constData(), "rb"));
    if (!bio) {
        failOpenssl(error, u"cannot open %1"_s.arg(certPath));
        return {};
    }
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        failOpenssl(error, u"cannot read a PEM certificate from %1"_s.arg(certPath));
        return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!X509_digest(cert.get(), EVP_sha256(), digest, &length)) {
        failOpenssl(error, u"cannot hash %1"_s.arg(certPath));
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(digest), length).toHex(':').toUpper();
}

} // namespace baosong::http::Certificate
