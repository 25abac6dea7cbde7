import QtQuick
import QtQuick.Controls
import ManaControls

// One tag of the open document; its ✕ removes it.
Rectangle {
    id: chip
    required property string tag
    signal removeClicked()

    implicitWidth: chipRow.implicitWidth + 16
    implicitHeight: 24
    radius: 12
    color: Theme.selection
    Accessible.role: Accessible.StaticText
    Accessible.name: "#" + tag

    Row {
        id: chipRow
        anchors.centerIn: parent
        spacing: 6
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: "#" + chip.tag
            color: Theme.text
            font.pixelSize: 12
        }
        Label {
            objectName: "removeTag"
            anchors.verticalCenter: parent.verticalCenter
            text: "✕"
            color: removeMouse.containsMouse ? Theme.text : Theme.mutedText
            font.pixelSize: 11
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Remove tag %1").arg(chip.tag)
            MouseArea {
                id: removeMouse
                anchors.fill: parent
                anchors.margins: -5
                hoverEnabled: true
                cursorShape: Qt.PointingHandCursor
                onClicked: chip.removeClicked()
            }
            ToolTip.visible: removeMouse.containsMouse
            ToolTip.delay: 500
            ToolTip.text: qsTr("Remove tag %1").arg(chip.tag)
        }
    }
}
