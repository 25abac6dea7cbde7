// The profile the shell shows and the account behind it: a guest profile, or
// a signed-in account with its own database, tokens in the OS keychain and a
// running SyncEngine. The shell's QML binds to this object; every network
// call is asynchronous, so no dialog ever freezes the window.
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>

namespace mana {

enum class SessionError;
struct OpenErrorInfo;
class LocalStore;
class SyncEngine;
class SyncStatus;
struct SyncEngineConfig;

class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The shell creates the session")
    // true while no account is signed in (the guest profile is open)
    Q_PROPERTY(bool guest READ isGuest NOTIFY accountChanged)
    Q_PROPERTY(QString email READ email NOTIFY accountChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    // A sign-in, sign-up or sign-out is in flight.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    // The sentence for the last failed action ("Wrong email or password.",
    // "That email is already registered.", "The server could not be
    // reached.", …), made of its code (errorCode, sessionerror.h) when read,
    // in the UI language; empty after a success or clearError().
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // Overall sync status; null for guests (the UI shows "local only").
    Q_PROPERTY(mana::SyncStatus *syncStatus READ syncStatus NOTIFY syncEngineChanged)
    // The open profile's database file (for the settings page).
    Q_PROPERTY(QString profilePath READ profilePath NOTIFY storeChanged)
    Q_PROPERTY(QString dataDirectory READ dataDirectory CONSTANT)
    // Non-empty when tokens cannot be kept securely (no keychain): shown in
    // the sign-in dialog and settings.
    Q_PROPERTY(
        QString secureStorageProblem READ secureStorageProblem NOTIFY secureStorageProblemChanged)
    // The profile file that start() found damaged (not SQLite, truncated,
    // corrupt pages), left untouched; empty otherwise. For an account
    // (guest false) the window offers rebuildDamagedProfile(); a guest's
    // file has no copy anywhere and is only reported
    // (docs/damaged-database.md).
    Q_PROPERTY(QString damagedProfile READ damagedProfile NOTIFY damagedProfileChanged)
    // Whether damagedProfile belongs to an account (its data is on the
    // server); false for the guest's.
    Q_PROPERTY(
        bool damagedProfileIsAccount READ damagedProfileIsAccount NOTIFY damagedProfileChanged)
    // The damaged file was found while signing in: the sign-in is held
    // (the previous profile stays open) until rebuildDamagedProfile() or
    // cancelDamagedSignIn().
    Q_PROPERTY(bool damagedAtSignIn READ damagedAtSignIn NOTIFY damagedProfileChanged)
    // After rebuildDamagedProfile() in this run: where the damaged file was kept.
    Q_PROPERTY(QString keptDamagedFile READ keptDamagedFile NOTIFY damagedProfileChanged)

public:
    struct Options
    {
        QString dataDirectory;
        QUrl serverUrl;                   // empty: the saved setting, else http://127.0.0.1:3010
        bool allowPlainTokenFile = false; // tests only; logged loudly when used
        // Without an answer after this long, the server counts as unreachable.
        int networkTimeoutMs = 15000;
    };

    // Called on every profile the session opens, before storeChanged():
    // add the modules' collections, write seeds into a new guest profile.
    // A new account's profile is first prepared on a thread of its own
    // (with isNewGuestProfile false), so the preparer must be callable from
    // any thread when it writes no seeds.
    using ProfilePreparer =
        std::function<bool(LocalStore &store, bool isNewGuestProfile, QString *error)>;

    explicit Session(const Options &options, QObject *parent = nullptr);
    ~Session() override;

    void setProfilePreparer(ProfilePreparer preparer);
    // Timing of the sync engines this session creates (tests shorten the
    // backoffs); serverUrl is ignored, the session's own is used.
    void setSyncEngineConfig(const SyncEngineConfig &config);

    // Opens the last used profile (a guest profile on the first start) and,
    // for an account, restores its tokens and starts syncing. false when the
    // database cannot be opened: openError() says why (*error: the English
    // text, for the log).
    bool start(QString *error);
    // Why start() opened no profile (the window's words: storeErrorText).
    const OpenErrorInfo &openError() const;
    // True when start() created a new guest profile (the first start): the
    // shell shows the guest welcome then.
    bool isFirstStart() const;

    LocalStore *store() const;
    SyncEngine *syncEngine() const; // null for guests
    // The status of one app's channel, or null (guests, unknown app).
    Q_INVOKABLE mana::SyncStatus *appSyncStatus(const QString &appId) const;

    bool isGuest() const;
    QString email() const;
    QString serverUrl() const;
    void setServerUrl(const QString &url);
    bool isBusy() const;
    QString errorMessage() const;
    SessionError errorCode() const;
    // The UI language changed: the error sentences (errorMessage, the sync
    // statuses', secureStorageProblem) are read again.
    void retranslate();
    SyncStatus *syncStatus() const;
    QString profilePath() const;
    QString dataDirectory() const;
    QString secureStorageProblem() const;
    QString damagedProfile() const;
    bool damagedProfileIsAccount() const;
    bool damagedAtSignIn() const;
    QString keptDamagedFile() const;

    Q_INVOKABLE void signIn(const QString &email, const QString &password);
    Q_INVOKABLE void signUp(const QString &email, const QString &password);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void clearError();
    // Guests only: deletes the guest profile and starts a fresh one (with
    // seeds). false and errorMessage when it could not.
    Q_INVOKABLE bool resetGuestData();
    // Accounts only, while damagedProfile is set (at start, or found while
    // signing in, which then goes on with the fresh file and adopts the
    // guest's records as usual): moves the damaged file
    // (with its -wal and -shm) aside to "<file>.damaged-<time>", opens a
    // fresh profile with a new client id (nothing queued in the damaged
    // file is sent again; the server's full resync then includes this
    // device's own earlier writes) and starts syncing with the stored
    // sign-in: a full pull. false and errorMessage when it could not.
    Q_INVOKABLE bool rebuildDamagedProfile();
    // A sign-in held by a damaged account file: given up (the server
    // session is ended); the previous profile stays, the file untouched.
    Q_INVOKABLE void cancelDamagedSignIn();

signals:
    void accountChanged();
    void serverUrlChanged();
    void busyChanged();
    void errorMessageChanged();
    void syncEngineChanged();
    // A different profile database is open: models must re-read.
    void storeChanged();
    void secureStorageProblemChanged();
    void damagedProfileChanged();
    void signedIn();
    void signedOut();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mana
