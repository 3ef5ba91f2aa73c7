#include "ItemEditor.h"
#include "AttachmentPane.h"
#include "BodyEditor.h"
#include "Colours.h"
#include "Disclosure.h"
#include "ui_ItemEditor.h"

#include "BlobStore.h"
#include "ChecksPanel.h"
#include "ContentScan.h"
#include "DocumentHtml.h"
#include "DocxReader.h"
#include "FileDialog.h"
#include "Limits.h"
#include "LocalStore.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QBuffer>
#include <QCalendarWidget>
#include <QCompleter>
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
#include <QStandardItemModel>
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

} // namespace

// ---- ItemEditor ---------------------------------------------------------------------------------

ItemEditor::ItemEditor(const Organization *organization, BlobStore *blobs, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ItemEditor>())
    , m_organization(organization)
    , m_blobs(blobs)
    , m_routes(&RouteEngine::builtin())
    , m_checks(Checks::builtin())
{
    m_ui->setupUi(this);
    setAcceptDrops(true);

    for (ItemKind kind : allItemKinds())
        m_ui->kindCombo->addItem(displayName(kind), toString(kind));
    for (QDateEdit *edit : dateEdits()) {
        edit->setMinimumDate(kNoDate);
        edit->setSpecialValueText(tr("not set"));
        edit->setDate(kNoDate);
        if (QCalendarWidget *calendar = edit->calendarWidget())
            calendar->installEventFilter(this);
    }
    // The server's limits (core/Limits), kept here for comfort: it refuses anything longer.
    m_ui->titleEdit->setMaxLength(limits::kTitleChars);
    m_ui->sourceSiteEdit->setMaxLength(limits::kShortTextChars);
    m_ui->sourceUrlEdit->setMaxLength(limits::kUrlChars);
    m_ui->catalogueEntryEdit->setMaxLength(limits::kShortTextChars);
    m_ui->documentNumberEdit->setMaxLength(limits::kShortTextChars);
    m_ui->otherChannelEdit->setMaxLength(limits::kShortTextChars);
    // The catalogue's schemes (core/Disclosure); a value from elsewhere is kept and shown as it is.
    m_ui->topicCombo->addItem(tr("— choose —"), QString());
    for (const QString &t : disclosure::topics())
        m_ui->topicCombo->addItem(t, t);
    m_ui->genreCombo->addItem(tr("— choose —"), QString());
    for (const QString &g : disclosure::genres())
        m_ui->genreCombo->addItem(g, g);
    for (Validity v : {Validity::InForce, Validity::Amended, Validity::Repealed})
        m_ui->validityCombo->addItem(displayName(v), toString(v));
    m_ui->routeLabel->setTextFormat(Qt::PlainText);
    m_ui->deadlineLabel->setTextFormat(Qt::PlainText);

    // Attachments.
    m_ui->attachmentPane->setBlobStore(m_blobs);
    m_ui->editorSplitter->setStretchFactor(0, 3);
    m_ui->editorSplitter->setStretchFactor(1, 2);
    connect(m_ui->attachmentPane, &AttachmentPane::insertImageRequested, this,
            [this](const QString &id) { insertImageAttachment(id); });
    connect(m_ui->attachmentPane, &AttachmentPane::importFinished, this, &ItemEditor::importFinished);
    connect(attachmentModel(), &AttachmentListModel::attachmentsChanged, this, [this] {
        bodyEdit()->setSanitizer(sanitizer());
        changed();
    });

    // Body.
    const auto resolver = [this](const QString &id) { return m_ui->attachmentPane->attachmentImage(id); };
    m_ui->bodyEditor->edit()->setImageResolver(resolver);
    m_ui->previewBrowser->setImageResolver(resolver);
    m_ui->bodyEditor->edit()->setSanitizer(sanitizer());
    connect(m_ui->bodyEditor->edit(), &BodyEdit::filesDropped, this, &ItemEditor::importFiles);
    connect(m_ui->bodyEditor->edit(), &BodyEdit::imagePasted, this, [this](const QImage &image) {
        const QString id = m_ui->attachmentPane->importImage(image);
        if (!id.isEmpty())
            insertImageAttachment(id);
    });
    connect(m_ui->bodyEditor->edit()->document(), &QTextDocument::contentsChanged, this,
            &ItemEditor::changed);
    connect(m_ui->bodyEditor, &BodyEditor::pictureRequested, this, &ItemEditor::insertPicture);
    connect(m_ui->bodyEditor, &BodyEditor::documentRequested, this, &ItemEditor::chooseDocument);

    // Fields.
    connect(m_ui->titleEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    // The kind and the route decide which columns may take the item (core/Checks::columnAllowed).
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateKindFields();
        populateColumns(m_ui->columnCombo->currentData().toString());
        changed();
    });
    connect(m_ui->municipalCheck, &QCheckBox::toggled, this, [this] {
        updateKindFields();
        populateColumns(m_ui->columnCombo->currentData().toString());
        changed();
    });
    connect(m_ui->showAllColumnsCheck, &QCheckBox::toggled, this,
            [this] { populateColumns(m_ui->columnCombo->currentData().toString()); });
    connect(m_ui->columnCombo, &QComboBox::currentIndexChanged, this, &ItemEditor::changed);
    // Searchable: typing part of a column's name offers the columns that contain it; what was typed
    // but not chosen goes back to the chosen column's name.
    m_ui->columnCombo->setEditable(true);
    m_ui->columnCombo->setInsertPolicy(QComboBox::NoInsert);
    m_ui->columnCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->columnCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->columnCombo->lineEdit()->setPlaceholderText(tr("Type to search the columns"));
    connect(m_ui->columnCombo->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        QComboBox *combo = m_ui->columnCombo;
        if (combo->currentText() != combo->itemText(combo->currentIndex()))
            combo->setEditText(combo->itemText(combo->currentIndex()));
    });
    connect(m_ui->infoDateEdit, &QDateEdit::dateChanged, this, [this] {
        updateDeadline();
        changed();
    });
    connect(m_ui->infoDateTodayButton, &QToolButton::clicked, this,
            [this] { m_ui->infoDateEdit->setDate(m_today.isValid() ? m_today : chinaToday()); });
    connect(m_ui->urgentCheck, &QCheckBox::toggled, this, &ItemEditor::changed);
    connect(m_ui->sourceSiteEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->sourceUrlEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->meetingCombo, &QComboBox::editTextChanged, this, &ItemEditor::changed);
    connect(m_ui->meetingDateEdit, &QDateEdit::dateChanged, this, &ItemEditor::changed);
    connect(m_ui->catalogueEntryEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->documentNumberEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->topicCombo, &QComboBox::currentIndexChanged, this, &ItemEditor::changed);
    connect(m_ui->genreCombo, &QComboBox::currentIndexChanged, this, &ItemEditor::changed);
    connect(m_ui->keywordsEdit, &QLineEdit::textChanged, this, &ItemEditor::changed);
    connect(m_ui->writtenDateEdit, &QDateEdit::dateChanged, this, &ItemEditor::changed);
    connect(m_ui->validityCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateValidityFields();
        changed();
    });
    connect(m_ui->validityDateEdit, &QDateEdit::dateChanged, this, &ItemEditor::changed);
    connect(m_ui->replacedByCombo, &QComboBox::currentIndexChanged, this, &ItemEditor::changed);
    connect(m_ui->otherChannelEdit, &QLineEdit::textChanged, this, [this] {
        updateDeadline();
        changed();
    });
    connect(m_ui->otherChannelDateEdit, &QDateEdit::dateChanged, this, [this] {
        updateDeadline();
        changed();
    });
    connect(m_ui->draftInterpretationButton, &QPushButton::clicked, this,
            [this] { emit draftInterpretationRequested(item()); });
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

