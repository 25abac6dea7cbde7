import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaQuestions
import ManaControls

// The board: one column per status (Open, Researching, Answered,
// Archived), each a QuestionListModel with the page's filters. Arrows move
// the selection, Ctrl+Left/Right move the selected question to the
// neighbouring column, Enter opens it, the Menu key (or a right click)
// opens its menu; a card dragged onto another column moves there.
FocusScope {
    id: board

    required property var page
    property string currentId: ""
    readonly property var statuses: ["open", "researching", "answered", "archived"]
    readonly property int totalShown: columnsRepeater.count === 4
        ? columnModel(0).matchCount + columnModel(1).matchCount + columnModel(2).matchCount + columnModel(3).matchCount : 0

    readonly property bool capped: columnsRepeater.count === 4
        && (columnModel(0).capped || columnModel(1).capped || columnModel(2).capped || columnModel(3).capped)

    objectName: "questionBoard"

    function columnModel(column) {
        const item = columnsRepeater.itemAt(column)
        return item ? item.model : null
    }
    function columnOf(id) {
        for (let c = 0; c < 4; ++c) {
            const model = columnModel(c)
            if (model && model.rowOf(id) >= 0)
                return c
        }
        return -1
    }
    function selectIn(column, row) {
        const model = columnModel(column)
        if (!model || model.count === 0)
            return false
        currentId = model.questionIdAt(Math.max(0, Math.min(row, model.count - 1)))
        columnsRepeater.itemAt(column).showCurrent()
        return true
    }
    // The column under a point of the window, -1 outside the columns.
    function columnAtScene(point) {
        for (let c = 0; c < 4; ++c) {
            const item = columnsRepeater.itemAt(c)
            const local = item.mapFromItem(null, point.x, point.y)
            if (item.contains(local))
                return c
        }
        return -1
    }
    function dropCard(id, status, point) {
        dragTitle = ""
        const column = columnAtScene(point)
        if (column >= 0 && statuses[column] !== status) {
            currentId = id
            page.controller.setStatus(id, statuses[column])
        }
    }
    property string dragTitle: ""
    property point dragPoint

    function moveSelection(dx, dy) {
        let column = columnOf(currentId)
        if (column < 0) {
            for (let c = 0; c < 4; ++c)
                if (selectIn(c, 0))
                    return
            return
        }
        const row = columnModel(column).rowOf(currentId)
        if (dy !== 0) {
            selectIn(column, row + dy)
            return
        }
        for (let c = column + dx; c >= 0 && c < 4; c += dx)
            if (selectIn(c, row))
                return
    }

    Keys.onPressed: event => {
        const ctrl = event.modifiers & Qt.ControlModifier
        if (event.key === Qt.Key_Left || event.key === Qt.Key_Right) {
            const step = event.key === Qt.Key_Left ? -1 : 1
            if (ctrl && currentId !== "")
                page.controller.moveStatus(currentId, step)
            else
                moveSelection(step, 0)
            event.accepted = true
        } else if (event.key === Qt.Key_Up || event.key === Qt.Key_Down) {
            moveSelection(0, event.key === Qt.Key_Up ? -1 : 1)
            event.accepted = true
        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && currentId !== "") {
            page.openQuestion(currentId)
            event.accepted = true
        } else if ((event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier)))
                   && currentId !== "") {
            page.openMenu(currentId, board, board.width / 2, board.height / 3)
            event.accepted = true
        }
    }

    Label {
        id: keysHint
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        elide: Text.ElideRight
        color: Theme.mutedText
        font.pixelSize: 12
        text: qsTr("Arrows select · Enter opens · Ctrl+Left/Right moves to the next column · Menu key or right click for more")
    }
    RowLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: keysHint.top
        anchors.bottomMargin: 6
        spacing: 10
        Repeater {
            id: columnsRepeater
            model: board.statuses
            Rectangle {
                id: column
                required property string modelData
                required property int index
                readonly property alias model: columnQuestions
                function showCurrent() {
                    const row = columnQuestions.rowOf(board.currentId)
                    if (row >= 0)
                        cards.positionViewAtIndex(row, ListView.Contain)
                }
                objectName: "boardColumn_" + modelData
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                radius: Theme.radius
                color: Theme.sidebar

                QuestionListModel {
                    id: columnQuestions
                    store: board.page.store
                    status: column.modelData
                    collectionId: board.page.collectionId
                    tag: board.page.tagFilter
                    text: board.page.searchText
                    priority: board.page.priorityFilter
                    // Newest change first: the (status, updatedAt) index gives a column's
                    // first page at once with 100,000 questions (docs/questions.md).
                    order: QuestionOrder.Updated
                }
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: 4
                        Layout.rightMargin: 4
                        Label {
                            Layout.fillWidth: true
                            text: board.page.statusText(column.modelData)
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "columnCount"
                            text: columnQuestions.matchCount
                            color: Theme.mutedText
                        }
                    }
                    ListView {
                        id: cards
                        objectName: "columnCards"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: columnQuestions
                        visible: columnQuestions.count > 0
                        delegate: QuestionCard {
                            width: ListView.view.width
                            page: board.page
                            current: questionId === board.currentId
                            onSelected: {
                                board.currentId = questionId
                                board.forceActiveFocus()
                            }
                            onOpened: board.page.openQuestion(questionId)
                            onDragMoved: point => {
                                board.dragTitle = title
                                board.dragPoint = board.mapFromItem(null, point.x, point.y)
                            }
                            onDropped: point => board.dropCard(questionId, column.modelData, point)
                            onMenuRequested: (x, y) => board.page.openMenu(questionId, this, x, y)
                        }
                    }
                    Label {
                        visible: columnQuestions.count === 0
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        verticalAlignment: Text.AlignTop
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        font.pixelSize: 12
                        // While filtering, the how-to hints would read as if the column were empty.
                        text: board.page.filtering ? qsTr("No question here matches the filter.")
                            : [qsTr("Nothing open. Press Ctrl+N to ask a question."),
                               qsTr("Move a question here with Ctrl+Right while you look into it."),
                               qsTr("Accept an answer and its question lands here."),
                               qsTr("Questions you are done with. Move them here from their menu.")][column.index]
                    }
                }
            }
        }
    }

    // The dragged card's title under the pointer.
    Rectangle {
        visible: board.dragTitle !== ""
        x: board.dragPoint.x - 20
        y: board.dragPoint.y - 14
        z: 10
        width: Math.min(240, ghostLabel.implicitWidth + 20)
        height: ghostLabel.implicitHeight + 12
        radius: Theme.radius
        color: Theme.surfaceRaised
        border.color: Theme.accent
        opacity: 0.9
        Label {
            id: ghostLabel
            anchors.centerIn: parent
            width: Math.min(implicitWidth, 220)
            text: board.dragTitle
            elide: Text.ElideRight
            color: Theme.text
        }
    }
}
