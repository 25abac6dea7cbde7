import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// Every module with its icon, colour and name, in navigation order; the
// overall sync status, the quick-switcher entry and settings.
Rectangle {
    id: sidebar

    property ModuleListModel modules
    property int currentIndex: -1
    property QtObject session: null
    readonly property bool guest: !session || session.guest
    // See SyncIndicator.signInAvailable.
    property bool signInAvailable: true

    signal moduleActivated(int row)
    signal switcherRequested
    signal settingsRequested
    signal signInRequested
    signal syncRequested

    color: Theme.sidebar
    implicitWidth: Theme.sidebarWidth

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: 14
        anchors.bottomMargin: 10
        spacing: 8

        RowLayout {
            Layout.leftMargin: 16
            Layout.rightMargin: 12
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: "ManaCore"
                font.pixelSize: 17
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            // Stays visible while the user is a guest, as the issue asks.
            Button {
                id: signInPill
                objectName: "signInPill"
                visible: sidebar.guest && sidebar.signInAvailable
                text: qsTr("Sign in")
                font.pixelSize: 12
                topPadding: 4
                bottomPadding: 4
                leftPadding: 12
                rightPadding: 12
                onClicked: sidebar.signInRequested()
                contentItem: Label {
                    text: signInPill.text
                    font: signInPill.font
                    color: Theme.accentText
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: height / 2
                    color: signInPill.down ? Qt.darker(Theme.accentButton, 1.2)
                                           : signInPill.hovered ? Qt.lighter(Theme.accentButton, 1.1) : Theme.accentButton
                    border.width: signInPill.visualFocus ? 2 : 0
                    border.color: Theme.text
                }
            }
        }

        SyncIndicator {
            objectName: "overallSyncIndicator"
            Layout.leftMargin: 12
            Layout.maximumWidth: sidebar.width - 24
            status: sidebar.session ? sidebar.session.syncStatus : null
            guest: sidebar.guest
            signInAvailable: sidebar.signInAvailable
            onSyncRequested: sidebar.syncRequested()
            onSignInRequested: sidebar.signInRequested()
        }

        // Looks like a search field; opens the quick switcher.
        ItemDelegate {
            id: switcherButton
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 10
            Layout.topMargin: 4
            focusPolicy: Qt.StrongFocus
            onClicked: sidebar.switcherRequested()
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.width: 1
                border.color: switcherButton.visualFocus ? Theme.accent : Theme.border
            }
            contentItem: RowLayout {
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Go to…")
                    color: Theme.mutedText
                    elide: Text.ElideRight
                }
                Label {
                    text: qsTr("Ctrl+K")
                    color: Theme.mutedText
                    font.pixelSize: 11
                }
            }
        }

        ListView {
            id: moduleList
            objectName: "moduleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: 4
            clip: true
            model: sidebar.modules
            currentIndex: sidebar.currentIndex
            boundsBehavior: Flickable.StopAtBounds
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string moduleId
                required property string name
                required property string moduleColor

                objectName: "moduleItem_" + moduleId
                width: ListView.view.width
                height: 38
                leftPadding: 14
                rightPadding: 12
                highlighted: index === sidebar.currentIndex
                onClicked: sidebar.moduleActivated(index)
                Accessible.name: name

                background: Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    anchors.rightMargin: 6
                    radius: Theme.radius
                    color: row.highlighted ? Theme.selection : row.hovered ? Theme.hover : "transparent"
                    border.width: row.visualFocus ? 1 : 0
                    border.color: Theme.accent
                }
                contentItem: RowLayout {
                    spacing: 10
                    ModuleIcon {
                        moduleId: row.moduleId
                        name: row.name
                        tileColor: row.moduleColor
                        size: 24
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.name
                        color: Theme.text
                        font.bold: row.highlighted
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: row.index < 9
                        text: qsTr("Ctrl+%1").arg(row.index + 1)
                        color: Theme.mutedText
                        font.pixelSize: 10
                        opacity: row.hovered || row.highlighted ? 1 : 0
                    }
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.border
        }

        ItemDelegate {
            id: settingsButton
            objectName: "settingsButton"
            Layout.fillWidth: true
            leftPadding: 16
            text: qsTr("Settings")
            onClicked: sidebar.settingsRequested()
            background: Rectangle {
                anchors.fill: parent
                anchors.leftMargin: 6
                anchors.rightMargin: 6
                radius: Theme.radius
                color: settingsButton.hovered ? Theme.hover : "transparent"
                border.width: settingsButton.visualFocus ? 1 : 0
                border.color: Theme.accent
            }
            contentItem: RowLayout {
                Label {
                    Layout.fillWidth: true
                    text: settingsButton.text
                    color: Theme.text
                }
                Label {
                    text: qsTr("Ctrl+,")
                    color: Theme.mutedText
                    font.pixelSize: 10
                }
            }
        }
    }
}
