#pragma once

// The attachments of the revision being edited, as a table: name (with the file type's icon), size and
// upload state. The sync engine drives the upload state by content (SHA-256) through
// setTransferState(); a state is kept per content, so it survives removing and re-adding a file and
// applies to every row with that content. AttachmentProgressDelegate draws the state column as a
// progress bar while uploading.

#include "Domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace baosong {

class AttachmentListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum ColumnIndex
    {
        NameColumn, // the user's file name, with the icon of its MIME type
        SizeColumn,
        StateColumn,
        ColumnCount
    };
    enum Roles
    {
        AttachmentIdRole = Qt::UserRole + 1,
        Sha256Role, // raw digest
        MimeTypeRole,
        TransferStateRole, // int(TransferState)
        ProgressRole,      // 0–100 while uploading, else -1
    };
    enum class TransferState
    {
        LocalOnly, // stored here, not yet on the server
        Uploading,
        OnServer,
        Failed,
    };
    Q_ENUM(TransferState)

    explicit AttachmentListModel(QObject *parent = nullptr);

    void setAttachments(const QList<Attachment> &attachments);
    QList<Attachment> attachments() const { return m_attachments; }
    const Attachment *attachmentAt(int row) const;
    int rowOf(const QString &attachmentId) const;
    int rowOfContent(const QByteArray &sha256) const;

    // Appends an attachment; one whose content is already attached is not added twice (false).
    bool append(const Attachment &attachment);
    bool removeAt(int row);

    // Upload state of a content (raw 32-byte or 64-digit hex SHA-256), `done` of `total` bytes.
    void setTransferState(const QByteArray &sha256, TransferState state, qint64 done = 0, qint64 total = 0);
    TransferState transferState(const QByteArray &sha256) const;

    // "uploading 42 %" and the like, translated.
    static QString describe(TransferState state, int percent);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The list of attachments changed (added, removed, replaced) — not the transfer states.
    void attachmentsChanged();

private:
    struct Transfer
    {
        TransferState state = TransferState::LocalOnly;
        qint64 done = 0;
        qint64 total = 0;
        int percent() const;
    };
    Transfer transfer(const QByteArray &sha256) const;
    QIcon iconFor(const Attachment &attachment) const;

    QList<Attachment> m_attachments;
    QHash<QByteArray, Transfer> m_transfers; // by raw digest
    mutable QHash<QString, QIcon> m_icons;   // by MIME type
};

// Draws the state column as a progress bar while a file uploads (ProgressRole ≥ 0).
class AttachmentProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace baosong
