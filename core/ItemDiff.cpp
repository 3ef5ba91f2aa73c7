#include "ItemDiff.h"
#include "Disclosure.h"

#include "HtmlText.h"
#include "Organization.h"

#include <QLocale>
#include <QSet>

#include <dtl/dtl.hpp>

#include <vector>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

// The lengths of the common start and the common end of two sequences (not overlapping).
template <typename Sequence> std::pair<size_t, size_t> commonEnds(const Sequence &a, const Sequence &b)
{
    const size_t na = size_t(a.size());
    const size_t nb = size_t(b.size());
    size_t prefix = 0;
    while (prefix < na && prefix < nb && a[prefix] == b[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < na - prefix && suffix < nb - prefix && a[na - 1 - suffix] == b[nb - 1 - suffix])
        ++suffix;
    return {prefix, suffix};
}

constexpr auto kDelStyle = "background-color:#ffd7d5; color:#82071e; text-decoration:line-through;"_L1;
constexpr auto kInsStyle = "background-color:#ccffd8; color:#055d20; text-decoration:underline;"_L1;

std::vector<char32_t> codePoints(QStringView text)
{
    std::vector<char32_t> out;
    out.reserve(size_t(text.size()));
    for (const char32_t c : text.toUcs4())
        out.push_back(c);
    return out;
}

QString fromCodePoints(const char32_t *begin, qsizetype count)
{
    return QString::fromUcs4(begin, count);
}

void appendRun(QList<TextChange> &out, TextChange::Op op, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!out.isEmpty() && out.last().op == op)
        out.last().text += text;
    else
        out.append(TextChange{op, text});
}

QString yesNo(bool v)
{
    return v ? ItemDiff::tr("yes") : ItemDiff::tr("no");
}

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString columnText(const QString &id, const Organization *org)
{
    if (id.isEmpty())
        return {};
    if (org) {
        if (const Column *c = org->column(id))
            return c->name;
    }
    return id;
}

QString attachmentLabel(const Attachment &a)
{
    return a.fileName;
}

QString escapedLines(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(u'\n', "<br>"_L1);
    return html;
}

} // namespace

bool ItemDiff::bodyChanged() const
{
    for (const TextChange &c : body) {
        if (c.op != TextChange::Op::Equal)
            return true;
    }
    return false;
}

const FieldChange *ItemDiff::field(const QString &name) const
{
    for (const FieldChange &f : fields) {
        if (f.field == name)
            return &f;
    }
    return nullptr;
}

int ItemDiff::insertedCharacters() const
{
    int n = 0;
    for (const TextChange &c : body) {
        if (c.op == TextChange::Op::Insert)
            n += int(c.text.toUcs4().size());
    }
    return n;
}

int ItemDiff::deletedCharacters() const
{
    int n = 0;
    for (const TextChange &c : body) {
        if (c.op == TextChange::Op::Delete)
            n += int(c.text.toUcs4().size());
    }
    return n;
}

