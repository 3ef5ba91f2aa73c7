#include "Colours.h"

namespace baosong {

QColor deadlineColour(DeadlineState state)
{
    switch (state) {
    case DeadlineState::OnTime:
        return {};
    case DeadlineState::DueSoon:
        return QColor(0xb2, 0x6a, 0x00); // amber
    case DeadlineState::Overdue:
        return QColor(0xc0, 0x39, 0x2b); // red
    case DeadlineState::Breached:
        return QColor(0x7b, 0x11, 0x11); // dark red
    }
    return {};
}

QColor errorColour()
{
    return QColor(0xb3, 0x26, 0x1e);
}

} // namespace baosong
