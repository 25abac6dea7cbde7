import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// Everything inside the window: sidebar, module pages (loaded on first
// visit and kept), the dialogs and the keyboard shortcuts. Separate from the
// window so Qt Quick Tests can host it.
Page {
    id: shellRoot

    property ShellContext shell
    property ShellSettings settings
    property QtObject session: null
    property string fallbackServerUrl: "http://127.0.0.1:3010"
    property int currentIndex: -1
    readonly property var currentModule: shell && currentIndex >= 0 ? shell.modules.get(currentIndex) : ({})
    readonly property Item currentPage: pageRepeater.count > currentIndex && currentIndex >= 0
                                        ? pageRepeater.itemAt(currentIndex).item : null
    readonly property bool guest: !session || session.guest
    // The profile file is damaged: its screen replaces the apps.
    readonly property bool profileDamaged: shell !== null && shell.damagedProfileNotice !== ""
    // A damaged guest file leaves nothing open to sign in from: the sign-in
    // buttons go (they did nothing) until the file is dealt with.
    readonly property bool signInAvailable: !(guest && profileDamaged)

    property alias switcher: quickSwitcher
    property alias signInDialog: signIn
    property alias welcomeDialog: welcome
    property alias settingsDialog: settingsPopup

    function openModule(row) {
        if (!shell || row < 0 || row >= shell.modules.count)
            return
        currentIndex = row
        if (settings)
            settings.lastModule = shell.modules.get(row).moduleId
    }
    // "todo", or "todo/upcoming": an app and, after the slash, a place in
    // it (a view or collection, "new" for its form, "first" for the first
    // record's details); --app passes it through for screenshots.
    function openModuleById(moduleId) {
        const parts = moduleId.split("/")
        const row = shell ? shell.modules.indexOf(parts[0]) : -1
        if (row >= 0)
            openModule(row)
        if (row >= 0 && parts.length > 1 && currentPage && currentPage.openPlace)
            currentPage.openPlace(parts.slice(1).join("/"))
        return row >= 0
    }
    function createRecord() {
        if (currentPage && currentPage.createRecord)
            currentPage.createRecord()
    }
    function openSignIn() {
        if (!signInAvailable)
            return
        settingsPopup.close()
        signIn.open()
    }

    padding: 0
    background: Rectangle { color: Theme.window }

    Component.onCompleted: {
        if (currentIndex < 0 && !(settings && openModuleById(settings.lastModule)))
            openModule(0)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            id: sidebar
            objectName: "sidebar"
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            modules: shellRoot.shell ? shellRoot.shell.modules : null
            currentIndex: shellRoot.currentIndex
            session: shellRoot.session
            signInAvailable: shellRoot.signInAvailable
            onModuleActivated: row => shellRoot.openModule(row)
            onSwitcherRequested: quickSwitcher.open()
            onSettingsRequested: settingsPopup.open()
            onSignInRequested: shellRoot.openSignIn()
            onSyncRequested: shellRoot.session.syncNow()
        }

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // The store refused the profile (not a database, newer schema…):
            // say so plainly; the file is left untouched.
            Rectangle {
                objectName: "storeErrorBanner"
                Layout.fillWidth: true
                visible: shellRoot.shell && shellRoot.shell.storeError !== "" && !shellRoot.profileDamaged
                implicitHeight: storeErrorText.implicitHeight + 24
                color: Theme.error
                Label {
                    id: storeErrorText
                    anchors.fill: parent
                    anchors.margins: 12
                    wrapMode: Text.WordWrap
                    color: "#ffffff"
                    // A whole sentence in the window's language, made of the
                    // store's code (ShellContext.storeError).
                    text: shellRoot.shell ? shellRoot.shell.storeError : ""
                }
            }

            // The profile opened, but this user cannot write it (a file or
            // folder made read-only, a read-only disk): everything is shown,
            // nothing can be saved. Stays while the profile is open.
            Rectangle {
                objectName: "readOnlyBanner"
                Layout.fillWidth: true
                visible: shellRoot.shell && shellRoot.shell.readOnlyNotice !== ""
                implicitHeight: readOnlyText.implicitHeight + 24
                color: Theme.noticeBackground
                Label {
                    id: readOnlyText
                    anchors.fill: parent
                    anchors.margins: 12
                    wrapMode: Text.WordWrap
                    color: Theme.noticeText
                    text: shellRoot.shell ? shellRoot.shell.readOnlyNotice : ""
                }
            }

            // After a damaged account profile was rebuilt: where the damaged
            // file was kept, and that unsent changes are lost. Until dismissed.
            Rectangle {
                objectName: "rebuiltProfileBanner"
                Layout.fillWidth: true
                // Always in the layout, empty at height 0: one that became
                // visible got its width during the layout's pass, and the
                // height of its wrapped text (three lines with the path)
                // then never reached the layout (Qt 6.4).
                readonly property bool shown: shellRoot.shell !== null && shellRoot.shell.rebuiltProfileNotice !== ""
                clip: true
                Layout.preferredHeight: shown ? Math.max(rebuiltText.contentHeight, dismissRebuilt.implicitHeight) + 24 : 0
                color: Theme.noticeBackground
                Label {
                    id: rebuiltText
                    anchors.left: parent.left
                    anchors.right: dismissRebuilt.left
                    anchors.top: parent.top
                    anchors.margins: 12
                    wrapMode: Text.Wrap
                    color: Theme.noticeText
                    text: shellRoot.shell ? shellRoot.shell.rebuiltProfileNotice : ""
                }
                Button {
                    id: dismissRebuilt
                    objectName: "dismissRebuiltProfile"
                    anchors.right: parent.right
                    anchors.rightMargin: 12
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Dismiss")
                    contentItem: Label {
                        text: dismissRebuilt.text
                        color: Theme.noticeText
                        font.bold: true
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        implicitHeight: 28
                        radius: Theme.radius
                        color: dismissRebuilt.hovered ? Qt.rgba(0, 0, 0, 0.06) : "transparent"
                        border.color: Theme.noticeText
                        border.width: 1
                    }
                    onClicked: shellRoot.shell.dismissRebuiltProfileNotice()
                }
            }

            DamagedProfilePage {
                objectName: "damagedProfilePage"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: shellRoot.profileDamaged
                shell: shellRoot.shell
                session: shellRoot.session
            }

            // A write the storage refused (disk full, I/O error), whoever
            // made it: said here, since a background write (sync, a
            // reminder) has no dialog of its own. Stays until dismissed.
            Rectangle {
                objectName: "storageErrorBanner"
                Layout.fillWidth: true
                visible: shellRoot.shell && shellRoot.shell.storageError !== ""
                implicitHeight: Math.max(storageErrorText.implicitHeight, dismissStorageError.implicitHeight) + 24
                color: Theme.error
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 12
                    Label {
                        id: storageErrorText
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: "#ffffff"
                        text: shellRoot.shell ? shellRoot.shell.storageError : ""
                    }
                    Button {
                        id: dismissStorageError
                        objectName: "dismissStorageError"
                        Layout.alignment: Qt.AlignVCenter
                        text: qsTr("Dismiss")
                        contentItem: Label {
                            text: dismissStorageError.text
                            color: "#ffffff"
                            font.bold: true
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                        }
                        background: Rectangle {
                            implicitHeight: 28
                            radius: Theme.radius
                            color: dismissStorageError.hovered ? Qt.rgba(1, 1, 1, 0.18) : "transparent"
                            border.color: Qt.rgba(1, 1, 1, 0.7)
                            border.width: 1
                        }
                        onClicked: shellRoot.shell.dismissStorageError()
                    }
                }
            }

            StackLayout {
                id: pages
                objectName: "pages"
                visible: !shellRoot.profileDamaged
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: shellRoot.currentIndex

                Repeater {
                    id: pageRepeater
                    model: shellRoot.shell ? shellRoot.shell.modules : null

                    // Loaded on the first visit, then kept so switching back
                    // keeps the tab and scroll position.
                    Loader {
                        id: pageLoader
                        required property int index
                        readonly property bool isCurrent: index === shellRoot.currentIndex
                        objectName: "pageLoader_" + index
                        active: false
                        asynchronous: false
                        onIsCurrentChanged: if (isCurrent) active = true
                        Component.onCompleted: if (isCurrent) active = true
                        sourceComponent: ModulePage {
                            module: shellRoot.shell.modules.get(pageLoader.index)
                            shell: shellRoot.shell
                            session: shellRoot.session
                            onSignInRequested: shellRoot.openSignIn()
                        }
                    }
                }
            }
        }
    }

    Instantiator {
        model: 9
        delegate: Shortcut {
            required property int index
            sequence: "Ctrl+" + (index + 1)
            onActivated: shellRoot.openModule(index)
        }
    }
    Shortcut {
        sequence: "Ctrl+K"
        onActivated: quickSwitcher.opened ? quickSwitcher.close() : quickSwitcher.open()
    }
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: shellRoot.createRecord()
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: settingsPopup.open()
    }

    QuickSwitcher {
        id: quickSwitcher
        objectName: "quickSwitcher"
        modules: shellRoot.shell ? shellRoot.shell.modules : null
        shell: shellRoot.shell
        onModuleChosen: row => shellRoot.openModule(row)
        onRecordChosen: (moduleId, collection, recordId) =>
                        shellRoot.openModuleById(moduleId + "/record/" + collection + "/" + recordId)
    }

    SignInDialog {
        id: signIn
        objectName: "signInDialog"
        session: shellRoot.session
        fallbackServerUrl: shellRoot.fallbackServerUrl
    }

    GuestWelcome {
        id: welcome
        objectName: "guestWelcome"
        onSignInRequested: shellRoot.openSignIn()
    }

    ShellDialog {
        id: settingsPopup
        objectName: "settingsDialog"
        title: qsTr("Settings")
        width: Math.min(660, shellRoot.width - 80)
        height: Math.min(680, shellRoot.height - 40)
        padding: 0

        footer: Pane {
            background: Item {}
            padding: 16
            topPadding: 8
            Button {
                objectName: "settingsCloseButton"
                anchors.right: parent.right
                text: qsTr("Close")
                onClicked: settingsPopup.close()
            }
        }

        SettingsPage {
            anchors.fill: parent
            settings: shellRoot.settings
            shell: shellRoot.shell
            session: shellRoot.session
            fallbackServerUrl: shellRoot.fallbackServerUrl
            signInAvailable: shellRoot.signInAvailable
            onSignInRequested: shellRoot.openSignIn()
        }
    }
}
