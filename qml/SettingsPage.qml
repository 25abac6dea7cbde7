import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// Account, sync, language, theme and the data folder. Changes apply at once.
Page {
    id: page

    property ShellSettings settings
    property ShellContext shell
    property QtObject session: null
    property string fallbackServerUrl: "http://127.0.0.1:3010"
    readonly property bool guest: !session || session.guest
    // See SyncIndicator.signInAvailable.
    property bool signInAvailable: true
    readonly property string dataFolder: session ? session.dataDirectory : (shell ? shell.dataDirectory : "")
    readonly property string profileFile: session ? session.profilePath : (shell ? shell.storePath : "")

    signal signInRequested
    signal closeRequested

    padding: 24
    background: Rectangle { color: Theme.surface }

    component SectionTitle: Label {
        Layout.topMargin: 10
        font.pixelSize: 13
        font.bold: true
        color: Theme.mutedText
    }

    ConfirmDialog {
        id: resetConfirmation
        objectName: "resetConfirmation"
        title: qsTr("Reset guest data?")
        message: qsTr("This deletes everything in the guest profile and starts over with the example records. It cannot be undone.")
        confirmText: qsTr("Reset")
        onConfirmed: {
            if (page.session && !page.session.resetGuestData())
                resetError.text = page.session.errorMessage
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8

            SectionTitle { text: qsTr("Account") }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Label {
                    objectName: "accountLabel"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    text: page.guest ? qsTr("You are using a guest profile. Your data stays on this computer.")
                                     : qsTr("Signed in as %1").arg(page.session.email)
                }
                Button {
                    objectName: "accountButton"
                    visible: !page.guest || page.signInAvailable
                    text: page.guest ? qsTr("Sign in…") : qsTr("Sign out")
                    enabled: !page.session || !page.session.busy
                    onClicked: page.guest ? page.signInRequested() : page.session.signOut()
                }
            }
            Label {
                Layout.fillWidth: true
                visible: page.session !== null && page.session.secureStorageProblem !== ""
                text: page.session ? page.session.secureStorageProblem : ""
                color: Theme.errorText
                wrapMode: Text.WordWrap
            }

            SectionTitle { text: qsTr("Sync") }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Label {
                    text: qsTr("Server")
                    color: Theme.text
                }
                TextField {
                    id: serverField
                    objectName: "serverField"
                    Layout.fillWidth: true
                    text: page.session ? page.session.serverUrl : page.fallbackServerUrl
                    enabled: page.guest && page.session !== null
                    selectByMouse: true
                    onEditingFinished: if (page.session && text !== page.session.serverUrl) page.session.serverUrl = text
                }
                Label {
                    text: qsTr("Status")
                    color: Theme.text
                }
                RowLayout {
                    spacing: 10
                    SyncIndicator {
                        status: page.session && !page.guest ? page.session.syncStatus : null
                        guest: page.guest
                        signInAvailable: page.signInAvailable
                        onSyncRequested: page.session.syncNow()
                        onSignInRequested: page.signInRequested()
                    }
                    Button {
                        text: qsTr("Sync now")
                        // A guest has nothing to sync (and the style draws a
                        // disabled button like an enabled one).
                        visible: !page.guest
                        onClicked: page.session.syncNow()
                    }
                }
            }

            SectionTitle { text: qsTr("Appearance") }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Label {
                    text: qsTr("Language")
                    color: Theme.text
                }
                ComboBox {
                    id: languageBox
                    objectName: "languageBox"
                    Layout.preferredWidth: 220
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "system", label: qsTr("Same as the system") },
                        { value: "en", label: "English" },
                        { value: "de", label: "Deutsch" }
                    ]
                    currentIndex: page.settings ? Math.max(0, indexOfValue(page.settings.language)) : 0
                    onActivated: page.settings.language = currentValue
                }
                Label {
                    text: qsTr("Theme")
                    color: Theme.text
                }
                ComboBox {
                    objectName: "themeBox"
                    Layout.preferredWidth: 220
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "system", label: qsTr("Same as the system") },
                        { value: "light", label: qsTr("Light") },
                        { value: "dark", label: qsTr("Dark") }
                    ]
                    currentIndex: page.settings ? Math.max(0, indexOfValue(page.settings.theme)) : 0
                    onActivated: page.settings.theme = currentValue
                }
            }

            SectionTitle { text: qsTr("Data") }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                TextField {
                    objectName: "dataFolderField"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    text: page.dataFolder
                    Accessible.name: qsTr("Data folder")
                }
                Button {
                    text: qsTr("Open folder")
                    enabled: page.dataFolder !== ""
                    onClicked: Qt.openUrlExternally(page.shell.folderUrl(page.dataFolder))
                }
            }
            Label {
                Layout.fillWidth: true
                visible: page.profileFile !== ""
                text: qsTr("Profile file: %1").arg(page.profileFile)
                color: Theme.mutedText
                font.pixelSize: 12
                elide: Text.ElideMiddle
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: 6
                // Not while the guest file is damaged (no profile open): a
                // reset would delete the file that could still be restored.
                visible: page.guest && page.profileFile !== ""
                spacing: 12
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    text: page.session ? qsTr("Start over with a fresh guest profile and the example records.")
                                       : qsTr("Resetting the guest profile needs the account service, which this version does not have yet.")
                }
                Button {
                    objectName: "resetGuestButton"
                    text: qsTr("Reset guest data…")
                    enabled: page.session !== null
                    onClicked: resetConfirmation.open()
                }
            }
            Label {
                id: resetError
                Layout.fillWidth: true
                visible: text !== ""
                color: Theme.errorText
                wrapMode: Text.WordWrap
            }
        }
    }
}
