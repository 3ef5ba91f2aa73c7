#pragma once

// The item editor's attachments (docs/design.md §11): the list with its transfer state, Add files…
// (FileDialog) and drops, Remove, Open (a read-only copy under its safe name, opened by the system's
// viewer) and Insert into body. Files larger than maxUploadBytes() are refused before import, with the
// limit shown. Imports run in a worker thread (QThread; BlobStore may be used from any thread), one
// batch at a time, with a progress bar and Cancel; the rows appear as each file is stored.

#include "AttachmentListModel.h"

#include <QImage>
#include <QWidget>

#include <memory>

class QTemporaryDir;

namespace Ui {
class AttachmentPane;
}

namespace baosong {

class BlobStore;

class AttachmentPane : public QWidget
{
    Q_OBJECT

public:
    explicit AttachmentPane(QWidget *parent = nullptr);
    ~AttachmentPane() override;

    // Where attachments are stored (must outlive the pane); none: nothing can be imported.
    void setBlobStore(BlobStore *blobs) { m_blobs = blobs; }
    // The server's upload limit (blobs/max_upload_bytes); 0: none.
    void setMaxUploadBytes(qint64 bytes) { m_maxUploadBytes = bytes; }
    qint64 maxUploadBytes() const { return m_maxUploadBytes; }

    AttachmentListModel *model() const { return m_model; }
    // The row of the current attachment, -1 without one.
    int currentRow() const;
    // The attachment's picture scaled for display (null: not an image, or not on this computer).
    QImage attachmentImage(const QString &attachmentId) const;

    // Imports files as attachments; refused files are reported at once.
    void importFiles(const QStringList &paths);
    bool isImporting() const;
    void cancelImport();
    // Stores a pasted picture as a PNG attachment; its attachment id, empty when refused (said why).
    QString importImage(const QImage &image);
    // Copies the attachment to a temporary folder under its safe name and opens it with the system's
    // viewer. The copy's path, or empty when the attachment's content is not on this computer.
    QString openAttachment(int row);

signals:
    // Insert into body on the selected picture.
    void insertImageRequested(const QString &attachmentId);
    // A batch of imports ended (imported, failed or cancelled).
    void importFinished();

private:
    void updateButtons();
    void addFilesFromDialog();
    void removeSelectedAttachments();
    void startNextImport();

    std::unique_ptr<Ui::AttachmentPane> m_ui;
    AttachmentListModel *m_model;
    BlobStore *m_blobs = nullptr;
    qint64 m_maxUploadBytes = 0;
    std::unique_ptr<QTemporaryDir> m_openDir;

    // The import under way and the files waiting for it.
    struct Import;
    std::unique_ptr<Import> m_import;
    QStringList m_importQueue;
};

} // namespace baosong
