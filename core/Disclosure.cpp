#include "Disclosure.h"

#include "Deadline.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace baosong::disclosure {

const QStringList &topics()
{
    static const QStringList list{
        u"国务院组织机构"_s,
        u"综合政务"_s,
        u"国民经济管理、国有资产监管"_s,
        u"财政、金融、审计"_s,
        u"国土资源、能源"_s,
        u"农业、林业、水利"_s,
        u"工业、交通"_s,
        u"商贸、海关、旅游"_s,
        u"市场监管、安全生产监管"_s,
        u"城乡建设、环境保护"_s,
        u"科技、教育"_s,
        u"文化、广电、新闻出版"_s,
        u"卫生、体育"_s,
        u"人口与计划生育、妇女儿童工作"_s,
        u"劳动、人事、监察"_s,
        u"公安、安全、司法"_s,
        u"民政、扶贫、救灾"_s,
        u"民族、宗教"_s,
        u"对外事务"_s,
        u"港澳台侨工作"_s,
        u"国防"_s,
        u"其他"_s,
    };
    return list;
}

const QStringList &genres()
{
    static const QStringList list{
        u"决议"_s, u"决定"_s, u"命令（令）"_s, u"公报"_s, u"公告"_s, u"通告"_s, u"意见"_s, u"通知"_s,
        u"通报"_s, u"报告"_s, u"请示"_s,       u"批复"_s, u"议案"_s, u"函"_s,   u"纪要"_s, u"规划"_s,
        u"计划"_s, u"方案"_s, u"办法"_s,       u"规定"_s, u"细则"_s, u"规则"_s, u"其他"_s,
    };
    return list;
}

QStringList splitKeywords(const QString &text)
{
    static const QRegularExpression separators(u"[,，、;；\\s]+"_s);
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString k = part.trimmed();
        if (!k.isEmpty() && !out.contains(k))
            out.append(k);
    }
    return out;
}

QString joinKeywords(const QStringList &keywords)
{
    return keywords.join(u"，"_s);
}

QString Organs::nameFor(const QString &unitId, const QString &fallback) const
{
    if (const QString own = unitNames.value(unitId).trimmed(); !own.isEmpty())
        return own;
    return name.trimmed().isEmpty() ? fallback : name.trimmed();
}

QString Organs::codeFor(const QString &unitId, const QString &legacy) const
{
    if (const QString own = unitCodes.value(unitId).trimmed(); !own.isEmpty())
        return own;
    return code.trimmed().isEmpty() ? legacy : code.trimmed();
}

int indexYear(const QDateTime &at)
{
    return chinaDate(at).year();
}

} // namespace baosong::disclosure
