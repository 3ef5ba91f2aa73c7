#pragma once

// What an action may carry, field by field (docs/api.md "Limits", docs/design.md §8): the one place
// these limits are stated. The server refuses anything beyond them with a message naming the field;
// the client keeps within them (its editor, BlobStore's names). Lengths are in characters (Unicode
// code points), as a person counts them.

#include "Domain.h"

#include <QCoreApplication>
#include <QString>

namespace baosong::limits {

inline constexpr int kIdChars = 64;              // column ids and other ids made by people
inline constexpr int kTitleChars = 200;          // an item's title
inline constexpr int kBodyHtmlChars = 1'000'000; // an item's body (HTML)
inline constexpr int kShortTextChars = 200;      // source site, meeting, catalogue entry, document number
inline constexpr int kUrlChars = 2048;           // a repost's source address
inline constexpr int kReasonChars = 2000;        // a return reason, an override reason
inline constexpr int kAttachments = 100;         // attachments of one revision
inline constexpr int kKeywords = 20;             // keywords (主题词) of one revision
inline constexpr int kKeywordChars = 40;         // one keyword
inline constexpr int kMimeTypeChars = 127;       // an attachment's media type
inline constexpr int kFileNameChars = 120;       // an attachment's display name
inline constexpr int kWordListChars = 1'000'000; // each word list's text (PUT /api/v1/word-lists)
inline constexpr qsizetype kWordListsBytes = 4 * 1024 * 1024; // that request's body (413 beyond)
inline constexpr int kNoticeTextChars = 4000; // an inspection notice's finding and its follow-up

// A UUID in its usual text form (8-4-4-4-12 hexadecimal digits), as item and action ids are.
bool isUuid(const QString &s);

// The number of characters (code points) of `s`.
qsizetype characterCount(const QString &s);

// Text a person typed: at most maxChars characters and no NUL or other control character (tab, line
// feed and carriage return are allowed). Empty when fine; else a translated sentence naming `field`.
QString textProblem(const QString &field, const QString &value, int maxChars);

// The first problem of a revision's content: every text field within its limit and free of control
// characters, the interpretation link an item id, at most kAttachments attachments, each with a UUID,
// a display-safe name (safeFileName(name) == name), a media type, a size and a SHA-256. Empty when fine.
QString contentProblem(const RevisionContent &content);

// A display-safe form of a user's file name, for metadata only (an attachment's name is never a
// path): control, bidirectional-override and line-separator characters removed (U+202E would turn
// "txt.exe" into what looks like "exe.txt"); path separators and the characters Windows forbids
// (< > : " | ? *) replaced by '_'; surrounding spaces and trailing dots trimmed; empty names and names
// of only dots become "attachment"; names Windows reserves (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or
// without an extension, in any case) get a leading '_'; names longer than kFileNameChars are
// shortened, keeping their extension. Chinese and other text is kept (NFC-normalized).
QString safeFileName(const QString &name);

} // namespace baosong::limits
