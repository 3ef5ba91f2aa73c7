#pragma once

// The content detectors (docs/design.md §4, issue #17 point 1): what in an item's text or attachments
// must not be published, or should be looked at first. Each finding says what was found (the detector
// and the text as written), where (the part of the item, and an offset and length in the text checked,
// or in the attachment's name) and why (a translated message), with its severity; for a misused word the
// correction. Pure rules over text: no I/O beyond the zip package of an attachment given as bytes.
//
// Detectors (ContentDetector):
//   classification_marking  密级标志, matched with white space and line breaks between the characters
//                           left out and full-width forms folded. Blocking: a level (绝密, 机密, 秘密,
//                           内部) with ★/☆/* and an optional term (绝密★一年, 秘密★10年, 机密★长期);
//                           绝密 and 机密 anywhere (not 手机密码, 随机密码, 危机密切, 有机密封, 机密集);
//                           内部资料 and 内部资料 注意保存; 秘密, 内部 or 涉密 standing alone on a line (a
//                           header). Warning: 秘密 and 涉密 in running text (国家秘密, 涉密人员: text about
//                           confidentiality is published too). 内部 in running text (内部控制) is not
//                           reported.
//   resident_id             18-character resident ID numbers (GB 11643-1999): a region code starting
//                           1–8, a real date of birth from 1900 and a valid check digit (ISO 7064
//                           MOD 11-2). Blocking. 15-digit numbers of the first generation are not looked
//                           for (their ends carry no check).
//   mobile_number           11-digit mainland mobile numbers 13x–19x, with +86/0086/86 and groups apart
//                           by a space or a hyphen (138 0013 8000). Warning: a contact line is published
//                           on purpose; a private person's number is not — the reviewer decides.
//   bank_card               16–19 digits starting 3–6 (contiguous, or in groups of four apart by one
//                           space or hyphen) with a valid Luhn check digit, not a resident ID. Blocking.
//   coordinates             precise positions. Blocking (surveying results are often classified):
//                           decimal degrees with ≥ 5 decimals (about 1 m) and at most 180, in a pair or
//                           marked as a coordinate (°, N/S/E/W, 经度/纬度/东经/北纬/lat/lon/坐标 just
//                           before); degrees-minutes-seconds with fractional seconds (116°23'29.5"E,
//                           东经116度23分29.5秒); projected metres: two labelled numbers of 6–8 integer
//                           digits (X/N/北坐标/纵坐标 and Y/E/东坐标/横坐标, each with = or :) within 40
//                           characters of each other (X=4435123.456 Y=500123.789). A lone labelled
//                           number, or an unlabelled pair of large numbers (amounts), is not reported.
//   sensitive_word          an entry of the sensitive list: blocking or warning per entry (default
//                           blocking).
//   misused_word            an entry of the misused list (错别字: wrong → right): a warning with the
//                           correction — the text is still publishable, only worse.
//   unchecked_attachment    an attachment whose content cannot be read (a type other than txt, csv,
//                           htm(l), docx, xlsx; or a damaged or too large file): information, so that the
//                           reviewer checks it by eye.
// Blocking findings are overridable with a recorded reason (docs/design.md §4, core/Checks).
//
// Normalization. Before matching, full-width ASCII (U+FF01–U+FF5E) is folded to ASCII, the ideographic
// space to a space and the curly quotes and primes used in coordinates to ' and " (fold(): one code
// unit for one, so offsets stay). Numbers are matched on that text. Markings and words are matched on
// the folded text with every white space character left out and ASCII letters in lower case (compact()),
// and their matches are mapped back to the text given: offset and length always refer to the text that
// was passed in (for HTML, HtmlText::plainText of it; for an attachment, its extracted text), in UTF-16
// code units, as a QTextCursor position counts them.
//
// One ContentScanner is built from the word lists once (the automaton, WordAutomaton) and then is
// immutable: its scan functions are const and may run on several threads at once.

#include "Checks.h"
#include "Domain.h"
#include "WordAutomaton.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>

namespace baosong {

namespace ContentDetector {
inline constexpr QLatin1StringView ClassificationMarking{"classification_marking"};
inline constexpr QLatin1StringView ResidentId{"resident_id"};
inline constexpr QLatin1StringView MobileNumber{"mobile_number"};
inline constexpr QLatin1StringView BankCard{"bank_card"};
inline constexpr QLatin1StringView Coordinates{"coordinates"};
inline constexpr QLatin1StringView SensitiveWord{"sensitive_word"};
inline constexpr QLatin1StringView MisusedWord{"misused_word"};
inline constexpr QLatin1StringView UncheckedAttachment{"unchecked_attachment"};
} // namespace ContentDetector

struct ContentFinding
{
    QString detector; // ContentDetector
    Severity severity = Severity::Warning;
    QString field;        // CheckField: Title, Body or Attachments (the caller's for scanText)
    QString attachment;   // the attachment's file name, when field is Attachments
    bool inName = false;  // found in the attachment's name: offset and length are in the name
    qsizetype offset = 0; // in the text checked (see the header comment), UTF-16 code units
    qsizetype length = 0;
    QString text;       // the match as written in the text checked
    QString message;    // translated: why it matters and what to do
    QString suggestion; // misused_word: the right form; else empty

