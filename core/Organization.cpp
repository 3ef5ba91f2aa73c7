#include "Organization.h"

#include "DomainJson.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace baosong {

// ---- JSON forms of units, people and columns (declared in DomainJson.h) ----------------------------

namespace {

// Reads an optional text field; false when the field is present with another type.
bool readText(const QJsonObject &o, QLatin1StringView key, QString *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return true;
    }
    if (!v.isString())
        return false;
    *out = v.toString();
    return true;
}

// Reads an optional list of texts; false when present with another type or holding a non-text.
bool readTextList(const QJsonObject &o, QLatin1StringView key, QStringList *out)
{
    out->clear();
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return false;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &e : array) {
        if (!e.isString())
            return false;
        out->append(e.toString());
    }
    return true;
}

// Reads an optional whole number; false when present and not a whole number in int's range.
bool readInt(const QJsonObject &o, QLatin1StringView key, int *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        *out = 0;
        return true;
    }
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (std::trunc(d) != d || d < std::numeric_limits<int>::min() || d > std::numeric_limits<int>::max())
        return false;
    *out = static_cast<int>(d);
    return true;
}

bool readBool(const QJsonObject &o, QLatin1StringView key, bool *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        *out = false;
        return true;
    }
    if (!v.isBool())
        return false;
    *out = v.toBool();
    return true;
}

QString quoted(const QString &s)
{
    return u'"' + s + u'"';
}

QString invalidField(const QString &entry, QLatin1StringView key)
{
    return QCoreApplication::translate("DomainJson", "%1: the field \"%2\" has the wrong type.")
        .arg(entry, QString(key));
}

QString missingField(const QString &entry, QLatin1StringView key)
{
    return QCoreApplication::translate("DomainJson", "%1: the required field \"%2\" is missing or empty.")
        .arg(entry, QString(key));
}

