#include "ContentScan.h"

#include "HtmlText.h"

#include <QCollator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <zip.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

// ---- findings -----------------------------------------------------------------------------------

QString ContentFinding::where() const
{
    const qsizetype position = offset + 1;
    if (field == CheckField::Title)
        return ContentScanner::tr("Title, character %1").arg(position);
    if (field == CheckField::Body)
        return ContentScanner::tr("Body, character %1").arg(position);
    if (field == CheckField::Attachments) {
        if (detector == ContentDetector::UncheckedAttachment)
            return ContentScanner::tr("Attachment “%1”").arg(attachment);
        if (inName)
            return ContentScanner::tr("Name of the attachment “%1”").arg(attachment);
        return ContentScanner::tr("Attachment “%1”, character %2").arg(attachment).arg(position);
    }
    return ContentScanner::tr("Character %1").arg(position);
}

Finding ContentFinding::toFinding() const
{
    return Finding{ContentScanner::checkerId(),
                   detector,
                   severity,
                   ContentScanner::tr("%1: %2").arg(where(), message),
                   field,
                   overridable()};
}

// ---- word lists ---------------------------------------------------------------------------------

namespace {

std::optional<Severity> severityFromKey(QStringView key)
{
    if (key.compare(u"blocking"_s, Qt::CaseInsensitive) == 0)
        return Severity::Blocking;
    if (key.compare(u"warning"_s, Qt::CaseInsensitive) == 0)
        return Severity::Warning;
    return std::nullopt;
}

QString readResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// The entries of a list file: (line number, fields) for every line that is not empty or a comment.
QList<std::pair<int, QStringList>> listLines(QStringView text)
{
    QList<std::pair<int, QStringList>> out;
    int number = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        ++number;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (number == 1 && line.startsWith(QChar(0xFEFF)))
            line = line.mid(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        QStringList fields;
        for (QStringView f : line.tokenize(u'\t'))
            fields << f.trimmed().toString();
        out.append({number, fields});
    }
    return out;
}

} // namespace

WordLists WordLists::parse(QStringView sensitiveText, QStringView misusedText, QStringList *errors)
{
    WordLists lists;
    const QString sensitiveName = u"sensitive.txt"_s;
    const QString misusedName = u"misused.txt"_s;
    auto error = [&](const QString &message) {
        if (errors)
            errors->append(message);
    };
    QSet<QString> seen;
    for (const auto &[line, fields] : listLines(sensitiveText)) {
        Sensitive entry;
        entry.word = fields.value(0);
        if (fields.size() > 1 && !fields.at(1).isEmpty()) {
            const std::optional<Severity> severity = severityFromKey(fields.at(1));
            if (!severity) {
                error(tr("%1 line %2: unknown severity “%3” (blocking or warning).")
                          .arg(sensitiveName)
                          .arg(line)
                          .arg(fields.at(1)));
                continue;
            }
            entry.severity = *severity;
        }
        entry.note = fields.mid(2).join(u' ').trimmed();
        if (entry.word.isEmpty()) {
            error(tr("%1 line %2: the word is missing.").arg(sensitiveName).arg(line));
            continue;
        }
        const QString key = ContentScanner::compact(entry.word).text;
        if (seen.contains(key)) {
            error(
                tr("%1 line %2: “%3” is already on the list.").arg(sensitiveName).arg(line).arg(entry.word));
            continue;
        }
        seen.insert(key);
        lists.sensitive.append(entry);
    }
    seen.clear();
    for (const auto &[line, fields] : listLines(misusedText)) {
        if (fields.size() < 2 || fields.at(0).isEmpty() || fields.at(1).isEmpty()) {
            error(tr("%1 line %2: a misused word needs its correction after a tab (wrong<TAB>right).")
                      .arg(misusedName)
                      .arg(line));
            continue;
        }
        const Misused entry{fields.at(0), fields.at(1)};
        const QString key = ContentScanner::compact(entry.wrong).text;
        if (key == ContentScanner::compact(entry.right).text) {
            error(tr("%1 line %2: the correction is the same as the word.").arg(misusedName).arg(line));
            continue;
        }
        if (seen.contains(key)) {
            error(tr("%1 line %2: “%3” is already on the list.").arg(misusedName).arg(line).arg(entry.wrong));
            continue;
        }
        seen.insert(key);
        lists.misused.append(entry);
    }
    return lists;
}

QString WordLists::builtinSensitiveText()
{
    return readResource(u":/baosong/words/sensitive.txt"_s);
}

QString WordLists::builtinMisusedText()
{
    return readResource(u":/baosong/words/misused.txt"_s);
}

WordLists WordLists::builtin()
{
    return parse(builtinSensitiveText(), builtinMisusedText());
}

QString WordLists::sensitiveText() const
{
    QString out;
    for (const Sensitive &s : sensitive) {
        out += s.word + u'\t' + keys::toString(s.severity);
        if (!s.note.isEmpty())
            out += u'\t' + s.note;
        out += u'\n';
    }
    return out;
}

QString WordLists::misusedText() const
{
    QString out;
    for (const Misused &m : misused)
        out += m.wrong + u'\t' + m.right + u'\n';
    return out;
}

