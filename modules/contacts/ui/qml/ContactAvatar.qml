import QtQuick
import QtQuick.Controls
import ManaControls

// A contact's avatar: the inline photo (a data: URI from a vCard) when
// there is one, cut to a circle, else the initials on the colour the id
// gives (the same on every device). A photo URL is not fetched: a list of thousands must not
// go to the network, and a local-first app shows what it holds.
Rectangle {
    id: avatar

    property string photo: ""
    property string initials: ""
    property color baseColor: "#0D9488"
    property int size: 36
    // What lies behind the avatar: Qt 6.4 has no mask effect without
    // Qt5Compat, so a ring of this colour covers the photo's corners.
    property color maskColor: Theme.surface
    readonly property bool showsPhoto: photo.startsWith("data:") && image.status === Image.Ready

    width: size
    height: size
    radius: size / 2
    color: showsPhoto ? "transparent" : baseColor

    Label {
        anchors.centerIn: parent
        visible: !avatar.showsPhoto
        text: avatar.initials !== "" ? avatar.initials : "?"
        color: "#ffffff"
        font.pixelSize: Math.round(avatar.size * 0.4)
        font.bold: true
    }
    Image {
        id: image
        anchors.fill: parent
        visible: avatar.showsPhoto
        source: avatar.photo.startsWith("data:") ? avatar.photo : ""
        sourceSize.width: avatar.size * 2
        sourceSize.height: avatar.size * 2
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        smooth: true
    }
    Rectangle {
        // Its inner edge is the avatar's circle; it reaches the square's
        // corners (size / 2 · √2), so it is size · 0.21 wide.
        readonly property real ring: Math.ceil(avatar.size * 0.21) + 1
        visible: avatar.showsPhoto
        anchors.centerIn: parent
        width: avatar.size + 2 * ring
        height: width
        radius: width / 2
        color: "transparent"
        border.width: ring
        border.color: avatar.maskColor
    }
}
