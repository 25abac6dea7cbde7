import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaTodo
import ManaControls

// A board view (boardViews): one column per entry of its `columns`, each
// holding the tasks its match selects. Dropping a card on another column
// changes exactly the fields that column's match names (status: done or
// not; priority: the column's priority).
Item {
    id: board

    required property TodoController controller
    property string boardId
    property string selectedId: ""
    property color accentColor
    // [boardColumn], read again when a board changes (a renamed column).
    readonly property var columns: { controller.boards; return controller.boardColumns(boardId) }

    readonly property int columnWidth: 260
    readonly property int columnSpacing: 12
    property string dragging: ""

    signal taskChosen(string taskId)

    // The column under x (in the row's coordinates), -1 outside.
    function columnAt(x) {
        const column = Math.floor(x / (columnWidth + columnSpacing))
        return x >= 0 && column < columns.length ? column : -1
    }

    objectName: "taskBoard"

    ScrollView {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        contentHeight: availableHeight
        Row {
            id: columnsRow
            height: parent.height
            spacing: board.columnSpacing
            Repeater {
                model: board.columns
                Rectangle {
                    id: columnBox
                    required property boardColumn modelData
                    required property int index
                    objectName: "boardColumn_" + index
                    width: board.columnWidth
                    height: parent.height - 12
                    radius: Theme.radius
                    color: Theme.sidebar

                    ColumnLayout {
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 6
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: columnBox.modelData.title
                                font.bold: true
                                color: Theme.text
                            }
                            Label {
                                // Every task of the column, not only the loaded ones.
                                objectName: "columnCount"
                                text: Number(columnTasks.matchCount).toLocaleString(Qt.locale(), "f", 0)
                                color: Theme.mutedText
                            }
                        }
                        ListView {
                            id: cards
                            objectName: "boardCards"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            spacing: 6
                            // A dragged card may leave its column.
                            clip: board.dragging === ""
                            model: TodoTaskModel {
                                id: columnTasks
                                store: board.controller.store
                                view: TaskView.Board
                                boardId: board.boardId
                                column: columnBox.index
                            }
                            delegate: TaskRow {
                                id: card
                                width: ListView.view.width
                                card: true
                                controller: board.controller
                                selected: taskId === board.selectedId
                                onClicked: board.taskChosen(taskId)
                                property real restX: 0
                                property real restY: 0
                                // The card follows the pointer; where its
                                // centre is let go decides the column.
                                DragHandler {
                                    id: cardDrag
                                    onActiveChanged: {
                                        if (active) {
                                            card.restX = card.x; card.restY = card.y
                                            card.z = 100
                                            columnBox.z = 1
                                            board.dragging = card.taskId
                                            return
                                        }
                                        const centre = card.mapToItem(columnsRow, card.width / 2, card.height / 2)
                                        card.x = card.restX; card.y = card.restY; card.z = 0
                                        columnBox.z = 0
                                        board.dragging = ""
                                        const column = board.columnAt(centre.x)
                                        if (column >= 0 && column !== columnBox.index)
                                            board.controller.moveToBoardColumn(board.boardId, column, card.taskId)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