// ---- settings and rules -------------------------------------------------------------------------

void ContentSettings::setEnabled(const QString &detector, bool on)
{
    if (on)
        disabled.remove(detector);
    else
        disabled.insert(detector);
}

QStringList ContentSettings::configurable()
{
    return {QString(ContentDetector::ClassificationMarking),
            QString(ContentDetector::ResidentId),
            QString(ContentDetector::MobileNumber),
            QString(ContentDetector::BankCard),
            QString(ContentDetector::Coordinates),
            QString(ContentDetector::SensitiveWord),
            QString(ContentDetector::MisusedWord)};
}

QString ContentSettings::displayName(const QString &detector)
{
    if (detector == ContentDetector::ClassificationMarking)
        return tr("Classification markings (密级标志)");
    if (detector == ContentDetector::ResidentId)
        return tr("Resident ID numbers");
    if (detector == ContentDetector::MobileNumber)
        return tr("Mobile numbers (a warning)");
    if (detector == ContentDetector::BankCard)
        return tr("Bank card numbers");
    if (detector == ContentDetector::Coordinates)
        return tr("Precise coordinates");
    if (detector == ContentDetector::SensitiveWord)
        return tr("Sensitive words (the list)");
    if (detector == ContentDetector::MisusedWord)
        return tr("Misused words (the list, a warning)");
    return detector;
}

QJsonObject ContentSettings::toJson() const
{
    QJsonObject detectors;
    for (const QString &d : configurable())
        detectors.insert(d, enabled(d));
    return QJsonObject{{"detectors"_L1, detectors}};
}

std::optional<ContentSettings> ContentSettings::fromJson(const QJsonObject &o, QString *error)
{
    ContentSettings settings;
    const QJsonValue detectors = o.value("detectors"_L1);
    if (detectors.isUndefined())
        return settings;
    if (!detectors.isObject()) {
        if (error)
            *error = tr("“detectors” must be an object of detector names and true or false.");
        return std::nullopt;
    }
    const QStringList known = configurable();
    const QJsonObject d = detectors.toObject();
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (!known.contains(it.key()) || !it.value().isBool()) {
            if (error)
                *error =
                    tr("“%1” is not a detector that can be turned on or off (true or false).").arg(it.key());
            return std::nullopt;
        }
        settings.setEnabled(it.key(), it.value().toBool());
    }
    return settings;
}

ContentRules ContentRules::builtin()
{
    return ContentRules{1, WordLists::builtinSensitiveText(), WordLists::builtinMisusedText(), {}};
}

Checks ContentRules::checks() const
{
    Checks checks = Checks::builtin();
    checks.add(
        std::make_shared<const ContentChecker>(std::make_shared<const ContentScanner>(lists(), settings)));
    return checks;
}

QJsonObject ContentRules::toJson() const
{
    return QJsonObject{{"version"_L1, version},
                       {"sensitive"_L1, sensitiveText},
                       {"misused"_L1, misusedText},
                       {"settings"_L1, settings.toJson()}};
}

std::optional<ContentRules> ContentRules::fromJson(const QJsonObject &o, QString *error)
{
    ContentRules rules;
    if (!o.value("version"_L1).isDouble() || !o.value("sensitive"_L1).isString() ||
        !o.value("misused"_L1).isString()) {
        if (error)
            *error = ContentSettings::tr("The word lists need “version”, “sensitive” and “misused”.");
        return std::nullopt;
    }
    rules.version = o.value("version"_L1).toInteger();
    rules.sensitiveText = o.value("sensitive"_L1).toString();
    rules.misusedText = o.value("misused"_L1).toString();
    const std::optional<ContentSettings> settings =
        ContentSettings::fromJson(o.value("settings"_L1).toObject(), error);
    if (!settings)
        return std::nullopt;
    rules.settings = *settings;
    return rules;
}

// ---- normalization ------------------------------------------------------------------------------

QString ContentScanner::fold(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            *o++ = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000)
            *o++ = u' ';
        else if (u == 0x2018 || u == 0x2019 || u == 0x2032)
            *o++ = u'\'';
        else if (u == 0x201C || u == 0x201D || u == 0x2033)
            *o++ = u'"';
        else if (u == 0x00BA) // º, written for °
            *o++ = QChar(0x00B0);
        else
            *o++ = c;
    }
    return out;
}

namespace {

bool isSpaceLike(QChar c)
{
    return c.isSpace() || c.unicode() == 0x200B || c.unicode() == 0xFEFF;
}

bool isLineBreak(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\n' || u == u'\r' || u == 0x2028 || u == 0x2029 || u == 0x000B || u == 0x000C;
}

} // namespace

ContentScanner::Compact ContentScanner::compact(QStringView text)
{
    const QString folded = fold(text);
    Compact c;
    c.text.reserve(folded.size());
    c.origin.reserve(folded.size());
    for (qsizetype i = 0; i < folded.size(); ++i) {
        QChar ch = folded.at(i);
        if (isSpaceLike(ch))
            continue;
        if (ch.unicode() >= u'A' && ch.unicode() <= u'Z')
            ch = QChar(char16_t(ch.unicode() + 32));
        c.text.append(ch);
        c.origin.append(i);
    }
    return c;
}

