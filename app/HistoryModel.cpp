#include "HistoryModel.h"
#include "DisplayText.h"

#include <QIcon>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace baosong {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void HistoryModel::setEntries(const QList<HistoryEntry> &entries, const Organization *organization,
                              const Item *item)
{
    beginResetModel();
    m_entries = entries;
    m_lines.clear();
    for (const HistoryEntry &e : std::as_const(m_entries)) {
        const QString when = e.at.isValid() ? dateTimeText(e.at) : tr("(time unknown)");
        m_lines.append(tr("%1  %2").arg(when, ItemHistory::describe(e, organization, item)));
    }
    endResetModel();
}

void HistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_lines.clear();
    endResetModel();
}

const HistoryEntry *HistoryModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

bool HistoryModel::isLocalOnly() const
{
    return std::none_of(m_entries.cbegin(), m_entries.cend(),
                        [](const HistoryEntry &e) { return e.fromServer; });
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_lines.at(index.row());
    case Qt::ToolTipRole:
        return e.fromServer ? tr("From the server's audit log (event %1)").arg(e.sequence)
                            : tr("From the local copy of the item");
    case Qt::DecorationRole:
        switch (e.kind) {
        case HistoryEntry::Kind::Decision:
            return QIcon::fromTheme(e.type.endsWith("return"_L1) ? u"dialog-cancel"_s : u"dialog-ok-apply"_s);
        case HistoryEntry::Kind::Publication:
            return QIcon::fromTheme(u"internet-web-browser"_s);
        case HistoryEntry::Kind::Comment:
            return QIcon::fromTheme(u"mail-message"_s);
        case HistoryEntry::Kind::Override:
            return QIcon::fromTheme(u"dialog-warning"_s);
        default:
            return QIcon::fromTheme(u"document-edit"_s);
        }
    case AtRole:
        return e.at;
    case ActorRole:
        return e.actorId;
    case TypeRole:
        return e.type;
    case KindRole:
        return int(e.kind);
    case RevisionRole:
        return e.revision;
    case TextRole:
        return e.text;
    case FromServerRole:
        return e.fromServer;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AtRole, "at");
    names.insert(ActorRole, "actor");
    names.insert(TypeRole, "type");
    names.insert(KindRole, "kind");
    names.insert(RevisionRole, "revision");
    names.insert(TextRole, "text");
    names.insert(FromServerRole, "fromServer");
    return names;
}

} // namespace baosong
