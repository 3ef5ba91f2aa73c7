#include "DomainJson.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

// The item-related JSON forms. The Unit/Person/Column overloads declared in DomainJson.h live in
// Organization.cpp next to the organization file they belong to.

using namespace Qt::StringLiterals;

namespace baosong::json {

namespace {

// ---- writing -----------------------------------------------------------------------------------

QString dateToJson(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString dateTimeToJson(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

// Invalid dates and null date-times are left out rather than written as empty strings.
void insertDate(QJsonObject &o, const QString &key, const QDate &d)
{
    if (d.isValid())
        o.insert(key, dateToJson(d));
}

void insertDateTime(QJsonObject &o, const QString &key, const QDateTime &dt)
{
    if (dt.isValid())
        o.insert(key, dateTimeToJson(dt));
}

template <typename T> QJsonArray arrayOf(const QList<T> &list)
{
    QJsonArray a;
    for (const T &v : list)
        a.append(toJson(v));
    return a;
}

// ---- reading -----------------------------------------------------------------------------------

// Reads the fields of one JSON object. The first problem is kept (with the field's full path, e.g.
// "revisions[0].content.title") and every later read is a no-op, so a parser can read all fields
// and check ok() once at the end.
class Reader
{
public:
    Reader(const QJsonObject &o, QString path)
        : m_o(o)
        , m_path(std::move(path))
    {}

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    QString path(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    enum Need
    {
        Optional,
        Required,
        RequiredNonEmpty,
    };

    QString string(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” must be text.").arg(path(key)));
            return {};
        }
        if (need == RequiredNonEmpty && v.toString().isEmpty()) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” must not be empty.")
                     .arg(path(key)));
            return {};
        }
        return v.toString();
    }

    bool boolean(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return false;
        if (!v.isBool()) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” must be true or false.")
                     .arg(path(key)));
            return false;
        }
        return v.toBool();
    }

    qint64 integer(const QString &key, Need need = Optional, qint64 min = std::numeric_limits<int>::min(),
                   qint64 max = std::numeric_limits<int>::max())
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return 0;
        const double d = v.toDouble();
        // 2^53: beyond it a JSON number no longer holds every integer exactly.
        constexpr double kExact = 9007199254740992.0;
        if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > kExact ||
            d < double(min) || d > double(max)) {
            fail(QCoreApplication::translate("DomainJson",
                                             "The field “%1” must be a whole number between %2 and %3.")
                     .arg(path(key))
                     .arg(min)
                     .arg(std::min<qint64>(max, qint64(kExact))));
            return 0;
        }
        return qint64(d);
    }

    QDate date(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        // Strictly YYYY-MM-DD: Qt's ISO parser also takes other separators.
        const QString s = v.toString();
        const bool shaped = v.isString() && s.size() == 10 && s.at(4) == u'-' && s.at(7) == u'-';
        const QDate d = shaped ? QDate::fromString(s, Qt::ISODate) : QDate();
        if (!d.isValid())
            fail(QCoreApplication::translate("DomainJson",
                                             "The field “%1” must be a date in the form YYYY-MM-DD.")
                     .arg(path(key)));
        return d;
    }

    QDateTime dateTime(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        QDateTime dt;
        if (v.isString())
            dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!dt.isValid()) {
            fail(QCoreApplication::translate(
                     "DomainJson",
                     "The field “%1” must be a date and time in ISO 8601 form (YYYY-MM-DDThh:mm:ss.zzzZ).")
                     .arg(path(key)));
            return {};
        }
        return dt.toUTC();
    }

    QByteArray sha256(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        const QString s = v.toString();
        bool hex = v.isString() && s.size() == 64;
        for (const QChar c : s)
            hex = hex && ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'));
        if (!hex) {
            fail(
                QCoreApplication::translate(
                    "DomainJson", "The field “%1” must be a SHA-256 digest written as 64 hexadecimal digits.")
                    .arg(path(key)));
            return {};
        }
        return QByteArray::fromHex(s.toLatin1());
    }

    template <typename E>
    E enumeration(const QString &key, std::optional<E> (*parse)(const QString &), E fallback,
                  Need need = Required)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return fallback;
        const std::optional<E> e = v.isString() ? parse(v.toString()) : std::nullopt;
        if (!e) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” has the unknown value “%2”.")
                     .arg(path(key), v.isString() ? v.toString() : QString()));
            return fallback;
        }
        return *e;
    }

    QStringList strings(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        QStringList out;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a) {
            if (!e.isString())
                break;
            out.append(e.toString());
        }
        if (!v.isArray() || out.size() != a.size()) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” must be a list of texts.")
                     .arg(path(key)));
            return {};
        }
        return out;
    }

    QJsonObject object(const QString &key, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” must be an object.")
                     .arg(path(key)));
            return {};
        }
        return v.toObject();
    }

    // Parses every element of an array field with the fromJson overload for T.
    template <typename T, typename Parse> QList<T> list(const QString &key, Parse parse, Need need = Optional)
    {
        const QJsonValue v = value(key, need);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(QCoreApplication::translate("DomainJson", "The field “%1” must be a list.").arg(path(key)));
            return {};
        }
        QList<T> out;
        const QJsonArray a = v.toArray();
        out.reserve(a.size());
        for (qsizetype i = 0; i < a.size() && ok(); ++i) {
            const QString elementPath = path(key) + u'[' + QString::number(i) + u']';
            if (!a.at(i).isObject()) {
                fail(QCoreApplication::translate("DomainJson", "The field “%1” must be an object.")
                         .arg(elementPath));
                break;
            }
            T element;
            QString error;
            if (!parse(a.at(i).toObject(), &element, &error, elementPath)) {
                fail(error);
                break;
            }
            out.append(std::move(element));
        }
        return out;
    }