ItemEditor::~ItemEditor() = default;

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
    return m_ui->bodyEditor->edit();
}

QString ItemEditor::itemId() const
{
    return m_item.id;
}

// ---- loading and reading the item ----------------------------------------------------------------

bool ItemEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        for (QDateEdit *edit : dateEdits()) {
            if (edit->calendarWidget() == watched && !dateOf(edit).isValid()) {
                const QDate today = m_today.isValid() ? m_today : chinaToday();
                edit->calendarWidget()->setCurrentPage(today.year(), today.month());
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

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
    selectText(m_ui->topicCombo, c.topic);
    selectText(m_ui->genreCombo, c.genre);
    m_ui->keywordsEdit->setText(disclosure::joinKeywords(c.keywords));
    setDate(m_ui->writtenDateEdit, c.writtenDate);
    m_ui->validityCombo->setCurrentIndex(m_ui->validityCombo->findData(toString(c.validity)));
    setDate(m_ui->validityDateEdit, c.validityDate);
    populateItemPicker(m_ui->replacedByCombo, c.replacedByItemId, tr("— none named —"), ItemKind::Disclosure);
    updateValidityFields();
    m_ui->otherChannelEdit->setText(c.otherChannel);
    setDate(m_ui->otherChannelDateEdit, c.otherChannelDate);
    m_ui->majorPolicyCheck->setChecked(c.majorPolicy);
    m_ui->interpretationRow->setVisible(c.majorPolicy);
    m_ui->interpretationSearchEdit->clear();
    populateInterpretations(c.interpretationItemId);

    attachmentModel()->setAttachments(c.attachments);
    m_ui->bodyEditor->edit()->setSanitizer(sanitizer());
    loadDocumentHtml(*m_ui->bodyEditor->edit()->document(), c.bodyHtml);
    m_ui->bodyEditor->edit()->document()->clearUndoRedoStacks();
    m_ui->bodyEditor->edit()->document()->setModified(false);

    updateKindFields();
    updateDeadline();
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
    c.bodyHtml = documentToHtml(*m_ui->bodyEditor->edit()->document(), sanitizer());
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
        c.topic = m_ui->topicCombo->currentData().toString();
        c.genre = m_ui->genreCombo->currentData().toString();
        c.keywords = disclosure::splitKeywords(m_ui->keywordsEdit->text());
        c.writtenDate = dateOf(m_ui->writtenDateEdit);
        c.validity =
            validityFromString(m_ui->validityCombo->currentData().toString()).value_or(Validity::InForce);
        if (c.validity != Validity::InForce)
            c.validityDate = dateOf(m_ui->validityDateEdit);
        if (c.validity == Validity::Repealed)
            c.replacedByItemId = m_ui->replacedByCombo->currentData().toString();
    }
    c.otherChannel = m_ui->otherChannelEdit->text().trimmed();
    c.otherChannelDate = dateOf(m_ui->otherChannelDateEdit);
    c.majorPolicy = m_ui->majorPolicyCheck->isChecked();
    if (c.majorPolicy)
        c.interpretationItemId = m_ui->interpretationCombo->currentData().toString();
    c.attachments = attachmentModel()->attachments();
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
    // The day the deadline counts from: the information date, or the other channel's release (Art. 9).
    RevisionContent dates;
    dates.infoDate = infoDate();
    dates.otherChannel = m_ui->otherChannelEdit->text();
    dates.otherChannelDate = dateOf(m_ui->otherChannelDateEdit);
    const QDate info = dates.deadlineFrom();
    const QDate today = m_today.isValid() ? m_today : chinaToday();
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
        // First the unit's own columns that take this kind of item, by their place in the tree.
        for (const Column *column : m_organization->columnsOfUnit(m_item.unitId)) {
            if (!Checks::columnSuits(currentKind(), column->type) && column->id != selectId)
                continue;
            const Column *parent = m_organization->column(column->parentId);
            combo->addItem(parent ? tr("%1 / %2").arg(parent->name, column->name) : column->name, column->id);
        }
        if (m_ui->showAllColumnsCheck->isChecked()) {
            // Then the whole column tree; a column that does not take this kind is shown, greyed.
            combo->insertSeparator(combo->count());
            auto *model = qobject_cast<QStandardItemModel *>(combo->model());
            std::function<void(const QString &, int)> walk = [&](const QString &parent, int depth) {
                for (const Column *column : m_organization->childColumns(parent)) {
                    combo->addItem(QString(depth * 2, QChar(0x3000)) + column->name, column->id);
                    if (model && !Checks::columnSuits(currentKind(), column->type) && column->id != selectId)
                        model->item(combo->count() - 1)->setEnabled(false);
                    walk(column->id, depth + 1);
                }
            };
            walk(QString(), 0);
        }
    }
    const int index = combo->findData(selectId);
    combo->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0 && !selectId.isEmpty())
        changed(); // the column is no longer offered
}

