import QtQuick
import QtQuick.Controls

// A module's icon on a tile of its colour. The SVG is tinted white, or dark
// on light colours, so it reads on every tile in both themes.
Rectangle {
    id: tile

    property string moduleId
    property string name
    property color tileColor: "#6b7280"
    property int size: 28

    readonly property real luminance: 0.299 * tileColor.r + 0.587 * tileColor.g + 0.114 * tileColor.b
    readonly property string tint: luminance > 0.62 ? "1d1d22" : "ffffff"

    implicitWidth: size
    implicitHeight: size
    radius: Math.round(size * 0.28)
    color: tileColor

    Image {
        id: icon
        anchors.centerIn: parent
        width: Math.round(tile.size * 0.62)
        height: width
        sourceSize: Qt.size(width, height)
        source: tile.moduleId !== "" ? "image://moduleicon/" + tile.moduleId + "/" + tile.tint : ""
        asynchronous: false
        smooth: true
    }

    // Until a module ships its icon, its initial stands in.
    Label {
        anchors.centerIn: parent
        visible: icon.status !== Image.Ready
        text: tile.name.length > 0 ? tile.name.charAt(0).toUpperCase() : "?"
        color: "#" + tile.tint
        font.pixelSize: Math.round(tile.size * 0.5)
        font.bold: true
    }
}
