import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaTodo
import ManaControls

// The tasks of one list view. Today and Upcoming are grouped by day;
// Inbox, projects and labels keep the manual order, which a drag (or
// Alt+Up/Down) changes.
ListView {
    id: list

    required property TodoController controller
    property var current
    property string selectedId: ""
    property color accentColor
    readonly property bool grouped: current.view === TaskView.Upcoming || current.view === TaskView.Today
    readonly property bool manualOrder: current.view === TaskView.Inbox || current.view === TaskView.Project || current.view === TaskView.Label

    signal taskChosen(string taskId)

    objectName: "taskList"
    clip: true
    // Rows scrolled away are reused for the rows scrolled in: a long list
    // scrolls without creating and destroying a delegate per row.
    reuseItems: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    keyNavigationEnabled: true

    function firstTaskId() { return tasks.idAt(0) }
    function moveRow(from, to) {
        if (to < 0 || to >= count || from === to)
            return
        const id = tasks.idAt(from)
        // The neighbours at the destination, not counting the moved row.
        const before = to > from ? tasks.idAt(to) : tasks.idAt(to - 1)
        const after = to > from ? tasks.idAt(to + 1) : tasks.idAt(to)
        controller.moveBetween(id, before, after)
    }

    model: TodoTaskModel {
        id: tasks
        store: list.controller.store
        view: list.current.view
        projectId: list.current.projectId
        labelId: list.current.labelId
    }

    section.property: grouped ? "dayGroup" : ""
    section.delegate: Label {
        required property string section
        width: ListView.view.width
        leftPadding: 24
        topPadding: 14
        bottomPadding: 4
        text: tasks.dayTitle(section)
        color: section === "0000-00-00" ? Theme.errorText : Theme.text
        font.bold: true
        font.pixelSize: 13
    }

    delegate: TaskRow {
        id: taskRow
        required property int index
        onIndexChanged: tasks.loadMoreAfter(index)
        Component.onCompleted: tasks.loadMoreAfter(index)
        width: ListView.view.width
        controller: list.controller
        selected: taskId === list.selectedId
        accentColor: list.accentColor
        onClicked: list.taskChosen(taskId)
        Keys.onPressed: event => {
            if (list.manualOrder && (event.modifiers & Qt.AltModifier)) {
                if (event.key === Qt.Key_Up) { list.moveRow(index, index - 1); event.accepted = true }
                if (event.key === Qt.Key_Down) { list.moveRow(index, index + 1); event.accepted = true }
            }
        }

        // Drag to reorder: the row follows the pointer, and the drop
        // target's row decides the new place.
        Drag.active: rowDrag.active
        Drag.keys: ["todo-task-row"]
        Drag.source: taskRow
        Drag.hotSpot.y: height / 2
        property real restY: 0
        DragHandler {
            id: rowDrag
            enabled: list.manualOrder
            yAxis.enabled: true
            xAxis.enabled: false
            onActiveChanged: {
                if (active) {
                    taskRow.restY = taskRow.y
                    taskRow.z = 10
                    return
                }
                const target = list.indexAt(10, taskRow.y + taskRow.height / 2)
                // Back to its place first; the model then moves the row.
                taskRow.y = taskRow.restY
                taskRow.z = 0
                if (target >= 0)
                    list.moveRow(taskRow.index, target)
            }
        }
    }

    Label {
        objectName: "emptyTasksLabel"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: list.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        font.pixelSize: 14
        text: list.current.view === TaskView.Today ? qsTr("Nothing due today. Enjoy the day, or add a task above.")
            : list.current.view === TaskView.Upcoming ? qsTr("Nothing due in the next 7 days.")
            : list.current.view === TaskView.Completed ? qsTr("Tasks you complete show up here.")
            : list.current.view === TaskView.Inbox ? qsTr("Your inbox is empty. Type a task above and press Enter.")
            : qsTr("No open tasks here. Add one above.")
    }
}