void ItemEditor::populateInterpretations(const QString &selectId, const QString &search)
{
    populateItemPicker(m_ui->interpretationCombo, selectId, tr("— no interpretation linked —"), std::nullopt,
                       search);
}

void ItemEditor::populateItemPicker(QComboBox *combo, const QString &selectId, const QString &none,
                                    std::optional<ItemKind> kind, const QString &search)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(none, QString());
    QList<ItemSummary> summaries;
    if (m_store && m_store->isOpen()) {
        if (!selectId.isEmpty())
            summaries = m_store->summariesOf({selectId});
        summaries += search.trimmed().isEmpty() ? m_store->summaries(0, 200)
                                                : m_store->summariesOf(m_store->search(search, 100));
    }
    for (const ItemSummary &s : std::as_const(summaries)) {
        if (s.id == m_item.id || combo->findData(s.id) >= 0 || (kind && s.kind != *kind && s.id != selectId))
            continue;
        combo->addItem(tr("%1 (%2)").arg(s.title.isEmpty() ? tr("untitled") : s.title, displayName(s.kind)),
                       s.id);
    }
    if (!selectId.isEmpty() && combo->findData(selectId) < 0)
        combo->addItem(tr("Item %1 (not on this computer)").arg(selectId), selectId);
    const int index = combo->findData(selectId);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void ItemEditor::selectText(QComboBox *combo, const QString &value)
{
    const QSignalBlocker blocker(combo);
    if (!value.isEmpty() && combo->findData(value) < 0)
        combo->addItem(value, value); // kept as it was (the check says it is not of the scheme)
    combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

void ItemEditor::updateValidityFields()
{
    const auto v = validityFromString(m_ui->validityCombo->currentData().toString());
    const bool dated = v && *v != Validity::InForce;
    m_ui->validityDateLabel->setVisible(dated);
    m_ui->validityDateEdit->setVisible(dated);
    const bool repealed = v == Validity::Repealed;
    m_ui->replacedByLabel->setVisible(repealed);
    m_ui->replacedByCombo->setVisible(repealed);
}

QList<QDateEdit *> ItemEditor::dateEdits() const
{
    return {m_ui->infoDateEdit, m_ui->meetingDateEdit, m_ui->writtenDateEdit, m_ui->validityDateEdit,
            m_ui->otherChannelDateEdit};
}

void ItemEditor::linkInterpretation(const QString &itemId)
{
    m_ui->majorPolicyCheck->setChecked(true);
    populateInterpretations(itemId);
    changed();
}

void ItemEditor::focusField(const QString &field)
{
    QWidget *target = nullptr;
    if (field == CheckField::Title)
        target = m_ui->titleEdit;
    else if (field == CheckField::Kind)
        target = m_ui->kindCombo;
    else if (field == CheckField::Body)
        target = m_ui->bodyEditor->edit();
    else if (field == CheckField::Attachments)
        target = m_ui->attachmentPane;
    else if (field == CheckField::Column)
        target = m_ui->columnCombo;
    else if (field == CheckField::InfoDate)
        target = m_ui->infoDateEdit;
    else if (field == CheckField::SourceSite)
        target = m_ui->sourceSiteEdit;
    else if (field == CheckField::SourceUrl)
        target = m_ui->sourceUrlEdit;
    else if (field == CheckField::Topic)
        target = m_ui->topicCombo;
    else if (field == CheckField::Genre)
        target = m_ui->genreCombo;
    else if (field == CheckField::Keywords)
        target = m_ui->keywordsEdit;
    else if (field == CheckField::WrittenDate)
        target = m_ui->writtenDateEdit;
    else if (field == CheckField::ValidityDate)
        target = m_ui->validityDateEdit;
    else if (field == CheckField::ReplacedBy)
        target = m_ui->replacedByCombo;
    else if (field == CheckField::OtherChannel)
        target = m_ui->otherChannelEdit;
    else if (field == CheckField::OtherChannelDate)
        target = m_ui->otherChannelDateEdit;
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
    return HtmlSanitizer(HtmlSanitizer::policyForAttachments(attachmentModel()->attachments()));
}

void ItemEditor::refresh()
{
    m_refreshTimer.stop();
    m_previewHtml = documentToHtml(*m_ui->bodyEditor->edit()->document(), sanitizer());
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
    CheckContext context{current,
                         CheckContext::contentOf(current),
                         m_organization ? *m_organization : noOrganization,
                         *m_routes,
                         m_deadline,
                         m_today,
                         find};
    if (m_blobs) {
        context.attachmentBytes = [this](const Attachment &a) {
            return m_blobs->read(a.sha256, ContentScanner::kMaxTextBytes);
        };
    }
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

// ---- attachments ----------------------------------------------------------------------------------

AttachmentListModel *ItemEditor::attachmentModel() const
{
    return m_ui->attachmentPane->model();
}

void ItemEditor::setMaxUploadBytes(qint64 bytes)
{
    m_ui->attachmentPane->setMaxUploadBytes(bytes);
}

qint64 ItemEditor::maxUploadBytes() const
{
    return m_ui->attachmentPane->maxUploadBytes();
}

void ItemEditor::importFiles(const QStringList &paths)
{
    m_ui->attachmentPane->importFiles(paths);
}

void ItemEditor::chooseDocument()
{
    const QStringList files =
        FileDialog::getOpenFileNames(this, tr("Open a Word document"), {}, tr("Word documents (*.docx)"));
    if (!files.isEmpty())
        importDocument(files.constFirst());
}

bool ItemEditor::importDocument(const QString &path)
{
    QString error;
    const std::optional<DocxDocument> document = DocxReader::readFile(path, &error);
    if (!document) {
        MessageBox::warning(this, tr("Word document not imported"), error);
        return false;
    }
    // Pictures first: each becomes an attachment, and the body names it.
    QString html = document->html;
    for (const DocxDocument::Picture &picture : document->pictures) {
        const QImage image = QImage::fromData(picture.bytes);
        const QString id = image.isNull() ? QString() : m_ui->attachmentPane->importImage(image);
        html.replace(u"\"%1\""_s.arg(picture.name),
                     u"\"%1\""_s.arg(id.isEmpty() ? QString() : HtmlSanitizer::attachmentImageSource(id)));
    }
    const QString clean = sanitizer().sanitize(html);
    if (m_ui->titleEdit->text().trimmed().isEmpty() && !document->title.isEmpty())
        m_ui->titleEdit->setText(document->title.left(limits::kTitleChars));
    if (!clean.isEmpty()) {
        QTextCursor cursor = m_ui->bodyEditor->edit()->textCursor();
        cursor.insertHtml(clean);
    }
    if (MessageBox::question(this, tr("Keep the document?"),
                             tr("Also attach \"%1\" itself, so that reviewers can open the original?")
                                 .arg(QFileInfo(path).fileName())) == QMessageBox::Yes)
        importFiles({path});
    changed();
    return true;
}

bool ItemEditor::isImporting() const
{
    return m_ui->attachmentPane->isImporting();
}

void ItemEditor::cancelImport()
{
    m_ui->attachmentPane->cancelImport();
}

QString ItemEditor::openAttachment(int row)
{
    return m_ui->attachmentPane->openAttachment(row);
}

void ItemEditor::insertPicture()
{
    const AttachmentListModel *attachments = attachmentModel();
    const Attachment *selected = attachments->attachmentAt(m_ui->attachmentPane->currentRow());
    if (selected && selected->mimeType.startsWith("image/"_L1)) {
        insertImageAttachment(selected->id);
        return;
    }
    for (const Attachment &a : attachments->attachments()) {
        if (a.mimeType.startsWith("image/"_L1)) {
            MessageBox::information(this, tr("Insert a picture"),
                                    tr("Select the picture in the attachment list, then choose Picture "
                                       "again."));
            m_ui->attachmentPane->setFocus();
            return;
        }
    }
    MessageBox::information(this, tr("Insert a picture"),
                            tr("Attach the picture first (Add files… or drop it here); then select it "
                               "and choose Picture."));
}

bool ItemEditor::insertImageAttachment(const QString &attachmentId, const QString &altText)
{
    const Attachment *a = attachmentModel()->attachmentAt(attachmentModel()->rowOf(attachmentId));
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
    m_ui->bodyEditor->edit()->setSanitizer(sanitizer());
    QTextImageFormat image;
    image.setName(HtmlSanitizer::attachmentImageSource(a->id));
    image.setProperty(QTextFormat::ImageAltText, alt);
    image.setProperty(QTextFormat::ImageTitle, alt);
    const QImage loaded = m_ui->attachmentPane->attachmentImage(a->id);
    if (!loaded.isNull())
        image.setWidth(loaded.width());
    m_ui->bodyEditor->edit()->textCursor().insertImage(image);
    return true;
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
