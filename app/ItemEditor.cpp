#include "ItemEditor.h"
#include "Colours.h"
#include "ui_ItemEditor.h"

#include "BlobStore.h"
#include "ChecksPanel.h"
#include "DocumentHtml.h"
#include "FileDialog.h"
#include "LocalStore.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImageReader>
#include <QMimeData>
#include <QPointer>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QThread>
#include <QToolBar>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

const QDate kNoDate(2000, 1, 1); // a date edit at its minimum shows "not set"

QImage scaledForDisplay(const QImage &image)
{
    constexpr int kMaxWidth = 640;
    return image.width() > kMaxWidth ? image.scaledToWidth(kMaxWidth, Qt::SmoothTransformation) : image;
}

} // namespace

// ---- BodyEdit -----------------------------------------------------------------------------------

BodyEdit::BodyEdit(QWidget *parent)
    : QTextEdit(parent)
{
    setAcceptRichText(true);
}

void BodyEdit::setImageResolver(std::function<QImage(const QString &)> resolver)
{
    m_resolver = std::move(resolver);
}

QString BodyEdit::cleanHtml(const QString &html, const HtmlSanitizer &sanitizer)
{
    QTextDocument doc;
    doc.setHtml(sanitizer.sanitize(html));
    return documentToHtml(doc, sanitizer);
}

QStringList BodyEdit::localFiles(const QMimeData *source)
{
    QStringList files;
    if (!source || !source->hasUrls())
        return files;
    for (const QUrl &url : source->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    }
    return files;
}

QVariant BodyEdit::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource) {
        if (const std::optional<QString> id = HtmlSanitizer::attachmentIdFromSource(name.toString())) {
            const QImage image = m_resolver ? m_resolver(*id) : QImage();
            return image.isNull() ? QVariant() : QVariant(image);
        }
        return {}; // nothing but our own attachments: no file or network reads from pasted HTML
    }
    return QTextEdit::loadResource(type, name);
}

bool BodyEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFiles(source).isEmpty() || source->hasHtml() || source->hasImage() || source->hasText();
}

void BodyEdit::insertFromMimeData(const QMimeData *source)
{
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        emit filesDropped(files);
        return;
    }
    if (source->hasHtml()) {
        const QString clean = cleanHtml(source->html(), m_sanitizer);
        if (!clean.isEmpty())
            textCursor().insertHtml(clean);
        ensureCursorVisible();
        return;
    }
    if (source->hasImage()) {
        emit imagePasted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    if (source->hasText()) {
        textCursor().insertText(source->text());
        ensureCursorVisible();
    }
}

// ---- PreviewBrowser -----------------------------------------------------------------------------

PreviewBrowser::PreviewBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

void PreviewBrowser::setImageResolver(std::function<QImage(const QString &)> resolver)
{
    m_resolver = std::move(resolver);
}

QVariant PreviewBrowser::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource) {
        if (const std::optional<QString> id = HtmlSanitizer::attachmentIdFromSource(name.toString())) {
            const QImage image = m_resolver ? m_resolver(*id) : QImage();
            return image.isNull() ? QVariant() : QVariant(image);
        }
    }
    return {}; // the preview loads nothing else (the sanitized body refers to nothing else)
}

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

struct ItemEditor::Import
{
    QThread *thread = nullptr;
    AttachmentImporter *importer = nullptr;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    QStringList failures;
};

// ---- ItemEditor ---------------------------------------------------------------------------------

