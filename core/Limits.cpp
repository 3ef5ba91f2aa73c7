#include "Limits.h"

#include <QStringList>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong::limits {

namespace {

bool isControl(char32_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7F && c <= 0x9F);
}

bool isReservedWindowsName(const QString &name)
{
    // Windows reserves these device names with any extension: "con.txt" is the console too.
    const QString stem = name.section(u'.', 0, 0).trimmed().toUpper();
    static const QStringList kDevices{u"CON"_s, u"PRN"_s, u"AUX"_s, u"NUL"_s, u"CONIN$"_s, u"CONOUT$"_s};
    if (kDevices.contains(stem))
        return true;
    if (stem.size() == 4 && (stem.startsWith(u"COM"_s) || stem.startsWith(u"LPT"_s))) {
        const QChar digit = stem.at(3);
        // Windows also treats the superscript digits ¹ ² ³ as port numbers.
        return (digit >= u'1' && digit <= u'9') || digit == QChar(0xB9) || digit == QChar(0xB2) ||
               digit == QChar(0xB3);
    }
    return false;
}

bool isRemovedCharacter(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) // C0 and C1 controls
        return true;
    switch (c) {
    case 0x061C: // Arabic letter mark
    case 0x200E: // left-to-right mark
    case 0x200F: // right-to-left mark
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
    case 0xFEFF: // byte order mark
        return true;
    default:
        break;
    }
    // Embeddings, overrides and isolates: U+202E turns "txt.exe" into what looks like "exe.txt".
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isReplacedCharacter(char32_t c)
{
    switch (c) {
    case u'/':
    case u'\\':
    case u'<':
    case u'>':
    case u':':
    case u'"':
    case u'|':
    case u'?':
    case u'*':
        return true;
    default:
        return false;
    }
}

// Trims spaces at both ends and dots at the end (Windows drops trailing dots and spaces).
QList<uint> trimmed(QList<uint> s)
{
    auto isSpace = [](uint c) { return QChar::isSpace(char32_t(c)); };
    while (!s.isEmpty() && (isSpace(s.constLast()) || s.constLast() == u'.'))
        s.removeLast();
    qsizetype start = 0;
    while (start < s.size() && isSpace(s.at(start)))
        ++start;
    return s.mid(start);
}

} // namespace

