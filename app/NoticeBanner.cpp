#include "NoticeBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace baosong {

NoticeBanner::NoticeBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_open(new QPushButton(tr("&Show"), this))
{
    setObjectName(u"noticeBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // a strip, never the window's spare height
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
    setPalette(p);
    m_text->setObjectName(u"noticeText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_open->setObjectName(u"noticeOpen"_s);
    auto *close = new QToolButton(this);
    close->setObjectName(u"noticeClose"_s);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close this notice"));
    close->setAccessibleName(tr("Close this notice"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_open);
    layout->addWidget(close);
    connect(m_open, &QPushButton::clicked, this, [this] {
        hide();
        emit openRequested(m_notice);
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NoticeBanner::showNotice(const Notification &notification)
{
    m_notice = notification;
    m_text->setText(notification.text.isEmpty() ? notification.title
                                                : tr("%1: %2").arg(notification.title, notification.text));
    QFont f = m_text->font();
    f.setBold(notification.urgent);
    m_text->setFont(f);
    show();
}

QString NoticeBanner::text() const
{
    return m_text->text();
}

} // namespace baosong
