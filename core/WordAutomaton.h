#pragma once

// One Aho–Corasick automaton over Unicode code points for every word list the content checks use
// (core/ContentScan: the sensitive words and the misused words, issue #17): built once, then one pass
// over a text finds every occurrence of every word, overlapping ones included (a word inside another,
// two words sharing characters), whatever the number of words.
//
// The automaton compares code points exactly: the caller normalizes the words and the text the same
// way (ContentScan folds full-width forms and leaves out white space). Positions are in UTF-16 code
// units of the text searched, as QString indexes them.
//
// Immutable once built: find() is const and may run on several threads at once.

#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

namespace baosong {

class WordAutomaton
{
public:
    struct Match
    {
        qsizetype offset = 0; // UTF-16 index of the first character in the text searched
        qsizetype length = 0; // in UTF-16 code units
        int list = 0;         // as given to add()
        int entry = 0;        // as given to add()
        bool operator==(const Match &) const = default;
    };

    // Adds a word of list `list`, entry `entry` (the caller's numbers, reported back by find()). An
    // empty word is ignored. The same word may be added more than once (each is reported). Words added
    // after build() need another build().
    void add(QStringView word, int list, int entry);
    // Computes the failure and output links. find() before build() finds nothing.
    void build();

    // Every occurrence of every word in `text`, ordered by where it ends, then the longest first.
    QList<Match> find(QStringView text) const;

    int wordCount() const { return int(m_words.size()); }
    int stateCount() const { return int(m_nodes.size()); }
    bool isBuilt() const { return m_built; }

private:
    struct Word
    {
        qsizetype length; // UTF-16 code units
        int list;
        int entry;
    };
    struct Edge
    {
        char32_t ch;
        int target;
    };
    struct Node
    {
        int fail = 0;          // the longest proper suffix that is a state
        int output = -1;       // the nearest state along the failure links (itself excluded) that ends a word
        int edgeBegin = 0;     // edges [edgeBegin, edgeEnd) in m_edges, sorted by character
        int edgeEnd = 0;       // (after build)
        int wordBegin = 0;     // words ending here: [wordBegin, wordEnd) in m_nodeWords
        int wordEnd = 0;       // (after build)
        std::vector<Edge> out; // while building, sorted by character
        std::vector<int> ends; // while building: indexes into m_words
    };

    int child(int node, char32_t ch) const; // after build: binary search, -1 when none

    std::vector<Node> m_nodes{Node{}};
    std::vector<Edge> m_edges;
    std::vector<int> m_nodeWords;
    std::vector<Word> m_words;
    bool m_built = false;
};

} // namespace baosong