bool isUuid(const QString &s)
{
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

qsizetype characterCount(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!(s.at(i).isLowSurrogate() && i > 0 && s.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

QString textProblem(const QString &field, const QString &value, int maxChars)
{
    const qsizetype count = characterCount(value);
    if (count > maxChars)
        return QCoreApplication::translate("Limits", "%1 is %2 characters long; at most %3 are accepted.")
            .arg(field)
            .arg(count)
            .arg(maxChars);
    // Control characters are all in the BMP: the UTF-16 units are checked as they are, without a copy
    // (a body may be a million characters).
    for (const QChar ch : value) {
        const char32_t c = ch.unicode();
        if (isControl(c))
            return QCoreApplication::translate(
                       "Limits", "%1 contains a control character (U+%2), which is not accepted.")
                .arg(field, QString::number(uint(c), 16).toUpper().rightJustified(4, u'0'));
    }
    return {};
}

QString contentProblem(const RevisionContent &c)
{
    const struct
    {
        const char *field;
        const QString &value;
        int max;
    } texts[] = {
        {QT_TRANSLATE_NOOP("Limits", "The title"), c.title, kTitleChars},
        {QT_TRANSLATE_NOOP("Limits", "The body"), c.bodyHtml, kBodyHtmlChars},
        {QT_TRANSLATE_NOOP("Limits", "The column"), c.columnId, kIdChars},
        {QT_TRANSLATE_NOOP("Limits", "The source site"), c.sourceSite, kShortTextChars},
        {QT_TRANSLATE_NOOP("Limits", "The source address"), c.sourceUrl, kUrlChars},
        {QT_TRANSLATE_NOOP("Limits", "The meeting"), c.meeting, kShortTextChars},
        {QT_TRANSLATE_NOOP("Limits", "The catalogue entry"), c.catalogueEntry, kShortTextChars},
        {QT_TRANSLATE_NOOP("Limits", "The document number"), c.documentNumber, kShortTextChars},
        {QT_TRANSLATE_NOOP("Limits", "The topic"), c.topic, kShortTextChars},
        {QT_TRANSLATE_NOOP("Limits", "The genre"), c.genre, kShortTextChars},
        {QT_TRANSLATE_NOOP("Limits", "The other channel"), c.otherChannel, kShortTextChars},
    };
    for (const auto &t : texts) {
        if (QString problem = textProblem(QCoreApplication::translate("Limits", t.field), t.value, t.max);
            !problem.isEmpty())
            return problem;
    }
    if (!c.interpretationItemId.isEmpty() && !isUuid(c.interpretationItemId))
        return QCoreApplication::translate("Limits",
                                           "The interpretation must be named by its item id (a UUID).");
    if (!c.replacedByItemId.isEmpty() && !isUuid(c.replacedByItemId))
        return QCoreApplication::translate("Limits",
                                           "The replacing document must be named by its item id (a UUID).");
    if (c.keywords.size() > kKeywords)
        return QCoreApplication::translate("Limits", "There are %1 keywords; at most %2 are accepted.")
            .arg(c.keywords.size())
            .arg(kKeywords);
    for (const QString &k : c.keywords) {
        if (QString problem =
                textProblem(QCoreApplication::translate("Limits", "A keyword"), k, kKeywordChars);
            !problem.isEmpty())
            return problem;
    }
    if (c.attachments.size() > kAttachments)
        return QCoreApplication::translate("Limits",
                                           "A revision has %1 attachments; at most %2 are accepted.")
            .arg(c.attachments.size())
            .arg(kAttachments);
    for (const Attachment &a : c.attachments) {
        if (!isUuid(a.id))
            return QCoreApplication::translate("Limits", "Every attachment needs an id (a UUID).");
        if (a.fileName.isEmpty() || safeFileName(a.fileName) != a.fileName)
            return QCoreApplication::translate(
                       "Limits",
                       "The attachment name \"%1\" is not accepted: names may not contain path separators, "
                       "control or direction characters, or be longer than %2 characters. Attach the "
                       "file again.")
                .arg(safeFileName(a.fileName))
                .arg(kFileNameChars);
        if (QString problem = textProblem(QCoreApplication::translate("Limits", "The media type"), a.mimeType,
                                          kMimeTypeChars);
            !problem.isEmpty())
            return problem;
        if (a.size < 0 || a.sha256.size() != 32)
            return QCoreApplication::translate("Limits", "The attachment \"%1\" needs its size and SHA-256.")
                .arg(a.fileName);
    }
    return {};
}

QString safeFileName(const QString &name)
{
    QList<uint> chars;
    for (uint c : name.normalized(QString::NormalizationForm_C).toUcs4()) {
        if (isRemovedCharacter(char32_t(c)))
            continue;
        chars.append(isReplacedCharacter(char32_t(c)) ? uint(u'_') : c);
    }
    chars = trimmed(chars);
    if (std::all_of(chars.cbegin(), chars.cend(), [](uint c) { return c == u'.'; }))
        return u"attachment"_s;

    QString result = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()), chars.size());
    if (isReservedWindowsName(result))
        result.prepend(u'_');

    const QList<uint> all = result.toUcs4();
    if (all.size() <= kFileNameChars)
        return result;
    // Too long: shorten the stem, keep a short extension.
    const qsizetype dot = all.lastIndexOf(uint(u'.'));
    const qsizetype extensionLength = dot > 0 && all.size() - dot <= 16 ? all.size() - dot : 0;
    QList<uint> shortened = trimmed(all.first(kFileNameChars - extensionLength));
    if (shortened.isEmpty())
        shortened = u"attachment"_s.toUcs4();
    shortened.append(all.sliced(all.size() - extensionLength));
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(shortened.constData()), shortened.size());
}

} // namespace baosong::limits
