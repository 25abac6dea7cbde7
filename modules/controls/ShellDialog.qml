import QtQuick
import QtQuick.Controls

// The look every shell dialog shares: a rounded card, a clear title, room
// around the content, a dimmed window behind. Esc closes.
Dialog {
    id: dialog

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    padding: 20
    topPadding: 8

    background: Rectangle {
        radius: 12
        color: Theme.surfaceRaised
        border.width: 1
        border.color: Theme.border
    }

    header: Label {
        text: dialog.title
        visible: dialog.title !== ""
        padding: 20
        bottomPadding: 4
        font.pixelSize: 18
        font.bold: true
        color: Theme.text
        elide: Text.ElideRight
    }

    Overlay.modal: Rectangle {
        color: Theme.dark ? "#99000000" : "#66202028"
    }
}