ItemEditor::ItemEditor(const Organization *organization, BlobStore *blobs, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ItemEditor>())
    , m_organization(organization)
    , m_blobs(blobs)
    , m_routes(&RouteEngine::builtin())
    , m_checks(Checks::builtin())
    , m_attachments(new AttachmentListModel(this))
{
    m_ui->setupUi(this);
    setAcceptDrops(true);

    for (ItemKind kind : allItemKinds())
        m_ui->kindCombo->addItem(displayName(kind), toString(kind));
    for (QDateEdit *edit : {m_ui->infoDateEdit, m_ui->meetingDateEdit}) {
        edit->setMinimumDate(kNoDate);
        edit->setSpecialValueText(tr("not set"));
        edit->setDate(kNoDate);
    }
    m_ui->routeLabel->setTextFormat(Qt::PlainText);
    m_ui->deadlineLabel->setTextFormat(Qt::PlainText);

    // Attachments.
    m_ui->attachmentView->setModel(m_attachments);
    m_ui->attachmentView->setItemDelegateForColumn(AttachmentListModel::StateColumn,
                                                   new AttachmentProgressDelegate(m_ui->attachmentView));
    m_ui->attachmentView->header()->setSectionResizeMode(AttachmentListModel::NameColumn,
                                                         QHeaderView::Stretch);
    m_ui->attachmentView->header()->setStretchLastSection(false);
    m_ui->attachmentView->header()->setSectionResizeMode(AttachmentListModel::SizeColumn,
                                                         QHeaderView::ResizeToContents);
    m_ui->attachmentView->header()->resizeSection(
        AttachmentListModel::StateColumn, m_ui->attachmentView->fontMetrics().averageCharWidth() * 24);
    m_ui->editorSplitter->setStretchFactor(0, 3);
    m_ui->editorSplitter->setStretchFactor(1, 2);
    m_ui->importLabel->hide();
    m_ui->importProgress->hide();
    m_ui->cancelImportButton->hide();
    connect(m_ui->addAttachmentButton, &QPushButton::clicked, this, &ItemEditor::addFilesFromDialog);
    connect(m_ui->removeAttachmentButton, &QPushButton::clicked, this,
            &ItemEditor::removeSelectedAttachments);
    connect(m_ui->openAttachmentButton, &QPushButton::clicked, this,
            [this] { openAttachment(currentAttachmentRow()); });
    connect(m_ui->attachmentView, &QTreeView::activated, this,
            [this](const QModelIndex &index) { openAttachment(index.row()); });
    connect(m_ui->insertImageButton, &QPushButton::clicked, this, [this] {
        if (const Attachment *a = m_attachments->attachmentAt(currentAttachmentRow()))
            insertImageAttachment(a->id);
    });
    connect(m_ui->cancelImportButton, &QToolButton::clicked, this, &ItemEditor::cancelImport);
    connect(m_ui->attachmentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ItemEditor::updateAttachmentButtons);
    connect(m_attachments, &AttachmentListModel::attachmentsChanged, this, [this] {
        m_ui->bodyEdit->setSanitizer(sanitizer());
        updateAttachmentButtons();
        changed();
    });

    // Body.
    const auto resolver = [this](const QString &id) { return attachmentImage(id); };
    m_ui->bodyEdit->setImageResolver(resolver);
    m_ui->previewBrowser->setImageResolver(resolver);
    m_ui->bodyEdit->setSanitizer(sanitizer());
    connect(m_ui->bodyEdit, &BodyEdit::filesDropped, this, &ItemEditor::importFiles);
    connect(m_ui->bodyEdit, &BodyEdit::imagePasted, this, &ItemEditor::importPastedImage);
    connect(m_ui->bodyEdit->document(), &QTextDocument::contentsChanged, this, &ItemEditor::changed);
    setUpToolbar();

    // Fields.
    connect(m_ui->titleEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateKindFields();
        changed();
    });
    connect(m_ui->municipalCheck, &QCheckBox::toggled, this, [this] {
        updateKindFields();
        changed();
    });
    connect(m_ui->showAllColumnsCheck, &QCheckBox::toggled, this,
            [this] { populateColumns(m_ui->columnCombo->currentData().toString()); });
    connect(m_ui->columnCombo, &QComboBox::currentIndexChanged, this, &ItemEditor::changed);
    connect(m_ui->infoDateEdit, &QDateEdit::dateChanged, this, [this] {
        updateDeadline();
        changed();
    });
    connect(m_ui->infoDateTodayButton, &QToolButton::clicked, this,
            [this] { m_ui->infoDateEdit->setDate(m_today.isValid() ? m_today : QDate::currentDate()); });
    connect(m_ui->urgentCheck, &QCheckBox::toggled, this, &ItemEditor::changed);
    connect(m_ui->sourceSiteEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->sourceUrlEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->meetingCombo, &QComboBox::editTextChanged, this, &ItemEditor::changed);
    connect(m_ui->meetingDateEdit, &QDateEdit::dateChanged, this, &ItemEditor::changed);
    connect(m_ui->catalogueEntryEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->documentNumberEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->majorPolicyCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->interpretationRow->setVisible(on);
        changed();
    });
    connect(m_ui->interpretationCombo, &QComboBox::currentIndexChanged, this, &ItemEditor::changed);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(200);
    connect(m_ui->interpretationSearchEdit, &QLineEdit::textEdited, &m_searchTimer,
            qOverload<>(&QTimer::start));
    connect(&m_searchTimer, &QTimer::timeout, this, [this] {
        populateInterpretations(m_ui->interpretationCombo->currentData().toString(),
                                m_ui->interpretationSearchEdit->text());
    });

    // Preview and checks follow the edits after a short pause.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(300);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ItemEditor::refresh);
    connect(m_ui->checksPanel, &ChecksPanel::fieldActivated, this, &ItemEditor::focusField);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &ItemEditor::submit);

    setItem(Item());
}

ItemEditor::~ItemEditor()
{
    if (m_import) {
        m_import->cancel->store(true);
        m_import->thread->wait();
        delete m_import->thread;
        delete m_import->importer;
    }
}

