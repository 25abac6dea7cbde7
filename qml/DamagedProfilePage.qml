import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// Shown instead of the apps while the profile file is damaged
// (ShellContext.damagedProfileNotice): for an account the way back (move the
// file aside and download everything again), for a guest what happened and
// what is left to do. See docs/damaged-database.md.
Rectangle {
    id: page

    property ShellContext shell
    property QtObject session: null
    readonly property bool canRebuild: shell && shell.canRebuildDamagedProfile

    color: Theme.window

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, card.height + 64)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Rectangle {
            id: card
            objectName: "damagedProfileCard"
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(32, (page.height - height) / 2)
            width: Math.min(580, page.width - 64)
            height: content.implicitHeight + 56
            radius: Theme.radius * 1.5
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                id: content
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 28
                spacing: 14

                RowLayout {
                    spacing: 12
                    Layout.fillWidth: true
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        implicitWidth: 36
                        implicitHeight: 36
                        radius: 18
                        color: Theme.error
                        Label {
                            anchors.centerIn: parent
                            text: "!"
                            color: "#ffffff"
                            font.bold: true
                            font.pixelSize: 20
                        }
                    }
                    Label {
                        objectName: "damagedProfileTitle"
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignVCenter
                        wrapMode: Text.WordWrap
                        color: Theme.text
                        font.pixelSize: 20
                        font.bold: true
                        text: page.canRebuild ? qsTr("Your account's data on this computer is damaged")
                                              : qsTr("The guest data on this computer is damaged")
                    }
                }

                Label {
                    objectName: "damagedProfileText"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    lineHeight: 1.15
                    text: page.shell ? page.shell.damagedProfileNotice : ""
                }

                // What the store found, in the window's language (SQLite's
                // own words are in the log).
                Label {
                    Layout.fillWidth: true
                    visible: page.shell && page.shell.storeError !== ""
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pixelSize: 12
                    text: page.shell ? qsTr("Details: %1").arg(page.shell.storeError) : ""
                }

                // A rebuild that could not be done says why (nothing moved).
                Label {
                    objectName: "damagedProfileError"
                    Layout.fillWidth: true
                    visible: text !== ""
                    wrapMode: Text.Wrap
                    color: Theme.errorText
                    text: page.session && page.shell && page.shell.damagedProfileNotice !== ""
                          ? page.session.errorMessage : ""
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: 6
                    spacing: 8
                    Item { Layout.fillWidth: true }
                    // Found while signing in: the profile open before stays.
                    Button {
                        objectName: "cancelDamagedSignIn"
                        visible: page.session !== null && page.session.damagedAtSignIn === true
                        text: qsTr("Cancel sign-in")
                        onClicked: page.session.cancelDamagedSignIn()
                    }
                    Button {
                        objectName: "openDamagedProfileFolder"
                        text: qsTr("Open folder")
                        onClicked: Qt.openUrlExternally(page.shell.folderUrl(page.session.damagedProfile))
                    }
                    Button {
                        objectName: "rebuildDamagedProfile"
                        visible: page.canRebuild
                        highlighted: true
                        text: qsTr("Move aside and rebuild from server")
                        onClicked: page.session.rebuildDamagedProfile()
                    }
                }
            }
        }
    }
}
