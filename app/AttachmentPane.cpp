#include "AttachmentPane.h"
#include "DisplayText.h"
#include "ui_AttachmentPane.h"

#include "BlobStore.h"
#include "FileDialog.h"
#include "MessageBox.h"

#include <QBuffer>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImageReader>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

QImage scaledForDisplay(const QImage &image)
{
    constexpr int kMaxWidth = 640;
    return image.width() > kMaxWidth ? image.scaledToWidth(kMaxWidth, Qt::SmoothTransformation) : image;
}

} // namespace

// ---- imports in a worker thread -----------------------------------------------------------------

// Runs in the worker thread; its signals reach the editor queued (it has no thread affinity there).
class AttachmentImporter : public QObject
{
    Q_OBJECT

public:
    AttachmentImporter(QString root, QStringList paths, std::shared_ptr<std::atomic_bool> cancel)
        : m_root(std::move(root))
        , m_paths(std::move(paths))
        , m_cancel(std::move(cancel))
    {}

    void run()
    {
        BlobStore store(m_root);
        for (int i = 0; i < m_paths.size() && !m_cancel->load(); ++i) {
            const QString path = m_paths.at(i);
            const QString name = QFileInfo(path).fileName();
            int lastPercent = -1;
            emit progress(name, i, int(m_paths.size()), 0);
            QString error;
            const std::optional<Attachment> attachment =
                store.importFile(path, &error, [&](qint64 done, qint64 total) {
                    const int percent = total > 0 ? int(done * 100 / total) : 100;
                    if (percent != lastPercent) {
                        lastPercent = percent;
                        emit progress(name, i, int(m_paths.size()), percent);
                    }
                    return !m_cancel->load();
                });
            if (attachment)
                emit imported(*attachment);
            else if (!m_cancel->load())
                emit failed(name, error);
        }
    }

signals:
    void progress(const QString &name, int index, int count, int percent);
    void imported(const baosong::Attachment &attachment);
    void failed(const QString &name, const QString &error);

private:
    QString m_root;
    QStringList m_paths;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

struct AttachmentPane::Import
{
    QThread *thread = nullptr;
    AttachmentImporter *importer = nullptr;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    QStringList failures;
};

// ---- AttachmentPane -------------------------------------------------------------------------------

AttachmentPane::AttachmentPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AttachmentPane>())
    , m_model(new AttachmentListModel(this))
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->attachmentView);
    m_ui->attachmentView->setModel(m_model);
    m_ui->attachmentView->setItemDelegateForColumn(AttachmentListModel::StateColumn,
                                                   new AttachmentProgressDelegate(m_ui->attachmentView));
    m_ui->attachmentView->header()->setSectionResizeMode(AttachmentListModel::NameColumn,
                                                         QHeaderView::Stretch);
    m_ui->attachmentView->header()->setStretchLastSection(false);
    m_ui->attachmentView->header()->setSectionResizeMode(AttachmentListModel::SizeColumn,
                                                         QHeaderView::ResizeToContents);
    m_ui->attachmentView->header()->resizeSection(
        AttachmentListModel::StateColumn, m_ui->attachmentView->fontMetrics().averageCharWidth() * 24);
    m_ui->importLabel->hide();
    m_ui->importProgress->hide();
    m_ui->cancelImportButton->hide();
    connect(m_ui->addAttachmentButton, &QPushButton::clicked, this, &AttachmentPane::addFilesFromDialog);
    connect(m_ui->removeAttachmentButton, &QPushButton::clicked, this,
            &AttachmentPane::removeSelectedAttachments);
    connect(m_ui->openAttachmentButton, &QPushButton::clicked, this,
            [this] { openAttachment(currentRow()); });
    connect(m_ui->attachmentView, &QTreeView::activated, this,
            [this](const QModelIndex &index) { openAttachment(index.row()); });
    connect(m_ui->insertImageButton, &QPushButton::clicked, this, [this] {
        if (const Attachment *a = m_model->attachmentAt(currentRow()))
            emit insertImageRequested(a->id);
    });
    connect(m_ui->cancelImportButton, &QToolButton::clicked, this, &AttachmentPane::cancelImport);
    connect(m_ui->attachmentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttachmentPane::updateButtons);
    connect(m_model, &AttachmentListModel::attachmentsChanged, this, &AttachmentPane::updateButtons);
    updateButtons();
}

AttachmentPane::~AttachmentPane()
{
    if (m_import) {
        m_import->cancel->store(true);
        m_import->thread->wait();
        delete m_import->thread;
        delete m_import->importer;
    }
}

QImage AttachmentPane::attachmentImage(const QString &attachmentId) const
{
    const int row = m_model->rowOf(attachmentId);
    const Attachment *a = m_model->attachmentAt(row);
    if (!a || !m_blobs || !a->mimeType.startsWith("image/"_L1))
        return {};
    QImageReader reader(m_blobs->pathOf(a->sha256));
    reader.setAutoTransform(true);
    return scaledForDisplay(reader.read());
}

