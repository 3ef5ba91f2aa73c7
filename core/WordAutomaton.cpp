#include "WordAutomaton.h"

#include <algorithm>

namespace baosong {

namespace {

bool edgeBefore(char32_t edge, char32_t ch)
{
    return edge < ch;
}

// The code point at text[*i], moving *i past it; a lone surrogate is taken as it is.
char32_t nextCodePoint(QStringView text, qsizetype *i)
{
    const char16_t u = text[*i].unicode();
    ++*i;
    if (QChar::isHighSurrogate(u) && *i < text.size() && QChar::isLowSurrogate(text[*i].unicode()))
        return QChar::surrogateToUcs4(u, text[(*i)++].unicode());
    return u;
}

} // namespace

void WordAutomaton::add(QStringView word, int list, int entry)
{
    if (word.isEmpty())
        return;
    m_built = false;
    int node = 0;
    for (qsizetype i = 0; i < word.size();) {
        const char32_t ch = nextCodePoint(word, &i);
        std::vector<Edge> &out = m_nodes[size_t(node)].out;
        auto pos = std::lower_bound(out.begin(), out.end(), ch,
                                    [](const Edge &e, char32_t c) { return edgeBefore(e.ch, c); });
        if (pos != out.end() && pos->ch == ch) {
            node = pos->target;
            continue;
        }
        const int next = int(m_nodes.size());
        out.insert(pos, Edge{ch, next}); // before emplace_back: `out` belongs to an element that may move
        m_nodes.emplace_back();
        node = next;
    }
    m_nodes[size_t(node)].ends.push_back(int(m_words.size()));
    m_words.push_back(Word{word.size(), list, entry});
}

int WordAutomaton::child(int node, char32_t ch) const
{
    const Node &n = m_nodes[size_t(node)];
    const auto begin = m_edges.begin() + n.edgeBegin;
    const auto end = m_edges.begin() + n.edgeEnd;
    const auto pos =
        std::lower_bound(begin, end, ch, [](const Edge &e, char32_t c) { return edgeBefore(e.ch, c); });
    return pos != end && pos->ch == ch ? pos->target : -1;
}

void WordAutomaton::build()
{
    // Freeze the edges and the words ending at each state into flat arrays.
    m_edges.clear();
    m_nodeWords.clear();
    for (Node &n : m_nodes) {
        n.edgeBegin = int(m_edges.size());
        m_edges.insert(m_edges.end(), n.out.begin(), n.out.end());
        n.edgeEnd = int(m_edges.size());
        n.wordBegin = int(m_nodeWords.size());
        // The words ending at one state are one word added more than once: in the order added.
        m_nodeWords.insert(m_nodeWords.end(), n.ends.begin(), n.ends.end());
        n.wordEnd = int(m_nodeWords.size());
        std::vector<Edge>().swap(n.out);
        std::vector<int>().swap(n.ends);
    }
    // Breadth first: a state's failure link is known before its children's.
    std::vector<int> queue;
    queue.reserve(m_nodes.size());
    Node &root = m_nodes[0];
    root.fail = 0;
    root.output = -1;
    for (int e = root.edgeBegin; e < root.edgeEnd; ++e) {
        Node &n = m_nodes[size_t(m_edges[size_t(e)].target)];
        n.fail = 0;
        n.output = -1;
        queue.push_back(m_edges[size_t(e)].target);
    }
    for (size_t head = 0; head < queue.size(); ++head) {
        const int u = queue[head];
        const Node &un = m_nodes[size_t(u)];
        for (int e = un.edgeBegin; e < un.edgeEnd; ++e) {
            const Edge edge = m_edges[size_t(e)];
            int f = un.fail;
            int target = -1;
            for (;;) {
                target = child(f, edge.ch);
                if (target >= 0 || f == 0)
                    break;
                f = m_nodes[size_t(f)].fail;
            }
            Node &vn = m_nodes[size_t(edge.target)];
            vn.fail = target >= 0 ? target : 0;
            const Node &fn = m_nodes[size_t(vn.fail)];
            vn.output = fn.wordEnd > fn.wordBegin ? vn.fail : fn.output;
            queue.push_back(edge.target);
        }
    }
    m_built = true;
}

QList<WordAutomaton::Match> WordAutomaton::find(QStringView text) const
{
    QList<Match> matches;
    if (!m_built || m_words.empty())
        return matches;
    int state = 0;
    for (qsizetype i = 0; i < text.size();) {
        const char32_t ch = nextCodePoint(text, &i);
        for (;;) {
            const int next = child(state, ch);
            if (next >= 0) {
                state = next;
                break;
            }
            if (state == 0)
                break;
            state = m_nodes[size_t(state)].fail;
        }
        const qsizetype end = i; // just past the character
        // The state's own words, then those of its suffixes: longest first.
        for (int s = m_nodes[size_t(state)].wordEnd > m_nodes[size_t(state)].wordBegin
                         ? state
                         : m_nodes[size_t(state)].output;
             s >= 0; s = m_nodes[size_t(s)].output) {
            const Node &n = m_nodes[size_t(s)];
            for (int w = n.wordBegin; w < n.wordEnd; ++w) {
                const Word &word = m_words[size_t(m_nodeWords[size_t(w)])];
                matches.append(Match{end - word.length, word.length, word.list, word.entry});
            }
        }
    }
    return matches;
}

} // namespace baosong
