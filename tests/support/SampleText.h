#pragma once

// Chinese sample text for benchmarks and large-data tests: words of a natural-resources bureau's
// web site, titles in the forms its notices take, and body HTML of a chosen length. Deterministic for
// a seeded generator, so that runs compare.

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace baosong::test {

const QStringList &sampleWords();
QString sampleWord(QRandomGenerator &r);
// A title such as 关于做好耕地保护规划许可工作的通知.
QString sampleTitle(QRandomGenerator &r);
// About `characters` characters of body HTML: sentences of words and Chinese punctuation in <p>s.
QString sampleBody(QRandomGenerator &r, int characters);

} // namespace baosong::test
