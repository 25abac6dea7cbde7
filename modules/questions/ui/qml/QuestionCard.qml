import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// A question on the board: title, priority, tags, answers. Click selects,
// double click (or Enter on the board) opens, right click opens the menu.
Rectangle {
    id: card

    required property var page
    required property string questionId
    required property string title
    required property string priority
    required property var tags
    required property int answerCount
    property bool current: false

    signal selected()
    signal opened()
    signal menuRequested(real x, real y)
    // A drag let go at this point of the window (the board decides the column).
    signal dropped(point scenePoint)
    signal dragMoved(point scenePoint)
    readonly property bool dragging: cardDrag.active

    implicitHeight: content.implicitHeight + 20
    radius: Theme.radius
    color: Theme.surface
    border.width: current ? 2 : 1
    border.color: current ? Theme.accent : Theme.border

    // The card stays; the board draws a ghost under the pointer. Taking
    // over from the column's ListView: cards scroll with the wheel.
    DragHandler {
        id: cardDrag
        target: null
        grabPermissions: PointerHandler.CanTakeOverFromAnything
        property point last
        onCentroidChanged: if (active) {
            last = centroid.scenePosition
            card.dragMoved(last)
        }
        onActiveChanged: if (!active) card.dropped(last)
    }
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        onClicked: mouse => {
            card.selected()
            if (mouse.button === Qt.RightButton)
                card.menuRequested(mouse.x, mouse.y)
        }
        onDoubleClicked: card.opened()
    }
    ColumnLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 10
        spacing: 6
        Label {
            Layout.fillWidth: true
            text: card.title
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            font.pixelSize: 14
        }
        Flow {
            Layout.fillWidth: true
            spacing: 4
            visible: card.tags.length > 0
            Repeater {
                model: card.tags
                TagChip {
                    required property string modelData
                    tag: modelData
                    clickable: true
                    onClicked: card.page.tagFilter = modelData
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            PriorityMarker {
                priority: card.priority
                text: card.page.priorityText(card.priority)
                color: card.page.priorityColor(card.priority)
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "answerCount"
                text: card.answerCount === 1 ? qsTr("1 answer") : qsTr("%1 answers").arg(card.answerCount)
                color: Theme.mutedText
                font.pixelSize: 12
            }
        }
    }
}