// ---- number checks ------------------------------------------------------------------------------

bool ContentScanner::validResidentId(QStringView id)
{
    if (id.size() != 18)
        return false;
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char16_t kCheck[11] = {u'1', u'0', u'X', u'9', u'8', u'7', u'6', u'5', u'4', u'3', u'2'};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const char16_t d = id.at(i).unicode();
        if (d < u'0' || d > u'9')
            return false;
        sum += (d - u'0') * kWeights[i];
    }
    // Region: provinces 11–82 (the first digit 1–8); date of birth: a real date from 1900 on.
    if (id.at(0) < u'1' || id.at(0) > u'8')
        return false;
    const QDate birth = QDate::fromString(id.mid(6, 8).toString(), u"yyyyMMdd"_s);
    if (!birth.isValid() || birth.year() < 1900)
        return false;
    return id.at(17).toUpper() == QChar(kCheck[sum % 11]);
}

bool ContentScanner::luhnValid(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const char16_t c = digits.at(i).unicode();
        if (c < u'0' || c > u'9')
            return false;
        int d = c - u'0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

// ---- the scanner --------------------------------------------------------------------------------

QString ContentScanner::checkerId()
{
    return u"content"_s;
}

const ContentScanner &ContentScanner::builtin()
{
    static const ContentScanner scanner;
    return scanner;
}

ContentScanner::ContentScanner(const WordLists &lists, const ContentSettings &settings)
    : m_lists(lists)
    , m_settings(settings)
{
    for (int i = 0; i < m_lists.sensitive.size(); ++i)
        m_automaton.add(compact(m_lists.sensitive.at(i).word).text, SensitiveList, i);
    m_rightForms.reserve(m_lists.misused.size());
    for (int i = 0; i < m_lists.misused.size(); ++i) {
        const QString wrong = compact(m_lists.misused.at(i).wrong).text;
        m_automaton.add(wrong, MisusedList, i);
        RightForm right{compact(m_lists.misused.at(i).right).text, {}};
        for (qsizetype at = right.text.indexOf(wrong); !wrong.isEmpty() && at >= 0;
             at = right.text.indexOf(wrong, at + 1))
            right.wrongAt.append(at);
        m_rightForms.append(right);
    }
    m_automaton.build();
}

namespace {

struct Span
{
    qsizetype begin, end;
    bool overlaps(qsizetype b, qsizetype e) const { return b < end && begin < e; }
};

bool overlapsAny(const QList<Span> &spans, qsizetype b, qsizetype e)
{
    return std::any_of(spans.cbegin(), spans.cend(), [&](const Span &s) { return s.overlaps(b, e); });
}

// The match as a person reads it in a message: white space as one space.
QString shown(QStringView text)
{
    return text.toString().simplified();
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isHemisphere(QChar c)
{
    return QStringView(u"NSEWnsew").contains(c);
}

// Whether only blanks (no line break) lie between the line's start and `begin`, and between `end` and
// the line's end: the match stands alone on its line.
bool aloneOnLine(QStringView text, qsizetype begin, qsizetype end)
{
    for (qsizetype i = begin - 1; i >= 0 && !isLineBreak(text.at(i)); --i) {
        if (!isSpaceLike(text.at(i)))
            return false;
    }
    for (qsizetype i = end; i < text.size() && !isLineBreak(text.at(i)); ++i) {
        if (!isSpaceLike(text.at(i)))
            return false;
    }
    return true;
}

// Whether the number at [begin, end) of the folded text is marked as a coordinate: a degree sign or a
// hemisphere letter just after it, a hemisphere letter just before it, or a word naming a coordinate
// just before it (blanks, colons and equals signs between).
bool markedAsCoordinate(QStringView folded, qsizetype begin, qsizetype end)
{
    qsizetype a = end;
    while (a < folded.size() && folded.at(a) == u' ')
        ++a;
    if (a < folded.size()) {
        const QChar c = folded.at(a);
        if (c == QChar(0x00B0) || c == u'度')
            return true;
        if (isHemisphere(c) && (a + 1 >= folded.size() || !isAsciiLetter(folded.at(a + 1))))
            return true;
    }
    qsizetype b = begin;
    while (b > 0 && QStringView(u" :=").contains(folded.at(b - 1)))
        --b;
    if (b > 0 && isHemisphere(folded.at(b - 1)) && (b < 2 || !isAsciiLetter(folded.at(b - 2))))
        return true;
    const QString before =
        folded.mid(std::max<qsizetype>(0, b - 9), b - std::max<qsizetype>(0, b - 9)).toString().toLower();
    static const QStringList kWords{u"经度"_s, u"纬度"_s,     u"东经"_s,     u"西经"_s, u"北纬"_s,
                                    u"南纬"_s, u"坐标"_s,     u"经纬度"_s,   u"lat"_s,  u"lon"_s,
                                    u"lng"_s,  u"latitude"_s, u"longitude"_s};
    return std::any_of(kWords.cbegin(), kWords.cend(), [&](const QString &w) { return before.endsWith(w); });
}

enum class Axis
{
    North,
    East,
};

} // namespace

void ContentScanner::scanInto(QStringView text, const QString &field, const QString &attachment, bool inName,
                              QList<ContentFinding> &out) const
{
    if (text.isEmpty())
        return;
    auto add = [&](QLatin1StringView detector, Severity severity, qsizetype begin, qsizetype end,
                   const QString &message, const QString &suggestion = {}) {
        if (!m_settings.disabled.isEmpty() && !m_settings.enabled(QString(detector)))
            return; // turned off (ContentSettings)
        ContentFinding f;
        f.detector = QString(detector);
        f.severity = severity;
        f.field = field;
        f.attachment = attachment;
        f.inName = inName;
        f.offset = begin;
        f.length = end - begin;
        f.text = text.mid(begin, end - begin).toString();
        f.message = message;
        f.suggestion = suggestion;
        out.append(std::move(f));
    };

    const Compact c = compact(text);
    auto originalEnd = [&](qsizetype compactEnd) { return c.origin.at(compactEnd - 1) + 1; };

    // Classification markings, on the compact text.
    static const QRegularExpression kMarking(
        u"内部资料(?:[,，、;；:]?注意保存)?"
        "|(绝密|机密|秘密|内部|涉密)(?:([★☆*])((?:\\d+|[一二三四五六七八九十两]+)(?:年|个月|月)|长期)?)?"_s);
    for (auto it = kMarking.globalMatch(c.text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype begin = c.origin.at(m.capturedStart());
        const qsizetype end = originalEnd(m.capturedEnd());
        const QString level = m.captured(1);
        const bool star = m.capturedLength(2) > 0;
        const QString what = shown(text.mid(begin, end - begin));
        const QString blockingMessage =
            tr("“%1” is a classification marking (密级标志): classified information must never be "
               "published. Remove it, or give a reason if it is not a marking.")
                .arg(what);
        if (level.isEmpty() || star) { // 内部资料 (注意保存), or a level with ★
            add(ContentDetector::ClassificationMarking, Severity::Blocking, begin, end, blockingMessage);
            continue;
        }
        if (level == u"绝密"_s || level == u"机密"_s) {
            // 手机密码, 随机密码, 危机密切, 有机密封, 计算机密集型, 拒绝密切: not markings.
            const qsizetype next = m.capturedEnd();
            if (next < c.text.size() && QStringView(u"码切封集度").contains(c.text.at(next)))
                continue;
            add(ContentDetector::ClassificationMarking, Severity::Blocking, begin, end, blockingMessage);
            continue;
        }
        if (aloneOnLine(text, begin, end)) {
            add(ContentDetector::ClassificationMarking, Severity::Blocking, begin, end, blockingMessage);
            continue;
        }
        if (level == u"秘密"_s || level == u"涉密"_s) {
            add(ContentDetector::ClassificationMarking, Severity::Warning, begin, end,
                tr("“%1” may concern classified matters: check that nothing classified is revealed.")
                    .arg(what));
        }
    }

    // Numbers, on the folded text (one code unit for one: offsets are those of `text`).
    const QString folded = fold(text);
    QList<Span> claimed;

    static const QRegularExpression kResidentId(u"(?<![0-9])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])"_s);
    for (auto it = kResidentId.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!validResidentId(m.capturedView()))
            continue;
        claimed.append({m.capturedStart(), m.capturedEnd()});
        add(ContentDetector::ResidentId, Severity::Blocking, m.capturedStart(), m.capturedEnd(),
            tr("“%1” is a resident ID number (its check digit is valid): personal information must not be "
               "published. Remove it or mask it (e.g. 110105********002X).")
                .arg(shown(text.mid(m.capturedStart(), m.capturedLength()))));
    }

    static const QRegularExpression kBankCard(
        u"(?<![0-9])(?:[3-6][0-9]{15,18}|[3-6][0-9]{3}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}(?:\\1[0-9]{1,3})?)"
        "(?![0-9])"_s);
    for (auto it = kBankCard.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (overlapsAny(claimed, m.capturedStart(), m.capturedEnd()))
            continue;
        QString digits = m.captured();
        digits.remove(u' ').remove(u'-');
        if (digits.size() < 16 || digits.size() > 19 || !luhnValid(digits))
            continue;
        claimed.append({m.capturedStart(), m.capturedEnd()});
        add(ContentDetector::BankCard, Severity::Blocking, m.capturedStart(), m.capturedEnd(),
            tr("“%1” is a bank card number (its Luhn check digit is valid): remove it or mask it.")
                .arg(shown(text.mid(m.capturedStart(), m.capturedLength()))));
    }

    static const QRegularExpression kMobile(
        u"(?<![0-9.])(?:(?:\\+|00)?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9]|\\.[0-9])"_s);
    for (auto it = kMobile.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (overlapsAny(claimed, m.capturedStart(), m.capturedEnd()))
            continue;
        claimed.append({m.capturedStart(), m.capturedEnd()});
        add(ContentDetector::MobileNumber, Severity::Warning, m.capturedStart(), m.capturedEnd(),
            tr("“%1” is a mobile phone number: publish it only with its owner's consent (e.g. a contact "
               "line); otherwise remove it or mask it.")
                .arg(shown(text.mid(m.capturedStart(), m.capturedLength()))));
    }

    // Coordinates.
    auto coordinate = [&](qsizetype begin, qsizetype end) {
        claimed.append({begin, end});
        add(ContentDetector::Coordinates, Severity::Blocking, begin, end,
            tr("“%1” is a precise coordinate: surveying results this precise are often classified. Round "
               "it or remove it unless its publication was approved.")
                .arg(shown(text.mid(begin, end - begin))));
    };
    // Degrees, minutes and seconds with fractional seconds.
    static const QRegularExpression kDms(
        u"([0-9]{1,3}) *[°度] *([0-9]{1,2}) *['分] *([0-9]{1,2})(\\.[0-9]+)? *(?:\"|''|秒)?"
        "(?: *[NSEWnsew](?![A-Za-z]))?"_s);
    for (auto it = kDms.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(4) == 0 || overlapsAny(claimed, m.capturedStart(), m.capturedEnd()))
            continue;
        qsizetype end = m.capturedEnd();
        while (end > m.capturedStart() && folded.at(end - 1) == u' ')
            --end;
        coordinate(m.capturedStart(), end);
    }
    // Decimal degrees with at least 5 decimals, in a pair or marked as a coordinate.
    static const QRegularExpression kDecimal(u"(?<![0-9.])-?([0-9]{1,3})\\.[0-9]{5,}(?![0-9]|\\.[0-9])"_s);
    QList<Span> degrees;
    for (auto it = kDecimal.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1).toInt() > 180 || overlapsAny(claimed, m.capturedStart(), m.capturedEnd()))
            continue;
        degrees.append({m.capturedStart(), m.capturedEnd()});
    }
    // A degree sign and a hemisphere letter right after a number belong to it.
    auto withUnit = [&](qsizetype end) {
        if (end < folded.size() && (folded.at(end) == QChar(0x00B0) || folded.at(end) == u'度'))
            ++end;
        if (end < folded.size() && isHemisphere(folded.at(end)) &&
            (end + 1 >= folded.size() || !isAsciiLetter(folded.at(end + 1))))
            ++end;
        return end;
    };
    static const QRegularExpression kPairGap(u"^[ °度NSEWnsew]*[,;/、 ][ NSEWnsew]*$"_s);
    for (qsizetype i = 0; i < degrees.size(); ++i) {
        const Span a = degrees.at(i);
        if (i + 1 < degrees.size()) {
            const Span b = degrees.at(i + 1);
            if (b.begin - a.end <= 6 &&
                kPairGap.match(QStringView(folded).mid(a.end, b.begin - a.end)).hasMatch()) {
                coordinate(a.begin, withUnit(b.end));
                ++i;
                continue;
            }
        }
        if (markedAsCoordinate(folded, a.begin, a.end))
            coordinate(a.begin, withUnit(a.end));
    }
    // Projected metres: two labelled numbers of different axes.
    static const QRegularExpression kProjected(
        u"(?<![A-Za-z])(x|y|n|e|北坐标|东坐标|纵坐标|横坐标) *[=:] *([0-9]{6,8}(?:\\.[0-9]+)?)(?![0-9])"_s,
        QRegularExpression::CaseInsensitiveOption);
    struct Labelled
    {
        Span span;
        Axis axis;
    };
    QList<Labelled> labelled;
    for (auto it = kProjected.globalMatch(folded); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (overlapsAny(claimed, m.capturedStart(), m.capturedEnd()))
            continue;
        const QString label = m.captured(1).toLower();
        const Axis axis = label == u"x"_s || label == u"n"_s || label == u"北坐标"_s || label == u"纵坐标"_s
                              ? Axis::North
                              : Axis::East;
        labelled.append({{m.capturedStart(), m.capturedEnd()}, axis});
    }
    for (qsizetype i = 0; i + 1 < labelled.size(); ++i) {
        const Labelled &a = labelled.at(i);
        const Labelled &b = labelled.at(i + 1);
        if (a.axis != b.axis && b.span.begin - a.span.end <= 40) {
            coordinate(a.span.begin, b.span.end);
            ++i;
        }
    }

    // The word lists, on the compact text: one pass of the automaton.
    for (const WordAutomaton::Match &m : m_automaton.find(c.text)) {
        const qsizetype begin = c.origin.at(m.offset);
        const qsizetype end = originalEnd(m.offset + m.length);
        const QString what = shown(text.mid(begin, end - begin));
        if (m.list == SensitiveList) {
            const WordLists::Sensitive &s = m_lists.sensitive.at(m.entry);
            add(ContentDetector::SensitiveWord, s.severity, begin, end,
                s.note.isEmpty()
                    ? tr("“%1” is on the sensitive word list: check that the item may be published.")
                          .arg(what)
                    : tr("“%1” is on the sensitive word list (%2): check that the item may be published.")
                          .arg(what, s.note));
        } else {
            const WordLists::Misused &w = m_lists.misused.at(m.entry);
            // A wrong form inside its own right form (when the list has such an entry) is right.
            const RightForm &right = m_rightForms.at(m.entry);
            if (std::any_of(right.wrongAt.cbegin(), right.wrongAt.cend(), [&](qsizetype at) {
                    return m.offset - at >= 0 &&
                           QStringView(c.text).mid(m.offset - at).startsWith(right.text);
                }))
                continue;
            add(ContentDetector::MisusedWord, Severity::Warning, begin, end,
                tr("“%1” is a misused word: write “%2”.").arg(what, w.right), w.right);
        }
    }
}

