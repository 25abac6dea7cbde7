import QtQuick
import QtQuick.Controls
import ManaControls

// A tag; clicking it filters by it, its ✕ (when removable) removes it.
Rectangle {
    id: chip
    property string tag
    property bool removable: false
    signal clicked()
    signal removeClicked()

    implicitWidth: chipRow.implicitWidth + 14
    implicitHeight: 22
    radius: 11
    color: chipMouse.containsMouse ? Theme.hover : Theme.selection
    Accessible.role: Accessible.Button
    Accessible.name: "#" + tag

    MouseArea {
        id: chipMouse
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: chip.clicked()
    }
    Row {
        id: chipRow
        anchors.centerIn: parent
        spacing: 4
        Label {
            text: "#" + chip.tag
            color: Theme.text
            font.pixelSize: 12
        }
        Label {
            objectName: "removeTag"
            visible: chip.removable
            text: "✕"
            color: Theme.mutedText
            font.pixelSize: 11
            MouseArea {
                anchors.fill: parent
                anchors.margins: -4
                cursorShape: Qt.PointingHandCursor
                onClicked: chip.removeClicked()
            }
        }
    }
}
