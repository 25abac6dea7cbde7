import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// A tab with nothing in it: one sentence and the button that fixes it.
ColumnLayout {
    id: empty

    property string text
    property string actionText
    property color accentColor

    signal actionTriggered

    spacing: 16
    Label {
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 420
        text: empty.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.mutedText
        font.pixelSize: 15
    }
    Button {
        objectName: "emptyStateAction"
        Layout.alignment: Qt.AlignHCenter
        text: empty.actionText
        highlighted: true
        onClicked: empty.actionTriggered()
    }
}
