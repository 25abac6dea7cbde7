// The data folder's layout: one database per profile (guest.sqlite and
// account-<userId>.sqlite) and session.json, which remembers the last
// profile (user id, email, server URL; never a token). Also the rule that
// moves a guest's records into an account on its first sign-in.
#pragma once

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcProfiles)

namespace mana {

class LocalStore;

struct LastProfile
{
    bool isAccount = false;
    QString userId;
    QString email;
    QUrl serverUrl; // the server setting, kept for guests too
};

class ProfileDirectory
{
public:
    explicit ProfileDirectory(const QString &directory);

    QString directory() const { return m_directory; }
    QString guestDatabasePath() const;
    QString accountDatabasePath(const QString &userId) const;
    QString stateFilePath() const;
    // Tests only (allowPlainTokenFile).
    QString plainTokenFilePath() const;

    // Creates the folder; false and a sentence when it cannot.
    bool ensureExists(QString *error) const;

    // A missing file is a first start (a default LastProfile, *exists
    // false). A damaged one is logged and read as a guest: the databases
    // are untouched, so the next sign-in finds the account's data again.
    LastProfile readLastProfile(bool *exists = nullptr) const;
    bool writeLastProfile(const LastProfile &profile, QString *error) const;

    // Removes a closed database with its -wal and -shm files.
    static bool removeDatabase(const QString &path, QString *error);
    // Renames a closed database and its -wal and -shm files to
    // "<path>.damaged-<yyyyMMdd-HHmmss>" (-wal, -shm appended as SQLite
    // expects them) in the same folder, so nothing is deleted and a fresh
    // file can take its place. All or nothing: on failure what moved is
    // moved back. *keptPath is the new name of the database file.
    static bool moveDatabaseAside(const QString &path, const QDateTime &at, QString *keptPath,
                                  QString *error);

private:
    QString m_directory;
};

struct AdoptionReport
{
    int adopted = 0; // records copied into the account
    int skipped = 0; // the account already had that id
    QStringList problems;
    // The guest's last queued change this adoption saw (-1: none): a later
    // adoption after it takes only what the guest wrote since.
    qint64 lastSequence = -1;
    bool complete() const { return problems.isEmpty(); }
};

// Copies every guest record that has a pending change into the account's
// store with the same id (deleted ones are copied, then deleted), skipping
// ids the account already has, deleted or not. Every copy is a new pending
// change of the account, so the sync engine pushes it. Records of
// collections the account lacks, and records the account refuses, are
// reported in problems; the caller then keeps the guest database.
//
// With `afterSequence` (a report's lastSequence), only the records the guest
// changed after that queued change, and the account's copies of them are
// made to match the guest's records again instead of skipped: the catch-up
// after an adoption that ran on another connection (the sign-in copies on a
// thread of its own while the guest profile stays open for writing).
AdoptionReport adoptGuestRecords(LocalStore &guest, LocalStore &account, qint64 afterSequence = -1);

} // namespace mana