void ItemEditor::setLocalStore(LocalStore *store)
{
    m_store = store;
    populateInterpretations(m_ui->interpretationCombo->currentData().toString());
}

void ItemEditor::setRouteEngine(const RouteEngine *routes)
{
    m_routes = routes ? routes : &RouteEngine::builtin();
    updateKindFields();
    refresh();
}

void ItemEditor::setDeadline(const Deadline &deadline)
{
    m_deadline = deadline;
    updateDeadline();
    refresh();
}

void ItemEditor::setToday(QDate today)
{
    m_today = today;
    updateDeadline();
    refresh();
}

void ItemEditor::setChecks(const Checks &checks)
{
    m_checks = checks;
    refresh();
}

ChecksPanel *ItemEditor::checksPanel() const
{
    return m_ui->checksPanel;
}

BodyEdit *ItemEditor::bodyEdit() const
{
    return m_ui->bodyEdit;
}

QString ItemEditor::itemId() const
{
    return m_item.id;
}

// ---- loading and reading the item ----------------------------------------------------------------

void ItemEditor::setDate(QDateEdit *edit, QDate date)
{
    edit->setDate(date.isValid() && date > kNoDate ? date : kNoDate);
}

QDate ItemEditor::dateOf(const QDateEdit *edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

void ItemEditor::setItem(const Item &item)
{
    ++m_loading;
    m_item = item;
    if (m_item.id.isEmpty())
        m_item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_draftCreatedAt = QDateTime::currentDateTimeUtc();
    m_ui->checksPanel->clearOverride();
    const RevisionContent &c = CheckContext::contentOf(m_item);

    m_ui->kindCombo->setCurrentIndex(m_ui->kindCombo->findData(toString(m_item.kind)));
    // A published item keeps its kind: a change takes the route of the kind it was published as.
    m_ui->kindCombo->setEnabled(m_item.liveRevision == 0);
    m_ui->titleEdit->setText(c.title);
    m_ui->municipalCheck->setChecked(c.toMunicipalPortal);
    {
        const QSignalBlocker blocker(m_ui->showAllColumnsCheck);
        bool own = c.columnId.isEmpty();
        if (m_organization) {
            for (const Column *column : m_organization->columnsOfUnit(m_item.unitId))
                own = own || column->id == c.columnId;
        }
        m_ui->showAllColumnsCheck->setChecked(!own);
    }
    populateColumns(c.columnId);
    setDate(m_ui->infoDateEdit, c.infoDate);
    m_ui->urgentCheck->setChecked(c.urgent);
    m_ui->sourceSiteEdit->setText(c.sourceSite);
    m_ui->sourceUrlEdit->setText(c.sourceUrl);
    m_ui->meetingCombo->setEditText(c.meeting);
    setDate(m_ui->meetingDateEdit, c.meetingDate);
    m_ui->catalogueEntryEdit->setText(c.catalogueEntry);
    m_ui->documentNumberEdit->setText(c.documentNumber);
    m_ui->majorPolicyCheck->setChecked(c.majorPolicy);
    m_ui->interpretationRow->setVisible(c.majorPolicy);
    m_ui->interpretationSearchEdit->clear();
    populateInterpretations(c.interpretationItemId);

    m_attachments->setAttachments(c.attachments);
    m_ui->bodyEdit->setSanitizer(sanitizer());
    m_ui->bodyEdit->setHtml(c.bodyHtml);
    m_ui->bodyEdit->document()->clearUndoRedoStacks();
    m_ui->bodyEdit->document()->setModified(false);

    updateKindFields();
    updateDeadline();
    updateAttachmentButtons();
    --m_loading;
    refresh();
    emit itemLoaded(m_item.id);
}

ItemKind ItemEditor::currentKind() const
{
    return itemKindFromString(m_ui->kindCombo->currentData().toString()).value_or(m_item.kind);
}

QDate ItemEditor::infoDate() const
{
    return dateOf(m_ui->infoDateEdit);
}

RevisionContent ItemEditor::content() const
{
    RevisionContent c;
    const ItemKind kind = currentKind();
    c.title = m_ui->titleEdit->text().trimmed();
    c.bodyHtml = documentToHtml(*m_ui->bodyEdit->document(), sanitizer());
    c.columnId = m_ui->columnCombo->currentData().toString();
    c.infoDate = infoDate();
    c.urgent = m_ui->urgentCheck->isChecked();
    c.toMunicipalPortal = m_ui->municipalCheck->isChecked();
    // Only the current kind's fields: those of another kind stay in their (hidden) inputs only.
    if (kind == ItemKind::Repost) {
        c.sourceSite = m_ui->sourceSiteEdit->text().trimmed();
        c.sourceUrl = m_ui->sourceUrlEdit->text().trimmed();
    }
    if (kind == ItemKind::CollectiveDecision) {
        c.meeting = m_ui->meetingCombo->currentText().trimmed();
        c.meetingDate = dateOf(m_ui->meetingDateEdit);
    }
    if (kind == ItemKind::Disclosure) {
        c.catalogueEntry = m_ui->catalogueEntryEdit->text().trimmed();
        c.documentNumber = m_ui->documentNumberEdit->text().trimmed();
    }
    c.majorPolicy = m_ui->majorPolicyCheck->isChecked();
    if (c.majorPolicy)
        c.interpretationItemId = m_ui->interpretationCombo->currentData().toString();
    c.attachments = m_attachments->attachments();
    return c;
}

Item ItemEditor::item() const
{
    Item out = m_item;
    out.kind = currentKind();
    const RevisionContent c = content();
    auto append = [&] {
        Revision r;
        r.number = out.latestNumber() + 1;
        r.authorId = out.authorId;
        r.createdAt = m_draftCreatedAt;
        r.content = c;
        out.revisions.append(r);
    };
    const Revision *latest = out.latest();
    if (!latest) {
        append();
        return out;
    }
    bool decided = latest->number == out.liveRevision;
    for (const Decision &d : out.decisions)
        decided = decided || d.revision == latest->number;
    if (!decided)
        out.revisions.last().content = c;
    else if (latest->content != c)
        append();
    return out;
}

// ---- fields ---------------------------------------------------------------------------------------

QString ItemEditor::routeText() const
{
    return m_ui->routeLabel->text();
}

void ItemEditor::updateKindFields()
{
    const ItemKind kind = currentKind();
    m_ui->repostGroup->setVisible(kind == ItemKind::Repost);
    m_ui->meetingGroup->setVisible(kind == ItemKind::CollectiveDecision);
    m_ui->disclosureGroup->setVisible(kind == ItemKind::Disclosure);

    const bool municipal = m_ui->municipalCheck->isChecked();
    const QList<Stage> stages = m_routes->stages(kind, municipal);
    QStringList steps{tr("you submit")};
    for (const Stage &s : stages)
        steps << s.displayName();
    if (stages.isEmpty())
        steps << tr("no route is defined for this kind");
    else if (stages.constLast().end == RouteEnd::MunicipalPlatform)
        steps << tr(
            "sent to the municipal platform (the reviewer decides whether it is also published here)");
    else
        steps << tr("published on the site");
    m_ui->routeLabel->setText(steps.join(u" → "_s));
}

void ItemEditor::updateDeadline()
{
    QLabel *label = m_ui->deadlineLabel;
    const QDate info = infoDate();
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    QString colour;
    if (!info.isValid()) {
        label->setText(tr("Enter the information date: the item is to be published within %n day(s) of it.",
                          nullptr, m_deadline.policy().targetDays));
        label->setProperty("deadlineState", QString());
    } else {
        const DeadlineState state = m_deadline.state(info, today);
        const QString dates = tr("Publish by %1, at the latest %2")
                                  .arg(m_deadline.targetDate(info).toString(Qt::ISODate),
                                       m_deadline.limitDate(info).toString(Qt::ISODate));
        label->setText(state == DeadlineState::OnTime ? dates : tr("%1 — %2").arg(dates, displayName(state)));
        label->setProperty("deadlineState", toString(state));
        if (const QColor c = deadlineColour(state); c.isValid())
            colour = c.name();
    }
    label->setStyleSheet(colour.isEmpty() ? QString()
                                          : u"QLabel { color: %1; font-weight: bold; }"_s.arg(colour));
}

void ItemEditor::populateColumns(const QString &selectId)
{
    const QSignalBlocker blocker(m_ui->columnCombo);
    QComboBox *combo = m_ui->columnCombo;
    combo->clear();
    combo->addItem(tr("— choose a column —"), QString());
    if (m_organization) {
        if (m_ui->showAllColumnsCheck->isChecked()) {
            std::function<void(const QString &, int)> walk = [&](const QString &parent, int depth) {
                for (const Column *column : m_organization->childColumns(parent)) {
                    combo->addItem(QString(depth * 2, QChar(0x3000)) + column->name, column->id);
                    walk(column->id, depth + 1);
                }
            };
            walk(QString(), 0);
        } else {
            for (const Column *column : m_organization->columnsOfUnit(m_item.unitId)) {
                const Column *parent = m_organization->column(column->parentId);
                combo->addItem(parent ? tr("%1 / %2").arg(parent->name, column->name) : column->name,
                               column->id);
            }
        }
    }
    const int index = combo->findData(selectId);
    combo->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0 && !selectId.isEmpty())
        changed(); // the column is no longer offered
}

