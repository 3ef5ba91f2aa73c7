#include "Sql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace baosong::sql {

bool run(QSqlQuery &query, const QString &statement, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (values.isEmpty())
        return query.exec(statement);
    if (!query.prepare(statement))
        return false;
    for (const QVariant &v : values)
        query.addBindValue(v);
    return query.exec();
}

QString marks(qsizetype n)
{
    return QStringList(n, u"?"_s).join(u", "_s);
}

QString text(const QString &s)
{
    static const QString empty = QStringLiteral("");
    return s.isNull() ? empty : s;
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QVariant optionalTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(isoUtc(t)) : nullText();
}

QDateTime parseTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<QJsonObject> parseObject(const QString &data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &parseError);
    if (!doc.isObject()) {
        *error = parseError.error == QJsonParseError::NoError
                     ? QCoreApplication::translate("baosong::sql", "not a JSON object")
                     : parseError.errorString();
        return std::nullopt;
    }
    return doc.object();
}

bool beginImmediate(const QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery q(db);
    if (q.exec(u"BEGIN IMMEDIATE"_s))
        return true;
    *error = q.lastError();
    return false;
}

} // namespace baosong::sql
