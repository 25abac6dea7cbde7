import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// One event: title, calendar, all day or from–to, repetition, reminder,
// place and notes. New events are made at once; a change to an occurrence
// of a series asks for its scope (ScopeDialog) before it is saved.
ShellDialog {
    id: dialog

    property var controller
    property color accentColor
    property string eventId: ""
    property string recurrenceId: ""
    property bool recurring: false
    property var reminders: []
    property string rule: ""

    signal saveRequested(string eventId, string recurrenceId, var fields)
    signal deleteRequested(string eventId, string recurrenceId, string title)

    function timeOf(minutes) {
        const m = Math.max(0, Math.min(1439, minutes))
        return ("0" + Math.floor(m / 60)).slice(-2) + ":" + ("0" + (m % 60)).slice(-2)
    }
    function openNew(day, startMinute, endMinute, allDay) {
        eventId = ""
        recurrenceId = ""
        recurring = false
        titleField.text = ""
        allDayBox.checked = allDay
        startDate.text = day
        startTime.text = timeOf(startMinute)
        endDate.text = endMinute >= 1440 && !allDay ? controller.addDays(day, 1) : day
        endTime.text = endMinute >= 1440 ? (allDay ? "00:00" : "00:00") : timeOf(endMinute)
        if (allDay)
            endDate.text = day
        locationField.text = ""
        notesField.text = ""
        rule = ""
        reminders = allDay ? [] : [10]
        calendarBox.currentIndex = Math.max(0, calendarBox.indexOfValue(controller.defaultCalendarId))
        refreshChoices()
        open()
    }
    function openExisting(id, occurrence) {
        const fields = controller.occurrenceFields(id, occurrence)
        if (!fields.eventId)
            return
        eventId = fields.eventId
        recurrenceId = fields.recurrenceId
        recurring = fields.recurring
        titleField.text = fields.title
        allDayBox.checked = fields.allDay
        startDate.text = fields.start.substring(0, 10)
        endDate.text = fields.end.substring(0, 10)
        startTime.text = fields.allDay ? "09:00" : fields.start.substring(11, 16)
        endTime.text = fields.allDay ? "10:00" : fields.end.substring(11, 16)
        locationField.text = fields.location
        notesField.text = fields.description
        rule = fields.recurrenceRule
        reminders = fields.reminders
        calendarBox.currentIndex = Math.max(0, calendarBox.indexOfValue(fields.calendarId))
        refreshChoices()
        open()
    }
    function refreshChoices() {
        repeatBox.model = controller.repeatChoices(startDate.text, rule)
        repeatBox.currentIndex = Math.max(0, repeatBox.indexOfValue(rule))
        const choices = controller.reminderChoices()
        reminderBox.model = choices
        reminderBox.currentIndex = Math.max(0, reminderBox.indexOfValue(reminders.length > 0 ? reminders[0] : -1))
    }
    function fields() {
        const reminder = reminderBox.currentValue
        // The first reminder is the one the dialog shows; further ones
        // (imported) are kept.
        const kept = reminders.slice(1)
        return {
            title: titleField.text,
            calendarId: calendarBox.currentValue,
            allDay: allDayBox.checked,
            start: allDayBox.checked ? startDate.text : startDate.text + "T" + startTime.text,
            end: allDayBox.checked ? endDate.text : endDate.text + "T" + endTime.text,
            location: locationField.text,
            description: notesField.text,
            recurrenceRule: repeatBox.currentValue || "",
            reminders: reminder >= 0 ? [reminder].concat(kept) : kept
        }
    }
    function save() {
        dialog.close()
        dialog.saveRequested(eventId, recurrenceId, fields())
    }

    title: eventId === "" ? qsTr("New event") : qsTr("Event")
    width: Math.min(520, parent ? parent.width - 40 : 520)
    onOpened: titleField.forceActiveFocus()

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8

        TextField {
            id: titleField
            objectName: "eventTitleField"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            placeholderText: qsTr("Title")
            font.pixelSize: 16
            onAccepted: dialog.save()
        }
        Label { text: qsTr("Calendar"); color: Theme.mutedText }
        ComboBox {
            id: calendarBox
            objectName: "eventCalendarBox"
            Layout.fillWidth: true
            model: dialog.controller ? dialog.controller.calendars : null
            textRole: "name"
            valueRole: "calendarId"
        }
        Label { text: qsTr("All day"); color: Theme.mutedText }
        CheckBox {
            id: allDayBox
            objectName: "eventAllDayBox"
        }
        Label { text: qsTr("Starts"); color: Theme.mutedText }
        RowLayout {
            DateField {
                id: startDate
                objectName: "eventStartDate"
                Layout.fillWidth: true
                optional: false
                onEdited: text => {
                    startDate.text = text
                    if (endDate.text < text)
                        endDate.text = text
                    dialog.refreshChoices()
                }
            }
            TextField {
                id: startTime
                objectName: "eventStartTime"
                visible: !allDayBox.checked
                Layout.preferredWidth: 70
                inputMask: "99:99"
                Accessible.name: qsTr("Start time")
            }
        }
        Label { text: qsTr("Ends"); color: Theme.mutedText }
        RowLayout {
            DateField {
                id: endDate
                objectName: "eventEndDate"
                Layout.fillWidth: true
                optional: false
                onEdited: text => endDate.text = text
            }
            TextField {
                id: endTime
                objectName: "eventEndTime"
                visible: !allDayBox.checked
                Layout.preferredWidth: 70
                inputMask: "99:99"
                Accessible.name: qsTr("End time")
            }
        }
        Label { text: qsTr("Repeat"); color: Theme.mutedText }
        ComboBox {
            id: repeatBox
            objectName: "eventRepeatBox"
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "rule"
        }
        Label { text: qsTr("Reminder"); color: Theme.mutedText }
        ComboBox {
            id: reminderBox
            objectName: "eventReminderBox"
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "minutes"
        }
        Label { text: qsTr("Place"); color: Theme.mutedText }
        TextField {
            id: locationField
            objectName: "eventLocationField"
            Layout.fillWidth: true
        }
        Label { text: qsTr("Notes"); color: Theme.mutedText; Layout.alignment: Qt.AlignTop }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            TextArea {
                id: notesField
                objectName: "eventNotesField"
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Notes, a link, an agenda …")
                background: Rectangle {
                    color: Theme.surface
                    border.width: notesField.activeFocus ? 2 : 1
                    border.color: notesField.activeFocus ? dialog.accentColor : Theme.border
                    radius: 2
                }
            }
        }
    }
    footer: DialogButtonBox {
        background: Item {}
        Button {
            objectName: "eventSaveButton"
            text: qsTr("Save")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "eventDeleteButton"
            visible: dialog.eventId !== ""
            text: qsTr("Delete")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: {
                dialog.close()
                dialog.deleteRequested(dialog.eventId, dialog.recurrenceId, titleField.text)
            }
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onAccepted: dialog.save()
        onRejected: dialog.close()
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: dialog.visible
        onActivated: dialog.save()
    }
}