private:
    // Undefined for an absent (or null) optional field; fails for an absent required one.
    QJsonValue value(const QString &key, Need need)
    {
        if (!ok())
            return QJsonValue(QJsonValue::Undefined);
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (need != Optional)
                fail(QCoreApplication::translate("DomainJson", "The required field “%1” is missing.")
                         .arg(path(key)));
            return QJsonValue(QJsonValue::Undefined);
        }
        return v;
    }

    const QJsonObject &m_o;
    QString m_path;
    QString m_error;
};

// Commits a parse: the output is written only when everything was valid, so bad input never
// half-overwrites a caller's value.
template <typename T> bool finish(const Reader &r, T &&value, std::remove_cvref_t<T> *out, QString *error)
{
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    if (out)
        *out = std::forward<T>(value);
    return true;
}

bool parseAttachment(const QJsonObject &o, Attachment *out, QString *error, const QString &path)
{
    Reader r(o, path);
    Attachment a;
    a.id = r.string(u"id"_s, Reader::RequiredNonEmpty);
    a.fileName = r.string(u"file_name"_s, Reader::RequiredNonEmpty);
    a.mimeType = r.string(u"mime_type"_s);
    a.size = r.integer(u"size"_s, Reader::Required, 0, std::numeric_limits<qint64>::max());
    a.sha256 = r.sha256(u"sha256"_s, Reader::Required);
    return finish(r, std::move(a), out, error);
}

