import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// One row of the contact list: avatar, name, the line under it, a star for
// a favourite.
Rectangle {
    id: row

    required property int index
    required property string contactId
    required property string name
    required property string secondary
    required property string initials
    required property string avatarColor
    required property string photo
    required property bool favorite
    property bool current: false
    // In the list's selection of several (ContactListModel's set).
    required property bool selected

    // Qt.ControlModifier / Qt.ShiftModifier: extend the selection.
    signal clicked(int modifiers)

    height: 56
    radius: Theme.radius
    color: current || selected ? Theme.selection : (mouse.containsMouse ? Theme.hover : "transparent")
    border.width: selected ? 1 : 0
    border.color: Theme.accent

    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        onClicked: mouse => row.clicked(mouse.modifiers)
    }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 10
        spacing: 10
        ContactAvatar {
            size: 36
            maskColor: row.current || row.selected ? Theme.selection : mouse.containsMouse ? Theme.hover : Theme.surface
            photo: row.photo
            initials: row.initials
            baseColor: row.avatarColor
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 1
            Label {
                Layout.fillWidth: true
                text: row.name !== "" ? row.name : qsTr("No name")
                font.italic: row.name === ""
                color: Theme.text
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: row.secondary !== ""
                text: row.secondary
                color: Theme.mutedText
                font.pixelSize: 12
                elide: Text.ElideRight
            }
        }
        Label {
            visible: row.favorite
            text: "\u2605"
            color: "#E0A630"
            font.pixelSize: 14
        }
    }
}
