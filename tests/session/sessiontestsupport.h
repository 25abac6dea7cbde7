// Helpers for the account tests: a Session over a temporary data folder with
// a todo-like module, seeds with fixed ids, short sync backoffs and tokens in
// a plain file (the keychain has its own test), against a real mana-sync.
#pragma once

#include "localstore.h"
#include "serverprocess.h"
#include "session.h"
#include "syncapi.h"

#include <QJsonObject>
#include <QStringList>
#include <memory>

namespace mana::sessiontest {

// The seeds every new guest profile gets (fixed ids, as the shell's are);
// sorted, and their titles are their ids.
QStringList seedIds();

// Adds the tasks collection; seeds a new guest profile.
bool prepareProfile(LocalStore &store, bool isNewGuestProfile, QString *error);

std::unique_ptr<Session> makeSession(const QString &dataDirectory, const QUrl &serverUrl,
                                     bool allowPlainTokenFile = true);

Collection *tasksOf(Session &session);
// Titles of the open profile's live tasks, sorted.
QStringList titlesOf(Session &session);
// Ids of every task the server holds for the user (pulled as a new device).
QStringList serverTaskIds(servertest::SyncApi &api, const servertest::TestUser &user,
                          QString *error);

// A unique email for this run.
QString uniqueEmail(const QString &prefix);
inline const QString kPassword = QStringLiteral("correct horse battery");

} // namespace mana::sessiontest
