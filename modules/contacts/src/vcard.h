// vCard files (.vcf): versions 2.1 (as Outlook and old phones write it),
// 3.0 (RFC 2426) and 4.0 (RFC 6350) read; 3.0 and 4.0 written. The
// mapping of properties to fields and the decisions (a birthday without a
// year, PHOTO, labels) are in docs/contacts.md. Reading is a pure
// function of the bytes: a malformed file is an error with its line and no
// contacts.
#pragma once

#include "contactserror.h"

#include <QByteArray>

namespace mana::contacts {

ParsedContacts parseVCards(const QByteArray &bytes);

enum class VCardVersion { V3, V4 };

// The contacts as one file, CRLF line ends, lines folded at 75 octets
// (never inside a UTF-8 sequence), properties in a fixed order: VERSION,
// PRODID, UID, N, FN, ORG, TITLE, EMAIL…, TEL…, ADR…, BDAY, CATEGORIES,
// NOTE, PHOTO. parseVCards reads it back to the same contacts (favourite
// and archived are not part of a vCard).
QByteArray writeVCards(const QList<Contact> &contacts, VCardVersion version);

// A TYPE value vCard itself defines (home, work, cell, fax, …): those are
// written as TYPE=; any other kind as an Apple label (itemN.X-ABLabel).
bool isStandardVCardType(const QString &token);

} // namespace mana::contacts