void ItemEditor::populateInterpretations(const QString &selectId, const QString &search)
{
    const QSignalBlocker blocker(m_ui->interpretationCombo);
    QComboBox *combo = m_ui->interpretationCombo;
    combo->clear();
    combo->addItem(tr("— no interpretation linked —"), QString());
    QList<ItemSummary> summaries;
    if (m_store && m_store->isOpen()) {
        if (!selectId.isEmpty())
            summaries = m_store->summariesOf({selectId});
        summaries += search.trimmed().isEmpty() ? m_store->summaries(0, 200)
                                                : m_store->summariesOf(m_store->search(search, 100));
    }
    for (const ItemSummary &s : std::as_const(summaries)) {
        if (s.id == m_item.id || combo->findData(s.id) >= 0)
            continue;
        combo->addItem(tr("%1 (%2)").arg(s.title.isEmpty() ? tr("untitled") : s.title, displayName(s.kind)),
                       s.id);
    }
    if (!selectId.isEmpty() && combo->findData(selectId) < 0)
        combo->addItem(tr("Item %1 (not on this computer)").arg(selectId), selectId);
    const int index = combo->findData(selectId);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void ItemEditor::focusField(const QString &field)
{
    QWidget *target = nullptr;
    if (field == CheckField::Title)
        target = m_ui->titleEdit;
    else if (field == CheckField::Kind)
        target = m_ui->kindCombo;
    else if (field == CheckField::Body)
        target = m_ui->bodyEdit;
    else if (field == CheckField::Attachments)
        target = m_ui->attachmentView;
    else if (field == CheckField::Column)
        target = m_ui->columnCombo;
    else if (field == CheckField::InfoDate)
        target = m_ui->infoDateEdit;
    else if (field == CheckField::SourceSite)
        target = m_ui->sourceSiteEdit;
    else if (field == CheckField::SourceUrl)
        target = m_ui->sourceUrlEdit;
    else if (field == CheckField::Meeting)
        target = m_ui->meetingCombo;
    else if (field == CheckField::MeetingDate)
        target = m_ui->meetingDateEdit;
    else if (field == CheckField::CatalogueEntry)
        target = m_ui->catalogueEntryEdit;
    else if (field == CheckField::Interpretation)
        target = m_ui->majorPolicyCheck->isChecked() ? static_cast<QWidget *>(m_ui->interpretationCombo)
                                                     : m_ui->majorPolicyCheck;
    if (target && target->isVisibleTo(this))
        target->setFocus(Qt::OtherFocusReason);
}

// ---- changes, preview, checks ---------------------------------------------------------------------

void ItemEditor::changed()
{
    if (m_loading > 0)
        return;
    m_refreshTimer.start();
    emit edited();
}

HtmlSanitizer ItemEditor::sanitizer() const
{
    return HtmlSanitizer(HtmlSanitizer::policyForAttachments(m_attachments->attachments()));
}

void ItemEditor::refresh()
{
    m_refreshTimer.stop();
    m_previewHtml = documentToHtml(*m_ui->bodyEdit->document(), sanitizer());
    const QString title = m_ui->titleEdit->text().trimmed().toHtmlEscaped();
    m_ui->previewBrowser->setHtml((title.isEmpty() ? QString() : u"<h1>"_s + title + u"</h1>"_s) +
                                  m_previewHtml);
    runChecks();
}

QList<Finding> ItemEditor::runChecks()
{
    static const Organization noOrganization;
    const Item current = item();
    std::function<std::optional<Item>(const QString &)> find;
    if (m_store && m_store->isOpen())
        find = [this](const QString &id) { return m_store->item(id); };
    const CheckContext context{current,
                               CheckContext::contentOf(current),
                               m_organization ? *m_organization : noOrganization,
                               *m_routes,
                               m_deadline,
                               m_today,
                               find};
    const QList<Finding> findings = m_checks.run(context);
    m_ui->checksPanel->setFindings(findings);
    const int blocking = int(Checks::blocking(findings).size());
    m_ui->sideTabs->setTabText(m_ui->sideTabs->indexOf(m_ui->checksTab),
                               blocking > 0 ? tr("Checks (%1)").arg(blocking) : tr("Checks"));
    return findings;
}

std::optional<SubmitRequest> ItemEditor::prepareSubmit()
{
    const QList<Finding> findings = runChecks();
    ChecksPanel *panel = m_ui->checksPanel;
    if (panel->isBlocked()) {
        m_ui->sideTabs->setCurrentWidget(m_ui->checksTab);
        if (!Checks::canOverride(findings)) {
            QStringList what;
            for (const Finding &f : Checks::blocking(findings))
                what << u"• "_s + f.message;
            MessageBox::warning(this, tr("Not ready to submit"),
                                tr("Correct these first:\n%1").arg(what.join(u'\n')));
            const QList<Finding> blocking = Checks::blocking(findings);
            if (!blocking.isEmpty())
                focusField(blocking.constFirst().field);
            return std::nullopt;
        }
        if (!panel->askOverride())
            return std::nullopt;
    }
    return SubmitRequest::make(item(), findings, panel->overrideReason());
}

void ItemEditor::submit()
{
    if (const std::optional<SubmitRequest> request = prepareSubmit())
        emit submitRequested(item(), *request);
}

// ---- body toolbar ---------------------------------------------------------------------------------

void ItemEditor::setUpToolbar()
{
    m_toolbar = new QToolBar(m_ui->bodyToolbarHost);
    m_toolbar->setObjectName(u"bodyToolbar"_s);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_ui->bodyToolbarLayout->addWidget(m_toolbar);
    BodyEdit *body = m_ui->bodyEdit;

    auto action = [this](const QString &name, const QString &text, const QKeySequence &key = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
            addAction(a);
        }
        m_toolbar->addAction(a);
        return a;
    };

    m_headingCombo = new QComboBox(m_toolbar);
    m_headingCombo->setObjectName(u"headingCombo"_s);
    m_headingCombo->setToolTip(tr("Paragraph style"));
    m_headingCombo->addItem(tr("Body text"), 0);
    m_headingCombo->addItem(tr("Heading 1"), 2); // h1 is the page title on the site
    m_headingCombo->addItem(tr("Heading 2"), 3);
    m_headingCombo->addItem(tr("Heading 3"), 4);
    m_toolbar->addWidget(m_headingCombo);
    connect(m_headingCombo, &QComboBox::activated, this, [this](int index) {
        applyHeading(m_headingCombo->itemData(index).toInt());
        m_ui->bodyEdit->setFocus();
    });

    m_boldAction = action(u"boldAction"_s, tr("Bold"), QKeySequence::Bold);
    m_boldAction->setCheckable(true);
    connect(m_boldAction, &QAction::triggered, this,
            [body](bool on) { body->setFontWeight(on ? QFont::Bold : QFont::Normal); });
    m_italicAction = action(u"italicAction"_s, tr("Italic"), QKeySequence::Italic);
    m_italicAction->setCheckable(true);
    connect(m_italicAction, &QAction::triggered, this, [body](bool on) { body->setFontItalic(on); });
    m_toolbar->addSeparator();
    connect(action(u"bulletListAction"_s, tr("Bulleted list")), &QAction::triggered, this,
            [this] { toggleList(QTextListFormat::ListDisc); });
    connect(action(u"numberedListAction"_s, tr("Numbered list")), &QAction::triggered, this,
            [this] { toggleList(QTextListFormat::ListDecimal); });
    connect(action(u"tableAction"_s, tr("Table")), &QAction::triggered, this, &ItemEditor::insertTable);
    m_rowAction = action(u"tableRowAction"_s, tr("+ Row"));
    m_columnAction = action(u"tableColumnAction"_s, tr("+ Column"));
    connect(m_rowAction, &QAction::triggered, this, [body] {
        QTextCursor c = body->textCursor();
        if (QTextTable *t = c.currentTable())
            t->insertRows(t->cellAt(c).row() + 1, 1);
    });
    connect(m_columnAction, &QAction::triggered, this, [body] {
        QTextCursor c = body->textCursor();
        if (QTextTable *t = c.currentTable())
            t->insertColumns(t->cellAt(c).column() + 1, 1);
    });
    m_toolbar->addSeparator();
    connect(action(u"linkAction"_s, tr("Link…"), QKeySequence(Qt::CTRL | Qt::Key_K)), &QAction::triggered,
            this, &ItemEditor::insertLink);
    connect(action(u"imageAction"_s, tr("Picture")), &QAction::triggered, this, [this] {
        const Attachment *selected = m_attachments->attachmentAt(currentAttachmentRow());
        if (selected && selected->mimeType.startsWith("image/"_L1)) {
            insertImageAttachment(selected->id);
            return;
        }
        for (const Attachment &a : m_attachments->attachments()) {
            if (a.mimeType.startsWith("image/"_L1)) {
                MessageBox::information(this, tr("Insert a picture"),
                                        tr("Select the picture in the attachment list, then choose Picture "
                                           "again."));
                m_ui->attachmentView->setFocus();
                return;
            }
        }
        MessageBox::information(this, tr("Insert a picture"),
                                tr("Attach the picture first (Add files… or drop it here); then select it "
                                   "and choose Picture."));
    });
    m_toolbar->addSeparator();
    m_undoAction = action(u"undoAction"_s, tr("Undo"));
    m_redoAction = action(u"redoAction"_s, tr("Redo"));
    m_undoAction->setToolTip(
        tr("Undo (%1)").arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    m_redoAction->setToolTip(
        tr("Redo (%1)").arg(QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText)));
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, body, &QTextEdit::undo);
    connect(m_redoAction, &QAction::triggered, body, &QTextEdit::redo);
    connect(body, &QTextEdit::undoAvailable, m_undoAction, &QAction::setEnabled);
    connect(body, &QTextEdit::redoAvailable, m_redoAction, &QAction::setEnabled);

    auto syncState = [this, body] {
        const QTextCursor c = body->textCursor();
        m_boldAction->setChecked(c.charFormat().fontWeight() >= QFont::Bold);
        m_italicAction->setChecked(c.charFormat().fontItalic());
        const int level = c.blockFormat().headingLevel();
        const int index = m_headingCombo->findData(level);
        m_headingCombo->setCurrentIndex(index >= 0 ? index : (level > 0 ? 1 : 0));
        const bool inTable = c.currentTable() != nullptr;
        m_rowAction->setEnabled(inTable);
        m_columnAction->setEnabled(inTable);
    };
    connect(body, &QTextEdit::cursorPositionChanged, this, syncState);
    connect(body, &QTextEdit::currentCharFormatChanged, this, syncState);
    syncState();
}