QList<TextChange> ItemDiff::diffText(const QString &before, const QString &after)
{
    QList<TextChange> out;
    if (before == after) {
        appendRun(out, TextChange::Op::Equal, before);
        return out;
    }
    const std::vector<char32_t> a = codePoints(before);
    const std::vector<char32_t> b = codePoints(after);

    // The common prefix and suffix need no search (and keep the search small).
    const auto [prefix, suffix] = commonEnds(a, b);
    appendRun(out, TextChange::Op::Equal, fromCodePoints(a.data(), qsizetype(prefix)));

    const std::vector<char32_t> midA(a.begin() + qsizetype(prefix), a.end() - qsizetype(suffix));
    const std::vector<char32_t> midB(b.begin() + qsizetype(prefix), b.end() - qsizetype(suffix));
    // A changed stretch collects its deleted and inserted characters, written deletion first.
    QString deleted;
    QString inserted;
    auto flushChange = [&] {
        appendRun(out, TextChange::Op::Delete, deleted);
        appendRun(out, TextChange::Op::Insert, inserted);
        deleted.clear();
        inserted.clear();
    };
    if (midA.empty() || midB.empty()) {
        deleted = fromCodePoints(midA.data(), qsizetype(midA.size()));
        inserted = fromCodePoints(midB.data(), qsizetype(midB.size()));
    } else {
        dtl::Diff<char32_t, std::vector<char32_t>> diff(midA, midB);
        if (midA.size() + midB.size() > 20000)
            diff.onHuge(); // bounded memory for long bodies
        diff.compose();
        for (const auto &[element, info] : diff.getSes().getSequence()) {
            const char32_t c = element;
            switch (info.type) {
            case dtl::SES_COMMON:
                flushChange();
                appendRun(out, TextChange::Op::Equal, fromCodePoints(&c, 1));
                break;
            case dtl::SES_DELETE:
                deleted += fromCodePoints(&c, 1);
                break;
            case dtl::SES_ADD:
                inserted += fromCodePoints(&c, 1);
                break;
            }
        }
    }
    flushChange();
    appendRun(out, TextChange::Op::Equal, fromCodePoints(a.data() + a.size() - suffix, qsizetype(suffix)));
    return out;
}

ItemDiff ItemDiff::compare(const RevisionContent &before, const RevisionContent &after,
                           const Organization *organization)
{
    ItemDiff d;
    auto text = [&](const QString &field, const QString &label, const QString &a, const QString &b) {
        if (a != b)
            d.fields.append(FieldChange{field, label, a, b});
    };
    text(u"title"_s, tr("Title"), before.title, after.title);
    text(u"column"_s, tr("Column"), columnText(before.columnId, organization),
         columnText(after.columnId, organization));
    if (before.columnId != after.columnId && !d.field(u"column"_s)) // two columns of the same name
        d.fields.append(FieldChange{u"column"_s, tr("Column"), before.columnId, after.columnId});
    text(u"info_date"_s, tr("Information date"), dateText(before.infoDate), dateText(after.infoDate));
    if (before.urgent != after.urgent)
        d.fields.append(FieldChange{u"urgent"_s, tr("Urgent"), yesNo(before.urgent), yesNo(after.urgent)});
    text(u"source_site"_s, tr("Source site"), before.sourceSite, after.sourceSite);
    text(u"source_url"_s, tr("Source address"), before.sourceUrl, after.sourceUrl);
    text(u"meeting"_s, tr("Meeting"), before.meeting, after.meeting);
    text(u"meeting_date"_s, tr("Meeting date"), dateText(before.meetingDate), dateText(after.meetingDate));
    text(u"catalogue_entry"_s, tr("Catalogue entry"), before.catalogueEntry, after.catalogueEntry);
    text(u"document_number"_s, tr("Document number"), before.documentNumber, after.documentNumber);
    if (before.majorPolicy != after.majorPolicy)
        d.fields.append(FieldChange{u"major_policy"_s, tr("Major policy document"), yesNo(before.majorPolicy),
                                    yesNo(after.majorPolicy)});
    text(u"interpretation"_s, tr("Interpretation item"), before.interpretationItemId,
         after.interpretationItemId);
    if (before.toMunicipalPortal != after.toMunicipalPortal)
        d.fields.append(FieldChange{u"to_municipal_portal"_s, tr("Also to the municipal portal"),
                                    yesNo(before.toMunicipalPortal), yesNo(after.toMunicipalPortal)});
    text(u"topic"_s, tr("Topic"), before.topic, after.topic);
    text(u"genre"_s, tr("Genre"), before.genre, after.genre);
    text(u"keywords"_s, tr("Keywords"), disclosure::joinKeywords(before.keywords),
         disclosure::joinKeywords(after.keywords));
    text(u"written_date"_s, tr("Date written"), dateText(before.writtenDate), dateText(after.writtenDate));
    text(u"validity"_s, tr("Validity"), displayName(before.validity), displayName(after.validity));
    text(u"validity_date"_s, tr("Validity date"), dateText(before.validityDate),
         dateText(after.validityDate));
    text(u"replaced_by"_s, tr("Replaced by"), before.replacedByItemId, after.replacedByItemId);
    text(u"other_channel"_s, tr("Also released through"), before.otherChannel, after.otherChannel);
    text(u"other_channel_date"_s, tr("Released there on"), dateText(before.otherChannelDate),
         dateText(after.otherChannelDate));

    QSet<QByteArray> beforeContent;
    QSet<QByteArray> afterContent;
    for (const Attachment &a : before.attachments)
        beforeContent.insert(a.sha256);
    for (const Attachment &a : after.attachments)
        afterContent.insert(a.sha256);
    for (const Attachment &a : after.attachments) {
        if (!beforeContent.contains(a.sha256))
            d.attachmentsAdded.append(a);
    }
    for (const Attachment &a : before.attachments) {
        if (!afterContent.contains(a.sha256))
            d.attachmentsRemoved.append(a);
    }

    d.body = diffText(HtmlText::plainText(before.bodyHtml), HtmlText::plainText(after.bodyHtml));
    return d;
}

