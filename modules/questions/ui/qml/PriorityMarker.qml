import QtQuick
import QtQuick.Controls
import ManaControls

// A priority as a coloured bar and its word (never the colour alone).
Row {
    id: marker
    property string priority: "normal"
    property string text: ""
    property color color: "gray"
    spacing: 5
    Rectangle {
        width: 4
        height: priorityLabel.height
        radius: 2
        color: marker.color
    }
    Label {
        id: priorityLabel
        text: marker.text
        color: marker.color
        font.pixelSize: 12
        font.bold: marker.priority === "urgent" || marker.priority === "high"
    }
}
