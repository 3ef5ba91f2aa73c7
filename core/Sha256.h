#pragma once

// Streaming SHA-256 on OpenSSL's EVP digest (docs/design.md §6: about 8× QCryptographicHash here), used to
// address attachment blobs by content (BlobStore) and to verify them end to end (docs/design.md §7).

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

struct evp_md_ctx_st;

namespace baosong {

class Sha256
{
public:
    // Size of a digest in bytes.
    static constexpr int kSize = 32;
    // Size of the blocks ofFile() reads: its memory use does not depend on the file's size.
    static constexpr qint64 kBlockSize = 1024 * 1024;

    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    // Adds bytes to the message.
    void add(QByteArrayView data);
    // The raw 32-byte digest of everything added since construction or the last reset(). It can be
    // called at any point: adding more afterwards continues the same message.
    QByteArray result() const;
    // Starts a new, empty message.
    void reset();

    // The raw digest of `data`.
    static QByteArray hash(QByteArrayView data);

    // The raw digest of the file at `path`, read in blocks of kBlockSize. `progress`, when set, is
    // called after every block with the bytes read so far and the file's size; returning false stops
    // the reading. Empty on failure or when stopped, with `error` (if not null) set to a translated
    // message.
    static QByteArray ofFile(const QString &path, QString *error,
                             std::function<bool(qint64 done, qint64 total)> progress = {});

private:
    evp_md_ctx_st *m_context = nullptr;
};

} // namespace baosong
