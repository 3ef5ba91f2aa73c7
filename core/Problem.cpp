#include "Problem.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace baosong {

Problem Problem::fromAnswer(int status, const QByteArray &body, const QByteArray &requestIdHeader,
                            const QByteArray &retryAfterHeader)
{
    Problem p;
    p.status = status;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    p.title = json.value("title"_L1).toString();
    p.detail = json.value("detail"_L1).toString();
    p.refusal = json.value("refusal"_L1).toString();
    p.requestId = QString::fromLatin1(requestIdHeader.trimmed());
    if (p.requestId.isEmpty())
        p.requestId = json.value("request_id"_L1).toString();
    bool ok = false;
    const int retry = retryAfterHeader.trimmed().toInt(&ok);
    p.retryAfterSeconds = ok && retry > 0 ? retry : 0;
    return p;
}

QString Problem::refusalText(const QString &refusal)
{
    static const QHash<QString, const char *> texts{
        {u"not_permitted"_s, QT_TR_NOOP("This step is not yours to take: another role decides it.")},
        {u"out_of_scope"_s, QT_TR_NOOP("This step is not yours to take: your role covers other units.")},
        {u"own_revision"_s,
         QT_TR_NOOP("Nobody may decide on their own item or revision; another reviewer must decide.")},
        {u"not_author"_s, QT_TR_NOOP("Only the author of this item can do that.")},
        {u"skipping_levels"_s, QT_TR_NOOP("The item is at another stage: no stage may be skipped.")},
        {u"stages_missing"_s, QT_TR_NOOP("An earlier stage has not approved this item yet.")},
        {u"person_disabled"_s, QT_TR_NOOP("This account is disabled. Ask the information centre.")},
        {u"decided_other_stage"_s,
         QT_TR_NOOP("You decided another stage of this item already; each stage is decided by another "
                    "person.")},
        {u"stale_revision"_s,
         QT_TR_NOOP("The item changed since you saw it. Look at the new version, then decide again.")},
        {u"wrong_state"_s, QT_TR_NOOP("The item is no longer in a state where this step applies.")},
        {u"already_decided"_s, QT_TR_NOOP("This stage was decided meanwhile. Look at the item again.")},
        {u"reason_required"_s, QT_TR_NOOP("Give a reason for this step.")},
        {u"content_required"_s, QT_TR_NOOP("The item needs at least a title. Add one and send it again.")},
        {u"attestation_required"_s,
         QT_TR_NOOP("The last stage must confirm the confidentiality review (保密审查).")},
        {u"interpretation_missing"_s,
         QT_TR_NOOP("A major policy document needs its interpretation linked, or a recorded reason.")},
        {u"checks_failed"_s,
         QT_TR_NOOP("The server's checks stop this step. Open the item: its checks say what to change.")},
        {u"edit_not_minor"_s,
         QT_TR_NOOP("These edits are more than minor. Return the item to its author instead.")},
        {u"live_page_kept"_s,
         QT_TR_NOOP("The item is live on the site: to take it off, its unit proposes a retraction.")},
        {u"unknown_attachment"_s,
         QT_TR_NOOP("An attachment is not on the server for you. Attach the file again from your computer.")},
    };
    const auto it = texts.constFind(refusal);
    return it == texts.cend() ? QString() : tr(*it);
}

QString Problem::text() const
{
    if (const QString own = refusalText(refusal); !own.isEmpty())
        return own;
    if (!detail.isEmpty())
        return detail;
    if (!title.isEmpty())
        return title;
    return tr("The server answered %1.").arg(status);
}

QString Problem::message() const
{
    return text() + requestIdSuffix(requestId);
}

QString Problem::requestIdSuffix(const QString &requestId)
{
    return requestId.isEmpty() ? QString() : u' ' + tr("(request %1)").arg(requestId);
}

} // namespace baosong
