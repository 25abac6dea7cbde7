// What the Contacts tests share: the fixtures (tests/modules/contacts/
// fixtures, read from the source tree) and a contact as readable text, so
// a failed comparison shows the field that differs.
#pragma once

#include "contact.h"

#include <QFile>
#include <QStringList>

namespace mana::contacts::test {

inline QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(MANA_CONTACTS_FIXTURES "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The inline pictures of the fixtures (a few bytes that start like JPEG
// and PNG files; no real photo).
inline const QString kJpegBase64 = QStringLiteral(
    "/9j/4AAQSkZJRgABAQAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzND"
    "U2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnf/"
    "2Q==");
inline const QString kPngBase64 =
    QStringLiteral("iVBORw0KGgoAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYn");

inline QString dump(const Contact &c)
{
    QStringList lines;
    auto add = [&](const char *name, const QString &value) {
        if (!value.isEmpty())
            lines.append(QString::fromLatin1(name) + QStringLiteral(": ") + value);
    };
    auto list = [&](const char *name, const QList<LabeledValue> &values) {
        for (const LabeledValue &value : values)
            add(name, QStringLiteral("[%1] %2").arg(value.type, value.value));
    };
    add("first", c.firstName);
    add("last", c.lastName);
    add("prefix", c.prefix);
    add("suffix", c.suffix);
    add("company", c.company);
    add("jobTitle", c.jobTitle);
    add("notes", c.notes);
    // Photos compared by their start and length (the fixtures' are long).
    add("photo", c.photo.isEmpty()
                     ? QString()
                     : c.photo.left(60) + QStringLiteral("… (%1)").arg(c.photo.size()));
    add("uid", c.uid);
    add("birthday", c.birthday.isValid() ? c.birthday.toString(Qt::ISODate) : QString());
    list("email", c.emails);
    list("phone", c.phones);
    list("address", c.addresses);
    add("tags", c.tags.join(QStringLiteral(" | ")));
    add("favorite", c.isFavorite ? QStringLiteral("yes") : QString());
    return lines.join(u'\n');
}

inline QStringList dumpAll(const QList<Contact> &contacts)
{
    QStringList dumps;
    for (const Contact &contact : contacts)
        dumps.append(dump(contact));
    return dumps;
}

} // namespace mana::contacts::test
