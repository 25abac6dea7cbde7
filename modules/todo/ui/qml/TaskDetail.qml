import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaTodo
import ManaControls

// The chosen task: title, checkable subtasks, due date, priority, project,
// labels, repetition, reminder and notes, each saved as soon as it changes.
Rectangle {
    id: detail

    property ShellContext shell
    required property TodoController controller
    property string taskId: ""
    property color accentColor

    signal closeRequested
    signal deleteRequested(string taskId, string title)
    signal editRequested(string taskId)

    color: Theme.surface

    // The task's fields through the generic form's C++ side, which also
    // follows edits made elsewhere (sync, the list's circle).
    RecordForm {
        id: task
        context: detail.shell
        appId: "todo"
        collectionName: "tasks"
        recordId: detail.taskId
    }
    readonly property var subtasks: {
        const text = task.values.subtasks || ""
        try { return text === "" ? [] : JSON.parse(text) } catch (e) { return [] }
    }
    readonly property string rrule: task.values.recurrenceRule || ""
    // Re-read when the task or the labels change.
    property int labelsRevision: 0
    Connections {
        target: detail.controller
        function onLabelsChanged() { detail.labelsRevision++ }
    }

    function saveField(name, value) {
        task.setValue(name, value)
        if (!task.save())
            errorLabel.text = task.error
        else
            errorLabel.text = ""
    }

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: 1
        color: Theme.border
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: 16
        anchors.bottomMargin: 60
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 12

            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: titleField
                    objectName: "taskTitleField"
                    Layout.fillWidth: true
                    text: task.values.title || ""
                    font.pixelSize: 17
                    font.bold: true
                    Accessible.name: qsTr("Title")
                    onEditingFinished: if (text !== (task.values.title || "")) detail.saveField("title", text)
                }
                ToolButton {
                    text: "✕"
                    Accessible.name: qsTr("Close details")
                    onClicked: detail.closeRequested()
                }
            }

            Label {
                id: errorLabel
                Layout.fillWidth: true
                visible: text !== ""
                color: Theme.errorText
                wrapMode: Text.WordWrap
            }

            // Subtasks, checkable in place.
            Label { text: qsTr("Subtasks"); color: Theme.mutedText; font.pixelSize: 12 }
            Repeater {
                model: detail.subtasks
                RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    CheckBox {
                        id: subtaskBox
                        objectName: "subtask_" + modelData.id
                        Layout.fillWidth: true
                        text: modelData.title
                        checked: modelData.isCompleted === true
                        onToggled: detail.controller.setSubtaskCompleted(detail.taskId, modelData.id, checked)
                        // Long subtasks wrap; done ones are struck through.
                        contentItem: Label {
                            leftPadding: subtaskBox.indicator.width + subtaskBox.spacing
                            text: subtaskBox.text
                            wrapMode: Text.Wrap
                            verticalAlignment: Text.AlignVCenter
                            color: subtaskBox.checked ? Theme.mutedText : Theme.text
                            font.strikeout: subtaskBox.checked
                        }
                    }
                    ToolButton {
                        text: "✕"
                        font.pixelSize: 11
                        implicitWidth: 26
                        implicitHeight: 26
                        Accessible.name: qsTr("Remove subtask")
                        onClicked: detail.controller.removeSubtask(detail.taskId, modelData.id)
                    }
                }
            }
            TextField {
                objectName: "newSubtaskField"
                Layout.fillWidth: true
                placeholderText: qsTr("Add a subtask and press Enter")
                onAccepted: if (detail.controller.addSubtask(detail.taskId, text)) text = ""
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 8

                Label { text: qsTr("Due"); color: Theme.mutedText }
                RowLayout {
                    Layout.fillWidth: true
                    DateField {
                        Layout.fillWidth: true
                        text: (task.values.dueDate || "").split(" ")[0] || ""
                        onEdited: t => {
                            const time = (task.values.dueDate || "").split(" ")[1] || "00:00"
                            detail.saveField("dueDate", t === "" ? "" : t + " " + time)
                        }
                    }
                    TextField {
                        Layout.preferredWidth: 64
                        enabled: (task.values.dueDate || "") !== ""
                        text: {
                            const time = (task.values.dueDate || "").split(" ")[1] || ""
                            return time === "00:00" ? "" : time
                        }
                        placeholderText: qsTr("time")
                        Accessible.name: qsTr("Due time")
                        onEditingFinished: {
                            const day = (task.values.dueDate || "").split(" ")[0]
                            if (day)
                                detail.saveField("dueDate", day + " " + (text === "" ? "00:00" : text))
                        }
                    }
                }

                Label { text: qsTr("Priority"); color: Theme.mutedText }
                ComboBox {
                    objectName: "priorityBox"
                    Layout.fillWidth: true
                    model: [{ value: "low", label: qsTr("Low") }, { value: "medium", label: qsTr("Medium") },
                            { value: "high", label: qsTr("High") }, { value: "urgent", label: qsTr("Urgent") }]
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return indexOfValue(task.values.priority || "medium") }
                    onActivated: detail.saveField("priority", currentValue)
                }

                Label { text: qsTr("Project"); color: Theme.mutedText }
                ComboBox {
                    objectName: "projectBox"
                    Layout.fillWidth: true
                    model: [{ id: "", name: qsTr("Inbox") }].concat(detail.controller.projects.filter(p => !p.isArchived))
                    textRole: "name"
                    valueRole: "id"
                    currentIndex: { count; return Math.max(0, indexOfValue(task.values.projectId || "")) }
                    onActivated: detail.saveField("projectId", currentValue)
                }

                Label { text: qsTr("Repeats"); color: Theme.mutedText }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        objectName: "recurrenceText"
                        Layout.fillWidth: true
                        text: detail.controller.describeRule(detail.rrule)
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Button {
                        objectName: "recurrenceButton"
                        text: qsTr("Change…")
                        onClicked: recurrenceDialog.openFor(detail.taskId, detail.rrule)
                    }
                }

                Label { text: qsTr("Reminder"); color: Theme.mutedText }
                ComboBox {
                    id: reminderBox
                    objectName: "reminderBox"
                    Layout.fillWidth: true
                    enabled: (task.values.dueDate || "") !== ""
                    model: [{ value: -1, label: qsTr("None") }, { value: 0, label: qsTr("At the due time") },
                            { value: 5, label: qsTr("5 minutes before") }, { value: 15, label: qsTr("15 minutes before") },
                            { value: 30, label: qsTr("30 minutes before") }, { value: 60, label: qsTr("1 hour before") },
                            { value: 1440, label: qsTr("1 day before") }]
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: {
                        count; detail.taskId; task.values
                        const i = indexOfValue(detail.controller.reminderMinutes(detail.taskId))
                        return i < 0 ? 0 : i
                    }
                    onActivated: detail.controller.setReminder(detail.taskId, currentValue)
                }

                Label { text: qsTr("Estimate"); color: Theme.mutedText }
                RowLayout {
                    TextField {
                        Layout.preferredWidth: 80
                        text: task.values.estimatedDuration === undefined || task.values.estimatedDuration === null ? "" : String(task.values.estimatedDuration)
                        inputMethodHints: Qt.ImhDigitsOnly
                        Accessible.name: qsTr("Estimated duration in minutes")
                        onEditingFinished: detail.saveField("estimatedDuration", text)
                    }
                    Label { text: qsTr("min"); color: Theme.mutedText }
                }
            }

            Label { text: qsTr("Labels"); color: Theme.mutedText; font.pixelSize: 12 }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: detail.controller.labels
                    Button {
                        required property todoLabel modelData
                        readonly property bool on: {
                            detail.labelsRevision; task.values
                            return detail.controller.labelsOfTask(detail.taskId).indexOf(modelData.id) >= 0
                        }
                        text: "# " + modelData.name
                        checkable: true
                        checked: on
                        highlighted: on
                        implicitHeight: 28
                        onClicked: {
                            detail.controller.setTaskLabel(detail.taskId, modelData.id, checked)
                            detail.labelsRevision++
                        }
                    }
                }
                Label {
                    visible: detail.controller.labels.length === 0
                    text: qsTr("No labels yet: add one under Labels on the left.")
                    color: Theme.mutedText
                    font.pixelSize: 12
                }
            }

            Label { text: qsTr("Notes"); color: Theme.mutedText; font.pixelSize: 12 }
            TextArea {
                objectName: "descriptionField"
                Layout.fillWidth: true
                Layout.minimumHeight: 80
                text: task.values.description || ""
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Add notes")
                background: Rectangle {
                    color: Theme.window
                    border.color: parent.activeFocus ? Theme.accent : Theme.border
                    radius: 4
                }
                onActiveFocusChanged: if (!activeFocus && text !== (task.values.description || "")) detail.saveField("description", text)
            }
        }
    }

    RowLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        spacing: 8
        Button {
            text: qsTr("All fields…")
            onClicked: detail.editRequested(detail.taskId)
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "deleteTaskButton"
            text: qsTr("Delete")
            onClicked: detail.deleteRequested(detail.taskId, task.values.title || "")
        }
    }

    RecurrenceDialog {
        id: recurrenceDialog
        controller: detail.controller
    }
}
