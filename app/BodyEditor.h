#pragma once

// The item editor's body (docs/design.md §11, §13): a rich text editor with its formatting toolbar
// (paragraph style, bold, italic, lists, tables, links, pictures, undo), and the preview browser that
// shows the sanitized body as the site will. Only the body's editing lives here: the item's fields,
// attachments and checks are ItemEditor's and AttachmentPane's.

#include "HtmlSanitizer.h"

#include <QTextBrowser>
#include <QTextEdit>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QMimeData;
class QToolBar;

class QTextCursor;

namespace Ui {
class BodyEditor;
}

class QActionGroup;

namespace baosong {

// The body: a QTextEdit whose paste and drop go through documentToHtml and HtmlSanitizer, so what
// Word or WPS put on the clipboard arrives as plain structure; files dropped or pasted are handed on
// (filesDropped), a pasted picture too (imagePasted). Attachment images are named
// "baosong-attachment:<id>" and loaded through the image resolver.
class BodyEdit : public QTextEdit
{
    Q_OBJECT

public:
    explicit BodyEdit(QWidget *parent = nullptr);

    // Loads the image of an attachment id for the document (null image: none).
    void setImageResolver(std::function<QImage(const QString &attachmentId)> resolver);
    // The policy pastes are cleaned with (the item's attachments).
    void setSanitizer(const HtmlSanitizer &sanitizer) { m_sanitizer = sanitizer; }

    // HTML from the clipboard as the body takes it: sanitized, loaded into a document, and written out
    // again by documentToHtml (DocumentHtml.h) — plain structure, nothing else.
    static QString cleanHtml(const QString &html, const HtmlSanitizer &sanitizer);
    // The local files among the mime data's URLs.
    static QStringList localFiles(const QMimeData *source);

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    std::function<QImage(const QString &)> m_resolver;
    HtmlSanitizer m_sanitizer;
};

// The preview: shows HTML as given, with attachment images loaded from the BlobStore.
class PreviewBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PreviewBrowser(QWidget *parent = nullptr);
    void setImageResolver(std::function<QImage(const QString &attachmentId)> resolver);
    QVariant loadResource(int type, const QUrl &name) override;

private:
    std::function<QImage(const QString &)> m_resolver;
};

// The body editor: BodyEdit under its toolbar.
class BodyEditor : public QWidget
{
    Q_OBJECT

public:
    explicit BodyEditor(QWidget *parent = nullptr);
    ~BodyEditor() override;

    BodyEdit *edit() const;

signals:
    // The toolbar's Picture: the owner picks the attachment (it knows them) and inserts it.
    void pictureRequested();
    // The toolbar's "Word document…": the editor asks for one and imports it.
    void documentRequested();

private:
    void setUpToolbar();
    void applyHeading(int level);
    void toggleList(int style);
    void insertTable();
    void insertLink();

public:
    // The picture at the cursor (just before or after it) gets `caption` as its description, shown as
    // a visible caption under it on the site (an empty one takes the caption off); the picture is put
    // in a paragraph of its own. False when there is no picture at the cursor.
    bool setImageCaption(const QString &caption);

private:
    void editImageCaption();
    // The position of the picture just after or before the cursor.
    static std::optional<int> imageAt(const QTextCursor &cursor);

    std::unique_ptr<Ui::BodyEditor> m_ui;
    QToolBar *m_toolbar = nullptr;
    QComboBox *m_headingCombo = nullptr;
    QAction *m_boldAction = nullptr;
    QAction *m_italicAction = nullptr;
    QAction *m_underlineAction = nullptr;
    QActionGroup *m_alignGroup = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_rowAction = nullptr;
    QAction *m_columnAction = nullptr;
    QAction *m_captionAction = nullptr;
};

} // namespace baosong
