#pragma once

// The client's meaningful colours, in one place: the deadline states (Art. 15) wherever an item's
// deadline shows (list, editor, review), and the colour of an error message. Each keeps at least
// 4.5:1 contrast on a white background.

#include "Deadline.h"

#include <QColor>

namespace baosong {

// The colour of `state`; invalid (the palette's text colour) when on time.
QColor deadlineColour(DeadlineState state);
// Text of an error message (a refused sign-in, a failed sync).
QColor errorColour();

} // namespace baosong