qsizetype ItemDiff::changedCharacters(const QString &before, const QString &after)
{
    if (before == after)
        return 0;
    const auto differing = [](const QString &a, const QString &b) {
        const auto [prefix, suffix] = commonEnds(a, b);
        return qsizetype(a.size() + b.size()) - 2 * qsizetype(prefix + suffix);
    };
    const QStringList a = before.split(u'\n');
    const QStringList b = after.split(u'\n');
    // Many lines on both sides and little in common: the bound of the whole texts will do.
    if (qsizetype(a.size()) * qsizetype(b.size()) > 4'000'000)
        return differing(before, after);
    dtl::Diff<QString, QStringList> diff(a, b);
    diff.onHuge();
    diff.compose();
    qsizetype changed = 0;
    QStringList deleted;
    QStringList inserted;
    const auto flush = [&] {
        // Replaced lines pair up in order; what is left over counts whole.
        const qsizetype pairs = std::min(deleted.size(), inserted.size());
        for (qsizetype i = 0; i < pairs; ++i)
            changed += differing(deleted[i], inserted[i]);
        for (qsizetype i = pairs; i < deleted.size(); ++i)
            changed += deleted[i].size() + 1;
        for (qsizetype i = pairs; i < inserted.size(); ++i)
            changed += inserted[i].size() + 1;
        deleted.clear();
        inserted.clear();
    };
    for (const auto &[line, info] : diff.getSes().getSequence()) {
        switch (info.type) {
        case dtl::SES_COMMON:
            flush();
            break;
        case dtl::SES_DELETE:
            deleted << line;
            break;
        case dtl::SES_ADD:
            inserted << line;
            break;
        }
    }
    flush();
    return changed;
}

std::optional<ItemDiff> ItemDiff::compare(const Item &item, int fromRevision, int toRevision,
                                          const Organization *organization)
{
    const Revision *from = item.revision(fromRevision);
    const Revision *to = item.revision(toRevision);
    if (!from || !to)
        return std::nullopt;
    ItemDiff d = compare(from->content, to->content, organization);
    d.fromRevision = fromRevision;
    d.toRevision = toRevision;
    d.fromVersion = item.versionOrdinal(fromRevision);
    d.toVersion = item.versionOrdinal(toRevision);
    return d;
}

int ItemDiff::baseRevision(const Item &item)
{
    const int latest = item.latestNumber();
    if (latest == 0 || (item.state != WorkflowState::InReview && item.state != WorkflowState::Returned &&
                        item.state != WorkflowState::Draft))
        return 0; // nothing in flight
    if (item.proposal == Proposal::Change && item.liveRevision > 0 && item.liveRevision < latest)
        return item.liveRevision;
    // The revision the last return was made on: the author's resubmission is compared with it.
    for (auto it = item.decisions.crbegin(); it != item.decisions.crend(); ++it) {
        if (it->type == DecisionType::Return) {
            if (it->revision > 0 && it->revision < latest)
                return it->revision;
            break;
        }
    }
    // Minor edits by a reviewer in this cycle: the revision before them.
    const Revision *last = item.latest();
    for (const Decision &d : item.decisions) {
        if (d.cycle == item.cycle && d.type == DecisionType::Approve && d.revision == latest &&
            d.personId == last->authorId && latest > 1)
            return latest - 1;
    }
    return 0;
}

