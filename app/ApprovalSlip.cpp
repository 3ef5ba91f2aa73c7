#include "ApprovalSlip.h"

#include "ItemHistory.h"
#include "MessageBox.h"
#include "Organization.h"
#include "RouteEngine.h"

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"—"_s;
}

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : u"—"_s;
}

QString personText(const QString &id, const Organization &org)
{
    const Person *p = org.person(id);
    if (!p)
        return id;
    return p->title.isEmpty() ? p->name : ApprovalSlip::tr("%1 (%2)").arg(p->name, p->title);
}

QString row(const QString &label, const QString &value)
{
    return "<tr><th align=\"left\" width=\"22%\">"_L1 + esc(label) + "</th><td>"_L1 + esc(value) +
           "</td></tr>"_L1;
}

QString decisionText(const Decision &d)
{
    if (d.type == DecisionType::Return)
        return ApprovalSlip::tr("Returned");
    return d.confidentialityAttested
               ? ApprovalSlip::tr("Approved; confidentiality review (保密审查) attested")
               : ApprovalSlip::tr("Approved");
}

} // namespace

QString ApprovalSlip::fontFamily()
{
    return u"Noto Sans CJK SC"_s;
}

QString ApprovalSlip::html(const Item &item, const Organization &organization, const RouteEngine &routes,
                           const QList<AuditEvent> &events, const QDateTime &printedAt)
{
    const Revision *latest = item.latest();
    const RevisionContent content = latest ? latest->content : RevisionContent();
    const Unit *unit = organization.unit(item.unitId);
    const Column *column = organization.column(content.columnId);

    // When it was submitted: the last submission (or proposal) of the audit log.
    QDateTime submitted;
    for (const AuditEvent &e : events) {
        if (e.type == "action.submit"_L1 || e.type == "action.propose_change"_L1 ||
            e.type == "action.propose_retraction"_L1)
            submitted = e.at;
    }

    QString h;
    h += "<html><body style=\"font-family:'%1'; font-size:10pt;\">"_L1.arg(fontFamily());
    h += "<p align=\"center\" style=\"font-size:12pt;\">"_L1 + esc(organization.name) + "</p>"_L1;
    h += "<h1 align=\"center\" style=\"font-size:18pt;\">"_L1 + esc(tr("Approval slip")) + "</h1>"_L1;

    h += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\">"_L1;
    h += row(tr("Title"), content.title);
    h += row(tr("Kind"),
             displayName(item.kind) +
                 (item.proposal != Proposal::New ? tr(" — %1").arg(displayName(item.proposal)) : QString()));
    h += row(tr("Unit"), unit ? unit->name : item.unitId);
    h += row(tr("Author"), personText(item.authorId, organization));
    h += row(tr("Column"), column ? column->name : content.columnId);
    h += row(tr("Information date"), dateText(content.infoDate));
    h += row(tr("Submitted"),
             submitted.isValid() ? timeText(submitted) : tr("— (known to the server's history only)"));
    h += row(tr("Published"), timeText(item.publishedAt));
    if (!item.indexNumber.isEmpty())
        h += row(tr("Index number"), item.indexNumber);
    if (!content.documentNumber.isEmpty())
        h += row(tr("Document number"), content.documentNumber);
    h += row(tr("State"), displayName(item.state));
    h += row(tr("Revision"), QString::number(item.versionOrdinal(item.latestNumber())));
    h += "</table>"_L1;

    // The route of the current cycle: each stage, who decided it, when, how, and what they said.
    h += "<h2 style=\"font-size:13pt;\">"_L1 + esc(tr("Route")) + "</h2>"_L1;
    h += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\"><tr><th>"_L1 +
         esc(tr("Stage")) + "</th><th>"_L1 + esc(tr("Reviewer")) + "</th><th>"_L1 + esc(tr("Time")) +
         "</th><th>"_L1 + esc(tr("Decision")) + "</th><th>"_L1 + esc(tr("Comment")) + "</th></tr>"_L1;
    const RouteProgress progress = routes.progress(item);
    for (const StageProgress &step : progress.stages) {
        const std::optional<Decision> &decided = step.decision;
        h += "<tr><td>"_L1 + esc(step.stage.displayName()) + "</td>"_L1;
        if (decided) {
            QString comment = decided->reason;
            if (!decided->overrideReason.isEmpty())
                comment += (comment.isEmpty() ? QString() : u"\n"_s) +
                           tr("Override: %1").arg(decided->overrideReason);
            h += "<td>"_L1 + esc(personText(decided->personId, organization)) + "</td><td>"_L1 +
                 esc(timeText(decided->at)) + "</td><td>"_L1 + esc(decisionText(*decided)) + "</td><td>"_L1 +
                 esc(comment) + "</td>"_L1;
        } else {
            h += "<td colspan=\"4\">"_L1 + esc(step.waiting ? tr("waiting for decision") : tr("—")) +
                 "</td>"_L1;
        }
        h += "</tr>"_L1;
    }
    h += "</table>"_L1;

    // Earlier rounds: the returns that sent the item back.
    QString earlier;
    for (const Decision &d : progress.earlierRounds) {
        const std::optional<Stage> stage = routes.stage(item, d.stageId);
        earlier += "<tr><td>"_L1 + QString::number(d.cycle) + "</td><td>"_L1 +
                   esc(stage ? stage->displayName() : d.stageId) + "</td><td>"_L1 +
                   esc(personText(d.personId, organization)) + "</td><td>"_L1 + esc(timeText(d.at)) +
                   "</td><td>"_L1 + esc(decisionText(d)) + "</td><td>"_L1 + esc(d.reason) + "</td></tr>"_L1;
    }
    if (!earlier.isEmpty()) {
        h += "<h2 style=\"font-size:13pt;\">"_L1 + esc(tr("Earlier rounds")) + "</h2>"_L1;
        h += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\"><tr><th>"_L1 +
             esc(tr("Round")) + "</th><th>"_L1 + esc(tr("Stage")) + "</th><th>"_L1 + esc(tr("Reviewer")) +
             "</th><th>"_L1 + esc(tr("Time")) + "</th><th>"_L1 + esc(tr("Decision")) + "</th><th>"_L1 +
             esc(tr("Comment")) + "</th></tr>"_L1 + earlier + "</table>"_L1;
    }

    QString overrides;
    for (const AuditEvent &e : events) {
        if (e.type == "override"_L1)
            overrides += "<li>"_L1 +
                         esc(tr("%1, %2: %3")
                                 .arg(personText(e.actorId, organization), timeText(e.at),
                                      e.details.value("reason"_L1).toString())) +
                         "</li>"_L1;
    }
    if (!overrides.isEmpty())
        h += "<h2 style=\"font-size:13pt;\">"_L1 + esc(tr("Overrides")) + "</h2><ul>"_L1 + overrides +
             "</ul>"_L1;

    if (!item.comments.isEmpty()) {
        h += "<h2 style=\"font-size:13pt;\">"_L1 + esc(tr("Comments")) + "</h2><ul>"_L1;
        for (const Comment &c : item.comments)
            h += "<li>"_L1 +
                 esc(tr("%1, %2 (revision %3): %4")
                         .arg(personText(c.personId, organization), timeText(c.at))
                         .arg(item.versionOrdinal(c.revision))
                         .arg(c.text)) +
                 "</li>"_L1;
        h += "</ul>"_L1;
    }
    h += "<p style=\"font-size:8pt;\">"_L1 +
         esc(tr("Printed %1. Item %2.").arg(timeText(printedAt), item.id)) + "</p>"_L1;
    h += "</body></html>"_L1;
    return h;
}

