import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// One document in the list: its title, short ID and first line of prose.
// A click opens it, a right-click asks for its menu.
Rectangle {
    id: row

    required property int index
    required property string documentId
    required property string title
    required property string firstLine
    required property bool pinned
    required property string shortId
    // "#a #b", shown before the first line.
    required property string tags
    // The open document.
    property bool current: false

    signal opened
    signal menuRequested

    height: 58
    color: current ? Theme.selection : (mouse.containsMouse ? Theme.hover : "transparent")

    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        onClicked: event => event.button === Qt.RightButton ? row.menuRequested() : row.opened()
    }
    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: 16
        anchors.rightMargin: 12
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label { text: row.title || qsTr("Untitled"); color: Theme.text; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
            Label { text: row.shortId; color: Theme.mutedText; font.pixelSize: 11 }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: row.tags !== "" ? 6 : 0
            Label {
                objectName: "rowTags"
                text: row.tags
                color: Theme.accent
                font.pixelSize: 12
                elide: Text.ElideRight
                // Tags never push the first line out completely.
                Layout.maximumWidth: row.width * 0.45
            }
            Label {
                text: row.firstLine || qsTr("Empty")
                color: Theme.mutedText
                font.pixelSize: 12
                elide: Text.ElideRight
                maximumLineCount: 1
                Layout.fillWidth: true
            }
        }
    }
}
