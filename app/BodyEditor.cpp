#include "BodyEditor.h"
#include "ui_BodyEditor.h"

#include "DocumentHtml.h"
#include "MessageBox.h"

#include <QActionGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QInputDialog>
#include <QMimeData>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QToolBar>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
// Tables drawn as the site draws them (resources/site/site.css: a 1 px line round every cell), also
// when the HTML came from a paste, a Word document or the server, which carry no border attributes.
const QString kTableStyle = u"table { border-collapse: collapse; } "
                            u"th, td { border: 1px solid #9aa5b1; padding: 3px 6px; }"_s;
} // namespace

// ---- BodyEdit -----------------------------------------------------------------------------------

BodyEdit::BodyEdit(QWidget *parent)
    : QTextEdit(parent)
{
    setAcceptRichText(true);
    document()->setDefaultStyleSheet(kTableStyle);
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
    document()->setDefaultStyleSheet(kTableStyle);
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

// ---- BodyEditor -----------------------------------------------------------------------------------

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BodyEditor>())
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->bodyEdit);
    setUpToolbar();
}

BodyEditor::~BodyEditor() = default;

BodyEdit *BodyEditor::edit() const
{
    return m_ui->bodyEdit;
}

void BodyEditor::setUpToolbar()
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
    m_underlineAction = action(u"underlineAction"_s, tr("Underline"), QKeySequence::Underline);
    m_underlineAction->setCheckable(true);
    connect(m_underlineAction, &QAction::triggered, this, [body](bool on) { body->setFontUnderline(on); });
    // Alignment: a title or a signature centred or set right (the site shows it the same).
    m_alignGroup = new QActionGroup(this);
    const auto alignAction = [&](const QString &name, const QString &text, Qt::Alignment alignment) {
        QAction *a = action(name, text);
        a->setCheckable(true);
        a->setData(int(alignment));
        m_alignGroup->addAction(a);
        connect(a, &QAction::triggered, this, [body, alignment] { body->setAlignment(alignment); });
        return a;
    };
    m_toolbar->addSeparator();
    alignAction(u"alignLeftAction"_s, tr("Left"), Qt::AlignLeft)->setChecked(true);
    alignAction(u"alignCenterAction"_s, tr("Centre"), Qt::AlignHCenter);
    alignAction(u"alignRightAction"_s, tr("Right"), Qt::AlignRight);
    m_toolbar->addSeparator();
    connect(action(u"bulletListAction"_s, tr("Bulleted list")), &QAction::triggered, this,
            [this] { toggleList(QTextListFormat::ListDisc); });
    connect(action(u"numberedListAction"_s, tr("Numbered list")), &QAction::triggered, this,
            [this] { toggleList(QTextListFormat::ListDecimal); });
    connect(action(u"tableAction"_s, tr("Table")), &QAction::triggered, this, &BodyEditor::insertTable);
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
            this, &BodyEditor::insertLink);
    connect(action(u"imageAction"_s, tr("Picture")), &QAction::triggered, this,
            &BodyEditor::pictureRequested);
    m_captionAction = action(u"captionAction"_s, tr("Caption…"));
    m_captionAction->setToolTip(
        tr("Show the picture's description as a caption under it (put the cursor next to "
           "the picture)"));
    connect(m_captionAction, &QAction::triggered, this, &BodyEditor::editImageCaption);
    QAction *document = action(u"documentAction"_s, tr("Word document…"));
    document->setToolTip(tr("Insert the text, tables and pictures of a Word or WPS document (.docx)"));
    connect(document, &QAction::triggered, this, &BodyEditor::documentRequested);
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
        m_underlineAction->setChecked(c.charFormat().fontUnderline() && !c.charFormat().isAnchor());
        const Qt::Alignment align = c.blockFormat().alignment();
        const bool centre = align & Qt::AlignHCenter;
        const bool right = !centre && (align & Qt::AlignRight);
        for (QAction *a : m_alignGroup->actions()) {
            const Qt::Alignment mine(a->data().toInt());
            a->setChecked(mine & Qt::AlignHCenter ? centre
                          : mine & Qt::AlignRight ? right
                                                  : !centre && !right);
        }
        const int level = c.blockFormat().headingLevel();
        const int index = m_headingCombo->findData(level);
        m_headingCombo->setCurrentIndex(index >= 0 ? index : (level > 0 ? 1 : 0));
        const bool inTable = c.currentTable() != nullptr;
        m_rowAction->setEnabled(inTable);
        m_columnAction->setEnabled(inTable);
        m_captionAction->setEnabled(imageAt(c).has_value());
    };
    connect(body, &QTextEdit::cursorPositionChanged, this, syncState);
    connect(body, &QTextEdit::currentCharFormatChanged, this, syncState);
    syncState();
}

std::optional<int> BodyEditor::imageAt(const QTextCursor &cursor)
{
    // The character after the cursor, then the one before it.
    for (const int position : {cursor.position(), cursor.position() - 1}) {
        if (position < 0)
            continue;
        QTextCursor c(cursor.document());
        c.setPosition(position);
        c.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        if (c.charFormat().isImageFormat() && c.selectedText() == QString(QChar::ObjectReplacementCharacter))
            return position;
    }
    return std::nullopt;
}

bool BodyEditor::setImageCaption(const QString &caption)
{
    BodyEdit *body = m_ui->bodyEdit;
    const std::optional<int> at = imageAt(body->textCursor());
    if (!at)
        return false;
    QTextCursor c(body->document());
    c.beginEditBlock();
    c.setPosition(*at);
    // A paragraph of its own: the figure stands between the text.
    if (c.block().position() != c.position()) {
        c.insertBlock();
    }
    const int imagePosition = c.position();
    c.movePosition(QTextCursor::NextCharacter);
    if (c.position() < c.block().position() + c.block().length() - 1)
        c.insertBlock();
    c.setPosition(imagePosition);
    c.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    QTextImageFormat image = c.charFormat().toImageFormat();
    const QString text = caption.simplified();
    image.setProperty(QTextFormat::ImageAltText, text);
    image.setProperty(kImageCaption, !text.isEmpty());
    c.setCharFormat(image);
    c.endEditBlock();
    return true;
}

void BodyEditor::editImageCaption()
{
    BodyEdit *body = m_ui->bodyEdit;
    const std::optional<int> at = imageAt(body->textCursor());
    if (!at)
        return;
    QTextCursor c(body->document());
    c.setPosition(*at);
    c.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    const QTextImageFormat image = c.charFormat().toImageFormat();
    bool ok = false;
    const QString caption = QInputDialog::getText(
        this, tr("Caption"),
        tr("The caption shown under the picture (it is also the picture's description for screen readers); "
           "leave it empty for no caption:"),
        QLineEdit::Normal, image.stringProperty(QTextFormat::ImageAltText), &ok);
    if (ok)
        setImageCaption(caption);
}

void BodyEditor::applyHeading(int level)
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

void BodyEditor::toggleList(int style)
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

void BodyEditor::insertTable()
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

void BodyEditor::insertLink()
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

} // namespace baosong
