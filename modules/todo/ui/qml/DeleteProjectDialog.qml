import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaTodo
import ManaControls

// Deleting a project asks what happens to its tasks: they move to the
// Inbox, or they go too.
ShellDialog {
    id: dialog

    required property TodoController controller
    property todoProject project
    property int taskCount: 0

    signal deleted

    function openFor(p) {
        project = p
        taskCount = controller.projectTaskCount(p.id)
        open()
    }
    function remove(deleteTasks) {
        if (controller.deleteProject(project.id, deleteTasks))
            deleted()
        close()
    }

    title: qsTr("Delete “%1”?").arg(project.name || "")
    width: 440

    contentItem: Label {
        text: dialog.taskCount === 0 ? qsTr("The project has no tasks.")
              : qsTr("The project has %n task(s). Move them to the Inbox, or delete them with the project?", "", dialog.taskCount)
        wrapMode: Text.WordWrap
        color: Theme.text
    }
    footer: Pane {
        background: Item {}
        padding: 20
        RowLayout {
            anchors.right: parent.right
            spacing: 8
            Button { text: qsTr("Cancel"); onClicked: dialog.close() }
            Button {
                objectName: "deleteTasksToo"
                visible: dialog.taskCount > 0
                text: qsTr("Delete tasks too")
                onClicked: dialog.remove(true)
            }
            Button {
                objectName: "moveTasksToInbox"
                highlighted: true
                text: dialog.taskCount > 0 ? qsTr("Delete, keep tasks in Inbox") : qsTr("Delete")
                onClicked: dialog.remove(false)
            }
        }
    }
}