    bool overridable() const { return severity == Severity::Blocking; }
    // Where, for a person: "Body, character 12", "Attachment “a.docx”, character 3", "Name of the
    // attachment “机密.docx”" (characters counted from 1).
    QString where() const;
    // The finding as the checks registry reports it: checker "content", code = detector, the message
    // "<where>: <message>", overridable when blocking.
    Finding toFinding() const;
    bool operator==(const ContentFinding &) const = default;
};

// The two lists the bureau edits (docs/design.md §4), shipped in resources/words and managed on the
// server. Text format, UTF-8, one entry per line; empty lines and lines starting with # are skipped;
// white space around fields is trimmed:
//   sensitive.txt  word[<TAB>blocking|warning[<TAB>note]]   (no severity: blocking)
//   misused.txt    wrong<TAB>right
struct WordLists
{
    Q_DECLARE_TR_FUNCTIONS(WordLists)

public:
    struct Sensitive
    {
        QString word;
        Severity severity = Severity::Blocking;
        QString note; // why it is on the list; may be empty
        bool operator==(const Sensitive &) const = default;
    };
    struct Misused
    {
        QString wrong;
        QString right;
        bool operator==(const Misused &) const = default;
    };
    QList<Sensitive> sensitive;
    QList<Misused> misused;

    // Reads the two texts. A line that cannot be read is left out and described in *errors
    // (translated, "sensitive.txt line 3: …"); a word repeated in its list is kept once (the first).
    static WordLists parse(QStringView sensitiveText, QStringView misusedText, QStringList *errors = nullptr);
    // The lists shipped in resources (":/baosong/words/sensitive.txt", ":/baosong/words/misused.txt").
    static WordLists builtin();
    static QString builtinSensitiveText();
    static QString builtinMisusedText();
    // The lists written back in the text format (comments are not kept).
    QString sensitiveText() const;
    QString misusedText() const;
    bool operator==(const WordLists &) const = default;
};

// The detector settings the bureau manages with the lists (issue #17 point 7): which detectors are on.
// A detector that is off reports nothing (its findings are not made). Every detector is on by default;
// unchecked_attachment cannot be turned off (the reviewer must know what nobody read). JSON form:
//   {"detectors": {"classification_marking": true, "mobile_number": false, …}}
// (a detector left out is on).
struct ContentSettings
{
    Q_DECLARE_TR_FUNCTIONS(ContentSettings)

public:
    QSet<QString> disabled; // ContentDetector names

    bool enabled(QStringView detector) const { return !disabled.contains(detector.toString()); }
    void setEnabled(const QString &detector, bool on);
    // The detectors that may be turned off, in the order of the header comment.
    static QStringList configurable();
    // A detector's name for a person ("Mobile numbers"), translated.
    static QString displayName(const QString &detector);
    QJsonObject toJson() const;
    // nullopt with a translated *error for an unknown detector or a value that is not true/false.
    static std::optional<ContentSettings> fromJson(const QJsonObject &o, QString *error = nullptr);
    bool operator==(const ContentSettings &) const = default;
};

// What the server keeps and clients copy (docs/api.md "Word lists"): the two lists in their text form
// (WordLists::parse), the detector settings and the version (1 for the shipped lists, one more at every
// change). JSON: {"version": 3, "sensitive": "…", "misused": "…", "settings": {…}}.
struct ContentRules
{
    qint64 version = 0;
    QString sensitiveText;
    QString misusedText;
    ContentSettings settings;

    // The shipped lists (WordLists::builtinSensitiveText…), every detector on, version 1.
    static ContentRules builtin();
    WordLists lists(QStringList *errors = nullptr) const
    {
        return WordLists::parse(sensitiveText, misusedText, errors);
    }
    // The one place the checks of these rules are made: Checks::builtin() with a content checker of
    // these lists and settings (the automaton built once here; keep the result, do not make it per check).
    Checks checks() const;
    QJsonObject toJson() const;
    // nullopt with a translated *error when a member is missing or of the wrong type.
    static std::optional<ContentRules> fromJson(const QJsonObject &o, QString *error = nullptr);
    bool operator==(const ContentRules &) const = default;
};

// An attachment's check: its findings (name and content), and whether its content could be read.
struct AttachmentScan
{
    bool checked = false; // the content was read and checked (the name is always checked)
    QList<ContentFinding> findings;
};

class ContentScanner
{
    Q_DECLARE_TR_FUNCTIONS(ContentScanner)

public:
    // The id under which content findings join the checks (Finding::checkerId): "content".
    static QString checkerId();
    // The scanner of the built-in word lists, built on first use (thread-safe) and kept.
    static const ContentScanner &builtin();
    // The limit on a text attachment, and on the parts of a zip package (docx, xlsx) unzipped together.
    static constexpr qint64 kMaxTextBytes = 64 * 1024 * 1024;

    // Builds the automaton from the lists (once; it is not changed later). Detectors that `settings`
    // turns off report nothing.
    explicit ContentScanner(const WordLists &lists = WordLists::builtin(),
                            const ContentSettings &settings = {});