int AttachmentPane::currentRow() const
{
    const QModelIndex index = m_ui->attachmentView->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void AttachmentPane::updateButtons()
{
    const Attachment *a = m_model->attachmentAt(currentRow());
    const bool selected = m_ui->attachmentView->selectionModel()->hasSelection() && a;
    m_ui->removeAttachmentButton->setEnabled(selected);
    m_ui->openAttachmentButton->setEnabled(selected);
    m_ui->insertImageButton->setEnabled(selected && a->mimeType.startsWith("image/"_L1));
}

void AttachmentPane::addFilesFromDialog()
{
    const QStringList files = FileDialog::getOpenFileNames(
        this, tr("Attach files"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!files.isEmpty())
        importFiles(files);
}

void AttachmentPane::removeSelectedAttachments()
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->attachmentView->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_model->removeAt(row);
}

void AttachmentPane::importFiles(const QStringList &paths)
{
    QStringList refused;
    QStringList accepted;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString name = BlobStore::safeFileName(info.fileName());
        if (!info.isFile() || !info.isReadable())
            refused << tr("\"%1\" is not a file that can be read (folders can't be attached).").arg(name);
        else if (m_maxUploadBytes > 0 && info.size() > m_maxUploadBytes)
            refused << tr("\"%1\" is %2; the server accepts files up to %3.")
                           .arg(name, sizeText(info.size()), sizeText(m_maxUploadBytes));
        else
            accepted << info.absoluteFilePath();
    }
    if (!refused.isEmpty())
        MessageBox::warning(
            this, tr("Files not attached"),
            tr("%1\n\nReduce the file (compress it, or split it) or ask the site administrator.")
                .arg(refused.join(u'\n')));
    if (accepted.isEmpty())
        return;
    m_importQueue += accepted;
    startNextImport();
}

bool AttachmentPane::isImporting() const
{
    return m_import != nullptr || !m_importQueue.isEmpty();
}

void AttachmentPane::cancelImport()
{
    m_importQueue.clear();
    if (m_import)
        m_import->cancel->store(true);
}

void AttachmentPane::startNextImport()
{
    if (m_import || m_importQueue.isEmpty() || !m_blobs)
        return;
    const QStringList batch = std::exchange(m_importQueue, {});
    m_import = std::make_unique<Import>();
    m_import->importer = new AttachmentImporter(m_blobs->rootFolder(), batch, m_import->cancel);
    AttachmentImporter *importer = m_import->importer;
    m_ui->importLabel->show();
    m_ui->importProgress->show();
    m_ui->cancelImportButton->show();
    m_ui->importProgress->setValue(0);

    connect(importer, &AttachmentImporter::progress, this,
            [this](const QString &name, int index, int count, int percent) {
                m_ui->importLabel->setText(
                    count > 1 ? tr("Storing %1 (%2 of %3)…").arg(name).arg(index + 1).arg(count)
                              : tr("Storing %1…").arg(name));
                m_ui->importProgress->setValue(percent);
            });
    connect(importer, &AttachmentImporter::imported, this, [this](const Attachment &attachment) {
        m_model->append(attachment); // already attached content is not listed twice
    });
    connect(importer, &AttachmentImporter::failed, this, [this](const QString &name, const QString &error) {
        if (m_import)
            m_import->failures << tr("%1: %2").arg(BlobStore::safeFileName(name), error);
    });
    m_import->thread = QThread::create([importer] { importer->run(); });
    connect(m_import->thread, &QThread::finished, this, [this] {
        const QStringList failures = m_import->failures;
        m_import->thread->deleteLater();
        m_import->importer->deleteLater();
        m_import.reset();
        if (m_importQueue.isEmpty()) {
            m_ui->importLabel->hide();
            m_ui->importProgress->hide();
            m_ui->cancelImportButton->hide();
        }
        if (!failures.isEmpty())
            MessageBox::warning(this, tr("Files not attached"),
                                tr("These files could not be stored:\n%1").arg(failures.join(u'\n')));
        startNextImport();
        emit importFinished();
    });
    m_import->thread->start();
}

QString AttachmentPane::importImage(const QImage &image)
{
    if (image.isNull() || !m_blobs)
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    if (m_maxUploadBytes > 0 && png.size() > m_maxUploadBytes) {
        MessageBox::warning(this, tr("Picture not attached"),
                            tr("The pasted picture is %1; the server accepts files up to %2.")
                                .arg(sizeText(png.size()), sizeText(m_maxUploadBytes)));
        return {};
    }
    QString error;
    const std::optional<Attachment> attachment = m_blobs->importBytes(
        png, tr("picture-%1.png").arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-hhmmss"_s)), &error);
    if (!attachment) {
        MessageBox::warning(this, tr("Picture not attached"), error);
        return {};
    }
    m_model->append(*attachment);
    // Content attached already keeps its row (and id).
    return m_model->attachmentAt(m_model->rowOfContent(attachment->sha256))->id;
}

QString AttachmentPane::openAttachment(int row)
{
    const Attachment *a = m_model->attachmentAt(row);
    if (!a)
        return {};
    if (!m_blobs || !m_blobs->contains(a->sha256)) {
        MessageBox::information(this, tr("Open attachment"),
                                tr("\"%1\" is not on this computer yet; it is downloaded with the item.")
                                    .arg(BlobStore::safeFileName(a->fileName)));
        return {};
    }
    if (!m_openDir || !m_openDir->isValid())
        m_openDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"baosong-open-XXXXXX"_s));
    // <temporary folder>/<sha256 hex>/<safe name>: the user's name only through safeFileName().
    const QString folder = m_openDir->filePath(QString::fromLatin1(a->sha256.toHex()));
    const QString target = QDir(folder).filePath(BlobStore::safeFileName(a->fileName));
    if (!QFileInfo::exists(target)) {
        if (!QDir().mkpath(folder) || !QFile::copy(m_blobs->pathOf(a->sha256), target)) {
            MessageBox::warning(
                this, tr("Open attachment"),
                tr("Could not make a copy of \"%1\" to open it in %2.")
                    .arg(BlobStore::safeFileName(a->fileName), QDir::toNativeSeparators(folder)));
            return {};
        }
        // The copy is for reading: changes belong in a new attachment.
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ReadUser);
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(target));
    return target;
}

} // namespace baosong

#include "AttachmentPane.moc"
