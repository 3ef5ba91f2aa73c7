#pragma once

// The printable approval slip (审签单, docs/design.md §5) of any item: its title, kind, unit, author, dates
// (information date, submitted, published), index number, and its route — every stage with its
// reviewer, time, decision and comment (the current submission cycle; earlier returns below) — then
// overrides and comments. One layout (html(), rendered by QTextDocument in the Noto Sans CJK SC
// family), written to PDF (QPdfWriter, A4) or printed (QPrinter through QPrintDialog).
//
// The audit events (GET /api/v1/items/{id}/history, client/ItemHistory) add what the item itself does
// not keep: when it was submitted and the recorded overrides. Without them (offline) the slip says the
// submission time is not known.

#include "Domain.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QPagedPaintDevice;
class QPrinter;
class QWidget;

namespace baosong {

class Organization;
class RouteEngine;

class ApprovalSlip
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalSlip)

public:
    // The font family of the slip.
    static QString fontFamily(); // "Noto Sans CJK SC"

    // The page as an HTML document (the one layout of the slip).
    static QString html(const Item &item, const Organization &organization, const RouteEngine &routes,
                        const QList<AuditEvent> &events,
                        const QDateTime &printedAt = QDateTime::currentDateTime());
    // Lays the slip out on `device` (a QPdfWriter or QPrinter), page after page.
    static void render(QPagedPaintDevice *device, const Item &item, const Organization &organization,
                       const RouteEngine &routes, const QList<AuditEvent> &events);
    // A4 PDF at `path` (written in place by QPdfWriter); false with a translated message.
    static bool writePdf(const Item &item, const Organization &organization, const RouteEngine &routes,
                         const QList<AuditEvent> &events, const QString &path, QString *error);
    // Prints on `printer`.
    static bool print(QPrinter *printer, const Item &item, const Organization &organization,
                      const RouteEngine &routes, const QList<AuditEvent> &events, QString *error);
    // Asks for a printer (QPrintDialog) and prints; false when cancelled or failed.
    static bool printWithDialog(QWidget *parent, const Item &item, const Organization &organization,
                                const RouteEngine &routes, const QList<AuditEvent> &events);
};

} // namespace baosong