    const WordLists &lists() const { return m_lists; }
    const ContentSettings &settings() const { return m_settings; }
    const WordAutomaton &automaton() const { return m_automaton; }

    // The findings in a plain text, in the order of their offsets (then the longest first). `field` is
    // what the findings name as where they were found (CheckField).
    QList<ContentFinding> scanText(QStringView text, const QString &field = QString(CheckField::Body)) const;
    // The same for HTML: offsets in HtmlText::plainText(html).
    QList<ContentFinding> scanHtml(QStringView html, const QString &field = QString(CheckField::Body)) const;
    // The title, the body and the names of the attachments of a revision (their content is in the blob
    // store: the caller checks it with scanAttachment).
    QList<ContentFinding> scanRevision(const RevisionContent &content) const;

    // An attachment: its name, and its content where the type can be read (attachmentText). Otherwise
    // checked is false and an unchecked_attachment finding (information) says why.
    AttachmentScan scanAttachment(const QString &fileName, const QByteArray &bytes) const;
    // An attachment whose content is not checked: its name, and an unchecked_attachment finding
    // (information) giving `whyNot` (translated, as attachmentText() gives it).
    AttachmentScan uncheckedAttachment(const QString &fileName, const QString &whyNot) const;
    // An attachment whose text the caller extracted: its name and that text.
    AttachmentScan scanAttachmentText(const QString &fileName, QStringView text) const;
    QList<ContentFinding> scanAttachmentName(const QString &fileName) const;

    // Whether the content of a file of this name can be read (txt, csv, htm, html, docx, xlsx).
    static bool canRead(const QString &fileName);
    // The text of an attachment: a text file decoded (a BOM, else UTF-8, else GB18030), HTML through
    // HtmlText::plainText, a .docx's paragraphs (headers and footers first, then the body, the footnotes,
    // endnotes and comments, one line per paragraph; tracked deletions included: they are in the file),
    // an .xlsx's cell values, sheet by sheet (shared strings in their place, a tab after each cell, a
    // line per row). nullopt with a translated reason in *whyNot when it cannot be read.
    static std::optional<QString> attachmentText(const QString &fileName, const QByteArray &bytes,
                                                 QString *whyNot = nullptr);

    // The normalizations (see the header comment).
    static QString fold(QStringView text);
    struct Compact
    {
        QString text;
        QList<qsizetype> origin; // origin[i]: the index in the source of text[i]
    };
    static Compact compact(QStringView text);

    // The checks behind the number detectors, for tests and callers.
    static bool validResidentId(QStringView eighteen); // 17 digits and a check character (X or x)
    static bool luhnValid(QStringView digits);

private:
    enum WordList
    {
        SensitiveList = 0,
        MisusedList = 1,
    };
    void scanInto(QStringView text, const QString &field, const QString &attachment, bool inName,
                  QList<ContentFinding> &out) const;

    // A misused entry's right form as matched (compact), and where its wrong form is inside it.
    struct RightForm
    {
        QString text;
        QList<qsizetype> wrongAt;
    };

    WordLists m_lists;
    ContentSettings m_settings;
    WordAutomaton m_automaton;
    QList<RightForm> m_rightForms; // by misused entry
};

// The detectors as a checker of the registry (Checks::builtin(), id "content"): the latest revision's
// title, body (its plain text) and attachment names, and the content of each attachment that can be
// read (canRead, at most kMaxTextBytes) and that CheckContext::attachmentBytes gives. An attachment not
// given (no attachmentBytes, or the file is not there) is reported unchecked (information), as is one of
// a type that cannot be read. A retraction is not checked: nothing of it is published.
// At most kMaxPerDetector findings of one detector are reported per part (the title, the body, an
// attachment); the last one says how many more there are.
// Attachments' scans are remembered by content (SHA-256) and name, up to kCachedAttachments, so that the
// editor's repeated checks and the server's checks at every stage read and unpack a file once. The
// checker is thread-safe.
class ContentChecker final : public Checker
{
    Q_DECLARE_TR_FUNCTIONS(ContentChecker)

public:
    static constexpr int kMaxPerDetector = 20;
    static constexpr int kCachedAttachments = 256;

    // `scanner` must outlive the checker.
    explicit ContentChecker(const ContentScanner &scanner = ContentScanner::builtin());
    // A checker that keeps its own scanner (ContentRules::checks()).
    explicit ContentChecker(std::shared_ptr<const ContentScanner> scanner);

    QString id() const override { return ContentScanner::checkerId(); }
    QList<Finding> check(const CheckContext &context) const override;

    // Content findings as the registry reports them: capped as above, each through
    // ContentFinding::toFinding().
    static QList<Finding> toFindings(const QList<ContentFinding> &found);

private:
    AttachmentScan scanAttachment(const CheckContext &context, const Attachment &attachment) const;

    std::shared_ptr<const ContentScanner> m_owned; // set when the checker keeps its scanner
    const ContentScanner &m_scanner;
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, AttachmentScan> m_cache; // sha256 + file name → scan
};

} // namespace baosong
