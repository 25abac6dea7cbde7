// errorSentence(): an import error as the sentence the app shows, in
// English or German. Every sentence ends by saying nothing was imported, because the
// import is all or nothing and people should not look for half a calendar.
#include "icserror.h"

using namespace Qt::StringLiterals;

namespace mana::ical {

namespace {

// What the property is called in a sentence ("the start time").
QString propertyName(const QString &property, bool german)
{
    struct Name
    {
        const char16_t *property, *english, *german;
    };
    static const Name names[] = {
        {u"DTSTART", u"the start time", u"Die Startzeit"},
        {u"DTEND", u"the end time", u"Die Endzeit"},
        {u"DURATION", u"the duration", u"Die Dauer"},
        {u"EXDATE", u"the skipped date", u"Der ausgelassene Termin"},
        {u"RECURRENCE-ID", u"the original start", u"Der ursprüngliche Beginn"},
        {u"RRULE", u"the repeat rule", u"Die Wiederholungsregel"},
        {u"TRIGGER", u"the reminder time", u"Die Erinnerungszeit"},
        {u"DUE", u"the due date", u"Das Fälligkeitsdatum"},
        {u"COMPLETED", u"the completion time", u"Der Zeitpunkt der Erledigung"},
    };
    for (const Name &name : names) {
        if (property == QStringView(name.property))
            return QString::fromUtf16(german ? name.german : name.english);
    }
    if (german)
        return property.isEmpty() ? u"Der Wert"_s : u"Der Wert von %1"_s.arg(property);
    return property.isEmpty() ? u"the value"_s : u"the value of %1"_s.arg(property);
}

QString firstUpper(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString errorSentence(const IcsError &error, const QString &language, IcsItems items)
{
    const bool tasks = items == IcsItems::Tasks;
    const bool german = language.startsWith(u"de"_s);
    const QString value = error.text;
    const QString quoted = german ? u"„"_s + value + u"“"_s : u"\""_s + value + u"\""_s;
    const QString what = propertyName(error.property, german);
    QString sentence;
    switch (error.code) {
    case IcsErrorCode::None:
        return {};
    case IcsErrorCode::TooLarge:
        sentence =
            german ? u"Die Datei ist größer als 50 MB."_s : u"the file is larger than 50 MB."_s;
        break;
    case IcsErrorCode::NotICalendar:
        sentence = german ? u"Das ist keine iCalendar-Datei (sie muss mit „BEGIN:VCALENDAR“ "
                            u"beginnen)."_s
                          : u"this is not an iCalendar file (it must begin with "
                            u"\"BEGIN:VCALENDAR\")."_s;
        break;
    case IcsErrorCode::BrokenLine:
        sentence = german ? u"Die Zeile %1 ist keine gültige iCalendar-Zeile."_s.arg(quoted)
                          : u"the line %1 is not a valid iCalendar line."_s.arg(quoted);
        break;
    case IcsErrorCode::UnclosedComponent:
        sentence = german ? u"Zu %1 fehlt das passende END."_s.arg(quoted)
                          : u"%1 has no matching END."_s.arg(quoted);
        break;
    case IcsErrorCode::UnexpectedEnd:
        sentence = german ? u"%1 schließt nichts, was vorher begonnen wurde."_s.arg(quoted)
                          : u"%1 does not close anything that was begun."_s.arg(quoted);
        break;
    case IcsErrorCode::BadValue:
        sentence = german ? u"%1 (%2) kann nicht gelesen werden."_s.arg(what, quoted)
                          : u"%1 %2 cannot be read."_s.arg(what, quoted);
        break;
    case IcsErrorCode::BadDateTime:
        sentence = german ? u"%1 %2 ist kein Datum."_s.arg(what, quoted)
                          : u"%1 %2 is not a date."_s.arg(what, quoted);
        break;
    case IcsErrorCode::BadDuration:
        sentence = german ? u"%1 %2 ist keine Zeitdauer."_s.arg(what, quoted)
                          : u"%1 %2 is not a duration."_s.arg(what, quoted);
        break;
    case IcsErrorCode::BadRecurrenceRule:
        sentence = german ? u"Die Wiederholungsregel %1 kann nicht gelesen werden."_s.arg(quoted)
                          : u"the repeat rule %1 cannot be read."_s.arg(quoted);
        break;
    case IcsErrorCode::UnknownTimeZone:
        sentence = german ? u"Die Zeitzone %1 ist unbekannt und in der Datei nicht "
                            u"beschrieben."_s.arg(quoted)
                          : u"the time zone %1 is unknown and the file does not "
                            u"describe it."_s.arg(quoted);
        break;
    case IcsErrorCode::MissingStart:
        if (tasks)
            sentence = german ? u"Die Aufgabe hat keine Startzeit (DTSTART)."_s
                              : u"the task has no start time (DTSTART)."_s;
        else
            sentence = german ? u"Der Termin hat keine Startzeit (DTSTART)."_s
                              : u"the event has no start time (DTSTART)."_s;
        break;
    case IcsErrorCode::EndBeforeStart:
        if (tasks)
            sentence = german ? u"Die Aufgabe ist (%1) vor ihrem Beginn fällig."_s.arg(quoted)
                              : u"the task is due (%1) before it starts."_s.arg(quoted);
        else
            sentence = german ? u"Der Termin endet (%1) vor seinem Beginn."_s.arg(quoted)
                              : u"the event ends (%1) before it starts."_s.arg(quoted);
        break;
    case IcsErrorCode::OutOfRange:
        sentence = german ? u"%1 %2 liegt vor 1970 oder nach 9999."_s.arg(what, quoted)
                          : u"%1 %2 is before 1970 or after 9999."_s.arg(what, quoted);
        break;
    case IcsErrorCode::CalendarNotFound:
        sentence = german ? u"Der Kalender, in den importiert werden sollte, existiert nicht."_s
                          : u"the calendar to import into does not exist."_s;
        break;
    case IcsErrorCode::StoreFailed:
        // `value` is the store's English text: for the log (icsimport.cpp), never shown.
        if (tasks)
            sentence = german ? u"Die Aufgaben konnten nicht gespeichert werden."_s
                              : u"the tasks could not be saved."_s;
        else
            sentence = german ? u"Die Termine konnten nicht gespeichert werden."_s
                              : u"the events could not be saved."_s;
        break;
    case IcsErrorCode::ProjectNotFound:
        sentence = german ? u"Das Projekt, in das importiert werden sollte, existiert nicht."_s
                          : u"the project to import into does not exist."_s;
        break;
    }
    const QString nothing =
        german ? u" Es wurde nichts importiert."_s : u" Nothing was imported."_s;
    if (error.line > 0) {
        const QString prefix =
            german ? u"Zeile %1: "_s.arg(error.line) : u"Line %1: "_s.arg(error.line);
        return prefix + sentence + nothing;
    }
    return firstUpper(sentence) + nothing;
}

} // namespace mana::ical
