import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Above the list while several contacts are selected (Ctrl+click,
// Shift+click, Ctrl+A; GNOME Contacts' selection mode): "3 selected" and
// what can be done to all of them at once. Esc or × clears the selection.
Rectangle {
    id: bar

    property int count: 0
    property color accentColor: Theme.accent

    signal favoriteRequested(bool favorite)
    signal exportRequested
    signal deleteRequested
    signal clearRequested

    implicitHeight: layout.implicitHeight + 12
    radius: Theme.radius
    color: Theme.selection
    border.color: accentColor
    border.width: 1

    // Flat, so that four fit the list's width in one row.
    component BarButton: ToolButton {
        id: barButton
        property color textColor: Theme.text
        focusPolicy: Qt.NoFocus
        font.pixelSize: 13
        leftPadding: 8
        rightPadding: 8
        topPadding: 4
        bottomPadding: 4
        ToolTip.visible: hovered && ToolTip.text !== ""
        ToolTip.delay: 600
        contentItem: Label {
            text: barButton.text
            font: barButton.font
            color: barButton.textColor
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: 4
            color: barButton.down ? Theme.border : barButton.hovered ? Theme.hover : "transparent"
        }
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 6
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "selectionCount"
                Layout.fillWidth: true
                leftPadding: 4
                text: bar.count === 1 ? qsTr("1 selected") : qsTr("%1 selected").arg(bar.count)
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }
            BarButton {
                objectName: "selectionClear"
                text: "\u2715"
                ToolTip.text: qsTr("Clear the selection (Esc)")
                onClicked: bar.clearRequested()
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 0
            BarButton {
                objectName: "selectionFavorite"
                text: "\u2605"
                font.pixelSize: 16
                textColor: "#E0A630"
                ToolTip.text: qsTr("Mark as favourites")
                Accessible.name: ToolTip.text
                onClicked: bar.favoriteRequested(true)
            }
            BarButton {
                objectName: "selectionUnfavorite"
                text: "\u2606"
                font.pixelSize: 16
                ToolTip.text: qsTr("Remove from favourites")
                Accessible.name: ToolTip.text
                onClicked: bar.favoriteRequested(false)
            }
            Item { Layout.fillWidth: true }
            BarButton {
                objectName: "selectionExport"
                text: qsTr("Export…")
                ToolTip.text: qsTr("Export the selected as a vCard file")
                onClicked: bar.exportRequested()
            }
            BarButton {
                objectName: "selectionDelete"
                text: qsTr("Delete")
                textColor: Theme.errorText
                ToolTip.text: qsTr("Delete (Del)")
                onClicked: bar.deleteRequested()
            }
        }
    }
}