namespace {

void sortFindings(QList<ContentFinding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const ContentFinding &a, const ContentFinding &b) {
        if (a.offset != b.offset)
            return a.offset < b.offset;
        return a.length > b.length;
    });
}

} // namespace

QList<ContentFinding> ContentScanner::scanText(QStringView text, const QString &field) const
{
    QList<ContentFinding> out;
    scanInto(text, field, {}, false, out);
    sortFindings(out);
    return out;
}

QList<ContentFinding> ContentScanner::scanHtml(QStringView html, const QString &field) const
{
    return scanText(HtmlText::plainText(html), field);
}

QList<ContentFinding> ContentScanner::scanAttachmentName(const QString &fileName) const
{
    QList<ContentFinding> out;
    scanInto(fileName, QString(CheckField::Attachments), fileName, true, out);
    sortFindings(out);
    return out;
}

QList<ContentFinding> ContentScanner::scanRevision(const RevisionContent &content) const
{
    QList<ContentFinding> out = scanText(content.title, QString(CheckField::Title));
    out += scanHtml(content.bodyHtml, QString(CheckField::Body));
    for (const Attachment &a : content.attachments)
        out += scanAttachmentName(a.fileName);
    return out;
}

AttachmentScan ContentScanner::scanAttachmentText(const QString &fileName, QStringView text) const
{
    AttachmentScan scan;
    scan.checked = true;
    scan.findings = scanAttachmentName(fileName);
    QList<ContentFinding> content;
    scanInto(text, QString(CheckField::Attachments), fileName, false, content);
    sortFindings(content);
    scan.findings += content;
    return scan;
}