bool parseContent(const QJsonObject &o, RevisionContent *out, QString *error, const QString &path)
{
    Reader r(o, path);
    RevisionContent c;
    c.title = r.string(u"title"_s, Reader::Required);
    c.bodyHtml = r.string(u"body_html"_s);
    c.columnId = r.string(u"column_id"_s);
    c.infoDate = r.date(u"info_date"_s);
    c.urgent = r.boolean(u"urgent"_s);
    c.sourceSite = r.string(u"source_site"_s);
    c.sourceUrl = r.string(u"source_url"_s);
    c.meeting = r.string(u"meeting"_s);
    c.meetingDate = r.date(u"meeting_date"_s);
    c.catalogueEntry = r.string(u"catalogue_entry"_s);
    c.documentNumber = r.string(u"document_number"_s);
    c.majorPolicy = r.boolean(u"major_policy"_s);
    c.interpretationItemId = r.string(u"interpretation_item_id"_s);
    c.toMunicipalPortal = r.boolean(u"to_municipal_portal"_s);
    c.topic = r.string(u"topic"_s);
    c.genre = r.string(u"genre"_s);
    c.keywords = r.strings(u"keywords"_s);
    c.writtenDate = r.date(u"written_date"_s);
    c.validity = r.enumeration(u"validity"_s, &validityFromString, Validity::InForce, Reader::Optional);
    c.validityDate = r.date(u"validity_date"_s);
    c.replacedByItemId = r.string(u"replaced_by_item_id"_s);
    c.otherChannel = r.string(u"other_channel"_s);
    c.otherChannelDate = r.date(u"other_channel_date"_s);
    c.attachments = r.list<Attachment>(u"attachments"_s, parseAttachment);
    return finish(r, std::move(c), out, error);
}

bool parseRevision(const QJsonObject &o, Revision *out, QString *error, const QString &path)
{
    Reader r(o, path);
    Revision rev;
    rev.number = int(r.integer(u"number"_s, Reader::Required, 1));
    rev.authorId = r.string(u"author_id"_s);
    rev.createdAt = r.dateTime(u"created_at"_s);
    rev.sent = !o.contains("sent"_L1) || r.boolean(u"sent"_s);
    const QJsonObject content = r.object(u"content"_s, Reader::Required);
    if (r.ok()) {
        QString contentError;
        if (!parseContent(content, &rev.content, &contentError, r.path(u"content"_s)))
            r.fail(contentError);
    }
    return finish(r, std::move(rev), out, error);
}

bool parseDecision(const QJsonObject &o, Decision *out, QString *error, const QString &path)
{
    Reader r(o, path);
    Decision d;
    d.stageId = r.string(u"stage_id"_s, Reader::RequiredNonEmpty);
    d.personId = r.string(u"person_id"_s, Reader::RequiredNonEmpty);
    d.type = r.enumeration(u"type"_s, &decisionTypeFromString, DecisionType::Approve);
    d.revision = int(r.integer(u"revision"_s, Reader::Required, 0));
    d.reason = r.string(u"reason"_s);
    d.confidentialityAttested = r.boolean(u"confidentiality_attested"_s);
    d.overrideReason = r.string(u"override_reason"_s);
    d.cycle = int(r.integer(u"cycle"_s, Reader::Optional, 0));
    d.at = r.dateTime(u"at"_s, Reader::Required);
    return finish(r, std::move(d), out, error);
}

bool parseComment(const QJsonObject &o, Comment *out, QString *error, const QString &path)
{
    Reader r(o, path);
    Comment c;
    c.personId = r.string(u"person_id"_s, Reader::RequiredNonEmpty);
    c.revision = int(r.integer(u"revision"_s, Reader::Optional, 0));
    c.text = r.string(u"text"_s, Reader::Required);
    c.at = r.dateTime(u"at"_s, Reader::Required);
    return finish(r, std::move(c), out, error);
}

