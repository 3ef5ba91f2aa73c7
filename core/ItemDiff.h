#pragma once

// What changed between two revisions of an item (docs/design.md §2, §11: "a diff of what changed since the
// last approval"): the fields (title, column, dates, flags, kind-specific fields, attachments added
// and removed) and the body's plain text (HtmlText::plainText) compared character by character —
// Chinese has no spaces, so words are no unit — with Myers' algorithm (dtl, Debian's libdtl-dev).
// Characters are Unicode code points: a character outside the BMP is never split.
//
// Which revision a review compares against (baseRevision): for a change to a published item
// (Proposal::Change) the live revision; otherwise the revision the last Return decision was made on
// (the author's resubmission shows what was revised); otherwise, when a reviewer approved with minor
// edits in this cycle, the revision before those edits. 0 when there is nothing to compare.
//
// toHtml() renders the diff for QTextBrowser and QTextDocument (and any browser): deletions in <del>,
// insertions in <ins>, each with an inline style (Qt's rich text does not style those tags itself).

#include "Domain.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace baosong {

class Organization;

struct TextChange
{
    enum class Op
    {
        Equal,
        Delete,
        Insert,
    };
    Op op = Op::Equal;
    QString text;
    bool operator==(const TextChange &) const = default;
};

struct FieldChange
{
    QString field;  // a CheckField name ("title", "column", "info_date", …)
    QString label;  // translated
    QString before; // as shown to a reader (column names, dates as yyyy-MM-dd, yes/no)
    QString after;
    bool operator==(const FieldChange &) const = default;
};

class ItemDiff
{
    Q_DECLARE_TR_FUNCTIONS(ItemDiff)

public:
    int fromRevision = 0;
    int toRevision = 0;
    // The same as users number them (Item::versionOrdinal: 第N稿).
    int fromVersion = 0;
    int toVersion = 0;
    QList<FieldChange> fields;            // in the order of the editor's fields; attachments are below
    QList<Attachment> attachmentsAdded;   // by content (SHA-256): a file now attached
    QList<Attachment> attachmentsRemoved; // a file no longer attached
    QList<TextChange> body;               // the whole body text: equal, deleted and inserted runs

    bool bodyChanged() const;
    bool isEmpty() const
    {
        return fields.isEmpty() && attachmentsAdded.isEmpty() && attachmentsRemoved.isEmpty() &&
               !bodyChanged();
    }
    const FieldChange *field(const QString &name) const;
    // Characters (code points) inserted and deleted in the body.
    int insertedCharacters() const;
    int deletedCharacters() const;

    // Character-level diff of two texts: runs in order; within a changed stretch the deletion comes
    // before the insertion; adjacent runs of the same kind are merged. Concatenating the Equal and
    // Delete runs gives `before`, the Equal and Insert runs `after`.
    static QList<TextChange> diffText(const QString &before, const QString &after);
    // About how many characters an edit changed (inserted plus deleted), cheap at any length: lines are
    // matched first; a line replaced by another counts what lies between their common start and end.
    // Exact for one change per line, more otherwise (RouteEngine's minor-edit limit).
    static qsizetype changedCharacters(const QString &before, const QString &after);

    // The difference between two contents. `organization` names columns (ids otherwise).
    static ItemDiff compare(const RevisionContent &before, const RevisionContent &after,
                            const Organization *organization = nullptr);
    // Between two revisions of an item; empty when either is missing.
    static std::optional<ItemDiff> compare(const Item &item, int fromRevision, int toRevision,
                                           const Organization *organization = nullptr);

    // The revision a reviewer compares the latest one with (see the header comment); 0 when none.
    static int baseRevision(const Item &item);
    // The diff of the latest revision against baseRevision(); empty when there is none.
    static std::optional<ItemDiff> forReview(const Item &item, const Organization *organization = nullptr);

    // The body's runs as HTML (escaped; line breaks kept as <br>), <del>/<ins> styled.
    static QString textToHtml(const QList<TextChange> &changes);
    // The whole diff as an HTML fragment: a table of changed fields, the attachments added and removed,
    // and the body (only when it changed).
    QString toHtml() const;
};

} // namespace baosong