std::optional<ItemDiff> ItemDiff::forReview(const Item &item, const Organization *organization)
{
    const int base = baseRevision(item);
    if (base <= 0)
        return std::nullopt;
    return compare(item, base, item.latestNumber(), organization);
}

QString ItemDiff::textToHtml(const QList<TextChange> &changes)
{
    QString html;
    for (const TextChange &c : changes) {
        switch (c.op) {
        case TextChange::Op::Equal:
            html += escapedLines(c.text);
            break;
        case TextChange::Op::Delete:
            html += "<del style=\""_L1 + kDelStyle + "\"><span style=\""_L1 + kDelStyle + "\">"_L1 +
                    escapedLines(c.text) + "</span></del>"_L1;
            break;
        case TextChange::Op::Insert:
            html += "<ins style=\""_L1 + kInsStyle + "\"><span style=\""_L1 + kInsStyle + "\">"_L1 +
                    escapedLines(c.text) + "</span></ins>"_L1;
            break;
        }
    }
    return html;
}

QString ItemDiff::toHtml() const
{
    QString html;
    if (fromRevision > 0 && toRevision > 0)
        html += "<p>"_L1 +
                tr("Revision %1 compared with revision %2").arg(toVersion).arg(fromVersion).toHtmlEscaped() +
                "</p>"_L1;
    if (isEmpty()) {
        html += "<p>"_L1 + tr("Nothing changed.").toHtmlEscaped() + "</p>"_L1;
        return html;
    }
    if (!fields.isEmpty()) {
        html += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>"_L1 +
                tr("Field").toHtmlEscaped() + "</th><th>"_L1 + tr("Before").toHtmlEscaped() + "</th><th>"_L1 +
                tr("After").toHtmlEscaped() + "</th></tr>"_L1;
        for (const FieldChange &f : fields) {
            html += "<tr><td>"_L1 + f.label.toHtmlEscaped() + "</td><td>"_L1 +
                    textToHtml({TextChange{TextChange::Op::Delete, f.before}}) + "</td><td>"_L1 +
                    textToHtml({TextChange{TextChange::Op::Insert, f.after}}) + "</td></tr>"_L1;
        }
        html += "</table>"_L1;
    }
    if (!attachmentsAdded.isEmpty() || !attachmentsRemoved.isEmpty()) {
        html += "<p><b>"_L1 + tr("Attachments").toHtmlEscaped() + "</b></p><ul>"_L1;
        for (const Attachment &a : attachmentsAdded)
            html +=
                "<li>"_L1 +
                tr("added: %1").arg(textToHtml({TextChange{TextChange::Op::Insert, attachmentLabel(a)}})) +
                "</li>"_L1;
        for (const Attachment &a : attachmentsRemoved)
            html +=
                "<li>"_L1 +
                tr("removed: %1").arg(textToHtml({TextChange{TextChange::Op::Delete, attachmentLabel(a)}})) +
                "</li>"_L1;
        html += "</ul>"_L1;
    }
    if (bodyChanged()) {
        html += "<p><b>"_L1 + tr("Body").toHtmlEscaped() + "</b> "_L1 +
                tr("(%n character(s) inserted", nullptr, insertedCharacters()).toHtmlEscaped() + ", "_L1 +
                tr("%n deleted)", nullptr, deletedCharacters()).toHtmlEscaped() + "</p><p>"_L1 +
                textToHtml(body) + "</p>"_L1;
    }
    return html;
}

} // namespace baosong