void ItemEditor::applyHeading(int level)
{
    QTextCursor c = m_ui->bodyEdit->textCursor();
    const QTextBlock first = m_ui->bodyEdit->document()->findBlock(c.selectionStart());
    const QTextBlock last = m_ui->bodyEdit->document()->findBlock(c.selectionEnd());
    c.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor bc(b);
        QTextBlockFormat bf = b.blockFormat();
        bf.setHeadingLevel(level);
        bc.setBlockFormat(bf);
        QTextCharFormat cf;
        cf.setFontWeight(level > 0 ? QFont::Bold : QFont::Normal);
        cf.setProperty(QTextFormat::FontSizeAdjustment, level > 0 ? qMax(0, 4 - level) : 0);
        bc.select(QTextCursor::BlockUnderCursor);
        bc.mergeCharFormat(cf);
        bc.mergeBlockCharFormat(cf);
        if (b == last)
            break;
    }
    c.endEditBlock();
}

void ItemEditor::toggleList(int style)
{
    QTextCursor c = m_ui->bodyEdit->textCursor();
    c.beginEditBlock();
    if (QTextList *list = c.currentList(); list && list->format().style() == QTextListFormat::Style(style)) {
        const QTextBlock first = m_ui->bodyEdit->document()->findBlock(c.selectionStart());
        const QTextBlock last = m_ui->bodyEdit->document()->findBlock(c.selectionEnd());
        for (QTextBlock b = first; b.isValid(); b = b.next()) {
            if (QTextList *l = b.textList())
                l->remove(b);
            QTextCursor bc(b);
            QTextBlockFormat bf = b.blockFormat();
            bf.setIndent(0);
            bc.setBlockFormat(bf);
            if (b == last)
                break;
        }
    } else if (list) {
        QTextListFormat format = list->format();
        format.setStyle(QTextListFormat::Style(style));
        list->setFormat(format);
    } else {
        QTextListFormat format;
        format.setStyle(QTextListFormat::Style(style));
        c.createList(format);
    }
    c.endEditBlock();
}

