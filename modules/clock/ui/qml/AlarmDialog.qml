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
    property string alarmId: ""
    property var days: []

    function openNew() {
        alarmId = ""
        const next = new Date(Date.now() + 60 * 60 * 1000)
        hours.value = next.getHours()
        minutes.value = 0
        days = []
        label.text = ""
        snooze.value = 10
        error.text = ""
        open()
        hours.contentItem.forceActiveFocus()
    }
    function openEdit(id) {
        const alarm = controller.alarms.find(a => a.id === id)
        if (!alarm)
            return
        alarmId = id
        const parts = alarm.time.split(":")
        hours.value = parseInt(parts[0], 10)
        minutes.value = parseInt(parts[1], 10)
        days = alarm.repeatDays.slice()
        label.text = alarm.label || ""
        snooze.value = alarm.snoozeMinutes > 0 ? alarm.snoozeMinutes : 10
        error.text = ""
        open()
    }
    function toggleDay(day) {
        const copy = days.slice()
        const at = copy.indexOf(day)
        if (at >= 0)
            copy.splice(at, 1)
        else
            copy.push(day)
        days = copy
    }
    function pad(n) {
        return (n < 10 ? "0" : "") + n
    }
    function save() {
        const values = { time: pad(hours.value) + ":" + pad(minutes.value), label: label.text,
                         repeatDays: days, snoozeMinutes: snooze.value }
        const ok = alarmId === "" ? controller.addAlarm(values) !== "" : controller.updateAlarm(alarmId, values)
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
                model: dialog.controller ? dialog.controller.weekdayChoices() : []
                Button {
                    id: dayButton
                    required property var modelData
                    objectName: "alarmDay_" + modelData.day
                    Layout.fillWidth: true
                    implicitWidth: 44
                    text: modelData.name
                    highlighted: dialog.days.indexOf(modelData.day) >= 0
                    onClicked: dialog.toggleDay(modelData.day)
                }
            }
        }
        Label {
            objectName: "alarmRepeatSummary"
            text: dialog.controller ? dialog.controller.daysText(dialog.days) : ""
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