// Sets *error (when given) and returns false, for `return fail(error, ...);`.
bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Reads the "id" of an entry, which every unit, person and column must have.
bool readId(const QJsonObject &o, const QString &whatHasNoId, QString *id, QString *error)
{
    if (!readText(o, "id"_L1, id) || id->trimmed().isEmpty()) {
        return fail(error, whatHasNoId);
    }
    return true;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

namespace json {

QJsonObject toJson(const Unit &u)
{
    return QJsonObject{
        {"id"_L1, u.id},
        {"name"_L1, u.name},
        {"type"_L1, toString(u.type)},
        {"code"_L1, u.code},
    };
}

bool fromJson(const QJsonObject &o, Unit *out, QString *error)
{
    Unit u;
    if (!readId(o, QCoreApplication::translate("DomainJson", "A unit has no \"id\"."), &u.id, error))
        return false;
    const QString entry = QCoreApplication::translate("DomainJson", "Unit %1").arg(quoted(u.id));
    if (!readText(o, "name"_L1, &u.name))
        return fail(error, invalidField(entry, "name"_L1));
    if (u.name.trimmed().isEmpty())
        return fail(error, missingField(entry, "name"_L1));
    QString type;
    if (!readText(o, "type"_L1, &type))
        return fail(error, invalidField(entry, "type"_L1));
    const std::optional<UnitType> t = unitTypeFromString(type);
    if (!t) {
        return fail(
            error,
            QCoreApplication::translate("DomainJson", "%1: unknown unit type \"%2\".").arg(entry, type));
    }
    u.type = *t;
    if (!readText(o, "code"_L1, &u.code))
        return fail(error, invalidField(entry, "code"_L1));
    if (u.code.contains(u'/') || u.code.contains(u' ')) {
        return fail(error, QCoreApplication::translate(
                               "DomainJson", "%1: the code \"%2\" must not contain a slash or a space "
                                             "(it starts disclosure index numbers).")
                               .arg(entry, u.code));
    }
    *out = u;
    return true;
}

QJsonObject toJson(const Person &p)
{
    QJsonArray grants;
    for (const RoleGrant &g : p.grants) {
        grants.append(QJsonObject{
            {"role"_L1, toString(g.role)},
            {"unit_ids"_L1, toArray(g.unitIds)},
            {"bureau_wide"_L1, g.bureauWide},
        });
    }
    QJsonObject o{
        {"id"_L1, p.id},          {"name"_L1, p.name},   {"title"_L1, p.title},
        {"unit_id"_L1, p.unitId}, {"grants"_L1, grants},
    };
    if (p.disabled)
        o.insert("disabled"_L1, true);
    return o;
}

bool fromJson(const QJsonObject &o, Person *out, QString *error)
{
    Person p;
    if (!readId(o, QCoreApplication::translate("DomainJson", "A person has no \"id\"."), &p.id, error))
        return false;
    const QString entry = QCoreApplication::translate("DomainJson", "Person %1").arg(quoted(p.id));
    if (!readText(o, "name"_L1, &p.name))
        return fail(error, invalidField(entry, "name"_L1));
    if (p.name.trimmed().isEmpty())
        return fail(error, missingField(entry, "name"_L1));
    if (!readText(o, "title"_L1, &p.title))
        return fail(error, invalidField(entry, "title"_L1));
    if (!readText(o, "unit_id"_L1, &p.unitId))
        return fail(error, invalidField(entry, "unit_id"_L1));
    if (!readBool(o, "disabled"_L1, &p.disabled))
        return fail(error, invalidField(entry, "disabled"_L1));

    const QJsonValue grantsValue = o.value("grants"_L1);
    if (!grantsValue.isUndefined() && !grantsValue.isNull() && !grantsValue.isArray())
        return fail(error, invalidField(entry, "grants"_L1));
    const QJsonArray grants = grantsValue.toArray();
    for (qsizetype i = 0; i < grants.size(); ++i) {
        const QString grantEntry =
            QCoreApplication::translate("DomainJson", "Person %1, grant %2").arg(quoted(p.id)).arg(i + 1);
        if (!grants.at(i).isObject()) {
            return fail(error,
                        QCoreApplication::translate("DomainJson", "%1: not an object.").arg(grantEntry));
        }
        const QJsonObject go = grants.at(i).toObject();
        RoleGrant g;
        QString role;
        if (!readText(go, "role"_L1, &role))
            return fail(error, invalidField(grantEntry, "role"_L1));
        const std::optional<Role> r = roleFromString(role);
        if (!r) {
            return fail(
                error,
                QCoreApplication::translate("DomainJson", "%1: unknown role \"%2\".").arg(grantEntry, role));
        }
        g.role = *r;
        if (!readTextList(go, "unit_ids"_L1, &g.unitIds))
            return fail(error, invalidField(grantEntry, "unit_ids"_L1));
        if (!readBool(go, "bureau_wide"_L1, &g.bureauWide))
            return fail(error, invalidField(grantEntry, "bureau_wide"_L1));
        if (!g.bureauWide && g.unitIds.isEmpty()) {
            return fail(error, QCoreApplication::translate(
                                   "DomainJson", "%1 (%2) is not bureau-wide and names no unit: "
                                                 "list its units in \"unit_ids\" or set \"bureau_wide\".")
                                   .arg(grantEntry, toString(g.role)));
        }
        p.grants.append(g);
    }
    *out = p;
    return true;
}

QJsonObject toJson(const Column &c)
{
    QJsonObject o{
        {"id"_L1, c.id},
        {"parent_id"_L1, c.parentId},
        {"name"_L1, c.name},
        {"description"_L1, c.description},
        {"keywords"_L1, toArray(c.keywords)},
        {"type"_L1, toString(c.type)},
        {"responsible_unit_ids"_L1, toArray(c.responsibleUnitIds)},
        {"update_interval_days"_L1, c.updateIntervalDays},
        {"sort_order"_L1, c.sortOrder},
    };
    if (c.retired)
        o.insert("retired"_L1, true);
    if (c.listedWhenEmpty)
        o.insert("listed_when_empty"_L1, true);
    return o;
}

bool fromJson(const QJsonObject &o, Column *out, QString *error)
{
    Column c;
    if (!readId(o, QCoreApplication::translate("DomainJson", "A column has no \"id\"."), &c.id, error))
        return false;
    const QString entry = QCoreApplication::translate("DomainJson", "Column %1").arg(quoted(c.id));
    if (!readText(o, "parent_id"_L1, &c.parentId))
        return fail(error, invalidField(entry, "parent_id"_L1));
    if (!readText(o, "name"_L1, &c.name))
        return fail(error, invalidField(entry, "name"_L1));
    if (c.name.trimmed().isEmpty())
        return fail(error, missingField(entry, "name"_L1));
    if (!readText(o, "description"_L1, &c.description))
        return fail(error, invalidField(entry, "description"_L1));
    if (!readTextList(o, "keywords"_L1, &c.keywords))
        return fail(error, invalidField(entry, "keywords"_L1));
    QString type;
    if (!readText(o, "type"_L1, &type))
        return fail(error, invalidField(entry, "type"_L1));
    const std::optional<ColumnType> t = columnTypeFromString(type);
    if (!t) {
        return fail(
            error,
            QCoreApplication::translate("DomainJson", "%1: unknown column type \"%2\".").arg(entry, type));
    }
    c.type = *t;
    if (!readTextList(o, "responsible_unit_ids"_L1, &c.responsibleUnitIds))
        return fail(error, invalidField(entry, "responsible_unit_ids"_L1));
    if (!readInt(o, "update_interval_days"_L1, &c.updateIntervalDays))
        return fail(error, invalidField(entry, "update_interval_days"_L1));
    if (c.updateIntervalDays < 0) {
        return fail(error, QCoreApplication::translate(
                               "DomainJson", "%1: the update interval (%2 days) is negative; use 0 for "
                                             "a column without an expected interval.")
                               .arg(entry)
                               .arg(c.updateIntervalDays));
    }
    if (!readInt(o, "sort_order"_L1, &c.sortOrder))
        return fail(error, invalidField(entry, "sort_order"_L1));
    if (!readBool(o, "retired"_L1, &c.retired))
        return fail(error, invalidField(entry, "retired"_L1));
    if (!readBool(o, "listed_when_empty"_L1, &c.listedWhenEmpty))
        return fail(error, invalidField(entry, "listed_when_empty"_L1));
    *out = c;
    return true;
}

} // namespace json

// ---- Organization ---------------------------------------------------------------------------------

namespace {

template <typename T> const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &e : list) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

// Parses the array `key` of `json` into `out`, checking that every entry is an object with an id.
template <typename T>
bool parseArray(const QJsonObject &json, QLatin1StringView key, QList<T> *out, QString *error)
{
    const QJsonValue v = json.value(key);
    if (!v.isArray()) {
        return fail(error, QCoreApplication::translate(
                               "Organization", "The organization has no \"%1\" list (it may be empty, "
                                               "but it must be there).")
                               .arg(QString(key)));
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue e = array.at(i);
        const QJsonValue id = e.toObject().value("id"_L1);
        if (!e.isObject() || !id.isString() || id.toString().trimmed().isEmpty()) {
            return fail(error, QCoreApplication::translate(
                                   "Organization", "Entry %1 of \"%2\" is not an object with an \"id\".")
                                   .arg(i + 1)
                                   .arg(QString(key)));
        }
        T parsed;
        if (!json::fromJson(e.toObject(), &parsed, error))
            return false;
        out->append(parsed);
    }
    return true;
}

template <typename T>
bool checkUniqueIds(const QList<T> &list, const QString &duplicateMessage, QString *error)
{
    QSet<QString> seen;
    for (const T &e : list) {
        if (seen.contains(e.id)) {
            return fail(error, duplicateMessage.arg(e.id));
        }
        seen.insert(e.id);
    }
    return true;
}

bool validate(const Organization &org, QString *error)
{
    if (!checkUniqueIds(
            org.units, QCoreApplication::translate("Organization", "Two units have the id \"%1\"."), error) ||
        !checkUniqueIds(org.people,
                        QCoreApplication::translate("Organization", "Two people have the id \"%1\"."),
                        error) ||
        !checkUniqueIds(org.columns,
                        QCoreApplication::translate("Organization", "Two columns have the id \"%1\"."),
                        error))
        return false;

    QHash<QString, QString> unitOfCode;
    for (const Unit &u : org.units) {
        if (u.code.isEmpty())
            continue;
        if (unitOfCode.contains(u.code)) {
            return fail(error, QCoreApplication::translate(
                                   "Organization", "Units \"%1\" and \"%2\" have the same code \"%3\".")
                                   .arg(unitOfCode.value(u.code), u.id, u.code));
        }
        unitOfCode.insert(u.code, u.id);
    }

    for (const Person &p : org.people) {
        if (!p.unitId.isEmpty() && !org.unit(p.unitId)) {
            return fail(error, QCoreApplication::translate(
                                   "Organization", "Person \"%1\" belongs to the unknown unit \"%2\".")
                                   .arg(p.id, p.unitId));
        }
        for (qsizetype i = 0; i < p.grants.size(); ++i) {
            const RoleGrant &g = p.grants.at(i);
            for (const QString &unitId : g.unitIds) {
                if (!org.unit(unitId)) {
                    return fail(error, QCoreApplication::translate(
                                           "Organization", "Person \"%1\", grant %2 (%3) names the unknown "
                                                           "unit \"%4\".")
                                           .arg(p.id)
                                           .arg(i + 1)
                                           .arg(toString(g.role), unitId));
                }
            }
        }
    }

    for (const Column &c : org.columns) {
        if (!c.parentId.isEmpty() && !org.column(c.parentId)) {
            return fail(error, QCoreApplication::translate("Organization",
                                                           "Column \"%1\" has the unknown parent \"%2\".")
                                   .arg(c.id, c.parentId));
        }
        for (const QString &unitId : c.responsibleUnitIds) {
            if (!org.unit(unitId)) {
                return fail(error, QCoreApplication::translate(
                                       "Organization", "Column \"%1\" names the unknown responsible unit "
                                                       "\"%2\".")
                                       .arg(c.id, unitId));
            }
        }
    }

    // Every parent exists now; walking up from each column must reach the top level.
    for (const Column &c : org.columns) {
        QStringList path{c.id};
        const Column *at = &c;
        while (!at->parentId.isEmpty()) {
            const qsizetype seen = path.indexOf(at->parentId);
            if (seen >= 0) {
                QStringList cycle = path.mid(seen);
                cycle.append(at->parentId);
                return fail(error, QCoreApplication::translate(
                                       "Organization", "Column \"%1\" is in a cycle of the column tree: %2.")
                                       .arg(at->parentId, cycle.join(u" → "_s)));
            }
            path.append(at->parentId);
            at = org.column(at->parentId);
        }
    }
    return true;
}

} // namespace

