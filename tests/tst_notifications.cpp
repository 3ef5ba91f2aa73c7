// What the client notifies after a sync (client/Notifications): urgent queue items one by one, the
// others grouped; my items returned (each) or published (grouped); nothing for what did not change.

#include "Notifications.h"

#include <QTest>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {
ItemSummary summary(const QString &id, WorkflowState state, bool urgent = false)
{
    ItemSummary s;
    s.id = id;
    s.title = u"标题 "_s + id;
    s.state = state;
    s.urgent = urgent;
    return s;
}
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void nothingToSay()
    {
        QVERIFY(Notifications::plan({}, {}, {}).isEmpty());
        // My items that did not change say nothing.
        QVERIFY(Notifications::plan({}, {summary(u"a"_s, WorkflowState::InReview)},
                                    {{u"a"_s, WorkflowState::InReview}})
                    .isEmpty());
    }

    void urgentAloneOthersGrouped()
    {
        const QList<Notification> n = Notifications::plan(
            {summary(u"u1"_s, WorkflowState::InReview, true), summary(u"n1"_s, WorkflowState::InReview),
             summary(u"u2"_s, WorkflowState::InReview, true), summary(u"n2"_s, WorkflowState::InReview),
             summary(u"n3"_s, WorkflowState::InReview)},
            {}, {});
        QCOMPARE(n.size(), 3);
        QVERIFY(n[0].urgent);
        QCOMPARE(n[0].itemIds, QStringList{u"u1"_s});
        QVERIFY(n[1].urgent);
        QCOMPARE(n[1].itemIds, QStringList{u"u2"_s});
        QVERIFY(!n[2].urgent);
        QCOMPARE(n[2].itemIds, (QStringList{u"n1"_s, u"n2"_s, u"n3"_s}));
        QVERIFY(n[2].title.contains(u"3"_s));
        QCOMPARE(n[2].kind, Notification::Kind::Queue);
    }

    // Art. 9: an urgent item tells the reviewers of later stages at once, one notification each.
    void urgentAheadToldAtOnce()
    {
        const QList<Notification> n = Notifications::plan({summary(u"n1"_s, WorkflowState::InReview)}, {}, {},
                                                          {summary(u"a1"_s, WorkflowState::InReview, true),
                                                           summary(u"a2"_s, WorkflowState::InReview, true)});
        QCOMPARE(n.size(), 3);
        for (int i : {0, 1}) {
            QVERIFY(n[i].urgent);
            QCOMPARE(n[i].kind, Notification::Kind::Queue);
            QCOMPARE(n[i].text, u"标题 a%1"_s.arg(i + 1));
        }
        QCOMPARE(n[0].itemIds, QStringList{u"a1"_s});
        QCOMPARE(n[2].itemIds, QStringList{u"n1"_s});
        QVERIFY(!n[2].urgent);
    }

    // #18.1: one reminder for my unit's columns due soon or stale, not again the same day.
    void columnReminders()
    {
        SiteHealth h;
        const auto column = [](const QString &id, ColumnHealthState state, int left, QStringList units) {
            ColumnHealth c;
            c.columnId = id;
            c.name = u"栏目"_s + id;
            c.state = state;
            c.daysLeft = left;
            c.responsibleUnitIds = std::move(units);
            return c;
        };
        h.columns << column(u"a"_s, ColumnHealthState::DueSoon, 2, {u"office"_s})
                  << column(u"b"_s, ColumnHealthState::Stale, -3, {u"office"_s, u"planning"_s})
                  << column(u"c"_s, ColumnHealthState::Fresh, 10, {u"office"_s})
                  << column(u"d"_s, ColumnHealthState::Stale, -1, {u"planning"_s});
        const std::optional<Notification> n = Notifications::columnReminder(h, u"office"_s, {});
        QVERIFY(n);
        QCOMPARE(n->kind, Notification::Kind::Column);
        QCOMPARE(n->columnIds, (QStringList{u"a"_s, u"b"_s}));
        QVERIFY(n->urgent); // one is stale
        QVERIFY(n->text.contains(u"栏目a"_s) && n->text.contains(u"栏目b"_s) &&
                !n->text.contains(u"栏目d"_s));
        const std::optional<Notification> again = Notifications::columnReminder(h, u"office"_s, {u"b"_s});
        QVERIFY(again && !again->urgent);
        QCOMPARE(again->columnIds, QStringList{u"a"_s});
        QVERIFY(!Notifications::columnReminder(h, u"office"_s, {u"a"_s, u"b"_s}));
        QVERIFY(!Notifications::columnReminder(h, u"bazhou"_s, {}));
    }

    void returnedEachPublishedGrouped()
    {
        const QList<Notification> n = Notifications::plan(
            {},
            {summary(u"r1"_s, WorkflowState::Returned), summary(u"r2"_s, WorkflowState::Returned),
             summary(u"p1"_s, WorkflowState::Published), summary(u"p2"_s, WorkflowState::Published),
             summary(u"new"_s, WorkflowState::Published)},
            {{u"r1"_s, WorkflowState::InReview},
             {u"r2"_s, WorkflowState::InReview},
             {u"p1"_s, WorkflowState::InReview},
             {u"p2"_s, WorkflowState::InReview}});
        QCOMPARE(n.size(), 3);
        QCOMPARE(n[0].kind, Notification::Kind::Returned);
        QCOMPARE(n[0].itemIds, QStringList{u"r1"_s});
        QCOMPARE(n[1].kind, Notification::Kind::Returned);
        QCOMPARE(n[2].kind, Notification::Kind::Published);
        // An item first seen already published (a first sync) is not news.
        QCOMPARE(n[2].itemIds, (QStringList{u"p1"_s, u"p2"_s}));
        QVERIFY(n[2].text.contains(u"标题 p1"_s));
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
