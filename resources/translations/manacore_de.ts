<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../qml/ConfirmDialog.qml" line="11" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../qml/ConfirmDialog.qml" line="27" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CreateRecordDialog</name>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="21" />
        <source>No profile is open, so nothing can be saved.</source>
        <translation>Es ist kein Profil geöffnet, daher kann nichts gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="28" />
        <source>New in “%1”</source>
        <translation>Neu in „%1“</translation>
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="42" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="65" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="70" />
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
</context>
<context>
    <name>GuestWelcome</name>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="11" />
        <source>Welcome to ManaCore</source>
        <translation>Willkommen bei ManaCore</translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="22" />
        <source>You are using ManaCore as a guest: everything you create is saved on this computer and works offline. Sign in whenever you want your data on your other devices too; nothing you made as a guest is lost.</source>
        <translation>Du nutzt ManaCore als Gast: Alles, was du anlegst, wird auf diesem Computer gespeichert und funktioniert offline. Melde dich an, sobald du deine Daten auch auf deinen anderen Geräten haben möchtest; nichts, was du als Gast erstellt hast, geht verloren.</translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="35" />
        <source>Sign in to sync</source>
        <translation>Anmelden und synchronisieren</translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="45" />
        <source>Start</source>
        <translation>Los geht’s</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="32" />
        <source>%1 – ManaCore</source>
        <translation>%1 – ManaCore</translation>
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <location filename="../../qml/ModulePage.qml" line="87" />
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="97" />
        <source>New record (Ctrl+N)</source>
        <translation>Neuer Eintrag (Strg+N)</translation>
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="223" />
        <source>Nothing here yet. Press Ctrl+N to add the first one.</source>
        <translation>Hier ist noch nichts. Mit Strg+N legst du den ersten Eintrag an.</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="52" />
        <source>Go to app…</source>
        <translation>Zu App wechseln…</translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="58" />
        <source>Find an app by name</source>
        <translation>App nach Namen suchen</translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="100" />
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="113" />
        <source>No app matches “%1”.</source>
        <translation>Keine App passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="34" />
        <source>Reset guest data?</source>
        <translation>Gastdaten zurücksetzen?</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="35" />
        <source>This deletes everything in the guest profile and starts over with the example records. It cannot be undone.</source>
        <translation>Damit wird alles im Gastprofil gelöscht und mit den Beispieleinträgen neu begonnen. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="36" />
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="51" />
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="60" />
        <source>You are using a guest profile. Your data stays on this computer.</source>
        <translation>Du nutzt ein Gastprofil. Deine Daten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="61" />
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="65" />
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="65" />
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="78" />
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="85" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="98" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="110" />
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="117" />
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="124" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="134" />
        <location filename="../../qml/SettingsPage.qml" line="151" />
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="142" />
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="152" />
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="153" />
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="160" />
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="170" />
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="173" />
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="180" />
        <source>Profile file: %1</source>
        <translation>Profildatei: %1</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="194" />
        <source>Start over with a fresh guest profile and the example records.</source>
        <translation>Mit einem frischen Gastprofil und den Beispieleinträgen neu beginnen.</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="195" />
        <source>Resetting the guest profile needs the account service, which this version does not have yet.</source>
        <translation>Zum Zurücksetzen des Gastprofils wird der Kontodienst gebraucht, den diese Version noch nicht hat.</translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="199" />
        <source>Reset guest data…</source>
        <translation>Gastdaten zurücksetzen…</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../qml/Shell.qml" line="101" />
        <source>Your data could not be opened: %1</source>
        <translation>Deine Daten konnten nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="183" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="195" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../qml/Sidebar.qml" line="50" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="103" />
        <source>Go to app…</source>
        <translation>Zu App wechseln…</translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="108" />
        <source>Ctrl+K</source>
        <translation>Strg+K</translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="170" />
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="190" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="208" />
        <source>Ctrl+,</source>
        <translation>Strg+,</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="29" />
        <source>Enter your email address.</source>
        <translation>Gib deine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="34" />
        <source>Enter your password.</source>
        <translation>Gib dein Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="39" />
        <source>Choose a password of at least 8 characters.</source>
        <translation>Wähle ein Passwort mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="44" />
        <source>Signing in is not available in this version yet.</source>
        <translation>Die Anmeldung ist in dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="53" />
        <source>Sign in to sync</source>
        <translation>Anmelden und synchronisieren</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="78" />
        <source>Sign in to keep your data in sync on all your devices. What you created as a guest comes with you.</source>
        <translation>Melde dich an, um deine Daten auf all deinen Geräten aktuell zu halten. Was du als Gast erstellt hast, kommt mit.</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="84" />
        <location filename="../../qml/SignInDialog.qml" line="96" />
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="93" />
        <source>you@example.com</source>
        <translation>du@example.com</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="101" />
        <location filename="../../qml/SignInDialog.qml" line="112" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="132" />
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="162" />
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="170" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="25" />
        <source>Local only</source>
        <translation>Nur lokal</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/SyncIndicator.qml" line="28" />
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform><numerusform>%n ausstehend</numerusform></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="30" />
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="32" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="34" />
        <source>Sync error</source>
        <translation>Sync-Fehler</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="36" />
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="57" />
        <source>Your data is kept on this computer only. Sign in to sync it with your other devices.</source>
        <translation>Deine Daten liegen nur auf diesem Computer. Melde dich an, um sie mit deinen anderen Geräten abzugleichen.</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="60" />
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="62" />
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="65" />
        <source>Click to sync now.</source>
        <translation>Klicken, um jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="128" />
        <source>· Sign in</source>
        <translation>· Anmelden</translation>
    </message>
</context>
<context>
    <name>mana::RecordListModel</name>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="55" />
        <source>The list “%1” is not in this profile.</source>
        <translation>Die Liste „%1“ gibt es in diesem Profil nicht.</translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="173" />
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
</context>
<context>
    <name>mana::ShellContext</name>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="91" />
        <source>No profile is open, so nothing can be saved.</source>
        <translation>Es ist kein Profil geöffnet, daher kann nichts gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="94" />
        <source>This app has no list named “%1”.</source>
        <translation>Diese App hat keine Liste namens „%1“.</translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="97" />
        <source>Enter a title first.</source>
        <translation>Gib zuerst einen Titel ein.</translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="106" />
        <source>Records of this kind need a link to another record; create them in the app itself.</source>
        <translation>Einträge dieser Art brauchen eine Verknüpfung zu einem anderen Eintrag; lege sie in der App selbst an.</translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="111" />
        <source>Records of this kind have no title field.</source>
        <translation>Einträge dieser Art haben kein Titelfeld.</translation>
    </message>
</context>
</TS>