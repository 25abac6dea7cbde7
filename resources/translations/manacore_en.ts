<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../qml/ConfirmDialog.qml" line="11" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/ConfirmDialog.qml" line="27" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreateRecordDialog</name>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="21" />
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="28" />
        <source>New in “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="42" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="65" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/CreateRecordDialog.qml" line="70" />
        <source>Create</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GuestWelcome</name>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="11" />
        <source>Welcome to ManaCore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="22" />
        <source>You are using ManaCore as a guest: everything you create is saved on this computer and works offline. Sign in whenever you want your data on your other devices too; nothing you made as a guest is lost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="35" />
        <source>Sign in to sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="45" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="32" />
        <source>%1 – ManaCore</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <location filename="../../qml/ModulePage.qml" line="87" />
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="97" />
        <source>New record (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="223" />
        <source>Nothing here yet. Press Ctrl+N to add the first one.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="52" />
        <source>Go to app…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="58" />
        <source>Find an app by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="100" />
        <source>Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="113" />
        <source>No app matches “%1”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="34" />
        <source>Reset guest data?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="35" />
        <source>This deletes everything in the guest profile and starts over with the example records. It cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="36" />
        <source>Reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="51" />
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="60" />
        <source>You are using a guest profile. Your data stays on this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="61" />
        <source>Signed in as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="65" />
        <source>Sign in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="65" />
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="78" />
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="85" />
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="98" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="110" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="117" />
        <source>Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="124" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="134" />
        <location filename="../../qml/SettingsPage.qml" line="151" />
        <source>Same as the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="142" />
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="152" />
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="153" />
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="160" />
        <source>Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="170" />
        <source>Data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="173" />
        <source>Open folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="180" />
        <source>Profile file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="194" />
        <source>Start over with a fresh guest profile and the example records.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="195" />
        <source>Resetting the guest profile needs the account service, which this version does not have yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="199" />
        <source>Reset guest data…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../qml/Shell.qml" line="101" />
        <source>Your data could not be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="183" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="195" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../qml/Sidebar.qml" line="50" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="103" />
        <source>Go to app…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="108" />
        <source>Ctrl+K</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="170" />
        <source>Ctrl+%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="190" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="208" />
        <source>Ctrl+,</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="29" />
        <source>Enter your email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="34" />
        <source>Enter your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="39" />
        <source>Choose a password of at least 8 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="44" />
        <source>Signing in is not available in this version yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="53" />
        <source>Sign in to sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="78" />
        <source>Sign in to keep your data in sync on all your devices. What you created as a guest comes with you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="84" />
        <location filename="../../qml/SignInDialog.qml" line="96" />
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="93" />
        <source>you@example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="101" />
        <location filename="../../qml/SignInDialog.qml" line="112" />
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="132" />
        <source>Server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="162" />
        <source>Create account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="170" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="25" />
        <source>Local only</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../qml/SyncIndicator.qml" line="28" />
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform><numerusform>%n pending</numerusform></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="30" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="32" />
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="34" />
        <source>Sync error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="36" />
        <source>Synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="57" />
        <source>Your data is kept on this computer only. Sign in to sync it with your other devices.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="60" />
        <source>Last synced: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="62" />
        <source>Not synced yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="65" />
        <source>Click to sync now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="128" />
        <source>· Sign in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mana::RecordListModel</name>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="55" />
        <source>The list “%1” is not in this profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="173" />
        <source>Untitled</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mana::ShellContext</name>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="91" />
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="94" />
        <source>This app has no list named “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="97" />
        <source>Enter a title first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="106" />
        <source>Records of this kind need a link to another record; create them in the app itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="111" />
        <source>Records of this kind have no title field.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>