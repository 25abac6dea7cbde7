import QtQuick
import QtQuick.Controls

// A tag as a chip, "#tag". `clickable`: the chip itself reacts to a click
// (Questions filters by the tag); `removable`: a ✕ removes it.
Rectangle {
    id: chip
    property string tag
    property bool removable: false
    property bool clickable: false
    signal clicked()
    signal removeClicked()

    implicitWidth: chipRow.implicitWidth + 16
    implicitHeight: 24
    radius: height / 2
    color: chip.clickable && chipMouse.containsMouse ? Theme.hover : Theme.selection
    Accessible.role: chip.clickable ? Accessible.Button : Accessible.StaticText
    Accessible.name: "#" + tag

    MouseArea {
        id: chipMouse
        anchors.fill: parent
        enabled: chip.clickable
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: chip.clicked()
    }
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
            visible: chip.removable
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
