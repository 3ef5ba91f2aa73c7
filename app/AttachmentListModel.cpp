#include "AttachmentListModel.h"
#include "DisplayText.h"

#include <QApplication>
#include <QFileIconProvider>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

QByteArray rawDigest(const QByteArray &sha256)
{
    if (sha256.size() == 64)
        return QByteArray::fromHex(sha256);
    return sha256;
}

} // namespace

int AttachmentListModel::Transfer::percent() const
{
    if (total <= 0)
        return 0;
    return int(std::clamp<qint64>(done * 100 / total, 0, 100));
}

AttachmentListModel::AttachmentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AttachmentListModel::setAttachments(const QList<Attachment> &attachments)
{
    beginResetModel();
    m_attachments = attachments;
    endResetModel();
    emit attachmentsChanged();
}

const Attachment *AttachmentListModel::attachmentAt(int row) const
{
    return row >= 0 && row < m_attachments.size() ? &m_attachments.at(row) : nullptr;
}

int AttachmentListModel::rowOf(const QString &attachmentId) const
{
    for (int i = 0; i < m_attachments.size(); ++i) {
        if (m_attachments.at(i).id == attachmentId)
            return i;
    }
    return -1;
}

int AttachmentListModel::rowOfContent(const QByteArray &sha256) const
{
    const QByteArray raw = rawDigest(sha256);
    for (int i = 0; i < m_attachments.size(); ++i) {
        if (m_attachments.at(i).sha256 == raw)
            return i;
    }
    return -1;
}

bool AttachmentListModel::append(const Attachment &attachment)
{
    if (rowOfContent(attachment.sha256) >= 0)
        return false;
    const int row = int(m_attachments.size());
    beginInsertRows({}, row, row);
    m_attachments.append(attachment);
    endInsertRows();
    emit attachmentsChanged();
    return true;
}

bool AttachmentListModel::removeAt(int row)
{
    if (row < 0 || row >= m_attachments.size())
        return false;
    beginRemoveRows({}, row, row);
    m_attachments.removeAt(row);
    endRemoveRows();
    emit attachmentsChanged();
    return true;
}

void AttachmentListModel::setTransferState(const QByteArray &sha256, TransferState state, qint64 done,
                                           qint64 total)
{
    const QByteArray raw = rawDigest(sha256);
    if (raw.size() != 32)
        return;
    m_transfers.insert(raw, Transfer{state, done, total});
    for (int i = 0; i < m_attachments.size(); ++i) {
        if (m_attachments.at(i).sha256 == raw)
            emit dataChanged(index(i, StateColumn), index(i, StateColumn));
    }
}

AttachmentListModel::Transfer AttachmentListModel::transfer(const QByteArray &sha256) const
{
    return m_transfers.value(sha256);
}

AttachmentListModel::TransferState AttachmentListModel::transferState(const QByteArray &sha256) const
{
    return transfer(rawDigest(sha256)).state;
}

QString AttachmentListModel::describe(TransferState state, int percent)
{
    switch (state) {
    case TransferState::LocalOnly:
        return tr("Only on this computer");
    case TransferState::Uploading:
        return tr("Uploading %1%").arg(percent);
    case TransferState::OnServer:
        return tr("On the server");
    case TransferState::Failed:
        return tr("Upload failed");
    }
    return {};
}

QIcon AttachmentListModel::iconFor(const Attachment &attachment) const
{
    const QString type = attachment.mimeType.isEmpty() ? u"application/octet-stream"_s : attachment.mimeType;
    auto it = m_icons.constFind(type);
    if (it != m_icons.constEnd())
        return *it;
    static const QFileIconProvider provider;
    const QMimeType mime = QMimeDatabase().mimeTypeForName(type);
    QIcon icon;
    if (mime.isValid())
        icon = QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName()));
    if (icon.isNull())
        icon = provider.icon(QFileIconProvider::File);
    m_icons.insert(type, icon);
    return icon;
}

int AttachmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attachments.size());
}

int AttachmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttachmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Attachment &a = m_attachments.at(index.row());
    const Transfer t = transfer(a.sha256);
    switch (role) {
    case AttachmentIdRole:
        return a.id;
    case Sha256Role:
        return a.sha256;
    case MimeTypeRole:
        return a.mimeType;
    case TransferStateRole:
        return int(t.state);
    case ProgressRole:
        return t.state == TransferState::Uploading ? t.percent() : -1;
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(iconFor(a)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return tr("%1\n%2, %3").arg(a.fileName, a.mimeType, sizeText(a.size));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return a.fileName;
        case SizeColumn:
            return sizeText(a.size);
        case StateColumn:
            return describe(t.state, t.percent());
        }
        return {};
    default:
        return {};
    }
}

QVariant AttachmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("File");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("Upload");
    }
    return {};
}

void AttachmentProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const int percent = index.data(AttachmentListModel::ProgressRole).toInt();
    if (index.column() != AttachmentListModel::StateColumn || percent < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = percent;
    bar.text = index.data().toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

} // namespace baosong
