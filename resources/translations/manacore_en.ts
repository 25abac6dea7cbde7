<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../qml/ConfirmDialog.qml" line="11"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/ConfirmDialog.qml" line="27"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedProfilePage</name>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="69"/>
        <source>Your account&apos;s data on this computer is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="70"/>
        <source>The guest data on this computer is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="90"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="113"/>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="118"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="125"/>
        <source>Move aside and rebuild from server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../qml/DateField.qml" line="28"/>
        <source>yyyy-mm-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DateField.qml" line="36"/>
        <location filename="../../qml/DateField.qml" line="39"/>
        <source>Choose a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DateField.qml" line="65"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DateField.qml" line="80"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DateField.qml" line="120"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DateField.qml" line="128"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteProjectDialog</name>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="28"/>
        <source>Delete “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="32"/>
        <source>The project has no tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="33"/>
        <source>The project has %n task(s). Move them to the Inbox, or delete them with the project?</source>
        <translation>
            <numerusform>The project has %n task. Move it to the Inbox, or delete it with the project?</numerusform>
            <numerusform>The project has %n tasks. Move them to the Inbox, or delete them with the project?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="43"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="47"/>
        <source>Delete tasks too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="53"/>
        <source>Delete, keep tasks in Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="53"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="144"/>
        <source>A file is attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="144"/>
        <source>No file attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="175"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="216"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestWelcome</name>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="11"/>
        <source>Welcome to ManaCore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="22"/>
        <source>You are using ManaCore as a guest: everything you create is saved on this computer and works offline. Sign in whenever you want your data on your other devices too; nothing you made as a guest is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="35"/>
        <source>Sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="45"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="32"/>
        <source>%1 – ManaCore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <location filename="../../qml/ModulePage.qml" line="71"/>
        <source>“%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="126"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="135"/>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameColorDialog</name>
    <message>
        <location filename="../../modules/todo/ui/qml/NameColorDialog.qml" line="35"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/NameColorDialog.qml" line="61"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/NameColorDialog.qml" line="67"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="62"/>
        <source>Go to app or record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="68"/>
        <source>Find an app or a record by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="119"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="132"/>
        <source>No app or record matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDetailPane</name>
    <message>
        <location filename="../../qml/RecordDetailPane.qml" line="62"/>
        <source>Close details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordDetailPane.qml" line="109"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordDetailPane.qml" line="115"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <location filename="../../qml/RecordFormDialog.qml" line="93"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordFormDialog.qml" line="98"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordFormDialog.qml" line="98"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListPane</name>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="46"/>
        <location filename="../../qml/RecordListPane.qml" line="47"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="59"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="80"/>
        <source>Natural order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="83"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="90"/>
        <source>Descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="90"/>
        <source>Ascending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="178"/>
        <source>Nothing matches the search or filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/RecordListPane.qml" line="197"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/RecordListPane.qml" line="198"/>
        <source>%1 of %Ln record(s)</source>
        <translation>
            <numerusform>%1 of %Ln record</numerusform>
            <numerusform>%1 of %Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="37"/>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="46"/>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="59"/>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="60"/>
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="61"/>
        <source>week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="62"/>
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="63"/>
        <source>year(s)</source>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="97"/>
        <source>Monthly on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="103"/>
        <source>the due date&apos;s day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="104"/>
        <source>day %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="105"/>
        <source>the last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="114"/>
        <source>On the</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="125"/>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="125"/>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="126"/>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="126"/>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="127"/>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="152"/>
        <source>Never ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="158"/>
        <source>Ends after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="175"/>
        <source>occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="179"/>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="207"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="210"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="34"/>
        <source>Reset guest data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="35"/>
        <source>This deletes everything in the guest profile and starts over with the example records. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="36"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="51"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="60"/>
        <source>You are using a guest profile. Your data stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="61"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="65"/>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="65"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="78"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="85"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="98"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="110"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="117"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="124"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="134"/>
        <location filename="../../qml/SettingsPage.qml" line="151"/>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="142"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="152"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="153"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="160"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="170"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="173"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="180"/>
        <source>Profile file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="194"/>
        <source>Start over with a fresh guest profile and the example records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="195"/>
        <source>Resetting the guest profile needs the account service, which this version does not have yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="199"/>
        <source>Reset guest data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../qml/Shell.qml" line="109"/>
        <source>Your data could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="161"/>
        <location filename="../../qml/Shell.qml" line="213"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="315"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="327"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../qml/Sidebar.qml" line="50"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="103"/>
        <source>Go to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="108"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="170"/>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="190"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="208"/>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="29"/>
        <source>Enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="34"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="39"/>
        <source>Choose a password of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="44"/>
        <source>Signing in is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="53"/>
        <source>Sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="78"/>
        <source>Sign in to keep your data in sync on all your devices. What you created as a guest comes with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="84"/>
        <location filename="../../qml/SignInDialog.qml" line="96"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="93"/>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="101"/>
        <location filename="../../qml/SignInDialog.qml" line="112"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="132"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="162"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="170"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="26"/>
        <source>Local only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="30"/>
        <source>Not syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/SyncIndicator.qml" line="33"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="37"/>
        <source>Syncing… %1 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="38"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="40"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="42"/>
        <source>Sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="44"/>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="67"/>
        <source>Your data is kept on this computer only. Sign in to sync it with your other devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="69"/>
        <source>Nothing syncs while this account&apos;s data on this computer cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="72"/>
        <source>Last synced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="74"/>
        <source>Not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="77"/>
        <source>Click to sync now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="140"/>
        <source>· Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="81"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="86"/>
        <source>Close details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="100"/>
        <source>Subtasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="128"/>
        <source>Remove subtask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="136"/>
        <source>Add a subtask and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="146"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="164"/>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="165"/>
        <source>Due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="174"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="178"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="178"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="179"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="179"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="186"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="190"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="197"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="209"/>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="214"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="220"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="220"/>
        <source>At the due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="221"/>
        <source>5 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="221"/>
        <source>15 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="222"/>
        <source>30 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="222"/>
        <source>1 hour before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="223"/>
        <source>1 day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="234"/>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="240"/>
        <source>Estimated duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="243"/>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="247"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="272"/>
        <source>No labels yet: add one under Labels on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="278"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="285"/>
        <source>Add notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="303"/>
        <source>All fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="309"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="116"/>
        <source>Nothing due today. Enjoy the day, or add a task above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="117"/>
        <source>Nothing due in the next 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="118"/>
        <source>Tasks you complete show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="119"/>
        <source>Your inbox is empty. Type a task above and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="120"/>
        <source>No open tasks here. Add one above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRow</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskRow.qml" line="63"/>
        <source>Mark “%1” as not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskRow.qml" line="64"/>
        <source>Complete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskRow.qml" line="109"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodoNavigation</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="66"/>
        <source>More for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="91"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="106"/>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="277"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="112"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="119"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="125"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="130"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="153"/>
        <source>No projects yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="167"/>
        <source>Hide archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="167"/>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="193"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="214"/>
        <source>Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="234"/>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="245"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="236"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="236"/>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="239"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="246"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="252"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="253"/>
        <source>Rename project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="266"/>
        <source>New label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="267"/>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="18"/>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="67"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="67"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="67"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="67"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="143"/>
        <source>Add a task for today and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="144"/>
        <source>Add a task for tomorrow and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="145"/>
        <source>Add a task to “%1” and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="146"/>
        <source>Add a task and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="147"/>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../qml/UndoBar.qml" line="51"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana</name>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="73"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="73"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="202"/>
        <source>“%1” cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="220"/>
        <source>“%1” must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="224"/>
        <source>“%1” must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="230"/>
        <source>“%1” must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="235"/>
        <source>“%1” must be at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="238"/>
        <source>“%1” must be at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="246"/>
        <source>Choose a value for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="254"/>
        <source>“%1” needs a date like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="263"/>
        <source>“%1” needs a date and time like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="281"/>
        <source>“%1” is not valid JSON (line %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="285"/>
        <source>more than one value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::DesktopNotifier</name>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="50"/>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::RecordForm</name>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="232"/>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="237"/>
        <location filename="../../app/shell/recordform.cpp" line="254"/>
        <location filename="../../app/shell/recordform.cpp" line="315"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="276"/>
        <source>Attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="279"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="279"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="313"/>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="336"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::RecordListModel</name>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="119"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="120"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="153"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="155"/>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="167"/>
        <source>The list “%1” is not in this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="231"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::ShellContext</name>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="87"/>
        <source>This profile is read-only: you can look at everything, but nothing can be saved. The file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="90"/>
        <source>This profile is read-only: you can look at everything, but nothing can be saved. Its folder %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="123"/>
        <source>The guest data file %1 is damaged, so ManaCore cannot open it. It was left untouched: nothing in it was changed or deleted. Guest data is kept only on this computer, so there is no copy on a server to rebuild it from. Until the file is restored from a backup, the apps stay empty and nothing can be saved; move it out of the folder and restart ManaCore to begin a new guest profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="129"/>
        <source>The file %1, where this computer keeps your account&apos;s data, is damaged, so ManaCore cannot open it. What was synced is safe on the server: ManaCore can move the damaged file aside (it is kept next to the new one, not deleted) and download your data again. Changes made on this computer that had not reached the server yet cannot be recovered from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="141"/>
        <source>This account&apos;s data was rebuilt from the server. The damaged file was kept as %1. Changes that had not reached the server before the damage could not be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="156"/>
        <source>The disk is full, so the last change was not saved. Free some space and try again; everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="163"/>
        <source>The profile can no longer be written, so the last change was not saved. Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="167"/>
        <source>The last change could not be written to the disk (%1). Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="213"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="216"/>
        <source>This app has no list named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="219"/>
        <source>Enter a title first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="228"/>
        <source>Records of this kind need a link to another record; create them in the app itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="233"/>
        <source>Records of this kind have no title field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="255"/>
        <location filename="../../app/shell/shellcontext.cpp" line="267"/>
        <source>No profile is open, so nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="295"/>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="302"/>
        <location filename="../../app/shell/shellcontext.cpp" line="308"/>
        <source>Nothing here yet. Press Ctrl+N to add the first one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::todo::TodoController</name>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="140"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="228"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="383"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="15"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="71"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="110"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="133"/>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="122"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="278"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="325"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="348"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="367"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="418"/>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="94"/>
        <source>This task is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="340"/>
        <source>This subtask is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="14"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="33"/>
        <source>Give the project a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="232"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="350"/>
        <source>Enter a title first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="416"/>
        <source>This board is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="89"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="102"/>
        <source>Give the label a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="80"/>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="82"/>
        <source>Repeats (a rule this app cannot show)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::todo::TodoTaskModel</name>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="240"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="220"/>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="245"/>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="218"/>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="247"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="222"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="237"/>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="249"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