void ItemEditor::insertTable()
{
    QTextTableFormat format;
    format.setHeaderRowCount(1);
    format.setBorder(1);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setCellPadding(4);
    format.setCellSpacing(0);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    m_ui->bodyEdit->textCursor().insertTable(3, 3, format);
}

void ItemEditor::insertLink()
{
    QTextCursor c = m_ui->bodyEdit->textCursor();
    const std::optional<QString> answer =
        MessageBox::getText(this, tr("Insert a link"), tr("Web address (http://, https:// or mailto:):"),
                            c.charFormat().anchorHref());
    if (!answer || answer->trimmed().isEmpty())
        return;
    QString href = HtmlSanitizer::cleanUrl(*answer);
    if (HtmlSanitizer::urlScheme(href).isEmpty())
        href.prepend(href.contains(u'@') ? u"mailto:"_s : u"https://"_s);
    if (!HtmlSanitizer::isAllowedLinkUrl(href)) {
        MessageBox::warning(this, tr("Insert a link"),
                            tr("\"%1\" can't be a link on the site: use an address starting with http://, "
                               "https:// or mailto:.")
                                .arg(*answer));
        return;
    }
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(href);
    link.setFontUnderline(true);
    link.setForeground(palette().link());
    if (c.hasSelection()) {
        c.mergeCharFormat(link);
    } else {
        c.insertText(href, link);
        c.setCharFormat(QTextCharFormat());
        m_ui->bodyEdit->setTextCursor(c);
    }
}

