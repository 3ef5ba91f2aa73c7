#pragma once

// The allowlist sanitizer for item HTML (docs/design.md §8, §11, §13). The client's preview and the public
// site both show exactly what `sanitize` returns, so an item looks the same in both places.
//
// Input is parsed by gumbo (Debian's libgumbo-dev), a complete HTML5 parser, as the body of a
// standards-mode document (the mode the site's pages are in). The parse tree is then written out
// again, element by element, keeping only:
//
//   structure   p, br, h2–h6 (h1 is written as h2: the page title is the page's only h1), ul, ol
//               (start: an integer), li, blockquote, pre, hr, table, caption, thead, tbody, tfoot,
//               tr, th (scope: row/col/rowgroup/colgroup), td; th and td keep colspan (1–1000) and
//               rowspan (1–65534) when they are plain numbers
//   emphasis    strong, b, em, i, u, s, sub, sup, code (strike and del are written as s, ins as u,
//               tt/kbd/samp as code, menu/dir as ul, listing as pre)
//   links       a with href: http, https or mailto only, judged after entity decoding and after
//               removing whitespace and control characters; the href is written without them. title
//               is kept; rel="noopener noreferrer" is added; target is never written. A link with
//               any other href (javascript:, data:, vbscript:, relative or fragment-only) or none
//               keeps its text but loses the element.
//   images      img whose src names one of the item's own attachments (the image source scheme
//               below); alt is always written (alt="" when missing, docs/design.md §13 asks the editor for
//               a caption), title kept, width/height when plain numbers. Any other img is dropped.
//
//   captions    figure holding an allowed img and a figcaption: written as <figure><img …>
//               <figcaption>its text and inline elements</figcaption></figure> (an image the author
//               gave a visible caption); any other figure and figcaption is unwrapped as below
//
//   alignment   p and h2–h6 keep align="center" or align="right" (a title, a signature, a date, as
//               GB/T 9704 lays them out); any other value, and align anywhere else, is dropped
//
// No other attribute survives (no on*, style, class, id, lang, font, colour, width…). Everything
// else is either
//   dropped with its content: script, style, iframe, frame(set), object, embed, applet, form and its
//     controls (input, button, select, option, textarea…), svg, math (every element outside the HTML
//     namespace), template, noscript, noembed, noframes, xmp, plaintext, title, head content (meta,
//     link, base), media (audio, video, canvas, picture…), marquee, col(group), comments and
//     conditional comments (Word's <!--[if gte mso 9]>…<![endif]-->), or
//   unwrapped (the element goes, its content stays): span, font, label, Word's o:p/st1:… and any
//     other unknown element, and the block containers div, section, article, header, footer, main,
//     nav, aside, address, center, figure, figcaption, details, summary, fieldset, legend, dl, dt,
//     dd and a li outside a list. A block container whose content is only text and inline elements
//     is written as a p (so "<div>a</div><div>b</div>" stays two paragraphs); inside a paragraph, a
//     heading or an inline element it is simply unwrapped.
// Paragraphs and headings with no content but whitespace (Word's "<p><o:p>&nbsp;</o:p></p>") are
// dropped. Word and WPS list paragraphs (style "mso-list:lN levelM lfoK" with a marker in a
// "mso-list:Ignore" span) become ul/li when the marker is a bullet; numbered ones stay paragraphs
// with their marker as text, because an official document's numbering (一、（一）1.（1）, GB/T 9704)
// is part of its text and ol can't show it.
//
// The output is serialized from the tree: every non-void element closed, text escaped (& < >),
// attribute values double-quoted and escaped (& < > "), never a raw-text element, never a comment.
// Parsing the output again gives the same tree, and sanitize(sanitize(x)) == sanitize(x).
// Text, Chinese included, is kept exactly (gumbo decodes entities; NBSP stays U+00A0).
//
// Hostile nesting: elements more than 200 deep are written as their text only. Input whose tags would
// nest more than 512 deep (HTML tree building is quadratic in depth; browsers cap it too) is not
// parsed at all: its tags are cut out and its text written, escaped, as one paragraph. An 8 MiB body
// takes about a second at worst.
//
// Image source scheme: an item's body refers to its attachments as
//     <img src="baosong-attachment:ATTACHMENT_ID" alt="…">
// where ATTACHMENT_ID is Attachment::id (URL-safe: letters, digits, '-', '_', '.', '~'). The editor
// inserts images under that name (QTextImageFormat::name), the wire format stores it, and a browser
// never fetches it (an unknown scheme). Only ids listed in Policy::imageAttachmentIds pass. The site
// renderer sets Policy::imageUrl to turn an id into its download URL when it renders the page; the
// stored body keeps the scheme, so a renamed download path never touches item content.

#include "Domain.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace baosong {

class HtmlSanitizer
{
public:
    struct Policy
    {
        // Attachment ids (Attachment::id) an img may show; any other img is dropped.
        QSet<QString> imageAttachmentIds;
        // When set, an allowed image's src is written as imageUrl(id) instead of
        // "baosong-attachment:<id>" (the site: its attachment download URL). A result that is not a
        // relative URL or an http/https URL drops the image.
        std::function<QString(const QString &attachmentId)> imageUrl;
    };

    HtmlSanitizer() = default;
    explicit HtmlSanitizer(Policy policy);

    // A policy allowing the images among `attachments` (MIME type image/*) and nothing else.
    static Policy policyForAttachments(const QList<Attachment> &attachments);

    const Policy &policy() const { return m_policy; }

    // The sanitized, serialized HTML fragment (see above). Empty for empty input.
    QString sanitize(const QString &html) const;

    static QString attachmentScheme(); // "baosong-attachment"
    // "baosong-attachment:<id>", the src an item body uses for its attachment `id`.
    static QString attachmentImageSource(const QString &attachmentId);
    // The attachment id a src refers to (after removing whitespace and control characters; the scheme
    // is case-insensitive), or nullopt when it is not an attachment source.
    static std::optional<QString> attachmentIdFromSource(const QString &src);

    // `url` with whitespace and control characters removed, as the sanitizer judges and writes it.
    static QString cleanUrl(const QString &url);
    // The URL's scheme in lower case (after cleanUrl), or an empty string when it has none.
    static QString urlScheme(const QString &url);
    // True when `href` may be a link's target: http, https or mailto.
    static bool isAllowedLinkUrl(const QString &href);

private:
    Policy m_policy;
};

} // namespace baosong
