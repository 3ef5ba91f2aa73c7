#include "SearchText.h"

#include <QChar>

namespace baosong::searchtext {

namespace {

// The code point at `i` (a lone surrogate counts as itself) and its length in UTF-16 units.
char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const QChar ch = text.at(i);
    if (ch.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(ch, text.at(i + 1));
    }
    *units = 1;
    return ch.unicode();
}

bool isTokenCharacter(char32_t c)
{
    return QChar::isLetterOrNumber(c);
}

} // namespace

void appendCharacterTokens(QString &out, QStringView text)
{
    // Roughly: every character once alone and once in a pair, each followed by a space.
    out.reserve(out.size() + text.size() * 5);
    qsizetype previous = -1; // where the previous character of the current run starts, or -1
    for (qsizetype i = 0; i < text.size();) {
        qsizetype units = 0;
        if (!isTokenCharacter(codePointAt(text, i, &units))) {
            previous = -1;
            i += units;
            continue;
        }
        if (previous >= 0) {
            out += text.sliced(previous, i + units - previous);
            out += u' ';
        }
        out += text.sliced(i, units);
        out += u' ';
        previous = i;
        i += units;
    }
}

QStringList termTokens(QStringView term, bool *whole)
{
    QStringList tokens;
    bool all = true;
    qsizetype runStart = -1;
    const auto endRun = [&](qsizetype end) {
        if (runStart >= 0)
            tokens.append(term.sliced(runStart, end - runStart).toString());
        runStart = -1;
    };
    for (qsizetype i = 0; i < term.size();) {
        qsizetype units = 0;
        if (isTokenCharacter(codePointAt(term, i, &units))) {
            if (runStart < 0)
                runStart = i;
        } else {
            all = false;
            endRun(i);
        }
        i += units;
    }
    endRun(term.size());
    *whole = all && !tokens.isEmpty();
    return tokens;
}

QString ftsString(QStringView text)
{
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted += u'"';
    for (const QChar ch : text) {
        if (ch == u'"')
            quoted += u'"';
        quoted += ch;
    }
    quoted += u'"';
    return quoted;
}

} // namespace baosong::searchtext
