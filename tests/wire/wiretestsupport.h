// Fixtures and the server-side parse pipeline shared by the wire tests.
#pragma once

#include "wire/change.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <optional>

namespace wiretest {

inline const QString kT1 = QStringLiteral("2026-03-26T14:01:05.123Z");
inline const QString kT2 = QStringLiteral("2026-03-26T15:00:00.000Z");
inline const QString kT3 = QStringLiteral("2026-03-27T09:30:00.000Z");

QByteArray serialise(const QJsonObject &object);
QJsonValue rootValue(const QJsonDocument &document);
// Compact JSON of the change, for failure messages.
QString describe(const mana::wire::Change &change);

// What a server does with a push body, and a client with an answer:
// parseBody, then fromJson on the root.
std::optional<mana::wire::Changeset> parseChangeset(const QByteArray &body, QString *error);
std::optional<mana::wire::SyncResponse> parseResponse(const QByteArray &body, QString *error);

// "bad_request: …" and the other PROTOCOL codes a server maps errors to.
bool startsWithProtocolCode(const QString &error);

// An insert with the whole record in `data` (id, createdAt kT1, updatedAt kT2).
mana::wire::Change insertWithData();
// An update of title (writer c2), notes (no writer, cleared) and an undelete.
mana::wire::Change updateWithFields();
mana::wire::Change deleteAt(const QString &when);

// A push body with the given JSON texts as its `changes` array items.
QByteArray changesetBody(const QByteArray &changesJson);
// `count` nested arrays around `innermost` (depth `count` when innermost is a scalar).
QByteArray nestedArrays(int count, const QByteArray &innermost = "1");

} // namespace wiretest
