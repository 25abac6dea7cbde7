import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "“Go shopping” deleted · Undo": shown for a few seconds after a delete,
// or after an action that wrote several records ("Project “X” deleted",
// "Event moved"). The change is already written (it syncs like any other);
// Undo asks the page to take it back: one record restored with all its
// fields, or a whole undo step (ShellContext.undo).
Rectangle {
    id: bar

    property string message: ""
    signal undoRequested

    function show(text) {
        message = text
        visible = true
        hideTimer.restart()
    }
    function hide() {
        visible = false
        hideTimer.stop()
    }

    visible: false
    objectName: "undoBar"
    width: Math.min(480, row.implicitWidth + 32)
    height: 44
    radius: Theme.radius
    color: Theme.dark ? "#3a3b44" : "#2b2c33"

    Timer {
        id: hideTimer
        interval: 6000
        onTriggered: bar.visible = false
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 8
        spacing: 12
        Label {
            Layout.fillWidth: true
            text: bar.message
            color: "#ffffff"
            elide: Text.ElideRight
        }
        Button {
            objectName: "undoButton"
            text: qsTr("Undo")
            flat: true
            palette.buttonText: "#9db2ff"
            onClicked: {
                bar.hide()
                bar.undoRequested()
            }
        }
    }
}
