import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaTodo
import ManaControls

// One task in a list or on a board card: the circle that completes it, the
// title, and a line with due day, project, subtasks and repetition.
ItemDelegate {
    id: row

    required property TodoController controller
    required property string taskId
    required property string title
    required property string priority
    required property bool completed
    required property string dueText
    required property bool overdue
    required property string projectName
    required property string projectColor
    required property int subtasksDone
    required property int subtasksTotal
    required property bool recurring
    property bool selected: false
    property color accentColor: Theme.accent
    property bool card: false

    readonly property color priorityColor: priority === "urgent" ? "#dc2626"
                                         : priority === "high" ? "#ea580c"
                                         : priority === "low" ? "#9ca3af" : "#3b82f6"

    leftPadding: card ? 12 : 24
    rightPadding: card ? 12 : 24
    topPadding: 8
    bottomPadding: 8
    Accessible.name: title

    background: Rectangle {
        radius: row.card ? Theme.radius : 0
        color: row.selected ? Theme.selection : row.hovered ? Theme.hover : (row.card ? Theme.surface : "transparent")
        border.width: row.card ? 1 : 0
        border.color: Theme.border
        Rectangle {
            visible: !row.card
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: 58
            height: 1
            color: Theme.border
            opacity: 0.5
        }
    }

    contentItem: RowLayout {
        spacing: 12
        // The circle: its ring shows the priority, a tick when done.
        AbstractButton {
            id: circle
            objectName: "completeButton"
            Layout.alignment: Qt.AlignTop
            implicitWidth: 22
            implicitHeight: 22
            Accessible.name: row.completed ? qsTr("Mark “%1” as not done").arg(row.title)
                                           : qsTr("Complete “%1”").arg(row.title)
            onClicked: row.controller.toggleCompleted(row.taskId)
            background: Rectangle {
                radius: 11
                border.width: 2
                border.color: row.priorityColor
                color: row.completed ? row.priorityColor : circle.hovered ? Qt.alpha(row.priorityColor, 0.15) : "transparent"
            }
            contentItem: Label {
                text: "✓"
                visible: row.completed || circle.hovered
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: row.completed ? "#ffffff" : row.priorityColor
                font.pixelSize: 12
                font.bold: true
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 3
            Label {
                Layout.fillWidth: true
                text: row.title
                color: row.completed ? Theme.mutedText : Theme.text
                font.strikeout: row.completed
                font.pixelSize: 14
                wrapMode: row.card ? Text.Wrap : Text.NoWrap
                elide: Text.ElideRight
                maximumLineCount: 3
            }
            RowLayout {
                spacing: 10
                visible: row.dueText !== "" || row.projectName !== "" || row.subtasksTotal > 0 || row.recurring
                Label {
                    visible: row.dueText !== ""
                    text: row.dueText
                    color: row.overdue ? Theme.errorText : Theme.mutedText
                    font.pixelSize: 12
                }
                Label {
                    visible: row.recurring
                    text: "↻"
                    color: Theme.mutedText
                    font.pixelSize: 12
                    Accessible.name: qsTr("Repeats")
                }
                Label {
                    visible: row.subtasksTotal > 0
                    text: "☑ " + row.subtasksDone + "/" + row.subtasksTotal
                    color: Theme.mutedText
                    font.pixelSize: 12
                }
                RowLayout {
                    visible: row.projectName !== ""
                    spacing: 4
                    Rectangle { width: 7; height: 7; radius: 4; color: row.projectColor || "#9ca3af" }
                    Label {
                        text: row.projectName
                        color: Theme.mutedText
                        font.pixelSize: 12
                    }
                }
            }
        }
    }
}
