#include "SyncStatusWidget.h"

#include "Colours.h"
#include "DisplayText.h"
#include "SyncEngine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTime>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace baosong {

SyncStatusWidget::SyncStatusWidget(SyncEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_state(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new QLabel(this))
    , m_retry(new QToolButton(this))
    , m_signIn(new QToolButton(this))
    , m_rebuild(new QToolButton(this))
{
    setObjectName(u"syncStatus"_s);
    m_state->setObjectName(u"syncStateLabel"_s);
    m_error->setObjectName(u"syncErrorLabel"_s);
    m_retry->setObjectName(u"retryButton"_s);
    m_signIn->setObjectName(u"signInAgainButton"_s);
    m_rebuild->setObjectName(u"rebuildStoreButton"_s);
    m_progress->setObjectName(u"syncProgress"_s);
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"color: %1;"_s.arg(errorColour().name()));
    m_retry->setText(tr("Retry now"));
    m_retry->setToolTip(tr("Send what waits and fetch what changed, now (F5)"));
    m_signIn->setText(tr("Sign in…"));
    m_rebuild->setText(tr("Rebuild from server…"));
    m_rebuild->setToolTip(tr("Keep the damaged local store aside, copy the work not yet sent into a new "
                             "one and fetch everything else again from the server"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_error);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(m_retry);
    layout->addWidget(m_signIn);
    layout->addWidget(m_rebuild);

    connect(m_retry, &QToolButton::clicked, m_engine, &SyncEngine::retryNow);
    connect(m_signIn, &QToolButton::clicked, this, &SyncStatusWidget::signInRequested);
    connect(m_rebuild, &QToolButton::clicked, this, &SyncStatusWidget::rebuildRequested);
    connect(m_engine, &SyncEngine::storeDamaged, this, &SyncStatusWidget::refresh);
    connect(m_engine, &SyncEngine::stateChanged, this, &SyncStatusWidget::refresh);
    connect(m_engine, &SyncEngine::runFinished, this, [this](bool reached) {
        if (reached && m_engine->state() == SyncEngine::State::Idle)
            m_lastSynced = QTime::currentTime().toString(u"HH:mm"_s);
        m_progress->hide();
        refresh();
    });
    connect(m_engine, &SyncEngine::progress, this, [this](int done, int total, int received) {
        m_progress->setVisible(true);
        m_progress->setRange(0, std::max(total, 0));
        m_progress->setValue(done);
        m_progress->setToolTip(
            tr("%1 of %2 actions sent, %n item(s) received", nullptr, received).arg(done).arg(total));
    });
    connect(m_engine, &SyncEngine::errorOccurred, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::stateText() const
{
    return m_state->text();
}

QString SyncStatusWidget::errorText() const
{
    return m_error->text();
}

void SyncStatusWidget::refresh()
{
    const SyncEngine::OutboxCounts outbox = m_engine->outboxCounts();
    QString text;
    switch (m_engine->state()) {
    case SyncEngine::State::Idle:
        text = m_lastSynced.isEmpty() ? tr("Not synced yet") : tr("Synced at %1").arg(m_lastSynced);
        break;
    case SyncEngine::State::Syncing:
        text = tr("Syncing…");
        break;
    case SyncEngine::State::Offline:
        text = tr("Offline");
        break;
    case SyncEngine::State::SignInNeeded:
        text = tr("Not signed in");
        break;
    case SyncEngine::State::Stopped:
        text =
            m_engine->isStoreDamaged() ? tr("Sync stopped: the local store is damaged") : tr("Sync stopped");
        break;
    }
    const int decide = outbox.conflicts + outbox.refused;
    if (outbox.pending > 0)
        text += u" · "_s + tr("%n action(s) waiting to be sent", nullptr, outbox.pending);
    if (decide > 0)
        text += u" · "_s + tr("%n action(s) need your decision", nullptr, decide);
    m_state->setText(text);

    const SyncEngine::Error error = m_engine->lastError();
    const bool showError = m_engine->state() != SyncEngine::State::Idle &&
                           m_engine->state() != SyncEngine::State::Syncing && !error.message.isEmpty();
    if (showError) {
        QString shown = error.message;
        if (shown.size() > 90)
            shown = shown.left(88) + u'…';
        m_error->setText(shown);
        QString tip = error.message;
        if (!error.requestId.isEmpty())
            tip += u"\n"_s + tr("Request id: %1").arg(QString::fromLatin1(error.requestId));
        if (error.at.isValid())
            tip += u"\n"_s + dateTimeText(error.at);
        m_error->setToolTip(tip);
    } else {
        m_error->clear();
        m_error->setToolTip({});
    }
    m_signIn->setVisible(m_engine->state() == SyncEngine::State::SignInNeeded);
    // "Retry now" only when something failed: offline, stopped, or an action not through.
    const SyncEngine::State state = m_engine->state();
    const bool damaged = m_engine->isStoreDamaged();
    m_retry->setVisible(!damaged && (state == SyncEngine::State::Offline ||
                                     state == SyncEngine::State::Stopped || decide > 0 || outbox.failed > 0));
    m_rebuild->setVisible(damaged);
    m_retry->setEnabled(state != SyncEngine::State::Syncing);
}

} // namespace baosong