QString Organization::shortUnitName(const QString &unitId) const
{
    const Unit *u = unit(unitId);
    if (!u)
        return unitId;
    if (!name.isEmpty() && u->name.size() > name.size() && u->name.startsWith(name))
        return u->name.mid(name.size());
    return u->name;
}

const Unit *Organization::unit(const QString &id) const
{
    return findById(units, id);
}
const Person *Organization::person(const QString &id) const
{
    return findById(people, id);
}
const Column *Organization::column(const QString &id) const
{
    return findById(columns, id);
}

QList<const Column *> Organization::childColumns(const QString &parentId) const
{
    QList<const Column *> out;
    for (const Column &c : columns) {
        if (c.parentId == parentId)
            out.append(&c);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Column *a, const Column *b) { return a->sortOrder < b->sortOrder; });
    return out;
}

QList<const Column *> Organization::columnsOfUnit(const QString &unitId) const
{
    QList<const Column *> out;
    for (const Column &c : columns) {
        if (c.responsibleUnitIds.contains(unitId))
            out.append(&c);
    }
    return out;
}

QList<const Person *> Organization::holders(Role role, const QString &unitId) const
{
    QList<const Person *> out;
    for (const Person &p : people) {
        if (p.holds(role, unitId))
            out.append(&p);
    }
    return out;
}