bool parseItem(const QJsonObject &o, Item *out, QString *error, const QString &path)
{
    Reader r(o, path);
    Item item;
    item.id = r.string(u"id"_s, Reader::RequiredNonEmpty);
    item.kind = r.enumeration(u"kind"_s, &itemKindFromString, ItemKind::News);
    item.unitId = r.string(u"unit_id"_s);
    item.authorId = r.string(u"author_id"_s);
    item.state = r.enumeration(u"state"_s, &workflowStateFromString, WorkflowState::Draft);
    item.proposal = r.enumeration(u"proposal"_s, &proposalFromString, Proposal::New);
    item.stageId = r.string(u"stage_id"_s);
    item.liveRevision = int(r.integer(u"live_revision"_s, Reader::Optional, 0));
    item.cycle = int(r.integer(u"cycle"_s, Reader::Optional, 0));
    item.publishedAt = r.dateTime(u"published_at"_s);
    item.submittedAt = r.dateTime(u"submitted_at"_s);
    item.firstSubmittedAt = r.dateTime(u"first_submitted_at"_s);
    item.indexNumber = r.string(u"index_number"_s);
    item.revisions = r.list<Revision>(u"revisions"_s, parseRevision);
    item.decisions = r.list<Decision>(u"decisions"_s, parseDecision);
    item.comments = r.list<Comment>(u"comments"_s, parseComment);
    // Art. 14: absent on items never sent to the municipal platform (and in data written before it).
    if (o.contains("municipal"_L1)) {
        const QJsonObject municipal = r.object(u"municipal"_s); // Reader keeps a reference
        Reader m(municipal, r.path(u"municipal"_s));
        item.municipal.status = m.enumeration(u"status"_s, &municipalStatusFromString, MunicipalStatus::None);
        item.municipal.cycle = int(m.integer(u"cycle"_s, Reader::Optional, 0));
        item.municipal.revision = int(m.integer(u"revision"_s, Reader::Optional, 0));
        item.municipal.bureauSite = !m.boolean(u"off_bureau_site"_s);
        item.municipal.upstreamItemId = m.string(u"upstream_item_id"_s);
        item.municipal.reason = m.string(u"reason"_s);
        item.municipal.at = m.dateTime(u"at"_s);
        if (!m.ok())
            r.fail(m.error());
    }
    return finish(r, std::move(item), out, error);
}

} // namespace

// ---- toJson ------------------------------------------------------------------------------------

QJsonObject toJson(const Attachment &a)
{
    QJsonObject o;
    o.insert(u"id"_s, a.id);
    o.insert(u"file_name"_s, a.fileName);
    o.insert(u"mime_type"_s, a.mimeType);
    o.insert(u"size"_s, a.size);
    o.insert(u"sha256"_s, QString::fromLatin1(a.sha256.toHex()));
    return o;
}

QJsonObject toJson(const RevisionContent &c)
{
    QJsonObject o;
    o.insert(u"title"_s, c.title);
    o.insert(u"body_html"_s, c.bodyHtml);
    o.insert(u"column_id"_s, c.columnId);
    insertDate(o, u"info_date"_s, c.infoDate);
    o.insert(u"urgent"_s, c.urgent);
    o.insert(u"source_site"_s, c.sourceSite);
    o.insert(u"source_url"_s, c.sourceUrl);
    o.insert(u"meeting"_s, c.meeting);
    insertDate(o, u"meeting_date"_s, c.meetingDate);
    o.insert(u"catalogue_entry"_s, c.catalogueEntry);
    o.insert(u"document_number"_s, c.documentNumber);
    o.insert(u"major_policy"_s, c.majorPolicy);
    o.insert(u"interpretation_item_id"_s, c.interpretationItemId);
    o.insert(u"to_municipal_portal"_s, c.toMunicipalPortal);
    o.insert(u"topic"_s, c.topic);
    o.insert(u"genre"_s, c.genre);
    o.insert(u"keywords"_s, QJsonArray::fromStringList(c.keywords));
    insertDate(o, u"written_date"_s, c.writtenDate);
    o.insert(u"validity"_s, toString(c.validity));
    insertDate(o, u"validity_date"_s, c.validityDate);
    o.insert(u"replaced_by_item_id"_s, c.replacedByItemId);
    o.insert(u"other_channel"_s, c.otherChannel);
    insertDate(o, u"other_channel_date"_s, c.otherChannelDate);
    o.insert(u"attachments"_s, arrayOf(c.attachments));
    return o;
}