AttachmentScan ContentScanner::scanAttachment(const QString &fileName, const QByteArray &bytes) const
{
    QString whyNot;
    const std::optional<QString> text = attachmentText(fileName, bytes, &whyNot);
    if (text)
        return scanAttachmentText(fileName, *text);
    return uncheckedAttachment(fileName, whyNot);
}

AttachmentScan ContentScanner::uncheckedAttachment(const QString &fileName, const QString &whyNot) const
{
    AttachmentScan scan;
    scan.findings = scanAttachmentName(fileName);
    ContentFinding f;
    f.detector = QString(ContentDetector::UncheckedAttachment);
    f.severity = Severity::Info;
    f.field = QString(CheckField::Attachments);
    f.attachment = fileName;
    f.message = tr("The content of “%1” was not checked: %2 Check it yourself.").arg(fileName, whyNot);
    scan.findings.append(std::move(f));
    return scan;
}

// ---- attachments' text --------------------------------------------------------------------------

namespace {

QString suffixOf(const QString &fileName)
{
    return QFileInfo(fileName).suffix().toLower();
}

// A text file's bytes: a BOM says the encoding; else UTF-8 if it is valid; else GB18030 (the
// national standard, a superset of GBK and GB2312) if Qt has it; else UTF-8 with replacements.
QString decodeText(const QByteArray &bytes)
{
    if (const std::optional<QStringConverter::Encoding> e = QStringConverter::encodingForData(bytes)) {
        QStringDecoder decoder(*e);
        return decoder(bytes);
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    QString text = utf8(bytes);
    if (!utf8.hasError())
        return text;
    QStringDecoder gb18030("GB18030");
    if (gb18030.isValid()) {
        QString gb = gb18030(bytes);
        if (!gb18030.hasError())
            return gb;
    }
    return text;
}

// A zip package held in memory (libzip), read part by part with a size limit.
class ZipPackage
{
    Q_DECLARE_TR_FUNCTIONS(ContentScanner)

public:
    explicit ZipPackage(const QByteArray &bytes)
    {
        zip_error_t zerror;
        zip_error_init(&zerror);
        zip_source_t *source =
            zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &zerror);
        if (source) {
            m_zip = zip_open_from_source(source, ZIP_RDONLY, &zerror);
            if (!m_zip)
                zip_source_free(source);
        }
        zip_error_fini(&zerror);
    }
    ~ZipPackage()
    {
        if (m_zip)
            zip_discard(m_zip);
    }
    ZipPackage(const ZipPackage &) = delete;
    ZipPackage &operator=(const ZipPackage &) = delete;

    bool isOpen() const { return m_zip != nullptr; }

    QStringList names() const
    {
        QStringList out;
        const zip_int64_t n = zip_get_num_entries(m_zip, 0);
        for (zip_int64_t i = 0; i < n; ++i) {
            if (const char *name = zip_get_name(m_zip, zip_uint64_t(i), 0))
                out << QString::fromUtf8(name);
        }
        return out;
    }

    // The part, or nullopt with *whyNot set (missing parts: empty *whyNot).
    std::optional<QByteArray> read(const QString &name, QString *whyNot) const
    {
        const QByteArray n = name.toUtf8();
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(m_zip, n.constData(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
            whyNot->clear();
            return std::nullopt;
        }
        // One limit for the parts together: a package of many parts is no way around it.
        if (st.size > zip_uint64_t(ContentScanner::kMaxTextBytes - m_read)) {
            *whyNot = tr("it is too large to check.");
            return std::nullopt;
        }
        QByteArray bytes(qsizetype(st.size), Qt::Uninitialized);
        zip_file_t *file = zip_fopen(m_zip, n.constData(), 0);
        if (!file) {
            *whyNot = tr("it is damaged.");
            return std::nullopt;
        }
        const zip_int64_t read = zip_fread(file, bytes.data(), st.size);
        zip_fclose(file);
        if (read < 0 || zip_uint64_t(read) != st.size) {
            *whyNot = tr("it is damaged.");
            return std::nullopt;
        }
        m_read += qint64(st.size);
        return bytes;
    }

private:
    zip_t *m_zip = nullptr;
    mutable qint64 m_read = 0; // bytes unzipped so far
};

// Parts named <prefix><n>.xml, by their number (sheet2 before sheet10).
QStringList numberedParts(const QStringList &names, const QString &prefix)
{
    QStringList out;
    for (const QString &n : names) {
        if (n.startsWith(prefix) && n.endsWith(u".xml"_s) && !n.mid(prefix.size()).contains(u'/'))
            out << n;
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(out.begin(), out.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return out;
}

// The text of a WordprocessingML part: a line per paragraph, runs' text, tabs and breaks; field codes
// left out. Tracked deletions are kept: they are still in the file that would be published.
std::optional<QString> wordPartText(const QByteArray &xml)
{
    QString out;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const QStringView name = r.name();
            if (name == u"t"_s || name == u"delText"_s)
                out += r.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (name == u"tab"_s)
                out += u'\t';
            else if (name == u"br"_s || name == u"cr"_s)
                out += u'\n';
            else if (name == u"instrText"_s || name == u"tabs"_s)
                r.skipCurrentElement();
        } else if (r.isEndElement() && r.name() == u"p"_s) {
            out += u'\n';
        }
    }
    if (r.hasError())
        return std::nullopt;
    return out;
}

std::optional<QString> docxText(const ZipPackage &zip, QString *whyNot)
{
    const QStringList names = zip.names();
    if (!names.contains(u"word/document.xml"_s)) {
        *whyNot = ContentScanner::tr("it is not a Word document (.docx).");
        return std::nullopt;
    }
    QStringList parts = numberedParts(names, u"word/header"_s);
    parts << numberedParts(names, u"word/footer"_s) << u"word/document.xml"_s << u"word/footnotes.xml"_s
          << u"word/endnotes.xml"_s << u"word/comments.xml"_s;
    QString text;
    for (const QString &part : parts) {
        const std::optional<QByteArray> xml = zip.read(part, whyNot);
        if (!xml) {
            if (!whyNot->isEmpty())
                return std::nullopt;
            continue; // footnotes, endnotes and comments are optional
        }
        const std::optional<QString> partText = wordPartText(*xml);
        if (!partText) {
            *whyNot = ContentScanner::tr("it is damaged.");
            return std::nullopt;
        }
        text += *partText;
    }
    return text;
}

// SpreadsheetML: each sheet's cells in order, a tab after each cell and a line per row, shared strings
// (their phonetic runs left out) in their place.
std::optional<QString> xlsxText(const ZipPackage &zip, QString *whyNot)
{
    const QStringList names = zip.names();
    const QStringList sheets = numberedParts(names, u"xl/worksheets/sheet"_s);
    if (!names.contains(u"xl/workbook.xml"_s)) {
        *whyNot = ContentScanner::tr("it is not an Excel workbook (.xlsx).");
        return std::nullopt;
    }
    QStringList shared;
    if (const std::optional<QByteArray> xml = zip.read(u"xl/sharedStrings.xml"_s, whyNot)) {
        QXmlStreamReader r(*xml);
        QString current;
        int phonetic = 0;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement()) {
                if (r.name() == u"rPh"_s)
                    ++phonetic;
                else if (r.name() == u"si"_s)
                    current.clear();
                else if (r.name() == u"t"_s && phonetic == 0)
                    current += r.readElementText();
            } else if (r.isEndElement()) {
                if (r.name() == u"rPh"_s)
                    --phonetic;
                else if (r.name() == u"si"_s)
                    shared << current;
            }
        }
        if (r.hasError()) {
            *whyNot = ContentScanner::tr("it is damaged.");
            return std::nullopt;
        }
    } else if (!whyNot->isEmpty()) {
        return std::nullopt;
    }
    QString text;
    for (const QString &sheet : sheets) {
        const std::optional<QByteArray> xml = zip.read(sheet, whyNot);
        if (!xml) {
            if (!whyNot->isEmpty())
                return std::nullopt;
            continue;
        }
        QXmlStreamReader r(*xml);
        QString type;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement()) {
                const QStringView name = r.name();
                if (name == u"c"_s) {
                    type = r.attributes().value(u"t"_s).toString();
                } else if (name == u"v"_s) {
                    const QString value = r.readElementText();
                    if (type == u"s"_s) {
                        bool ok = false;
                        const int index = value.toInt(&ok);
                        if (ok && index >= 0 && index < shared.size())
                            text += shared.at(index);
                    } else if (type != u"b"_s && type != u"e"_s) {
                        text += value;
                    }
                } else if (name == u"t"_s) { // an inline string's text
                    text += r.readElementText();
                } else if (name == u"f"_s) {
                    r.skipCurrentElement(); // a formula: its value follows in <v>
                }
            } else if (r.isEndElement()) {
                if (r.name() == u"c"_s)
                    text += u'\t';
                else if (r.name() == u"row"_s)
                    text += u'\n';
            }
        }
        if (r.hasError()) {
            *whyNot = ContentScanner::tr("it is damaged.");
            return std::nullopt;
        }
    }
    return text;
}

} // namespace