// ---- attachments ----------------------------------------------------------------------------------

QImage ItemEditor::attachmentImage(const QString &attachmentId) const
{
    const int row = m_attachments->rowOf(attachmentId);
    const Attachment *a = m_attachments->attachmentAt(row);
    if (!a || !m_blobs || !a->mimeType.startsWith("image/"_L1))
        return {};
    QImageReader reader(m_blobs->pathOf(a->sha256));
    reader.setAutoTransform(true);
    return scaledForDisplay(reader.read());
}

int ItemEditor::currentAttachmentRow() const
{
    const QModelIndex index = m_ui->attachmentView->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void ItemEditor::updateAttachmentButtons()
{
    const Attachment *a = m_attachments->attachmentAt(currentAttachmentRow());
    const bool selected = m_ui->attachmentView->selectionModel()->hasSelection() && a;
    m_ui->removeAttachmentButton->setEnabled(selected);
    m_ui->openAttachmentButton->setEnabled(selected);
    m_ui->insertImageButton->setEnabled(selected && a->mimeType.startsWith("image/"_L1));
}

void ItemEditor::addFilesFromDialog()
{
    const QStringList files = FileDialog::getOpenFileNames(
        this, tr("Attach files"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!files.isEmpty())
        importFiles(files);
}

void ItemEditor::removeSelectedAttachments()
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->attachmentView->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_attachments->removeAt(row);
}

void ItemEditor::importFiles(const QStringList &paths)
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
                           .arg(name, QLocale().formattedDataSize(info.size()),
                                QLocale().formattedDataSize(m_maxUploadBytes));
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

bool ItemEditor::isImporting() const
{
    return m_import != nullptr || !m_importQueue.isEmpty();
}

void ItemEditor::cancelImport()
{
    m_importQueue.clear();
    if (m_import)
        m_import->cancel->store(true);
}

void ItemEditor::startNextImport()
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
        m_attachments->append(attachment); // already attached content is not listed twice
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

void ItemEditor::importPastedImage(const QImage &image)
{
    if (image.isNull() || !m_blobs)
        return;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    if (m_maxUploadBytes > 0 && png.size() > m_maxUploadBytes) {
        MessageBox::warning(
            this, tr("Picture not attached"),
            tr("The pasted picture is %1; the server accepts files up to %2.")
                .arg(QLocale().formattedDataSize(png.size()), QLocale().formattedDataSize(m_maxUploadBytes)));
        return;
    }
    QString error;
    const std::optional<Attachment> attachment = m_blobs->importBytes(
        png, tr("picture-%1.png").arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-hhmmss"_s)), &error);
    if (!attachment) {
        MessageBox::warning(this, tr("Picture not attached"), error);
        return;
    }
    m_attachments->append(*attachment);
    const int row = m_attachments->rowOfContent(attachment->sha256);
    insertImageAttachment(m_attachments->attachmentAt(row)->id);
}

bool ItemEditor::insertImageAttachment(const QString &attachmentId, const QString &altText)
{
    const Attachment *a = m_attachments->attachmentAt(m_attachments->rowOf(attachmentId));
    if (!a || !a->mimeType.startsWith("image/"_L1))
        return false;
    QString alt = altText.trimmed();
    if (alt.isEmpty()) {
        const std::optional<QString> answer = MessageBox::getText(
            this, tr("Picture caption"),
            tr("Describe the picture for readers who can't see it (required on a government "
               "site):"),
            QFileInfo(a->fileName).completeBaseName());
        if (!answer)
            return false;
        alt = answer->trimmed();
    }
    m_ui->bodyEdit->setSanitizer(sanitizer());
    QTextImageFormat image;
    image.setName(HtmlSanitizer::attachmentImageSource(a->id));
    image.setProperty(QTextFormat::ImageAltText, alt);
    image.setProperty(QTextFormat::ImageTitle, alt);
    const QImage loaded = attachmentImage(a->id);
    if (!loaded.isNull())
        image.setWidth(loaded.width());
    m_ui->bodyEdit->textCursor().insertImage(image);
    return true;
}

QString ItemEditor::openAttachment(int row)
{
    const Attachment *a = m_attachments->attachmentAt(row);
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

// ---- drag and drop anywhere on the editor ---------------------------------------------------------

void ItemEditor::dragEnterEvent(QDragEnterEvent *event)
{
    if (!BodyEdit::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ItemEditor::dragMoveEvent(QDragMoveEvent *event)
{
    if (!BodyEdit::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ItemEditor::dropEvent(QDropEvent *event)
{
    const QStringList files = BodyEdit::localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(files);
}

} // namespace baosong

#include "ItemEditor.moc"
