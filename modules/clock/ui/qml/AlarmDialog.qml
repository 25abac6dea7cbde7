import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// A new alarm or an existing one: the time (24-hour), the days it repeats
// on (none: once), a label and the snooze length. Saving switches it on.
ShellDialog {
    id: dialog

    property ClockController controller
    property color accentColor
    // What Save writes (ClockController.newAlarmDraft / alarmDraftOf): the
    // day buttons edit it directly, the fields are copied in on Save.
    property alarmDraft draft
    readonly property string alarmId: draft.id

    function openNew() {
        draft = controller.newAlarmDraft()
        show()
        hours.contentItem.forceActiveFocus()
    }
    function openEdit(id) {
        const found = controller.alarmDraftOf(id)
        if (found.id === "")
            return
        draft = found
        show()
    }
    function show() {
        hours.value = draft.hour
        minutes.value = draft.minute
        label.text = draft.label
        snooze.value = draft.snoozeMinutes
        error.text = ""
        open()
    }
    function toggleDay(day) {
        const copy = draft.repeatDays.slice()
        const at = copy.indexOf(day)
        if (at >= 0)
            copy.splice(at, 1)
        else
            copy.push(day)
        draft.repeatDays = copy
    }
    function pad(n) {
        return (n < 10 ? "0" : "") + n
    }
    function save() {
        draft.hour = hours.value
        draft.minute = minutes.value
        draft.label = label.text
        draft.snoozeMinutes = snooze.value
        const ok = draft.id === "" ? controller.addAlarm(draft) !== "" : controller.updateAlarm(draft.id, draft)
        if (ok)
            close()
        else
            error.text = controller.lastError()
    }

    title: alarmId === "" ? qsTr("New alarm") : qsTr("Edit alarm")
    width: 440

    footer: DialogButtonBox {
        Button {
            objectName: "alarmSaveButton"
            text: qsTr("Save")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onAccepted: dialog.save()
        onRejected: dialog.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 14

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: 6
            SpinBox {
                id: hours
                objectName: "alarmHours"
                from: 0
                to: 23
                editable: true
                wrap: true
                font.pixelSize: 26
                textFromValue: value => dialog.pad(value)
                Accessible.name: qsTr("Hour")
            }
            Label {
                text: ":"
                font.pixelSize: 26
                color: Theme.text
            }
            SpinBox {
                id: minutes
                objectName: "alarmMinutes"
                from: 0
                to: 59
                editable: true
                wrap: true
                font.pixelSize: 26
                textFromValue: value => dialog.pad(value)
                Accessible.name: qsTr("Minute")
            }
        }

        Label {
            text: qsTr("Repeat on")
            color: Theme.mutedText
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: dialog.controller ? dialog.controller.weekdayChoices : []
                Button {
                    id: dayButton
                    required property weekdayChoice modelData
                    objectName: "alarmDay_" + modelData.day
                    Layout.fillWidth: true
                    implicitWidth: 44
                    text: modelData.name
                    highlighted: dialog.draft.repeatDays.indexOf(modelData.day) >= 0
                    onClicked: dialog.toggleDay(modelData.day)
                }
            }
        }
        Label {
            objectName: "alarmRepeatSummary"
            text: dialog.controller ? dialog.controller.daysText(dialog.draft.repeatDays) : ""
            color: Theme.mutedText
            font.pixelSize: 12
        }

        TextField {
            id: label
            objectName: "alarmLabelField"
            Layout.fillWidth: true
            placeholderText: qsTr("Label (optional)")
            onAccepted: dialog.save()
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Snooze for")
                color: Theme.text
            }
            SpinBox {
                id: snooze
                objectName: "alarmSnooze"
                from: 1
                to: 60
                value: 10
                editable: true
                textFromValue: value => qsTr("%1 min").arg(value)
                valueFromText: text => parseInt(text, 10)
            }
        }
        Label {
            id: error
            Layout.fillWidth: true
            visible: text !== ""
            color: Theme.errorText
            wrapMode: Text.WordWrap
        }
    }
}