bool ContentScanner::canRead(const QString &fileName)
{
    static const QStringList kReadable{u"txt"_s, u"csv"_s, u"htm"_s, u"html"_s, u"docx"_s, u"xlsx"_s};
    return kReadable.contains(suffixOf(fileName));
}

std::optional<QString> ContentScanner::attachmentText(const QString &fileName, const QByteArray &bytes,
                                                      QString *whyNot)
{
    QString reason;
    std::optional<QString> text;
    const QString suffix = suffixOf(fileName);
    if (!canRead(fileName)) {
        reason = tr("files of this type cannot be read.");
    } else if (suffix == u"docx"_s || suffix == u"xlsx"_s) {
        const ZipPackage zip(bytes);
        if (!zip.isOpen())
            reason = tr("it is not a readable .%1 file.").arg(suffix);
        else
            text = suffix == u"docx"_s ? docxText(zip, &reason) : xlsxText(zip, &reason);
    } else if (bytes.size() > kMaxTextBytes) {
        reason = tr("it is too large to check.");
    } else if (suffix == u"htm"_s || suffix == u"html"_s) {
        text = HtmlText::plainText(decodeText(bytes));
    } else {
        text = decodeText(bytes);
    }
    if (!text && whyNot)
        *whyNot = reason;
    return text;
}

