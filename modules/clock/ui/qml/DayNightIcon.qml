import QtQuick
import ManaControls

// A sun (day there: 06:00–18:00) or a crescent moon (night), drawn from two
// circles so it needs no icon font.
Item {
    id: icon

    property bool isDay: true
    property color background: Theme.surface

    implicitWidth: 28
    implicitHeight: 28
    Accessible.role: Accessible.Graphic
    Accessible.name: isDay ? qsTr("Day") : qsTr("Night")

    Rectangle {
        anchors.centerIn: parent
        width: icon.isDay ? 16 : 20
        height: width
        radius: width / 2
        color: icon.isDay ? "#f5b301" : (Theme.dark ? "#c9cfe8" : "#7b86b5")
    }
    // The shadow that makes the moon a crescent.
    Rectangle {
        visible: !icon.isDay
        x: parent.width / 2 - 3
        y: parent.height / 2 - 13
        width: 18
        height: 18
        radius: 9
        color: icon.background
    }
    // The sun's rays.
    Repeater {
        model: icon.isDay ? 8 : 0
        Rectangle {
            required property int index
            x: icon.width / 2 - 1
            y: 0
            width: 2
            height: 5
            radius: 1
            color: "#f5b301"
            transform: Rotation {
                origin.x: 1
                origin.y: icon.height / 2
                angle: index * 45
            }
        }
    }
}
