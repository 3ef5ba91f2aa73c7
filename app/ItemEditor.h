#pragma once

// The item editor (docs/design.md §2, §3, §11): the fields of a draft's revision, a rich text body, its
// attachments, a preview exactly as the site shows the body, and the checks before submission.
// Thin: the rules are core's — routes (RouteEngine), deadlines (Deadline), clean HTML (DocumentHtml,
// HtmlSanitizer), checks (Checks), blobs (BlobStore).
//
// Fields: title; kind, with the route it takes in words; the municipal-portal flag (Art. 14); column
// (the unit's own, or all with "Show all columns"); the information date with its target and limit
// dates shown live and coloured when due soon or overdue; urgent; source site and address (reposts
// only); meeting and its date (collective decisions only); catalogue entry and document number
// (disclosure only); major policy and its interpretation item, picked from the local store.
//
// Body: BodyEditor (BodyEditor.h), its toolbar and its cleaned paste and drop; files dropped or pasted
// on it become attachments, a pasted picture an image attachment shown where it was pasted.
//
// Attachments: AttachmentPane (AttachmentPane.h), with "Add files…" or files dropped on the list, the
// body or anywhere on the editor.
//
// item() is the loaded item with the edited content in its latest revision while that revision is an
// undecided, unpublished draft; otherwise (a returned item) a new revision n+1 by the item's author.

#include "AttachmentListModel.h"
#include "BodyEditor.h"
#include "Checks.h"
#include "Deadline.h"
#include "Domain.h"
#include "HtmlSanitizer.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;

namespace Ui {
class ItemEditor;
}

namespace baosong {

class BlobStore;
class ChecksPanel;
class LocalStore;
class Organization;
class RouteEngine;

class ItemEditor : public QWidget
{
    Q_OBJECT

public:
    // `organization` and `blobs` must outlive the editor.
    ItemEditor(const Organization *organization, BlobStore *blobs, QWidget *parent = nullptr);
    ~ItemEditor() override;

    // Optional: the local store the interpretation picker searches and the checks look items up in.
    void setLocalStore(LocalStore *store);
    void setRouteEngine(const RouteEngine *routes); // default: RouteEngine::builtin()
    void setDeadline(const Deadline &deadline);     // default: calendar days, 5 and 15
    void setToday(QDate today);                     // default: the current date
    void setChecks(const Checks &checks);           // default: Checks::builtin()
    // The server's upload limit (blobs/max_upload_bytes); 0: none.
    void setMaxUploadBytes(qint64 bytes);
    qint64 maxUploadBytes() const;

    // Loads an item (a new draft: no revisions yet; an item without an id gets a new UUID).
    void setItem(const Item &item);
    Item item() const;
    QString itemId() const;
    RevisionContent content() const;

    AttachmentListModel *attachmentModel() const;
    ChecksPanel *checksPanel() const;
    BodyEdit *bodyEdit() const;
    // The route shown for the current kind, in words.
    QString routeText() const;
    // The body as the preview shows it and the site publishes it (sanitized HTML).
    QString previewHtml() const { return m_previewHtml; }

    // Runs the checks now and shows the findings.
    QList<Finding> runChecks();
    // The submission, once the checks pass or their blocking findings are overridden with a reason
    // (asked for here). Empty when the item may not be submitted (the user is told why).
    std::optional<SubmitRequest> prepareSubmit();

    // Imports files as attachments (see the header comment); refused files are reported at once.
    void importFiles(const QStringList &paths);
    // A Word document (.docx, or WPS saved as .docx; client/DocxReader) into the body at the cursor:
    // its pictures become attachments, an empty title takes the document's first heading, and the
    // user is asked whether to keep the document itself as an attachment. False (and the user told
    // why, nothing changed) when it can't be read.
    bool importDocument(const QString &path);
    // Asks for a Word document, then importDocument().
    void chooseDocument();
    bool isImporting() const;
    void cancelImport();
    // Shows the attachment image `attachmentId` in the body at the cursor, with `altText` (asked for
    // when empty: every image needs a text alternative, docs/design.md §13). False if it isn't an image.
    bool insertImageAttachment(const QString &attachmentId, const QString &altText = {});
    // Copies the attachment to a temporary folder under its safe name and opens it with the system's
    // viewer. The copy's path, or empty when the attachment's content is not on this computer.
    QString openAttachment(int row);
    // Puts the cursor in the input of a CheckField.
    void focusField(const QString &field);
    // Marks the item a major policy document whose interpretation is `itemId` (Art. 10).
    void linkInterpretation(const QString &itemId);

signals:
    // The user changed the item (not emitted while setItem() loads one).
    void edited();
    void itemLoaded(const QString &itemId);
    // The user asked to submit and the checks allow it: the owner queues the submit action.
    void submitRequested(const baosong::Item &item, const baosong::SubmitRequest &request);
    // A batch of imports ended (imported, failed or cancelled).
    void importFinished();
    // "Draft the interpretation…" (Art. 10): the owner creates the interpretation's draft for `policy`.
    void draftInterpretationRequested(const baosong::Item &policy);

protected:
    // A date's calendar opens at today's month when the date is not set (not at the year 2000).
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void changed();
    void refresh();
    void updateKindFields();
    void updateDeadline();
    void populateColumns(const QString &selectId);
    void populateInterpretations(const QString &selectId, const QString &search = {});
    // A picker of items of the local store: `none` first, then the items (of `kind` when given).
    void populateItemPicker(QComboBox *combo, const QString &selectId, const QString &none,
                            std::optional<ItemKind> kind, const QString &search = {});
    static void selectText(QComboBox *combo, const QString &value);
    void updateValidityFields();
    QList<QDateEdit *> dateEdits() const;
    void submit();
    // The toolbar's Picture: the selected picture attachment into the body, or says how to get one.
    void insertPicture();
    HtmlSanitizer sanitizer() const;
    ItemKind currentKind() const;
    QDate infoDate() const;
    void setDate(QDateEdit *edit, QDate date);
    static QDate dateOf(const QDateEdit *edit);

    std::unique_ptr<Ui::ItemEditor> m_ui;
    const Organization *m_organization;
    BlobStore *m_blobs;
    LocalStore *m_store = nullptr;
    const RouteEngine *m_routes;
    Deadline m_deadline;
    QDate m_today;
    Checks m_checks;

    Item m_item;
    QDateTime m_draftCreatedAt;
    int m_loading = 0;
    QString m_previewHtml;
    QTimer m_refreshTimer;
    QTimer m_searchTimer;
};

} // namespace baosong
