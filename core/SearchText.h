#pragma once

// The text of the client's search indexes and the FTS5 queries that read them (client/LocalStore):
// pure string work, kept apart from the SQL so that it can be tested on its own.
//
// Chinese is written without spaces, so FTS5's word tokenizers see a whole sentence as one word and
// its trigram tokenizer finds nothing shorter than 3 characters. Terms of 1 or 2 characters are found
// through a second index whose text lists, for each run of letters and digits (Han characters, Latin
// letters, digits, full-width forms alike), every character and every pair of adjacent characters as
// tokens of their own, separated by spaces: "土地，Land" → "土 土地 地 L La a an n nd d " (FTS5's
// unicode61 tokenizer then folds the case). A 1- or 2-character term is then one token, looked up like
// a word.
//
// The index keeps no copy of the text: a row's tokens are derived again to delete them. Whatever
// changes appendCharacterTokens()'s output for some text needs a new schema version that rebuilds the
// character index.

#include <QString>
#include <QStringList>
#include <QStringView>

namespace baosong::searchtext {

// Characters of a term sent to the trigram index (shorter ones go to the character index).
inline constexpr int kTrigramChars = 3;

// Appends to `out` the character index's tokens of `text`: each character and each pair of adjacent
// characters of every run of letters and digits, space-separated (punctuation, symbols and spaces
// only end a run). Tokens repeat as often as they occur.
void appendCharacterTokens(QString &out, QStringView text);

// The tokens that find a term of 1 or 2 characters in the character index: the term itself when it is
// all letters and digits (*whole = true); otherwise its letters and digits, which narrow the rows to
// check (*whole = false; none for a term of punctuation or symbols only).
QStringList termTokens(QStringView term, bool *whole);

// An FTS5 string: the text in double quotes, inner quotes doubled, so that no input is read as query
// syntax (operators, NEAR, column filters, '*', '^', parentheses).
QString ftsString(QStringView text);

} // namespace baosong::searchtext
