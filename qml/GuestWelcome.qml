import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Shown once, on the first start of a guest profile.
ShellDialog {
    id: dialog

    signal signInRequested

    title: qsTr("Welcome to ManaCore")
    width: 460
    onOpened: startButton.forceActiveFocus()

    contentItem: ColumnLayout {
        spacing: 12
        Label {
            objectName: "welcomeText"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.text
            text: qsTr("You are using ManaCore as a guest: everything you create is saved on this computer and works offline. Sign in whenever you want your data on your other devices too; nothing you made as a guest is lost.")
        }
    }

    footer: Pane {
        background: Item {}
        padding: 20
        topPadding: 4
        RowLayout {
            anchors.right: parent.right
            spacing: 8
            Button {
                objectName: "welcomeSignIn"
                text: qsTr("Sign in to sync")
                KeyNavigation.tab: startButton
                onClicked: {
                    dialog.close()
                    dialog.signInRequested()
                }
            }
            Button {
                id: startButton
                objectName: "welcomeStart"
                text: qsTr("Start")
                highlighted: true
                onClicked: dialog.close()
                Keys.onReturnPressed: dialog.close()
                Keys.onEnterPressed: dialog.close()
            }
        }
    }
}
