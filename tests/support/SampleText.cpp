#include "SampleText.h"

using namespace Qt::StringLiterals;

namespace baosong::test {

namespace {

const QStringList kVerbs{u"推进"_s, u"加强"_s, u"落实"_s, u"开展"_s,
                         u"完善"_s, u"规范"_s, u"组织"_s, u"部署"_s};
const QStringList kTitleForms{u"关于%1%2的公告"_s, u"关于做好%1%2工作的通知"_s,
                              u"%1%2实施方案"_s,   u"市局召开%1%2工作会议"_s,
                              u"%1%2情况通报"_s,   u"《%1%2管理办法》政策解读"_s};
const QStringList kPunctuation{u"，"_s, u"，"_s, u"、"_s};

} // namespace

const QStringList &sampleWords()
{
    static const QStringList words{
        u"自然资源"_s,     u"国土空间"_s, u"总体规划"_s,   u"详细规划"_s,     u"土地"_s,
        u"不动产登记"_s,   u"确权颁证"_s, u"耕地保护"_s,   u"永久基本农田"_s, u"用途管制"_s,
        u"建设用地"_s,     u"使用权"_s,   u"挂牌出让"_s,   u"征收"_s,         u"补偿安置"_s,
        u"测绘地理信息"_s, u"地质灾害"_s, u"防治"_s,       u"矿产资源"_s,     u"矿业权"_s,
        u"生态修复"_s,     u"森林资源"_s, u"湿地保护"_s,   u"执法监察"_s,     u"批前公示"_s,
        u"听证"_s,         u"审批"_s,     u"备案"_s,       u"规划许可"_s,     u"城乡"_s,
        u"村庄规划"_s,     u"历史文化"_s, u"保护名录"_s,   u"储备"_s,         u"供应计划"_s,
        u"节约集约"_s,     u"卫片"_s,     u"督察"_s,       u"整改"_s,         u"信访"_s,
        u"政务公开"_s,     u"便民服务"_s, u"一窗受理"_s,   u"并联审批"_s,     u"营商环境"_s,
        u"数字化"_s,       u"统一调查"_s, u"年度变更"_s,   u"三区三线"_s,     u"耕地占补平衡"_s,
        u"宅基地"_s,       u"农房"_s,     u"市人民政府"_s, u"区分局"_s,       u"有关单位"_s,
        u"社会公众"_s,     u"意见建议"_s, u"工作方案"_s,   u"实施细则"_s,     u"通知"_s,
    };
    return words;
}

QString sampleWord(QRandomGenerator &r)
{
    const QStringList &words = sampleWords();
    return words.at(r.bounded(int(words.size())));
}

QString sampleTitle(QRandomGenerator &r)
{
    return kTitleForms.at(r.bounded(int(kTitleForms.size()))).arg(sampleWord(r), sampleWord(r));
}

QString sampleBody(QRandomGenerator &r, int characters)
{
    QString html = u"<p>"_s;
    int length = 0;
    while (length < characters) {
        QString sentence = kVerbs.at(r.bounded(int(kVerbs.size())));
        const int parts = 2 + r.bounded(5);
        for (int i = 0; i < parts; ++i)
            sentence += sampleWord(r) + (i + 1 < parts ? kPunctuation.at(r.bounded(3)) : u"。"_s);
        length += int(sentence.size());
        html += sentence;
        if (r.bounded(4) == 0)
            html += u"</p><p>"_s;
    }
    return html + u"</p>"_s;
}

} // namespace baosong::test
