#pragma once

// The office's column management (issue #18 point 2; Art. 5(2)): the column tree with its responsible
// units; a column's name, place, type, expected interval, responsible units, description, keywords,
// whether it is listed while empty, and retirement. Thin: core/ColumnChange says what is wrong before
// anything is sent (for comfort), client/ColumnsClient sends each change with the organization's
// version, the server decides and audits, and the sync engine brings the new organization
// (SyncEngine::organizationChanged → reload()). A move saves the new order of the column's siblings,
// one column after the other. Reachable from Settings for the office director, site administrators
// and administrators (ColumnChange::mayManage).

#include "Domain.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ColumnsDialog;
}

class QTreeWidgetItem;

namespace baosong {

class ClientSession;
class ColumnsClient;
class Organization;

class ColumnsDialog : public QDialog
{
    Q_OBJECT

public:
    // `session` and `organization` (kept current by the application) must outlive the dialog.
    ColumnsDialog(ClientSession *session, const Organization *organization, QWidget *parent = nullptr);
    ~ColumnsDialog() override;

    // Shows the organization as it is now, keeping the selected column selected.
    void reload();
    // Selects the column (tests); false when there is none of that id.
    bool select(const QString &columnId);
    // A new column under `parentId` (empty: the top level) in the form, not yet saved.
    void startNew(const QString &parentId);
    // The column the form holds now.
    Column edited() const;
    // Checks the form (core/ColumnChange) and sends it; false when the form was refused here.
    bool save();
    // Moves the selected column before its previous (-1) or after its next (+1) sibling.
    void move(int direction);
    bool isBusy() const;
    QString errorText() const;

signals:
    // A save (or every save of a move) ended (tests; `ok` false: the error label says why).
    void settled(bool ok);

private:
    void fillForm(const Column &column, bool isNew);
    void fillParents(const Column &column);
    void sendNext();
    void showError(const QString &message);
    void updateButtons();
    QString currentId() const;

    std::unique_ptr<Ui::ColumnsDialog> m_ui;
    ClientSession *m_session;
    const Organization *m_organization;
    ColumnsClient *m_client;
    QString m_selected;      // the column the form shows (empty with a new one)
    bool m_new = false;      // the form holds a column not saved yet
    QList<Column> m_pending; // saves still to send (a move)
    qint64 m_version = -1;   // the organization's version the next save is based on
};

} // namespace baosong
