#include "contactserror.h"

namespace mana::contacts {

QString describe(const ContactsFileFailure &failure, const QString &language)
{
    const bool de = language == QStringLiteral("de");
    const QString nothing = de ? QStringLiteral(" Es wurde nichts importiert.")
                               : QStringLiteral(" Nothing was imported.");
    const QString line = QString::number(failure.line);
    auto at = [&](const char *english, const char *german) {
        return QString::fromUtf8(de ? german : english).arg(line) + nothing;
    };
    switch (failure.code) {
    case ContactsFileError::None:
        return {};
    case ContactsFileError::TooLarge:
        return (de ? QStringLiteral("Die Datei ist größer als 64 MB.")
                   : QStringLiteral("The file is larger than 64 MB.")) +
               nothing;
    case ContactsFileError::NotText:
        return (de ? QStringLiteral("Die Datei ist keine Textdatei.")
                   : QStringLiteral("The file is not a text file.")) +
               nothing;
    case ContactsFileError::NoVCard:
        return at("Line %1 is not BEGIN:VCARD: this is not a vCard file.",
                  "Zeile %1 ist nicht BEGIN:VCARD: Das ist keine vCard-Datei.");
    case ContactsFileError::TextOutsideCard:
        return at("Line %1 stands outside a card (after END:VCARD, before BEGIN:VCARD).",
                  "Zeile %1 steht außerhalb einer Karte (nach END:VCARD, vor BEGIN:VCARD).");
    case ContactsFileError::UnterminatedCard:
        return at("The card that starts in line %1 has no END:VCARD.",
                  "Die Karte, die in Zeile %1 beginnt, hat kein END:VCARD.");
    case ContactsFileError::MalformedLine:
        return at("Line %1 is not of the form NAME:value.",
                  "Zeile %1 hat nicht die Form NAME:Wert.");
    case ContactsFileError::BadQuotedPrintable:
        return at("Line %1 has a broken quoted-printable sequence (= without two hex digits).",
                  "Zeile %1 enthält eine kaputte Quoted-Printable-Folge (= ohne zwei "
                  "Hexziffern).");
    case ContactsFileError::BadBase64:
        return at("The photo in line %1 is not valid base64.",
                  "Das Foto in Zeile %1 ist kein gültiges Base64.");
    case ContactsFileError::UnclosedQuote:
        return at("A field in line %1 starts with \" and never ends.",
                  "In Zeile %1 beginnt ein Feld mit \" und endet nie.");
    case ContactsFileError::TextAfterQuote:
        return at("In line %1 text follows a closing \".",
                  "In Zeile %1 folgt Text auf ein schließendes \".");
    case ContactsFileError::NoContacts:
        return (de ? QStringLiteral("Die Datei enthält keine Kontakte.")
                   : QStringLiteral("The file holds no contacts.")) +
               nothing;
    }
    return {};
}

} // namespace mana::contacts