QJsonObject Organization::toJson() const
{
    QJsonArray unitArray;
    for (const Unit &u : units)
        unitArray.append(json::toJson(u));
    QJsonArray peopleArray;
    for (const Person &p : people)
        peopleArray.append(json::toJson(p));
    QJsonArray columnArray;
    for (const Column &c : columns)
        columnArray.append(json::toJson(c));
    return QJsonObject{
        {"name"_L1, name},       {"short_name"_L1, shortName}, {"example_data"_L1, exampleData},
        {"units"_L1, unitArray}, {"people"_L1, peopleArray},   {"columns"_L1, columnArray},
    };
}

bool Organization::fromJson(const QJsonObject &json, Organization *out, QString *error)
{
    Organization org;
    if (!readText(json, "name"_L1, &org.name) || org.name.trimmed().isEmpty()) {
        return fail(error, QCoreApplication::translate("Organization", "The organization has no \"name\"."));
    }
    if (!readText(json, "short_name"_L1, &org.shortName)) {
        return fail(error, invalidField(QCoreApplication::translate("Organization", "The organization"),
                                        "short_name"_L1));
    }
    if (!readBool(json, "example_data"_L1, &org.exampleData)) {
        return fail(error, invalidField(QCoreApplication::translate("Organization", "The organization"),
                                        "example_data"_L1));
    }
    if (!parseArray(json, "units"_L1, &org.units, error) ||
        !parseArray(json, "people"_L1, &org.people, error) ||
        !parseArray(json, "columns"_L1, &org.columns, error) || !validate(org, error))
        return false;
    *out = org;
    return true;
}

bool Organization::fromFile(const QString &path, Organization *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(error, QCoreApplication::translate("Organization",
                                                       "Cannot open the organization file \"%1\": %2.")
                               .arg(path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(error, QCoreApplication::translate("Organization",
                                                       "The organization file \"%1\" is not valid JSON: %2 "
                                                       "(at offset %3).")
                               .arg(path, parseError.errorString())
                               .arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return fail(error, QCoreApplication::translate(
                               "Organization", "The organization file \"%1\" does not hold a JSON object.")
                               .arg(path));
    }
    QString why;
    if (!fromJson(doc.object(), out, &why)) {
        return fail(error,
                    QCoreApplication::translate("Organization", "The organization file \"%1\" is invalid: %2")
                        .arg(path, why));
    }
    return true;
}

Organization Organization::demo()
{
    Organization org;
    QString error;
    if (!fromFile(u":/baosong/demo-organization.json"_s, &org, &error))
        qCCritical(lcCore) << "The shipped demo organization does not load:" << error;
    return org;
}

} // namespace baosong
