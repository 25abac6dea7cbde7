// Matches `sync-available` notices to the pushes that caused them.
//
// A notice names only the app and the tables, so each push of a user
// writes into a table of its own among kTagCount ("tasks00" … "tasks63",
// the push's tag): a notice naming "tasks07" belongs to that user's last
// push with tag 7. A push expects one notice on each of the user's other
// devices; what has not come within the timeout counts as missing (e.g.
// across instances before the server relays notices between them), and a
// notice whose push is no longer waiting (too late, or its push failed)
// counts as unmatched. Shared by every thread, behind one mutex: a few
// thousand calls a second.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <cstdint>
#include <vector>

namespace mana::load {

class NoticeTracker
{
public:
    static constexpr int kTagCount = 64;

    NoticeTracker(int userCount, std::int64_t timeoutNs);

    static QString tableOfTag(int tag);
    // The tag of a table named by tableOfTag, or -1.
    static int tagOfTable(const QString &table);

    // A push of `user` from an instance is about to be sent; returns its tag.
    int pushSent(int user, int pusherServer, int expectedNotices, std::int64_t sentNs);
    // The push got no 200: its notices are no longer expected.
    void pushFailed(int user, int tag);
    void noticeReceived(int user, int tag, int receiverServer, std::int64_t receivedNs);
    // Counts the notices of pushes older than the timeout as missing.
    void expire(std::int64_t nowNs);
    void expireAll();
    int waitingNotices() const;

    struct Totals
    {
        QList<double> sameInstanceMs;  // push sent -> notice read
        QList<double> crossInstanceMs; // the other device on another instance
        qint64 missing = 0;
        qint64 unmatched = 0;
        qint64 overwritten = 0; // a tag reused while its notices were awaited
    };
    Totals totals() const;

private:
    struct Slot
    {
        std::int64_t sentNs = 0;
        int pusherServer = 0;
        int waiting = 0;
    };

    mutable QMutex m_mutex;
    std::int64_t m_timeoutNs;
    std::vector<Slot> m_slots; // user * kTagCount + tag
    std::vector<int> m_nextTag;
    int m_waiting = 0;
    Totals m_totals;
};

} // namespace mana::load