QJsonObject toJson(const Revision &r)
{
    QJsonObject o;
    o.insert(u"number"_s, r.number);
    o.insert(u"author_id"_s, r.authorId);
    insertDateTime(o, u"created_at"_s, r.createdAt);
    o.insert(u"content"_s, toJson(r.content));
    o.insert(u"sent"_s, r.sent);
    return o;
}

QJsonObject toJson(const Decision &d)
{
    QJsonObject o;
    o.insert(u"stage_id"_s, d.stageId);
    o.insert(u"person_id"_s, d.personId);
    o.insert(u"type"_s, toString(d.type));
    o.insert(u"revision"_s, d.revision);
    o.insert(u"reason"_s, d.reason);
    o.insert(u"confidentiality_attested"_s, d.confidentialityAttested);
    if (!d.overrideReason.isEmpty())
        o.insert(u"override_reason"_s, d.overrideReason);
    o.insert(u"cycle"_s, d.cycle);
    insertDateTime(o, u"at"_s, d.at);
    return o;
}

QJsonObject toJson(const Comment &c)
{
    QJsonObject o;
    o.insert(u"person_id"_s, c.personId);
    o.insert(u"revision"_s, c.revision);
    o.insert(u"text"_s, c.text);
    insertDateTime(o, u"at"_s, c.at);
    return o;
}

QJsonObject toJson(const Item &item)
{
    QJsonObject o;
    o.insert(u"id"_s, item.id);
    o.insert(u"kind"_s, toString(item.kind));
    o.insert(u"unit_id"_s, item.unitId);
    o.insert(u"author_id"_s, item.authorId);
    o.insert(u"state"_s, toString(item.state));
    o.insert(u"proposal"_s, toString(item.proposal));
    o.insert(u"stage_id"_s, item.stageId);
    o.insert(u"live_revision"_s, item.liveRevision);
    o.insert(u"cycle"_s, item.cycle);
    insertDateTime(o, u"published_at"_s, item.publishedAt);
    insertDateTime(o, u"submitted_at"_s, item.submittedAt);
    insertDateTime(o, u"first_submitted_at"_s, item.firstSubmittedAt);
    o.insert(u"index_number"_s, item.indexNumber);
    o.insert(u"revisions"_s, arrayOf(item.revisions));
    o.insert(u"decisions"_s, arrayOf(item.decisions));
    o.insert(u"comments"_s, arrayOf(item.comments));
    if (item.municipal.status != MunicipalStatus::None) {
        QJsonObject m;
        m.insert(u"status"_s, toString(item.municipal.status));
        m.insert(u"cycle"_s, item.municipal.cycle);
        m.insert(u"revision"_s, item.municipal.revision);
        if (!item.municipal.bureauSite)
            m.insert(u"off_bureau_site"_s, true);
        if (!item.municipal.upstreamItemId.isEmpty())
            m.insert(u"upstream_item_id"_s, item.municipal.upstreamItemId);
        if (!item.municipal.reason.isEmpty())
            m.insert(u"reason"_s, item.municipal.reason);
        insertDateTime(m, u"at"_s, item.municipal.at);
        o.insert(u"municipal"_s, m);
    }
    return o;
}

// ---- fromJson ----------------------------------------------------------------------------------

bool fromJson(const QJsonObject &o, Attachment *out, QString *error)
{
    return parseAttachment(o, out, error, {});
}

bool fromJson(const QJsonObject &o, RevisionContent *out, QString *error)
{
    return parseContent(o, out, error, {});
}

bool fromJson(const QJsonObject &o, Revision *out, QString *error)
{
    return parseRevision(o, out, error, {});
}

bool fromJson(const QJsonObject &o, Decision *out, QString *error)
{
    return parseDecision(o, out, error, {});
}

QJsonObject toJson(const ServerLimits &l)
{
    return QJsonObject{{"max_upload_bytes"_L1, double(l.maxUploadBytes)},
                       {"chunk_size"_L1, double(l.chunkSize)}};
}

