#!/usr/bin/env python3
"""Fills resources/translations/manacore_de.ts (and the plural forms of
manacore_en.ts) from the glossary below. Run after `cmake --build <dir>
--target update_translations` added new strings; strings without an entry
stay unfinished and are listed, so a missing translation is never silent."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources" / "translations"

GERMAN = {
    # Clock's alarms and timers as notifications (app/desktopnotifier.cpp)
    "Alarm": "Wecker",
    "%1 – %2": "%1 – %2",
    "Missed alarm": "Verpasster Wecker",
    "The alarm at %1 rang while ManaCore was closed: %2": "Der Wecker um %1 hat geklingelt, während ManaCore geschlossen war: %2",
    "Timer finished": "Timer abgelaufen",
    "Timer": "Timer",
    # ManaDeck (modules/cards/ui)
    "Decks": "Stapel",
    "Learning": "Lernphase",
    "Due": "Fällig",
    "1 card": "1 Karte",
    "%1 cards": "%1 Karten",
    "Study": "Lernen",
    "Cards": "Karten",
    "No decks yet. Press Ctrl+N to create your first deck, then add cards with a question on the front and the answer on the back.": "Noch keine Stapel. Drück Strg+N, um deinen ersten Stapel anzulegen, und füge dann Karten mit einer Frage vorn und der Antwort hinten hinzu.",
    "%1 studied": "%1 gelernt",
    "End": "Beenden",
    "Show answer (Space)": "Antwort zeigen (Leertaste)",
    "Again": "Nochmal",
    "Hard": "Schwer",
    "Good": "Gut",
    "Easy": "Leicht",
    "%1 min": "%1 Min.",
    "%1 d": "%1 T",
    "%1 mo": "%1 Mon.",
    "%1 y": "%1 J",
    "Session ended": "Runde beendet",
    "Done for today": "Für heute fertig",
    "Nothing is due in this deck now. New cards and reviews come back tomorrow.": "In diesem Stapel ist gerade nichts fällig. Neue Karten und Wiederholungen kommen morgen wieder.",
    "Cards studied": "Gelernte Karten",
    "Time": "Zeit",
    "Back to decks": "Zurück zu den Stapeln",
    "New card": "Neue Karte",
    "Edit": "Bearbeiten",
    "Delete card": "Karte löschen",
    "No cards in this deck yet. Click New card: a question on the front, the answer on the back.": "Noch keine Karten in diesem Stapel. Klick auf Neue Karte: vorn eine Frage, hinten die Antwort.",
    "New deck": "Neuer Stapel",
    "Edit card": "Karte bearbeiten",
    "Front (Markdown)": "Vorderseite (Markdown)",
    "Back (Markdown)": "Rückseite (Markdown)",
    "Preview": "Vorschau",
    "Question": "Frage",
    "Answer": "Antwort",
    "Import…": "Importieren …",
    "Import cards": "Karten importieren",
    "Export cards": "Karten exportieren",
    "Text files (*.txt *.tsv *.csv)": "Textdateien (*.txt *.tsv *.csv)",
    "1 card imported": "1 Karte importiert",
    "%1 cards imported": "%1 Karten importiert",
    # Zitare (modules/zitare/ui)
    "All quotes": "Alle Zitate",
    "Favourites": "Favoriten",
    "Lists": "Listen",
    "Authors": "Autoren",
    "New list": "Neue Liste",
    "New list (Ctrl+N)": "Neue Liste (Strg+N)",
    "New list…": "Neue Liste …",
    "No lists yet. Press + to start one.": "Noch keine Listen. Drück +, um eine anzulegen.",
    "Quote of the day": "Zitat des Tages",
    "Add to favourites": "Zu den Favoriten hinzufügen",
    "Remove from favourites": "Aus den Favoriten entfernen",
    "Copy": "Kopieren",
    "Copy the quote with its author and source (Ctrl+C)": "Das Zitat mit Autor und Quelle kopieren (Strg+C)",
    "Add to list": "Zur Liste hinzufügen",
    "Remove from list": "Aus der Liste entfernen",
    "This quote is no longer in Zitare's collection (%1). Remove it here if you no longer need it.": "Dieses Zitat ist nicht mehr in der Sammlung von Zitare (%1). Entferne es hier, wenn du es nicht mehr brauchst.",
    "Rename": "Umbenennen",
    "Rename list": "Liste umbenennen",
    "Delete list": "Liste löschen",
    "Save these quotes as a Markdown or text file": "Diese Zitate als Markdown- oder Textdatei speichern",
    "Search text, author, work (Ctrl+F)": "Text, Autor, Werk suchen (Strg+F)",
    "%1 of %2": "%1 von %2",
    "No quote here matches “%1”. Try fewer words, or an author's or a work's name.": "Hier passt kein Zitat zu „%1“. Versuch es mit weniger Wörtern oder dem Namen eines Autors oder Werks.",
    "No favourites yet. Click the heart beside a quote, or choose one with the arrow keys and press F.": "Noch keine Favoriten. Klick auf das Herz neben einem Zitat oder wähl eins mit den Pfeiltasten und drück F.",
    "This list is empty. Choose “Add to list” beside any quote to put it here.": "Diese Liste ist leer. Wähl „Zur Liste hinzufügen“ neben einem Zitat, um es hierher zu holen.",
    "No quotes here.": "Hier sind keine Zitate.",
    "Copied to the clipboard": "In die Zwischenablage kopiert",
    "Saved “%1”": "„%1“ gespeichert",
    "Name": "Name",
    "Description (optional)": "Beschreibung (optional)",
    "For example: Courage, Goethe, Wedding speech": "Zum Beispiel: Mut, Goethe, Hochzeitsrede",
    "Export the favourites": "Favoriten exportieren",
    "Export a list": "Eine Liste exportieren",
    "Markdown files (*.md)": "Markdown-Dateien (*.md)",
    "Text files (*.txt)": "Textdateien (*.txt)",
    "(A quote that is no longer in Zitare's collection: %1)": "(Ein Zitat, das nicht mehr in der Sammlung von Zitare ist: %1)",
    "“%1” could not be saved: %2": "„%1“ konnte nicht gespeichert werden: %2",
    # Todo's .ics import and export (modules/todo/ui)
    "Importing …": "Importiere …",
    "“%1” cannot be read: %2": "„%1“ kann nicht gelesen werden: %2",
    "1 task imported, %1 updated": "1 Aufgabe importiert, %1 aktualisiert",
    "%1 tasks imported, %2 updated": "%1 Aufgaben importiert, %2 aktualisiert",
    "1 entry that is not a task skipped.": "1 Eintrag, der keine Aufgabe ist, übersprungen.",
    "%1 entries that are not tasks skipped.": "%1 Einträge, die keine Aufgaben sind, übersprungen.",
    "Tasks": "Aufgaben",
    "The tasks could not be read for the export.": "Die Aufgaben konnten für den Export nicht gelesen werden.",
    "“%1” was not written: %2": "„%1“ wurde nicht geschrieben: %2",
    "Exported to “%1”.": "Nach „%1“ exportiert.",
    "Export tasks": "Aufgaben exportieren",
    "Import tasks from an .ics file": "Aufgaben aus einer .ics-Datei importieren",
    "Which tasks? They are written with their subtasks, labels, repetition and reminders to an iCalendar file that Thunderbird, Apple Reminders and Nextcloud Tasks read.": "Welche Aufgaben? Sie werden mit Unteraufgaben, Labels, Wiederholung und Erinnerungen in eine iCalendar-Datei geschrieben, die Thunderbird, Apple Erinnerungen und Nextcloud Tasks lesen.",
    "Where do the tasks go? Tasks that were imported before are updated, not doubled.": "Wohin sollen die Aufgaben? Schon einmal importierte Aufgaben werden aktualisiert, nicht verdoppelt.",
    "Tasks to export": "Zu exportierende Aufgaben",
    "Import into": "Importieren nach",
    "All tasks": "Alle Aufgaben",
    "Inbox": "Eingang",
    "The projects the file names": "Die Projekte, die die Datei nennt",
    "iCalendar files (*.ics *.ical)": "iCalendar-Dateien (*.ics *.ical)",
    # Clock's next ring beyond a day (ClockController::ringDistanceText)
    "tomorrow": "morgen",
    "on %1": "am %1",
    "next %1": "nächsten %1",
    # Calendar (modules/calendar/ui)
    "Notes, a link, an agenda …": "Notizen, ein Link, eine Tagesordnung …",
    "+%1 more": "+%1 weitere",
    "A new calendar named after the file": "Ein neuer Kalender mit dem Namen der Datei",
    "Agenda": "Liste",
    "All day": "Ganztägig",
    "All events": "Alle Termine",
    "All files (*)": "Alle Dateien (*)",
    "Calendar": "Kalender",
    "Calendars": "Kalender",
    "Change a repeating event": "Wiederholten Termin ändern",
    "Choose file…": "Datei wählen …",
    "Day": "Tag",
    "Delete a repeating event": "Wiederholten Termin löschen",
    "Edit calendar": "Kalender bearbeiten",
    "End time": "Endzeit",
    "Ends": "Endet",
    "Event": "Termin",
    "Export .ics…": ".ics exportieren …",
    "Export a calendar": "Kalender exportieren",
    "Export…": "Exportieren …",
    "Go to today (T)": "Zu heute springen (T)",
    "Import .ics…": ".ics importieren …",
    "Import an .ics file": ".ics-Datei importieren",
    "Into which calendar? Events that were imported before are updated, not doubled.": "In welchen Kalender? Schon früher importierte Termine werden aktualisiert, nicht verdoppelt.",
    "Month": "Monat",
    "New calendar": "Neuer Kalender",
    "New event": "Neuer Termin",
    "New events go here": "Neue Termine kommen hierher",
    "Next (Page Down)": "Weiter (Bild ab)",
    "Next month": "Nächster Monat",
    "Next": "Weiter",
    "No calendars yet. Press + to make one, or import an .ics file.": "Noch keine Kalender. Drück +, um einen anzulegen, oder importiere eine .ics-Datei.",
    "Notes": "Notizen",
    "Nothing planned in these four weeks. Press Ctrl+N to add an event.": "In diesen vier Wochen ist nichts geplant. Drück Strg+N, um einen Termin anzulegen.",
    "Place": "Ort",
    "Previous (Page Up)": "Zurück (Bild auf)",
    "Previous month": "Vorheriger Monat",
    "Previous": "Zurück",
    "Reminder": "Erinnerung",
    "Repeat": "Wiederholung",
    "Show %1": "%1 anzeigen",
    "Show tasks from Todo": "Aufgaben zeigen",
    "Start time": "Beginnzeit",
    "Starts": "Beginnt",
    "This and the following events": "Diesen und alle folgenden Termine",
    "This event": "Nur diesen Termin",
    "Use for new events": "Für neue Termine verwenden",
    "Week": "Woche",
    "Which calendar? Its events, repetitions and reminders are written to an iCalendar file that Google Calendar, Thunderbird and Apple Calendar read.": "Welcher Kalender? Seine Termine, Wiederholungen und Erinnerungen werden in eine iCalendar-Datei geschrieben, die Google Kalender, Thunderbird und Apple Kalender lesen.",
    "Which events do you want to change?": "Welche Termine möchtest du ändern?",
    "Which events do you want to delete?": "Welche Termine möchtest du löschen?",
    "all day": "ganztägig",
    "iCalendar files (*.ics *.ical *.ifb)": "iCalendar-Dateien (*.ics *.ical *.ifb)",
    "iCalendar files (*.ics)": "iCalendar-Dateien (*.ics)",
    "Save": "Speichern",
    "Today": "Heute",
    "Delete": "Löschen",
    "The server at %1 could not be reached.": "Der Server %1 ist nicht erreichbar.",
    "\"%1\" is not a server address (http://host:port).": "„%1“ ist keine Serveradresse (http://host:port).",
    "A secure connection to the server at %1 could not be made.": "Eine sichere Verbindung zum Server %1 ließ sich nicht herstellen.",
    "The server at %1 is not a ManaCore sync server.": "Der Server %1 ist kein ManaCore-Synchronisationsserver.",
    "Your session has ended. Sign in again to sync.": "Deine Sitzung ist abgelaufen. Melde dich wieder an, um zu synchronisieren.",
    "Wrong email or password.": "Falsche E-Mail-Adresse oder falsches Passwort.",
    "That email is already registered.": "Diese E-Mail-Adresse ist bereits registriert.",
    "Too many failed attempts. Try again in %1 seconds.": "Zu viele Fehlversuche. Versuch es in %1 Sekunden noch einmal.",
    "Too many failed attempts. Try again later.": "Zu viele Fehlversuche. Versuch es später noch einmal.",
    "The server refused the email or password.": "Der Server hat die E-Mail-Adresse oder das Passwort abgelehnt.",
    "The server at %1 had a problem (HTTP %2). Try again later.": "Beim Server %1 ist ein Fehler aufgetreten (HTTP %2). Versuch es später noch einmal.",
    "The server at %1 refused the request (HTTP %2): %3": "Der Server %1 hat die Anfrage abgelehnt (HTTP %2): %3",
    "no reason given.": "ohne Angabe von Gründen.",
    "The guest data on this computer cannot be opened.": "Die Gastdaten auf diesem Computer lassen sich nicht öffnen.",
    "Cancel": "Abbrechen",
    "No profile is open, so nothing can be saved.": "Es ist kein Profil geöffnet, daher kann nichts gespeichert werden.",
    "No profile is open, so nothing can be changed.": "Es ist kein Profil geöffnet, daher kann nichts geändert werden.",
    "New in “%1”": "Neu in „%1“",
    "Title": "Titel",
    "Create": "Anlegen",
    "Welcome to ManaCore": "Willkommen bei ManaCore",
    "You are using ManaCore as a guest: everything you create is saved on this computer and works offline. Sign in whenever you want your data on your other devices too; nothing you made as a guest is lost.":
        "Du nutzt ManaCore als Gast: Alles, was du anlegst, wird auf diesem Computer gespeichert und funktioniert offline. Melde dich an, sobald du deine Daten auch auf deinen anderen Geräten haben möchtest; nichts, was du als Gast erstellt hast, geht verloren.",
    "Sign in to sync": "Anmelden und synchronisieren",
    "Start": "Los geht’s",
    "%1 – ManaCore": "%1 – ManaCore",
    "New": "Neu",
    "New record (Ctrl+N)": "Neuer Eintrag (Strg+N)",
    "Nothing here yet. Press Ctrl+N to add the first one.": "Hier ist noch nichts. Mit Strg+N legst du den ersten Eintrag an.",
    "Go to app…": "Zu App wechseln…",
    "Find an app by name": "App nach Namen suchen",
    "Enter": "Eingabe",
    "No app matches “%1”.": "Keine App passt zu „%1“.",
    "Reset guest data?": "Gastdaten zurücksetzen?",
    "This deletes everything in the guest profile and starts over with the example records. It cannot be undone.":
        "Damit wird alles im Gastprofil gelöscht und mit den Beispieleinträgen neu begonnen. Das lässt sich nicht rückgängig machen.",
    "Reset": "Zurücksetzen",
    "Account": "Konto",
    "You are using a guest profile. Your data stays on this computer.": "Du nutzt ein Gastprofil. Deine Daten bleiben auf diesem Computer.",
    "Signed in as %1": "Angemeldet als %1",
    "Sign in…": "Anmelden…",
    "Sign out": "Abmelden",
    "Sync": "Synchronisierung",
    "Server": "Server",
    "Status": "Status",
    "Sync now": "Jetzt synchronisieren",
    "Appearance": "Darstellung",
    "Language": "Sprache",
    "Same as the system": "Wie das System",
    "Theme": "Farbschema",
    "Light": "Hell",
    "Dark": "Dunkel",
    "Data": "Daten",
    "Data folder": "Datenordner",
    "Open folder": "Ordner öffnen",
    "Profile file: %1": "Profildatei: %1",
    "Start over with a fresh guest profile and the example records.": "Mit einem frischen Gastprofil und den Beispieleinträgen neu beginnen.",
    "Resetting the guest profile needs the account service, which this version does not have yet.":
        "Zum Zurücksetzen des Gastprofils wird der Kontodienst gebraucht, den diese Version noch nicht hat.",
    "Reset guest data…": "Gastdaten zurücksetzen…",
    "Your data could not be opened: %1": "Deine Daten konnten nicht geöffnet werden: %1",
    "Settings": "Einstellungen",
    "Sign in": "Anmelden",
    "Enter your email address.": "Gib deine E-Mail-Adresse ein.",
    "Enter your password.": "Gib dein Passwort ein.",
    "Choose a password of at least 8 characters.": "Wähle ein Passwort mit mindestens 8 Zeichen.",
    "Signing in is not available in this version yet.": "Die Anmeldung ist in dieser Version noch nicht verfügbar.",
    "Sign in to keep your data in sync on all your devices. What you created as a guest comes with you.":
        "Melde dich an, um deine Daten auf all deinen Geräten aktuell zu halten. Was du als Gast erstellt hast, kommt mit.",
    "Email": "E-Mail",
    "you@example.com": "du@example.com",
    "Password": "Passwort",
    "Server: %1": "Server: %1",
    "Create account": "Konto erstellen",
    "Local only": "Nur lokal",
    "Syncing…": "Synchronisiere…",
    "Offline": "Offline",
    "Sync error": "Sync-Fehler",
    "Synced": "Synchronisiert",
    "Your data is kept on this computer only. Sign in to sync it with your other devices.":
        "Deine Daten liegen nur auf diesem Computer. Melde dich an, um sie mit deinen anderen Geräten abzugleichen.",
    "Last synced: %1": "Zuletzt synchronisiert: %1",
    "Not synced yet.": "Noch nicht synchronisiert.",
    "Click to sync now.": "Klicken, um jetzt zu synchronisieren.",
    "· Sign in": "· Anmelden",
    "The list “%1” is not in this profile.": "Die Liste „%1“ gibt es in diesem Profil nicht.",
    "Untitled": "Ohne Titel",
    "This app has no list named “%1”.": "Diese App hat keine Liste namens „%1“.",
    "Enter a title first.": "Gib zuerst einen Titel ein.",
    "Records of this kind need a link to another record; create them in the app itself.":
        "Einträge dieser Art brauchen eine Verknüpfung zu einem anderen Eintrag; lege sie in der App selbst an.",
    "Records of this kind have no title field.": "Einträge dieser Art haben kein Titelfeld.",
    "Ctrl+K": "Strg+K",
    "Ctrl+%1": "Strg+%1",
    "Ctrl+,": "Strg+,",
    "Close": "Schließen",
    "Dismiss": "Ausblenden",
    "This profile is read-only: you can look at everything, but nothing can be saved. The file %1 cannot be written.":
        "Dieses Profil ist schreibgeschützt: Du kannst dir alles ansehen, aber nichts kann gespeichert werden. Die Datei %1 kann nicht beschrieben werden.",
    "This profile is read-only: you can look at everything, but nothing can be saved. Its folder %1 cannot be written.":
        "Dieses Profil ist schreibgeschützt: Du kannst dir alles ansehen, aber nichts kann gespeichert werden. Sein Ordner %1 kann nicht beschrieben werden.",
    "The disk is full, so the last change was not saved. Free some space and try again; everything saved before is safe.":
        "Der Datenträger ist voll, daher wurde die letzte Änderung nicht gespeichert. Schaffe etwas Platz und versuche es erneut; alles zuvor Gespeicherte ist sicher.",
    "The profile can no longer be written, so the last change was not saved. Everything saved before is safe.":
        "Das Profil kann nicht mehr beschrieben werden, daher wurde die letzte Änderung nicht gespeichert. Alles zuvor Gespeicherte ist sicher.",
    "The last change could not be written to the disk. Everything saved before is safe.":
        "Die letzte Änderung konnte nicht auf den Datenträger geschrieben werden. Alles zuvor Gespeicherte ist sicher.",
    "Your account's data on this computer is damaged": "Die Daten deines Kontos auf diesem Computer sind beschädigt",
    "The guest data on this computer is damaged": "Die Gastdaten auf diesem Computer sind beschädigt",
    "Details: %1": "Einzelheiten: %1",
    "Move aside and rebuild from server": "Beiseitelegen und vom Server neu aufbauen",
    "Cancel sign-in": "Anmeldung abbrechen",
    "Not syncing": "Keine Synchronisierung",
    "Nothing syncs while this account's data on this computer cannot be opened.":
        "Solange die Daten dieses Kontos auf diesem Computer nicht geöffnet werden können, wird nichts synchronisiert.",
    "The guest data file %1 is damaged, so ManaCore cannot open it. It was left untouched: nothing in it was changed or deleted. Guest data is kept only on this computer, so there is no copy on a server to rebuild it from. Until the file is restored from a backup, the apps stay empty and nothing can be saved; move it out of the folder and restart ManaCore to begin a new guest profile.":
        "Die Gastdatei %1 ist beschädigt, daher kann ManaCore sie nicht öffnen. Sie wurde nicht angerührt: Nichts darin wurde geändert oder gelöscht. Gastdaten liegen nur auf diesem Computer, daher gibt es keine Kopie auf einem Server, aus der sie neu aufgebaut werden könnten. Bis die Datei aus einer Sicherung wiederhergestellt ist, bleiben die Apps leer und nichts kann gespeichert werden; verschiebe sie aus dem Ordner und starte ManaCore neu, um mit einem neuen Gastprofil zu beginnen.",
    "The file %1, where this computer keeps your account's data, is damaged, so ManaCore cannot open it. What was synced is safe on the server: ManaCore can move the damaged file aside (it is kept next to the new one, not deleted) and download your data again. Changes made on this computer that had not reached the server yet cannot be recovered from it.":
        "Die Datei %1, in der dieser Computer die Daten deines Kontos aufbewahrt, ist beschädigt, daher kann ManaCore sie nicht öffnen. Was synchronisiert wurde, ist auf dem Server sicher: ManaCore kann die beschädigte Datei beiseitelegen (sie bleibt neben der neuen erhalten und wird nicht gelöscht) und deine Daten erneut herunterladen. Änderungen auf diesem Computer, die den Server noch nicht erreicht hatten, lassen sich von dort nicht wiederherstellen.",
    "This account's data was rebuilt from the server. The damaged file was kept as %1. Changes that had not reached the server before the damage could not be recovered.":
        "Die Daten dieses Kontos wurden vom Server neu aufgebaut. Die beschädigte Datei wurde als %1 aufbewahrt. Änderungen, die den Server vor dem Schaden noch nicht erreicht hatten, konnten nicht wiederhergestellt werden.",
    # Undo steps of actions over several records (Todo's controller, the shell; issue 14)
    "Project “%1” deleted": "Projekt „%1“ gelöscht",
    "Label “%1” deleted": "Label „%1“ gelöscht",
    "Label “%1” removed": "Label „%1“ entfernt",
    "Reminder removed": "Erinnerung entfernt",
    "“%1” added": "„%1“ hinzugefügt",
    "“%1” completed": "„%1“ erledigt",
    "This can no longer be undone.": "Das lässt sich nicht mehr rückgängig machen.",
    # The store's refusals by code (modules/shared/storeerrortext.cpp, issue 14)
    "This app has no field “%1”.": "Diese App hat kein Feld „%1“.",
    "“%1” is kept by ManaCore itself and cannot be changed.": "„%1“ wird von ManaCore selbst geführt und kann nicht geändert werden.",
    "“%1” cannot be empty.": "„%1“ darf nicht leer sein.",
    "“%1” must be text.": "„%1“ muss ein Text sein.",
    "“%1” must be a number.": "„%1“ muss eine Zahl sein.",
    "“%1” must be a whole number.": "„%1“ muss eine ganze Zahl sein.",
    "“%1” must be yes or no.": "„%1“ muss Ja oder Nein sein.",
    "“%1” must be a date.": "„%1“ muss ein Datum sein.",
    "“%1” must be a date and time.": "„%1“ muss ein Datum mit Uhrzeit sein.",
    "“%1” must be one of: %2.": "„%1“ muss einer dieser Werte sein: %2.",
    "“%1” must point to a record that exists.": "„%1“ muss auf einen vorhandenen Eintrag verweisen.",
    "“%1” has a value of the wrong kind.": "„%1“ hat einen Wert der falschen Art.",
    "“%1” must be between −%2 and %2.": "„%1“ muss zwischen −%2 und %2 liegen.",
    "A record's id must be text of 1 to %1 bytes.": "Die Kennung eines Eintrags muss ein Text von 1 bis %1 Byte sein.",
    "There is nothing to save.": "Es gibt nichts zu speichern.",
    "This record no longer exists.": "Dieser Eintrag existiert nicht mehr.",
    "This record was deleted, so it cannot be changed.": "Dieser Eintrag wurde gelöscht und kann daher nicht geändert werden.",
    "A record with this id already exists.": "Ein Eintrag mit dieser Kennung existiert bereits.",
    "The database refused this change, so nothing was saved.": "Die Datenbank hat diese Änderung abgelehnt, daher wurde nichts gespeichert.",
    "This profile is read-only, so the change was not saved.": "Dieses Profil ist schreibgeschützt, daher wurde die Änderung nicht gespeichert.",
    "The disk is full, so the change was not saved. Free some space and try again; everything saved before is safe.":
        "Der Datenträger ist voll, daher wurde die Änderung nicht gespeichert. Schaffe etwas Platz und versuche es erneut; alles zuvor Gespeicherte ist sicher.",
    "The change could not be written to the disk. Everything saved before is safe.":
        "Die Änderung konnte nicht auf den Datenträger geschrieben werden. Alles zuvor Gespeicherte ist sicher.",
    "Another program is using your data right now, so the change was not saved. Try again in a moment.":
        "Ein anderes Programm verwendet deine Daten gerade, daher wurde die Änderung nicht gespeichert. Versuche es gleich noch einmal.",
    "Your data file is damaged, so the change was not saved.": "Deine Datendatei ist beschädigt, daher wurde die Änderung nicht gespeichert.",
    "The change could not be saved.": "Die Änderung konnte nicht gespeichert werden.",
    # A list the store could not read, a profile it could not open (modules/shared/storeerrortext.cpp, issue 14)
    "Your data file is damaged, so this list cannot be shown.": "Deine Datendatei ist beschädigt, daher kann diese Liste nicht angezeigt werden.",
    "Another program is using your data right now, so this list cannot be shown. Try again in a moment.":
        "Ein anderes Programm verwendet deine Daten gerade, daher kann diese Liste nicht angezeigt werden. Versuche es gleich noch einmal.",
    "This list could not be read from the disk.": "Diese Liste konnte nicht vom Datenträger gelesen werden.",
    "This list cannot be shown.": "Diese Liste kann nicht angezeigt werden.",
    "The file %1 is not a ManaCore data file, so it was not opened. It was left untouched; move it away or choose another data folder.":
        "Die Datei %1 ist keine ManaCore-Datendatei, daher wurde sie nicht geöffnet. Sie blieb unverändert; verschiebe sie oder wähle einen anderen Datenordner.",
    "Your data file %1 is incomplete (%2 of %3 bytes), so it was not opened. It was left untouched; restore it from a backup.":
        "Deine Datendatei %1 ist unvollständig (%2 von %3 Byte), daher wurde sie nicht geöffnet. Sie blieb unverändert; stelle sie aus einer Sicherung wieder her.",
    "Your data file %1 is damaged, so it was not opened. It was left untouched.":
        "Deine Datendatei %1 ist beschädigt, daher wurde sie nicht geöffnet. Sie blieb unverändert.",
    "ManaCore may not read or write your data file %1, its folder or the files beside it (-wal, -shm). Check their permissions; nothing was changed.":
        "ManaCore darf deine Datendatei %1, ihren Ordner oder die Dateien daneben (-wal, -shm) nicht lesen oder schreiben. Prüfe ihre Berechtigungen; es wurde nichts verändert.",
    "The folder %1 for your data cannot be created.": "Der Ordner %1 für deine Daten lässt sich nicht anlegen.",
    "The folder %1 is read-only, so your data cannot be kept there.": "Der Ordner %1 ist schreibgeschützt, daher können deine Daten dort nicht gespeichert werden.",
    "Another program is using your data file %1, so it was not opened. Close that program and start ManaCore again.":
        "Ein anderes Programm verwendet deine Datendatei %1, daher wurde sie nicht geöffnet. Schließe dieses Programm und starte ManaCore neu.",
    "The disk is full, so your data file %1 could not be opened. Free some space and start ManaCore again.":
        "Der Datenträger ist voll, daher konnte deine Datendatei %1 nicht geöffnet werden. Schaffe etwas Platz und starte ManaCore neu.",
    "Your data file %1 could not be read from the disk. It was left untouched.":
        "Deine Datendatei %1 konnte nicht vom Datenträger gelesen werden. Sie blieb unverändert.",
    "Your data file %1 is read-only and was written by an older ManaCore: it must be updated once, which needs write access to the file and its folder.":
        "Deine Datendatei %1 ist schreibgeschützt und stammt von einem älteren ManaCore: Sie muss einmal aktualisiert werden, und dafür braucht es Schreibzugriff auf die Datei und ihren Ordner.",
    "Your data file %1 was written by a newer ManaCore, so it was not opened. It was left untouched; update ManaCore to use it.":
        "Deine Datendatei %1 stammt von einem neueren ManaCore, daher wurde sie nicht geöffnet. Sie blieb unverändert; aktualisiere ManaCore, um sie zu verwenden.",
    "Your data file %1 could not be opened. It was left untouched.": "Deine Datendatei %1 konnte nicht geöffnet werden. Sie blieb unverändert.",
    # The session's errors and the sync statuses by code (app/session/sessionerrortext.cpp, secretstore.cpp; issue 14)
    "ManaCore could not find your sign-in for %1. Sign in again to sync.": "ManaCore hat deine Anmeldung für %1 nicht gefunden. Melde dich wieder an, um zu synchronisieren.",
    "Signing in was stopped: %1": "Die Anmeldung wurde abgebrochen: %1",
    "Signing out was stopped: %1": "Die Abmeldung wurde abgebrochen: %1",
    "Only guest data can be reset.": "Nur Gastdaten lassen sich zurücksetzen.",
    "The guest data could not be deleted: %1 cannot be removed. Check its permissions.":
        "Die Gastdaten konnten nicht gelöscht werden: %1 lässt sich nicht entfernen. Prüfe ihre Berechtigungen.",
    "A new guest profile could not be created: %1": "Ein neues Gastprofil konnte nicht angelegt werden: %1",
    "Only a damaged account profile can be rebuilt.": "Nur ein beschädigtes Kontoprofil lässt sich neu aufbauen.",
    "The damaged file %1 could not be moved aside, so nothing was rebuilt. Check the permissions of its folder.":
        "Die beschädigte Datei %1 konnte nicht beiseitegelegt werden, daher wurde nichts neu aufgebaut. Prüfe die Berechtigungen ihres Ordners.",
    "A new profile could not be created (the damaged file is kept as %1): %2": "Ein neues Profil konnte nicht angelegt werden (die beschädigte Datei bleibt als %1 erhalten): %2",
    "Signing in…": "Anmeldung läuft…",
    "This profile is read-only, so it cannot sync.": "Dieses Profil ist schreibgeschützt, daher kann es nicht synchronisieren.",
    "Signing out did not finish, so this account does not sync. Sign out again, or restart ManaCore.":
        "Die Abmeldung wurde nicht abgeschlossen, daher synchronisiert dieses Konto nicht. Melde dich noch einmal ab oder starte ManaCore neu.",
    "The server at %1 is not answering.": "Der Server %1 antwortet nicht.",
    "The sync server is busy. ManaCore tries again later.": "Der Synchronisationsserver ist ausgelastet. ManaCore versucht es später noch einmal.",
    "The sync server has a problem (HTTP %1). ManaCore tries again later.": "Beim Synchronisationsserver ist ein Fehler aufgetreten (HTTP %1). ManaCore versucht es später noch einmal.",
    "The sync server refused the request (HTTP %1).": "Der Synchronisationsserver hat die Anfrage abgelehnt (HTTP %1).",
    "The sync server refused the request (HTTP %1): %2": "Der Synchronisationsserver hat die Anfrage abgelehnt (HTTP %1): %2",
    "The sync server sent an answer that is not sync data.": "Der Synchronisationsserver hat eine Antwort geschickt, die keine Synchronisationsdaten enthält.",
    "The sync server sent an answer larger than %1; it was not read.": "Der Synchronisationsserver hat eine Antwort größer als %1 geschickt; sie wurde nicht gelesen.",
    "The sync server sent the same data for %1 again. ManaCore tries again later.": "Der Synchronisationsserver hat dieselben Daten für %1 noch einmal geschickt. ManaCore versucht es später noch einmal.",
    "The disk is full, so what the server sent could not be saved. Syncing goes on once there is space.":
        "Der Datenträger ist voll, daher konnte nicht gespeichert werden, was der Server geschickt hat. Die Synchronisation geht weiter, sobald wieder Platz ist.",
    "This profile is read-only, so what the server sent could not be saved.": "Dieses Profil ist schreibgeschützt, daher konnte nicht gespeichert werden, was der Server geschickt hat.",
    "What the server sent could not be saved on this computer.": "Was der Server geschickt hat, konnte auf diesem Computer nicht gespeichert werden.",
    "This system has no secure password storage (keychain), so ManaCore cannot remember your sign-in: you will have to sign in again after a restart.":
        "Dieses System hat keinen sicheren Passwortspeicher (Schlüsselbund), daher kann sich ManaCore deine Anmeldung nicht merken: Nach einem Neustart musst du dich wieder anmelden.",
}

# The same English word read differently in one place: (context, source).
GERMAN_IN_CONTEXT = {
    ("FieldEditor", "Time"): "Uhrzeit",
    ("TaskDetail", "Due"): "Fällig am",
}

PLURALS = {
    "de": {"%n pending": ["%n ausstehend", "%n ausstehend"]},
    "en": {"%n pending": ["%n pending", "%n pending"]},
}


def load_app_glossaries():
    """Each app may keep its German sentences next to the others in
    tools/glossary/<app>.json ({"English": "Deutsch", ...}), so that work on
    two apps never edits the same dictionary. A key "Context|English" holds
    the German for one context only."""
    import json
    for path in sorted((Path(__file__).resolve().parent / "glossary").glob("*.json")):
        for source, german in json.loads(path.read_text(encoding="utf-8")).items():
            # "Context|English" where one word needs another German word in
            # one QML file or class ("Text" is "SMS" on a contact card).
            if "|" in source:
                GERMAN_IN_CONTEXT[tuple(source.split("|", 1))] = german
                continue
            if source in GERMAN and GERMAN[source] != german:
                print(f"{path.name}: '{source}' is already '{GERMAN[source]}'", file=sys.stderr)
                continue
            GERMAN[source] = german


def fill(language):
    path = ROOT / f"manacore_{language}.ts"
    tree = ET.parse(path)
    missing = []
    for context_node in tree.getroot().iter("context"):
        context = context_node.find("name").text
        for message in context_node.iter("message"):
            source = message.find("source").text
            translation = message.find("translation")
            if message.get("numerus") == "yes":
                forms = PLURALS[language].get(source)
                if not forms:
                    missing.append(source)
                    continue
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
                translation.attrib.pop("type", None)
            elif language == "de":
                key = (context, source)
                if key not in GERMAN_IN_CONTEXT and source not in GERMAN:
                    missing.append(source)
                    continue
                translation.text = GERMAN_IN_CONTEXT.get(key, GERMAN.get(source))
                translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    load_app_glossaries()
    problems = []
    for language in ("de", "en"):
        problems += [f"{language}: {source}" for source in fill(language)]
    for problem in problems:
        print("untranslated:", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
