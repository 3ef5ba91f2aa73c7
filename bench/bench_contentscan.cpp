// Content detectors benchmark (issue #17 point 1: checking a 20,000-character item against word lists of
// 1,000 entries each, median ≤ 5 ms). Prints figures; asserts nothing about time.
//
// The lists are generated: 1,000 sensitive words and 1,000 misused words of 2–6 random Chinese
// characters. The item is the sample body text of a bureau notice cut to 20,000 characters, with
// something to find planted every 667 characters: a resident ID, a mobile number, a bank card, a marking,
// a coordinate pair, misused words of the shipped list and ten words of the generated lists. A stress
// run puts every word the sample text is made of on the lists (a finding every few characters); the
// shipped lists are timed for comparison.
//
// Usage: bench_contentscan [runs]   (default 50)

#include "BenchFigure.h"
#include "ContentScan.h"
#include "HtmlText.h"
#include "Measure.h"
#include "SampleText.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

QString randomHanzi(QRandomGenerator &r, int length)
{
    QString s;
    for (int i = 0; i < length; ++i)
        s += QChar(char16_t(0x4E00 + r.bounded(0x9FA5 - 0x4E00)));
    return s;
}

WordLists generatedLists(QRandomGenerator &r, int count, const QStringList &include)
{
    WordLists lists;
    QSet<QString> seen;
    auto next = [&](int n) {
        const QString w = n < include.size() ? include.at(n) : randomHanzi(r, 2 + r.bounded(5));
        if (seen.contains(w))
            return QString();
        seen.insert(w);
        return w;
    };
    for (int n = 0; lists.sensitive.size() < count; ++n) {
        if (const QString w = next(n); !w.isEmpty())
            lists.sensitive.append({w, r.bounded(2) ? Severity::Blocking : Severity::Warning, {}});
    }
    seen.clear();
    for (int n = 0; lists.misused.size() < count; ++n) {
        if (const QString w = next(n); !w.isEmpty())
            lists.misused.append({w, w.left(w.size() - 1) + randomHanzi(r, 1)});
    }
    return lists;
}

// The item: sample text with something to find every 2,000 characters (`planted`: list words too).
QString item(QRandomGenerator &r, int characters, const QStringList &planted)
{
    QString text = HtmlText::plainText(test::sampleBody(r, characters + 2000));
    QStringList hits{u"身份证号11010519491231002X，"_s, u"联系电话13800138000。"_s,
                     u"卡号6222020200001234567。"_s,    u"机 密\n★一年"_s,
                     u"坐标116.397128, 39.916527。"_s,  u"中华人名共和国，再接再励。"_s};
    hits += planted;
    for (int at = 1000, n = 0; at < characters; at += 2000 / 3, ++n)
        text.insert(at, hits.at(n % hits.size()));
    text.truncate(characters);
    return text;
}

struct Figures
{
    double median, p90, min;
};

template <typename F> Figures measure(int runs, F &&f)
{
    std::vector<double> values;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        values.push_back(test::ms(t));
    }
    const test::Stats s = test::stats(values);
    return {s.median, test::percentile(values, 0.9), s.min};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 50;
    QRandomGenerator r(17);

    // Realistic: 1,000 + 1,000 words, of which a few occur in the item (planted), a few dozen findings.
    const WordLists lists = generatedLists(r, 1000, {});
    QStringList planted;
    for (int i = 0; i < 5; ++i)
        planted << lists.sensitive.at(r.bounded(1000)).word << lists.misused.at(r.bounded(1000)).wrong;
    const QString text = item(r, 20000, planted);

    std::optional<ContentScanner> scanner;
    const Figures build = measure(5, [&] { scanner.emplace(lists); });
    int findings = 0;
    const Figures scan = measure(runs, [&] { findings = int(scanner->scanText(text).size()); });

    std::printf("content scan: %lld characters, %lld sensitive + %lld misused words, %d runs\n",
                qlonglong(text.size()), qlonglong(lists.sensitive.size()), qlonglong(lists.misused.size()),
                runs);
    std::printf("  automaton build (ContentScanner): median %.2f ms, min %.2f ms (5 builds; %d states)\n",
                build.median, build.min, scanner->automaton().stateCount());
    std::printf(
        "  scanText:                         median %.3f ms, p90 %.3f ms, min %.3f ms (%d findings)\n",
        scan.median, scan.p90, scan.min, findings);

    // The same item as HTML: HtmlText::plainText first, as the checks of a revision do.
    QString html;
    for (const QString &line : text.split(u'\n'))
        html += u"<p>"_s + line.toHtmlEscaped() + u"</p>"_s;
    const Figures htmlScan = measure(runs, [&] { findings = int(scanner->scanHtml(html).size()); });
    std::printf(
        "  scanHtml (with HtmlText):         median %.3f ms, p90 %.3f ms, min %.3f ms (%d findings)\n",
        htmlScan.median, htmlScan.p90, htmlScan.min, findings);

    // Stress: every word the sample text is made of is on both lists (thousands of findings).
    const WordLists dense = generatedLists(r, 1000, test::sampleWords());
    const ContentScanner denseScanner(dense);
    const Figures denseScan = measure(runs, [&] { findings = int(denseScanner.scanText(text).size()); });
    std::printf("  stress, every sample word listed: median %.3f ms, p90 %.3f ms (%d findings)\n",
                denseScan.median, denseScan.p90, findings);

    // The shipped lists, for comparison.
    std::optional<ContentScanner> builtin;
    const Figures builtinBuild = measure(5, [&] { builtin.emplace(); });
    const Figures builtinScan = measure(runs, [&] { findings = int(builtin->scanText(text).size()); });
    std::printf(
        "  shipped lists (%lld + %lld words): build median %.2f ms; scanText median %.3f ms, p90 %.3f "
        "ms (%d findings)\n",
        qlonglong(builtin->lists().sensitive.size()), qlonglong(builtin->lists().misused.size()),
        builtinBuild.median, builtinScan.median, builtinScan.p90, findings);
    std::printf("target: scanText median <= 5 ms (issue #17)\n");
    bench::figure("bench_contentscan", "scan_text_median_ms",
                  "scanText of a 20,000-character item, 1,000 + 1,000 listed words: median", scan.median,
                  "ms", "<=", 5);
    return 0;
}