// ---- the checker --------------------------------------------------------------------------------

ContentChecker::ContentChecker(const ContentScanner &scanner)
    : m_scanner(scanner)
{}

ContentChecker::ContentChecker(std::shared_ptr<const ContentScanner> scanner)
    : m_owned(std::move(scanner))
    , m_scanner(*m_owned)
{}

QList<Finding> ContentChecker::check(const CheckContext &c) const
{
    if (c.item.proposal == Proposal::Retraction)
        return {};
    QList<ContentFinding> found = m_scanner.scanText(c.content.title, QString(CheckField::Title));
    found += m_scanner.scanHtml(c.content.bodyHtml, QString(CheckField::Body));
    for (const Attachment &a : c.content.attachments)
        found += scanAttachment(c, a).findings;
    return toFindings(found);
}

AttachmentScan ContentChecker::scanAttachment(const CheckContext &c, const Attachment &a) const
{
    if (!ContentScanner::canRead(a.fileName))
        return m_scanner.scanAttachment(a.fileName, {}); // says why, without reading the file
    if (a.size > ContentScanner::kMaxTextBytes)
        return m_scanner.uncheckedAttachment(a.fileName, ContentScanner::tr("it is too large to check."));
    const QString notHere = tr("the file is not available here.");
    if (!c.attachmentBytes)
        return m_scanner.uncheckedAttachment(a.fileName, notHere);
    const QByteArray key = a.sha256 + a.fileName.toUtf8();
    const bool cacheable = a.sha256.size() == 32;
    if (cacheable) {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_cache.constFind(key); it != m_cache.cend())
            return *it;
    }
    const std::optional<QByteArray> bytes = c.attachmentBytes(a);
    if (!bytes)
        return m_scanner.uncheckedAttachment(a.fileName, notHere);
    AttachmentScan scan = m_scanner.scanAttachment(a.fileName, *bytes);
    if (cacheable) {
        QMutexLocker lock(&m_mutex);
        if (m_cache.size() >= kCachedAttachments)
            m_cache.clear();
        m_cache.insert(key, scan);
    }
    return scan;
}

QList<Finding> ContentChecker::toFindings(const QList<ContentFinding> &found)
{
    QList<Finding> out;
    QHash<QString, int> count;      // part and detector → findings seen
    QHash<QString, qsizetype> last; // part and detector → the index in `out` of the last one kept
    for (const ContentFinding &f : found) {
        const QString part = f.field + u'\n' + f.attachment + u'\n' + f.detector;
        const int n = ++count[part];
        if (n > kMaxPerDetector)
            continue;
        last.insert(part, out.size());
        out << f.toFinding();
    }
    for (auto it = count.cbegin(); it != count.cend(); ++it) {
        if (it.value() <= kMaxPerDetector)
            continue;
        QString &message = out[last.value(it.key())].message;
        message = tr("%1 (%n more like this here)", nullptr, it.value() - kMaxPerDetector).arg(message);
    }
    return out;
}

} // namespace baosong