void ApprovalSlip::render(QPagedPaintDevice *device, const Item &item, const Organization &organization,
                          const RouteEngine &routes, const QList<AuditEvent> &events)
{
    QTextDocument document;
    QFont font(fontFamily());
    font.setPointSizeF(10);
    document.setDefaultFont(font);
    document.setHtml(html(item, organization, routes, events));
    document.print(device);
}

bool ApprovalSlip::writePdf(const Item &item, const Organization &organization, const RouteEngine &routes,
                            const QList<AuditEvent> &events, const QString &path, QString *error)
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Approval slip: %1").arg(item.latest() ? item.latest()->content.title : item.id));
        writer.setCreator(u"Baosong"_s);
        render(&writer, item, organization, routes, events);
    }
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0) {
        if (error)
            *error = tr("The approval slip could not be written to %1. Check that the folder exists and "
                        "that you may write there.")
                         .arg(path);
        return false;
    }
    return true;
}

bool ApprovalSlip::print(QPrinter *printer, const Item &item, const Organization &organization,
                         const RouteEngine &routes, const QList<AuditEvent> &events, QString *error)
{
    if (!printer->isValid()) {
        if (error)
            *error = tr("The printer is not available.");
        return false;
    }
    render(printer, item, organization, routes, events);
    return true;
}

bool ApprovalSlip::printWithDialog(QWidget *parent, const Item &item, const Organization &organization,
                                   const RouteEngine &routes, const QList<AuditEvent> &events)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(tr("Approval slip"));
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print the approval slip"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString error;
    if (!print(&printer, item, organization, routes, events, &error)) {
        MessageBox::warning(parent, tr("Print the approval slip"), error);
        return false;
    }
    return true;
}

} // namespace baosong