ServerLimits serverLimitsFromJson(const QJsonObject &o)
{
    const auto count = [&](QLatin1StringView key) {
        const QJsonValue v = o.value(key);
        return v.isDouble() && v.toDouble() > 0 ? qint64(v.toDouble()) : qint64(0);
    };
    ServerLimits l;
    l.maxUploadBytes = count("max_upload_bytes"_L1);
    l.chunkSize = count("chunk_size"_L1);
    return l;
}

bool fromJson(const QJsonObject &o, Comment *out, QString *error)
{
    return parseComment(o, out, error, {});
}

bool fromJson(const QJsonObject &o, Item *out, QString *error)
{
    return parseItem(o, out, error, {});
}

namespace {

// A small scanner over JSON text known to be valid: positions just past a value, a string, spaces.
struct Scanner
{
    QByteArrayView s;
    qsizetype i = 0;

    bool atEnd() const { return i >= s.size(); }
    char peek() const { return atEnd() ? '\0' : s.at(i); }
    void spaces()
    {
        while (!atEnd() && (s.at(i) == ' ' || s.at(i) == '\t' || s.at(i) == '\n' || s.at(i) == '\r'))
            ++i;
    }
    bool expect(char c)
    {
        spaces();
        if (peek() != c)
            return false;
        ++i;
        return true;
    }
    // At a '"': the string's raw text between the quotes; i moves past the closing quote.
    std::optional<QByteArrayView> string()
    {
        if (peek() != '"')
            return std::nullopt;
        const qsizetype start = ++i;
        while (!atEnd()) {
            const char c = s.at(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return s.sliced(start, i++ - start);
            } else {
                ++i;
            }
        }
        return std::nullopt;
    }
    // Skips one value (after spaces); its text in *text.
    bool value(QByteArrayView *text = nullptr)
    {
        spaces();
        const qsizetype start = i;
        const char c = peek();
        if (c == '"') {
            if (!string())
                return false;
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char d = s.at(i);
                if (d == '"') {
                    if (!string())
                        return false;
                    continue;
                }
                ++i;
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0)
                        break;
                }
            }
            if (depth != 0)
                return false;
        } else {
            while (!atEnd() && !QByteArrayView(",}] \t\n\r").contains(s.at(i)))
                ++i;
            if (i == start)
                return false;
        }
        if (text)
            *text = s.sliced(start, i - start);
        return true;
    }
    // Calls f(name) at each member of the object at i (i at the member's value); f skips the value.
    template <typename F> bool members(F &&f)
    {
        if (!expect('{'))
            return false;
        spaces();
        if (peek() == '}') {
            ++i;
            return true;
        }
        while (true) {
            spaces();
            const std::optional<QByteArrayView> name = string();
            if (!name || !expect(':') || !f(*name))
                return false;
            spaces();
            if (peek() == ',') {
                ++i;
                continue;
            }
            return expect('}');
        }
    }
};

} // namespace

std::optional<QList<QByteArrayView>> memberTexts(QByteArrayView document, QByteArrayView array,
                                                 QByteArrayView member)
{
    Scanner scan{document};
    QList<QByteArrayView> out;
    bool found = false;
    const bool ok = scan.members([&](QByteArrayView name) {
        if (name != array || found)
            return scan.value();
        found = true;
        if (!scan.expect('['))
            return false;
        scan.spaces();
        if (scan.peek() == ']') {
            ++scan.i;
            return true;
        }
        while (true) {
            QByteArrayView text;
            scan.spaces();
            if (scan.peek() == '{') {
                if (!scan.members([&](QByteArrayView inner) {
                        return inner == member ? scan.value(&text) : scan.value();
                    }))
                    return false;
            } else if (!scan.value()) {
                return false;
            }
            out.append(text);
            scan.spaces();
            if (scan.peek() == ',') {
                ++scan.i;
                continue;
            }
            return scan.expect(']');
        }
    });
    if (!ok || !found)
        return std::nullopt;
    return out;
}

} // namespace baosong::json
